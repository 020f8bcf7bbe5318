"""Tables in the text flow: column widths, cell margins, rows kept whole, cells that
break well."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.shared import Length, Twips
from docx.table import _Cell, _Row

from jmctl.render import layout, ooxml, styles
from jmctl.render.cell_fit import condensing
from jmctl.render.outline import Table
from jmctl.render.text_runs import add_run


def add_table(document: DocxDocument, block: Table, ids: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = document.styles["Table Grid"] if "Table Grid" in _names(document) else None
    total = sum(block.widths)
    usable = layout.LANDSCAPE_TEXT_WIDTH if _landscape(document) else layout.TEXT_WIDTH
    widths = [Twips(round(usable * w / total)) for w in block.widths]
    table.autofit = False
    # LibreOffice lays columns out from the grid, Word from the cells: set both.
    ooxml.column_widths(table._tbl, [width.twips for width in widths])
    # Text about 1 mm from the rules above and below it and 1.5 mm from the sides.
    ooxml.cell_margins(table._tbl.tblPr, layout.CELL_MARGINS)
    header = table.rows[0]
    _keep_row(header, repeat=True)
    for cell, text, width in zip(header.cells, block.header, widths, strict=True):
        _cell(cell, text, ids[styles.TABLE_HEAD], width)
    for row in block.rows:
        added = table.add_row()
        _keep_row(added)  # a row is never split across pages
        for cell, text, width in zip(added.cells, row, widths, strict=True):
            _cell(cell, text, ids[styles.TABLE_CELL], width)
        if block.row_height:  # a tall row (to sign in) holds its text in the middle
            ooxml.set_value(added._tr.get_or_add_trPr(), "w:trHeight", block.row_height)
            for cell in added.cells:
                ooxml.set_value(cell._tc.get_or_add_tcPr(), "w:vAlign", "center")


def _names(document: DocxDocument) -> set[str]:
    return {style.name for style in document.styles}


def _landscape(document: DocxDocument) -> bool:
    return document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def _cell(cell: _Cell, text: str, style_id: str, width: Length) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    run = add_run(paragraph, text)
    inner = width.twips - layout.CELL_MARGINS["left"] - layout.CELL_MARGINS["right"]
    spacing = condensing(text, inner, layout.em(layout.TABLE_SIZE))
    if spacing:  # drawn closer so that no bracket is split and no last line is one character
        ooxml.set_value(run._r.get_or_add_rPr(), "w:spacing", spacing)


def _keep_row(row: _Row, repeat: bool = False) -> None:
    """Keep the row on one page; repeat it on every page when it is the header."""
    tr_pr = row._tr.get_or_add_trPr()
    ooxml.set_value(tr_pr, "w:cantSplit", "true")
    if repeat:
        ooxml.set_value(tr_pr, "w:tblHeader", "true")
