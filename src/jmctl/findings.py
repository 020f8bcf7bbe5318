"""The one shape every check reports in: a located, coded finding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from jmctl.catalogue import describe


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Mark(NamedTuple):
    """A 1-based line and column (in characters) inside a file.

    A named tuple: the loader makes one for every value, and tuples are cheap to make.
    In a workbook, `sheet` names the sheet, and line and column are the cell's row
    and column.
    """

    line: int
    column: int
    sheet: str | None = None

    @property
    def cell(self) -> str:
        """Return the cell's name (C7): the column as letters, then the row."""
        letters, number = "", self.column
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return f"{letters}{self.line}"

    def where(self) -> str:
        """Return the place as people read it: 12:5, or 成员名单!C7 in a workbook."""
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}"
        return f"{self.line}:{self.column}"


FILE_START = Mark(1, 1)


@dataclass(frozen=True)
class Finding:
    """One defect found in one file, with the values its message quotes."""

    path: str
    mark: Mark
    code: str
    args: Mapping[str, object] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return Severity(describe(self.code).severity)

    def message(self, lang: str = "zh") -> str:
        """Return the message in `lang` ("zh" or "en") with its values filled in."""
        return describe(self.code).format(lang, self.args)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.path, self.mark.sheet or "", self.mark.line, self.mark.column, self.code)

    def to_json(self, lang: str = "zh") -> dict[str, object]:
        place: dict[str, object] = {"line": self.mark.line, "column": self.mark.column}
        if self.mark.sheet is not None:
            place = {"sheet": self.mark.sheet, "cell": self.mark.cell, **place}
        return {
            "path": self.path,
            **place,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message(lang),
        }


@dataclass
class Counts:
    """How many files were read, how they fared, and how many findings of each severity."""

    files: int = 0
    files_ok: int = 0
    files_warned: int = 0
    files_failed: int = 0
    errors: int = 0
    warnings: int = 0

    def add_file(self, findings: Iterable[Finding]) -> None:
        """Count one file and its findings."""
        errors = warnings = 0
        for finding in findings:
            if finding.severity is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
        self.files += 1
        self.errors += errors
        self.warnings += warnings
        if errors:
            self.files_failed += 1
        elif warnings:
            self.files_warned += 1
        else:
            self.files_ok += 1

    def to_json(self) -> dict[str, int]:
        return dict(vars(self))


def fails(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    """Return whether these findings make a check fail (warnings only when strict)."""
    return any(strict or f.severity is Severity.ERROR for f in findings)
