"""One value ↔ one cell: text stays text, numbers numbers, lists joined, sets in Chinese."""

from __future__ import annotations

import datetime as dt
from typing import Any

from jmctl.loading import TreePath
from jmctl.workbook.layout import choices, value_type, vocabulary

META_SHEET = "_jmctl"  # hidden: the shape of values a cell cannot show (see `shape hints`)
INSTRUCTIONS_SHEET = "说明"
MAX_CELL = 32_767  # characters: Excel's limit for one cell


def dotted(path: TreePath) -> str:
    """Return the 键 of a path as the 基本信息 sheet shows it: meeting.basis[1].title."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def parse_dotted(text: str) -> TreePath | None:
    """Return the path a 键 names, or None when it is not one (1-based [n] become 0-based)."""
    steps: list[str | int] = []
    for part in text.strip().split("."):
        name, _, rest = part.partition("[")
        if not name:
            return None
        steps.append(name)
        while rest:
            number, _, rest = rest.partition("]")
            if not number.isdigit() or int(number) < 1 or (rest and not rest.startswith("[")):
                return None
            steps.append(int(number) - 1)
            rest = rest[1:]
    return tuple(steps)


def _booleans() -> dict[bool, str]:
    raw = vocabulary()["booleans"]
    return {True: str(raw["true"]), False: str(raw["false"])}


def choice_key(path: TreePath) -> str:
    """Return the dotted key of a value from a set, ignoring list positions."""
    return ".".join(step for step in path if isinstance(step, str))


def to_cell(value: Any, path: TreePath, join: str = "\n") -> Any:
    """Return what the cell of `value` holds: text, a number, or a list joined by `join`."""
    if isinstance(value, bool):
        return _booleans()[value]
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        return join.join(str(to_cell(item, path, join)) for item in value)
    if value is None:
        return None
    text = str(value)
    labels = choices(choice_key(path))
    return labels.get(text, text)


def from_cell(raw: Any, node: dict[str, Any], path: TreePath) -> Any:
    """Return the data value of a cell, typed by the schema of the value at `path`."""
    kind = value_type(node)
    if isinstance(raw, dt.datetime | dt.date):
        return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
    if not isinstance(raw, str | int | float | bool):
        return str(raw)  # a time of day, a duration: text, as data holds nothing else
    if kind == "boolean":
        return _boolean(raw)
    if kind in ("integer", "number"):
        return _number(raw)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool):
        return raw if not node else _booleans()[raw]
    if isinstance(raw, int | float):
        return raw if not node else str(raw)  # text the spreadsheet took for a number
    text = str(raw)
    labels = {label: value for value, label in choices(choice_key(path)).items()}
    return labels.get(text.strip(), text)


def _boolean(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    words = {label: value for value, label in _booleans().items()}
    words.update({"true": True, "false": False, "TRUE": True, "FALSE": False})
    return words.get(str(raw).strip(), raw)


def _number(raw: Any) -> Any:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    return raw


def split(raw: Any, join: str) -> list[Any]:
    """Return the items of a list kept in one cell (a line break always separates too)."""
    if not isinstance(raw, str):
        return [raw]
    parts = [raw]
    for separator in dict.fromkeys((join, "\n")):
        parts = [piece for part in parts for piece in part.split(separator)]
    return [part for part in parts if part.strip()]
