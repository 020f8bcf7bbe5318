"""Sessions' people and units: chairs and attendees are in the roster, a chair is a
convenor, a substitute is of the same unit, decisions rest on units that may carry them."""

from __future__ import annotations

from collections.abc import Iterator

from jmctl.catalogue import Text
from jmctl.domain import role_labels
from jmctl.findings import Finding
from jmctl.model import CONVENOR_ROLES, Person, UnitRef, plain
from jmctl.rules.closest import ClosestName
from jmctl.rules.context import Context
from jmctl.rules.membership import responsible_units
from jmctl.sessions import Attendee, Session

_CARRIES = {
    "lead": Text("牵头落实议定事项", "leads a decision"),
    "others": Text("配合落实议定事项", "helps carry out a decision"),
    "agenda": Text("汇报议题", "reports on an agenda item"),
}


def check(context: Context) -> Iterator[Finding]:
    people = _RosterLookup(context.model.people())
    allowed = responsible_units(context) if context.model.members else None
    for session in context.model.sessions:
        yield from _chair(context, session, people)
        yield from _attendees(context, session, people)
        if allowed is not None:  # no members listed (JM610): nothing to hold units against
            yield from _carriers(context, session, allowed)


class _RosterLookup:
    """Finds roster entries by name, or by the post as printed (a roster of posts only)."""

    def __init__(self, people: list[Person]) -> None:
        self._by_text: dict[str, Person] = {}
        for person in people:
            for text in (person.printed_post, person.name or ""):
                if text:
                    self._by_text.setdefault(plain(text), person)
        self._closest: ClosestName | None = None  # indexed at the first unknown name

    def find(self, text: str) -> Person | None:
        return self._by_text.get(plain(text))

    def hint(self, text: str) -> Text | str:
        if self._closest is None:
            self._closest = ClosestName(self._by_text)
        close = self._closest.closest(plain(text))
        if close is None:
            return ""
        return Text(f"，是否应为“{close}”？", f"; did you mean '{close}'?")


def _chair(context: Context, session: Session, people: _RosterLookup) -> Iterator[Finding]:
    if session.chair is None:
        return
    path = (*session.path, "chair")
    person = people.find(session.chair)
    if person is None:
        yield context.at("JM230", path, name=session.chair)
    elif person.role not in CONVENOR_ROLES:
        label = role_labels(context.model.meeting.body)[person.role]
        yield context.at("JM231", path, name=session.chair, role=label.zh, role_en=label.en)


def _attendees(context: Context, session: Session, people: _RosterLookup) -> Iterator[Finding]:
    seen: dict[int, int] = {}
    for attendee in session.attendees:
        path = (*attendee.path, "person")
        person = people.find(attendee.person)
        if person is None:
            hint = people.hint(attendee.person)
            yield context.at("JM232", path, name=attendee.person, hint=hint)
            continue
        if id(person) in seen:
            yield context.at("JM233", path, name=attendee.person, first=seen[id(person)])
            continue
        seen[id(person)] = context.line(path)
        yield from _substitute(context, attendee, person)


def _substitute(context: Context, attendee: Attendee, person: Person) -> Iterator[Finding]:
    substitute = attendee.substitute
    if substitute is None or substitute.unit is None or not person.unit.text:
        return  # no unit written: the substitute is of the person's unit by definition
    index = context.model.index
    own, theirs = index.resolve(person.unit.text), index.resolve(substitute.unit.text)
    if own is not None and theirs is not None and own.name != theirs.name:
        yield context.at(
            "JM234",
            substitute.unit.path,
            name=substitute.name,
            unit=substitute.unit.text,
            person=attendee.person,
            own=person.unit.text,
        )


def _carriers(context: Context, session: Session, allowed: set[str]) -> Iterator[Finding]:
    for decision in session.decisions:
        lead = context.model.index.resolve(decision.lead.text)
        yield from _outside(context, decision.lead, "lead", allowed)
        for other in decision.others:
            if lead is not None and context.model.index.resolve(other.text) == lead:
                yield context.at("JM235", other.path, unit=other.text)
            else:
                yield from _outside(context, other, "others", allowed)
    for item in session.agenda:
        if item.unit is not None:
            yield from _outside(context, item.unit, "agenda", allowed)


def _outside(context: Context, ref: UnitRef, role: str, allowed: set[str]) -> Iterator[Finding]:
    unit = context.model.index.resolve(ref.text)
    if unit is not None and unit.name not in allowed:
        what = _CARRIES[role]
        yield context.at("JM236", ref.path, unit=ref.text, what=what.zh, what_en=what.en)
