"""The change list: every change as one row (类别, 原, 现, 说明), in plain Chinese.

What an office prints next to the adjustment notice: field names as the contract
titles them, values from a set by their Chinese names, lists as sentences; no
line numbers, no data keys, no brackets of a program's lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jmctl import session_report
from jmctl.diff import Change
from jmctl.domain import choice_labels, role_labels
from jmctl.schema import field_title

HEADER = ("类别", "原", "现", "说明")
NONE = "（无）"
_KIND_LABELS = {
    "unit_added": "新增成员单位",
    "unit_removed": "减少成员单位",
    "unit_renamed": "单位更名",
    "person_added": "新增人员",
    "person_removed": "减少人员",
    "person_replaced": "人员替换",
    "post_changed": "职务变动",
    "role_changed": "角色变动",
    "order_changed": "顺序调整",
    "office_changed": "办公室变动",
    "duties_changed": "职责变动",
    "tasks_changed": "任务变动",
    "meeting_changed": "制度变动",
    "notice_changed": "发文变动",
    "session_added": "新增会议",
    "session_removed": "删除会议",
    "decision_status_changed": "办理状态变动",
    "decision_added": "新增议定事项",
    "decision_removed": "删除议定事项",
    "decision_changed": "议定事项调整",
}
_TASK_FIELDS = ("measures", "deadline", "units")

Row = tuple[str, str, str, str]


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
    kind, detail = change.kind, change.detail or {}
    label = _KIND_LABELS[kind]
    people = {
        "person_replaced": lambda: (
            _person(change.old_name, change.old_post),
            _person(change.name, change.post),
            _role(change.role),
        ),
        "person_added": lambda: (NONE, _person(change.name, change.post), _role(change.role)),
        "person_removed": lambda: (_person(change.name, change.post), NONE, _role(change.role)),
        "post_changed": lambda: (
            change.old_post or NONE,
            change.post or NONE,
            f"{change.name}，{_role(change.role)}",
        ),
        "role_changed": lambda: (
            _role(detail.get("old_role")),
            _role(change.role),
            _person(change.name, change.post),
        ),
        "unit_renamed": lambda: (change.old_unit or NONE, change.unit or NONE, ""),
        "unit_added": lambda: (NONE, change.unit or NONE, _duties(detail)),
        "unit_removed": lambda: (change.unit or NONE, NONE, _duties(detail)),
        "order_changed": lambda: (
            f"第 {detail['old_position']} 位",
            f"第 {detail['new_position']} 位",
            f"{'成员单位' if change.role == 'members' else _role(change.role)}：{change.name}",
        ),
    }
    if kind in people:
        return [(label, *people[kind]())]
    if kind == "office_changed":
        return [(label, *_office(change, detail))]
    if kind == "duties_changed":
        return [(label, *_items(detail), f"{change.unit}的职责")]
    if kind == "tasks_changed":
        return [(label, *_task(detail))]
    if change.section == "sessions":
        return [(label, *session_report.row(change))]
    return [(label, *_field(change, detail))]


def _duties(detail: dict[str, Any]) -> str:
    items = detail.get("duties") or []
    return f"职责 {len(items)} 条" if items else ""


def _office(change: Change, detail: dict[str, Any]) -> tuple[str, str, str]:
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


def _task(detail: dict[str, Any]) -> tuple[str, str, str]:
    if "added" in detail:
        return NONE, detail["added"], "新增任务"
    if "removed" in detail:
        return detail["removed"], NONE, "删除任务"
    fields = [name for name in _TASK_FIELDS if name in detail]
    titles = "、".join(field_title(("tasks", 0, name)) for name in fields)
    old = "\n".join(shown(detail[name]["old"], f"tasks.{name}") for name in fields)
    new = "\n".join(shown(detail[name]["new"], f"tasks.{name}") for name in fields)
    return old, new, f"任务“{detail['task']}”的{titles}"


def _field(change: Change, detail: dict[str, Any]) -> tuple[str, str, str]:
    section = "notice" if change.kind == "notice_changed" else "meeting"
    field = detail["field"]
    title = field_title((section, field))
    if "old" in detail or "new" in detail:
        key = f"{section}.{field}"
        return shown(detail.get("old"), key), shown(detail.get("new"), key), title
    return (*_items(detail), title)
