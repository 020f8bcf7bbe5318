"""Which sheet holds which data, and what the schema says about each value.

The sheets and their Chinese names come from `data/workbook.yaml`; everything
else (the keys of an entry, their titles, their types, the allowed values) is
read from the JSON Schema, so a key the contract gains appears in the workbook
without new code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from jmctl.domain import choice_labels
from jmctl.loading import TreePath
from jmctl.resources import data_file
from jmctl.schema import schema_text

NEWLINE = "\n"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int = 20
    join: str = NEWLINE
    units: bool = False


@dataclass(frozen=True)
class TableSheet:
    """One row per entry of the list at `table` (roster: of every role's list)."""

    name: str
    table: str
    columns: tuple[Column, ...]
    roles: bool = False
    expand: str | None = None
    number: str | None = None
    members: tuple[str, str] | None = None  # the titles of 成员序号 and 成员写法


@dataclass(frozen=True)
class FieldsSheet:
    """Every value under `keys`, one row each: 项目, 内容, 键."""

    name: str
    keys: tuple[str, ...]
    rest: bool = False


Sheet = TableSheet | FieldsSheet


@cache
def vocabulary() -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(data_file("workbook.yaml").read_text("utf-8"), Loader=loader)
    assert isinstance(raw, dict)
    return raw


@cache
def sheets() -> tuple[Sheet, ...]:
    """Return the sheets in workbook order."""
    return tuple(_sheet(entry) for entry in vocabulary()["sheets"])


def _sheet(entry: dict[str, Any]) -> Sheet:
    if "fields" in entry:
        return FieldsSheet(entry["name"], tuple(entry["fields"]), bool(entry.get("rest")))
    table = entry["table"]
    listed = entry.get("columns", {})
    columns = [_column(key, options) for key, options in listed.items()]
    properties = entry_properties(table)
    columns += [Column(key, title_of(node) or key) for key, node in properties.items()]
    unique = {column.key: column for column in reversed(columns)}  # listed ones win
    ordered = tuple(unique[key] for key in dict.fromkeys(column.key for column in columns))
    members = entry.get("members")
    return TableSheet(
        entry["name"],
        table,
        ordered,
        roles=bool(entry.get("roles")),
        expand=entry.get("expand"),
        number=entry.get("number"),
        members=(members["order"], members["text"]) if members else None,
    )


def _column(key: str, options: dict[str, Any]) -> Column:
    return Column(
        key,
        options.get("title", key),
        int(options.get("width", 20)),
        options.get("join", NEWLINE),
        bool(options.get("units")),
    )


def claimed_keys() -> set[str]:
    """Return the top-level keys some sheet names (the rest go to the `rest` sheet)."""
    keys: set[str] = {"members"}  # carried by the units sheet
    for sheet in sheets():
        keys.update(sheet.keys if isinstance(sheet, FieldsSheet) else (sheet.table,))
    return keys


def choices(dotted: str) -> dict[str, str]:
    """Return value → label for a value from a set (区划层级 …), from the schema's enum."""
    labels = choice_labels(dotted)
    enum = node_at(tuple(dotted.split("."))).get("enum", [])
    return {str(value): labels.get(str(value), str(value)) for value in enum}


# --- the schema -------------------------------------------------------------------------


@cache
def _schema() -> dict[str, Any]:
    return json.loads(schema_text())


def deref(node: dict[str, Any]) -> dict[str, Any]:
    """Return `node` with its $ref resolved (its own title kept)."""
    while "$ref" in node:
        target = _schema()["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def node_at(path: TreePath) -> dict[str, Any]:
    """Return the schema of the value at `path` ({} when the schema does not know it)."""
    node = _schema()
    for step in path:
        node = deref(node)
        if isinstance(step, int) or step == "*":
            node = _array_of(node).get("items", {})
        else:
            if "properties" not in node and _array_of(node):
                # A key under a list without its position (sessions.kind, as a set's
                # dotted key is written): the key of the list's entries.
                node = deref(_array_of(node).get("items", {}))
            node = node.get("properties", {}).get(step, {})
    return deref(node)


def _array_of(node: dict[str, Any]) -> dict[str, Any]:
    if node.get("type") == "array":
        return node
    for choice in node.get("oneOf", []):
        if deref(choice).get("type") == "array":
            return deref(choice)
    return {}


def title_of(node: dict[str, Any]) -> str:
    return str(deref(node).get("title", ""))


def entry_properties(table: str) -> dict[str, dict[str, Any]]:
    """Return the keys of one entry of the list `table` (roster: of one person)."""
    node = node_at(("roster", "members", 0)) if table == "roster" else node_at((table, 0))
    return dict(node.get("properties", {}))


def shape(node: dict[str, Any]) -> str:
    """Return "list" (a list only), "either" (text or a list of text) or "one"."""
    if node.get("type") == "array":
        return "list"
    if _array_of(node):
        return "either"
    return "one"


def value_type(node: dict[str, Any]) -> str:
    """Return the type a single value at `node` takes: integer, boolean, or text."""
    kind = node.get("type")
    if kind in ("integer", "boolean", "number"):
        return str(kind)
    if "const" in node and isinstance(node["const"], int):
        return "integer"
    return "text"


def role_keys() -> tuple[str, ...]:
    """Return the roster's role keys in the schema's (printed) order."""
    return tuple(node_at(("roster",)).get("properties", {}))
