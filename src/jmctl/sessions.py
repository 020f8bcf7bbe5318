"""The meetings a joint meeting holds: sessions, who attended, what was decided.

The vocabulary (session kinds, decision statuses) is `data/sessions.yaml`; a data
file writes each value's Chinese name, as printed, and code speaks of the English key.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from jmctl.catalogue import Text
from jmctl.domain import read_data
from jmctl.loading import TreePath
from jmctl.model import UnitRef

DEFAULT_STATUS = "open"


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary: its key, its Chinese and English names."""

    key: str
    zh: str
    en: str
    finished: bool = False

    @property
    def text(self) -> Text:
        return Text(self.zh, self.en)


@cache
def _registry() -> dict[str, dict[str, Term]]:
    raw = read_data("sessions.yaml")
    assert isinstance(raw, dict)
    return {
        group: {key: Term(key, **names) for key, names in entries.items()}
        for group, entries in raw.items()
    }


def kinds() -> dict[str, Term]:
    """Return the session kinds (plenary …) by key, in the registry's order."""
    return _registry()["kinds"]


def statuses() -> dict[str, Term]:
    """Return the decision statuses (open …) by key, in the registry's order."""
    return _registry()["statuses"]


def _by_name(terms: dict[str, Term], name: str) -> Term:
    return next(term for term in terms.values() if term.zh == name)


@dataclass(frozen=True)
class Substitute:
    name: str
    post: str
    unit: UnitRef | None


@dataclass(frozen=True)
class Attendee:
    """A roster person expected at the session: present, absent (请假) or substituted."""

    person: str
    absent: bool
    substitute: Substitute | None
    path: TreePath

    @property
    def attendance(self) -> str:
        if self.substitute is not None:
            return "substituted"
        return "absent" if self.absent else "present"


@dataclass(frozen=True)
class Invitee:
    unit: UnitRef
    name: str | None
    post: str | None


@dataclass(frozen=True)
class AgendaItem:
    text: str
    unit: UnitRef | None


@dataclass(frozen=True)
class Decision:
    """A 议定事项: `lead` and `others` together are the units that carry it out."""

    text: str
    lead: UnitRef
    others: tuple[UnitRef, ...]
    deadline: date | None
    status: Term
    progress: str | None
    path: TreePath

    @property
    def units(self) -> tuple[UnitRef, ...]:
        return (self.lead, *self.others)


@dataclass(frozen=True)
class Contact:
    """Whom a member unit calls about the notice: a name and a telephone as printed."""

    name: str | None
    phone: str | None


@dataclass(frozen=True)
class NoticeFacts:
    """What the office decided about a session's 会议通知 (each optional: without it the
    notice counts its dates back from the session, data/session_documents.yaml)."""

    # datetime.date in full: inside these classes `date` is the field, not the type
    date: datetime.date | None  # 成文日期
    reply_by: datetime.date | None  # 回执截止日期
    contact: Contact | None
    doc_number: str | None


@dataclass(frozen=True)
class MinutesFacts:
    """What the office decided about a session's 纪要: its 期数 (numbered per 纪要 series,
    not per kind of session), the date under it and the 版记's 分送 and 印发 line."""

    issue: int | None
    date: datetime.date | None
    distribution: str | None
    printed_by: str | None
    print_date: datetime.date | None


NO_NOTICE = NoticeFacts(None, None, None, None)
NO_MINUTES = MinutesFacts(None, None, None, None, None)


@dataclass(frozen=True)
class Session:
    kind: Term
    number: int
    date: date
    start: str | None
    end: str | None
    place: str | None
    chair: str | None
    attendees: tuple[Attendee, ...]
    invited: tuple[Invitee, ...]
    agenda: tuple[AgendaItem, ...]
    decisions: tuple[Decision, ...]
    path: TreePath
    notice: NoticeFacts = NO_NOTICE
    minutes: MinutesFacts = NO_MINUTES

    @property
    def title(self) -> str:
        """Return how the session is named in print: 第2次全体会议."""
        return f"第{self.number}次{self.kind.zh}"


def build_sessions(entries: list[dict[str, Any]]) -> list[Session]:
    """Return the sessions of schema-valid `entries` (the data file's `sessions`)."""
    return [_session(entry, ("sessions", i)) for i, entry in enumerate(entries)]


def _session(data: dict[str, Any], path: TreePath) -> Session:
    return Session(
        kind=_by_name(kinds(), data["kind"]),
        number=data["number"],
        date=date.fromisoformat(data["date"]),
        start=data.get("start"),
        end=data.get("end"),
        place=data.get("place"),
        chair=data.get("chair"),
        attendees=tuple(
            _attendee(entry, (*path, "attendees", i))
            for i, entry in enumerate(data.get("attendees", []))
        ),
        invited=tuple(
            Invitee(
                UnitRef(entry["unit"], (*path, "invited", i, "unit")),
                entry.get("name"),
                entry.get("post"),
            )
            for i, entry in enumerate(data.get("invited", []))
        ),
        agenda=tuple(
            AgendaItem(item["text"], _ref(item, "unit", (*path, "agenda", i)))
            for i, item in enumerate(data.get("agenda", []))
        ),
        decisions=tuple(
            _decision(entry, (*path, "decisions", i))
            for i, entry in enumerate(data.get("decisions", []))
        ),
        path=path,
        notice=_notice(data.get("notice")),
        minutes=_minutes(data.get("minutes")),
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _notice(data: dict[str, Any] | None) -> NoticeFacts:
    if not data:
        return NO_NOTICE
    contact = data.get("contact")
    return NoticeFacts(
        date=_day(data.get("date")),
        reply_by=_day(data.get("reply_by")),
        contact=Contact(contact.get("name"), contact.get("phone")) if contact else None,
        doc_number=data.get("doc_number"),
    )


def _minutes(data: dict[str, Any] | None) -> MinutesFacts:
    if not data:
        return NO_MINUTES
    return MinutesFacts(
        issue=data.get("issue"),
        date=_day(data.get("date")),
        distribution=data.get("distribution"),
        printed_by=data.get("printed_by"),
        print_date=_day(data.get("print_date")),
    )


def _ref(data: dict[str, Any], key: str, path: TreePath) -> UnitRef | None:
    return UnitRef(data[key], (*path, key)) if key in data else None


def _attendee(data: dict[str, Any], path: TreePath) -> Attendee:
    raw = data.get("substitute")
    substitute = None
    if raw is not None:
        unit = _ref(raw, "unit", (*path, "substitute"))
        substitute = Substitute(raw["name"], raw["post"], unit)
    return Attendee(data["person"], bool(data.get("absent")), substitute, path)


def _decision(data: dict[str, Any], path: TreePath) -> Decision:
    deadline = data.get("deadline")
    status = data.get("status")
    return Decision(
        text=data["text"],
        lead=UnitRef(data["lead"], (*path, "lead")),
        others=tuple(
            UnitRef(text, (*path, "others", i)) for i, text in enumerate(data.get("others", []))
        ),
        deadline=date.fromisoformat(deadline) if deadline else None,
        status=_by_name(statuses(), status) if status else statuses()[DEFAULT_STATUS],
        progress=data.get("progress"),
        path=path,
    )
