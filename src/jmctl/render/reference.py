"""Build the reference DOCX whose styles every rendered document uses.

`templates/reference.docx` is this module's output (`scripts/build-reference`), so
it is reproducible and reviewable here; a test checks that the committed file is
exactly what this code builds. A user's own reference (`--template`) may be any
letterhead DOCX: the styles it lacks are copied from this one (`adopt_styles`).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.styles.style import ParagraphStyle

from jmctl.render import layout, ooxml, styles, word_parts
from jmctl.render.package import deterministic_docx
from jmctl.resources import resource

REFERENCE = "reference.docx"


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style: font role, size (half-points), alignment and indents (twips)."""

    name: str
    font: str = "body"
    size: int = layout.BODY_SIZE
    align: str = "both"
    first_line: int = 0
    left: int = 0
    right: int = 0
    line: int | None = layout.LINE_PITCH
    color: str | None = None
    keep_next: bool = False
    character_spacing: int = layout.CHAR_SPACING
    latin: str = "latin"  # the font role of digits and Latin letters
    outline_level: int | None = None  # shown in Word's navigation pane and contents
    base: str = styles.BODY  # the style this one is based on
    widow_control: bool | None = None  # None: as the body (on)


SPECS = (
    StyleSpec(
        styles.MARK,
        font="title",
        size=layout.MARK_MAX_SIZE,
        align="center",
        line=None,
        color=layout.RED,
        character_spacing=0,
    ),
    StyleSpec(styles.DOC_NUMBER, align="center"),
    StyleSpec(
        styles.TITLE, font="title", size=layout.TITLE_SIZE, align="center", character_spacing=0
    ),
    StyleSpec(styles.RECIPIENTS),
    StyleSpec(
        styles.HEADING_1,
        font="heading",
        first_line=2 * layout.EM,
        keep_next=True,
        outline_level=0,
        base=styles.WORD_HEADING_1,
    ),
    StyleSpec(
        styles.HEADING_2,
        font="subheading",
        first_line=2 * layout.EM,
        keep_next=True,
        outline_level=1,
        base=styles.WORD_HEADING_2,
    ),
    StyleSpec(styles.SIGNATURE, align="right"),
    StyleSpec(styles.DATE, align="right"),
    StyleSpec(styles.NOTE, first_line=2 * layout.EM),
    StyleSpec(styles.ATTACHMENTS, align="left"),
    StyleSpec(styles.ANNEX_LABEL, font="heading", align="left"),
    StyleSpec(
        styles.ANNEX_TITLE,
        font="title",
        size=layout.TITLE_SIZE,
        align="center",
        character_spacing=0,
    ),
    # A roster entry of two lines may break over a page: moving it whole would leave
    # the page a line short.
    StyleSpec(styles.ROSTER, align="left", widow_control=False),
    StyleSpec(
        styles.COLOPHON,
        size=layout.COLOPHON_SIZE,
        align="left",
        # The 版记 is indented one 4号 character left and right (layout.md, Colophon).
        left=layout.em(layout.COLOPHON_SIZE),
        right=layout.em(layout.COLOPHON_SIZE),
        character_spacing=0,
    ),
    StyleSpec(
        styles.TABLE_HEAD,
        font="heading",
        size=layout.TABLE_SIZE,
        align="center",
        line=None,
        character_spacing=0,
    ),
    StyleSpec(
        styles.TABLE_CELL, size=layout.TABLE_SIZE, align="left", line=None, character_spacing=0
    ),
    StyleSpec(
        styles.PAGE_NUMBER,
        font="page_number",
        latin="page_number",  # GB/T 9704 7.5: 4号半角宋体, digits included
        size=layout.PAGE_NUMBER_SIZE,
        align="right",
        line=None,
        character_spacing=0,
    ),
)


# Word's built-in heading styles, restyled as GB's 一、(黑体) and （一）(楷体): the
# document's headings are based on them, so the navigation pane and a table of contents
# see them.
WORD_HEADINGS = (
    StyleSpec(
        styles.WORD_HEADING_1,
        font="heading",
        first_line=2 * layout.EM,
        keep_next=True,
        outline_level=0,
    ),
    StyleSpec(
        styles.WORD_HEADING_2,
        font="subheading",
        first_line=2 * layout.EM,
        keep_next=True,
        outline_level=1,
    ),
)


def build_reference(fonts: layout.FontSet = layout.FONTS) -> bytes:
    """Return the bytes of the reference DOCX."""
    document = Document()
    _document_defaults(document, fonts)
    _body_style(document.styles["Normal"], fonts)
    for spec in WORD_HEADINGS:  # 标题 1, 标题 2 in a Chinese Word
        _reset(document.styles[spec.name])
        _apply(document.styles[spec.name], spec, fonts)
    for spec in SPECS:
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[spec.base]
        style.quick_style = True
        _apply(style, spec, fonts)
    word_parts.replace_font_table(document, vars(fonts).values())
    word_parts.chinese_settings(document)
    buffer = BytesIO()
    document.save(buffer)
    return deterministic_docx(buffer.getvalue())


def reference_path() -> Path:
    return resource("templates", REFERENCE)


def missing_styles(document: DocxDocument) -> list[str]:
    """Return jmctl's paragraph styles that `document` (a python-docx Document) lacks."""
    defined = set(ooxml.style_ids(document.styles.element))
    return [name for name in styles.PARAGRAPH_STYLES if name not in defined]


def adopt_styles(document: DocxDocument) -> list[str]:
    """Copy the styles a user's letterhead lacks from the default reference; return them.

    An office's own letterhead has none of jmctl's styles, and its body style is rarely
    3号仿宋: when it lacks them, its Normal takes the default's properties too (the body
    of a notice must follow GB/T 9704), and "Normal" is among the names returned.
    """
    missing = missing_styles(document)
    if not missing:
        return []
    ours = Document(str(reference_path())).styles
    theirs = document.styles
    for name in missing:
        theirs.element.append(deepcopy(ours[name].element))
    normal = theirs[styles.BODY].element
    for tag in ("w:pPr", "w:rPr"):
        ooxml.remove_children(normal, tag)
        found = ooxml.find(ours[styles.BODY].element, tag)
        if found is not None:
            normal.append(deepcopy(found))
    return missing if styles.BODY in missing else [*missing, styles.BODY]


def _document_defaults(document: DocxDocument, fonts: layout.FontSet) -> None:
    """Explicit East Asian fonts in the defaults, no theme fonts, no paragraph spacing."""
    styles_element = document.styles.element
    defaults = ooxml.child(styles_element, "w:docDefaults")
    rpr = ooxml.child(ooxml.child(defaults, "w:rPrDefault"), "w:rPr")
    ooxml.set_fonts(rpr, fonts.body, fonts.latin)
    ooxml.set_value(rpr, "w:sz", layout.BODY_SIZE)
    ooxml.set_value(rpr, "w:szCs", layout.BODY_SIZE)
    ooxml.east_asian_language(rpr, "zh-CN")
    ooxml.drop_theme_fonts(styles_element)
    ooxml.remove_children(defaults, "w:pPrDefault")


def _body_style(style: ParagraphStyle, fonts: layout.FontSet) -> None:
    """The body: 3号仿宋, 22 lines of 28 characters, first line indented two characters."""
    _apply(style, StyleSpec(styles.BODY, first_line=2 * layout.EM), fonts)
    ppr = style.element.get_or_add_pPr()
    # Widow control keeps a paragraph's last line from standing alone at the top of a
    # page (the page before may then hold 21 lines); overflowPunct keeps LibreOffice
    # from dropping hanging punctuation.
    ooxml.set_value(ppr, "w:widowControl", 1)
    ooxml.set_value(ppr, "w:overflowPunct", 1)
    ooxml.set_value(ppr, "w:snapToGrid", 0)


def _reset(style: ParagraphStyle) -> None:
    """Drop a built-in style's own look (theme fonts, blue, bold, spacing)."""
    for tag in ("w:pPr", "w:rPr"):
        ooxml.remove_children(style.element, tag)


def _apply(style: ParagraphStyle, spec: StyleSpec, fonts: layout.FontSet) -> None:
    rpr = style.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, getattr(fonts, spec.font), getattr(fonts, spec.latin))
    ooxml.set_value(rpr, "w:sz", spec.size)
    ooxml.set_value(rpr, "w:szCs", spec.size)
    ooxml.set_value(rpr, "w:spacing", spec.character_spacing)
    if spec.color:
        ooxml.set_value(rpr, "w:color", spec.color)
    ppr = style.element.get_or_add_pPr()
    if spec.keep_next:
        ooxml.child(ppr, "w:keepNext")
    ooxml.line_spacing(ppr, spec.line)
    ooxml.indents(ppr, spec.first_line, spec.left, spec.right)
    ooxml.set_value(ppr, "w:jc", spec.align)
    if spec.widow_control is not None:
        ooxml.set_value(ppr, "w:widowControl", int(spec.widow_control))
    if spec.outline_level is not None:
        ooxml.set_value(ppr, "w:outlineLvl", spec.outline_level)


def main() -> None:
    """Write templates/reference.docx (scripts/build-reference)."""
    reference_path().write_bytes(build_reference())


if __name__ == "__main__":
    main()
