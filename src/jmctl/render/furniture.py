"""The 版头 (red mark, document number, red rule; the letter format's first page) and
the 版记 (a table floating at the bottom of the last page)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from jmctl.render import layout, ooxml, styles
from jmctl.render.outline import Colophon, Masthead
from jmctl.render.page_format import PageFormat

_BLACK = "000000"


def letter_first_page(section: Section, masthead: Masthead) -> None:
    """The letter format (信函格式): the mark 30 mm from the paper top with a red double
    line under it, another double line 20 mm above the paper bottom, no page number."""
    section.different_first_page_header_footer = True
    size = layout.mark_size(masthead.mark)
    section.header_distance = Twips(layout.letter_header_distance(size))
    header = section.first_page_header
    header.is_linked_to_previous = False
    mark = header.paragraphs[0]
    styles.apply(mark, styles.MARK)
    run = mark.add_run(masthead.mark)
    run.font.size = Twips(layout.mark_size(masthead.mark) * 10)
    rule = styles.add_paragraph(header, styles.DOC_NUMBER)
    _full_rule(rule, "bottom", "thickThinSmallGap", layout.LETTER_TOP_RULE_SPACE)
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    bottom = footer.paragraphs[0]
    styles.apply(bottom, styles.DOC_NUMBER)
    _full_rule(bottom, "bottom", "thinThickSmallGap", layout.LETTER_BOTTOM_RULE_SPACE)


def _full_rule(paragraph: Paragraph, side: str, style: str, space: int) -> None:
    """A red double line 170 mm long: the paragraph reaches 7 mm past each text edge."""
    overhang = Twips(round(layout.LETTER_RULE_OVERHANG_MM * layout.TWIPS_PER_MM))
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = -overhang, -overhang
    fmt.line_spacing = Twips(layout.EMPTY_LINE)  # the rule is the content
    ppr = paragraph._p.get_or_add_pPr()
    ooxml.border(ppr, side, layout.LETTER_DOUBLE_LINE, layout.RED, space=space, style=style)


def add_masthead(document: DocxDocument, masthead: Masthead, mark: bool = True) -> None:
    """The red mark, two blank lines, the document number with the red rule under it;
    in the letter format the mark is in the first-page header and the number stands right.
    Without `mark` (a letterhead brought its own), the number and rule only."""
    if masthead.page_format is PageFormat.LETTER:
        number = styles.add_paragraph(document, styles.DOC_NUMBER)
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # 顶格居版心右边缘 (GB/T 9704-2012 10.1)
        number.paragraph_format.right_indent = Twips(0)
        number.add_run(masthead.doc_number or "")
        return
    if mark:
        issuer = styles.add_paragraph(document, styles.MARK)
        run = issuer.add_run(masthead.mark)
        run.font.size = Twips(layout.mark_size(masthead.mark) * 10)
        issuer.paragraph_format.space_before = Twips(
            layout.mark_space_before(layout.mark_size(masthead.mark))
        )
        styles.add_paragraph(document, styles.BODY)
        styles.add_paragraph(document, styles.BODY)
    number = styles.add_paragraph(document, styles.DOC_NUMBER)
    number.add_run(masthead.doc_number or "")
    ooxml.border(
        number._p.get_or_add_pPr(),
        "bottom",
        layout.RED_RULE,
        layout.RED,
        space=layout.RULE_BELOW_NUMBER,
    )


def add_colophon(document: DocxDocument, colophon: Colophon) -> None:
    """The 版记: a floating table anchored to the bottom of the last page's text block.

    Its rows sit between black rules: thick above, thin between, thick at the bottom
    edge of the text block.
    """
    rows: list[tuple[str, str | None]] = []  # a row's text and, on the right, its date
    if colophon.cc:
        rows.append((colophon.cc, None))
    if colophon.printed_by:
        rows.append((colophon.printed_by, colophon.print_date))
    if colophon.copies:
        rows.append((colophon.copies, None))
    table = document.add_table(rows=len(rows), cols=1)
    _float_to_bottom(table._tbl)
    for index, ((left, right), row) in enumerate(zip(rows, table.rows, strict=True)):
        cell = row.cells[0]
        cell.width = Twips(layout.TEXT_WIDTH)
        bottom = layout.COLOPHON_THICK if index == len(rows) - 1 else None
        if colophon.rules:
            top = layout.COLOPHON_THICK if index == 0 else layout.COLOPHON_THIN
            _cell_borders(cell, top, bottom)
        else:
            _cell_borders(cell, None, None)
        paragraph = cell.paragraphs[0]
        styles.apply(paragraph, styles.COLOPHON)
        if left.startswith(("抄送：", "分送：")):  # wrapped names align after the colon
            hanging = Twips(3 * layout.COLOPHON_SIZE * 10)
            paragraph.paragraph_format.left_indent = Twips(layout.COLOPHON_SIZE * 10) + hanging
            paragraph.paragraph_format.first_line_indent = -hanging
        paragraph.add_run(left)
        if right:
            paragraph.paragraph_format.right_indent = Twips(0)
            tab = layout.TEXT_WIDTH - layout.COLOPHON_SIZE * 10
            paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(tab), alignment=2)
            paragraph.add_run("\t" + right)
    # A floating table is anchored to the paragraph after it, and a body ends with one.
    anchor = styles.add_paragraph(document, styles.BODY)
    anchor.paragraph_format.line_spacing = Twips(layout.EMPTY_LINE)


def _float_to_bottom(tbl: CT_Tbl) -> None:
    """Anchor the table to the bottom of the text block, full width, no cell margins."""
    ooxml.float_at_bottom(tbl.tblPr, layout.MARGIN_LEFT, layout.TEXT_WIDTH)
    ooxml.cell_margins(tbl.tblPr, {"left": 0, "right": 0})


def _cell_borders(cell: _Cell, top: int | None, bottom: int | None) -> None:
    """Black rules above (and below) a cell, none at the sides."""
    sides = {"top": top, "left": None, "bottom": bottom, "right": None}
    ooxml.cell_borders(cell._tc.get_or_add_tcPr(), sides, _BLACK)
