"""A PDF with a text layer: its lines in reading order, page by page, and its tables.

pdfplumber (MIT, maintained, built on pdfminer.six) is the library: it gives every
character with its position, so lines come in reading order, spaces can be told from
justification, and its table finder returns rows with cells, which pdfminer.six alone
does not and pypdf does only as loose text. Wrapped lines are joined into paragraphs
(`pdf_lines`), so that a paragraph is one line, as in the Word file it was printed
from. A PDF without any character is a scan: it gets the "no text layer" finding.
"""

from __future__ import annotations

import logging
from io import BytesIO
from typing import Any

from jmctl.findings import FILE_START, Finding
from jmctl.importing.formats.limits import (
    MAX_PDF_CHARACTERS,
    MAX_PDF_PAGES,
    too_large,
    unreadable,
)
from jmctl.importing.formats.lines import Line, Source, row_line
from jmctl.importing.formats.pdf_bounds import over_bounds
from jmctl.importing.formats.pdf_lines import TextLine, goes_on, join, page_lines, widen_edges
from jmctl.importing.formats.pdf_tables import TableRows, table_rows


def read_pdf(raw: bytes, path: str) -> Source:
    """Return the lines of a PDF's bytes; no text layer or a bad file gives a finding."""
    import pdfplumber

    # pdfminer logs every flaw it works around; the reader gets one finding instead.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    try:
        with pdfplumber.open(BytesIO(raw)) as pdf:
            reader = _Reader()
            refused = _bounded(pdf) or _read_pages(pdf, reader)
    except Exception as error:  # pdfminer raises many kinds for a damaged or locked file
        return Source(path, [], [_unreadable(path, error)], "pdf")
    if refused is not None:
        return Source(path, [], [too_large(path, "pdf", *refused)], "pdf")
    if not reader.characters:
        return Source(path, [], [Finding(path, FILE_START, "JM622")], "pdf")
    return Source(path, reader.lines, [], "pdf")


def _bounded(pdf: Any) -> tuple[str, str] | None:
    """Return why the PDF is refused before any page is read, or None."""
    count = _stated_pages(pdf)
    if count > MAX_PDF_PAGES:
        return f"{count} 页，多于 {MAX_PDF_PAGES} 页", f"{count} pages, more than {MAX_PDF_PAGES}"
    return over_bounds(pdf.doc)


def _read_pages(pdf: Any, reader: _Reader) -> tuple[str, str] | None:
    """Read every page into `reader`; return why reading stopped early, or None."""
    for number, page in enumerate(pdf.pages, 1):
        if number > MAX_PDF_PAGES:
            return f"多于 {MAX_PDF_PAGES} 页", f"more than {MAX_PDF_PAGES} pages"
        reader.page(page, number)
        page.close()  # frees its parsed objects: memory stays one page's
        if reader.characters > MAX_PDF_CHARACTERS:
            return (
                f"前 {number} 页已多于 {MAX_PDF_CHARACTERS} 个字符",
                f"more than {MAX_PDF_CHARACTERS} characters in the first {number} pages",
            )
    return None


def _stated_pages(pdf: Any) -> int:
    """Return the page count the document's page tree states, read before any page is."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
    return count if isinstance(count, int) else 0


def _unreadable(path: str, error: Exception) -> Finding:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return unreadable(path, "pdf", "PDF 设有密码", "the PDF is password-protected")
    detail = str(error)[:200] or name
    return unreadable(path, "pdf", f"PDF 已损坏（{detail}）", f"the PDF is damaged ({detail})")


class _Reader:
    def __init__(self) -> None:
        self.items: list[TextLine | TableRows] = []  # in reading order, pages one by one
        self.characters = 0
        self.tables = 0

    def page(self, page: Any, number: int) -> None:
        self.characters += len(page.chars)
        if not page.chars:
            return
        tables = table_rows(page, self.tables)
        self.tables += len(tables)
        texts = page_lines(page, number, [table.bbox for table in tables])
        placed: list[tuple[float, int, TextLine | TableRows]] = [
            (line.top, index, line) for index, line in enumerate(texts)
        ]
        placed += [(table.bbox[1], len(texts) + i, table) for i, table in enumerate(tables)]
        self.items += [item for _, _, item in sorted(placed, key=lambda entry: entry[:2])]

    @property
    def lines(self) -> list[Line]:
        """Return the lines read, wrapped lines joined into their paragraphs."""
        joined: list[TextLine | TableRows] = []
        widen_edges([item for item in self.items if isinstance(item, TextLine)])
        for item in self.items:
            previous = joined[-1] if joined else None
            if (
                isinstance(item, TextLine)
                and isinstance(previous, TextLine)
                and goes_on(previous, item)
            ):
                join(previous, item)
                continue
            joined.append(item)
        lines: list[Line] = []
        for item in joined:
            if isinstance(item, TableRows):
                for index, cells in enumerate(item.rows, 1):
                    where = f"第{item.page}页表{item.number}第{index}行"
                    lines.append(row_line(len(lines) + 1, cells, item.number, where))
            else:
                lines.append(Line(len(lines) + 1, item.text, where=f"第{item.page}页"))
        return lines
