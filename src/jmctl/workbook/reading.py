"""Read a workbook back into located data: every value knows its sheet and cell.

The result is the same `Document` the YAML loader gives, so every command that
takes a data file takes a workbook: findings point at `名单.xlsx:成员名单!C7`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jmctl.domain import role_labels
from jmctl.findings import FILE_START, Finding, Mark
from jmctl.loading import Document, Loaded, TreePath
from jmctl.workbook.cells import META_SHEET, dotted, from_cell, parse_dotted, split
from jmctl.workbook.layout import (
    FieldsSheet,
    TableSheet,
    node_at,
    shape,
    sheets,
    vocabulary,
)
from jmctl.workbook.opening import MAX_ROWS, Refused, open_workbook


def load_workbook_bytes(raw: bytes, path: str) -> Loaded:
    """Read the workbook `raw` (shown as `path`) into a located document, or findings."""
    try:
        book = open_workbook(raw, path)
        document = _Reader(path, book).read()
    except Refused as refused:
        return Loaded(path, None, [refused.finding])
    return Loaded(path, document, [])


@dataclass
class _Values:
    """Values gathered for one path, in row order, with their cells."""

    items: list[tuple[Any, Mark]] = field(default_factory=list)


class _Reader:
    def __init__(self, path: str, book: Any) -> None:
        self.path, self.book = path, book
        self.document = Document(path, None, marks_are_text_starts=False)
        self.lists, self.texts = self._hints("list"), self._hints("text")

    def read(self) -> Document:
        data: dict[str, Any] = {}
        found = [sheet for sheet in sheets() if sheet.name in self.book.sheetnames]
        if not found:
            names = "、".join(sheet.name for sheet in sheets())
            raise Refused(
                Finding(
                    self.path,
                    FILE_START,
                    "JM702",
                    {"sheets": names},
                )
            )
        for sheet in found:
            page = self.book[sheet.name]
            if page.max_row > MAX_ROWS:
                raise Refused(
                    Finding(self.path, Mark(1, 1, sheet.name), "JM703", {"limit": MAX_ROWS})
                )
            if isinstance(sheet, FieldsSheet):
                self._fields(sheet, page, data)
            else:
                self._table(sheet, page, data)
        self.document.data = _ordered(data)
        self.document.marks.setdefault((), FILE_START)
        return self.document

    def _hints(self, wanted: str) -> set[TreePath]:
        """Return the paths whose form the hidden sheet records as `wanted` (list, text)."""
        if META_SHEET not in self.book.sheetnames:
            return set()
        rows = self.book[META_SHEET].iter_rows(min_row=2, max_col=2, values_only=True)
        return {path for kind, key in rows if kind == wanted and (path := parse_dotted(str(key)))}

    def _mark(self, path: TreePath, mark: Mark) -> None:
        marks = self.document.marks
        marks[path] = mark
        for end in range(len(path) - 1, -1, -1):
            if path[:end] in marks:
                break
            marks[path[:end]] = mark

    # Fields sheets: 项目, 内容, 键 ------------------------------------------------------

    def _fields(self, sheet: FieldsSheet, page: Any, data: dict[str, Any]) -> None:
        gathered: dict[TreePath, _Values] = {}
        current: TreePath | None = None
        for row, cells in _rows(page):
            value, key = _cell(cells, 1), _cell(cells, 2)
            if key is not None and str(key).strip():
                current = parse_dotted(str(key))
                if current is None:
                    raise Refused(
                        Finding(self.path, Mark(row, 3, sheet.name), "JM704", {"key": key})
                    )
                self.document.key_marks[current] = Mark(row, 3, sheet.name)
            if value is None or (isinstance(value, str) and not value.strip() and key is None):
                continue
            if current is None:
                raise Refused(Finding(self.path, Mark(row, 2, sheet.name), "JM705", {}))
            gathered.setdefault(current, _Values()).items.append((value, Mark(row, 2, sheet.name)))
        for path, values in gathered.items():
            if not _set(data, path, self._collect(path, values.items)):
                key = self.document.key_marks.get(path, values.items[0][1])
                raise Refused(Finding(self.path, key, "JM704", {"key": dotted(path)}))

    def _collect(self, path: TreePath, items: list[tuple[Any, Mark]]) -> Any:
        node = node_at(path)
        as_list = shape(node) == "list" or len(items) > 1 or path in self.lists
        if not as_list:
            value, mark = items[0]
            self._mark(path, mark)
            return from_cell(value, node, path)
        item_node = node_at((*path, 0))
        result = []
        for index, (value, mark) in enumerate(items):
            self._mark((*path, index), mark)
            result.append(from_cell(value, item_node, (*path, index)))
        self.document.marks[path] = items[0][1]
        return result

    # Table sheets: one row per entry ----------------------------------------------------

    def _table(self, sheet: TableSheet, page: Any, data: dict[str, Any]) -> None:
        header = _header(sheet, next(page.iter_rows(max_row=1, values_only=True), ()))
        entries: list[tuple[TreePath, dict[str, Any]]] = []
        members: list[tuple[float, int, str, Mark]] = []
        counts: dict[str, int] = {}
        for row, cells in _rows(page):
            named = {
                key: (value, Mark(row, column + 1, sheet.name))
                for column, key in header.items()
                if (value := _cell(cells, column)) is not None and str(value).strip() != ""
            }
            if named:
                self._entry(sheet, named, row, entries, members, counts)
        table: Any = {} if sheet.roles else []
        for path, entry in entries:
            if sheet.roles:
                table.setdefault(path[1], []).append(entry)
            else:
                table.append(entry)
        if table:
            data[sheet.table] = table
            self._mark((sheet.table,), Mark(1, 1, sheet.name))
        if members:
            members.sort(key=lambda item: (item[0], item[1]))
            data["members"] = [text for _, _, text, _ in members]
            for index, (_, _, _, mark) in enumerate(members):
                self._mark(("members", index), mark)

    def _entry(
        self,
        sheet: TableSheet,
        named: dict[str, tuple[Any, Mark]],
        row: int,
        entries: list[tuple[TreePath, dict[str, Any]]],
        members: list[tuple[float, int, str, Mark]],
        counts: dict[str, int],
    ) -> None:
        order = named.pop(_ORDER, None)
        written = named.pop(_WRITTEN, None)
        role = named.pop(_ROLE, None)
        number = named.pop(_NUMBER, None)
        if sheet.members and order is not None:
            text = written or named.get("name")
            if text is not None:
                members.append((_position(order[0]), row, str(text[0]).strip(), text[1]))
        if not named:
            return
        if not (sheet.expand and _continues(named, number, entries)):
            key = _role_key(role[0]) if role else sheet.table
            index = counts.get(key, 0)
            counts[key] = index + 1
            path: TreePath = (sheet.table, key, index) if sheet.roles else (sheet.table, index)
            entries.append((path, {}))
            self._mark(path, Mark(row, 1, sheet.name))
            if role is not None:
                self._mark(path[:2], role[1])
        path, entry = entries[-1]
        for key, (value, mark) in named.items():
            if sheet.expand == key:
                items = entry.setdefault(key, [])
                self._mark((*path, key, len(items)), mark)
                items.append(from_cell(value, node_at((*path, key, 0)), (*path, key, 0)))
            elif key not in entry:
                entry[key] = self._table_value((*path, key), sheet, value, mark)

    def _table_value(self, path: TreePath, sheet: TableSheet, value: Any, mark: Mark) -> Any:
        node = node_at(path)
        join = next((c.join for c in sheet.columns if c.key == path[-1]), "\n")
        self._mark(path, mark)
        if shape(node) == "one" and path not in self.lists:
            return from_cell(value, node, path)
        items = split(value, join)
        if len(items) == 1 and path in self.texts:
            return from_cell(items[0], node, path)  # names in a cell are a list, unless noted
        for index in range(len(items)):
            self._mark((*path, index), mark)
        item_node = node_at((*path, 0))
        return [from_cell(_stripped(item), item_node, path) for item in items]


_ORDER, _WRITTEN, _ROLE, _NUMBER = "\0order", "\0written", "\0role", "\0number"
_DATA_KEY = re.compile(r"[a-z][a-z0-9_]*")


def _header(sheet: TableSheet, titles: tuple[Any, ...]) -> dict[int, str]:
    """Return column index → data key, from the header row's titles (the vocabulary's,
    the schema's, or the key itself)."""
    known = {column.title: column.key for column in sheet.columns}
    known.update({column.key: column.key for column in sheet.columns})
    if sheet.members:
        known.update({sheet.members[0]: _ORDER, sheet.members[1]: _WRITTEN})
    if sheet.roles:
        known[vocabulary()["role_column"]] = _ROLE
    if sheet.number:
        known[sheet.number] = _NUMBER
    # A column of the office's own (备注, 联系电话) is not data: it is left as it is. A
    # column titled like a data key (label) is one, known to the schema or not.
    header = {}
    for index, title in enumerate(titles):
        text = str(title).strip() if title is not None else ""
        key = known.get(text) or (text if _DATA_KEY.fullmatch(text) else None)
        if key is not None:
            header[index] = key
    return header


def _continues(
    named: dict[str, tuple[Any, Mark]],
    number: tuple[Any, Mark] | None,
    entries: list[tuple[TreePath, dict[str, Any]]],
) -> bool:
    """Whether a duties row continues the entry above: no unit of its own, or the same
    unit and not numbered 1 (one unit's duties, one item a row)."""
    if not entries:
        return False
    if "unit" not in named:
        return True
    first = number is not None and str(number[0]).strip() in ("1", "1.0")
    return entries[-1][1].get("unit") == named["unit"][0] and not first


def _role_key(label: Any) -> str:
    text = str(label).strip()
    for key, names in role_labels().items():
        if text in (names.zh, key):
            return key
    return text


def _position(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("inf")


def _rows(page: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    yield from enumerate(page.iter_rows(min_row=2, values_only=True), start=2)


def _cell(cells: tuple[Any, ...], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _set(data: dict[str, Any], path: TreePath, value: Any) -> bool:
    """Put `value` at `path`, making the mappings (and index-keyed lists) on the way;
    return False when another key already put a value where this one needs a mapping
    (meeting.name, then meeting.name.x)."""
    node: Any = data
    for step in path[:-1]:
        node = node.setdefault(step, {})
        if not isinstance(node, dict):
            return False
    if isinstance(node.get(path[-1]), dict):
        return False
    node[path[-1]] = value
    return True


def _ordered(value: Any) -> Any:
    """Turn index-keyed mappings ({0: …, 2: …}) back into lists, in index order."""
    if isinstance(value, dict):
        if value and all(isinstance(key, int) for key in value):
            return [_ordered(value[key]) for key in sorted(value)]
        return {key: _ordered(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def _stripped(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value
