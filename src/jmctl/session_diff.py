"""What changed in the sessions between two versions of a file: sessions held or
dropped, decisions added, removed, changed, and above all a decision's status moving
(what the office reports upward).

Sessions are matched by kind and number (第1次全体会议), decisions within a session by
their text, then by position for one reworded in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypedDict, Unpack

from jmctl.change import Change, Edition
from jmctl.change_details import (
    DecisionChange,
    DecisionEdit,
    NamedValues,
    OldNew,
    SessionChange,
    SessionEdit,
    StatusChange,
)
from jmctl.model import plain
from jmctl.sessions import Decision, Session

# A decision's fields compared, as the contract names them; the status has its own kind.
DECISION_FIELDS = ("text", "lead", "others", "deadline", "progress")
# A session's own fields compared, as the data file writes them (kind and number match
# it with its counterpart; its decisions are compared one by one).
SESSION_FIELDS = (
    "date",
    "start",
    "end",
    "place",
    "chair",
    "attendees",
    "invited",
    "agenda",
    "notice",
    "minutes",
)


class Lines(TypedDict, total=False):
    """Where a change is in the old and the new file (Change's own field names)."""

    old_line: int | None
    new_line: int | None


def session_changes(old: Edition, new: Edition) -> Iterator[Change]:
    """Yield the session and decision changes from `old` to `new`, in file order."""
    later = {_key(session): session for session in new.model.sessions}
    earlier = {_key(session) for session in old.model.sessions}
    for session in old.model.sessions:
        counterpart = later.get(_key(session))
        if counterpart is None:
            yield _session_change("session_removed", session, old_line=old.line(session.path))
        else:
            yield from _session_edit(old, new, session, counterpart)
            yield from _decision_changes(old, new, session, counterpart)
    for session in new.model.sessions:
        if _key(session) not in earlier:
            yield _session_change("session_added", session, new_line=new.line(session.path))


def _key(session: Session) -> tuple[str, int]:
    return session.kind.key, session.number


def _session_change(kind: str, session: Session, **lines: Unpack[Lines]) -> Change:
    detail = SessionChange(session.date.isoformat(), len(session.decisions))
    return Change(kind, name=session.title, detail=detail, **lines)


def _session_edit(old: Edition, new: Edition, was: Session, now: Session) -> Iterator[Change]:
    before, after = _written(old, was), _written(new, now)
    fields = tuple(
        NamedValues(name, OldNew(before.get(name), after.get(name)))
        for name in SESSION_FIELDS
        if before.get(name) != after.get(name)
    )
    if fields:
        yield Change(
            "session_changed",
            name=now.title,
            detail=SessionEdit(now.title, fields),
            old_line=old.line(was.path),
            new_line=new.line(now.path),
        )


def _written(edition: Edition, session: Session) -> dict[str, Any]:
    """Return the session as the data file writes it (the loader keeps dates as text)."""
    _, index = session.path
    entry: dict[str, Any] = edition.document.data["sessions"][index]
    return entry


def _decision_changes(
    old: Edition, new: Edition, before: Session, after: Session
) -> Iterator[Change]:
    pairs, removed, added = _match(before.decisions, after.decisions)
    for was, now in pairs:
        yield from _changed(old, new, after, was, now)
    for decision in removed:
        yield _decision_change(
            "decision_removed", before, decision, old_line=old.line(decision.path)
        )
    for decision in added:
        yield _decision_change("decision_added", after, decision, new_line=new.line(decision.path))


def _match(
    before: tuple[Decision, ...], after: tuple[Decision, ...]
) -> tuple[list[tuple[Decision, Decision]], list[Decision], list[Decision]]:
    """Pair decisions by text, then the rest by position; return pairs, removed, added.

    Linear: one pass over each side, positions kept in sets.
    """
    by_text = {plain(decision.text): index for index, decision in enumerate(after)}
    paired: dict[int, int] = {}  # old position → new position
    taken: set[int] = set()
    for index, decision in enumerate(before):
        found = by_text.get(plain(decision.text))
        if found is not None and found not in taken:
            paired[index] = found
            taken.add(found)
    for index in range(min(len(before), len(after))):
        if index not in paired and index not in taken:
            paired[index] = index  # the same place, reworded
            taken.add(index)
    pairs = [(before[old], after[new]) for old, new in sorted(paired.items())]
    removed = [decision for index, decision in enumerate(before) if index not in paired]
    added = [decision for index, decision in enumerate(after) if index not in taken]
    return pairs, removed, added


def _decision_change(
    kind: str, session: Session, decision: Decision, **lines: Unpack[Lines]
) -> Change:
    detail = DecisionChange(session.title, decision.text, decision.status.zh)
    return Change(kind, unit=decision.lead.text, name=session.title, detail=detail, **lines)


def _changed(
    old: Edition, new: Edition, session: Session, was: Decision, now: Decision
) -> Iterator[Change]:
    lines: Lines = {"old_line": old.line(was.path), "new_line": new.line(now.path)}
    if was.status.key != now.status.key:
        status = OldNew(was.status.zh, now.status.zh)
        detail = StatusChange(session.title, now.text, status, now.progress)
        yield Change(
            "decision_status_changed",
            unit=now.lead.text,
            name=session.title,
            detail=detail,
            **lines,
        )
    fields = tuple(
        NamedValues(name, OldNew(old_value, new_value))
        for name in DECISION_FIELDS
        if (old_value := _value(was, name)) != (new_value := _value(now, name))
        and not (name == "progress" and was.status.key != now.status.key)
    )
    if fields:
        yield Change(
            "decision_changed",
            unit=now.lead.text,
            name=session.title,
            detail=DecisionEdit(session.title, now.text, fields),
            **lines,
        )


def _value(decision: Decision, name: str) -> str | list[str] | None:
    """Return a decision's field as the data file writes it."""
    if name == "lead":
        return decision.lead.text
    if name == "others":
        return [ref.text for ref in decision.others]
    if name == "deadline":
        return decision.deadline.isoformat() if decision.deadline else None
    value = getattr(decision, name)
    return None if value is None else str(value)
