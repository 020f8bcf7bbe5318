"""Break a long title into lines between words, longer lines above (a trapezoid)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from itertools import combinations, pairwise

import yaml

from jmctl.resources import data_file

# 2号 (22 pt) characters across the 156 mm text block, and across a landscape page's 243 mm.
TITLE_LINE_CHARS = 20
LANDSCAPE_TITLE_LINE_CHARS = 31


@cache
def _title_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = yaml.safe_load(data_file("title_words.yaml").read_text("utf-8"))
    return tuple(raw["after"]), tuple(raw["before"])


def break_points(title: str, extra_words: Iterable[str] = ()) -> list[int]:
    """Return the positions where `title` may break without cutting a word."""
    after, before = _title_words()
    after = (*after, *extra_words)
    return [
        i
        for i in range(2, len(title) - 1)
        if any(title[:i].endswith(word) for word in after)
        or any(title[i:].startswith(word) for word in before)
    ]


def break_title(
    title: str, extra_words: Iterable[str] = (), width: int = TITLE_LINE_CHARS
) -> list[str]:
    """Return the lines of `title`: each fits `width`, breaks fall between words, and the
    shape is a trapezoid (each line no longer than the one above) or else a diamond."""
    if len(title) <= width:
        return [title]
    points = break_points(title, extra_words)
    for count in range(2, 5):
        best = _best_split(title, points, count, width)
        if best is not None:
            return best
    return [title[i : i + width] for i in range(0, len(title), width)]


def _best_split(title: str, points: Sequence[int], count: int, width: int) -> list[str] | None:
    candidates = []
    for cuts in combinations(points, count - 1):
        bounds = (0, *cuts, len(title))
        lines = [title[a:b] for a, b in pairwise(bounds)]
        lengths = [len(line) for line in lines]
        if max(lengths) > width:
            continue
        trapezoid = all(a >= b for a, b in pairwise(lengths))
        middle = lengths.index(max(lengths))
        diamond = 0 < middle < count - 1
        shape = 0 if trapezoid else (1 if diamond else 2)
        candidates.append((shape, max(lengths) - min(lengths), lines))
    return min(candidates)[2] if candidates else None
