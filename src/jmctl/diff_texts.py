"""What changed in the text of two editions: the office, each unit's duties, the
tasks, and the meeting's and the notice's fields. Lists are compared item by item, an
item said another way is one item reworded (with a character diff), not one out and
one in.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from typing import Any

from jmctl.change import Change, Edition
from jmctl.change_details import (
    FieldChange,
    ListChange,
    NamedValues,
    OldNew,
    Reworded,
    TaskChange,
)
from jmctl.diff_units import UnitMap, unit_name
from jmctl.model import plain

REWORD_RATIO = 0.5  # items at least this alike are one item reworded, not one out, one in


def office_changes(old: Edition, new: Edition, units: UnitMap) -> Iterator[Change]:
    before, after = old.model.office, new.model.office
    old_host = unit_name(old.model, before.host.text) if before and before.host else None
    new_host = unit_name(new.model, after.host.text) if after and after.host else None
    if (units.new_name(old_host) if old_host else None) != new_host:
        yield Change(
            "office_changed",
            detail=FieldChange("host"),
            unit=new_host,
            old_unit=old_host,
            old_line=old.line(("office", "host")),
            new_line=new.line(("office", "host")),
        )
    for name in ("director", "director_post"):
        was = getattr(before, name, None)
        now = getattr(after, name, None)
        if plain(was or "") != plain(now or ""):
            yield Change(
                "office_changed",
                detail=FieldChange(name),
                name=now,
                old_name=was,
                old_line=old.line(("office", name)),
                new_line=new.line(("office", name)),
            )
    if before and after and before.functions != after.functions:
        yield Change(
            "office_changed",
            detail=FieldChange("functions", items=_list_diff(before.functions, after.functions)),
            old_line=old.line(("office", "functions")),
            new_line=new.line(("office", "functions")),
        )


def duty_changes(old: Edition, new: Edition, units: UnitMap) -> Iterator[Change]:
    new_duties = {unit_name(new.model, duty.unit.text): duty for duty in new.model.duties}
    for duty in old.model.duties:
        mapped = units.new_name(unit_name(old.model, duty.unit.text))
        counterpart = new_duties.get(mapped) if mapped else None
        if counterpart is None or counterpart.items == duty.items:
            continue
        yield Change(
            "duties_changed",
            unit=counterpart.unit.text,
            old_unit=duty.unit.text,
            detail=_list_diff(duty.items, counterpart.items),
            old_line=old.line(duty.path),
            new_line=new.line(counterpart.path),
        )


def _list_diff(before: Sequence[str], after: Sequence[str]) -> ListChange:
    """Return items added, removed and reworded (with a character diff of each rewording)."""
    added: list[str] = []
    removed: list[str] = []
    reworded: list[Reworded] = []
    matcher = difflib.SequenceMatcher(a=list(before), b=list(after), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(before[a1:a2]), list(after[b1:b2])
        while olds and news and _alike(olds[0], news[0]):
            was, now = olds.pop(0), news.pop(0)
            reworded.append(Reworded(was, now, _pieces(was, now)))
        removed += olds
        added += news
    return ListChange(tuple(added), tuple(removed), tuple(reworded))


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= REWORD_RATIO


def char_diff(old: str, new: str) -> list[list[str]]:
    """Return [op, text] pieces, op one of "=", "-", "+": a character diff of Chinese text."""
    pieces = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(["=", old[a1:a2]])
            continue
        if a2 > a1:
            pieces.append(["-", old[a1:a2]])
        if b2 > b1:
            pieces.append(["+", new[b1:b2]])
    return pieces


def _pieces(old: str, new: str) -> tuple[tuple[str, str], ...]:
    return tuple((op, text) for op, text in char_diff(old, new))


def task_changes(old: Edition, new: Edition) -> Iterator[Change]:
    new_tasks = {plain(task.task): task for task in new.model.tasks}
    seen = set()
    for task in old.model.tasks:
        counterpart = new_tasks.get(plain(task.task))
        if counterpart is None:
            removed = TaskChange(task.task, "removed")
            yield Change("tasks_changed", detail=removed, old_line=old.line(task.path))
            continue
        seen.add(plain(task.task))
        fields = []
        for name in ("measures", "deadline"):
            if getattr(task, name) != getattr(counterpart, name):
                values = OldNew(getattr(task, name), getattr(counterpart, name))
                fields.append(NamedValues(name, values))
        old_units = [ref.text for ref in task.units]
        new_units = [ref.text for ref in counterpart.units]
        if old_units != new_units:
            fields.append(NamedValues("units", OldNew(old_units, new_units)))
        if fields:
            yield Change(
                "tasks_changed",
                detail=TaskChange(counterpart.task, "edited", tuple(fields)),
                old_line=old.line(task.path),
                new_line=new.line(counterpart.path),
            )
    for task in new.model.tasks:
        if plain(task.task) not in seen:
            added = TaskChange(task.task, "added")
            yield Change("tasks_changed", detail=added, new_line=new.line(task.path))


# Meeting and notice fields ------------------------------------------------------------------


def field_changes(
    old: Edition, new: Edition, section: str, names: Sequence[str]
) -> Iterator[Change]:
    before = old.document.data.get(section) or {}
    after = new.document.data.get(section) or {}
    kind = f"{section}_changed"
    for name in names:
        was, now = before.get(name), after.get(name)
        if was == now:
            continue
        yield Change(
            kind,
            detail=_field_change(name, was, now),
            old_line=old.line((section, name)),
            new_line=new.line((section, name)),
        )


def _field_change(name: str, was: Any, now: Any) -> FieldChange:
    if (
        isinstance(was, list)
        and isinstance(now, list)
        and all(isinstance(item, str) for item in was + now)
    ):
        return FieldChange(name, items=_list_diff(was, now))
    if isinstance(was, str) and isinstance(now, str):
        return FieldChange(name, OldNew(was, now), _pieces(was, now))
    return FieldChange(name, OldNew(was, now))
