"""Assemble the data file from what the parser recognised: units, members, roster."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jmctl.importing.parse import JURISDICTION, LEVELS, Imported, canonical, split_post
from jmctl.model import MEETING_FIELDS, NOTICE_FIELDS

if TYPE_CHECKING:
    from jmctl.importing.parse import _Parser

_MEETING_IN_TITLE = re.compile(r"关于(?:同意)?(?:建立|调整完善|调整|印发|完善)?(.+?联席会议)")
_MEETING_IN_TEXT = re.compile(r"(?:建立|调整完善|调整)(\S+?联席会议)")


def assemble(parser: _Parser) -> Imported:
    notice, meeting = dict(parser.notice), dict(parser.meeting)
    name = meeting.get("name") or _meeting_name(notice, meeting)
    meeting["name"] = name or "（未识别的联席会议名称）"
    jurisdiction = _jurisdiction(meeting["name"])
    units = _Units(jurisdiction)
    roster = _roster(parser, units)
    duties = [{"unit": unit, "items": items} for unit, items, _ in parser.duties]
    for duty in duties:
        units.mention(duty["unit"])
    office = dict(parser.office)
    if "host" in office:
        units.mention(office["host"])
    listed = [units.mention(_prefixed(member, jurisdiction)) for member in parser.members_listed]
    members = listed or _roster_members(roster, jurisdiction["government"])
    for task in parser.tasks:
        for unit in task["units"]:
            units.mention(unit)
            if not listed and not roster and unit not in members:
                members.append(unit)  # a task table alone: the units it names
    basis = _basis(_as_list(meeting.get("preamble")))
    if basis and "basis" not in meeting:
        meeting["basis"] = basis
    data: dict[str, Any] = {
        "jmctl": 1,
        "jurisdiction": jurisdiction,
        "meeting": _meeting(meeting),
    }
    data["units"] = units.declared()
    data["members"] = members
    if roster:
        data["roster"] = roster
    if office.get("host"):
        data["office"] = office
    if parser.liaisons:
        data["liaisons"] = parser.liaisons
    if duties:
        data["duties"] = duties
    if parser.tasks:
        data["tasks"] = parser.tasks
    cleaned = _notice(notice, meeting["name"], jurisdiction)
    if cleaned:
        data["notice"] = cleaned
    imported = Imported(data, parser.origins, parser.unplaced)
    _note_lists(imported, parser)
    if parser.unplaced:
        data["unplaced"] = [{"line": number, "text": text} for number, text in parser.unplaced]
    return imported


def _meeting_name(notice: dict[str, Any], meeting: dict[str, Any]) -> str | None:
    match = _MEETING_IN_TITLE.search(notice.get("title", ""))
    if match:
        return match.group(1)
    for text in [*_as_list(meeting.get("preamble")), *notice.get("body", [])]:
        match = _MEETING_IN_TEXT.search(text)
        if match:
            return match.group(1)
    return None


_CITED = re.compile(r"《(.+?)》[（(]([^（）()]*?(?:〔\d{4}〕\d+号|令第\d+号))[）)]")


def _basis(preamble: list[str]) -> list[dict[str, str]]:
    """Return the documents the preamble cites (根据《…》（中办发〔2020〕18号）), in order."""
    return [
        {"title": title, "number": number}
        for text in preamble
        for title, number in _CITED.findall(text)
    ]


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _jurisdiction(meeting_name: str) -> dict[str, Any]:
    match = JURISDICTION.match(meeting_name)
    name = match.group(1) if match else meeting_name
    suffix = name[-1]
    level = LEVELS.get(suffix, "county")
    prefix = {"province": "省", "city": "市", "county": "县", "township": "镇"}[level]
    return {"name": name, "level": level, "government": f"{name}人民政府", "prefix": prefix}


def _prefixed(name: str, jurisdiction: dict[str, Any]) -> str:
    """Return a member written without its prefix in a shared list (教育厅 → 省教育厅)."""
    prefix = jurisdiction["prefix"]
    if name.startswith((prefix, jurisdiction["name"], "各", "共青团", "中国", "国家")) or (
        len(name) > 4 and name[:2] in ("人行",)
    ):
        return name
    if name.startswith(jurisdiction["name"][:-1]):
        return name  # 福建省税务局, 福建银保监局: already named for the province
    return prefix + name


class _Units:
    """Every unit the document names, spellings of one unit merged by canonical form."""

    def __init__(self, jurisdiction: dict[str, Any]) -> None:
        self.groups: dict[str, list[str]] = {}
        self.government = jurisdiction["government"]
        self.groups[canonical(self.government)] = [self.government]

    def mention(self, name: str) -> str:
        key = canonical(name)
        if (
            key.endswith("人民政府")
            and not key.startswith("各")
            and (
                self.government.endswith(key[1:])
                or key in ("县人民政府", "市人民政府", "省人民政府", "镇人民政府")
            )
        ):
            key = canonical(self.government)
        spellings = self.groups.setdefault(key, [])
        if name not in spellings:
            spellings.append(name)
        return name

    def names(self) -> list[str]:
        return [name for spellings in self.groups.values() for name in spellings]

    def declared(self) -> list[dict[str, Any]]:
        units = []
        for key, spellings in self.groups.items():
            if not spellings:
                continue
            full = key if key in spellings else spellings[0]
            entry: dict[str, Any] = {"name": full}
            shorts = [name for name in spellings if name != full]
            if shorts:
                entry["short"] = shorts
            if full.startswith("各"):
                entry["collective"] = True
            units.append(entry)
        return units


def _roster(parser: _Parser, units: _Units) -> dict[str, list[dict[str, Any]]]:
    roster: dict[str, list[dict[str, Any]]] = {}
    known = [unit for unit, _, _ in parser.duties] + (
        [parser.office["host"]] if "host" in parser.office else []
    )
    collective = next((unit for unit, _, _ in parser.duties if unit.startswith("各")), None)
    for person in parser.people:
        entry: dict[str, Any] = {}
        if person.name:
            entry["name"] = person.name
        unit, post = split_post(person.post, known + units.names())
        if post:
            entry["unit"], entry["post"] = units.mention(unit), post
        else:
            entry["unit"] = units.mention(collective or person.post)
            entry["title"] = person.post
        roster.setdefault(person.role, []).append(entry)
    return roster


def _roster_members(roster: dict[str, list[dict[str, Any]]], government: str) -> list[str]:
    """Return the member units a roster implies: its members' units, then the convenors'
    units other than the government's (the lead unit whose head convenes)."""
    members: list[str] = []
    entries = [
        *roster.get("members", []),
        *(
            entry
            for role in ("convenors", "deputy_convenors", "deputy_chief_convenors")
            for entry in roster.get(role, [])
        ),
    ]
    for entry in entries:
        key = canonical(entry["unit"])
        if key not in {canonical(m) for m in members} and not units_government(key, government):
            members.append(entry["unit"])
    return members


def units_government(key: str, government: str) -> bool:
    """Return whether a unit's canonical name is the jurisdiction's government."""
    return key == canonical(government) or (
        key.endswith("人民政府") and government.endswith(key[1:]) and not key.startswith("各")
    )


def _meeting(meeting: dict[str, Any]) -> dict[str, Any]:
    return {key: meeting[key] for key in MEETING_FIELDS if meeting.get(key)}


def _notice(
    notice: dict[str, Any], meeting_name: str, jurisdiction: dict[str, Any]
) -> dict[str, Any]:
    """Return the notice keys, leaving out what the templates would write the same way."""
    if "date" not in notice or "issuer" not in notice:
        return {}
    title = notice.get("title", "")
    if "调整" in title and "成员" in title:
        kind = "adjust"
    elif (
        title.endswith(("函", "批复")) or "同意" in title or "函〔" in notice.get("doc_number", "")
    ):
        kind = "approve"
    else:
        kind = "establish"
    generated = {
        "establish": f"关于建立{meeting_name}制度的通知",
        "adjust": f"关于调整{meeting_name}成员的通知",
        "approve": f"关于同意建立{meeting_name}制度的函",
    }[kind]
    result: dict[str, Any] = {"kind": kind}
    if title and title != generated:
        result["title"] = title
    government = jurisdiction["government"]
    stock = f"经{government}同意，现将《{meeting_name}制度》等印发给你们，请认真贯彻执行。"
    if notice.get("body") == [stock]:
        notice = {key: value for key, value in notice.items() if key != "body"}
    order = NOTICE_FIELDS[2:]  # kind and title are decided above
    result.update({key: notice[key] for key in order if notice.get(key) is not None})
    return result


def _note_lists(imported: Imported, parser: _Parser) -> None:
    """Record where each roster entry and duty came from, for located findings."""
    for role in (
        "chief_convenors",
        "deputy_chief_convenors",
        "convenors",
        "deputy_convenors",
        "members",
    ):
        people = [p for p in parser.people if p.role == role]
        for index, person in enumerate(people):
            for key in ("", "name", "unit", "post", "title"):
                path = ("roster", role, index, key) if key else ("roster", role, index)
                imported.origins[path] = person.line
    for index, (_, _, line) in enumerate(parser.duties):
        imported.origins[("duties", index)] = line
        imported.origins[("duties", index, "unit")] = line
    for index, member in enumerate(imported.data.get("members", [])):
        line = next((p.line for p in parser.people if member in p.post), None)
        if line is not None:
            imported.origins[("members", index)] = line
