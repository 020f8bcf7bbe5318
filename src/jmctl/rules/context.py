"""What every rule is given: the located document and its model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from jmctl.domain import Rename
from jmctl.findings import Finding
from jmctl.loading import Document, TreePath, strings_in
from jmctl.model import JointMeeting, UnitRef
from jmctl.sessions import Session


@dataclass
class Context:
    document: Document
    model: JointMeeting
    renames: tuple[Rename, ...]

    def at(self, code: str, path: TreePath, **args: object) -> Finding:
        """Return a finding located at the value at `path`."""
        return Finding(self.document.path, self.document.locate(path), code, args)

    def at_char(self, code: str, path: TreePath, index: int, **args: object) -> Finding:
        """Return a finding located at character `index` of the string at `path`."""
        return Finding(self.document.path, self.document.locate_char(path, index), code, args)

    def line(self, path: TreePath) -> int:
        return self.document.locate(path).line

    def unit_refs(self) -> Iterator[UnitRef]:
        """Yield every place the data names a unit, in file order of the sections."""
        model = self.model
        yield from model.members
        yield from (person.unit for person in model.people() if person.unit.text)
        if model.office is not None:
            if model.office.host is not None:
                yield model.office.host
            yield from (staff.unit for staff in model.office.staff if staff.unit is not None)
        yield from (duty.unit for duty in model.duties)
        yield from (ref for task in model.tasks for ref in task.units)
        yield from (ref for session in model.sessions for ref in session_unit_refs(session))

    @cached_property
    def strings(self) -> list[tuple[TreePath, str]]:
        """Every text value of the file with its path (gathered once, several rules read it)."""
        return list(strings_in(self.document.data, ()))


def session_unit_refs(session: Session) -> Iterator[UnitRef]:
    """Yield every unit a session names: substitutes', invited, reporting, lead and others."""
    for attendee in session.attendees:
        if attendee.substitute is not None and attendee.substitute.unit is not None:
            yield attendee.substitute.unit
    yield from (invitee.unit for invitee in session.invited)
    yield from (item.unit for item in session.agenda if item.unit is not None)
    yield from (ref for decision in session.decisions for ref in decision.units)
