"""Search a pattern that begins with a lazy, bounded run of any characters (`[^，]{2,60}?`
then a literal word) only where its literal word occurs.

Such a pattern, searched over a whole paragraph, tries up to its bound of characters at
every position: on a long member list with no comma (a paragraph of 、-separated units)
that is 60 steps per character, which made the convenor and office readers the part of an
import that grew fastest with the text. Every match of the pattern ends in its literal
word, so it starts at most `reach` characters before the first place that word occurs:
searching from there finds the same leftmost match, and a paragraph without the word costs
one scan for a literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def search_near(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str, reach: int
) -> re.Match[str] | None:
    """Return `pattern.search(text)`, looking only from `reach` characters before the first
    match of `anchor` (the literal part every match of `pattern` ends in)."""
    first = anchor.search(text)
    if first is None:
        return None
    return pattern.search(text, max(first.start() - reach, 0))


def finditer_near(
    pattern: re.Pattern[str], anchor: re.Pattern[str], text: str, reach: int, pos: int = 0
) -> Iterator[re.Match[str]]:
    """Yield what `pattern.finditer(text, pos)` yields, each match searched for only from
    `reach` characters before the next place its literal `anchor` occurs."""
    while pos <= len(text):
        word = anchor.search(text, pos)
        if word is None:
            return
        match = pattern.search(text, max(word.start() - reach, pos))
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1
