"""Small OOXML edits python-docx has no API for: fonts, spacing, borders, fields."""

from __future__ import annotations

from itertools import pairwise

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element as Element  # what python-docx makes and finds (OxmlElement)

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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
    qn("w:tblPr"): [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
    ],
    qn("w:trPr"): [
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
    ],
    qn("w:tcPr"): [
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
    ],
    qn("w:tblCellMar"): ["top", "start", "left", "bottom", "end", "right"],
    qn("w:tcBorders"): ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV"],
    qn("w:pBdr"): ["top", "left", "bottom", "right", "between", "bar"],
    qn("w:sectPr"): [
        "headerReference|footerReference",  # either, in any order
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ],
    qn("w:font"): ["altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig"],
}


def _ranks(order: list[str]) -> dict[str, int]:
    """Return each element name's place; names joined by | share one place."""
    return {name: rank for rank, entry in enumerate(order) for name in entry.split("|")}


def misordered(root: Element) -> list[str]:
    """Return a description of every element below `root` whose children break the
    ECMA-376 order kept in _ORDER (Word refuses such a file; LibreOffice does not care)."""
    problems = []
    for element in root.iter(*_ORDER):
        order = _ranks(_ORDER[element.tag])
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
    order = _ORDER.get(parent.tag)
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


def border(
    ppr: Element, side: str, size: int, color: str, space: int = 0, style: str = "single"
) -> None:
    """Add a paragraph border on `side` (top/bottom); `size` in eighths of a point."""
    borders = child(ppr, "w:pBdr")
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", style), ("sz", size), ("space", space), ("color", color)):
        line.set(qn(f"w:{name}"), str(value))
    borders.append(line)


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
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run.append(mark)
        else:
            element = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run.append(element)
        paragraph.append(run)
