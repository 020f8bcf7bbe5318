"""The sheets that list one value a row (基本信息, 办公室, 发文): 项目, 内容, 键."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from jmctl.loading import TreePath
from jmctl.workbook.cells import dotted, to_cell
from jmctl.workbook.layout import (
    FieldsSheet,
    choices,
    claimed_keys,
    node_at,
    shape,
    title_of,
    vocabulary,
)
from jmctl.workbook.style import header, listed, put, validation


class FieldsWriter:
    """Writes one fields sheet; notes in `hints` what a cell cannot show."""

    def __init__(self, page: Worksheet, hints: list[tuple[str, TreePath]]) -> None:
        self.page, self.hints, self.row = page, hints, 1

    def write(self, sheet: FieldsSheet, data: dict[str, Any] | None, every_field: bool) -> None:
        columns = vocabulary()["fields_columns"]
        header(self.page, [(columns["title"], 24), (columns["value"], 90), (columns["key"], 28)])
        for key in _sheet_keys(sheet, data):
            if data is None or key not in data:
                if data is None or every_field:
                    self._blank((key,), data)
            else:
                self._value((key,), data[key])
                if every_field:
                    self._blank((key,), data)

    def _value(self, path: TreePath, value: Any) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                self._value((*path, key), child)
        elif isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
            for index, item in enumerate(value):
                self._value((*path, index), item)
        elif isinstance(value, list):
            if len(value) == 1 and shape(node_at(path)) != "list":
                self.hints.append(("list", path))  # one item that must stay a list
            for index, item in enumerate(value):
                self._row(path if index == 0 else None, item, path)
        else:
            self._row(path, value, path)

    def _blank(self, path: TreePath, data: dict[str, Any] | None) -> None:
        """List the keys the schema knows under `path` and `data` leaves out, empty, so
        the form shows what can be filled."""
        if data is not None and _present(data, path):
            if isinstance(_at(data, path), dict):
                for key in node_at(path).get("properties", {}):
                    self._blank((*path, key), data)
            return
        node = node_at(path)
        if own := node.get("properties"):
            for key in own:
                self._blank((*path, key), data)
        elif items := node_at((*path, 0)).get("properties"):  # a list of objects
            for key in items:
                self._blank((*path, 0, key), data)
        else:
            self._row(path, node.get("const") if data is None else None, path)

    def _row(self, key: TreePath | None, value: Any, path: TreePath) -> None:
        self.row += 1
        if key is not None:
            put(self.page, self.row, 1, _title(key))
            put(self.page, self.row, 3, dotted(key))
        put(self.page, self.row, 2, to_cell(value, path))
        labels = choices(".".join(step for step in path if isinstance(step, str)))
        if labels:
            validation(self.page, listed(list(labels.values())), f"B{self.row}", strict=True)


def _present(data: dict[str, Any], path: TreePath) -> bool:
    node: Any = data
    for step in path:
        if not isinstance(node, dict) or step not in node:
            return False
        node = node[step]
    return True


def _at(data: dict[str, Any], path: TreePath) -> Any:
    node: Any = data
    for step in path:
        node = node[step]
    return node


def _sheet_keys(sheet: FieldsSheet, data: dict[str, Any] | None) -> list[str]:
    keys = list(sheet.keys)
    if sheet.rest:
        known = claimed_keys()
        everything = list(node_at(()).get("properties", {})) + list(data or {})
        keys += [key for key in dict.fromkeys(everything) if key not in known and key not in keys]
    return keys


def _title(path: TreePath) -> str:
    """Return 项目: the schema titles along `path` (the section's own left out), 1-based."""
    parts = []
    steps = path[1:] if len(path) > 1 else path
    prefix = path[: len(path) - len(steps)]
    for index, step in enumerate(steps):
        if isinstance(step, int):
            parts.append(str(step + 1))
        else:
            parts.append(title_of(node_at((*prefix, *steps[: index + 1]))) or step)
    return " ".join(parts)
