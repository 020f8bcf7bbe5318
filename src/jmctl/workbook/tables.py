"""The sheets with one row per entry (成员单位, 成员名单, 职责分工, 重点任务)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from jmctl.domain import role_labels
from jmctl.loading import TreePath
from jmctl.model import plain
from jmctl.workbook.cells import to_cell
from jmctl.workbook.layout import Column, TableSheet, node_at, shape, sheets, vocabulary
from jmctl.workbook.style import SPARE_ROWS, header, listed, put, validation


class TableWriter:
    """Writes one table sheet; notes in `hints` what a cell cannot show."""

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
        header(self.page, titles)
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
                put(self.page, row, first + offset, to_cell(value, cell_path, column.join))
            if sheet.number:
                put(self.page, row, 1, extra["number"])
            if sheet.roles:
                put(self.page, row, first - 1, role_labels()[str(path[1])].zh)  # roster, role, i
            if sheet.members:
                put(self.page, row, first + len(columns), extra.get("order"))
                put(self.page, row, first + len(columns) + 1, extra.get("written"))
        self._drop_downs(sheet, columns, first, len(rows))

    def _drop_downs(self, sheet: TableSheet, columns: list[Column], first: int, rows: int) -> None:
        last = rows + SPARE_ROWS
        units = f"{quote_sheetname(_units_sheet())}!$A$2:$A${last}"
        for offset, column in enumerate(columns):
            letter = get_column_letter(first + offset)
            where = f"{letter}2:{letter}{last}"
            if column.units:
                validation(self.page, units, where, strict=False)
            elif node_at((sheet.table, 0, column.key)).get("type") == "boolean":
                booleans = vocabulary()["booleans"]
                validation(self.page, listed([booleans["true"], booleans["false"]]), where, True)
        if sheet.roles:
            labels = [label.zh for label in role_labels().values()]
            letter = get_column_letter(first - 1)
            validation(self.page, listed(labels), f"{letter}2:{letter}{last}", strict=True)


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
        place = _unit_named(units, text)
        if place is None or place in places:
            loose.append((position, text))
        else:
            places[place] = [(position, text)]
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
