"""The change list: every change as one row (类别, 原, 现, 说明), in plain Chinese.

What an office prints next to the adjustment notice: field names as the contract
titles them, values from a set by their Chinese names, lists as sentences; no
line numbers, no data keys, no brackets of a program's lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from jmctl import session_report
from jmctl.change_kinds import change_kinds
from jmctl.diff import Change
from jmctl.domain import choice_labels, role_labels
from jmctl.schema import field_title

HEADER = ("类别", "原", "现", "说明")
NONE = "（无）"
_TASK_FIELDS = ("measures", "deadline", "units")

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
    return [row for change in changes for row in _rows(change)]


def _rows(change: Change) -> list[Row]:
    kind = change_kinds()[change.kind]
    return [(kind.row, *ROWS[kind.describer](change, change.detail or {}))]


def _person_replaced(change: Change, detail: dict[str, Any]) -> Cells:
    before, after = _person(change.old_name, change.old_post), _person(change.name, change.post)
    return before, after, _role(change.role)


def _person_added(change: Change, detail: dict[str, Any]) -> Cells:
    return NONE, _person(change.name, change.post), _role(change.role)


def _person_removed(change: Change, detail: dict[str, Any]) -> Cells:
    return _person(change.name, change.post), NONE, _role(change.role)


def _post_changed(change: Change, detail: dict[str, Any]) -> Cells:
    return change.old_post or NONE, change.post or NONE, f"{change.name}，{_role(change.role)}"


def _role_changed(change: Change, detail: dict[str, Any]) -> Cells:
    return _role(detail.get("old_role")), _role(change.role), _person(change.name, change.post)


def _unit_renamed(change: Change, detail: dict[str, Any]) -> Cells:
    return change.old_unit or NONE, change.unit or NONE, ""


def _unit_added(change: Change, detail: dict[str, Any]) -> Cells:
    return NONE, change.unit or NONE, _duties(detail)


def _unit_removed(change: Change, detail: dict[str, Any]) -> Cells:
    return change.unit or NONE, NONE, _duties(detail)


def _order_changed(change: Change, detail: dict[str, Any]) -> Cells:
    who = "成员单位" if change.role == "members" else _role(change.role)
    return (
        f"第 {detail['old_position']} 位",
        f"第 {detail['new_position']} 位",
        f"{who}：{change.name}",
    )


def _duties_changed(change: Change, detail: dict[str, Any]) -> Cells:
    return (*_items(detail), f"{change.unit}的职责")


def _session(change: Change, detail: dict[str, Any]) -> Cells:
    return session_report.row(change)


def _duties(detail: dict[str, Any]) -> str:
    items = detail.get("duties") or []
    return f"职责 {len(items)} 条" if items else ""


def _office(change: Change, detail: dict[str, Any]) -> Cells:
    field = detail["field"]
    title = field_title(("office", field))
    if field == "host":
        return change.old_unit or NONE, change.unit or NONE, title
    if field == "functions":
        return (*_items(detail), title)
    return change.old_name or NONE, change.name or NONE, title


def _items(detail: dict[str, Any]) -> tuple[str, str]:
    """Return the items a list lost (and the old wording) and gained (and the new)."""
    old = [item["old"] for item in detail.get("reworded", [])] + detail.get("removed", [])
    new = [item["new"] for item in detail.get("reworded", [])] + detail.get("added", [])
    return shown(old), shown(new)


def _task(change: Change, detail: dict[str, Any]) -> Cells:
    if "added" in detail:
        return NONE, detail["added"], "新增任务"
    if "removed" in detail:
        return detail["removed"], NONE, "删除任务"
    fields = [name for name in _TASK_FIELDS if name in detail]
    titles = "、".join(field_title(("tasks", 0, name)) for name in fields)
    old = "\n".join(shown(detail[name]["old"], f"tasks.{name}") for name in fields)
    new = "\n".join(shown(detail[name]["new"], f"tasks.{name}") for name in fields)
    return old, new, f"任务“{detail['task']}”的{titles}"


def _field(change: Change, detail: dict[str, Any]) -> Cells:
    section = change.section
    field = detail["field"]
    title = field_title((section, field))
    if "old" in detail or "new" in detail:
        key = f"{section}.{field}"
        return shown(detail.get("old"), key), shown(detail.get("new"), key), title
    return (*_items(detail), title)


# Each kind's 原, 现 and 说明, by the describer's name in data/change_kinds.yaml.
ROWS: dict[str, Callable[[Change, dict[str, Any]], Cells]] = {
    "person_replaced": _person_replaced,
    "person_added": _person_added,
    "person_removed": _person_removed,
    "post_changed": _post_changed,
    "role_changed": _role_changed,
    "unit_renamed": _unit_renamed,
    "unit_added": _unit_added,
    "unit_removed": _unit_removed,
    "order_changed": _order_changed,
    "office_changed": _office,
    "duties_changed": _duties_changed,
    "tasks_changed": _task,
    "field": _field,
    "session": _session,
}
