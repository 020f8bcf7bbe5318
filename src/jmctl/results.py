"""The one result of working on one file, whatever the command: what every reporter reads.

validate, render, import, check, fix and export each give a `FileResult` (or a
subclass carrying that command's own per-file data) for every file they work on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jmctl.catalogue import Text
from jmctl.findings import Counts, Finding, fails

INTERNAL_CODE = "JM000"  # the finding of a defect in jmctl itself


@dataclass
class FileResult:
    """What one command made of one file.

    `error` is why the file could not be done when that is not a finding of its
    data (an output that cannot be written, LibreOffice missing): a `JmctlError`'s
    message in both languages. `notes` are said once, not counted as findings.
    """

    source: Path
    findings: list[Finding] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    error: Text | None = None
    notes: list[Text] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.source, Path):  # library callers may pass text
            self.source = Path(self.source)

    @property
    def path(self) -> str:
        """The file as it is shown in findings."""
        return str(self.source)

    @property
    def internal(self) -> bool:
        """Whether a defect of jmctl's stopped this file (a JM000 finding)."""
        return any(finding.code == INTERNAL_CODE for finding in self.findings)

    def details(self) -> dict[str, object]:
        """A command's own per-file data for the JSON report (fix: its edits)."""
        return {}

    def failed(self, strict: bool = False) -> bool:
        """Whether this file failed: an error, or findings that fail (warnings when strict)."""
        return self.error is not None or fails(self.findings, strict=strict)


@dataclass
class Tally:
    """What a whole run came to: the findings counted per file, the outputs, the failures."""

    counts: Counts = field(default_factory=Counts)
    outputs: int = 0
    failed: int = 0
    nothing_written: int = 0
    internal: bool = False

    def add(self, result: FileResult, strict: bool = False) -> None:
        self.counts.add_file(result.findings)
        self.outputs += len(result.outputs)
        self.failed += result.failed(strict)
        self.nothing_written += not result.outputs
        self.internal = self.internal or result.internal

    def to_json(self) -> dict[str, int]:
        return {**self.counts.to_json(), "outputs": self.outputs, "files_not_done": self.failed}


def tally(results: Iterable[FileResult], strict: bool = False) -> Tally:
    """Return the tally of `results`."""
    total = Tally()
    for result in results:
        total.add(result, strict)
    return total
