"""Word's body in document order: paragraphs, tables (nested too), text boxes.

A table row becomes one line with its cells: a horizontally merged cell (w:gridSpan)
is one cell, a vertically merged one (w:vMerge) repeats the text of the cell it
continues. Spans count only the table's real grid columns, so a span of twenty
million costs nothing. A nested table's rows follow the row that holds it.
"""

from __future__ import annotations

from lxml import etree

from jmctl.importing.formats.docx_runs import InlineReader, Seen, Visibility
from jmctl.importing.formats.lines import Line, row_line
from jmctl.importing.formats.ooxml import w

_WRAPPERS = frozenset({w("customXml"), w("ins"), w("moveTo")})  # hold blocks, rows, cells
_MAX_GRID = 1_000  # columns assumed when a table states no grid
_P, _TBL, _TR, _TC, _SDT, _CONTENT = w("p"), w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
_CELL_PR, _SPAN, _MERGE, _VAL = w("tcPr"), w("gridSpan"), w("vMerge"), w("val")


class BodyReader:
    """Turns the blocks of a body, header or text box into numbered lines."""

    def __init__(self, visibility: Visibility) -> None:
        self.seen = Seen()
        self.lines: list[Line] = []
        self.hidden_at = 0  # the first line near which text a reader does not see was met
        self._inline = InlineReader(visibility, self.seen)
        self._paragraphs = 0
        self._tables = 0

    def blocks(self, container: etree._Element, where: str = "") -> None:
        """Read the paragraphs and tables of `container`; `where` names a place for
        all of them (页眉, 文本框), else each paragraph is named by its number."""
        for child in _children(container):
            if child.tag == _P:
                self._paragraph(child, where)
            elif child.tag == _TBL:
                self._table(child)

    def _paragraph(self, paragraph: etree._Element, where: str) -> None:
        text, boxes = self._inline.paragraph(paragraph)
        if not where:
            self._paragraphs += 1
        place = where or f"第{self._paragraphs}段"
        # A manual line break is layout (a long title broken by hand), as in the cells.
        self._add(Line(len(self.lines) + 1, text.replace("\n", ""), where=place))
        for box in boxes:
            self.blocks(box, f"{place}的文本框")

    def _table(self, table: etree._Element) -> None:
        self._tables += 1
        number = self._tables
        grid = table.find(w("tblGrid"))
        columns = len(grid.findall(w("gridCol"))) if grid is not None else 0
        above: dict[int, str] = {}  # grid column → text of the cell last started there
        rows = [child for child in _children(table) if child.tag == _TR]
        for index, row in enumerate(rows, 1):
            if _row_hidden(row):
                continue
            cells, nested = self._row(row, columns or _MAX_GRID, above)
            self._add(row_line(len(self.lines) + 1, tuple(cells), number, f"表{number}第{index}行"))
            for inner in nested:  # nested tables and text boxes, after their row
                if inner.tag == w("tbl"):
                    self._table(inner)
                else:
                    self.blocks(inner, f"表{number}第{index}行的文本框")

    def _row(
        self, row: etree._Element, columns: int, above: dict[int, str]
    ) -> tuple[list[str], list[etree._Element]]:
        column = _int(row.find(f"{w('trPr')}/{w('gridBefore')}"), 0)
        cells: list[str] = []
        nested: list[etree._Element] = []
        for cell in (child for child in _children(row) if child.tag == _TC):
            properties = cell.find(_CELL_PR)
            span = _int(None if properties is None else properties.find(_SPAN), 1)
            span = max(1, min(span, columns - column))
            merge = None if properties is None else properties.find(_MERGE)
            if merge is not None and merge.get(_VAL, "continue") != "restart":
                text = above.get(column, "")  # nothing above in a first row: an empty cell
            else:
                text = self._cell(cell, nested)
            above[column] = text
            cells.append(text)
            column += span
        return cells, nested

    def _cell(self, cell: etree._Element, nested: list[etree._Element]) -> str:
        """Return the text of a cell's paragraphs joined; its tables and text boxes are
        kept in `nested`, read after the row."""
        parts: list[str] = []
        for child in _children(cell):
            if child.tag == _P:
                text, boxes = self._inline.paragraph(child)
                parts.append(text.replace("\n", ""))
                nested += boxes
            elif child.tag == _TBL:
                nested.append(child)
        return "".join(parts)

    def _add(self, line: Line) -> None:
        if (self.seen.hidden or self.seen.deleted) and not self.hidden_at:
            self.hidden_at = line.number
        self.lines.append(line)


def _children(element: etree._Element) -> list[etree._Element]:
    """Return the children of `element`, looking through content controls (what they
    show) and the wrappers that may hold blocks, rows or cells."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == _SDT:
            shown = child.find(_CONTENT)
            if shown is not None:
                found += _children(shown)
        elif child.tag in _WRAPPERS:
            found += _children(child)
        else:
            found.append(child)
    return found


def _row_hidden(row: etree._Element) -> bool:
    properties = row.find(w("trPr"))
    return properties is not None and (
        properties.find(w("hidden")) is not None or properties.find(w("del")) is not None
    )


def _int(element: etree._Element | None, default: int) -> int:
    if element is None:
        return default
    value = element.get(_VAL, "")
    return int(value) if value.isdigit() and len(value) < 10 else default
