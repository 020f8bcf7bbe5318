"""One file's trouble stays that file's: the per-file safety net, and the one batch.

Every command that works through files (validate, render, import, check, fix,
export, diff) runs each file through `per_file`, and many files through
`each_file`. Here, and only here, an exception is sorted by its type: a
`JmctlError` is the input's or the machine's, and becomes that file's error (or
its finding); any other exception is a defect of jmctl's, and becomes that file's
JM000 finding. Either way the rest of the batch goes on.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from jmctl.errors import JmctlError
from jmctl.findings import FILE_START, Finding
from jmctl.parallel import ordered_map
from jmctl.results import INTERNAL_CODE, FileResult

Params = ParamSpec("Params")
Result = TypeVar("Result", bound=FileResult)
Output = TypeVar("Output")
Item = TypeVar("Item")
# What a file's result is made of when its work raises: a FileResult type, or for a
# result of another shape (diff's), a function of the path and the finding that says why.
Fallback = type[Output] | Callable[[Any, Finding], Output]
# The type of a decorated function's first argument (Path, or any path-like).
FilePath = TypeVar("FilePath", bound="str | os.PathLike[str]")


def bug_finding(path: str | os.PathLike[str], error: BaseException) -> Finding:
    """Return the JM000 finding that reports `error`, a defect of jmctl's, at `path`."""
    detail = f"{type(error).__name__}: {error}"
    if len(detail) > 300:
        detail = detail[:300] + "…"
    return Finding(str(path), FILE_START, INTERNAL_CODE, {"detail": detail})


def error_finding(path: str | os.PathLike[str], error: Exception) -> Finding:
    """Return the one finding that says `error`: its own, else JM906 with its message;
    for a bug, JM000."""
    if not isinstance(error, JmctlError):
        return bug_finding(path, error)
    if error.finding is not None:
        return error.finding
    return Finding(str(path), FILE_START, "JM906", {"detail": error.text})


def record(result: FileResult, error: Exception) -> None:
    """Put `error` on `result`: a `JmctlError` as its located finding when it has one,
    else as the file's error (the first one stays); anything else, a bug, as JM000."""
    if not isinstance(error, JmctlError):
        result.findings.append(bug_finding(result.source, error))
    elif error.finding is not None:
        result.findings.append(error.finding)
    else:
        result.error = result.error or error.text


def failure(fallback: Fallback[Output], path: str | os.PathLike[str], error: Exception) -> Output:
    """Return the result of a file whose work raised `error`: a `FileResult` type gets it
    as `record` puts it; any other fallback, as the one finding that says it."""
    if isinstance(fallback, type) and issubclass(fallback, FileResult):
        result = fallback(Path(path))
        record(result, error)
        return cast("Output", result)
    make = cast("Callable[[Any, Finding], Output]", fallback)
    return make(path, error_finding(path, error))


def per_file(
    fallback: Fallback[Output],
) -> Callable[
    [Callable[Concatenate[FilePath, Params], Output]],
    Callable[Concatenate[FilePath, Params], Output],
]:
    """Decorate a function whose first argument is the file it works on: whatever it
    raises is returned as that file's result (see `failure`) instead. `fallback` is the
    `FileResult` type the function returns, or a function making a result of another
    shape from the path and a finding.

    The decorated function stays a module-level function, so batches still send it
    to worker processes.
    """

    def decorate(
        work: Callable[Concatenate[FilePath, Params], Output],
    ) -> Callable[Concatenate[FilePath, Params], Output]:
        @functools.wraps(work)
        def guarded(path: FilePath, /, *args: Params.args, **kwargs: Params.kwargs) -> Output:
            try:
                return work(path, *args, **kwargs)
            except Exception as error:  # sorted by type in `failure`; the batch goes on
                return failure(fallback, path, error)

        return guarded

    return decorate


def each_file(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    result_type: type[Result],
    jobs: int | None = None,
    *,
    path_of: Callable[[Item], Path] | None = None,
) -> Iterator[Result]:
    """Yield `work(item)` for every item, in order, on `jobs` processes when there are
    many: the one batch of every command. Each file runs inside the safety net, so
    none stops the others. An item is a file's path, or what `path_of` takes the path
    from (a file with its own target: `operator.itemgetter(0)`). `work` and `path_of`
    are module-level functions (or partials of them): they go to the worker processes."""
    guarded = functools.partial(_guarded, work, result_type, path_of)
    yield from ordered_map(guarded, items, jobs)


def _guarded(
    work: Callable[[Item], Result],
    result_type: type[Result],
    path_of: Callable[[Item], Path] | None,
    item: Item,
) -> Result:
    try:
        return work(item)
    except Exception as error:  # sorted by type in `failure`; the batch goes on
        path = path_of(item) if path_of is not None else cast("Path", item)
        return failure(result_type, path, error)
