"""One file's trouble stays that file's: the per-file safety net of every batch.

Every command that works through many files (validate, render, diff, import, check)
runs each file through `per_file`: a defect of jmctl's that one file triggers
becomes that file's JM000 finding, and the rest of the batch goes on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from jmctl.findings import FILE_START, Finding

Params = ParamSpec("Params")
Result = TypeVar("Result")


def bug_finding(path: Path | str, error: BaseException) -> Finding:
    """Return the JM000 finding that reports `error`, a defect of jmctl's, at `path`."""
    detail = f"{type(error).__name__}: {error}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    return Finding(str(path), FILE_START, "JM000", {"detail": detail})


def per_file(
    fallback: Callable[[Path, Finding], Result],
) -> Callable[
    [Callable[Concatenate[Path, Params], Result]], Callable[Concatenate[Path, Params], Result]
]:
    """Decorate a function whose first argument is the file it works on: any exception
    it raises is returned as `fallback(path, JM000 finding)` instead.

    The decorated function stays a module-level function, so batches still send it
    to worker processes.
    """

    def decorate(
        work: Callable[Concatenate[Path, Params], Result],
    ) -> Callable[Concatenate[Path, Params], Result]:
        @functools.wraps(work)
        def guarded(path: Path, *args: Params.args, **kwargs: Params.kwargs) -> Result:
            try:
                return work(path, *args, **kwargs)
            except Exception as error:  # a bug: reported for this file, the batch goes on
                return fallback(path, bug_finding(path, error))

        return guarded

    return decorate
