"""What the wording templates see of one session (`s` in the session_* macros of
templates/phrases.j2): its name, time, place, people and agenda as printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from jmctl.domain import read_data
from jmctl.model import JointMeeting
from jmctl.render.numbering import chinese_date
from jmctl.render.session_people import CHAIR, INVITED, Seat, seats
from jmctl.sessions import Session

SETTINGS = "session_documents.yaml"


@cache
def settings() -> dict[str, Any]:
    """Return data/session_documents.yaml: the numbers and words an office may set."""
    raw = read_data(SETTINGS)
    assert isinstance(raw, dict)
    return raw


@dataclass(frozen=True)
class AgendaView:
    text: str
    unit: str | None


def agenda_views(session: Session) -> tuple[AgendaView, ...]:
    """Return the session's agenda as printed: each item and its reporting unit."""
    return tuple(
        AgendaView(item.text, item.unit.text if item.unit else None) for item in session.agenda
    )


@dataclass(frozen=True)
class SessionView:
    """Read-only values of a session for templates, which run sandboxed."""

    title: str  # 第1次全体会议
    kind: str  # 全体会议
    date: str  # 2023年3月16日（星期四）
    time: str  # 上午9:30—11:30, or empty
    place: str
    chair: str  # 县政府副县长张伟, or empty
    people: tuple[str, ...]  # the roster persons expected, as 县民政局局长李娜
    invited: tuple[str, ...]  # 县审计局副局长周平, or the unit alone
    agenda: tuple[AgendaView, ...]
    issuer: str  # who sends the notice: the meeting's office, else the notice's issuer
    office_host: str  # where the replies go
    contact: str  # the notice's contact, else the office's person to call, or empty
    phone: str  # the contact's telephone as the data writes it, or empty
    reply_date: str  # 2023年3月14日
    doc_number: str  # the notice's 文号 when the office numbers its notices, or empty


def session_view(model: JointMeeting, session: Session) -> SessionView:
    listed = seats(model, session)
    chair = next((seat for seat in listed if seat.standing == CHAIR), None)
    # Without attendees the notice calls the members as a body (各成员单位负责同志).
    expected = [_printed(s) for s in listed if s.standing != INVITED] if session.attendees else []
    office = model.office
    return SessionView(
        title=session.title,
        kind=session.kind.zh,
        date=weekday_date(session.date),
        time=time_span(session.start, session.end),
        place=session.place or "",
        chair=_printed(chair) if chair is not None else "",
        people=tuple(expected),
        invited=tuple(_printed(seat) for seat in listed if seat.standing == INVITED),
        agenda=agenda_views(session),
        issuer=issuer(model),
        office_host=office.host.text if office is not None and office.host is not None else "",
        contact=_contact(model, session),
        phone=_phone(session),
        reply_date=chinese_date(reply_date(session)),
        doc_number=session.notice.doc_number or "",
    )


def _printed(seat: Seat) -> str:
    # The notice goes out before the meeting: it names the roster person, not a substitute.
    person = seat.person
    if person is not None:
        return f"{person.printed_post}{person.name or ''}"
    return f"{seat.printed_post}{seat.name}"


def issuer(model: JointMeeting) -> str:
    """Return who sends a session's notice: the meeting's office, else the notice's issuer."""
    if model.office is not None:
        return f"{model.meeting.name}办公室"
    notice = model.notice
    return notice.issuer if notice is not None and notice.issuer else model.meeting.name


def _contact(model: JointMeeting, session: Session) -> str:
    written = session.notice.contact
    if written is not None and written.name:
        return written.name
    office = model.office
    if office is None:
        return ""
    # The director heads a unit: the one to call is the office's staff, when named.
    named = [staff.name for staff in office.staff if staff.name]
    return named[-1] if named else ""


def _phone(session: Session) -> str:
    written = session.notice.contact
    return (written.phone or "") if written is not None else ""


def notice_date(session: Session) -> date:
    """Return the date the notice is signed: the session's `notice.date`, else
    data/session_documents.yaml's days before the session."""
    if session.notice.date is not None:
        return session.notice.date
    return _days_before(session.date, int(settings()["notice"]["days_before"]))


def reply_date(session: Session) -> date:
    """Return the reply deadline: `notice.reply_by`, else counted back from the session."""
    if session.notice.reply_by is not None:
        return session.notice.reply_by
    return _days_before(session.date, int(settings()["notice"]["reply_days_before"]))


def _days_before(day: date, days: int) -> date:
    # A session dated in the first days of year 1 (valid ISO, absurd data) has no earlier
    # day to sign or reply by: the calendar's first day, never an overflow.
    return day - timedelta(days=days) if day - date.min >= timedelta(days=days) else date.min


def weekday_date(day: date) -> str:
    """Return 2023年3月16日（星期四）."""
    return f"{chinese_date(day)}（{settings()['weekdays'][day.weekday()]}）"


def time_span(start: str | None, end: str | None) -> str:
    """Return 上午9:30—11:30 (no leading zero; the half of the day from the start)."""
    if start is None:
        return ""
    half = settings()["morning"] if int(start.split(":")[0]) < 12 else settings()["afternoon"]
    if end is None or _clock(end) == _clock(start):  # a meeting that ends as it starts
        return f"{half}{_clock(start)}"
    return f"{half}{_clock(start)}—{_clock(end)}"


def _clock(text: str) -> str:
    hours, minutes = text.strip().split(":")  # HH:MM, or JM310 stopped the render
    return f"{int(hours)}:{minutes}"
