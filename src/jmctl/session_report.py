"""Session and decision changes in words: the diff's Chinese and English lines and the
change list's row (原, 现, 说明). A status moving reads as the office reports it upward:
第1次全体会议议定事项“…”（牵头单位 县民政局）：未启动 → 推进中。"""

from __future__ import annotations

from typing import Any

from jmctl.diff import Change
from jmctl.schema import field_title
from jmctl.sessions import statuses

NONE = "（无）"


def _status_en(name: str) -> str:
    return next((term.en for term in statuses().values() if term.zh == name), name)


def _fields_zh(detail: dict[str, Any]) -> str:
    return "、".join(
        field_title(("sessions", 0, "decisions", 0, name)) for name in detail["fields"]
    )


def describe_zh(change: Change) -> str:
    kind, detail = change.kind, change.detail or {}
    if kind in ("session_added", "session_removed"):
        sign = "新增" if kind == "session_added" else "删除"
        return f"{sign}{change.name}（{detail['date']}，议定事项 {detail['decisions']} 项）"
    subject = f"{change.name}议定事项“{detail['text']}”（牵头单位 {change.unit}）"
    if kind == "decision_status_changed":
        progress = f"；进展：{detail['progress']}" if detail.get("progress") else ""
        return f"{subject}：{detail['old']} → {detail['new']}{progress}"
    if kind == "decision_added":
        return f"{change.name}新增议定事项“{detail['text']}”（牵头单位 {change.unit}）"
    if kind == "decision_removed":
        return f"{change.name}删除议定事项“{detail['text']}”"
    return f"{subject}：调整了{_fields_zh(detail)}"


def describe_en(change: Change) -> str:
    kind, detail = change.kind, change.detail or {}
    if kind in ("session_added", "session_removed"):
        sign = "added" if kind == "session_added" else "removed"
        return (
            f"session {sign}: {change.name} ({detail['date']}, {detail['decisions']} decision(s))"
        )
    subject = f"{change.name}, decision “{detail['text']}” (lead {change.unit})"
    if kind == "decision_status_changed":
        progress = f"; progress: {detail['progress']}" if detail.get("progress") else ""
        return f"{subject}: {_status_en(detail['old'])} → {_status_en(detail['new'])}{progress}"
    if kind == "decision_added":
        return f"{subject}: added"
    if kind == "decision_removed":
        return f"{subject}: removed"
    return f"{subject}: {', '.join(detail['fields'])} changed"


def row(change: Change) -> tuple[str, str, str]:
    """Return the change list's 原, 现 and 说明 of a session or decision change."""
    kind, detail = change.kind, change.detail or {}
    if kind == "session_added":
        return NONE, f"{change.name}（{detail['date']}）", ""
    if kind == "session_removed":
        return f"{change.name}（{detail['date']}）", NONE, ""
    where = f"{change.name}议定事项“{detail['text']}”，牵头单位 {change.unit}"
    if kind == "decision_status_changed":
        return detail["old"], detail["new"], _with_progress(where, detail.get("progress"))
    if kind == "decision_added":
        return NONE, detail["text"], f"{change.name}，牵头单位 {change.unit}"
    if kind == "decision_removed":
        return detail["text"], NONE, change.name or ""
    fields = detail["fields"]
    old = "\n".join(_shown(value["old"]) for value in fields.values())
    new = "\n".join(_shown(value["new"]) for value in fields.values())
    return old, new, f"{where}：{_fields_zh(detail)}"


def _with_progress(where: str, progress: str | None) -> str:
    return f"{where}；进展：{progress}" if progress else where


def _shown(value: Any) -> str:
    if value is None or value == []:
        return NONE
    return "、".join(value) if isinstance(value, list) else str(value)
