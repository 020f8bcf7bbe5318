"""The typed model of one joint meeting, built from schema-valid data.

Every element keeps the tree path it came from, so that rules and other
readers can point back at the file.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jmctl.domain import LEAD_ROLE_KEYS, ROLE_KEYS
from jmctl.loading import TreePath

if TYPE_CHECKING:
    from jmctl.sessions import Session

ROLES = ROLE_KEYS  # the roster's roles, from data/roles.yaml
CONVENOR_ROLES = LEAD_ROLE_KEYS
# The meeting's keys in the contract's order.
MEETING_FIELDS = (
    "name",
    "short_name",
    "body",
    "preamble",
    "basis",
    "functions",
    "organisation",
    "rules",
    "requirements",
    "sections",
)
# The notice's keys in the contract's order (what differs, and what an import writes).
NOTICE_FIELDS = (
    "kind",
    "title",
    "issuer",
    "doc_number",
    "date",
    "recipients",
    "layout",
    "body",
    "disclosure",
    "cc",
    "printed_by",
    "print_date",
    "copies",
    "electronic_copies",
)
# The keys of `publish` (the Publish dataclass below), compared field by field by diff.
PUBLISH_FIELDS = ("roster", "contact")

_PADDING = re.compile(r"[\s\u3000]+")


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Return `text` without the spaces used to pad names (张 蓓 → 张蓓).

    Cached: unit and person names are compared thousands of times per file.
    """
    return _PADDING.sub("", text)


@dataclass(frozen=True)
class Unit:
    name: str
    short: tuple[str, ...]
    collective: bool
    path: TreePath
    short_paths: tuple[TreePath, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.short)

    def named_at(self) -> Iterator[tuple[str, TreePath]]:
        """Yield each name of the unit (full, then short) with where it was written."""
        yield self.name, (*self.path, "name")
        yield from zip(self.short, self.short_paths, strict=True)


@dataclass(frozen=True)
class UnitRef:
    """A unit as a document writes it (full or short name), where it was written."""

    text: str
    path: TreePath


@dataclass(frozen=True)
class Person:
    """A roster entry; `unit.text` is empty for a roster that prints names alone, and
    `label` is a rank the body's own labels lack (第一副组长)."""

    role: str
    unit: UnitRef
    name: str | None
    post: str | None
    title: str | None
    path: TreePath
    label: str | None = None

    @property
    def printed_post(self) -> str:
        """Return the post as printed: `title`, or the unit as written followed by the post."""
        return self.title or f"{self.unit.text}{self.post or ''}"


@dataclass(frozen=True)
class Basis:
    title: str
    number: str | None
    path: TreePath


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Jurisdiction:
    name: str
    level: str
    government: str
    prefix: str | None


@dataclass(frozen=True)
class Meeting:
    name: str
    short_name: str | None
    body: str
    preamble: tuple[str, ...]
    basis: tuple[Basis, ...]
    functions: tuple[str, ...]
    organisation: tuple[str, ...]
    rules: tuple[str, ...]
    requirements: tuple[str, ...]
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Staff:
    """Someone of the office beyond its director (常务副主任, 副主任), named or by unit."""

    label: str
    name: str | None
    unit: UnitRef | None
    post: str | None
    title: str | None


@dataclass(frozen=True)
class Office:
    host: UnitRef | None  # None: an office the text sets up in no member unit
    director: str | None
    director_post: str | None
    functions: tuple[str, ...]
    path: TreePath
    staff: tuple[Staff, ...] = ()


@dataclass(frozen=True)
class Duty:
    unit: UnitRef
    items: tuple[str, ...]
    path: TreePath


@dataclass(frozen=True)
class Task:
    task: str
    measures: str | None
    units: tuple[UnitRef, ...]
    deadline: str | None
    path: TreePath

    @property
    def lead(self) -> UnitRef:
        return self.units[0]


@dataclass(frozen=True)
class Notice:
    kind: str
    title: str | None
    issuer: str | None  # None only in data imported from a copy that does not print it
    doc_number: str | None
    # datetime.date in full: inside this class `date` is this field, not the type
    date: datetime.date | None  # likewise
    recipients: tuple[str, ...]
    layout: str
    body: tuple[str, ...]
    disclosure: str | None
    cc: tuple[str, ...]
    printed_by: str | None
    print_date: datetime.date | None
    copies: int | None
    electronic_copies: int | None


@dataclass(frozen=True)
class Publish:
    """What the public web page (render web) shows beyond the units and the posts."""

    roster: bool = False  # the names in the roster
    contact: str | None = None  # the office's contact (telephone, address)


@dataclass
class JointMeeting:
    """One joint meeting of one jurisdiction in one edition."""

    jurisdiction: Jurisdiction
    meeting: Meeting
    units: list[Unit]
    members: list[UnitRef]
    roster: dict[str, list[Person]] | None
    office: Office | None
    liaisons: str | None
    duties: list[Duty]
    tasks: list[Task]
    notice: Notice | None
    sessions: list[Session] = field(default_factory=list)
    publish: Publish = field(default_factory=Publish)
    index: UnitIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = UnitIndex(self.units)

    def has_named_roster(self) -> bool:
        """Return whether the roster names people (not only convenors' posts)."""
        return any(person.name for person in self.people())

    def people(self) -> list[Person]:
        """Return every roster entry, convenors first, in printed order."""
        if self.roster is None:
            return []
        return [person for role in ROLES for person in self.roster.get(role, [])]


class UnitIndex:
    """Finds declared units by full or short name, padding ignored."""

    def __init__(self, units: list[Unit]) -> None:
        self._by_name: dict[str, list[Unit]] = {}
        held: set[tuple[str, str]] = set()  # (name, unit): a set, not a scan of the list
        for unit in units:
            for name in dict.fromkeys(plain(n) for n in unit.names):
                found = self._by_name.setdefault(name, [])
                # A unit declared twice under one name is one unit (JM203 reports the
                # repeat); only different units sharing a name make a reference ambiguous.
                if (name, unit.name) not in held:
                    held.add((name, unit.name))
                    found.append(unit)

    def find(self, text: str) -> list[Unit]:
        """Return every unit that `text` names (one when the data is sound)."""
        return self._by_name.get(plain(text), [])

    def resolve(self, text: str) -> Unit | None:
        """Return the one unit `text` names, or None when it names none or several."""
        found = self.find(text)
        return found[0] if len(found) == 1 else None

    def names(self) -> list[str]:
        return list(self._by_name)


# --- building the model from data ----------------------------------------------------------


def build(data: dict[str, Any]) -> JointMeeting:
    """Return the model of schema-valid `data`."""
    # Imported here: the sessions' model is built on this module's UnitRef.
    from jmctl.sessions import build_sessions

    notice = data.get("notice")
    return JointMeeting(
        jurisdiction=Jurisdiction(
            **_pick(data["jurisdiction"], "name", "level", "government", "prefix")
        ),
        meeting=_meeting(data["meeting"]),
        units=[_unit(unit, ("units", i)) for i, unit in enumerate(data["units"])],
        members=_refs(data["members"], ("members",)),
        roster=_roster(data["roster"]) if "roster" in data else None,
        office=_office(data["office"]) if "office" in data else None,
        liaisons=data.get("liaisons"),
        duties=[_duty(duty, ("duties", i)) for i, duty in enumerate(data.get("duties", []))],
        tasks=[_task(task, ("tasks", i)) for i, task in enumerate(data.get("tasks", []))],
        notice=_notice(notice) if notice is not None else None,
        sessions=build_sessions(data.get("sessions", [])),
        publish=Publish(**data.get("publish", {})),
    )


def _pick(mapping: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: mapping.get(key) for key in keys}


def _texts(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _refs(values: list[str], path: TreePath) -> list[UnitRef]:
    return [UnitRef(text, (*path, i)) for i, text in enumerate(values)]


def _meeting(data: dict[str, Any]) -> Meeting:
    basis = tuple(
        Basis(item["title"], item.get("number"), ("meeting", "basis", i))
        for i, item in enumerate(data.get("basis", []))
    )
    sections = tuple(
        Section(item["heading"], tuple(item["paragraphs"])) for item in data.get("sections", [])
    )
    return Meeting(
        name=data["name"],
        short_name=data.get("short_name"),
        body=data.get("body", "joint_meeting"),
        preamble=_texts(data.get("preamble")),
        basis=basis,
        functions=_texts(data.get("functions")),
        organisation=_texts(data.get("organisation")),
        rules=_texts(data.get("rules")),
        requirements=_texts(data.get("requirements")),
        sections=sections,
    )


def _unit(data: dict[str, Any], path: TreePath) -> Unit:
    short = data.get("short")
    if isinstance(short, str):
        short_paths: tuple[TreePath, ...] = ((*path, "short"),)
    else:
        short_paths = tuple((*path, "short", i) for i in range(len(short or ())))
    return Unit(data["name"], _texts(short), bool(data.get("collective")), path, short_paths)


def _roster(data: dict[str, Any]) -> dict[str, list[Person]]:
    roster: dict[str, list[Person]] = {}
    for role in ROLES:
        entries = data.get(role, [])
        roster[role] = [
            Person(
                role,
                UnitRef(entry.get("unit", ""), ("roster", role, i, "unit")),
                entry.get("name"),
                entry.get("post"),
                entry.get("title"),
                ("roster", role, i),
                entry.get("label"),
            )
            for i, entry in enumerate(entries)
        ]
    return roster


def _office(data: dict[str, Any]) -> Office:
    staff = tuple(
        Staff(
            entry["label"],
            entry.get("name"),
            UnitRef(entry["unit"], ("office", "staff", i, "unit")) if "unit" in entry else None,
            entry.get("post"),
            entry.get("title"),
        )
        for i, entry in enumerate(data.get("staff", []))
    )
    return Office(
        UnitRef(data["host"], ("office", "host")) if "host" in data else None,
        data.get("director"),
        data.get("director_post"),
        _texts(data.get("functions")),
        ("office",),
        staff,
    )


def _duty(data: dict[str, Any], path: TreePath) -> Duty:
    return Duty(UnitRef(data["unit"], (*path, "unit")), tuple(data["items"]), path)


def _task(data: dict[str, Any], path: TreePath) -> Task:
    units = tuple(_refs(data["units"], (*path, "units")))
    return Task(data["task"], data.get("measures"), units, data.get("deadline"), path)


def _notice(data: dict[str, Any]) -> Notice:
    print_date = data.get("print_date")
    return Notice(
        kind=data["kind"],
        title=data.get("title"),
        issuer=data.get("issuer"),
        doc_number=data.get("doc_number"),
        date=datetime.date.fromisoformat(data["date"]) if data.get("date") else None,
        recipients=_texts(data.get("recipients")),
        layout=data.get("layout", "inline"),
        body=_texts(data.get("body")),
        disclosure=data.get("disclosure"),
        cc=_texts(data.get("cc")),
        printed_by=data.get("printed_by"),
        print_date=datetime.date.fromisoformat(print_date) if print_date else None,
        copies=data.get("copies"),
        electronic_copies=data.get("electronic_copies"),
    )
