"""Schema findings that teach: Chinese keys and values, and what is left to fill in.

People write the Chinese they see in a notice: `单位:` for `unit:`, `level: 省` for
`level: province`. A Chinese key gets the English key whose schema title it matches
(JM108); a Chinese enum value is accepted, read as its English value with a note
(JM109, table in `data/enum_words.yaml`). Text that `jmctl init` left to fill in
(【请填写…】) is reported as a warning (JM110), so a new file validates but says
what is still missing. YAML typing mistakes on a reported line are named there.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import yaml

from jmctl.catalogue import Text
from jmctl.findings import Finding
from jmctl.loading import Document, TreePath, strings_in
from jmctl.resources import data_file
from jmctl.schema import check_schema, dotted, field_title
from jmctl.yaml_hints import refine_located

PLACEHOLDER = "【请填写"


def hinted_schema_findings(document: Document) -> list[Finding]:
    """Return the schema findings of `document`, after reading Chinese enum values as
    their English ones (the notes come first) and naming YAML mistakes on their lines."""
    notes = accept_chinese_values(document)
    errors = refine_located(document.source, check_schema(document))
    # A Chinese key named as the one meant already says that key is missing.
    meant = {(f.mark, f.args["suggestion"]) for f in errors if f.code == "JM108"}
    errors = [f for f in errors if f.code != "JM101" or (f.mark, f.args["key"]) not in meant]
    return notes + errors


@cache
def _enum_words() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(data_file("enum_words.yaml").read_text(encoding="utf-8"))


def english_value(field: str, word: str) -> str | None:
    """Return the English enum value that Chinese `word` stands for at `field` (dotted)."""
    for value, words in _enum_words().get(field, {}).items():
        if word in words:
            return value
    return None


def accept_chinese_values(document: Document) -> list[Finding]:
    """Rewrite Chinese enum values in `document` to their English values; note each."""
    notes = []
    for field in _enum_words():
        path = tuple(field.split("."))
        parent = _parent(document.data, path)
        if parent is None or not isinstance(parent.get(path[-1]), str):
            continue
        word = parent[path[-1]]
        value = english_value(field, word)
        if value is None:
            continue
        parent[path[-1]] = value
        args = {"title": Text(field_title(path), field), "word": word, "value": value}
        notes.append(Finding(document.path, document.locate(path), "JM109", args))
    return notes


def _parent(data: Any, path: TreePath) -> dict[str, Any] | None:
    for step in path[:-1]:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data if isinstance(data, dict) else None


def key_for_title(key: str, properties: Mapping[str, Any]) -> tuple[str, str] | None:
    """Return the English key (and its title) that a Chinese `key` most likely means."""
    if key.isascii():
        return None
    titled = [(name, node.get("title", "")) for name, node in properties.items()]
    for matches in (
        lambda title: title == key,
        lambda title: key in title,
        lambda title: bool(title) and title in key,
    ):
        found = [(name, title) for name, title in titled if matches(title)]
        if found:
            return found[0]
    return None


def placeholders(document: Document) -> list[Finding]:
    """Return a warning for every text still holding a 【请填写…】 placeholder."""
    return [
        Finding(
            document.path,
            document.locate(path),
            "JM110",
            {"title": Text(field_title(path), dotted(path)), "value": value},
        )
        for path, value in strings_in(document.data, ())
        if PLACEHOLDER in value
    ]
