"""Raw VML inside WordprocessingML: WordArt (a text path), the one shape whose text
turns with it in Word, WPS and LibreOffice alike (render/name_card_docx.py says why).

python-docx has no object for a VML shape, so its XML is written here, each number
named; a run carrying the shape is returned as text for `docx.oxml.parse_xml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

VML_NAMESPACES = (
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

PLAIN_TEXT_SHAPE = 136  # o:spt of the preset WordArt "plain text" (VML's ShapeType 136)
PLAIN_TEXT_ID = "_x0000_t136"  # the id Word gives that shape type in a document
COORD_SIZE = 21600  # VML's preset shapes are drawn on a 21600 × 21600 grid
STRAIGHT = COORD_SIZE // 2  # adj: the text path's baseline bend, half the grid is none
# The preset's guide formulas, as Word writes them: they place the path's two ends.
PLAIN_TEXT_FORMULAS = (
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
)
# Where the preset's connectors sit (top, left, bottom, right), and their angles.
PLAIN_TEXT_CONNECTORS = "@9,0;@10,10800;@11,21600;@12,10800"
PLAIN_TEXT_ANGLES = "270,180,90,0"
TURNED = 180  # degrees: upside down, for the far half of a folded card


def plain_text_shapetype() -> str:
    """Return the `v:shapetype` of WordArt "plain text", which a shape refers to."""
    formulas = "".join(f'<v:f eqn="{eqn}"/>' for eqn in PLAIN_TEXT_FORMULAS)
    return (
        f'<v:shapetype id="{PLAIN_TEXT_ID}" coordsize="{COORD_SIZE},{COORD_SIZE}" '
        f'o:spt="{PLAIN_TEXT_SHAPE}" adj="{STRAIGHT}" '
        f'path="m@7,l@8,m@5,{COORD_SIZE}l@6,{COORD_SIZE}e"><v:formulas>{formulas}'
        f'</v:formulas><v:path textpathok="t" o:connecttype="custom" '
        f'o:connectlocs="{PLAIN_TEXT_CONNECTORS}" o:connectangles="{PLAIN_TEXT_ANGLES}"/>'
        '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
        "</v:shapetype>"
    )


@dataclass(frozen=True)
class PageBox:
    """Where a shape sits, in points from the page's top left corner."""

    left: float
    top: float
    width: float
    height: float


def wordart_run(
    shape_id: int, box: PageBox, text: str, font: str, size_pt: float, turned: bool
) -> str:
    """Return a `w:r` holding `text` as WordArt that fills `box` (trim and fitpath
    stretch the text's ink to the shape), turned upside down when `turned`."""
    style = (
        f"position:absolute;margin-left:{box.left:.2f}pt;margin-top:{box.top:.2f}pt;"
        f"width:{box.width:.2f}pt;height:{box.height:.2f}pt;"
        f"{f'rotation:{TURNED};' if turned else ''}"
        "mso-position-horizontal-relative:page;mso-position-vertical-relative:page;"
        f"z-index:{shape_id}"
    )
    text_style = f'font-family:"{font}";font-size:{size_pt:g}pt;v-text-kern:t'
    return (
        f"<w:r {W_NAMESPACE}><w:pict {VML_NAMESPACES}>{plain_text_shapetype()}"
        f'<v:shape id="name{shape_id}" o:spid="name{shape_id}" type="#{PLAIN_TEXT_ID}" '
        f'style="{style}" fillcolor="black" stroked="f">'
        f'<v:textpath style={quoteattr(text_style)} trim="t" fitpath="t" '
        f"string={quoteattr(text)}/>"
        "</v:shape></w:pict></w:r>"
    )
