"""The diff for people in English (`jmctl diff --lang en`): the same groups and order as
the Chinese report in `diff_report`, the data's own words (names, units) as written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from jmctl import session_report
from jmctl.change_kinds import change_kinds, groups, sentence
from jmctl.diff import KINDS, Change
from jmctl.diff_report import SHORT_TEXT, grouped_report, render_char_diff
from jmctl.domain import role_labels

KIND_LABELS = {kind.key: kind.en for kind in change_kinds().values()}
GROUP_TITLES = tuple(group.en for group in groups())


def summary(changes: Sequence[Change]) -> str:
    if not changes:
        return "the two editions are the same"
    counts = Counter(change.kind for change in changes)
    parts = ", ".join(f"{KIND_LABELS[kind]} {counts[kind]}" for kind in KINDS if counts[kind])
    return f"{len(changes)} change(s): {parts}"


def text_report(changes: Sequence[Change], colour: bool = False) -> str:
    return grouped_report(
        summary(changes), GROUP_TITLES, changes, lambda c: describe(c, colour) + _where(c), colour
    )


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
    kind = change_kinds()[change.kind]
    said = sentence(kind, "en", {**vars(change), "role": _role(change.role)})
    return said if said is not None else DESCRIBERS[kind.describer](change, colour)


def _person_replaced(change: Change, colour: bool) -> str:
    role = _role(change.role)
    if change.post == change.old_post:
        return f"{role}: {change.old_name} → {change.name} ({change.post})"
    before = " ".join(filter(None, [change.old_post, change.old_name]))
    after = " ".join(filter(None, [change.post, change.name]))
    return f"{role}: {before} → {after}"


def _person_in_or_out(sign: str) -> Callable[[Change, bool], str]:
    def say(change: Change, colour: bool) -> str:
        who = " ".join(filter(None, [change.name, change.post]))
        return f"{_role(change.role)}: {sign} {who}"

    return say


def _role_changed(change: Change, colour: bool) -> str:
    was = _role((change.detail or {})["old_role"])
    return f"{change.name}: {was} → {_role(change.role)} ({change.post})"


def _order_changed(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    who = _role(change.role) if change.role != "members" else "member units"
    return (
        f"{who}: {change.name} moved from position {detail['old_position']} to "
        f"{detail['new_position']}"
    )


def _duties_changed(change: Change, colour: bool) -> str:
    return f"{change.unit}: {_list_summary(change.detail or {}, colour)}"


def _office(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    field = detail["field"]
    if field == "host":
        return f"office hosted by: {change.old_unit} → {change.unit}"
    if field == "functions":
        return f"office functions: {_list_summary(detail, colour)}"
    return f"office director: {change.old_name or '(none)'} → {change.name or '(none)'}"


def _tasks(change: Change, colour: bool) -> str:
    detail = change.detail or {}
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


def _field(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    field = f"{change.section}.{detail['field']}"
    if "diff" in detail and len(detail["old"]) >= SHORT_TEXT:
        return f"{field}: {render_char_diff(detail['diff'], colour)}"
    if "old" in detail or "new" in detail:
        return f"{field}: {detail.get('old') or '(none)'} → {detail.get('new') or '(none)'}"
    return f"{field}: {_list_summary(detail, colour)}"


def _session(change: Change, colour: bool) -> str:
    return session_report.describe_en(change)


# The code that says each kind the registry does not give a sentence for, by the
# describer's name there (data/change_kinds.yaml).
DESCRIBERS: dict[str, Callable[[Change, bool], str]] = {
    "person_replaced": _person_replaced,
    "person_added": _person_in_or_out("added"),
    "person_removed": _person_in_or_out("no longer"),
    "role_changed": _role_changed,
    "order_changed": _order_changed,
    "office_changed": _office,
    "duties_changed": _duties_changed,
    "tasks_changed": _tasks,
    "field": _field,
    "session": _session,
}
