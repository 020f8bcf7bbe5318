"""Write data (or nothing, for a blank form) as a workbook with Chinese sheets and columns."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jmctl.domain import role_labels
from jmctl.loading import TreePath
from jmctl.model import plain
from jmctl.workbook.cells import INSTRUCTIONS_SHEET, META_SHEET, dotted, to_cell
from jmctl.workbook.layout import (
    Column,
    FieldsSheet,
    TableSheet,
    choices,
    claimed_keys,
    node_at,
    shape,
    sheets,
    title_of,
    vocabulary,
)

SPARE_ROWS = 200  # rows below the data that keep the drop-downs and the text format
TEXT = "@"  # the number format that keeps typed text (2023-03-15, 001) as typed


def workbook_bytes(data: dict[str, Any] | None, *, every_field: bool = False) -> bytes:
    """Return the .xlsx of `data`; None gives the blank form with every field listed.

    `every_field` also lists, empty, the fields `data` leaves out (a starting file):
    an empty 内容 reads back as nothing, so the data stays the same.
    """
    book = Workbook()
    book.remove(book.active)
    hints: list[tuple[str, TreePath]] = []
    for sheet in sheets():
        page = book.create_sheet(sheet.name)
        if isinstance(sheet, FieldsSheet):
            _FieldsWriter(page, hints).write(sheet, data, every_field)
        else:
            _TableWriter(page, hints).write(sheet, data or {})
        page.freeze_panes = "A2"
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET))
    _meta(book.create_sheet(META_SHEET), hints)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fonts() -> tuple[Font, Font]:
    names = vocabulary()["fonts"]
    return Font(name=names["body"]), Font(name=names["header"], bold=True)


def _header(page: Worksheet, titles: list[tuple[str, int]]) -> None:
    _, bold = _fonts()
    for index, (title, width) in enumerate(titles, start=1):
        cell = page.cell(1, index, title)
        cell.font = bold
        page.column_dimensions[get_column_letter(index)].width = width


def _put(page: Worksheet, row: int, column: int, value: Any) -> None:
    """Write one value; text is stored as text even when it looks like a formula or a date."""
    body, _ = _fonts()
    cell = page.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        cell.number_format = TEXT
    cell.font = body
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _validation(page: Worksheet, formula: str, cells: str, strict: bool) -> None:
    """A drop-down list; `strict` refuses other values (a set), otherwise only offers."""
    check = DataValidation(type="list", formula1=formula, allow_blank=True)
    check.showErrorMessage = strict
    check.add(cells)
    page.add_data_validation(check)


def _listed(values: list[str]) -> str:
    return '"' + ",".join(value.replace('"', "") for value in values) + '"'


# --- fields sheets ------------------------------------------------------------------


class _FieldsWriter:
    def __init__(self, page: Worksheet, hints: list[tuple[str, TreePath]]) -> None:
        self.page, self.hints, self.row = page, hints, 1

    def write(self, sheet: FieldsSheet, data: dict[str, Any] | None, every_field: bool) -> None:
        columns = vocabulary()["fields_columns"]
        _header(self.page, [(columns["title"], 24), (columns["value"], 90), (columns["key"], 28)])
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
        properties = node.get("properties") or node_at((*path, 0)).get("properties")
        if node.get("properties"):
            for key in properties:
                self._blank((*path, key), data)
        elif properties:
            for key in properties:
                self._blank((*path, 0, key), data)
        else:
            self._row(path, node.get("const") if data is None else None, path)

    def _row(self, key: TreePath | None, value: Any, path: TreePath) -> None:
        self.row += 1
        if key is not None:
            _put(self.page, self.row, 1, _title(key))
            _put(self.page, self.row, 3, dotted(key))
        _put(self.page, self.row, 2, to_cell(value, path))
        labels = choices(".".join(step for step in path if isinstance(step, str)))
        if labels:
            _validation(self.page, _listed(list(labels.values())), f"B{self.row}", strict=True)


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


# --- table sheets -------------------------------------------------------------------


class _TableWriter:
    def __init__(self, page: Worksheet, hints: list[tuple[str, TreePath]]) -> None:
        self.page, self.hints = page, hints

    def write(self, sheet: TableSheet, data: dict[str, Any]) -> None:
        columns = list(sheet.columns) + _extra_columns(sheet, data)
        titles = [(column.title, column.width) for column in columns]
        if sheet.roles:
            titles.insert(0, (vocabulary()["role_column"], 12))
        if sheet.number:
            titles.insert(0, (sheet.number, 6))
        if sheet.members:
            titles += [(sheet.members[0], 10), (sheet.members[1], 20)]
        _header(self.page, titles)
        first = len(titles) - len(columns) - (2 if sheet.members else 0) + 1
        rows = list(_rows(sheet, data))
        for row, (entry, path, extra) in enumerate(rows, start=2):
            for offset, column in enumerate(columns):
                value = entry.get(column.key)
                cell_path = (*path, column.key)
                if sheet.expand == column.key:
                    value = extra["item"]
                elif _one_item(value) and shape(node_at(cell_path)) == "one":
                    self.hints.append(("list", cell_path))  # a cell cannot show the brackets
                elif isinstance(value, str) and shape(node_at(cell_path)) == "either":
                    # A list of names in a table cell is read back as a list; this one
                    # was written as text (short: 县人社局) and stays so.
                    self.hints.append(("text", cell_path))
                _put(self.page, row, first + offset, to_cell(value, cell_path, column.join))
            if sheet.number:
                _put(self.page, row, 1, extra["number"])
            if sheet.roles:
                _put(self.page, row, first - 1, role_labels()[path[1]].zh)
            if sheet.members:
                _put(self.page, row, first + len(columns), extra.get("order"))
                _put(self.page, row, first + len(columns) + 1, extra.get("written"))
        self._drop_downs(sheet, columns, first, len(rows))

    def _drop_downs(self, sheet: TableSheet, columns: list[Column], first: int, rows: int) -> None:
        last = rows + SPARE_ROWS
        units = f"{quote_sheetname(_units_sheet())}!$A$2:$A${last}"
        for offset, column in enumerate(columns):
            letter = get_column_letter(first + offset)
            where = f"{letter}2:{letter}{last}"
            if column.units:
                _validation(self.page, units, where, strict=False)
            elif node_at((sheet.table, 0, column.key)).get("type") == "boolean":
                booleans = vocabulary()["booleans"]
                _validation(self.page, _listed([booleans["true"], booleans["false"]]), where, True)
        if sheet.roles:
            labels = [label.zh for label in role_labels().values()]
            letter = get_column_letter(first - 1)
            _validation(self.page, _listed(labels), f"{letter}2:{letter}{last}", strict=True)


def _one_item(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 1


def _units_sheet() -> str:
    return next(s.name for s in sheets() if isinstance(s, TableSheet) and s.members)


def _extra_columns(sheet: TableSheet, data: dict[str, Any]) -> list[Column]:
    """Keys an entry holds that neither the vocabulary nor the schema knows (kept, not lost)."""
    known = {column.key for column in sheet.columns}
    extra: dict[str, Column] = {}
    for entry, _, _ in _rows(sheet, data):
        for key in entry:
            if key not in known:
                extra.setdefault(key, Column(key, key))
    return list(extra.values())


Row = tuple[dict[str, Any], TreePath, dict[str, Any]]


def _rows(sheet: TableSheet, data: dict[str, Any]) -> Iterator[Row]:
    """Yield each row: the entry, its path, and what else the row shows."""
    if sheet.roles:
        roster = data.get(sheet.table) or {}
        for role, people in roster.items():
            for index, person in enumerate(people or []):
                yield person, (sheet.table, role, index), {}
        return
    entries = data.get(sheet.table) or []
    if sheet.members:
        yield from _unit_rows(entries, data.get("members") or [], sheet.table)
        return
    for index, entry in enumerate(entries):
        if sheet.expand:
            for number, item in enumerate(entry.get(sheet.expand) or [], start=1):
                yield entry, (sheet.table, index), {"item": item, "number": number}
        else:
            yield entry, (sheet.table, index), {"number": index + 1}


def _unit_rows(units: list[dict[str, Any]], members: list[str], table: str) -> Iterator[Row]:
    """Units with their place in `members`; a member naming no unit gets a row of its own."""
    places: dict[int, list[tuple[int, str]]] = {}
    loose: list[tuple[int, str]] = []
    for position, text in enumerate(members, start=1):
        unit = _unit_named(units, text)
        if unit is None or unit in places:
            loose.append((position, text))
        else:
            places[unit] = [(position, text)]
    for index, unit in enumerate(units):
        extra: dict[str, Any] = {}
        if index in places:
            position, text = places[index][0]
            extra = {"order": position, "written": None if text == unit.get("name") else text}
        yield unit, (table, index), extra
    for position, text in loose:
        yield {}, (table, len(units)), {"order": position, "written": text}


def _unit_named(units: list[dict[str, Any]], text: str) -> int | None:
    for index, unit in enumerate(units):
        short = unit.get("short") or []
        names = [unit.get("name"), *([short] if isinstance(short, str) else short)]
        if any(isinstance(name, str) and plain(name) == plain(text) for name in names):
            return index
    return None


# --- the other sheets ---------------------------------------------------------------


def _instructions(page: Worksheet) -> None:
    _body, bold = _fonts()
    page.cell(1, 1, "填写说明").font = bold
    for row, text in enumerate(vocabulary()["instructions"], start=2):
        _put(page, row, 1, text)
    page.column_dimensions["A"].width = 110


def _meta(page: Worksheet, hints: list[tuple[str, TreePath]]) -> None:
    """Where a value's form differs from what its cell reads back as: a one-item list
    in a field (read as text), or text in a table's list column (read as a list)."""
    page.cell(1, 1, "jmctl workbook 1")
    for row, (kind, path) in enumerate(hints, start=2):
        page.cell(row, 1, kind)
        _put(page, row, 2, dotted(path))
    page.sheet_state = "hidden"
