"""The loaded gazetteer: divisions by code and the name indexes, built once and cached.

Provinces, cities and counties (≈3,200 rows) load on the first call; the 38,000 townships
load the first time a township is needed (a township code, a name ending in 镇/乡/街道/苏木,
or a scan of running text).
"""

from __future__ import annotations

from functools import cache

from jmctl.gazetteer.names import NameIndex, build_index
from jmctl.gazetteer.table import Division, read_townships, read_upper, registry


class Store:
    def __init__(self) -> None:
        upper = read_upper()
        self.by_code: dict[str, Division] = {d.code: d for d in upper}
        self.upper: NameIndex = build_index(upper)
        self._towns: NameIndex | None = None

    @property
    def towns(self) -> NameIndex:
        if self._towns is None:
            towns = read_townships()
            self.by_code.update((d.code, d) for d in towns)
            self._towns = build_index(towns)
        return self._towns

    def get(self, code: str) -> Division | None:
        if len(code) == 9:
            _ = self.towns
        return self.by_code.get(code)

    def is_ancestor(self, older: Division, division: Division) -> bool:
        code = division.parent
        while code is not None:
            if code == older.code:
                return True
            parent = self.by_code.get(code)
            code = parent.parent if parent else None
        return False


@cache
def store() -> Store:
    return Store()


@cache
def township_suffixes() -> tuple[str, ...]:
    kinds = registry()["kinds"].values()
    return tuple(spec["suffix"] for spec in kinds if spec["level"] == "township")
