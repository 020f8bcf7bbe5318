"""Fit a table cell's text so it does not break badly: inside a bracket ("（牵|头）") or
before a last line of one character.

Cell text is set in one size with no character grid, so where its lines end can be
predicted: full-width characters are one em, ASCII half, and closing punctuation
never starts a line (the character before it moves down with it). When the
prediction shows a bad break, the cell's characters are drawn slightly closer or
wider apart (at most MAX_ADJUST), the spacing adjustment GB/T 9704 allows, until the
break is a good one; nothing is added to the text. Linear in the text for each of the
few spacings tried.
"""

from __future__ import annotations

OPENING = "（(《〔“"
CLOSING = "）)》〕”"
HANGING = "。，、；：！？" + CLOSING
LONGEST_KEPT = 8  # characters in brackets kept on one line; longer asides may break
STEP, MAX_ADJUST = 5, 30  # twips per character: 0.25 pt steps, 1.5 pt at most


def _advance(char: str) -> float:
    return 0.5 if ord(char) < 128 else 1.0


def line_ends(text: str, capacity: float) -> list[int]:
    """Return the positions where `text` wraps in lines of `capacity` em."""
    ends: list[int] = []
    used, i = 0.0, 0
    while i < len(text):
        if text[i] == "\n":
            used, i = 0.0, i + 1
            continue
        width = _advance(text[i])
        start = ends[-1] if ends else 0
        if used + width > capacity + 1e-9 and used > 0:
            # closing punctuation may not start a line: the character before it goes too
            cut = i
            while text[cut] in HANGING and cut - 1 > start:
                cut -= 1
            ends.append(cut)
            used, i = 0.0, cut
            continue
        used += width
        i += 1
    return ends


def _bad(text: str, ends: list[int]) -> bool:
    inside = _bracketed(text)
    if any(inside[end] for end in ends):
        return True
    if ends:
        last = text[ends[-1] :]
        return sum(1 for char in last if char not in HANGING) <= 1
    return False


def _bracketed(text: str) -> list[bool]:
    """Return, per position, whether a break before it would split a short bracket."""
    inside = [False] * (len(text) + 1)
    start = None
    for i, char in enumerate(text):
        if char in OPENING:
            start = i
        elif char in CLOSING and start is not None:
            if i - start <= LONGEST_KEPT + 1:
                for j in range(start + 1, i + 1):
                    inside[j] = True
            start = None
    return inside


def condensing(text: str, width_twips: int, size_twips: int) -> int:
    """Return the character spacing (twips) that makes `text` break well in a cell
    `width_twips` wide at `size_twips` per character: the smallest change that helps,
    closer before wider; 0 when it already breaks well or when nothing allowed helps."""
    candidates = sorted(range(-MAX_ADJUST, MAX_ADJUST + 1, STEP), key=lambda s: (abs(s), s))
    for spacing in candidates:
        capacity = width_twips / (size_twips + spacing)
        if not _bad(text, line_ends(text, capacity)):
            return spacing
    return 0
