"""A PDF with a text layer: its lines in reading order, page by page, and its tables.

pdfplumber (MIT, maintained, built on pdfminer.six) is the library: it gives every
character with its position, so lines come in reading order and the table finder
returns rows with cells, which pdfminer.six alone does not and pypdf does only as
loose text. A line wrapped at the right margin is joined to the next one when that
one is not indented (a new paragraph of a 公文 starts two characters in), so that a
paragraph is one line, as in the Word file it was printed from. Page numbers in the
top or bottom margin are page furniture and are not read. A PDF without any
character is a scan: it gets the "no text layer" finding.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

from jmctl.findings import FILE_START, Finding
from jmctl.importing.formats.limits import MAX_PDF_PAGES, too_large, unreadable
from jmctl.importing.formats.lines import Line, Source
from jmctl.importing.formats.pdf_tables import TableRows, table_rows

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")
_MARGIN = 0.1  # the top and bottom tenths of a page, where page numbers stand


def read_pdf(raw: bytes, path: str) -> Source:
    """Return the lines of a PDF's bytes; no text layer or a bad file gives a finding."""
    import pdfplumber

    try:
        with pdfplumber.open(BytesIO(raw)) as pdf:
            count = _stated_pages(pdf)
            if count > MAX_PDF_PAGES:
                return _refused(path, count)
            reader = _Reader()
            for number, page in enumerate(pdf.pages, 1):
                if number > MAX_PDF_PAGES:
                    return _refused(path, len(pdf.pages))
                reader.page(page, number)
                page.close()  # frees its parsed objects: memory stays one page's
    except Exception as error:  # pdfminer raises many kinds for a damaged or locked file
        return Source(path, [], [_unreadable(path, error)], "pdf")
    if not reader.characters:
        return Source(path, [], [Finding(path, FILE_START, "JM622")], "pdf")
    return Source(path, reader.lines, [], "pdf")


def _stated_pages(pdf: Any) -> int:
    """Return the page count the document's page tree states, read before any page is."""
    from pdfminer.pdftypes import resolve1

    pages = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
    return count if isinstance(count, int) else 0


def _refused(path: str, count: int) -> Source:
    finding = too_large(
        path,
        "pdf",
        f"{count} 页，多于 {MAX_PDF_PAGES} 页",
        f"{count} pages, more than {MAX_PDF_PAGES}",
    )
    return Source(path, [], [finding], "pdf")


def _unreadable(path: str, error: Exception) -> Finding:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return unreadable(path, "pdf", "PDF 设有密码", "the PDF is password-protected")
    detail = str(error)[:200] or name
    return unreadable(path, "pdf", f"PDF 已损坏（{detail}）", f"the PDF is damaged ({detail})")


class _Reader:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.characters = 0
        self.tables = 0

    def page(self, page: Any, number: int) -> None:
        self.characters += len(page.chars)
        if not page.chars:
            return
        tables = table_rows(page, self.tables)
        self.tables += len(tables)
        boxes = [table.bbox for table in tables]
        texts = [
            line
            for line in page.extract_text_lines(return_chars=False)
            if not any(_inside(line, box) for box in boxes) and not _furniture(line, page)
        ]
        where = f"第{number}页"
        for item in _in_order(_paragraphs(texts), tables):
            if isinstance(item, TableRows):
                for index, cells in enumerate(item.rows, 1):
                    self._add(Line(0, " | ".join(cells), cells, item.number, _row(item, index)))
            else:
                self._add(Line(0, item["text"], where=where))

    def _add(self, line: Line) -> None:
        self.lines.append(Line(len(self.lines) + 1, line.text, line.cells, line.table, line.where))


def _row(table: TableRows, index: int) -> str:
    return f"第{table.page}页表{table.number}第{index}行"


def _inside(line: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return box[1] <= middle <= box[3] and box[0] - 1 <= line["x0"] and line["x1"] <= box[2] + 1


def _furniture(line: dict[str, Any], page: Any) -> bool:
    """Whether a line is a page number in the top or bottom margin."""
    margin = page.height * _MARGIN
    in_margin = line["top"] < margin or line["bottom"] > page.height - margin
    return in_margin and bool(_PAGE_NUMBER.match(line["text"]))


def _paragraphs(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join each line that reaches the right edge with the next, unindented, one."""
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    joined: list[dict[str, Any]] = []
    for line in lines:
        previous = joined[-1] if joined else None
        size = line["bottom"] - line["top"]
        if (
            previous is not None
            and previous["x1"] >= right - 1.5 * size
            and line["x0"] <= left + 0.5 * size
            and 0 <= line["top"] - previous["bottom"] < size
        ):
            previous["text"] += line["text"]
            previous["x1"], previous["bottom"] = line["x1"], line["bottom"]
        else:
            joined.append(dict(line))
    return joined


def _in_order(
    texts: list[dict[str, Any]], tables: list[TableRows]
) -> list[dict[str, Any] | TableRows]:
    """Return text lines and tables of one page from top to bottom."""
    items: list[tuple[float, int, dict[str, Any] | TableRows]] = [
        (line["top"], index, line) for index, line in enumerate(texts)
    ]
    items += [(table.bbox[1], len(texts) + index, table) for index, table in enumerate(tables)]
    return [item for _, _, item in sorted(items, key=lambda entry: entry[:2])]
