"""Validate data files: read, check the schema, then the domain rules."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.errors import JmctlError
from jmctl.findings import Finding, Severity, fails
from jmctl.loading import Document, Loaded, load_bytes, load_file
from jmctl.model import JointMeeting, build
from jmctl.not_data import not_a_data_file
from jmctl.results import FileResult
from jmctl.rules import Rule, check_rules
from jmctl.safety import each_file, per_file
from jmctl.schema_hints import hinted_schema_findings, placeholders
from jmctl.session_bounds import bound_findings

DATA_SUFFIXES = (".yaml", ".yml")


class InputError(JmctlError):
    """A path on the command line that is not there or holds no data file."""


@dataclass
class FileReport(FileResult):
    """The outcome of validating one file: its findings and, when it has the contract's
    shape, its model and document (kept in this process; a batch sends findings only)."""

    model: JointMeeting | None = field(default=None, kw_only=True)
    document: Document | None = field(default=None, kw_only=True)

    @property
    def internal_error(self) -> bool:
        return self.internal

    @property
    def errors(self) -> int:
        return sum(finding.severity is Severity.ERROR for finding in self.findings)


def data_files(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the files named, and the *.yaml/*.yml files below the folders named, in order."""
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                child
                for child in path.rglob("*")
                if child.suffix in DATA_SUFFIXES and child.is_file() and not _hidden(child, path)
            )
            if not found:
                raise InputError(f"{path}：没有 *.yaml 或 *.yml 文件 (no data files)")
            yield from found
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}：文件或文件夹不存在 (no such file or folder)")


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def check_document(
    document: Document, renames: Iterable[Rename], rules: Iterable[Rule] | None = None
) -> FileReport:
    """Return the schema findings of `document`, or when it has none, the rule findings
    (of `rules`, default every rule)."""
    # The sessions' bounds first: a document over them is never built nor rendered.
    findings = bound_findings(document) + hinted_schema_findings(document)
    if fails(findings):
        return FileReport(Path(document.path), findings)
    model = build(document.data)
    found = check_rules(document, model, renames, rules)
    findings += placeholders(document) + found
    return FileReport(Path(document.path), findings, model=model, document=document)


@per_file(FileReport)
def validate_file(
    path: str | os.PathLike[str],
    renames: Iterable[Rename] | None = None,
    rules: Iterable[Rule] | None = None,
) -> FileReport:
    """Validate one file; a defect in jmctl itself becomes a JM000 finding, not an exception."""
    shown = str(path)
    refusal = not_a_data_file(Path(path))
    if refusal is not None:
        return FileReport(Path(shown), [refusal])
    return _validate_loaded(load_file(Path(path), shown), shown, renames, rules)


def validate_bytes(
    raw: bytes, shown: str = "-", renames: Iterable[Rename] | None = None
) -> FileReport:
    """Validate the content of a data file given as bytes (standard input, a database)."""
    return _validated_bytes(Path(shown), raw, renames)


@per_file(FileReport)
def _validated_bytes(shown: Path, raw: bytes, renames: Iterable[Rename] | None) -> FileReport:
    return _validate_loaded(load_bytes(raw, str(shown)), str(shown), renames, None)


def _validate_loaded(
    loaded: Loaded,
    shown: str,
    renames: Iterable[Rename] | None,
    rules: Iterable[Rule] | None,
) -> FileReport:
    if loaded.document is None:
        return FileReport(Path(shown), loaded.findings)
    table = builtin_renames() if renames is None else renames
    report = check_document(loaded.document, table, rules)
    report.findings[:0] = loaded.findings
    report.findings.sort(key=Finding.sort_key)
    return report


def validate_paths(
    paths: Sequence[str | os.PathLike[str]],
    renames_file: str | os.PathLike[str] | None = None,
    jobs: int | None = None,
    previous: str | os.PathLike[str] | None = None,
) -> Iterator[FileReport]:
    """Yield the report of every data file under `paths`, in file order.

    A user's rename table extends the built-in one; when it has defects of its
    own they come first, as the report of that file. Raises InputError, before
    any file is checked, for a path that is not there. Many files are checked on
    every core (processes: parsing and rules are CPU-bound), streamed in order.
    """
    # Sorted and each once, so output is ordered by file whatever the arguments' order.
    files = sorted(set(data_files(paths)), key=str)
    renames = list(builtin_renames())
    if renames_file is not None:
        extra, problems = load_renames(Path(renames_file))
        renames.extend(extra)
        if problems:
            yield FileReport(Path(renames_file), problems)
    if previous is not None:
        before = validate_file(previous, renames)
        if before.model is None:
            yield before  # last year's edition must have the contract's shape to compare
            previous = None
    work = partial(_findings_only, renames=tuple(renames), previous=previous)
    yield from each_file(work, files, FileReport, jobs)


def _findings_only(
    path: Path, renames: tuple[Rename, ...], previous: str | os.PathLike[str] | None = None
) -> FileReport:
    """Validate and keep only the findings: a worker sends back little, memory stays flat.

    With `previous` (last year's edition), a file of the right shape is also checked
    against it.
    """
    report = validate_file(path, renames)
    if previous is not None and report.model is not None:
        report.findings += against_previous(previous, report, renames)
        report.findings.sort(key=Finding.sort_key)
    return FileReport(report.source, report.findings, error=report.error)


def against_previous(
    previous: str | os.PathLike[str], report: FileReport, renames: Iterable[Rename]
) -> list[Finding]:
    """Return the findings of a sound edition against the edition before it."""
    from jmctl.change import Edition
    from jmctl.yearly import previous_edition_findings

    before = validate_file(previous, renames)
    if before.model is None or before.document is None or report.document is None:
        return []
    assert report.model is not None
    return previous_edition_findings(
        Edition(before.document, before.model), Edition(report.document, report.model), renames
    )
