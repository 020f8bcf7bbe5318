"""Who sits at a session, in the order its documents print them.

The sign-in sheet, the name cards and the notice all list the same people: the chair
first, then the roster persons expected (in roster order, convenors before members),
then the invited (列席). A substitute (代为出席) is printed as the person who comes; a
person on leave (请假) stays in the list so that the sheet shows it. A session that lists
no attendees expects the whole roster.
"""

from __future__ import annotations

from dataclasses import dataclass

from jmctl.model import JointMeeting, Person
from jmctl.sessions import Session

CHAIR, MEMBER, SUBSTITUTE, ABSENT, INVITED = "chair", "member", "substitute", "absent", "invited"


@dataclass(frozen=True)
class Seat:
    """One line of the sign-in sheet, one name card: who comes, of which unit, as what."""

    unit: str
    name: str  # as written in the data, unpadded; empty for a unit invited without a name
    post: str
    standing: str  # CHAIR, MEMBER, SUBSTITUTE, ABSENT or INVITED
    replaces: str | None = None  # the roster person a substitute stands in for
    person: Person | None = None  # the roster entry of this seat (the replaced, for a substitute)

    @property
    def comes(self) -> bool:
        """Whether someone takes this seat (a person on leave does not)."""
        return self.standing != ABSENT

    @property
    def printed_post(self) -> str:
        """The unit and post as one phrase: 县民政局局长."""
        return f"{self.unit}{self.post}"


def seats(model: JointMeeting, session: Session) -> list[Seat]:
    """Return the session's seats: chair, roster persons in roster order, the invited."""
    people = model.people()
    order = {person.name or person.printed_post: index for index, person in enumerate(people)}
    by_key = {key: people[index] for key, index in order.items()}
    result: list[Seat] = []
    chair = by_key.get(session.chair or "")
    if chair is not None:
        result.append(_seat(chair, CHAIR))
    if not session.attendees:  # not recorded (yet): the whole roster is expected
        result += [_seat(person, MEMBER) for person in people if person is not chair]
    attendees = sorted(session.attendees, key=lambda item: order.get(item.person, len(order)))
    for attendee in attendees:
        person = by_key.get(attendee.person)
        if person is None or person is chair:
            continue  # a name not in the roster is JM232's error: rendering never gets here
        if attendee.substitute is not None:
            stand_in = attendee.substitute
            unit = stand_in.unit.text if stand_in.unit is not None else person.unit.text
            called = person.name or person.printed_post  # a roster of posts only: 县长
            result.append(Seat(unit, stand_in.name, stand_in.post, SUBSTITUTE, called, person))
        else:
            result.append(_seat(person, ABSENT if attendee.absent else MEMBER))
    for invitee in session.invited:
        result.append(Seat(invitee.unit.text, invitee.name or "", invitee.post or "", INVITED))
    return result


def _seat(person: Person, standing: str) -> Seat:
    if person.title and not person.post:  # a printed title stands for unit and post
        return Seat("", person.name or "", person.title, standing, None, person)
    return Seat(person.unit.text, person.name or "", person.post or "", standing, None, person)
