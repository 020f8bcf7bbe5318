"""Break a long title into lines between words, in a trapezoid or diamond (GB/T 9704 7.3.1).

The title is cut into words by longest match against the domain's word list
(`data/title_words.yaml`) and the caller's own names; every position between two
characters then gets a cost: forbidden inside a word or next to a bracket, free at
the natural joints of 关于……的通知, cheap between known words, dear inside text no
list knows. A small bounded search picks the lines: at most MAX_SEARCH_LINES lines,
each at most `width` and at least MIN_LINE characters wide, so the work is bounded
by width³ whatever the title; longer titles are filled greedily in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import yaml

from jmctl.resources import data_file

# 2号 (22 pt) characters across the 156 mm text block, and across a landscape page's 243 mm.
TITLE_LINE_CHARS = 20
LANDSCAPE_TITLE_LINE_CHARS = 31
MIN_LINE = 3  # no line of one or two characters
MAX_SEARCH_LINES = 4  # beyond this many lines the title is filled greedily
LONGEST_WORD = 16  # characters: bounds the longest-match segmentation

NATURAL, BETWEEN_WORDS, NEXT_TO_UNKNOWN, INSIDE_UNKNOWN = 0, 2, 3, 6
OPENING = "（(《〈“‘〔［【"
CLOSING = "）)》〉”’〕］】，。、；：！？"


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]
    after: tuple[str, ...]
    before: tuple[str, ...]


@cache
def _lexicon() -> Lexicon:
    raw = yaml.safe_load(data_file("title_words.yaml").read_text("utf-8"))
    after, before = tuple(raw["after"]), tuple(raw["before"])
    return Lexicon(frozenset((*raw["words"], *after, *before)), after, before)


def _words(title: str, words: frozenset[str]) -> list[tuple[int, int, bool]]:
    """Return (start, end, known) spans: longest known words, unknown characters alone."""
    spans = []
    i = 0
    while i < len(title):
        for length in range(min(LONGEST_WORD, len(title) - i), 1, -1):
            if title[i : i + length] in words:
                spans.append((i, i + length, True))
                i += length
                break
        else:
            spans.append((i, i + 1, False))
            i += 1
    return spans


def break_costs(title: str, extra_words: Iterable[str] = ()) -> dict[int, int]:
    """Return the cost of breaking `title` before each position where it may break."""
    lexicon = _lexicon()
    words = lexicon.words | {word for word in extra_words if 1 < len(word) <= LONGEST_WORD}
    spans = _words(title, words)
    costs = {}
    for (_, end, known_left), (_, _, known_right) in pairwise(spans):
        if title[end - 1] in OPENING or title[end] in CLOSING:
            continue
        if _natural(title, end, lexicon):
            costs[end] = NATURAL
        elif known_left and known_right:
            costs[end] = BETWEEN_WORDS
        elif known_left or known_right:
            costs[end] = NEXT_TO_UNKNOWN
        else:
            costs[end] = INSIDE_UNKNOWN
    return costs


def _natural(title: str, point: int, lexicon: Lexicon) -> bool:
    window = LONGEST_WORD
    head, tail = title[max(0, point - window) : point], title[point : point + window]
    return any(head.endswith(word) for word in lexicon.after) or any(
        tail.startswith(word) for word in lexicon.before
    )


def width_of(text: str) -> float:
    """Return the width of `text` in title characters: ASCII counts half."""
    return sum(0.5 if ord(char) < 128 else 1.0 for char in text)


def break_title(
    title: str, extra_words: Iterable[str] = (), width: int = TITLE_LINE_CHARS
) -> list[str]:
    """Return the lines of `title`: each fits `width`, breaks fall between words, no line
    has fewer than three characters, and the lines form a trapezoid (each no longer than
    the one above) or a diamond, no wider than they need to be."""
    total = width_of(title)
    if total <= width:
        return [title]
    costs = break_costs(title, extra_words)
    fewest = int(-(-total // width))
    best: tuple[float, list[int]] | None = None
    for count in range(fewest, min(fewest + 1, MAX_SEARCH_LINES) + 1):
        found = _search(title, costs, count, width)
        if found is not None:
            scored = (found[0] + 2 * (count - fewest), found[1])
            if best is None or scored[0] < best[0]:
                best = scored
    cuts = best[1] if best is not None else _greedy(title, costs, width)
    bounds = [0, *cuts, len(title)]
    return [title[a:b] for a, b in pairwise(bounds)]


def _search(
    title: str, costs: dict[int, int], count: int, width: int
) -> tuple[float, list[int]] | None:
    """Return the cheapest cuts into `count` lines, with their score, or None."""
    prefix = [0.0]
    for char in title:
        prefix.append(prefix[-1] + width_of(char))
    total = prefix[-1]
    ideal = total / count
    best: tuple[float, list[int]] | None = None

    def visit(start: int, cuts: list[int], lengths: list[float], cost: int) -> None:
        nonlocal best
        left = count - len(lengths)
        rest = total - prefix[start]
        if left == 1:
            if not MIN_LINE <= rest <= width:
                return
            final = [*lengths, rest]
            score = 3 * cost + 2 * _shape(final) + (max(final) - ideal)
            if best is None or score < best[0]:
                best = (score, list(cuts))
            return
        for point in range(start + 1, len(title)):
            line = prefix[point] - prefix[start]
            if line > width:
                break
            if line < MIN_LINE or point not in costs:
                continue
            remaining = total - prefix[point]
            if not MIN_LINE * (left - 1) <= remaining <= width * (left - 1):
                continue
            visit(point, [*cuts, point], [*lengths, line], cost + costs[point])

    visit(0, [], [], 0)
    return best


def _shape(lengths: Sequence[float]) -> int:
    """0 for a trapezoid (longer lines above), 1 for a diamond, 3 for anything else."""
    if all(a >= b for a, b in pairwise(lengths)):
        return 0
    peak = lengths.index(max(lengths))
    rising = all(a <= b for a, b in pairwise(lengths[: peak + 1]))
    falling = all(a >= b for a, b in pairwise(lengths[peak:]))
    return 1 if 0 < peak < len(lengths) - 1 and rising and falling else 3


def _greedy(title: str, costs: dict[int, int], width: int) -> list[int]:
    """Fill lines in linear time: each ends at the cheapest break that fits, latest first."""
    prefix = [0.0]
    for char in title:
        prefix.append(prefix[-1] + width_of(char))
    cuts: list[int] = []
    start = 0
    while prefix[-1] - prefix[start] > width:
        candidates, point = [], start + 1
        while point < len(title) and prefix[point] - prefix[start] <= width:
            if prefix[point] - prefix[start] >= MIN_LINE and point in costs:
                candidates.append(point)
            point += 1
        end = min(candidates, key=lambda p: (costs[p], -p)) if candidates else point - 1
        cuts.append(end)
        start = end
    short = MIN_LINE - len(title[start:])
    if cuts and short > 0 and cuts[-1] - short > (cuts[-2] if len(cuts) > 1 else 0):
        cuts[-1] -= short  # no one- or two-character last line
    return cuts
