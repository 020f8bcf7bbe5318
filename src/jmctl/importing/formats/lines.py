"""What every reader gives: numbered lines (paragraphs, text lines, table rows)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from jmctl.findings import Finding


@dataclass(frozen=True)
class Line:
    """One line of a document: a text line, a paragraph, or a table row.

    A table row keeps its cells, left to right (a horizontally merged cell is one
    cell; a vertically merged cell repeats the text of the cell it continues), and
    `table`, the 1-based number of its table in the document (0 for a paragraph or a
    text line); its `text` is the cells joined with " | ". `where` says in words where
    the line is, for a reader of findings ("第3段", "表2第3行", "第5页", "页眉")."""

    number: int
    text: str
    cells: tuple[str, ...] = ()
    table: int = 0
    where: str = ""


@dataclass
class Source:
    path: str
    lines: list[Line]
    findings: list[Finding]
    kind: str  # the format read: "txt", "docx", "doc", "wps", "pdf" or "html"
    # A DOCX's custom document properties (the data a jmctl-rendered DOCX carries).
    properties: Mapping[str, str] = field(default_factory=dict)


def row_line(number: int, cells: tuple[str, ...], table: int, where: str = "") -> Line:
    """Return the line of one table row."""
    return Line(number, " | ".join(cells), cells, table, where)


def visible_text(lines: list[Line]) -> str:
    """Return the text a reader sees, one non-blank line per line, spaces at the ends
    dropped: what a rendered DOCX's checksum is taken over."""
    return "\n".join(text for line in lines if (text := line.text.strip()))


def text_digest(lines: list[Line]) -> str:
    """Return the SHA-256 (hex) of the visible text of `lines`."""
    return hashlib.sha256(visible_text(lines).encode("utf-8")).hexdigest()
