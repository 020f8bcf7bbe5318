"""One file's trouble stays that file's: the per-file safety net of every batch.

Every command that works through many files (validate, render, diff, import, check)
runs each file through `per_file`: a defect of jmctl's that one file triggers
becomes that file's JM000 finding, and the rest of the batch goes on.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from jmctl.findings import FILE_START, Finding

Params = ParamSpec("Params")
Result = TypeVar("Result")
# The type of a decorated function's first argument (Path, or any path-like).
FilePath = TypeVar("FilePath", bound="str | os.PathLike[str]")


def bug_finding(path: str | os.PathLike[str], error: BaseException) -> Finding:
    """Return the JM000 finding that reports `error`, a defect of jmctl's, at `path`."""
    detail = f"{type(error).__name__}: {error}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    return Finding(str(path), FILE_START, "JM000", {"detail": detail})


def per_file(
    fallback: Callable[[FilePath, Finding], Result],
) -> Callable[
    [Callable[Concatenate[FilePath, Params], Result]],
    Callable[Concatenate[FilePath, Params], Result],
]:
    """Decorate a function whose first argument is the file it works on: any exception
    it raises is returned as `fallback(path, JM000 finding)` instead.

    The decorated function stays a module-level function, so batches still send it
    to worker processes.
    """

    def decorate(
        work: Callable[Concatenate[FilePath, Params], Result],
    ) -> Callable[Concatenate[FilePath, Params], Result]:
        @functools.wraps(work)
        def guarded(path: FilePath, /, *args: Params.args, **kwargs: Params.kwargs) -> Result:
            try:
                return work(path, *args, **kwargs)
            except Exception as error:  # a bug: reported for this file, the batch goes on
                return fallback(path, bug_finding(path, error))

        return guarded

    return decorate
