"""What the wording templates see of one session: printable values only.

A 纪要 names people by unit, post and name (出席：县民政局局长李娜); the roster has
the unit and post, the session only the name, so the view joins them here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from jmctl.model import JointMeeting, Person, plain
from jmctl.render.numbering import chinese_date
from jmctl.render.session_view import AgendaView, agenda_views
from jmctl.sessions import Decision, Session


@dataclass(frozen=True)
class PersonLine:
    """Someone in the 出席/请假/列席 lists: unit, post and name as printed, and for a
    substitute the name of the one replaced (孙丽（代陈刚）)."""

    unit: str
    post: str
    name: str
    replaces: str | None = None


@dataclass(frozen=True)
class DecisionLine:
    text: str
    lead: str
    others: tuple[str, ...]
    deadline: str | None  # 2023年3月31日


@dataclass(frozen=True)
class SessionView:
    """Read-only values of one session for the templates (`s`)."""

    model: JointMeeting
    session: Session

    @property
    def title(self) -> str:
        return self.session.title

    @property
    def kind(self) -> str:
        return self.session.kind.zh

    @property
    def number(self) -> int:
        return self.session.number

    @property
    def year(self) -> int:
        return self.session.date.year

    @property
    def date(self) -> str:
        return chinese_date(self.session.date)

    @property
    def issue(self) -> int:
        """The 期数: `minutes.issue`, else the session's number (as before the data had it)."""
        issue = self.session.minutes.issue
        return self.session.number if issue is None else issue

    @property
    def issued_on(self) -> str:
        """The date under the 期数: `minutes.date`, else the session's."""
        return chinese_date(self.session.minutes.date or self.session.date)

    @property
    def print_date(self) -> str:
        """The 版记's 印发 date: `minutes.print_date`, else the date under the 期数."""
        minutes = self.session.minutes
        return chinese_date(minutes.print_date or minutes.date or self.session.date)

    @property
    def distribution(self) -> str | None:
        return self.session.minutes.distribution

    @property
    def printed_by(self) -> str | None:
        return self.session.minutes.printed_by

    @property
    def hour(self) -> int | None:
        """The hour it began (9 for "09:30"), for 上午/下午; None when not recorded."""
        start = self.session.start
        return int(start.split(":")[0]) if start else None

    @property
    def place(self) -> str | None:
        return self.session.place

    @property
    def chair(self) -> PersonLine | None:
        name = self.session.chair
        return None if name is None else self._line(name)

    @property
    def chair_role(self) -> str | None:
        """The chair's role in the roster (总召集人), as the templates name it by key."""
        person = self._person(self.session.chair or "")
        return person.role if person is not None else None

    @property
    def agenda(self) -> tuple[AgendaView, ...]:
        return agenda_views(self.session)

    @property
    def decisions(self) -> list[DecisionLine]:
        return [_decision(decision) for decision in self.session.decisions]

    @property
    def present(self) -> list[PersonLine]:
        """The chair, then who attended, a substitute in the place of the one replaced."""
        lines = [self.chair] if self.chair is not None else []
        for attendee in self.session.attendees:
            if plain(attendee.person) == plain(self.session.chair or ""):
                continue
            substitute = attendee.substitute
            if substitute is not None:
                replaced = self._line(attendee.person)
                unit = substitute.unit.text if substitute.unit else replaced.unit
                who = replaced.name or f"{replaced.unit}{replaced.post}"  # or by post
                lines.append(PersonLine(unit, substitute.post, substitute.name, who))
            elif not attendee.absent:
                lines.append(self._line(attendee.person))
        return lines

    @property
    def absent(self) -> list[PersonLine]:
        """Who was on leave (请假) and sent no one in their place."""
        return [
            self._line(attendee.person)
            for attendee in self.session.attendees
            if attendee.absent and attendee.substitute is None
        ]

    @property
    def invited(self) -> list[PersonLine]:
        return [
            PersonLine(invitee.unit.text, invitee.post or "", invitee.name or "")
            for invitee in self.session.invited
        ]

    @cached_property
    def _roster(self) -> dict[str, Person]:
        """The roster by name, and (a roster of posts) by the post as printed, as the
        contract lets `chair` and `person` name someone: looked up once per person."""
        people = self.model.people()
        by_text = {person.printed_post: person for person in reversed(people)}
        by_text |= {plain(p.name): p for p in reversed(people) if p.name}  # names first
        return by_text

    def _person(self, name: str) -> Person | None:
        return self._roster.get(plain(name))

    def _line(self, name: str) -> PersonLine:
        """A roster person as printed; a name the roster lacks (a post, 镇长) alone."""
        person = self._person(name)
        if person is None:
            return PersonLine("", "", name)
        if person.name is None:  # a roster of posts: the post is how it names the person
            return PersonLine("", person.printed_post, "")
        if person.title:  # a post printed whole (分管民政工作的副县长)
            return PersonLine("", person.title, person.name)
        return PersonLine(person.unit.text, person.post or "", person.name)


def _decision(decision: Decision) -> DecisionLine:
    deadline = chinese_date(decision.deadline) if decision.deadline else None
    others = tuple(ref.text for ref in decision.others)
    return DecisionLine(decision.text, decision.lead.text, others, deadline)
