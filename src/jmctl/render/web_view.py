"""What the public web page of a meeting shows (render web), as plain values.

The page publishes the member units, the convenors and members by their posts, the
office and the duties. Names of people appear only where the data says the roster is
public (`publish.roster`): a notice's roster is often not meant for the open web, and
the Fujian letter (闽政办函〔2020〕56号) asks only that the member units be published.
The wording and the markup are the template's (data/web/page.html.j2); this module
only chooses and orders what is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jmctl.domain import body_name, role_labels
from jmctl.model import CONVENOR_ROLES, JointMeeting, Person, UnitRef
from jmctl.render.numbering import chinese_date
from jmctl.render.page_format import page_format_of
from jmctl.render.phrases import Phrases
from jmctl.render.view import MeetingView


@dataclass(frozen=True)
class Seat:
    """One seat of the roster as published: its label, its post, the name if public."""

    label: str
    post: str
    name: str | None
    lead: bool = False  # a convenor's seat (总召集人, 召集人 …), not a member's


@dataclass(frozen=True)
class MemberUnit:
    """One member unit, with the posts (and names, if public) of its members."""

    unit: str
    seats: tuple[Seat, ...]


@dataclass(frozen=True)
class OfficeText:
    host: str | None  # None: the office sits in no named unit
    director: Seat | None  # its label is the template's wording (办公室主任)
    staff: tuple[Seat, ...]
    functions: tuple[str, ...]
    contact: str | None


@dataclass(frozen=True)
class UnitDuties:
    unit: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """A document the page rests on: the notice that set the meeting up, or a basis."""

    title: str
    number: str | None
    issuer: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class WebPage:
    """Everything the template prints, already chosen and ordered."""

    name: str
    body: str  # 联席会议, 领导小组 …
    public_roster: bool
    convenors: tuple[Seat, ...]
    members: tuple[MemberUnit, ...]
    office: OfficeText | None
    liaisons: str | None
    duties: tuple[UnitDuties, ...]
    notice: Source | None
    basis: tuple[Source, ...]


def web_page(model: JointMeeting, phrases: Phrases) -> WebPage:
    """Return what the public page of `model` shows."""
    public = model.publish.roster
    meeting = model.meeting
    return WebPage(
        name=meeting.name,
        body=body_name(meeting.body),
        public_roster=public,
        convenors=_shown(
            _seat(model, person, public)
            for role in CONVENOR_ROLES
            for person in (model.roster or {}).get(role, [])
        ),
        members=tuple(_member_units(model, public)),
        office=_office(model, public),
        liaisons=model.liaisons,
        duties=tuple(UnitDuties(_full_name(model, duty.unit), duty.items) for duty in model.duties),
        notice=_notice(model, phrases),
        basis=tuple(Source(item.title, item.number) for item in meeting.basis),
    )


def _seat(model: JointMeeting, person: Person, public: bool, *, in_unit: bool = False) -> Seat:
    """Return the published seat of `person`; `in_unit`: in the row of its unit, where
    the post is printed without the unit (副局长, not 县财政局副局长)."""
    labels = role_labels(model.meeting.body)
    post = (person.title or person.post or "") if in_unit else person.printed_post
    return Seat(
        person.label or labels[person.role].zh,
        post,
        person.name if public else None,
        person.role in CONVENOR_ROLES,
    )


def _full_name(model: JointMeeting, ref: UnitRef) -> str:
    """Return the unit's full name (the page is read out of context), else as written."""
    unit = model.index.resolve(ref.text)
    return unit.name if unit is not None else ref.text


def _member_units(model: JointMeeting, public: bool) -> list[MemberUnit]:
    """Return the member units in order, each with the roster's seats of that unit (a
    convenor's too: the unit's head is often a convenor, not a member). One pass over
    the roster: seats are grouped by their unit's full name."""
    seats: dict[str, list[Seat]] = {}
    for person in model.people():
        if person.unit.text:
            seats.setdefault(_full_name(model, person.unit), []).append(
                _seat(model, person, public, in_unit=True)
            )
    units = [_full_name(model, ref) for ref in model.members]
    return [MemberUnit(unit, _shown(seats.get(unit, ()))) for unit in dict.fromkeys(units)]


def _shown(seats: Iterable[Seat]) -> tuple[Seat, ...]:
    """Return the seats that have something to show: a roster of names alone, not
    public, leaves nothing of a seat but its label."""
    return tuple(seat for seat in seats if seat.post or seat.name)


def _office(model: JointMeeting, public: bool) -> OfficeText | None:
    office = model.office
    if office is None:
        return None
    people = []
    for staff in office.staff:
        unit = f"{staff.unit.text}{staff.post or ''}" if staff.unit is not None else ""
        post = staff.title or unit
        if post or (public and staff.name):
            people.append(Seat(staff.label, post, staff.name if public else None))
    return OfficeText(
        _full_name(model, office.host) if office.host is not None else None,
        _director(model, public),
        tuple(people),
        office.functions,
        model.publish.contact,
    )


def _director(model: JointMeeting, public: bool) -> Seat | None:
    """Return the office's director: by name only when public, else by the post the
    roster gives that person (or `director_post`)."""
    office = model.office
    assert office is not None
    if office.director is None:
        return Seat("", office.director_post, None) if office.director_post else None
    post = _post_of(model.people(), office.director) or office.director_post or ""
    if public:
        return Seat("", post, office.director)
    return Seat("", post, None) if post else None


def _post_of(people: Sequence[Person], name: str) -> str | None:
    for person in people:
        if person.name == name:
            return person.printed_post
    return None


def _notice(model: JointMeeting, phrases: Phrases) -> Source | None:
    notice = model.notice
    if notice is None:
        return None
    inline = notice.layout == "inline"
    title = notice.title or phrases("title", MeetingView(model, inline, page_format_of(notice)))
    return Source(
        title,
        notice.doc_number,
        notice.issuer,
        chinese_date(notice.date) if notice.date else None,
    )
