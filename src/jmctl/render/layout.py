"""GB/T 9704-2012 in numbers (twips unless said otherwise), and the font set.

Values marked "measured" were calibrated on LibreOffice's rendering of the
output and are checked by the PDF layout tests.
"""

from __future__ import annotations

from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4
MARGIN_TOP, MARGIN_BOTTOM = 2098, 1984  # 37 mm, 35 mm
MARGIN_LEFT, MARGIN_RIGHT = 1588, 1474  # 28 mm, 26 mm
HEADER_DISTANCE = 851  # 15 mm from the paper top: clear of the mark 72 mm down
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
LANDSCAPE_TEXT_WIDTH = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT  # 243 mm

BODY_SIZE = 32  # half-points: 3号, 16 pt
LINE_PITCH = 579  # 28.95 pt: 22 lines in 225 mm (exact 29 pt fits only 21)
CHAR_SPACING = -5  # twips after each character: 28 characters of 15.75 pt per line
EM = BODY_SIZE * 10 + CHAR_SPACING  # one body character's advance: 315 twips

COLOPHON_SIZE = 28  # 4号, 14 pt
TWIPS_PER_HALF_POINT = 10
PAGE_NUMBER_SIZE = 28
TITLE_SIZE = 44  # 2号, 22 pt
TABLE_SIZE = 28
# Table cell margins: text about 1 mm from the rules above and below, 1.5 mm at the sides.
CELL_MARGINS = {"top": 57, "left": 85, "bottom": 57, "right": 85}

RED = "FF0000"
# Rules, in eighths of a point (w:sz of a border). The red separator under the 文号 is
# 1.5 pt (0.53 mm; layout.md: 0.35–0.5 mm usual); the letter format's double lines 2.25 pt
# in all; the 版记's rules thick 1 pt (0.35 mm) and thin 0.75 pt (0.25 mm).
RED_RULE = 12
LETTER_DOUBLE_LINE = 18
COLOPHON_THICK, COLOPHON_THIN = 8, 6
LETTER_RULE_OVERHANG_MM = 7  # 170 mm long: 7 mm past each edge of the 156 mm text block
EMPTY_LINE = 20  # twips: a paragraph 1 pt high whose only content is its rule
MARK_MAX_SIZE = 72  # half-points: 36 pt (小初) at most; smaller when the name is long

# Positions by ink, measured on the PDF raster (tests/test_render_ink.py): the printed
# top of the mark's glyphs sits this fraction of its size below the top of its line
# (Noto Serif CJK SC Bold standing in for 小标宋).
MARK_INK_DROP = 0.305
MARK_INK_TOP = 72.0  # mm from the paper top: 35 mm below the text block (ordinary format)
LETTER_MARK_INK_TOP = 30.0  # mm from the paper top (letter format)
RULE_BELOW_NUMBER = 5  # points between the 文号 line and the red rule (measured)
# The footers sit low enough for the letter format's bottom double line (20 mm above
# the paper edge); page numbers are lifted back by space after them, so that the ink of
# their dashes stands 7 mm below the text block (measured on the raster).
FOOTER_DISTANCE = 1077
PAGE_NUMBER_SPACE_AFTER = 351


def em(size: int) -> int:
    """Return one character of `size` half-points, in twips (a 4号 character: 280)."""
    return size * TWIPS_PER_HALF_POINT


def _ink_drop(size: int) -> float:
    """Return, in twips, how far below its line top a mark of `size` half-points prints."""
    return MARK_INK_DROP * size * 10


def mark_space_before(size: int) -> int:
    """Space before the mark (twips) so that its ink top is MARK_INK_TOP from the paper top."""
    return round((MARK_INK_TOP - 37.0) * TWIPS_PER_MM - _ink_drop(size))


def letter_header_distance(size: int) -> int:
    """Header distance (twips) that puts the letter format's mark ink LETTER_MARK_INK_TOP
    from the paper top."""
    return round(LETTER_MARK_INK_TOP * TWIPS_PER_MM - _ink_drop(size))


LETTER_TOP_RULE_SPACE = 0  # points between the mark and the double line (measured)
LETTER_BOTTOM_RULE_SPACE = 0  # points: the bottom double line 20 mm above the paper edge


def mark_size(text: str) -> int:
    """Return the half-point size of the issuing-organ mark: as large as 36 pt, but one line."""
    # TEXT_WIDTH / 10 is the line's width in half-points: one character per half-point size
    fit = TEXT_WIDTH / 10 / max(len(text), 1) * 0.98
    return min(MARK_MAX_SIZE, int(fit))


@dataclass(frozen=True)
class FontSet:
    """The Word font names a document asks for; which family an office has varies."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading: str = "黑体"
    subheading: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"


FONTS = FontSet()
