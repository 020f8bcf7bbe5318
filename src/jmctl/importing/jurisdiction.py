"""The jurisdiction a document belongs to, from its issuer, title, body name, signature
and preamble, through the gazetteer of China's administrative divisions.

Never invents: a document that names no division gets the national level only when it
is the State Council's (国务院, 部际联席会议); otherwise the first place name it prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from jmctl import gazetteer
from jmctl.gazetteer import Division
from jmctl.genre import CITED_NUMBER

_CITED = re.compile(r"《[^《》]*》")
NATIONAL = {"name": "全国", "level": "national", "government": "国务院"}
_NATIONAL_MARKS = ("国务院", "部际联席会议", "国办发", "国办函", "国函", "国发")
# A text that opens with the party centre's body (中央创先争优活动领导小组在党中央…领导下):
# national, but only at a text's start, for 中央 inside a text is often cited
# (迎接中央环保督察).
_CENTRE_STARTS = ("中共中央", "中央")


def jurisdiction_of(
    places: list[str], units: tuple[str, ...] = (), title: str = ""
) -> dict[str, Any]:
    """Return the contract's `jurisdiction` for the texts that name it, best first; the
    prefixes of `units` (省民政厅, 市气象局) tell its level when no text names it; a
    `title` issuing what a division above them names (关于印发绩溪县…) tells whose it is."""
    for text in places:
        division = _division_at_start(text)
        if division is not None:
            return _entry(_issued_above(division, title), places)
    if any(
        text.startswith((*_NATIONAL_MARKS, *_CENTRE_STARTS)) or "部际" in text for text in places
    ):
        return dict(NATIONAL)
    for text in places:
        division = _division_in(_CITED.sub("", text))  # not a place a cited title names
        if division is not None:
            return _own_township(division, places, title) or _entry(division, places)
    own = [CITED_NUMBER.sub("", _CITED.sub("", text)) for text in places]
    if any(mark in text for text in own for mark in _NATIONAL_MARKS):  # not 国发〔2006〕7号 cited
        return dict(NATIONAL)
    return _unnamed(own, units)


# 关于印发绩溪县防汛抗旱应急预案的通知: a notice issues what is named for its own division.
_ISSUES = "关于印发"


def _issued_above(division: Division, title: str) -> Division:
    """The division above `division` whose plan or rules the title issues: a township's
    site republishing its county's notice names the township first (its page header),
    the county only in the title."""
    at = title.find(_ISSUES)
    issued = _chain(title, at + len(_ISSUES)) if at >= 0 else None
    if issued is None or issued.code == division.code:
        return division
    above = {up.code for up in gazetteer.path(division)}
    return issued if issued.code in above else division


def names_below(text: str, jurisdiction: dict[str, Any]) -> bool:
    """Whether `text` starts with a division under `jurisdiction` (绩溪县上庄镇人民政府 on
    绩溪县's notice: the header of the township's site that republished it)."""
    division = _division_at_start(text)
    if division is None or gazetteer.qualified_name(division) == jurisdiction["name"]:
        return False
    return any(
        gazetteer.qualified_name(up) == jurisdiction["name"] for up in gazetteer.path(division)
    )


# 上海市闵行区人民政府古美路街道办事处: a township's own organ, named under its county.
_TOWNSHIP_ORGAN = re.compile(r"(?:街道|镇|乡)(?:办事处|人民政府)")


def _own_township(county: Division, places: list[str], title: str) -> dict[str, Any] | None:
    """The township whose body the title founds (关于建立古美路街道…联席会议), when a text
    names its organ under the county found and the gazetteer knows it by no such name
    (古美路街道 is 古美街道 today): the county's division, with the township's name."""
    if not title or gazetteer.contract_level(county) not in ("county", "district"):
        return None
    for text in places:
        for organ in _TOWNSHIP_ORGAN.finditer(text):
            end = organ.start() + (2 if text.startswith("街道", organ.start()) else 1)
            for size in range(6, 2, -1):  # the longest name the title also prints
                name = text[max(0, end - size) : end]
                if len(name) == size and name in title:
                    return _township_entry(county, name)
    return None


def _township_entry(county: Division, name: str) -> dict[str, Any]:
    full = gazetteer.qualified_name(county) + name
    street = name.endswith("街道")
    government = full + ("办事处" if street else "人民政府")
    return {
        "name": full,
        "level": "township",
        "government": government,
        "prefix": name[-2:] if street else name[-1],
    }


# How a document speaks of its own jurisdiction when it never names it: 我镇, 全县, 市政府.
_SELF = re.compile(r"(?:我|全|本)([省市州县区镇乡])|([省市州县区镇乡])(?:政府|人民政府|委|直各)")
_LEVEL_OF = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county"}
_LEVEL_OF |= {"镇": "township", "乡": "township"}


def _unnamed(places: list[str], units: tuple[str, ...]) -> dict[str, Any]:
    """The level a document implies of itself (我镇 → township; 省民政厅, 省气象局 →
    province), the name left unknown."""
    counts: dict[str, int] = {}
    for text in places:
        for match in _SELF.finditer(text):
            char = match.group(1) or match.group(2)
            counts[char] = counts.get(char, 0) + 1
    for unit in units:  # a unit's own prefix: 省民政厅 is a province's
        if unit[:1] in _LEVEL_OF:
            counts[unit[0]] = counts.get(unit[0], 0) + 1
    char = max(counts, key=lambda c: counts[c]) if counts else "县"
    entry = {"name": UNKNOWN, "level": _LEVEL_OF[char], "government": "（未识别的人民政府）"}
    return entry | {"prefix": char}


UNKNOWN = "（未识别的行政区划）"


def _entry(division: Division, places: Sequence[str] = ()) -> dict[str, Any]:
    name = _printed_name(division, places)
    level = gazetteer.contract_level(division)
    return {
        "name": name,
        "level": "county" if level == "district" else level,
        "government": f"{name}人民政府",
        "prefix": gazetteer.unit_prefix(division),
    }


def _printed_name(division: Division, places: Sequence[str]) -> str:
    """卢氏县城关镇 when the document names the county too; 青山镇 as printed when it names
    one of the many towns so called alone: which one, the text does not say."""
    name = gazetteer.qualified_name(division)
    if division.kind == "市辖区" or name == division.name:
        return name
    above = gazetteer.path(division)[:-1]
    return name if any(up.name in text for up in above for text in places) else division.name


def _chain(text: str, start: int) -> Division | None:
    """The division named by the run of place names starting at `start` (西安市高陵区)."""
    names, end = [], start
    for begin, finish, _ in gazetteer.find(text[start : start + 40]):
        if begin + start != end:
            break
        names.append(text[start + begin : start + finish])
        end = start + finish
    if not names:
        return None
    resolved = gazetteer.resolve(names)
    if resolved is None:
        found = gazetteer.lookup(names[-1])
        resolved = found[0] if found else None
    return _short_child(text, end, resolved) or resolved


def _short_child(text: str, end: int, parent: Division | None) -> Division | None:
    """柳州市鹿寨生态环境局: a county of the city named right after it by its short name,
    as the city's branch bureaus in a county are named."""
    if parent is None:
        return None
    for size in (2, 3):
        for child in gazetteer.lookup(text[end : end + size]):
            if child.parent == parent.code and child.name.startswith(text[end : end + size]):
                return child
    return None


def _division_at_start(text: str) -> Division | None:
    return _chain(text, 0)


def _division_in(text: str) -> Division | None:
    for start, _, _ in gazetteer.find(text):
        return _chain(text, start)
    return None
