"""Small OOXML edits python-docx has no API for: fonts, spacing, borders, fields."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# Word rejects properties out of schema order; LibreOffice is lenient, Word is not.
_ORDER = {
    qn("w:pPr"): [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    qn("w:rPr"): [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ],
}


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """Return the first `tag` child of `parent`, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    order = _ORDER.get(parent.tag)
    if order is None:
        parent.append(element)
        return element
    rank = order.index(tag.split(":", 1)[1])
    later = {qn(f"w:{name}") for name in order[rank + 1 :]}
    successor = next((node for node in parent if node.tag in later), None)
    if successor is None:
        parent.append(element)
    else:
        successor.addprevious(element)
    return element


def set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str) -> None:
    """Name the East Asian and Latin fonts explicitly and drop theme fonts, which win otherwise."""
    fonts = child(rpr, "w:rFonts")
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)


def set_value(parent: BaseOxmlElement, tag: str, value: str | int) -> BaseOxmlElement:
    element = child(parent, tag)
    element.set(qn("w:val"), str(value))
    return element


def border(
    ppr: BaseOxmlElement, side: str, size: int, color: str, space: int = 0, style: str = "single"
) -> None:
    """Add a paragraph border on `side` (top/bottom); `size` in eighths of a point."""
    borders = child(ppr, "w:pBdr")
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", style), ("sz", size), ("space", space), ("color", color)):
        line.set(qn(f"w:{name}"), str(value))
    borders.append(line)


def page_field_runs(paragraph: BaseOxmlElement) -> None:
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
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run.append(mark)
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run.append(element)
        paragraph.append(run)
