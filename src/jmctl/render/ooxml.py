"""Every piece of raw OOXML jmctl writes, as small named edits python-docx has no API
for: fonts, spacing, borders, fields, grids, floating tables, the font table and
compatibility settings. The render modules call these and build no XML themselves."""

from __future__ import annotations

from itertools import pairwise

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles import BabelFish
from lxml.etree import _Element as Element  # what python-docx makes and finds (OxmlElement)

from jmctl.render.ooxml_schema import SCHEMA_ORDER

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _ranks(order: list[str]) -> dict[str, int]:
    """Return each element name's place; names joined by | share one place."""
    return {name: rank for rank, entry in enumerate(order) for name in entry.split("|")}


def misordered(root: Element) -> list[str]:
    """Return a description of every element below `root` whose children break the
    ECMA-376 order kept in SCHEMA_ORDER (Word refuses such a file; LibreOffice does not care)."""
    problems = []
    for element in root.iter(*SCHEMA_ORDER):
        order = _ranks(SCHEMA_ORDER[element.tag])
        ranks = [
            (order[local], local)
            for node in element
            if isinstance(node.tag, str)
            and (local := node.tag.rsplit("}", 1)[-1]) in order
            and node.tag.startswith("{" + _W_NS)
        ]
        unknown = [
            node.tag
            for node in element
            if isinstance(node.tag, str)
            and node.tag.startswith("{" + _W_NS)
            and node.tag.rsplit("}", 1)[-1] not in order
        ]
        if unknown:
            problems.append(f"{element.tag}: unknown children {unknown}")
        if any(a[0] > b[0] for a, b in pairwise(ranks)):
            problems.append(f"{element.tag}: {[name for _, name in ranks]}")
    return problems


def child(parent: Element, tag: str) -> Element:
    """Return the first `tag` child of `parent`, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    order = SCHEMA_ORDER.get(parent.tag)
    if order is None:
        parent.append(element)
        return element
    ranks = _ranks(order)
    rank = ranks[tag.split(":", 1)[1]]
    later = {qn(f"w:{name}") for name, other in ranks.items() if other > rank}
    successor = next((node for node in parent if node.tag in later), None)
    if successor is None:
        parent.append(element)
    else:
        successor.addprevious(element)
    return element


def set_fonts(rpr: Element, east_asia: str, latin: str) -> None:
    """Name the East Asian and Latin fonts explicitly and drop theme fonts, which win otherwise."""
    fonts = child(rpr, "w:rFonts")
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), "")  # "" when absent: the result is not used
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), east_asia if slot == "w:eastAsia" else latin)
    # Characters both scripts share (“ ” ‘ ’ — …) take the East Asian font.
    fonts.set(qn("w:hint"), "eastAsia")


def set_value(parent: Element, tag: str, value: str | int) -> Element:
    element = child(parent, tag)
    element.set(qn("w:val"), str(value))
    return element


def set_attributes(element: Element, **values: str | int) -> Element:
    """Set w:-namespaced attributes on `element` (val="single" → w:val="single")."""
    for name, value in values.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def find(parent: Element, tag: str) -> Element | None:
    return parent.find(qn(tag))


def remove_children(parent: Element, tag: str) -> None:
    for found in parent.findall(qn(tag)):
        parent.remove(found)


def style_ids(styles: Element) -> dict[str, str]:
    """Return the id of every style in a w:styles element, by the name Word shows.

    Read from the XML in one pass: python-docx's style objects take a tenth of a render
    to list every style."""
    found = {}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if name is not None and style_id is not None:
            found[BabelFish.internal2ui(name.get(qn("w:val"), ""))] = style_id
    return found


def is_section_properties(element: Element) -> bool:
    """Whether `element` is a body's closing w:sectPr (kept when a body is emptied)."""
    return element.tag == qn("w:sectPr")


# Page -----------------------------------------------------------------------------------


def line_grid(sect_pr: Element, pitch: int) -> None:
    """Lay the section's lines on a grid of `pitch` twips (characters are not gridded:
    LibreOffice lays Word's character grid out as two cells a character)."""
    grid = child(sect_pr, "w:docGrid")
    grid.attrib.clear()
    set_attributes(grid, type="lines", linePitch=pitch)


# Paragraphs and runs --------------------------------------------------------------------


def east_asian_hint(rpr: Element) -> None:
    """Set the run's shared punctuation (“ ” — …) in the East Asian font, not the Latin."""
    set_attributes(child(rpr, "w:rFonts"), hint="eastAsia")


def east_asian_language(rpr: Element, language: str) -> None:
    set_attributes(child(rpr, "w:lang"), eastAsia=language)


def drop_theme_fonts(root: Element) -> None:
    """Remove theme font names below `root`: they override the explicit names."""
    for fonts in root.iter(qn("w:rFonts")):
        for attribute in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), "")  # "" when absent


SINGLE_LINE = 240  # w:line in 240ths of a line when the rule is "auto": single spacing


def line_spacing(ppr: Element, exact: int | None) -> None:
    """No space before or after; lines `exact` twips apart, or single (auto) when None."""
    spacing = set_attributes(child(ppr, "w:spacing"), before=0, after=0)
    if exact is None:
        set_attributes(spacing, line=SINGLE_LINE, lineRule="auto")
    else:
        set_attributes(spacing, line=exact, lineRule="exact")


def indents(ppr: Element, first_line: int, left: int, right: int) -> None:
    """Set a paragraph's first-line, left and right indents (twips)."""
    set_attributes(child(ppr, "w:ind"), firstLine=first_line, left=left, right=right)


def border(
    ppr: Element, side: str, size: int, color: str, space: int = 0, style: str = "single"
) -> None:
    """Add a paragraph border on `side` (top/bottom); `size` in eighths of a point,
    `space` in points between it and the text."""
    line = OxmlElement(f"w:{side}")
    set_attributes(line, val=style, sz=size, space=space, color=color)
    child(ppr, "w:pBdr").append(line)


def page_field_runs(paragraph: Element) -> None:
    """Append a PAGE field (begin, instruction, separate, result, end) to `paragraph`."""
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = OxmlElement("w:r")
        if kind is not None:
            run.append(set_attributes(OxmlElement("w:fldChar"), fldCharType=kind))
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run.append(element)
        paragraph.append(run)


# Tables ---------------------------------------------------------------------------------


def column_widths(tbl: Element, widths: list[int]) -> None:
    """Set the table grid's column widths (twips): LibreOffice lays columns out from the
    grid, Word from the cells."""
    columns = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    for column, width in zip(columns, widths, strict=True):
        set_attributes(column, w=width)


def cell_margins(tbl_pr: Element, margins: dict[str, int]) -> None:
    """Set the table's default cell margins (twips) on the sides given."""
    element = child(tbl_pr, "w:tblCellMar")
    for side, twips in margins.items():
        set_attributes(child(element, f"w:{side}"), w=twips, type="dxa")


def float_at_bottom(tbl_pr: Element, left: int, width: int) -> None:
    """Float the table at the bottom of the text block, `left` twips from the page edge,
    `width` twips wide, with no text beside it."""
    # Anchored horizontally to the page: LibreOffice keeps a full-width table that is
    # anchored to the margin in the text flow instead of floating it.
    set_attributes(
        child(tbl_pr, "w:tblpPr"),
        leftFromText=0,
        rightFromText=0,
        vertAnchor="margin",
        horzAnchor="page",
        tblpX=left,
        tblpYSpec="bottom",
    )
    set_value(tbl_pr, "w:tblOverlap", "never")
    set_attributes(child(tbl_pr, "w:tblW"), type="dxa", w=width)


def cell_borders(tc_pr: Element, sizes: dict[str, int | None], color: str) -> None:
    """Rule a cell's sides: a single line of the size given (eighths of a point), none
    where the size is None."""
    borders = child(tc_pr, "w:tcBorders")
    for side, size in sizes.items():
        line = child(borders, f"w:{side}")
        if size is None:
            set_attributes(line, val="nil")
        else:
            set_attributes(line, val="single", sz=size, space=0, color=color)


# Package parts --------------------------------------------------------------------------


def font_table(fonts: list[dict[str, str]]) -> Element:
    """Return a w:fonts element declaring each font (name, and altName, panose1, charset,
    family and pitch where given)."""
    root = parse_xml(f"<w:fonts {nsdecls('w')}/>")
    for entry in fonts:
        font = set_attributes(OxmlElement("w:font"), name=entry["name"])
        for tag in ("altName", "panose1", "charset", "family", "pitch"):
            if entry.get(tag):
                set_value(font, f"w:{tag}", entry[tag])
        root.append(font)
    return root


def theme_languages(settings: Element, latin: str, east_asian: str) -> None:
    set_attributes(child(settings, "w:themeFontLang"), val=latin, eastAsia=east_asian)


def compatibility_mode(settings: Element, mode: str, uri: str) -> None:
    """Set Word's compatibility mode (the setting named compatibilityMode in w:compat)."""
    compat = child(settings, "w:compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            set_attributes(setting, val=mode)
            return
    setting = OxmlElement("w:compatSetting")
    compat.append(set_attributes(setting, name="compatibilityMode", uri=uri, val=mode))
