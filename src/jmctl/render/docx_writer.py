"""Lay an outline out as a DOCX: the only module that touches python-docx documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from jmctl.render import layout, ooxml, styles
from jmctl.render.cell_fit import condensing
from jmctl.render.outline import (
    Block,
    Colophon,
    Masthead,
    Outline,
    Paragraph,
    SectionBreak,
    Table,
)
from jmctl.render.package import deterministic_docx
from jmctl.render.reference import adopt_styles, reference_path
from jmctl.render.runts import runt_spacing
from jmctl.render.template_links import refuse_outside_links

THICK, THIN = 8, 6  # eighths of a point: 1 pt (0.35 mm) and 0.75 pt (0.25 mm)
_BLACK = "000000"
SHARED_PUNCTUATION = frozenset("“”‘’—…·")  # in both the Latin and the East Asian fonts


class TemplateError(Exception):
    """A reference DOCX that cannot be used: unreadable, or missing a style."""


def write_docx(
    outline: Outline, template: Path | None = None, source: Mapping[str, str] | None = None
) -> bytes:
    """Return the DOCX bytes of `outline`, styled by `template` (default: ours); `source`
    (the data file and the document kind) is carried in the custom properties."""
    document, letterhead = _open_template(template or reference_path())
    # An office's own letterhead keeps its page set-up, headers and red head (its body).
    own_head = _clear_body(document, keep=letterhead and outline.masthead is not None)
    _page_setup(document, outline, keep_page=letterhead)
    if outline.masthead is not None:
        _masthead(document, outline.masthead, mark=not own_head)
    # Style ids looked up once: python-docx scans every style on each lookup by name.
    ids = {style.name: style.style_id for style in document.styles}
    for block in outline.blocks:
        _block(document, block, ids)
    if outline.colophon is not None:
        _colophon(document, outline.colophon)
    _properties(document, outline)
    buffer = BytesIO()
    document.save(buffer)
    return deterministic_docx(buffer.getvalue(), source)


def _open_template(path: Path) -> tuple[Any, bool]:
    """Return the template opened, and whether it is an office's own letterhead (it
    lacked jmctl's styles, now copied in)."""
    refuse_outside_links(path)
    try:
        document = Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a bad package
        raise TemplateError(
            f"{path}：无法作为 DOCX 模板打开 (not a usable DOCX): {error}"
        ) from error
    return document, bool(adopt_styles(document))


def _clear_body(document: Any, keep: bool = False) -> bool:
    """Empty the body (all but a letterhead's own content when `keep`); return whether
    content was kept."""
    body = document.element.body
    kept = False
    for element in list(body):
        if element.tag == qn("w:sectPr"):
            continue
        if keep and "".join(element.itertext()).strip():
            kept = True
        elif not keep:
            body.remove(element)
    return kept


# Page ----------------------------------------------------------------------------------


def _page_setup(document: Any, outline: Outline, keep_page: bool = False) -> None:
    section = document.sections[0]
    if keep_page:
        if outline.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        _page_numbers(document, section)
        return
    _orient(section, outline.landscape)
    section.top_margin, section.bottom_margin = (
        Twips(layout.MARGIN_TOP),
        Twips(layout.MARGIN_BOTTOM),
    )
    section.left_margin, section.right_margin = (
        Twips(layout.MARGIN_LEFT),
        Twips(layout.MARGIN_RIGHT),
    )
    section.header_distance = Twips(851)
    section.footer_distance = Twips(layout.FOOTER_DISTANCE)
    _line_grid(section)
    _page_numbers(document, section)
    if outline.masthead is not None and outline.masthead.letter:
        _letter_first_page(section, outline.masthead)


def _page_numbers(document: Any, section: Any) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, align="right")
    _page_number(section.even_page_footer, align="left")


def _orient(section: Any, landscape: bool) -> None:
    width, height = layout.PAGE_WIDTH, layout.PAGE_HEIGHT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        width, height = height, width
    section.page_width, section.page_height = Twips(width), Twips(height)


def _new_section(document: Any, block: SectionBreak) -> None:
    """Start a section on a new page in the orientation asked for. Its headers and
    footers are the previous section's (linked), so page numbers run on; only the
    letter format's first page has its own."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _orient(section, block.landscape)
    section.different_first_page_header_footer = False
    for part in (
        section.header,
        section.footer,
        section.even_page_header,
        section.even_page_footer,
    ):
        part.is_linked_to_previous = True


def _line_grid(section: Any) -> None:
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(layout.LINE_PITCH))


def _page_number(footer: Any, align: str) -> None:
    """ "— N —" in 4号宋体, one character in from the outer edge."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = styles.PAGE_NUMBER
    paragraph.alignment = 2 if align == "right" else 0
    indent = Twips(layout.PAGE_NUMBER_SIZE * 10)
    if align == "right":
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.space_after = Twips(layout.PAGE_NUMBER_SPACE_AFTER)
    paragraph.add_run("— ")
    ooxml.page_field_runs(paragraph._p)
    paragraph.add_run(" —")


# Blocks --------------------------------------------------------------------------------


def _block(document: Any, block: Block, ids: dict[str, str]) -> None:
    if isinstance(block, SectionBreak):
        _new_section(document, block)
    elif isinstance(block, Table):
        _table(document, block, ids)
    else:
        _paragraph(document, block, ids)


def _styled(container: Any, style: str, ids: dict[str, str]) -> Any:
    """Add a paragraph in `style` to `container` (a document or a cell)."""
    paragraph = container.add_paragraph()
    if style != styles.BODY:
        paragraph._p.style = ids[style]
    return paragraph


def _paragraph(document: Any, block: Paragraph, ids: dict[str, str]) -> Any:
    paragraph = _styled(document, block.style, ids)
    fmt = paragraph.paragraph_format
    if block.left is not None:
        fmt.left_indent = Twips(round(block.left * layout.EM))
    if block.hanging is not None:
        fmt.first_line_indent = Twips(-round(block.hanging * layout.EM))
    if block.right is not None:
        fmt.right_indent = Twips(round(block.right * layout.EM))
    if block.page_break_before:
        fmt.page_break_before = True
    if block.keep_next:
        fmt.keep_with_next = True
    runs = [_run(paragraph, run.text, run.spread) for run in block.runs]
    indents = _runt_indents(block)
    if indents is not None and len(runs) == 1:
        change = runt_spacing(block.text, *indents)
        if change:  # no one-character last line ("息。")
            ooxml.set_value(runs[0]._r.get_or_add_rPr(), "w:spacing", layout.CHAR_SPACING + change)
    return paragraph


def _runt_indents(block: Paragraph) -> tuple[int, int] | None:
    """Return where a paragraph's first and later lines start (twips), for the paragraphs
    whose runts are kept off: the body's, and the 附件说明 with its hanging indent."""
    if block.style == styles.BODY and block.left is None:
        return 2 * layout.EM, 0
    if block.style == styles.ATTACHMENTS and block.left is not None:
        left = round(block.left * layout.EM)
        return left - round((block.hanging or 0) * layout.EM), left
    return None


def _run(paragraph: Any, text: str, spread: float = 0.0) -> Any:
    lines = text.split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break(WD_BREAK.LINE)
        run.add_text(line)
    if spread:
        rpr = run._r.get_or_add_rPr()
        ooxml.set_value(rpr, "w:spacing", layout.CHAR_SPACING + round(spread * layout.EM))
    if any(char in SHARED_PUNCTUATION for char in text):
        # Word sets these in the Latin font unless the run says they are East Asian.
        ooxml.child(run._r.get_or_add_rPr(), "w:rFonts").set(qn("w:hint"), "eastAsia")
    return run


def _table(document: Any, block: Table, ids: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = document.styles["Table Grid"] if "Table Grid" in _names(document) else None
    total = sum(block.widths)
    usable = layout.LANDSCAPE_TEXT_WIDTH if _landscape(document) else layout.TEXT_WIDTH
    widths = [Twips(round(usable * w / total)) for w in block.widths]
    table.autofit = False
    # LibreOffice lays columns out from the grid, Word from the cells: set both.
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width.twips))
    # Text about 1 mm from the rules above and below it and 1.5 mm from the sides.
    _cell_margins(table._tbl.tblPr, layout.CELL_MARGINS)
    header = table.rows[0]
    _keep_row(header, repeat=True)
    for cell, text, width in zip(header.cells, block.header, widths, strict=True):
        _cell(cell, text, ids[styles.TABLE_HEAD], width)
    for row in block.rows:
        added = table.add_row()
        _keep_row(added)  # a row is never split across pages
        for cell, text, width in zip(added.cells, row, widths, strict=True):
            _cell(cell, text, ids[styles.TABLE_CELL], width)


def _names(document: Any) -> set[str]:
    return {style.name for style in document.styles}


def _landscape(document: Any) -> bool:
    return document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def _cell(cell: Any, text: str, style_id: str, width: Any) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id
    run = _run(paragraph, text)
    inner = width.twips - layout.CELL_MARGINS["left"] - layout.CELL_MARGINS["right"]
    spacing = condensing(text, inner, layout.TABLE_SIZE * 10)
    if spacing:  # drawn closer so that no bracket is split and no last line is one character
        ooxml.set_value(run._r.get_or_add_rPr(), "w:spacing", spacing)


def _keep_row(row: Any, repeat: bool = False) -> None:
    """Keep the row on one page; repeat it on every page when it is the header."""
    tr_pr = row._tr.get_or_add_trPr()
    ooxml.set_value(tr_pr, "w:cantSplit", "true")
    if repeat:
        ooxml.set_value(tr_pr, "w:tblHeader", "true")


# 版头 and 版记 ------------------------------------------------------------------------


def _letter_first_page(section: Any, masthead: Masthead) -> None:
    """The letter format (信函格式): the mark 30 mm from the paper top with a red double
    line under it, another double line 20 mm above the paper bottom, no page number."""
    section.different_first_page_header_footer = True
    size = layout.mark_size(masthead.mark)
    section.header_distance = Twips(layout.letter_header_distance(size))
    header = section.first_page_header
    header.is_linked_to_previous = False
    mark = header.paragraphs[0]
    mark.style = styles.MARK
    run = mark.add_run(masthead.mark)
    run.font.size = Twips(layout.mark_size(masthead.mark) * 10)
    rule = header.add_paragraph(style=styles.DOC_NUMBER)
    _full_rule(rule, "bottom", "thickThinSmallGap", layout.LETTER_TOP_RULE_SPACE)
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    bottom = footer.paragraphs[0]
    bottom.style = styles.DOC_NUMBER
    _full_rule(bottom, "bottom", "thinThickSmallGap", layout.LETTER_BOTTOM_RULE_SPACE)


def _full_rule(paragraph: Any, side: str, style: str, space: int) -> None:
    """A red double line 170 mm long: the paragraph reaches 7 mm past each text edge."""
    overhang = Twips(round(7 * layout.TWIPS_PER_MM))
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = -overhang, -overhang
    fmt.line_spacing = Twips(20)  # an empty line 1 pt high: the rule is the content
    ooxml.border(paragraph._p.get_or_add_pPr(), side, 18, layout.RED, space=space, style=style)


def _masthead(document: Any, masthead: Masthead, mark: bool = True) -> None:
    """The red mark, two blank lines, the document number with the red rule under it;
    in the letter format the mark is in the first-page header and the number stands right.
    Without `mark` (a letterhead brought its own), the number and rule only."""
    if masthead.letter:
        number = document.add_paragraph(style=styles.DOC_NUMBER)
        number.alignment = 2  # 顶格居版心右边缘 (GB/T 9704-2012 10.1)
        number.paragraph_format.right_indent = Twips(0)
        number.add_run(masthead.doc_number or "")
        return
    if mark:
        issuer = document.add_paragraph(style=styles.MARK)
        run = issuer.add_run(masthead.mark)
        run.font.size = Twips(layout.mark_size(masthead.mark) * 10)
        issuer.paragraph_format.space_before = Twips(
            layout.mark_space_before(layout.mark_size(masthead.mark))
        )
        document.add_paragraph(style=styles.BODY)
        document.add_paragraph(style=styles.BODY)
    number = document.add_paragraph(style=styles.DOC_NUMBER)
    number.add_run(masthead.doc_number or "")
    ooxml.border(
        number._p.get_or_add_pPr(), "bottom", 12, layout.RED, space=layout.RULE_BELOW_NUMBER
    )


def _colophon(document: Any, colophon: Colophon) -> None:
    """The 版记: a floating table anchored to the bottom of the last page's text block.

    Its rows sit between black rules: thick above, thin between, thick at the bottom
    edge of the text block.
    """
    rows = []
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
        bottom = THICK if index == len(rows) - 1 else None
        if colophon.rules:
            _cell_borders(cell, THICK if index == 0 else THIN, bottom)
        else:
            _cell_borders(cell, None, None)
        paragraph = cell.paragraphs[0]
        paragraph.style = styles.COLOPHON
        if left.startswith("抄送："):  # wrapped names align after the colon
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
    anchor = document.add_paragraph(style=styles.BODY)
    anchor.paragraph_format.line_spacing = Twips(20)


def _float_to_bottom(tbl: Any) -> None:
    """Anchor the table to the bottom of the text block, full width, no cell margins."""
    tbl_pr = tbl.tblPr
    position = ooxml.child(tbl_pr, "w:tblpPr")
    # Anchored horizontally to the page: LibreOffice keeps a full-width table that is
    # anchored to the margin in the text flow instead of floating it.
    for name, value in (
        ("leftFromText", 0),
        ("rightFromText", 0),
        ("vertAnchor", "margin"),
        ("horzAnchor", "page"),
        ("tblpX", layout.MARGIN_LEFT),
        ("tblpYSpec", "bottom"),
    ):
        position.set(qn(f"w:{name}"), str(value))
    ooxml.set_value(tbl_pr, "w:tblOverlap", "never")
    width = ooxml.child(tbl_pr, "w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(layout.TEXT_WIDTH))
    _cell_margins(tbl_pr, {"left": 0, "right": 0})


def _cell_margins(tbl_pr: Any, margins: dict[str, int]) -> None:
    """Set the table's default cell margins (twips) on the sides given."""
    element = ooxml.child(tbl_pr, "w:tblCellMar")
    for side, twips in margins.items():
        margin = ooxml.child(element, f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")


def _cell_borders(cell: Any, top: int | None, bottom: int | None) -> None:
    """Black rules above (and below) a cell, none at the sides."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = ooxml.child(tc_pr, "w:tcBorders")
    for side, size in (("top", top), ("left", None), ("bottom", bottom), ("right", None)):
        line = ooxml.child(borders, f"w:{side}")
        if size is None:
            line.set(qn("w:val"), "nil")
        else:
            for name, value in (("val", "single"), ("sz", size), ("space", 0), ("color", _BLACK)):
                line.set(qn(f"w:{name}"), str(value))


# Properties ----------------------------------------------------------------------------


def _properties(document: Any, outline: Outline) -> None:
    """Fixed metadata, so the same input gives byte-identical files."""
    when = outline.date or dt.date(2000, 1, 1)
    stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
    properties = document.core_properties
    properties.title = outline.title[:255]  # the property holds 255 characters; the page all
    properties.author = "jmctl"
    properties.last_modified_by = "jmctl"
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1
