"""The change list as a printable document: a DOCX table, or a workbook sheet."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from jmctl.change_list import HEADER, Row, change_rows
from jmctl.diff_files import DiffResult
from jmctl.outputs import atomic_write
from jmctl.yearly import edition_label

FORMATS = ("docx", "xlsx")
_WIDTHS = (1.7, 3.0, 3.0, 2.0)  # relative: 类别 is short, 原 and 现 carry the text
SHEET = "变动清单"


def write_change_list(result: DiffResult, output: Path, kind: str, inputs: Sequence[Path]) -> Path:
    """Write the change list of a comparison to `output`, atomically, never over an input."""
    assert result.changes is not None and result.new_model is not None
    rows = change_rows(result.changes)
    title = f"{result.new_model.meeting.name}变动清单"
    old = edition_label(result.old_model) if result.old_model else ""
    subtitle = f"原：{old or '上一版本'}　现：{edition_label(result.new_model) or '本版本'}"
    atomic_write(output, change_list_bytes(rows, title, subtitle, kind), inputs=inputs)
    return output


def change_list_bytes(rows: Sequence[Row], title: str, subtitle: str, kind: str) -> bytes:
    """Return the change list as `kind` ("docx" or "xlsx")."""
    if kind == "docx":
        return _docx(rows, title, subtitle)
    return _xlsx(rows, title, subtitle)


def _docx(rows: Sequence[Row], title: str, subtitle: str) -> bytes:
    # The page, fonts and table styles are the rendered documents' own (GB/T 9704).
    from jmctl.render import styles
    from jmctl.render.docx_writer import write_docx
    from jmctl.render.outline import Outline, Table, para

    outline = Outline(title, landscape=True)
    outline.add(
        para(styles.TITLE, title),
        para(styles.BODY, subtitle),
        Table(HEADER, tuple(tuple(row) for row in rows), _WIDTHS),
    )
    return write_docx(outline)


def _xlsx(rows: Sequence[Row], title: str, subtitle: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    from jmctl.workbook.layout import vocabulary

    fonts = vocabulary()["fonts"]
    book = Workbook()
    page = book.active
    assert isinstance(page, Worksheet)  # a new workbook's one sheet
    page.title = SHEET
    page.append([title])
    page.append([subtitle])
    page.append(list(HEADER))
    for row in rows:
        page.append(list(row))
    page["A1"].font = Font(name=fonts["header"], bold=True, size=16)
    for cell in page[3]:
        cell.font = Font(name=fonts["header"], bold=True)
    for line in page.iter_rows(min_row=4):
        for cell in line:
            cell.font = Font(name=fonts["body"])
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.data_type = "s"
    for letter, width in zip("ABCD", (14, 40, 40, 30), strict=True):
        page.column_dimensions[letter].width = width
    page.freeze_panes = "A4"
    page.print_title_rows = "3:3"  # the header on every printed page
    page.page_setup.orientation = "landscape"
    page.page_setup.paperSize = page.PAPERSIZE_A4
    page.page_setup.fitToWidth = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
