"""The change list: every change as one row (类别, 原, 现, 说明), in plain Chinese.

What an office prints next to the adjustment notice: field names as the contract
titles them, values from a set by their Chinese names, lists as sentences; no
line numbers, no data keys, no brackets of a program's lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jmctl.change import Change
from jmctl.change_details import (
    DecisionChange,
    DecisionEdit,
    FieldChange,
    ListChange,
    OrderChange,
    RoleChange,
    SessionChange,
    SessionEdit,
    StatusChange,
    TaskChange,
    UnitDuties,
)
from jmctl.change_kinds import change_kinds
from jmctl.domain import choice_labels, role_labels
from jmctl.named_code import named_code
from jmctl.schema import field_title

HEADER = ("类别", "原", "现", "说明")
NONE = "（无）"

Row = tuple[str, str, str, str]
Cells = tuple[str, str, str]  # 原, 现, 说明


def shown(value: Any, key: str = "") -> str:
    """Return a value as people read it: a list as lines, a set's value by its name."""
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, list):
        return "\n".join(shown(item, key) for item in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return choice_labels(key).get(str(value), str(value))


def _role(role: str | None) -> str:
    labels = role_labels()
    return labels[role].zh if role in labels else ""


def _person(name: str | None, post: str | None) -> str:
    return f"{name}（{post}）" if name and post else name or post or NONE


def change_rows(changes: Sequence[Change]) -> list[Row]:
    """Return one row per change, in the order given."""
    return [(change_kinds()[change.kind].row, *_cells(change)) for change in changes]


def _cells(change: Change) -> Cells:
    cells: Cells = named_code(change_kinds()[change.kind].cells)(change)
    return cells


def cells_person_replaced(change: Change) -> Cells:
    before, after = _person(change.old_name, change.old_post), _person(change.name, change.post)
    return before, after, _role(change.role)


def cells_person_added(change: Change) -> Cells:
    return NONE, _person(change.name, change.post), _role(change.role)


def cells_person_removed(change: Change) -> Cells:
    return _person(change.name, change.post), NONE, _role(change.role)


def cells_post_changed(change: Change) -> Cells:
    return change.old_post or NONE, change.post or NONE, f"{change.name}，{_role(change.role)}"


def cells_role_changed(change: Change) -> Cells:
    was = _role(change.detail_as(RoleChange).old_role)
    return was, _role(change.role), _person(change.name, change.post)


def cells_unit_renamed(change: Change) -> Cells:
    return change.old_unit or NONE, change.unit or NONE, ""


def cells_unit_added(change: Change) -> Cells:
    return NONE, change.unit or NONE, _duties(change)


def cells_unit_removed(change: Change) -> Cells:
    return change.unit or NONE, NONE, _duties(change)


def _duties(change: Change) -> str:
    # A unit without duties in the file carries no detail.
    items = change.detail.duties if isinstance(change.detail, UnitDuties) else ()
    return f"职责 {len(items)} 条" if items else ""


def cells_order_changed(change: Change) -> Cells:
    detail = change.detail_as(OrderChange)
    who = "成员单位" if change.role == "members" else _role(change.role)
    return f"第 {detail.old_position} 位", f"第 {detail.new_position} 位", f"{who}：{change.name}"


def cells_duties_changed(change: Change) -> Cells:
    return (*_items(change.detail_as(ListChange)), f"{change.unit}的职责")


def cells_office(change: Change) -> Cells:
    detail = change.detail_as(FieldChange)
    title = field_title(("office", detail.field))
    if detail.field == "host":
        return change.old_unit or NONE, change.unit or NONE, title
    if detail.items is not None:
        return (*_items(detail.items), title)
    return change.old_name or NONE, change.name or NONE, title


def _items(change: ListChange) -> tuple[str, str]:
    """Return the items a list lost (and the old wording) and gained (and the new)."""
    return shown(change.old_items), shown(change.new_items)


def cells_task(change: Change) -> Cells:
    detail = change.detail_as(TaskChange)
    if detail.how == "added":
        return NONE, detail.task, "新增任务"
    if detail.how == "removed":
        return detail.task, NONE, "删除任务"
    titles = "、".join(field_title(("tasks", 0, field.name)) for field in detail.fields)
    old = "\n".join(shown(field.values.old, f"tasks.{field.name}") for field in detail.fields)
    new = "\n".join(shown(field.values.new, f"tasks.{field.name}") for field in detail.fields)
    return old, new, f"任务“{detail.task}”的{titles}"


def cells_field(change: Change) -> Cells:
    detail = change.detail_as(FieldChange)
    title = field_title((change.section, detail.field))
    if detail.values is not None:
        key = f"{change.section}.{detail.field}"
        return shown(detail.values.old, key), shown(detail.values.new, key), title
    return (*_items(detail.items or ListChange()), title)


# Sessions and decisions: a status moving reads as the office reports it upward.


def cells_session_added(change: Change) -> Cells:
    return NONE, f"{change.name}（{change.detail_as(SessionChange).date}）", ""


def cells_session_removed(change: Change) -> Cells:
    return f"{change.name}（{change.detail_as(SessionChange).date}）", NONE, ""


def _where(change: Change, text: str) -> str:
    return f"{change.name}议定事项“{text}”，牵头单位 {change.unit}"


def cells_status_changed(change: Change) -> Cells:
    detail = change.detail_as(StatusChange)
    where = _where(change, detail.text)
    said = f"{where}；进展：{detail.progress}" if detail.progress else where
    return detail.status.old, detail.status.new, said


def cells_decision_added(change: Change) -> Cells:
    return NONE, change.detail_as(DecisionChange).text, f"{change.name}，牵头单位 {change.unit}"


def cells_decision_removed(change: Change) -> Cells:
    return change.detail_as(DecisionChange).text, NONE, change.name or ""


def cells_session_changed(change: Change) -> Cells:
    detail = change.detail_as(SessionEdit)
    old = "\n".join(_written(field.values.old) for field in detail.fields)
    new = "\n".join(_written(field.values.new) for field in detail.fields)
    titles = "、".join(field_title(("sessions", 0, field.name)) for field in detail.fields)
    return old, new, f"{detail.session}：{titles}"


def cells_decision_changed(change: Change) -> Cells:
    detail = change.detail_as(DecisionEdit)
    old = "\n".join(_listed(field.values.old) for field in detail.fields)
    new = "\n".join(_listed(field.values.new) for field in detail.fields)
    titles = "、".join(
        field_title(("sessions", 0, "decisions", 0, field.name)) for field in detail.fields
    )
    return old, new, f"{_where(change, detail.text)}：{titles}"


def _written(value: Any) -> str:
    """Return a value of any shape as one cell's text: entries of a list by 、, the keys
    of a mapping with their values (person: 刘洋, absent: true)."""
    if isinstance(value, dict):
        return "，".join(f"{key}: {_written(item)}" for key, item in value.items())
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return "；".join(_written(item) for item in value) or NONE
    return _listed(value)


def _listed(value: Any) -> str:
    if value is None or value == []:
        return NONE
    return "、".join(value) if isinstance(value, list) else str(value)
