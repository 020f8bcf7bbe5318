"""Lay an outline out as a DOCX: the only module that touches python-docx documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.section import Section, _Footer
from docx.shared import Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from jmctl.errors import JmctlError
from jmctl.render import furniture, layout, ooxml, styles
from jmctl.render.minutes_furniture import MinutesMasthead, add_minutes_masthead
from jmctl.render.name_card_docx import add_name_card
from jmctl.render.outline import (
    Block,
    NameCard,
    Outline,
    Paragraph,
    SectionBreak,
    Table,
)
from jmctl.render.package import deterministic_package, docx_members
from jmctl.render.page_format import PageFormat
from jmctl.render.reference import adopt_styles, reference_path
from jmctl.render.runts import runt_spacing
from jmctl.render.tables import add_table
from jmctl.render.template_links import refuse_outside_links
from jmctl.render.text_runs import add_run


class TemplateError(JmctlError):
    """A reference DOCX that cannot be used: unreadable, or missing a style."""


def write_docx(
    outline: Outline, template: Path | None = None, source: Mapping[str, str] | None = None
) -> bytes:
    """Return the DOCX bytes of `outline`, styled by `template` (default: ours); `source`
    (the data file and the document kind) is carried in the custom properties."""
    document, letterhead = _open_template(template or reference_path())
    # An office's own letterhead keeps its page set-up, headers and red head (its body).
    # A 纪要 prints its own 纪要标志, never the office's 文件 head.
    own_head = _clear_body(
        document,
        keep=letterhead
        and outline.masthead is not None
        and not isinstance(outline.masthead, MinutesMasthead),
    )
    _page_setup(document, outline, keep_page=letterhead)
    if isinstance(outline.masthead, MinutesMasthead):
        add_minutes_masthead(document, outline.masthead)
    elif outline.masthead is not None:
        furniture.add_masthead(document, outline.masthead, mark=not own_head)
    # Style ids looked up once: python-docx scans every style on each lookup by name.
    ids = ooxml.style_ids(document.styles.element)
    for block in outline.blocks:
        _block(document, block, ids)
    if outline.colophon is not None:
        furniture.add_colophon(document, outline.colophon)
    _properties(document, outline)
    return deterministic_package(docx_members(document), source)


def _open_template(path: Path) -> tuple[DocxDocument, bool]:
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


def _clear_body(document: DocxDocument, keep: bool = False) -> bool:
    """Empty the body (all but a letterhead's own content when `keep`); return whether
    content was kept."""
    body = document.element.body
    kept = False
    for element in list(body):
        if ooxml.is_section_properties(element):
            continue
        if keep and "".join(element.itertext()).strip():
            kept = True
        elif not keep:
            body.remove(element)
    return kept


# Page ----------------------------------------------------------------------------------


def _page_setup(document: DocxDocument, outline: Outline, keep_page: bool = False) -> None:
    section = document.sections[0]
    if keep_page:
        if outline.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        if outline.page_numbers:
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
    section.header_distance = Twips(layout.HEADER_DISTANCE)
    section.footer_distance = Twips(layout.FOOTER_DISTANCE)
    ooxml.line_grid(section._sectPr, layout.LINE_PITCH)
    if outline.page_numbers:
        _page_numbers(document, section)
    if outline.masthead is not None and outline.masthead.page_format is PageFormat.LETTER:
        furniture.letter_first_page(section, outline.masthead)


def _page_numbers(document: DocxDocument, section: Section) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, align="right")
    _page_number(section.even_page_footer, align="left")


def _orient(section: Section, landscape: bool) -> None:
    width, height = layout.PAGE_WIDTH, layout.PAGE_HEIGHT
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    if landscape:
        width, height = height, width
    section.page_width, section.page_height = Twips(width), Twips(height)


def _new_section(document: DocxDocument, block: SectionBreak) -> None:
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


def _page_number(footer: _Footer, align: str) -> None:
    """ "— N —" in 4号宋体, one character in from the outer edge."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    styles.apply(paragraph, styles.PAGE_NUMBER)
    paragraph.alignment = 2 if align == "right" else 0
    indent = Twips(layout.em(layout.PAGE_NUMBER_SIZE))
    if align == "right":
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.space_after = Twips(layout.PAGE_NUMBER_SPACE_AFTER)
    paragraph.add_run("— ")
    ooxml.page_field_runs(paragraph._p)
    paragraph.add_run(" —")


# Blocks --------------------------------------------------------------------------------


def _block(document: DocxDocument, block: Block, ids: dict[str, str]) -> None:
    if isinstance(block, SectionBreak):
        _new_section(document, block)
    elif isinstance(block, Table):
        add_table(document, block, ids)
    elif isinstance(block, NameCard):
        add_name_card(document, block)
    else:
        _paragraph(document, block, ids)


def _styled(container: DocxDocument | _Cell, style: str, ids: dict[str, str]) -> DocxParagraph:
    """Add a paragraph in `style` to `container` (a document or a cell)."""
    paragraph = container.add_paragraph()
    if style != styles.BODY:
        paragraph._p.style = ids[style]
    return paragraph


def _paragraph(document: DocxDocument, block: Paragraph, ids: dict[str, str]) -> DocxParagraph:
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
    runs = [add_run(paragraph, run.text, run.spread, run.font) for run in block.runs]
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


# Properties ----------------------------------------------------------------------------


def _properties(document: DocxDocument, outline: Outline) -> None:
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
