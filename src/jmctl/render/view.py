"""What the wording templates see: the meeting, with a few derived values."""

from __future__ import annotations

from dataclasses import dataclass

from jmctl.domain import body_name, role_labels
from jmctl.model import JointMeeting, Jurisdiction, Meeting, Notice, Office
from jmctl.render.numbering import chinese_date
from jmctl.render.page_format import PageFormat

DEFAULT_SHORT_NAME = "联席会议"


@dataclass(frozen=True)
class OfficeView:
    host: str | None  # None: the office sits in no named unit (下设办公室)
    director: str | None
    director_post: str | None


@dataclass(frozen=True)
class MeetingView:
    """Read-only values for templates; templates run sandboxed and see only these."""

    model: JointMeeting
    inline: bool
    page_format: PageFormat

    @property
    def letter(self) -> bool:
        """Whether this is the letter format (信函格式): what templates test (`m.letter`)."""
        return self.page_format is PageFormat.LETTER

    @property
    def meeting(self) -> Meeting:
        return self.model.meeting

    @property
    def jurisdiction(self) -> Jurisdiction:
        return self.model.jurisdiction

    @property
    def notice(self) -> Notice | None:
        return self.model.notice

    @property
    def short_name(self) -> str:
        return self.model.meeting.short_name or body_name(self.model.meeting.body)

    @property
    def member_names(self) -> list[str]:
        return [ref.text for ref in self.model.members]

    @property
    def member_count(self) -> int:
        return len(self.model.members)

    @property
    def office(self) -> OfficeView | None:
        office: Office | None = self.model.office
        if office is None:
            return None
        host = office.host.text if office.host is not None else None
        return OfficeView(host, office.director, office.director_post)

    @property
    def liaisons(self) -> str | None:
        return self.model.liaisons

    @property
    def print_date(self) -> str:
        notice = self.model.notice
        day = notice and (notice.print_date or notice.date)
        return chinese_date(day) if day else ""

    def label(self, role: str) -> str:
        """Return the printed label of `role` in this kind of body (组长 in a 领导小组)."""
        return role_labels(self.model.meeting.body)[role].zh

    def posts(self, role: str) -> list[str]:
        """Return the printed posts of everyone in `role` (县人民政府副县长 …)."""
        return [person.printed_post for person in (self.model.roster or {}).get(role, [])]
