"""A `Reading` → the data file of the contract, with the line each value came from.

Unit spellings are merged by canonical form; member units come from the lists the
document states, else from its roster's 成员 rows, else from the units given duties or
tasks; convenors by post become roster entries with no name.
"""

from __future__ import annotations

from typing import Any

from jmctl.importing.convenor_posts import seat_unit
from jmctl.importing.cut_short import mark_cut_post
from jmctl.importing.jurisdiction import jurisdiction_of, names_below
from jmctl.importing.minutes import declare_units
from jmctl.importing.named_in_prose import add_named_in_prose, with_prose_seats
from jmctl.importing.naming import basis, kind_of, meeting_name, standalone_name
from jmctl.importing.notice import notice_of
from jmctl.importing.office_roster import office_from_roster, spelled_as_named
from jmctl.importing.people import starts_like_post
from jmctl.importing.result import Imported, PersonFound, Reading, StaffFound
from jmctl.importing.units import canonical, split_post
from jmctl.importing.words import body_names
from jmctl.model import MEETING_FIELDS, ROLES

UNNAMED = "（未识别的联席会议名称）"


def contract(reading: Reading) -> Imported:
    meeting = dict(reading.meeting)
    texts = _as_list(meeting.get("preamble")) + list(reading.notice.get("body", []))
    others = _organisation(meeting) + [text for _, text in reading.unplaced]
    name = standalone_name(meeting.get("name")) or meeting_name(
        reading.notice, texts + others + reading.places
    )
    meeting["name"] = name or UNNAMED
    duty_texts = [item for duty in reading.duties for item in duty.items]  # 向市指挥部报告
    kind = (name and kind_of(name)) or _most_named_body(texts + others + duty_texts)
    if not name and kind == "joint_meeting":  # a body named nowhere: its labels tell (组长)
        kind = _labels_body(reading.role_bodies) or kind
    given = tuple(duty.unit for duty in reading.duties)  # 省民政厅：the level, if nothing else
    places = [*reading.places, meeting["name"], *texts, *others]
    jurisdiction = jurisdiction_of(places, given, reading.notice.get("title", ""))
    _page_issuer(reading, jurisdiction)
    units = _Units(jurisdiction)
    data: dict[str, Any] = {"jmctl": 1, "jurisdiction": jurisdiction}
    cited = basis(_as_list(meeting.get("preamble")))
    if cited and "basis" not in meeting:
        meeting["basis"] = cited
    data["meeting"] = {key: meeting[key] for key in MEETING_FIELDS if meeting.get(key)}
    if kind != "joint_meeting":
        data["meeting"]["body"] = kind
    imported = Imported(data, dict(reading.origins), list(reading.unplaced))
    duties = [{"unit": units.mention(d.unit), "items": d.items} for d in reading.duties]
    add_named_in_prose(reading, name or "", kind)
    mark_cut_post(reading)
    roster = _roster(_people(reading), units, imported)
    office_from_roster(reading, units.known)
    listed = _listed(reading, units, imported)
    office = _office(reading, units)
    for task in reading.tasks:
        task["units"] = [units.mention(unit) for unit in task["units"]]
    members = listed or _roster_members(roster, jurisdiction["government"], imported)
    if not listed and office and "host" in office and members:
        members += _host_if_convenor(office["host"], roster, members)
    if listed and _elsewhere(listed, duties):
        members = []  # the only list is of another body's members: the duties tell whose
        for key in [key for key in imported.origins if key[0] == "members"]:
            del imported.origins[key]
    members = members or _duty_units(duties, reading)
    declare_units(reading.sessions, units.mention)
    data["units"] = units.declared()
    data["members"] = members
    _optional(data, roster=roster, office=office, liaisons=reading.liaisons, duties=duties)
    _optional(data, tasks=reading.tasks, sessions=reading.sessions)
    notice = notice_of(
        reading.notice, meeting["name"], jurisdiction, texts, others, reading.lead_in
    )
    _optional(data, notice=notice)
    if reading.unplaced:
        data["unplaced"] = [{"line": n, "text": t} for n, t in reading.unplaced]
    _note_lines(imported, reading)
    imported.script_changes = reading.script_changes
    imported.injected = reading.injected
    imported.standalone = reading.standalone
    imported.table_rows = reading.table_rows
    imported.notes = reading.notes
    return imported


def _page_issuer(reading: Reading, jurisdiction: dict[str, Any]) -> None:
    """An issuer naming a division under the jurisdiction is the header of the site that
    republished the notice, not who issued it: kept in `unplaced` instead."""
    issuer = reading.notice.get("issuer")
    if issuer and names_below(issuer, jurisdiction):
        del reading.notice["issuer"]
        reading.keep(reading.origins.pop(("notice", "issuer"), 0), issuer)


def _most_named_body(texts: list[str]) -> str:
    """The kind of body a text speaks of most (领导小组办公室设在…), when it never names it."""
    counts = {end: sum(text.count(end) for text in texts) for end in body_names()}
    best = max(counts, key=lambda end: counts[end])
    return body_names()[best] if counts[best] else "joint_meeting"


def _labels_body(bodies: list[str]) -> str | None:
    """The body whose own labels the roster used most (组长 → leading_group), if any."""
    own = [body for body in bodies if body != "joint_meeting"]
    return max(set(own), key=own.count) if own else None


def _optional(data: dict[str, Any], **values: Any) -> None:
    data.update({key: value for key, value in values.items() if value})


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _organisation(meeting: dict[str, Any]) -> list[str]:
    return _as_list(meeting.get("organisation")) + [
        text for section in meeting.get("sections", []) for text in section["paragraphs"]
    ]


class _Units:
    """Every unit the document names, spellings of one unit merged by canonical form."""

    def __init__(self, jurisdiction: dict[str, Any]) -> None:
        self.government = jurisdiction["government"]
        self.groups: dict[str, list[str]] = {canonical(self.government): [self.government]}
        self.known: set[str] = {self.government}  # every spelling, for split_post
        self.collective: str | None = None  # the first 各… unit named

    def mention(self, name: str) -> str:
        key = canonical(name)
        if is_government(key, self.government):
            key = canonical(self.government)
        spellings = self.groups.setdefault(key, [])
        if name not in spellings:
            spellings.append(name)
        self.known.add(name)
        if self.collective is None and name.startswith("各"):
            self.collective = name
        return name

    def names(self) -> list[str]:
        return [name for spellings in self.groups.values() for name in spellings]

    def declared(self) -> list[dict[str, Any]]:
        units = []
        for key, spellings in self.groups.items():
            full = key if key in spellings else spellings[0]
            entry: dict[str, Any] = {"name": full}
            shorts = [name for name in spellings if name != full]
            if shorts:
                entry["short"] = shorts
            if full.startswith("各"):
                entry["collective"] = True
            units.append(entry)
        return units


def is_government(key: str, government: str) -> bool:
    """Return whether a unit's canonical name is the jurisdiction's government."""
    if key.startswith("各") or not key.endswith(("人民政府", "政府")):
        return False
    short = key.replace("人民政府", "政府")
    return (
        key == canonical(government)
        or key in ("县人民政府", "市人民政府", "省人民政府")
        or (short in ("县政府", "市政府", "省政府", "区政府", "州政府", "镇政府"))
        or government.endswith(key[1:])
    )


def _entry(person: PersonFound | StaffFound, units: _Units, government: str) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if isinstance(person, StaffFound):
        entry["label"] = person.label
    if person.name:
        entry["name"] = person.name
    if not person.post:
        return entry
    unit, post = split_post(person.post, units.known)
    if isinstance(person, PersonFound) and person.cut:  # 市残 where the copy ends
        entry["unit"] = entry["title"] = units.mention(person.post)
    elif post and "的" not in unit:  # 协调民政工作的市政府副秘书长: a description, whole
        entry["unit"], entry["post"] = units.mention(unit), post
    elif starts_like_post(person.post) and person.post.endswith(("局", "委", "办", "部", "厅")):
        entry["unit"] = units.mention(person.post)  # a unit standing for its head
        entry["title"] = person.post
    else:  # 镇长: the government's; 八镇分管领导: a collective's heads
        seat = seat_unit(person.post, units.collective, government)
        entry["unit"], entry["title"] = units.mention(seat), person.post
    if isinstance(person, PersonFound) and person.label:
        entry["label"] = person.label
    return entry


def _people(reading: Reading) -> list[PersonFound]:
    """The printed roster, and the convenors prose names by post for roles it leaves empty."""
    return with_prose_seats(reading.people, reading.prose_people)


def _roster(people: list[PersonFound], units: _Units, imported: Imported) -> dict[str, list[Any]]:
    roster: dict[str, list[Any]] = {}
    government = imported.data["jurisdiction"]["government"]
    for person in people:
        entry = _entry(person, units, government)
        if entry:
            roster.setdefault(person.role, []).append(entry)
            index = len(roster[person.role]) - 1
            imported.origins[("roster", person.role, index)] = person.line
            for key in entry:
                imported.origins[("roster", person.role, index, key)] = person.line
    return {role: roster[role] for role in ROLES if role in roster}  # roles.yaml's order


def _office(reading: Reading, units: _Units) -> dict[str, Any] | None:
    found = reading.office
    if found.host is None and not (found.director or found.director_post):
        return None  # nothing the contract can hold: kept in the text, not invented
    office: dict[str, Any] = {}
    if found.host is not None:  # 下设办公室 with no unit named: the office has no host
        office["host"] = units.mention(spelled_as_named(found.host, units.names()))
    if found.director:
        office["director"] = found.director
    if found.director_post:
        office["director_post"] = found.director_post
    if found.staff:
        office["staff"] = [_entry(staff, units, units.government) for staff in found.staff]
    if found.functions:
        office["functions"] = found.functions
    return office


def _listed(reading: Reading, units: _Units, imported: Imported) -> list[str]:
    members: list[str] = []
    seen: set[str] = set()
    for found in reading.members:
        for unit in found.units:
            if canonical(unit) not in seen:
                seen.add(canonical(unit))
                members.append(units.mention(unit))
                imported.origins[("members", len(members) - 1)] = found.line
        imported.origins.setdefault(("members",), found.line)
    return members


def _roster_members(roster: dict[str, list[Any]], government: str, imported: Imported) -> list[str]:
    """The member units a roster implies: the units of its 成员 entries, in order."""
    members: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(roster.get("members", [])):
        unit = entry.get("unit")
        standing = entry.get("title") in (None, unit) or unit.startswith("各")
        if unit is None or not standing:
            continue  # a post standing for a seat is no unit; 八镇分管领导 stands for 各镇
        key = canonical(unit)
        if key not in seen:  # 省政府副秘书长 as a 成员: the government's office is a member
            seen.add(key)
            members.append(unit)
            line = imported.origins.get(("roster", "members", index))
            if line is not None:
                imported.origins[("members", len(members) - 1)] = line
    return members


def _host_if_convenor(host: str, roster: dict[str, list[Any]], members: list[str]) -> list[str]:
    """The office's unit, when a convenor heads it: a member, though no 成员 row names it."""
    key = canonical(host)
    convenors = [e for role, entries in roster.items() if role != "members" for e in entries]
    if key in {canonical(m) for m in members}:
        return []
    return [host] if any(canonical(e.get("unit", "")) == key for e in convenors) else []


def _elsewhere(listed: list[str], duties: list[dict[str, Any]]) -> bool:
    """Whether a list of members shares no unit with two or more units given duties: it
    lists another body's (各县（区）指挥部……政府相关部门、人民武装部为成员), since a duty's unit
    is a member (the contract)."""
    given = {canonical(duty["unit"]) for duty in duties}
    return len(given) >= 2 and given.isdisjoint(canonical(unit) for unit in listed)


def _duty_units(duties: list[dict[str, Any]], reading: Reading) -> list[str]:
    """Members a document names only by giving them duties (no list, no roster)."""
    if reading.standalone == "duties" or not reading.tasks:
        return [duty["unit"] for duty in duties]
    units: list[str] = []
    for task in reading.tasks:
        units += [unit for unit in task["units"] if unit not in units]
    return units


def _note_lines(imported: Imported, reading: Reading) -> None:
    for index, duty in enumerate(reading.duties):
        imported.origins[("duties", index)] = duty.line
        imported.origins[("duties", index, "unit")] = duty.line
    for index, line in enumerate(reading.task_lines):
        imported.origins[("tasks", index)] = line
