"""What the recognisers found in a document, typed, before it becomes a data file.

Each value keeps the line it came from. The contract module turns a `Reading` into
the data file; nothing else reads the recognisers' working state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jmctl.importing.blocks import Injected
from jmctl.importing.text import ScriptChange
from jmctl.loading import TreePath


@dataclass
class PersonFound:
    """A roster entry: its role key, the name (None when only the post is printed), the
    post as printed (unit and post together), and a label the body's own labels lack."""

    role: str
    name: str | None
    post: str
    line: int
    label: str | None = None
    cut: bool = False  # the copy ends inside its post: what is printed is its unit, cut


@dataclass
class StaffFound:
    """Someone of the office beyond its director: 常务副主任, 副主任 (named, or a unit)."""

    label: str
    name: str | None
    post: str
    line: int


@dataclass
class MembersFound:
    """A list of member units as one sentence (or label) gives it, and the count it states."""

    units: list[str]
    line: int
    claimed: int | None = None


@dataclass
class DutyFound:
    unit: str
    items: list[str]
    line: int


@dataclass
class OfficeFound:
    host: str | None = None
    director: str | None = None
    director_post: str | None = None
    staff: list[StaffFound] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Reading:
    """Everything recognised in one document."""

    notice: dict[str, Any] = field(default_factory=dict)
    meeting: dict[str, Any] = field(default_factory=dict)
    people: list[PersonFound] = field(default_factory=list)
    # convenors named by post in prose (由分管副市长担任总召集人): the seats a printed
    # roster fills with names, so they count only for a role the roster leaves empty
    prose_people: list[PersonFound] = field(default_factory=list)
    members: list[MembersFound] = field(default_factory=list)
    office: OfficeFound = field(default_factory=OfficeFound)
    liaisons: str | None = None
    duties: list[DutyFound] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    task_lines: list[int] = field(default_factory=list)
    origins: dict[TreePath, int] = field(default_factory=dict)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # texts naming the jurisdiction
    role_bodies: list[str] = field(default_factory=list)  # whose labels the roster used (组长)
    standalone: str | None = None  # "roster", "duties", "tasks": a document of one part
    lead_in: bool = False  # the text says 现将有关事项通知如下：: it is the notice's own
    last_line: int = 0  # the number of the document's last line (a copy may end mid-word)
    sessions: list[dict[str, Any]] = field(default_factory=list)  # read from a 纪要
    # findings a recogniser raises: (line, code, arguments)
    notes: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
    script_changes: list[ScriptChange] = field(default_factory=list)
    injected: list[Injected] = field(default_factory=list)

    def note(self, path: TreePath, line: int) -> None:
        self.origins.setdefault(path, line)

    table_rows: dict[int, int] = field(default_factory=dict)  # unplaced row → its table

    def keep(self, line: int, text: str, table: int = 0) -> None:
        self.unplaced.append((line, text))
        if table:
            self.table_rows[line] = table


@dataclass
class Imported:
    """A data file built from a document, with the line each value came from."""

    data: dict[str, Any]
    origins: dict[TreePath, int] = field(default_factory=dict)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    script_changes: list[ScriptChange] = field(default_factory=list)
    injected: list[Injected] = field(default_factory=list)
    standalone: str | None = None
    table_rows: dict[int, int] = field(default_factory=dict)
    notes: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
