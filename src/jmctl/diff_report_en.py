"""The diff for people in English (`jmctl diff --lang en`): the same groups and order as
the Chinese report in `diff_report`, the data's own words (names, units) as written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from jmctl import session_report
from jmctl.diff import KINDS, Change
from jmctl.diff_report import _BOLD, _RESET, GROUPS, SHORT_TEXT, render_char_diff
from jmctl.domain import role_labels

KIND_LABELS = {
    "unit_added": "units added",
    "unit_removed": "units removed",
    "unit_renamed": "units renamed",
    "person_added": "people added",
    "person_removed": "people removed",
    "person_replaced": "people replaced",
    "post_changed": "posts changed",
    "role_changed": "roles changed",
    "order_changed": "order changed",
    "office_changed": "office changed",
    "duties_changed": "duties changed",
    "tasks_changed": "tasks changed",
    "meeting_changed": "meeting changed",
    "notice_changed": "notice changed",
    "session_added": "sessions added",
    "session_removed": "sessions removed",
    "decision_status_changed": "decision statuses changed",
    "decision_added": "decisions added",
    "decision_removed": "decisions removed",
    "decision_changed": "decisions changed",
}
GROUP_TITLES = (
    "People",
    "Units",
    "Order",
    "Office",
    "Duties",
    "Tasks",
    "Meeting",
    "Notice",
    "Sessions and decisions",
)


def summary(changes: Sequence[Change]) -> str:
    if not changes:
        return "the two editions are the same"
    counts = Counter(change.kind for change in changes)
    parts = ", ".join(f"{KIND_LABELS[kind]} {counts[kind]}" for kind in KINDS if counts[kind])
    return f"{len(changes)} change(s): {parts}"


def text_report(changes: Sequence[Change], colour: bool = False) -> str:
    lines = [summary(changes)]
    for title, (_, kinds) in zip(GROUP_TITLES, GROUPS, strict=True):
        group = [change for change in changes if change.kind in kinds]
        if group:
            lines += ["", f"{_BOLD}{title}{_RESET}" if colour else title]
            lines += [f"  {describe(change, colour)}{_where(change)}" for change in group]
    return "\n".join(lines) + "\n"


def markdown_report(changes: Sequence[Change]) -> str:
    lines = [f"**{summary(changes)}**", ""]
    if changes:
        lines += ["| kind | change | old line | new line |", "|---|---|---|---|"]
        for change in changes:
            text = describe(change).replace("|", "\\|")
            lines.append(
                f"| {KIND_LABELS[change.kind]} | {text} | {change.old_line or ''} | "
                f"{change.new_line or ''} |"
            )
    return "\n".join(lines) + "\n"


def _where(change: Change) -> str:
    sides = []
    if change.old_line:
        sides.append(f"was line {change.old_line}")
    if change.new_line:
        sides.append(f"now line {change.new_line}")
    return f" ({', '.join(sides)})" if sides else ""


def _role(role: str | None) -> str:
    labels = role_labels()
    return labels[role].en if role in labels else role or ""


def describe(change: Change, colour: bool = False) -> str:
    """Return one change in English."""
    kind, detail = change.kind, change.detail or {}
    if change.section == "sessions":
        return session_report.describe_en(change)
    role = _role(change.role)
    if kind == "person_replaced" and change.post == change.old_post:
        return f"{role}: {change.old_name} → {change.name} ({change.post})"
    if kind == "person_replaced":
        before = " ".join(filter(None, [change.old_post, change.old_name]))
        after = " ".join(filter(None, [change.post, change.name]))
        return f"{role}: {before} → {after}"
    if kind in ("person_added", "person_removed"):
        sign = "added" if kind == "person_added" else "no longer"
        return f"{role}: {sign} {' '.join(filter(None, [change.name, change.post]))}"
    if kind == "post_changed":
        return f"{role}: {change.name}, post {change.old_post} → {change.post}"
    if kind == "role_changed":
        return f"{change.name}: {_role(detail['old_role'])} → {role} ({change.post})"
    if kind == "unit_renamed":
        return f"{change.old_unit} → {change.unit}"
    if kind in ("unit_added", "unit_removed"):
        sign = "new member unit" if kind == "unit_added" else "no longer a member unit"
        return f"{sign}: {change.unit}"
    if kind == "order_changed":
        who = role if change.role != "members" else "member units"
        return (
            f"{who}: {change.name} moved from position {detail['old_position']} to "
            f"{detail['new_position']}"
        )
    if kind == "office_changed":
        return _office(change, detail, colour)
    if kind == "duties_changed":
        return f"{change.unit}: {_list_summary(detail, colour)}"
    if kind == "tasks_changed":
        return _tasks(detail)
    return _field(change, detail, colour)


def _office(change: Change, detail: dict[str, Any], colour: bool) -> str:
    field = detail["field"]
    if field == "host":
        return f"office hosted by: {change.old_unit} → {change.unit}"
    if field == "functions":
        return f"office functions: {_list_summary(detail, colour)}"
    return f"office director: {change.old_name or '(none)'} → {change.name or '(none)'}"


def _tasks(detail: dict[str, Any]) -> str:
    if "added" in detail:
        return f"task added: {detail['added']}"
    if "removed" in detail:
        return f"task removed: {detail['removed']}"
    fields = ", ".join(name for name in detail if name in ("measures", "deadline", "units"))
    return f"task {detail['task']}: {fields} changed"


def _list_summary(detail: dict[str, Any], colour: bool) -> str:
    parts = [
        f"reworded {render_char_diff(item['diff'], colour)}" for item in detail.get("reworded", [])
    ]
    parts += [f"added {item}" for item in detail.get("added", [])]
    parts += [f"removed {item}" for item in detail.get("removed", [])]
    return "; ".join(parts)


def _field(change: Change, detail: dict[str, Any], colour: bool) -> str:
    section = "notice" if change.kind == "notice_changed" else "meeting"
    field = f"{section}.{detail['field']}"
    if "diff" in detail and len(detail["old"]) >= SHORT_TEXT:
        return f"{field}: {render_char_diff(detail['diff'], colour)}"
    if "old" in detail or "new" in detail:
        return f"{field}: {detail.get('old') or '(none)'} → {detail.get('new') or '(none)'}"
    return f"{field}: {_list_summary(detail, colour)}"
