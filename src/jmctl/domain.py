"""Domain knowledge kept as data: roster role labels and the reform rename table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from jmctl.catalogue import Text
from jmctl.findings import Finding
from jmctl.loading import Document, load_file
from jmctl.resources import data_file


def read_data(name: str) -> object:
    """Return the content of the data file `name` in `jmctl/data/`."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data_file(name).read_text("utf-8"), Loader=loader)


_read = read_data


@cache
def role_registry() -> dict[str, Any]:
    """Return roles.yaml: the default labels, each body kind's labels, the office's."""
    raw = _read("roles.yaml")
    assert isinstance(raw, dict)
    return raw


def _role_keys(registry: dict[str, Any]) -> tuple[str, ...]:
    # A role is an entry of roles.yaml with its labels (zh, en); the rest are the bodies'.
    return tuple(
        key
        for key, entry in registry.items()
        if isinstance(entry, dict) and {"zh", "en"} <= set(entry)
    )


# The roster's roles, in the order a roster prints them (roles.yaml's order).
ROLE_KEYS = _role_keys(role_registry())
# The roles that lead (召集人 and the like): all but those marked `lead: false` (成员).
LEAD_ROLE_KEYS = tuple(key for key in ROLE_KEYS if role_registry()[key].get("lead", True))


def body_name(body: str) -> str:
    """Return the word a body of kind `body` is called by (联席会议, 领导小组 …)."""
    return str(role_registry()["bodies"][body]["name"])


@cache
def role_labels(body: str = "joint_meeting") -> dict[str, Text]:
    """Return the printed label of each roster role key (总召集人 …) in a body of kind
    `body` (组长 in a leading group); a role the body lacks keeps the default label."""
    raw = role_registry()
    labels = raw["bodies"][body]["labels"]
    return {key: Text(labels.get(key, raw[key]["zh"]), raw[key]["en"]) for key in ROLE_KEYS}


@cache
def _choices() -> dict[str, dict[str, str]]:
    # One vocabulary for enum values in Chinese (enum_words.yaml): the first word of each
    # value is its name in the workbook and the change list; the others are accepted too.
    raw = read_data("enum_words.yaml")
    assert isinstance(raw, dict)
    return {
        key: {str(v): str(words[0]) for v, words in values.items()} for key, values in raw.items()
    }


def choice_labels(key: str) -> dict[str, str]:
    """Return value → Chinese name for the values of `key` (notice.kind: establish → 建立)."""
    return _choices().get(key, {})


@dataclass(frozen=True)
class Rename:
    """Unit names (stems) a reform made out of date, and what replaced them."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    year: int
    pairs: tuple[tuple[str, str], ...] = ()  # old stem → the one new stem it became
    # Other current names the reform produced (local variants, short forms): they make a
    # name current, but are never suggested.
    variants: tuple[str, ...] = ()
    # Level → the day the reform was done at that level: ministries first, then provinces,
    # then cities and counties, months apart.
    since: tuple[tuple[str, date], ...] = ()

    def due(self, day: date, level: str | None) -> bool:
        """Return whether a document of a jurisdiction at `level`, dated `day`, should no
        longer print the old names: from the day the reform was done at its level (the
        last of those days when the level is not listed), else from the reform's year."""
        done = dict(self.since)
        if not done:
            return day.year >= self.year
        return day >= done.get(level or "", max(done.values()))

    def outdated_stem(self, name: str) -> str | None:
        """Return the old stem `name` still carries, or None when it is current."""
        if any(stem in name for stem in (*self.new, *self.variants)):
            return None
        return next((stem for stem in self.old if stem in name), None)

    def successors(self, name: str) -> list[str]:
        """Return the names `name` may have become: one when the table is sure
        (县卫计局 → [县卫健局]), the choices when the reform left one. Where the old stem
        is only the end of a longer word (旅游局 in 市体育旅游局), the new name replaces
        that whole word after the place, never just the stem inside it."""
        stem = self.outdated_stem(name)
        if stem is None:
            return []
        at = name.index(stem)
        head, tail = name[:at], name[at + len(stem) :]
        head = _place_part(head)
        sure = dict(self.pairs).get(stem) or (self.new[0] if len(self.new) == 1 else None)
        if sure is not None:
            return [head + sure + tail]
        pool = [new for new in self.new if new[-1] == stem[-1]] or list(self.new)
        return [head + new + tail for new in pool]


def _place_part(head: str) -> str:
    """Return what precedes the unit's own word in `head`: the place (县, 梅州市, 西安市高陵区,
    a county's short name: 兴业) or a national prefix (国家), without the start of a longer
    unit word (市体育 → 市, 市文化广电 → 市)."""
    endings = place_endings()
    end = max((index + 1 for index, char in enumerate(head) if char in endings), default=0)
    return head[:end] if head[end:].startswith(unit_starts()) else head


@cache
def unit_starts() -> tuple[str, ...]:
    """Return how the unit's own word starts (文化, 体育, 卫生…: `unit_starts`)."""
    words = read_data("import_words.yaml")
    assert isinstance(words, dict)
    return tuple(map(str, words["unit_starts"]))


@cache
def place_endings() -> frozenset[str]:
    """Return the characters a division's name or its units' prefix ends with (省, 市, 区…)."""
    from jmctl.gazetteer.table import registry

    kinds = registry()["kinds"].values()
    return frozenset(kind[key][-1] for kind in kinds for key in ("suffix", "unit_prefix"))


@cache
def builtin_renames() -> tuple[Rename, ...]:
    """Return the national rename table that ships with jmctl."""
    raw = _read("renames.yaml")
    assert isinstance(raw, list)
    return tuple(_rename(entry) for entry in raw)


def _rename(entry: dict[str, object]) -> Rename:
    old, new, year = entry["old"], entry["new"], entry["year"]
    pairs = entry.get("pairs") or {}
    variants = entry.get("variants") or []
    since = entry.get("since") or {}
    assert isinstance(old, list) and isinstance(new, list) and isinstance(year, int)
    assert isinstance(pairs, dict) and isinstance(variants, list) and isinstance(since, dict)
    return Rename(
        tuple(map(str, old)),
        tuple(map(str, new)),
        year,
        tuple((str(stem), str(successor)) for stem, successor in pairs.items()),
        tuple(map(str, variants)),
        tuple((str(level), _day(day)) for level, day in since.items()),
    )


def _day(value: object) -> date:
    # YAML reads 2019-04-01 as a date; a quoted one is text.
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def load_renames(path: Path) -> tuple[list[Rename], list[Finding]]:
    """Read a user's rename file (same form as the built-in one) into renames or findings."""
    loaded = load_file(path)
    if loaded.document is None:
        return [], loaded.findings
    problems = _rename_file_problems(loaded.document)
    if problems:
        return [], loaded.findings + problems
    return [_rename(entry) for entry in loaded.document.data], loaded.findings


def _rename_file_problems(document: Document) -> list[Finding]:
    data = document.data
    if not isinstance(data, list):
        return [_bad_rename(document, (), "文件应为更名条目的列表", "a list of rename entries")]
    problems = []
    for i, entry in enumerate(data):
        if not (
            isinstance(entry, dict)
            and {"old", "new", "year"} <= set(entry) <= _RENAME_KEYS
            and isinstance(entry.get("pairs", {}), dict)
            and isinstance(entry.get("variants", []), list)
            and _dates_by_level(entry.get("since", {}))
            and all(isinstance(entry[key], list) and entry[key] for key in ("old", "new"))
            and all(isinstance(stem, str) for stem in entry["old"] + entry["new"])
            and isinstance(entry["year"], int)
        ):
            problems.append(
                _bad_rename(
                    document,
                    (i,),
                    "每项应有 old（列表）、new（列表）和 year（年份），"
                    "可另有 pairs、variants（列表）和 since（层级: 日期）",
                    "each entry needs old (list), new (list) and year, and may have pairs,"
                    " variants (list) and since (level: date)",
                )
            )
    return problems


_RENAME_KEYS = {"old", "new", "year", "pairs", "variants", "since"}


def _dates_by_level(since: object) -> bool:
    """Whether `since` maps levels to days (2019-04-01)."""
    if not isinstance(since, dict):
        return False
    try:
        return all(isinstance(level, str) and _day(day) for level, day in since.items())
    except (TypeError, ValueError):
        return False


def _bad_rename(document: Document, path: tuple[int, ...], zh: str, en: str) -> Finding:
    return Finding(
        document.path,
        document.locate(path),
        "JM106",
        {"title": Text("更名表", "rename table"), "detail": Text(zh, en)},
    )
