"""The kinds of change a diff reports, from their one registry (data/change_kinds.yaml).

Everything that lists change kinds (the diff's sections, the reports' labels, groups
and sentences, the change list's rows, the adjustment notice) derives from here, so a
new kind is one registry entry plus the code that finds and says it. Light on purpose:
`jmctl --help` reads the sections without loading the differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from jmctl.resources import data_file

REGISTRY = "change_kinds.yaml"


@dataclass(frozen=True)
class ChangeKind:
    """One kind of change: where it belongs and how it is named and said."""

    key: str
    section: str
    group: str
    zh: str
    en: str
    row: str  # its 类别 in the change list
    detail: str | None  # module:Class of the detail it carries
    says: str | None  # module:function picking its sentence (None: its one sentence)
    cells: str  # module:function giving its change-list row's 原, 现 and 说明
    text: Mapping[str, Mapping[str, str]]  # sentence name → language → template
    adjustment: int | None  # its place in the drafted adjustment notice, if stated there
    brings: str | None  # the people's kind that follows it in the draft


@dataclass(frozen=True)
class Group:
    """A heading of the text report and the kinds printed under it."""

    key: str
    zh: str
    en: str
    kinds: tuple[str, ...]


@cache
def _registry() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw: dict[str, Any] = yaml.load(data_file(REGISTRY).read_text("utf-8"), Loader=loader)
    return raw


def sections() -> tuple[str, ...]:
    """Return the sections `jmctl diff --ignore` can leave out, in order."""
    return tuple(_registry()["sections"])


@cache
def change_kinds() -> dict[str, ChangeKind]:
    """Return every change kind by key, in the order summaries list them."""
    return {key: _kind(key, entry) for key, entry in _registry()["kinds"].items()}


def _kind(key: str, entry: Mapping[str, Any]) -> ChangeKind:
    return ChangeKind(
        key=key,
        section=entry["section"],
        group=entry["group"],
        zh=entry["zh"],
        en=entry["en"],
        row=entry.get("row", entry["zh"]),
        detail=entry.get("detail"),
        says=entry.get("says"),
        cells=entry["cells"],
        text=_sentences(entry["text"]),
        adjustment=entry.get("adjustment"),
        brings=entry.get("brings"),
    )


ONE_SENTENCE = ""  # the name of a kind's sentence when it has only one


def _sentences(text: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Return sentence name → language → template; one sentence is named ONE_SENTENCE."""
    if all(isinstance(value, str) for value in text.values()):
        return {ONE_SENTENCE: dict(text)}
    return {name: dict(languages) for name, languages in text.items()}


def kind_keys() -> tuple[str, ...]:
    return tuple(change_kinds())


def section_of(kind: str) -> str:
    return change_kinds()[kind].section


@cache
def groups() -> tuple[Group, ...]:
    """Return the text report's groups, in the order they print."""
    kinds = change_kinds().values()
    return tuple(
        Group(key, entry["zh"], entry["en"], tuple(k.key for k in kinds if k.group == key))
        for key, entry in _registry()["groups"].items()
    )


def adjustment_kinds() -> frozenset[str]:
    """Return the kinds the drafted adjustment notice states."""
    return frozenset(draft_kinds())


def draft_kinds() -> tuple[str, ...]:
    """Return the kinds the drafted adjustment notice states, in the order it states them."""
    stated = [kind for kind in change_kinds().values() if kind.adjustment is not None]
    return tuple(kind.key for kind in sorted(stated, key=lambda kind: kind.adjustment or 0))


def kinds_in(section: str) -> tuple[str, ...]:
    """Return the kinds of one section, in the registry's order."""
    return tuple(kind.key for kind in change_kinds().values() if kind.section == section)
