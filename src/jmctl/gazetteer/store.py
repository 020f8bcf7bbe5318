"""The loaded gazetteer: divisions by code and the name indexes, built once and cached.

Provinces, cities, counties and former names (≈3,400 rows) load on the first call; the
38,629 townships the first time one may be needed (a township code, a name ending in
镇/乡/街道/苏木 or found nowhere else, a scan of running text, a county's children), and a
township's Division is made only when it is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from jmctl.gazetteer.names import NameIndex, full_name_index, township_index, upper_index
from jmctl.gazetteer.table import (
    Division,
    Row,
    division,
    read_former,
    read_township_rows,
    read_upper,
    registry,
)


class Store:
    """Divisions by code and by name; `store()` gives the one every call shares."""

    def __init__(self) -> None:
        upper = read_upper()
        self.upper_by_code: dict[str, Division] = {d.code: d for d in upper}
        self.upper: NameIndex = upper_index(upper)
        former = read_former()
        self.former_by_code: dict[str, Division] = {d.code: d for d in former}
        self.former: NameIndex = full_name_index(former)
        self._town_rows: dict[str, Row] = {}
        self._towns: NameIndex | None = None
        self._made: dict[str, Division] = {}
        self._scan_sets: tuple[set[str], set[str]] | None = None
        self._children: dict[str, list[str]] | None = None

    @property
    def towns(self) -> NameIndex:
        if self._towns is None:
            rows = read_township_rows()
            self._town_rows = {row[0]: row for row in rows}
            self._towns = township_index(rows)
        return self._towns

    def get(self, code: str) -> Division | None:
        found = self.upper_by_code.get(code) or self.former_by_code.get(code)
        if found is not None or len(code) != 9:
            return found
        if code not in self._made:
            _ = self.towns
            row = self._town_rows.get(code)
            if row is None:
                return None
            self._made[code] = division(row)
        return self._made[code]

    def known(self, code: str) -> Division:
        """The division of a code taken from the indexes (always present)."""
        found = self.get(code)
        if found is None:
            raise KeyError(code)
        return found

    def divisions(self, codes: list[str]) -> list[Division]:
        return [d for d in map(self.get, codes) if d is not None]

    def children(self, code: str) -> list[Division]:
        """The current divisions directly under a code, by code (townships under a county)."""
        if self._children is None:
            self._children = defaultdict(list)
            for known in self.upper_by_code.values():
                self._children[known.parent or ""].append(known.code)
            _ = self.towns
            for town_code, *_, parent in self._town_rows.values():
                self._children[parent].append(town_code)
        return self.divisions(sorted(self._children.get(code, [])))

    def parent_code(self, code: str) -> str | None:
        known = self.upper_by_code.get(code) or self.former_by_code.get(code)
        if known is not None:
            return known.parent
        row = self._town_rows.get(code)
        return (row[4] or None) if row else None

    def is_ancestor(self, older: str, code: str) -> bool:
        up = self.parent_code(code)
        while up is not None:
            if up == older:
                return True
            up = self.parent_code(up)
        return False

    @property
    def scan_sets(self) -> tuple[set[str], set[str]]:
        """Every prefix and every name find() reports, townships included."""
        if self._scan_sets is None:
            towns = self.towns
            prefixes = self.upper.prefixes | towns.prefixes | self.former.prefixes
            names = set(self.upper.full) | set(towns.full) | self.upper.in_text
            names |= set(self.former.full)
            self._scan_sets = (prefixes, names)
        return self._scan_sets


@cache
def store() -> Store:
    return Store()


@cache
def township_suffixes() -> tuple[str, ...]:
    kinds = registry()["kinds"].values()
    return tuple(spec["suffix"] for spec in kinds if spec["level"] == "township")
