"""Write data (or nothing, for a blank form) as a workbook with Chinese sheets and columns."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jmctl.loading import TreePath
from jmctl.workbook.cells import INSTRUCTIONS_SHEET, META_SHEET, dotted
from jmctl.workbook.fields import FieldsWriter
from jmctl.workbook.layout import FieldsSheet, sheets, vocabulary
from jmctl.workbook.style import add_styles, fonts, put
from jmctl.workbook.tables import TableWriter


def workbook_bytes(data: dict[str, Any] | None, *, every_field: bool = False) -> bytes:
    """Return the .xlsx of `data`; None gives the blank form with every field listed.

    `every_field` also lists, empty, the fields `data` leaves out (a starting file):
    an empty 内容 reads back as nothing, so the data stays the same.
    """
    book = Workbook()
    book.remove(book.worksheets[0])  # the blank sheet every new workbook has
    add_styles(book)
    hints: list[tuple[str, TreePath]] = []
    for sheet in sheets():
        page = book.create_sheet(sheet.name)
        if isinstance(sheet, FieldsSheet):
            FieldsWriter(page, hints).write(sheet, data, every_field)
        else:
            TableWriter(page, hints).write(sheet, data or {})
        page.freeze_panes = "A2"
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET))
    _meta(book.create_sheet(META_SHEET), hints)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- the other sheets ---------------------------------------------------------------


def _instructions(page: Worksheet) -> None:
    _body, bold = fonts()
    page.cell(1, 1, "填写说明").font = bold
    for row, text in enumerate(vocabulary()["instructions"], start=2):
        put(page, row, 1, text)
    page.column_dimensions["A"].width = 110


def _meta(page: Worksheet, hints: list[tuple[str, TreePath]]) -> None:
    """Where a value's form differs from what its cell reads back as: a one-item list
    in a field (read as text), or text in a table's list column (read as a list)."""
    page.cell(1, 1, "jmctl workbook 1")
    for row, (kind, path) in enumerate(hints, start=2):
        page.cell(row, 1, kind)
        put(page, row, 2, dotted(path))
    page.sheet_state = "hidden"
