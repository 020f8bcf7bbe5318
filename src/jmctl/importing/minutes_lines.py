"""The sentences of a 会议纪要, one reader each: the 会议概况 (date, place, which session,
chair, agenda), a decision with its units and deadline, a person in the 出席/请假/列席
lists. Every pattern is bounded, so a long line costs time in proportion to it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from jmctl.domain import read_data
from jmctl.genre import NUMERAL_CHARS, count_value
from jmctl.importing.people import could_be_name, post_then_name
from jmctl.importing.units import looks_like_unit, split_post
from jmctl.importing.words import import_words
from jmctl.sessions import kinds

_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
_PLACE = re.compile(r"在([^，。；、]{2,40}?)(?:主持)?(?:召开|举行)")
_SESSION = re.compile(rf"(?:(\d{{4}})年)?第([0-9{NUMERAL_CHARS}]{{1,4}})次([^，。；]{{0,12}}?)会议")
_CHAIR = (
    re.compile(r"会议由([^。；]{2,60}?)主持"),
    re.compile(r"([^，。；]{2,60}?)(?:在[^，。；]{2,40})?主持(?:召开|会议)"),
)
_UNIT_NOTE = re.compile(r"^(.{2,200}?)[（(]([^（）()]{2,30})[）)]$")
_SUBSTITUTE = re.compile(r"^(.{1,60}?)[（(]代([^（）()]{1,30})[）)]$")


@cache
def words() -> dict[str, Any]:
    """The 纪要 vocabulary (data/minutes_words.yaml)."""
    raw = read_data("minutes_words.yaml")
    assert isinstance(raw, dict)
    return raw


def iso(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


# 会议概况 -------------------------------------------------------------------------------


def overview(text: str) -> dict[str, Any]:
    """Return what the 概况 paragraph says of the session: date, place, kind, number,
    chair, agenda (keys absent when it does not say them)."""
    found: dict[str, Any] = {}
    date = re.match(_DATE, text)
    if date:
        found["date"] = iso(*date.groups())
    place = _PLACE.search(text)
    if place:
        found["place"] = place.group(1)
    session = _SESSION.search(text)
    if session:
        found.update(session_of(session))
    chair = chair_in(text)
    if chair:
        found["chair"] = chair
    agenda = agenda_in(text)
    if agenda:
        found["agenda"] = agenda
    return found


def session_in(text: str) -> dict[str, Any]:
    """The kind and number a title or sentence names (第1次全体会议), or {}."""
    session = _SESSION.search(text)
    return session_of(session) if session else {}


def session_of(match: re.Match[str]) -> dict[str, Any]:
    number = count_value(match.group(2))
    written = match.group(3) + "会议"
    kind = next((k.zh for k in kinds().values() if written.endswith(k.zh)), words()["default_kind"])
    return {"kind": kind, "number": number} if number else {}


def chair_in(text: str) -> str | None:
    """The chair's name (or post, when no name is printed) of 会议由…张伟主持."""
    for pattern in _CHAIR:
        match = pattern.search(text)
        if match:
            who = re.split(r"[、，]", match.group(1))[-1].removesuffix("同志")
            name, post = post_then_name(who)
            return name or (who if could_be_name(who) else post)
    return None


def agenda_in(text: str) -> list[dict[str, str]]:
    """The agenda of 会议听取…（县民政局）；研究…。: one item per clause that opens with
    an agenda verb, its unit in brackets after it when printed."""
    verbs = "|".join(map(re.escape, words()["agenda_verbs"]))
    items: list[dict[str, str]] = []
    for sentence in text.split("。"):
        if not re.match(rf"^会议(?:{verbs})", sentence):
            continue
        clauses = re.split(rf"；|，(?=(?:{verbs}))", sentence.removeprefix("会议"))
        for clause in clauses:
            items.append(_agenda_item(clause.strip()))
    return [item for item in items if item["text"]]


def _agenda_item(clause: str) -> dict[str, str]:
    noted = _UNIT_NOTE.match(clause)
    if noted and looks_like_unit(noted.group(2)):
        return {"text": noted.group(1), "unit": noted.group(2)}
    return {"text": clause}


# 议定事项 ------------------------------------------------------------------------------


def decision(text: str) -> dict[str, Any]:
    """Return a decision's text, lead, others and deadline; no `lead` when none is named."""
    found = _labelled_units(text) or _sentence_units(text)
    return found if found else {"text": text}


def _sentence_units(text: str) -> dict[str, Any] | None:
    """…。由县民政局牵头，县人社局、县卫健局配合，2023年3月31日前完成。"""
    leads = "|".join(map(re.escape, words()["lead_words"]))
    others = "|".join(map(re.escape, words()["other_words"]))
    pattern = re.compile(
        rf"由([^，。；]{{2,40}}?)(?:{leads})[^，。；]{{0,12}}?(?:，([^，。；]{{2,200}}?)(?:{others}))?"
        rf"(?:，{_DATE}前完成[^，。；]{{0,8}})?[。；]?$"
    )
    match = pattern.search(text)
    if match is None:
        return None
    found: dict[str, Any] = {"text": _sentence(text[: match.start()]), "lead": match.group(1)}
    if match.group(2):
        found["others"] = _units(match.group(2))
    if match.group(3):
        found["deadline"] = iso(match.group(3), match.group(4), match.group(5))
    return found


def _labelled_units(text: str) -> dict[str, Any] | None:
    """…（牵头单位：县民政局；配合单位：县人社局、县卫健局；完成时限：2023年3月31日）"""
    note = re.search(r"[（(]([^（）()]{4,300})[）)][。；]?$", text)
    if note is None:
        return None
    found: dict[str, Any] = {"text": _sentence(text[: note.start()])}
    for part in re.split(r"[；;]", note.group(1)):
        label, _, value = part.partition("：")
        if label in words()["lead_labels"]:
            units = _units(value)
            found["lead"], rest = units[0], units[1:]
            if rest:
                found["others"] = rest
        elif label in words()["other_labels"]:
            found["others"] = found.get("others", []) + _units(value)
        elif label in ("完成时限", "时限") and re.fullmatch(_DATE, value.strip()):
            date = re.fullmatch(_DATE, value.strip())
            assert date is not None
            found["deadline"] = iso(*date.groups())
    return found if "lead" in found else None


def _sentence(text: str) -> str:
    """The decision's own words, ending as a sentence: …走访慰问方案， → …走访慰问方案。"""
    text = text.strip().rstrip("，,；;")
    return text if not text or text.endswith(("。", "！", "？")) else text + "。"


def _units(text: str) -> list[str]:
    return [unit.strip() for unit in re.split(r"[、，,]", text) if unit.strip()]


# 出席、请假、列席 ----------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """One person of a list as printed: unit, post, name (each may be empty), and whom a
    substitute stands for."""

    unit: str
    post: str
    name: str
    replaces: str | None = None

    @property
    def person(self) -> str:
        """How the data names them: the name, else the post as printed."""
        return self.name or f"{self.unit}{self.post}"


_INLINE = {
    "present": re.compile(r"^(.{2,300}?)(?:等同志)?(?:出席|参加)了?(?:会议)?$"),
    "absent": re.compile(r"^(.{2,300}?)(?:等同志)?(?:因[^，]{1,10})?请假$"),
    "invited": re.compile(r"^(.{2,300}?)(?:等同志)?列席了?(?:会议)?$"),
}


def inline_lists(text: str) -> dict[str, str]:
    """The lists a 概况 writes as clauses (张强、刘鹏参加会议，李明洲请假，吴德列席会议):
    list key → the names; only clauses that name people, not 各成员单位负责同志."""
    found: dict[str, str] = {}
    for clause in re.split(r"[，。；]", text):
        for key, pattern in _INLINE.items():
            match = pattern.match(clause.strip())
            if match and key not in found and all(p.name for p in listed(match.group(1))):
                found[key] = match.group(1)
    return found


def listed(text: str) -> list[Listed]:
    """The people of 县政府副县长张伟、县卫健局医政医管股股长孙丽（代陈刚）、…"""
    entries = [entry.strip() for entry in re.split(r"[、，,；;\s]+", text) if entry.strip()]
    return [_entry(entry) for entry in entries]


def _name_and_post(entry: str) -> tuple[str | None, str]:
    """(name, post) of 县民政局局长李娜, or of a junior post (…股股长孙丽)."""
    name, post = post_then_name(entry)
    if name is not None:
        return name, post
    for end in sorted(words()["junior_post_ends"], key=len, reverse=True):
        at = entry.rfind(end)
        if at > 0 and could_be_name(entry[at + len(end) :]):
            return entry[at + len(end) :], entry[: at + len(end)]
    return None, entry


def _unit_and_post(text: str) -> tuple[str, str]:
    """(unit, post) of 县民政局局长; of 县卫健局医政医管股股长 at the first unit ending
    (a 股 inside a 局 is no unit of the data file)."""
    unit, post = split_post(text, frozenset())
    if post:
        return unit, post
    ends = tuple(import_words()["unit_ends"])
    for end in range(2, min(len(text) - 1, 30)):
        if text[:end].endswith(ends):
            return text[:end], text[end:]
    return text, ""


def _entry(entry: str) -> Listed:
    replaces = None
    substitute = _SUBSTITUTE.match(entry)
    if substitute:
        entry, replaces = substitute.group(1), substitute.group(2)
    name, post = _name_and_post(entry)
    if name is None and could_be_name(entry):
        return Listed("", "", entry, replaces)
    unit, rest = _unit_and_post(post)
    if name is None and not rest:  # a unit alone (列席：县审计局)
        return Listed(post, "", "", replaces)
    return Listed(unit if rest else "", rest or post, name or "", replaces)
