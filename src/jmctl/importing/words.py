"""The importer's vocabulary, read once from `src/jmctl/data/`: heading words, posts,
unit endings, page furniture, and every printed roster label of every body kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from jmctl.domain import ROLE_KEYS, role_registry
from jmctl.resources import data_file


@cache
def import_words() -> dict[str, Any]:
    return dict(yaml.safe_load(data_file("import_words.yaml").read_text("utf-8")))


@cache
def abbreviations() -> dict[str, str]:
    return dict(yaml.safe_load(data_file("abbreviations.yaml").read_text("utf-8")))


@dataclass(frozen=True)
class RoleLabel:
    """A printed roster label: the role key it fills, the body kind it belongs to, and
    whether it is one of the body's own labels (else it is kept on the entry)."""

    text: str
    role: str
    body: str
    standard: bool


@cache
def role_labels() -> dict[str, RoleLabel]:
    """Return every roster label jmctl reads (总召集人, 组长, 第一副组长, 主任 …)."""
    registry = role_registry()
    found: dict[str, RoleLabel] = {}
    for body, entry in registry["bodies"].items():
        for role, text in entry["labels"].items():
            found.setdefault(text, RoleLabel(text, role, body, True))
        for text, role in entry.get("also", {}).items():
            found.setdefault(text, RoleLabel(text, role, body, False))
    for role in ROLE_KEYS:
        text = registry[role]["zh"]
        found.setdefault(text, RoleLabel(text, role, "joint_meeting", True))
    return found


@cache
def body_names() -> dict[str, str]:
    """Return how a body's name ends → its kind (领导小组 → leading_group)."""
    return dict(role_registry()["body_names"])


@cache
def office_labels() -> tuple[str, ...]:
    return tuple(role_registry()["office_labels"])


@cache
def label_pattern() -> re.Pattern[str]:
    """A role label at the start of a line, its characters perhaps spread by spaces, then
    an optional colon: 召 集 人：, 成　员 , 副组长:. Longest labels first."""
    spread = [
        r"[ \t\u3000]*".join(map(re.escape, text))
        for text in sorted(role_labels(), key=len, reverse=True)
    ]
    return re.compile(rf"^(?:{'|'.join(spread)})(?=[ \t\u3000]*[：:]|[ \t\u3000]+\S|$)")


def body_kind(name: str) -> str:
    """Return the kind of body a name ends with (联席会议 → joint_meeting)."""
    for end, kind in sorted(body_names().items(), key=lambda item: -len(item[0])):
        if name.endswith(end):
            return kind
    return "joint_meeting"


@cache
def longest_first(key: str) -> tuple[str, ...]:
    """Return the words of import_words.yaml's `key`, longest first (for prefix matching)."""
    words = import_words()[key]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def any_of(key: str) -> re.Pattern[str]:
    """Return a pattern matching any word of import_words.yaml's `key`, longest first."""
    return re.compile("|".join(map(re.escape, longest_first(key))))
