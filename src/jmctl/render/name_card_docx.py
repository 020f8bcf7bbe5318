"""A 桌签 in DOCX: the name twice on an A4 landscape page, as two WordArt shapes (VML
text paths), the lower one upright and the upper one turned 180°, each centred on its
half of the page.

Why WordArt: LibreOffice (7.4, what renders our PDFs) draws the text of a rotated text
box unrotated (the box turns, its text frame does not), and a table cell turns text by
90° only. A text path is a shape whose text is its outline, so it turns with it; Word
and WPS print it the same way. Both halves use the same shape so that they look alike.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml

from jmctl.render.layout import FONTS
from jmctl.render.ooxml_vml import PageBox, wordart_run
from jmctl.render.outline import NameCard

PT_PER_MM = 72 / 25.4
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 297, 210  # A4 landscape
FOLD_MM = PAGE_HEIGHT_MM / 2  # folded along the long middle
SIDE_MM = 15  # the name stays this far from the left and right edges
NAME_WIDTH_MM = PAGE_WIDTH_MM - 2 * SIDE_MM  # the widest a name may be
# With `trim` and `fitpath`, a text path stretches the ink of its text to fill the shape.
# The shape is therefore the ink box the name has when set in type: each CJK glyph's ink
# is this high and the line this much narrower than its ems (side bearings), measured
# on LibreOffice's PDF of the title font's stand-in (tests/test_name_cards.py).
INK_HEIGHT_EM = 0.92
BEARINGS_EM = 0.14


def add_name_card(document: DocxDocument, card: NameCard) -> None:
    """Add `card` on a page of its own: one paragraph anchoring both shapes."""
    paragraph = document.add_paragraph()
    if card.number > 1:  # one card per page
        paragraph.paragraph_format.page_break_before = True
    halves = ((FOLD_MM + FOLD_MM / 2, False), (FOLD_MM / 2, True))
    for offset, (centre_mm, turned) in enumerate(halves, 1):
        shape_id = 2 * (card.number - 1) + offset  # unique in the document
        paragraph._p.append(parse_xml(_run_xml(card, centre_mm, turned, shape_id)))


def name_box(card: NameCard) -> tuple[float, float]:
    """Return the width and height (pt) of the shape holding the name."""
    size_pt = card.size / 2
    return (len(card.name) - BEARINGS_EM) * size_pt, INK_HEIGHT_EM * size_pt


def _run_xml(card: NameCard, centre_mm: float, turned: bool, shape_id: int) -> str:
    width, height = name_box(card)
    left = PAGE_WIDTH_MM * PT_PER_MM / 2 - width / 2
    top = centre_mm * PT_PER_MM - height / 2
    box = PageBox(left, top, width, height)
    return wordart_run(shape_id, box, card.name, FONTS.title, card.size / 2, turned)
