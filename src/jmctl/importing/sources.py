"""Read an existing document as numbered lines: text lines, or DOCX paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jmctl.findings import FILE_START, Finding
from jmctl.loading import MAX_BYTES, decode_text

DOCUMENT_SUFFIXES = (".docx", ".txt")


def documents_under(paths: Iterable[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """Return the files named, and those with `suffixes` below the folders named, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
            )
        else:
            found.append(path)
    return found


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Line:
    """One line of a text file or one paragraph of a DOCX (table rows joined with |).

    A table row also keeps its cells, left to right (a vertically merged cell repeats
    the text of the cell it continues), and `table`, the 1-based number of its table in
    the document (0 for a paragraph or a text line)."""

    number: int
    text: str
    cells: tuple[str, ...] = ()
    table: int = 0


@dataclass
class Source:
    path: str
    lines: list[Line]
    findings: list[Finding]
    kind: str  # "txt" or "docx"


def read_source(path: Path) -> Source:
    """Return the numbered lines of `path`; a file that cannot be read gives findings."""
    shown = str(path)
    try:
        raw = path.read_bytes()[: MAX_BYTES * 8]
    except OSError as error:
        return Source(
            shown,
            [],
            [Finding(shown, FILE_START, "JM001", {"detail": error.strerror or str(error)})],
            "txt",
        )
    if raw.startswith(b"PK\x03\x04"):
        return docx_source(shown, raw)
    text, findings = decode_text(raw, shown)
    # Control characters carry nothing a notice needs, and a DOCX cannot hold them.
    lines = (
        []
        if text is None
        else [Line(n, _CONTROL.sub("", line)) for n, line in enumerate(text.splitlines(), 1)]
    )
    return Source(shown, lines, findings, "txt")


def docx_source(path: str, raw: bytes) -> Source:
    """Return the paragraphs (and table rows) of a DOCX's bytes as numbered lines."""
    from io import BytesIO

    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(BytesIO(raw))
    except Exception as error:  # python-docx raises several kinds for a bad package
        detail = f"不是可读的 DOCX 文件 (not a readable DOCX): {error}"
        return Source(path, [], [Finding(path, FILE_START, "JM001", {"detail": detail})], "docx")
    lines: list[Line] = []
    section = document.sections[0]
    if section.different_first_page_header_footer:  # the letter format's mark
        lines += [Line(0, p.text) for p in section.first_page_header.paragraphs if p.text]
    number = 0
    tables = 0
    for element in document.element.body:
        if element.tag == qn("w:p"):
            number += 1
            lines.append(Line(number, Paragraph(element, document).text.replace("\n", "")))
        elif element.tag == qn("w:tbl"):
            tables += 1
            for row in Table(element, document).rows:
                number += 1
                cells = tuple(cell.text.replace("\n", "") for cell in row.cells)
                lines.append(Line(number, " | ".join(cells), cells, tables))
    return Source(path, lines, [], "docx")
