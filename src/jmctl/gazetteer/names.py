"""Names of divisions: their customary short forms and the indexes that find them.

A short form drops the kind and, for autonomous divisions, the nationalities:
广州市 → 广州, 内蒙古自治区 → 内蒙古, 黔南布依族苗族自治州 → 黔南 and 黔南州,
长阳土家族自治县 → 长阳 and 长阳县. A stem of one character (泾县, 城区) has no short form:
a single character is never a place in running text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from jmctl.gazetteer.table import Division, Row, registry


@dataclass
class NameIndex:
    """Division codes by full name and by short form, best first, and what find() needs."""

    full: dict[str, list[str]]
    short: dict[str, list[str]]
    in_text: set[str]  # the short forms find() reports

    @cached_property
    def prefixes(self) -> set[str]:
        """Every prefix (two characters or more) of a name find() reports; made for a scan."""
        return prefixes_of([*self.full, *self.in_text])


@cache
def _nationalities() -> tuple[frozenset[str], re.Pattern[str]]:
    """The groups, and a pattern for a run of them closing a stem (names are short and bounded)."""
    groups = sorted(registry()["ethnic_groups"], key=len, reverse=True)
    with_zu = "|".join(groups)
    without_zu = "|".join(group for group in groups if len(group) > 1)
    return frozenset(groups), re.compile(f"(?:(?:{with_zu})族|(?:{without_zu}))+$")


def _strip_nationalities(stem: str) -> str:
    """黔南布依族苗族 → 黔南; 伊犁哈萨克 → 伊犁; 鄂温克族 → 鄂温克. At least two characters stay."""
    groups, run = _nationalities()
    if stem.endswith("族") and stem[:-1] in groups:
        return stem[:-1]
    closing = run.search(stem, 2)
    return stem[: closing.start()] if closing else stem


def short_forms(division: Division) -> list[str]:
    """The customary short forms of a division's name (none for townships)."""
    if division.level == "township":
        return []
    spec = registry()["kinds"][division.kind]
    stem = division.name.removesuffix(spec["suffix"])
    if spec.get("ethnic"):
        stem = _strip_nationalities(stem)
    if len(stem) < 2 or stem == division.name:
        return []
    forms = [stem]
    if "short_suffix" in spec:
        forms.append(stem + spec["short_suffix"])
    return forms


def text_forms(division: Division, forms: list[str]) -> list[str]:
    """The short forms find() reports in running text.

    Provinces and cities are written short (广东, 广州, 黔南州); a county's bare stem is
    too often an ordinary word (市中, 城中, 和平), so of counties only the autonomous ones'
    长阳县 forms count, which end in their kind. Short forms that are ordinary words
    (安康, 日照) never count.
    """
    spec = registry()["kinds"][division.kind]
    if division.level == "county":
        forms = [form for form in forms if form.endswith(spec.get("short_suffix", "\0"))]
    elif division.level == "township":
        forms = []
    return [form for form in forms if form not in registry()["short_forms_not_in_text"]]


def prefixes_of(names: Iterable[str]) -> set[str]:
    # Every name has two characters or more, so a scan can start from a pair.
    return {name[:end] for name in names for end in range(2, len(name) + 1)}


def upper_index(divisions: list[Division]) -> NameIndex:
    """The index of provinces, cities and counties, with their short forms."""
    full: dict[str, list[str]] = defaultdict(list)
    short: dict[str, list[str]] = defaultdict(list)
    in_text: set[str] = set()
    for division in sorted(divisions, key=Division.sort_key):
        full[division.name].append(division.code)
        forms = short_forms(division)
        for form in forms:
            short[form].append(division.code)
        in_text.update(text_forms(division, forms))
    return NameIndex(dict(full), dict(short), in_text)


def full_name_index(divisions: list[Division]) -> NameIndex:
    """An index of full names only (former divisions: their short forms are today's)."""
    return township_index([(d.code, d.name, d.level, d.kind, d.parent or "") for d in divisions])


def township_index(rows: list[Row]) -> NameIndex:
    """The index of townships: full names only (rows come sorted by code)."""
    full: dict[str, list[str]] = defaultdict(list)
    for code, name, *_ in rows:
        full[name].append(code)
    return NameIndex(dict(full), {}, set())
