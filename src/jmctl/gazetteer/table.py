"""The gazetteer's rows: reading `data/divisions.tsv` and `data/townships.tsv.gz`.

Both files are written by `scripts/build-gazetteer` (see its docstring for the source and
what was changed from it); here they are only parsed. The county-level file is read on the
first call of any lookup, the township file only when a township is asked for.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import yaml

from jmctl.resources import data_file

LEVELS = ("province", "city", "county", "township")
UPPER_FILE = "divisions.tsv"
TOWNSHIP_FILE = "townships.tsv.gz"
FORMER_FILE = "former.tsv"
COLUMNS = ["code", "name", "level", "kind", "parent"]


@dataclass(frozen=True)
class Division:
    """One administrative division as the official code list names it."""

    code: str  # 6 digits (province, city, county), 9 for townships
    name: str  # official full name: 广州市, 高陵区, 黔南布依族苗族自治州
    level: str  # province | city | county | township
    kind: str  # 省 自治区 直辖市 … 市辖区 县 县级市 … 镇 乡 街道 (data/division_kinds.yaml)
    parent: str | None  # the parent's code; None for a province
    # True for a division of the 2015 codes whose name the current codes no longer have
    # (开县, now 开州区): notices printed before the change still name it.
    former: bool = False

    def sort_key(self) -> tuple[int, str]:
        """Best first: higher levels first, then by code."""
        return (LEVELS.index(self.level), self.code)


Row = tuple[str, str, str, str, str]  # the five columns as written; parent "" for none


def parse_rows(lines: list[str], source: str) -> list[Row]:
    """Split the TSV text of a gazetteer file (comment lines start with #) into rows."""
    body = [line for line in lines if line and not line.startswith("#")]
    if not body or body[0].split("\t") != COLUMNS:
        raise ValueError(f"{source}: header {COLUMNS} expected")
    rows = [tuple(line.split("\t")) for line in body[1:]]
    if any(len(row) != len(COLUMNS) for row in rows):
        raise ValueError(f"{source}: every row needs {len(COLUMNS)} columns")
    return cast(list[Row], rows)


def division(row: Row, former: bool = False) -> Division:
    code, name, level, kind, parent = row
    return Division(code, name, level, kind, parent or None, former)


def read_upper_rows(path: Path | None = None) -> list[Row]:
    """Provinces, cities and counties, as rows."""
    path = path or data_file(UPPER_FILE)
    return parse_rows(path.read_text(encoding="utf-8").splitlines(), path.name)


def read_township_rows(path: Path | None = None) -> list[Row]:
    """Townships (镇, 乡, 街道, 苏木), as rows: 38,000 Division objects cost more than the file."""
    path = path or data_file(TOWNSHIP_FILE)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return parse_rows(handle.read().splitlines(), path.name)


def read_upper() -> list[Division]:
    return [division(row) for row in read_upper_rows()]


def read_former() -> list[Division]:
    """Cities and counties of the 2015 codes that the current codes no longer name."""
    path = data_file(FORMER_FILE)
    rows = parse_rows(path.read_text(encoding="utf-8").splitlines(), path.name)
    return [division(row, former=True) for row in rows]


def read_townships() -> list[Division]:
    return [division(row) for row in read_township_rows()]


def header_counts(path: Path) -> dict[str, int]:
    """The row counts a data file states in its `# rows:` header line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# rows:"):
                pairs = (item.split() for item in line[len("# rows:") :].split(","))
                return {level: int(n) for level, n in pairs}
    return {}


@cache
def registry() -> dict[str, Any]:
    """The kinds registry and word lists of `data/division_kinds.yaml`."""
    return yaml.safe_load(data_file("division_kinds.yaml").read_text(encoding="utf-8"))
