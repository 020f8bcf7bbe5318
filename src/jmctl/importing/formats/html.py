"""A web page saved from a browser: what the page shows, as lines and table rows.

Block elements end lines, <br> breaks them, whitespace collapses as a browser
collapses it (full-width spaces are text and stay). Scripts, styles, the <head> and
hidden elements (the `hidden` attribute, display:none, visibility:hidden) are not
read. A table whose cells hold only short text is a data table: its rows become rows
with cells (colspan gives one cell, rowspan repeats the text below, as in Word). A
table used for layout (cells holding tables or several paragraphs, or one column)
is read as the blocks it holds. Page furniture (当前位置, 打印 关闭) is kept as lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree, html

from jmctl.importing.formats.html_css import HiddenRules, hidden_rules
from jmctl.importing.formats.html_decode import decode_page
from jmctl.importing.formats.limits import unreadable
from jmctl.importing.formats.lines import Line, Source, row_line

_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "  # noqa: SIM905
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li "
    "main nav ol p pre section summary ul".split()
)
_DROPPED = frozenset(
    "head script style noscript template iframe object embed select textarea input svg "  # noqa: SIM905
    "canvas map audio video".split()
)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_LAYOUT_BLOCKS = 3  # a cell with more block elements than this is page layout
_LAYOUT_CHARACTERS = 300
_MAX_SPAN = 1_000


@dataclass
class _Lines:
    """Lines being built: the current line's pieces, then finished lines."""

    lines: list[Line] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    where: str = ""

    def add(self, text: str | None, keep_spaces: bool = False) -> None:
        if text:
            self.pieces.append(text if keep_spaces else _SPACES.sub(" ", text))

    def end(self) -> None:
        text = "".join(self.pieces).replace("\xa0", " ").strip(" ")
        self.pieces = []
        if text:
            self.lines.append(Line(len(self.lines) + 1, text, where=self.where))


def read_html(raw: bytes, path: str) -> Source:
    """Return the lines of a web page's bytes; an unreadable page gives a finding."""
    text, findings = decode_page(raw, path)
    if text is None or not text.strip():
        return Source(path, [], findings, "html")
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text[:200]) + text[200:]  # lxml refuses it in str
    try:
        root = html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError) as error:
        finding = unreadable(path, "html", f"无法解析网页（{error}）", f"not parsable ({error})")
        return Source(path, [], [*findings, finding], "html")
    reader = _Reader(hidden_rules(root))
    reader.block(root)
    reader.out.end()
    return Source(path, reader.out.lines, findings, "html")


def _parser() -> html.HTMLParser:
    return html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


class _Reader:
    def __init__(self, hidden: HiddenRules) -> None:
        self.out = _Lines()
        self.tables = 0
        self.hidden = hidden

    def block(self, element: etree._Element, pre: bool = False) -> None:
        """Read `element`'s text and children into lines (it is not dropped itself)."""
        self.out.add(element.text, pre)
        for child in element:
            self.child(child, pre)
            self.out.add(child.tail, pre)

    def child(self, element: etree._Element, pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _DROPPED or self.hidden.hides(element):
            return
        if tag == "br":
            self.out.end()
        elif tag == "table":
            self.out.end()
            self.table(element)
        elif tag in _BLOCKS or tag in ("td", "th", "tr"):
            self.out.end()
            self.out.where = _where(element)
            self.block(element, pre or tag == "pre")
            self.out.end()
        elif pre:
            self.block(element, pre)
        else:
            self.block(element)

    def table(self, table: etree._Element) -> None:
        rows = [row for row in _rows(table) if not self.hidden.hides(row)]
        if _layout(rows):
            for row in rows:
                self.child(row, False)
            return
        self.tables += 1
        below: dict[int, tuple[str, int, int]] = {}  # column → text, rows left, span
        for index, row in enumerate(rows, 1):
            cells = self.cells(row, below)
            if any(cells):
                number = len(self.out.lines) + 1
                where = f"表{self.tables}第{index}行"
                self.out.lines.append(row_line(number, tuple(cells), self.tables, where))

    def cells(self, row: etree._Element, below: dict[int, tuple[str, int, int]]) -> list[str]:
        """Return a row's cells; a cell spanning rows above lends its text to this one."""
        cells: list[str] = []
        column = 0
        for cell in _cells(row):
            if self.hidden.hides(cell):
                continue
            column = self.continued(cells, column, below)
            text = self.cell_text(cell)
            span = _span(cell, "colspan")
            rows = _span(cell, "rowspan")
            if rows > 1:
                below[column] = (text, rows - 1, span)
            cells.append(text)
            column += span
        self.continued(cells, column, below, to_end=True)
        return cells

    def cell_text(self, cell: etree._Element) -> str:
        reader = _Reader(self.hidden)
        reader.block(cell)
        reader.out.end()
        return "".join(line.text for line in reader.out.lines)

    @staticmethod
    def continued(
        cells: list[str], column: int, below: dict[int, tuple[str, int, int]], to_end: bool = False
    ) -> int:
        while column in below or (to_end and any(c >= column for c in below)):
            if column not in below:
                column = min(c for c in below if c >= column)
            text, left, span = below.pop(column)
            cells.append(text)
            if left > 1:
                below[column] = (text, left - 1, span)
            column += span
        return column


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows += [row for row in child if row.tag == "tr"]
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _layout(rows: list[etree._Element]) -> bool:
    """Whether a table lays out a page rather than holding data."""
    if all(len(_cells(row)) <= 1 for row in rows):
        return True
    for row in rows:
        for cell in _cells(row):
            if cell.find(".//table") is not None:
                return True
            blocks = sum(1 for e in cell.iter() if isinstance(e.tag, str) and e.tag in _BLOCKS)
            # lxml.html makes HtmlElements; lxml-stubs types the tree as etree._Element
            text = cell.text_content()  # type: ignore[attr-defined]
            if blocks > _LAYOUT_BLOCKS or len(text) > _LAYOUT_CHARACTERS:
                return True
    return False


def _span(cell: etree._Element, name: str) -> int:
    value = (cell.get(name) or "").strip()
    return max(1, min(int(value), _MAX_SPAN)) if value.isdigit() and len(value) < 6 else 1


def _where(element: etree._Element) -> str:
    line = element.sourceline
    return f"网页源码第{line}行" if line else ""
