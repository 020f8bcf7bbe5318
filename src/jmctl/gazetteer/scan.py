"""Finding division names in running text, leftmost longest, in one pass.

At each position the scan extends a candidate while it is a prefix of some name (a set of
every prefix of every name) and keeps the longest name it passed. Names are at most 15
characters, so each position costs a bounded number of set look-ups: the whole scan is
linear in the length of the text. A hit moves the scan past its end (hits never overlap).

Which division a name means, when several share it, is decided by the hit just before it:
in 西安市高陵区 the district is the one under 西安市, in 长春市朝阳区 the one under 长春市.
"""

from __future__ import annotations

from functools import cache

from jmctl.gazetteer.store import Store
from jmctl.gazetteer.table import Division, registry

Hit = tuple[int, int, str]  # start, end, code


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    words = registry()
    return (
        tuple(words["short_form_not_before"]),
        frozenset(words["needs_parent_in_text"]),
        frozenset(words["two_character_names_after"]),
    )


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


class Scanner:
    def __init__(self, store: Store, text: str) -> None:
        self.store = store
        self.prefixes, self.names = store.scan_sets
        self.text = text
        self.previous: Hit | None = None

    def run(self) -> list[tuple[int, int, Division]]:
        hits: list[Hit] = []
        text, prefixes = self.text, self.prefixes
        start, last = 0, len(text) - 1
        while start < last:
            # Most positions start no name: one set look-up of a pair rules them out.
            if text[start : start + 2] not in prefixes:
                start += 1
                continue
            hit = self._longest_at(start)
            if hit is None:
                start += 1
                continue
            hits.append(hit)
            self.previous = hit
            start = hit[1]
        known = self.store.known
        return [(begin, end, known(code)) for begin, end, code in hits]

    def _longest_at(self, start: int) -> Hit | None:
        best = None
        text = self.text
        end = start + 2
        while end <= len(text):
            piece = text[start:end]
            if piece not in self.prefixes:
                break
            if piece in self.names:
                code = self._meaning(piece, start, end)
                if code is not None:
                    best = (start, end, code)
            end += 1
        return best

    def _meaning(self, piece: str, start: int, end: int) -> str | None:
        upper, towns = self.store.upper, self.store.towns
        full = upper.full.get(piece, []) + towns.full.get(piece, [])
        if full:
            return self._full_name(piece, start, full)
        if piece in upper.in_text and self._short_form_stands(piece, start, end):
            return self._choose(upper.short[piece], start)
        former = self.store.former.full.get(piece)
        return self._full_name(piece, start, former) if former else None

    def _short_form_stands(self, piece: str, start: int, end: int) -> bool:
        """Whether a short form is a place here, not part of a longer word.

        中山路 and 中山大学 are not 中山市; in a roster "洪长春　省人社厅" the 长春 ends a
        person's name (a two-character form glued to the character before, then padding).
        """
        if self.text.startswith(_words()[0], end):
            return False
        glued = start > 0 and _is_han(self.text[start - 1])
        padded = end < len(self.text) and self.text[end] in " \t\u3000"
        return not (len(piece) == 2 and glued and padded)

    def _full_name(self, piece: str, start: int, candidates: list[str]) -> str | None:
        """A full name, unless it is an ordinary word or a one-character stem mid-word."""
        chosen = self._choose(candidates, start)
        after_parent = self._after_ancestor(chosen, start)
        if piece in _words()[1] and not after_parent:
            return None
        if len(piece) == 2 and not after_parent and self._mid_word(start):
            return None
        return chosen

    def _mid_word(self, start: int) -> bool:
        """涉县, 和县: in 完成县级 or 市和县 the name is two halves of other words."""
        before = self.text[start - 1] if start > 0 else ""
        return _is_han(before) and before not in _words()[2]

    def _after_ancestor(self, code: str, start: int) -> bool:
        previous = self.previous
        return (
            previous is not None
            and previous[1] == start
            and self.store.is_ancestor(previous[2], code)
        )

    def _choose(self, candidates: list[str], start: int) -> str:
        for candidate in candidates:
            if self._after_ancestor(candidate, start):
                return candidate
        return candidates[0]
