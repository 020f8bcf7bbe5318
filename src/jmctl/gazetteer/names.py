"""Names of divisions: their customary short forms and the indexes that find them.

A short form drops the kind and, for autonomous divisions, the nationalities:
广州市 → 广州, 内蒙古自治区 → 内蒙古, 黔南布依族苗族自治州 → 黔南 and 黔南州,
长阳土家族自治县 → 长阳 and 长阳县. A stem of one character (泾县, 城区) has no short form:
a single character is never a place in running text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from jmctl.gazetteer.table import Division, registry


@dataclass
class NameIndex:
    """Divisions by full name and by short form, with every prefix of what find() reports."""

    full: dict[str, list[Division]] = field(default_factory=lambda: defaultdict(list))
    short: dict[str, list[Division]] = field(default_factory=lambda: defaultdict(list))
    in_text: set[str] = field(default_factory=set)  # the short forms find() reports
    prefixes: set[str] = field(default_factory=set)

    def add(self, division: Division) -> None:
        self.full[division.name].append(division)
        self._add_prefixes(division.name)
        for form in short_forms(division):
            self.short[form].append(division)
        for form in text_forms(division):
            self.in_text.add(form)
            self._add_prefixes(form)

    def _add_prefixes(self, name: str) -> None:
        self.prefixes.update(name[:end] for end in range(1, len(name) + 1))

    def sort(self) -> None:
        for table in (self.full, self.short):
            for divisions in table.values():
                divisions.sort(key=Division.sort_key)


def _strip_nationalities(stem: str) -> str:
    """黔南布依族苗族 → 黔南; 伊犁哈萨克 → 伊犁 (multi-character groups also appear without 族)."""
    groups = sorted(registry()["ethnic_groups"], key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for group in groups:
            for written in (group + "族", group if len(group) > 1 else None):
                if written and stem.endswith(written) and len(stem) - len(written) >= 2:
                    stem = stem[: -len(written)]
                    changed = True
                    break
            if changed:
                break
    return stem


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


def text_forms(division: Division) -> list[str]:
    """The short forms find() reports in running text.

    Provinces and cities are written short (广东, 广州, 黔南州); a county's bare stem is
    too often an ordinary word (市中, 城中, 和平), so of counties only the autonomous ones'
    长阳县 forms count, which end in their kind. Short forms that are ordinary words
    (安康, 日照) never count.
    """
    spec = registry()["kinds"][division.kind]
    forms = short_forms(division)
    if division.level == "county":
        forms = [form for form in forms if form.endswith(spec.get("short_suffix", "\0"))]
    elif division.level == "township":
        forms = []
    return [form for form in forms if form not in registry()["short_forms_not_in_text"]]


def build_index(divisions: list[Division]) -> NameIndex:
    index = NameIndex()
    for division in divisions:
        index.add(division)
    index.sort()
    return index
