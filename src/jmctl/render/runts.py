"""Keep one-character last lines (runts such as "息。") off the page by character spacing.

A body paragraph is set on a fixed measure: 28 characters of 15.75 pt after a two-
character first-line indent; closing punctuation never starts a line. Where its lines
end can therefore be predicted; when the last line would hold a single character, the
paragraph's characters are drawn a fraction of a point closer (or wider apart, whichever
is smaller) so that the character joins the line above or gains a companion: the spacing
adjustment GB/T 9704-2012 allows. Linear in the paragraph for each spacing tried.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from jmctl.render import layout

HANGING = set("，。、；：！？）》”’")
STEP, MAX_ADJUST = 3, 15  # twips per character: 0.15 pt steps, 0.75 pt at most
AUTOSPACE = 0.2  # of a character, where Chinese meets Latin text (measured, see compose)


NARROW = set(".,:;'!|il")  # a quarter of an em in Times (measured: "." is 80 twips at 16 pt)


def _advance(char: str, size: int) -> float:
    if ord(char) >= 128:
        return size
    return size / 4 if char in NARROW else size / 2


def autospaced(a: str, b: str) -> bool:
    """Whether the autospace falls between `a` and `b`: a letter or digit next to a
    Chinese character (not next to punctuation)."""
    return (a.isascii() and a.isalnum() and _ideograph(b)) or (
        b.isascii() and b.isalnum() and _ideograph(a)
    )


def _ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _advances(text: str, spacing: int) -> list[float]:
    """Return each character's advance in twips at `spacing` twips of character spacing."""
    size = layout.em(layout.BODY_SIZE)
    advances = [_advance(char, size) + spacing for char in text]
    for i, (a, b) in enumerate(pairwise(text), 1):
        if autospaced(a, b):
            advances[i] += AUTOSPACE * size
    return advances


def _spaced(advances: Sequence[float], change: int) -> list[float]:
    """Return `advances` with `change` twips more character spacing on each."""
    return [advance + change for advance in advances]


def last_line(
    text: str, spacing: int, indent: int, width: int = layout.TEXT_WIDTH, continuation: int = 0
) -> str:
    """Return the text of the paragraph's last line, as the measure would set it: closing
    punctuation may not start a line, so the character before it moves down with it
    (measured: LibreOffice does not hang it)."""
    return _last_line(text, _advances(text, spacing), indent, width, continuation)


def _last_line(
    text: str, advances: Sequence[float], indent: int, width: int, continuation: int
) -> str:
    start, used, i = 0, float(indent), 0
    while i < len(text):
        if used + advances[i] > width + 0.5 and i > start:
            cut = i
            while text[cut] in HANGING and cut - 1 > start:
                cut -= 1
            start, used, i = cut, float(continuation), cut
        used += advances[i]
        i += 1
    return text[start:] if start else ""


def is_runt(line: str) -> bool:
    return bool(line) and sum(1 for char in line if char not in HANGING) <= 1


# How far the prediction may be off on one line (twips): Latin glyphs, the space where
# Chinese meets Latin text and punctuation widths differ a little between Word,
# LibreOffice and this model. A paragraph is treated as ending in a runt when it does
# anywhere within this margin, and a change counts only when it holds across it.
UNCERTAINTY = 40


def _runt_anywhere(text: str, advances: Sequence[float], indent: int, continuation: int) -> bool:
    widths = (layout.TEXT_WIDTH - UNCERTAINTY, layout.TEXT_WIDTH, layout.TEXT_WIDTH + UNCERTAINTY)
    return any(is_runt(_last_line(text, advances, indent, width, continuation)) for width in widths)


def runt_spacing(text: str, indent: int = 2 * layout.EM, continuation: int = 0) -> int:
    """Return the change of character spacing (twips) that keeps `text` from ending in a
    one-character line: 0 when it does not, or when no allowed change helps. `indent` is
    where the first line starts, `continuation` where the others do (twips)."""
    if "\n" in text:
        return 0
    # The advances are measured once; each spacing tried only adds to every one of them.
    advances = _advances(text, layout.CHAR_SPACING)
    if not _runt_anywhere(text, advances, indent, continuation):
        return 0
    # Wider first: a line holds 28 characters with 24 twips to spare, so the least
    # widening moves one character down on every line, where closing up needs 0.75 pt.
    for change in sorted(range(-MAX_ADJUST, MAX_ADJUST + 1, STEP), key=lambda c: (abs(c), -c)):
        if change and not _runt_anywhere(text, _spaced(advances, change), indent, continuation):
            return change
    return 0
