"""The ruled tables of a PDF page, as rows of cells with merged cells resolved.

pdfplumber gives a table as a grid in which a merged cell occupies its first grid
position and leaves None in the others. As in Word, a cell merged across columns is
one cell, and a cell merged down repeats its text in each row it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]
_CLOSE = 1.0  # points: grid lines closer than this are one line
_MAX_MERGE_CELLS = 2_000


@dataclass
class TableRows:
    number: int  # 1-based, counted over the whole document
    page: int
    bbox: Box
    rows: list[tuple[str, ...]]


def table_rows(page: Any, before: int) -> list[TableRows]:
    """Return the tables pdfplumber finds on `page`, numbered after `before` others."""
    found: list[TableRows] = []
    for table in page.find_tables():
        rows = _rows(table)
        if rows:
            found.append(TableRows(before + len(found) + 1, page.page_number, table.bbox, rows))
    return found


def _rows(table: Any) -> list[tuple[str, ...]]:
    texts = table.extract()
    starts = [_column_start(column) for column in table.columns]
    started: dict[Box, str] = {}  # each real cell's box → its text
    rows = []
    for row, row_texts in zip(table.rows, texts, strict=False):
        cells: list[str] = []
        for column, (box, text) in enumerate(zip(row.cells, row_texts, strict=False)):
            if box is not None:
                started[box] = _flat(text)
                cells.append(started[box])
                continue
            if len(table.cells) > _MAX_MERGE_CELLS:
                continue  # merged cells are looked up cell by cell: not in a huge table
            above = _covering(table.cells, starts[column], row.bbox)
            if above is not None and abs(above[0] - starts[column]) < _CLOSE:
                cells.append(started.get(above, ""))  # merged down: the text repeats
        if any(cells):
            rows.append(tuple(cells))
    return rows


def _column_start(column: Any) -> float:
    boxes = [box for box in column.cells if box is not None]
    return min(box[0] for box in boxes) if boxes else -1.0


def _covering(cells: list[Box], x: float, row: Box) -> Box | None:
    """Return the cell that covers the grid position at column start `x` in `row`."""
    middle = (row[1] + row[3]) / 2
    for box in cells:
        if box[0] - _CLOSE <= x < box[2] and box[1] <= middle <= box[3]:
            return box
    return None


def _flat(text: str | None) -> str:
    return (text or "").replace("\n", "")
