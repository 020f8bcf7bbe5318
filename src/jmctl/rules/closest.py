"""The did-you-mean of a name that resolves to nothing (JM201, JM232): the declared name
closest to it, as `difflib.get_close_matches(word, names, n=1, cutoff=0.6)` finds it,
without comparing the word with every name.

difflib compares each name in turn: for every unknown name of a file, a pass over all
the declared ones, so a file of 2,000 misspelt members took 2,000 × 2,000 comparisons.
Here the names are indexed by character once; a word's shared characters with each name
give difflib's own upper bound (its `quick_ratio`), and only names whose bound can still
beat the best score so far are compared in full. The answer is difflib's, ties included.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.6  # difflib's default: below it, no suggestion
# Distinct unknown names that get a did-you-mean, per rule and file: a search still reads
# every name sharing a character with the word, so the count of searches is bounded to
# keep a file of thousands of misspellings linear. Later ones are reported without one.
MAX_SEARCHES = 50


class ClosestName:
    """Finds the closest of `names` to a word; remembers each word's answer."""

    def __init__(self, names: Iterable[str], searches: int = MAX_SEARCHES) -> None:
        self._names = list(dict.fromkeys(names))
        self._with_char: dict[str, list[tuple[int, int]]] | None = None  # at the first search
        self._answers: dict[str, str | None] = {}
        self._searches_left = searches

    def closest(self, word: str) -> str | None:
        """Return the name closest to `word` (None when none is close enough, or when
        the searches of this file are spent)."""
        if word in self._answers:
            return self._answers[word]
        if self._searches_left <= 0:
            return None
        self._searches_left -= 1
        answer = self._search(word)
        self._answers[word] = answer
        return answer

    def _search(self, word: str) -> str | None:
        if not word:  # difflib: only an empty name is close to an empty word
            return "" if "" in self._names else None
        with_char = self._index()
        shared: dict[int, int] = {}
        for char, count in Counter(word).items():
            for index, has in with_char.get(char, ()):
                shared[index] = shared.get(index, 0) + min(count, has)
        # difflib's quick_ratio, from the shared characters: no name scores above it.
        size, names = len(word), self._names
        bounds = sorted(
            (
                (2.0 * common / (len(names[index]) + size), index)
                for index, common in shared.items()
            ),
            reverse=True,
        )
        matcher = SequenceMatcher()
        matcher.set_seq2(word)  # as difflib: the word is seq2, each name seq1
        best: tuple[float, str] | None = None
        for bound, index in bounds:
            if bound < CUTOFF or (best is not None and bound < best[0]):
                break  # no name further down can reach the cutoff or the best
            name = self._names[index]
            matcher.set_seq1(name)
            score = matcher.ratio()
            if score >= CUTOFF and (best is None or (score, name) > best):
                best = (score, name)
        return best[1] if best is not None else None

    def _index(self) -> dict[str, list[tuple[int, int]]]:
        """Return, for each character, the names holding it and how often: built when a
        word is first searched (most files have no unknown name)."""
        if self._with_char is None:
            self._with_char = {}
            for index, name in enumerate(self._names):
                for char, count in Counter(name).items():
                    self._with_char.setdefault(char, []).append((index, count))
        return self._with_char
