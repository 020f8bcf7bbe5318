"""Say a diff for people (Chinese, grouped, coloured), programs (JSON) and reports (Markdown)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from jmctl import session_report
from jmctl.change_kinds import change_kinds, groups, sentence
from jmctl.change_list import HEADER, change_rows, shown
from jmctl.diff import KINDS, Change
from jmctl.domain import role_labels
from jmctl.schema import field_title

KIND_LABELS = {kind.key: kind.zh for kind in change_kinds().values()}
GROUPS = tuple((group.zh, group.kinds) for group in groups())
_RED, _GREEN, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[1m", "\033[0m"


def summary(changes: Sequence[Change]) -> str:
    """Return "共 5 处变动：人员替换 2，单位更名 1 …" (or that nothing changed)."""
    if not changes:
        return "两个版本相同，没有变动"
    counts = Counter(change.kind for change in changes)
    parts = "，".join(f"{KIND_LABELS[kind]} {counts[kind]}" for kind in KINDS if counts[kind])
    return f"共 {len(changes)} 处变动：{parts}"


def text_report(changes: Sequence[Change], colour: bool = False) -> str:
    titles = [title for title, _ in GROUPS]
    return grouped_report(
        summary(changes), titles, changes, lambda c: describe(c, colour) + _where(c), colour
    )


def grouped_report(
    head: str,
    titles: Sequence[str],
    changes: Sequence[Change],
    line: Callable[[Change], str],
    colour: bool,
) -> str:
    """Return `head`, then each group of GROUPS that has changes under its title (in the
    report's language), one `line` a change: the layout both languages share."""
    lines = [head]
    for title, (_, kinds) in zip(titles, GROUPS, strict=True):
        group = [change for change in changes if change.kind in kinds]
        if group:
            lines += ["", f"{_BOLD}{title}{_RESET}" if colour else title]
            lines += [f"  {line(change)}" for change in group]
    return "\n".join(lines) + "\n"


def _where(change: Change) -> str:
    sides = []
    if change.old_line:
        sides.append(f"原第 {change.old_line} 行")
    if change.new_line:
        sides.append(f"现第 {change.new_line} 行")
    return f"（{'，'.join(sides)}）" if sides else ""


def _role(change: Change) -> str:
    labels = role_labels()
    return labels[change.role].zh if change.role in labels else change.role or ""


def describe(change: Change, colour: bool = False) -> str:
    """Return one change in the words of a roster adjustment."""
    kind = change_kinds()[change.kind]
    fields = {**vars(change), "role": _role(change)}
    said = sentence(kind, "zh", fields)
    return said if said is not None else DESCRIBERS[kind.describer](change, colour)


def _person_replaced(change: Change, colour: bool) -> str:
    if change.post == change.old_post:
        return f"{_role(change)}：{change.old_name} → {change.name}（{change.post}）"
    return (
        f"{_role(change)}：{change.old_post} {change.old_name or ''} → "
        f"{change.post} {change.name or ''}"
    ).replace("  ", " ")


def _person_in_or_out(sign: str) -> Callable[[Change, bool], str]:
    def say(change: Change, colour: bool) -> str:
        return f"{_role(change)}：{sign} {change.name or ''} {change.post}".replace("  ", " ")

    return say


def _role_changed(change: Change, colour: bool) -> str:
    was = role_labels()[(change.detail or {})["old_role"]].zh
    return f"{change.name}：{was} → {_role(change)}（{change.post}）"


def _order_changed(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    who = _role(change) if change.role != "members" else "成员单位"
    return (
        f"{who}：{change.name} 由第 {detail['old_position']} 位调至第 {detail['new_position']} 位"
    )


def _office_changed(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    field = detail["field"]
    if field == "host":
        return f"办公室设在：{change.old_unit} → {change.unit}"
    if field == "functions":
        return f"办公室职责：{_list_summary(detail, colour)}"
    return f"办公室主任：{change.old_name or '（无）'} → {change.name or '（无）'}"


def _duties_changed(change: Change, colour: bool) -> str:
    return f"{change.unit}：{_list_summary(change.detail or {}, colour)}"


def _tasks_changed(change: Change, colour: bool) -> str:
    detail = change.detail or {}
    if "added" in detail:
        return f"新增任务：{detail['added']}"
    if "removed" in detail:
        return f"删除任务：{detail['removed']}"
    fields = "、".join(_TASK_FIELDS[name] for name in detail if name in _TASK_FIELDS)
    return f"任务“{detail['task']}”：调整了{fields}"


def _session(change: Change, colour: bool) -> str:
    return session_report.describe_zh(change)


_TASK_FIELDS = {"measures": "落实措施", "deadline": "时间进度", "units": "负责单位"}


def _list_summary(detail: dict[str, Any], colour: bool) -> str:
    parts = []
    for item in detail.get("reworded", []):
        parts.append(f"改写“{render_char_diff(item['diff'], colour)}”")
    parts += [f"新增“{item}”" for item in detail.get("added", [])]
    parts += [f"删除“{item}”" for item in detail.get("removed", [])]
    return "；".join(parts)


SHORT_TEXT = 20  # characters: shorter values read better as "old → new" than as a diff


def _field_summary(change: Change, colour: bool) -> str:
    detail = change.detail
    section = change.section
    field = field_title((section, detail["field"]))
    if "diff" in detail and len(detail["old"]) >= SHORT_TEXT:
        return f"{field}：{render_char_diff(detail['diff'], colour)}"
    if "old" in detail or "new" in detail:
        key = f"{section}.{detail['field']}"
        was, now = shown(detail.get("old"), key), shown(detail.get("new"), key)
        return f"{field}：{was.replace(chr(10), '；')} → {now.replace(chr(10), '；')}"
    return f"{field}：{_list_summary(detail, colour)}"


# The code that says each kind the registry does not give a sentence for, by the
# describer's name there (data/change_kinds.yaml).
DESCRIBERS: dict[str, Callable[[Change, bool], str]] = {
    "person_replaced": _person_replaced,
    "person_added": _person_in_or_out("新增"),
    "person_removed": _person_in_or_out("不再担任"),
    "role_changed": _role_changed,
    "order_changed": _order_changed,
    "office_changed": _office_changed,
    "duties_changed": _duties_changed,
    "tasks_changed": _tasks_changed,
    "field": _field_summary,
    "session": _session,
}


def render_char_diff(pieces: Sequence[Sequence[str]], colour: bool) -> str:
    """Return a character diff inline: [-删去-]{+加上+}, or red and green on a terminal."""
    out = []
    for op, text in pieces:
        if op == "=":
            out.append(text)
        elif colour:
            out.append(f"{_RED if op == '-' else _GREEN}{text}{_RESET}")
        else:
            out.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
    return "".join(out)


def json_report(changes: Sequence[Change], old: str, new: str) -> str:
    counts = Counter(change.kind for change in changes)
    payload = {
        "old": old,
        "new": new,
        "changes": [change.to_json() for change in changes],
        "counts": {kind: counts[kind] for kind in KINDS if counts[kind]},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def markdown_report(changes: Sequence[Change]) -> str:
    """Return the change list as a Markdown table: 类别, 原, 现, 说明 (as the printed one)."""
    lines = [f"**{summary(changes)}**", ""]
    if changes:
        lines += ["| " + " | ".join(HEADER) + " |", "|---|---|---|---|"]
        for row in change_rows(changes):
            cells = [cell.replace("|", "\\|").replace("\n", "<br>") for cell in row]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
