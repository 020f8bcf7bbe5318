"""Finding division names in running text, leftmost longest, in one pass.

At each position the scan extends a candidate while it is a prefix of some name (a set of
every prefix of every name) and keeps the longest name it passed. Names are at most a few
dozen characters, so each position costs a bounded number of set look-ups: the whole scan
is linear in the length of the text. A hit moves the scan past its end (hits never overlap).

Which division a name means, when several share it, is decided by the hit just before it:
in 西安市高陵区 the district is the one under 西安市, in 长春市朝阳区 the one under 长春市.
"""

from __future__ import annotations

from functools import cache

from jmctl.gazetteer.names import NameIndex
from jmctl.gazetteer.store import Store
from jmctl.gazetteer.table import Division, registry

Hit = tuple[int, int, Division]


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str]]:
    words = registry()
    return tuple(words["short_form_not_before"]), frozenset(words["needs_parent_in_text"])


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


class Scanner:
    def __init__(self, store: Store, text: str) -> None:
        self.store = store
        self.indexes: list[NameIndex] = [store.upper, store.towns]
        self.text = text
        self.previous: Hit | None = None

    def run(self) -> list[Hit]:
        hits: list[Hit] = []
        start, size = 0, len(self.text)
        while start < size:
            hit = self._longest_at(start)
            if hit is None:
                start += 1
                continue
            hits.append(hit)
            self.previous = hit
            start = hit[1]
        return hits

    def _longest_at(self, start: int) -> Hit | None:
        best = None
        end = start + 1
        while end <= len(self.text):
            piece = self.text[start:end]
            if not any(piece in index.prefixes for index in self.indexes):
                break
            division = self._meaning(piece, start, end)
            if division is not None:
                best = (start, end, division)
            end += 1
        return best

    def _meaning(self, piece: str, start: int, end: int) -> Division | None:
        full = [d for index in self.indexes for d in index.full.get(piece, ())]
        if full:
            return self._full_name(piece, start, full)
        if piece in self.store.upper.in_text and not self.text.startswith(_words()[0], end):
            return self._choose(self.store.upper.short[piece], start)
        return None

    def _full_name(self, piece: str, start: int, candidates: list[Division]) -> Division | None:
        """A full name, unless it is an ordinary word or a one-character stem mid-word."""
        chosen = self._choose(candidates, start)
        after_parent = self._after_ancestor(chosen, start)
        if piece in _words()[1] and not after_parent:
            return None
        # 涉县, 和县: in 完成县级 or 市和县 the name is two halves of other words.
        if len(piece) == 2 and start > 0 and _is_han(self.text[start - 1]) and not after_parent:
            return None
        return chosen

    def _after_ancestor(self, division: Division, start: int) -> bool:
        previous = self.previous
        return (
            previous is not None
            and previous[1] == start
            and self.store.is_ancestor(previous[2], division)
        )

    def _choose(self, candidates: list[Division], start: int) -> Division:
        for candidate in candidates:
            if self._after_ancestor(candidate, start):
                return candidate
        return candidates[0]
