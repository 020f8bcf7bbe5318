"""How the workbook's cells look: fonts, widths, text kept as text, drop-down lists."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jmctl.workbook.layout import vocabulary

SPARE_ROWS = 200  # rows below the data that keep the drop-downs and the text format
TEXT = "@"  # the number format that keeps typed text (2023-03-15, 001) as typed


def fonts() -> tuple[Font, Font]:
    """Return the body font and the bold header font (Chinese: 宋体, 黑体)."""
    names = vocabulary()["fonts"]
    return Font(name=names["body"]), Font(name=names["header"], bold=True)


def header(page: Worksheet, titles: list[tuple[str, int]]) -> None:
    """Write the header row: bold titles, each column its width (in characters)."""
    _, bold = fonts()
    for index, (title, width) in enumerate(titles, start=1):
        cell = page.cell(1, index, title)
        cell.font = bold
        page.column_dimensions[get_column_letter(index)].width = width


TEXT_STYLE, VALUE_STYLE = "jmctl 文字", "jmctl 数值"


def add_styles(book: Workbook) -> None:
    """Register the cell styles once: styling each cell on its own cost 3× the writing."""
    body, _ = fonts()
    for name, number_format in ((TEXT_STYLE, TEXT), (VALUE_STYLE, "General")):
        style = NamedStyle(name=name, number_format=number_format)
        style.font = body
        style.alignment = Alignment(wrap_text=True, vertical="top")
        book.add_named_style(style)


def put(page: Worksheet, row: int, column: int, value: Any) -> None:
    """Write one value; text is stored as text even when it looks like a formula or a date."""
    cell = page.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.style = TEXT_STYLE
    else:
        cell.style = VALUE_STYLE


def validation(page: Worksheet, formula: str, cells: str, strict: bool) -> None:
    """A drop-down list; `strict` refuses other values (a set), otherwise only offers."""
    check = DataValidation(type="list", formula1=formula, allow_blank=True)
    check.showErrorMessage = strict
    check.add(cells)
    page.add_data_validation(check)


def listed(values: list[str]) -> str:
    """Return a drop-down list's values as the formula Excel takes: "a,b,c"."""
    return '"' + ",".join(value.replace('"', "") for value in values) + '"'
