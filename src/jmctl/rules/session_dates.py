"""Sessions in time: real clock times, sessions in date order and numbered in sequence
per kind, deadlines after the session that set them, and overdue open decisions.

"Today" is injectable (`checker(today=…)`), so that the overdue warning can be tested
on fixed dates; the registered rule asks the real calendar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, time
from itertools import pairwise

from jmctl.findings import Finding
from jmctl.rules.context import Context
from jmctl.sessions import Session

Rule = Callable[[Context], Iterator[Finding]]
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")  # anchored by fullmatch: no backtracking


def checker(today: Callable[[], date] = date.today) -> Rule:
    """Return the rule, comparing deadlines with the day `today` returns."""

    def check(context: Context) -> Iterator[Finding]:
        sessions = context.model.sessions
        for session in sessions:
            yield from _times(context, session)
            yield from _deadlines(context, session, today())
        yield from _order(context, sessions)
        yield from _numbers(context, sessions)

    return check


check = checker()


def parse_clock(text: str) -> time | None:
    """Return the time written HH:MM, or None when it is no time of day."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match[1]), int(match[2])
    return time(hours, minutes) if hours < 24 and minutes < 60 else None


def _times(context: Context, session: Session) -> Iterator[Finding]:
    parsed: dict[str, time | None] = {}
    for key, value in (("start", session.start), ("end", session.end)):
        if value is None:
            continue
        parsed[key] = parse_clock(value)
        if parsed[key] is None:
            yield context.at("JM310", (*session.path, key), value=value)
    start, end = parsed.get("start"), parsed.get("end")
    if start is not None and end is not None and end < start:
        yield context.at("JM311", (*session.path, "end"), start=session.start, end=session.end)


def _deadlines(context: Context, session: Session, today: date) -> Iterator[Finding]:
    for decision in session.decisions:
        if decision.deadline is None:
            continue
        path = (*decision.path, "deadline")
        shown = decision.deadline.isoformat()
        if decision.deadline < session.date:
            yield context.at("JM315", path, deadline=shown, date=session.date.isoformat())
        elif decision.deadline < today and not decision.status.finished:
            status = decision.status
            yield context.at(
                "JM314",
                path,
                deadline=shown,
                today=today.isoformat(),
                status=status.zh,
                status_en=status.en,
            )


def _order(context: Context, sessions: list[Session]) -> Iterator[Finding]:
    for previous, session in pairwise(sessions):
        if session.date < previous.date:
            yield context.at(
                "JM312",
                (*session.path, "date"),
                date=session.date.isoformat(),
                previous=previous.date.isoformat(),
                line=context.line((*previous.path, "date")),
            )


def _numbers(context: Context, sessions: list[Session]) -> Iterator[Finding]:
    """A file may start with any number (this year's sessions only: 第3次), then each
    session of a kind is the one after the last."""
    last: dict[str, int] = {}
    for session in sessions:
        kind = session.kind
        if kind.key in last and session.number != last[kind.key] + 1:
            yield context.at(
                "JM313",
                (*session.path, "number"),
                kind=kind.zh,
                kind_en=kind.en,
                previous=last[kind.key],
                expected=last[kind.key] + 1,
            )
        last[kind.key] = session.number
