"""Read a 会议纪要 (GB/T 9704-2012 10.3) back into one session of the data file.

A 纪要 is told by its title (XX联席会议纪要, one of its first lines). Its parts, in the
order offices print them: the 纪要标志, the 期数 line, the office and the date; the
会议概况 (time, place, which session, chair, what the meeting heard); the sentence that
opens the decisions (现将会议议定事项纪要如下：) and the decisions 一、二、…; the 出席,
请假 and 列席 lists; the 版记. A 纪要 carries no roster, so the people it names are
kept by name and the import says they are still to be checked against one (JM628).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jmctl.genre import heading, without_padding
from jmctl.importing import header as hd
from jmctl.importing.blocks import Block
from jmctl.importing.minutes_bounds import note_over_bounds
from jmctl.importing.minutes_lines import (
    Listed,
    decision,
    inline_lists,
    listed,
    overview,
    session_in,
    words,
)
from jmctl.importing.minutes_masthead import ISSUE, masthead_line, minutes_block
from jmctl.importing.result import Reading

MAX_NAMES_SAID = 10  # names a finding lists before "等N人"
OPENING_ALONE = 20  # characters: a longer paragraph that opens the decisions is the 概况


def minutes_title(text: str) -> str | None:
    """Return the name of the meeting a 纪要 title speaks of (白河县…联席会议 of
    白河县…联席会议纪要), or None when `text` is no 纪要 title."""
    text = without_padding(text)
    if len(text) > 60 or text.endswith(("。", "：")):
        return None
    for end in sorted(words()["title_ends"], key=len, reverse=True):
        if text.endswith(end) and len(text) > len(end) + 1:
            return text[: -len(end)]
    return None


def is_minutes(blocks: list[Block]) -> bool:
    """Whether the document is a 纪要: its title is among its first three lines."""
    return any(minutes_title(block.text) for block in blocks[:3])


@dataclass
class _Parts:
    """A 纪要's text, sorted by part; each with its line."""

    overview: list[Block] = field(default_factory=list)
    decisions: list[list[Block]] = field(default_factory=list)
    # each list's lines: where it starts, and its text in pieces (a list wrapped over lines)
    pieces: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)
    # the 版头's 期数 and date (the first of each), with their lines
    masthead: dict[str, tuple[Any, int]] = field(default_factory=dict)

    @property
    def lists(self) -> dict[str, list[tuple[int, str]]]:
        return {
            key: [(number, "".join(texts)) for number, texts in found]
            for key, found in self.pieces.items()
        }


def read_minutes(blocks: list[Block], reading: Reading) -> None:
    """Read a 纪要 into `reading`: its meeting name, one session, and what fits nowhere."""
    start = next(i for i, block in enumerate(blocks) if minutes_title(block.text))
    title = without_padding(blocks[start].text)
    name = minutes_title(title) or ""
    named = session_in(name)
    name = re.sub(r"(\d{4}年)?第[^第]{1,4}次[^第]{0,12}会议$", "", name) if named else name
    reading.meeting["name"] = name
    reading.note(("meeting", "name"), blocks[start].number)
    reading.places.append(name)
    parts = _sorted(blocks[start + 1 :], reading)
    session = _session(parts, named, reading)
    if session is not None:
        reading.sessions.append(session)
        note_over_bounds(session, len(reading.sessions) - 1, reading)


def _sorted(blocks: list[Block], reading: Reading) -> _Parts:
    parts = _Parts()
    labels = words()["labels"]
    listing: str | None = None  # the list a wrapped line continues
    in_decisions = False
    for block in blocks:
        text = without_padding(block.text)
        label = _label(text, labels)
        if label is not None:
            listing = labels[label]
            rest = re.sub(rf"^{label}\s*[：:]", "", text)
            parts.pieces.setdefault(listing, []).append((block.number, [rest]))
        elif (said := masthead_line(text)) is not None and not parts.decisions:
            listing = None
            for key, value in said.items():
                parts.masthead.setdefault(key, (value, block.number))
        elif _furniture(text):
            listing = None
        elif listing is not None and not heading(text):  # a list wrapped over lines
            parts.pieces[listing][-1][1].append(text)
        elif not in_decisions and _opens_decisions(text):
            in_decisions = True
            if len(text) > OPENING_ALONE:  # the 概况 ends with it: 现将…纪要如下。
                parts.overview.append(block)
        elif in_decisions and _starts_item(text):
            parts.decisions.append([block])
        elif in_decisions and parts.decisions:
            parts.decisions[-1].append(block)  # an item's later paragraphs
        elif not in_decisions:
            parts.overview.append(block)
        else:
            reading.keep(block.number, block.text)
    return parts


def _label(text: str, labels: dict[str, str]) -> str | None:
    """The label a list line starts with (出席：), or None."""
    return next((label for label in labels if re.match(rf"^{label}\s*[：:]", text)), None)


def _furniture(text: str) -> bool:
    """The 期数 line, the office and date under it, and the 版记's lines."""
    if ISSUE.match(text) or hd.PRINTED.match(text) or hd.COPIES.match(text):
        return True
    if text.startswith(tuple(words()["colophon_starts"])):
        return True
    office_date = re.match(r"^(\S{2,30})\s+(\d{4}年\d{1,2}月\d{1,2}日)$", text)
    return bool(office_date and hd.is_organ(office_date.group(1)))


def _opens_decisions(text: str) -> bool:
    """现将会议议定事项纪要如下：, alone or ending the 概况 paragraph."""
    last = re.split(r"[。；](?=.)", text)[-1]
    return text.endswith(("：", ":", "如下。")) and any(
        lead in last for lead in words()["decisions_lead"]
    )


def _starts_item(text: str) -> bool:
    found = heading(text)
    return found is not None and found[0] in (1, 3)


def _session(parts: _Parts, named: dict[str, Any], reading: Reading) -> dict[str, Any] | None:
    said: dict[str, Any] = {}
    for block in parts.overview:
        item = heading(without_padding(block.text))  # 1.会议传达学习了…: an agenda item
        found = overview(item[2] if item else without_padding(block.text))
        for key, names in inline_lists(without_padding(block.text)).items():
            parts.pieces.setdefault(key, []).append((block.number, [names]))
        if not found:
            reading.keep(block.number, block.text)
            continue
        for key, value in found.items():
            if key == "agenda":  # one item a paragraph, or several in one
                said.setdefault(key, []).extend(value)
            else:
                said.setdefault(key, value)
            reading.note(("sessions", 0, key), block.number)
    said = named | {key: value for key, value in said.items() if key not in named}
    if "date" not in said:
        return None  # no date, no session: the text stays under unplaced
    said.setdefault("kind", words()["default_kind"])
    said.setdefault("number", 1)
    keys: tuple[str, ...] = ("kind", "number", "date", "place", "chair")
    session: dict[str, Any] = {key: said[key] for key in keys if key in said}
    _people(session, parts, reading)
    if "agenda" in said:
        session["agenda"] = said["agenda"]
    decisions = []
    for blocks in parts.decisions:
        decided = _decision(blocks, reading)
        if decided is not None:
            decisions.append(decided)
            for key in ("", *decided):  # the decision, and each of its values, at its line
                path = ("sessions", 0, "decisions", len(decisions) - 1)
                reading.note((*path, key) if key else path, blocks[0].number)
    if decisions:
        session["decisions"] = decisions
    _minutes(session, parts, reading)
    return session


def _minutes(session: dict[str, Any], parts: _Parts, reading: Reading) -> None:
    """The 期数 and date of the 版头, where they say more than the session does."""
    read = {key: value for key, (value, _) in parts.masthead.items()}
    block = minutes_block(read, session)
    if block:
        session["minutes"] = block
        for key in block:
            reading.note(("sessions", 0, "minutes", key), parts.masthead[key][1])


def _decision(blocks: list[Block], reading: Reading) -> dict[str, Any] | None:
    first = heading(without_padding(blocks[0].text))
    assert first is not None
    topic, rest = first[2], [without_padding(b.text) for b in blocks[1:]]
    if rest and not topic.endswith(("。", "：", "；")):  # 一、关于XX工作 over its paragraphs
        topic += "："
    text = "".join([topic, *rest])
    found = decision(text)
    if "lead" not in found:
        for block in blocks:
            reading.keep(block.number, block.text)
        reading.notes.append((blocks[0].number, "JM629", {"text": text[:40]}))
        return None
    return found


def _people(session: dict[str, Any], parts: _Parts, reading: Reading) -> None:
    chair = session.get("chair")
    attendees: list[tuple[int, dict[str, Any]]] = []  # each with the line of its list
    for number, text in parts.lists.get("present", []):
        for person in listed(text):
            if person.person == chair and person.replaces is None:
                continue  # the chair leads the list; the data names them as chair
            attendees.append((number, _attendee(person)))
    for number, text in parts.lists.get("absent", []):
        attendees += [(number, {"person": p.person, "absent": True}) for p in listed(text)]
    invited = []
    for number, text in parts.lists.get("invited", []):
        for person in listed(text):
            if person.unit:
                invited.append(_invitee(person))
                reading.note(("sessions", 0, "invited", len(invited) - 1, "unit"), number)
            else:  # 列席 by name alone: the contract lists a unit
                reading.keep(number, person.person)
    for index, (number, _) in enumerate(attendees):
        reading.note(("sessions", 0, "attendees", index, "person"), number)
    if attendees:
        session["attendees"] = [entry for _, entry in attendees]
    if invited:
        session["invited"] = invited
    names = [entry["person"] for _, entry in attendees] + ([chair] if chair else [])
    if names:
        said = "、".join(names[:MAX_NAMES_SAID])
        if len(names) > MAX_NAMES_SAID:
            said += f"等{len(names)}人"
        line = attendees[0][0] if attendees else reading.origins.get(("sessions", 0, "chair"), 0)
        reading.notes.append((line, "JM628", {"names": said, "count": len(names)}))


def _attendee(person: Listed) -> dict[str, Any]:
    if person.replaces is None:
        return {"person": person.person}
    if not (person.name and person.post):  # the contract needs both: the one replaced
        return {"person": person.replaces, "absent": True}  # was away, and that is kept
    substitute: dict[str, Any] = {"name": person.name, "post": person.post}
    if person.unit:
        substitute["unit"] = person.unit
    return {"person": person.replaces, "substitute": substitute}


def _invitee(person: Listed) -> dict[str, Any]:
    entry = {"unit": person.unit, "name": person.name, "post": person.post}
    return {key: value for key, value in entry.items() if value}


def declare_units(sessions: list[dict[str, Any]], mention: Callable[[str], str]) -> None:
    """Pass every unit the sessions name through `mention` (the data file's units)."""
    for session in sessions:
        for item in session.get("agenda", []):
            if "unit" in item:
                item["unit"] = mention(item["unit"])
        for entry in session.get("invited", []):
            entry["unit"] = mention(entry["unit"])
        for attendee in session.get("attendees", []):
            substitute = attendee.get("substitute", {})
            if "unit" in substitute:
                substitute["unit"] = mention(substitute["unit"])
        for found in session.get("decisions", []):
            found["lead"] = mention(found["lead"])
            if "others" in found:
                found["others"] = [mention(unit) for unit in found["others"]]
