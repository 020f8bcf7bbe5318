"""Change values in a workbook's own cells, keeping everything else the office added.

A fix of a workbook replaces, cell by cell, the text a value had with its new text
(inside a cell that lists several names, only that name). Colours, widths, notes
and extra sheets stay. The result is read back and must give the intended data;
when it does not, None is returned and the caller writes the workbook anew.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from jmctl.findings import Mark
from jmctl.workbook.layout import sheets
from jmctl.workbook.reading import load_workbook_bytes

_LINE = "\n"  # a line break separates the items of any list in one cell


def edited_workbook(
    raw: bytes, changes: Iterable[tuple[Mark, str, str]], expected: Any
) -> bytes | None:
    """Return `raw` with each (cell, old text, new text) changed, or None when the result
    does not read back as `expected`."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw))
    for mark, old, new in changes:
        if mark.sheet is None or mark.sheet not in book.sheetnames:
            return None
        cell = book[mark.sheet].cell(mark.line, mark.column)
        replaced = _replaced(cell.value, old, new)
        if replaced is not None:
            cell.value = replaced
    buffer = io.BytesIO()
    book.save(buffer)
    result = buffer.getvalue()
    reread = load_workbook_bytes(result, "edited.xlsx").document
    return result if reread is not None and reread.data == expected else None


def _replaced(value: Any, old: str, new: str) -> str | None:
    """Return the cell's text with `old` made `new`: the whole cell, or one listed name."""
    if not isinstance(value, str):
        return None
    if value == old:
        return new
    for separator in _separators():
        items = value.split(separator)
        if old in items:
            return separator.join(new if item == old else item for item in items)
    return None


def _separators() -> tuple[str, ...]:
    """Return the separators of the names one cell may list (简称, 负责单位: 、), and lines."""
    joins = [column.join for sheet in sheets() for column in getattr(sheet, "columns", ())]
    return tuple(dict.fromkeys([*joins, _LINE]))
