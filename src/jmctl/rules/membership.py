"""Members, duties and the office agree with each other, and stated counts are true."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jmctl.findings import Finding
from jmctl.model import CONVENOR_ROLES, Unit, UnitRef, plain
from jmctl.rules.context import Context

# A number starts where a run of digits starts (the look-behinds): trying every position
# inside a long run would make the search quadratic.
_NUMBER = r"((?<!\d)\d+|(?<![一二三四五六七八九十两])[一二三四五六七八九十两]+)"
# After 由, a number is read to at most 400 characters: each 由 within 400 characters of
# a run of digits would otherwise read the whole run again (400 × 2 MB in a hostile file).
_NUMERALS = "[一二三四五六七八九十两]"
_NEAR_NUMBER = rf"((?<!\d)\d{{1,400}}(?!\d)|(?<!{_NUMERALS}){_NUMERALS}{{1,400}}(?!{_NUMERALS}))"
_MAX_COUNT_DIGITS = 6  # a longer "count" is no count of member units, and not worth a number
# "由25个部门和单位组成", "共有25个成员单位": the sentences that state how many members there are.
_STATED_COUNT = re.compile(
    rf"{_NUMBER}个(?:部门和单位|成员单位)|由[^。；]{{0,400}}?{_NEAR_NUMBER}个(?:部门|单位)组成"
)
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def check(context: Context) -> Iterator[Finding]:
    yield from _duties_twice(context)
    yield from _stated_counts(context)
    if not context.model.members:  # none listed: nothing to hold duties and office against
        yield context.at("JM610", ("members",))
        return
    yield from _members_without_duties(context)
    yield from _duties_of_non_members(context)
    yield from _office(context)


def _member_units(context: Context) -> set[str]:
    index = context.model.index
    return {unit.name for ref in context.model.members if (unit := index.resolve(ref.text))}


def _duties_twice(context: Context) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for duty in context.model.duties:
        unit = context.model.index.resolve(duty.unit.text)
        key = unit.name if unit else plain(duty.unit.text)
        if key in seen:
            yield context.at("JM210", duty.unit.path, unit=duty.unit.text, first=seen[key])
        else:
            seen[key] = context.line(duty.unit.path)


def _members_without_duties(context: Context) -> Iterator[Finding]:
    if not context.model.duties:
        return  # a file that records no duties at all is a roster, not a defect
    index = context.model.index
    with_duties = {
        unit.name for duty in context.model.duties if (unit := index.resolve(duty.unit.text))
    }
    for ref in context.model.members:
        unit = index.resolve(ref.text)
        if unit is not None and unit.name not in with_duties:
            yield context.at("JM206", ref.path, unit=ref.text)


def _duties_of_non_members(context: Context) -> Iterator[Finding]:
    model = context.model
    allowed = responsible_units(context)
    for duty in model.duties:
        unit = model.index.resolve(duty.unit.text)
        if unit is not None and unit.name not in allowed:
            yield context.at("JM207", duty.unit.path, unit=duty.unit.text)


def responsible_units(context: Context) -> set[str]:
    """Return the units that may carry work: members, collectives, convenors' units and
    the government (a duty, a decision of a session)."""
    model = context.model
    allowed = _member_units(context) | _convenor_units(context)
    allowed |= {unit.name for unit in model.units if unit.collective}
    if government := model.index.resolve(model.jurisdiction.government):
        allowed.add(government.name)
    return allowed


def _convenor_units(context: Context) -> set[str]:
    model = context.model
    return {
        unit.name
        for role in CONVENOR_ROLES
        for person in (model.roster or {}).get(role, [])
        if (unit := model.index.resolve(person.unit.text))
    }


_GENERAL_OFFICES = ("办公厅", "办公室", "办")


def _government_office(context: Context, host: Unit, convening: set[str]) -> bool:
    """Whether `host` is the general office (办公厅, 办公室) of the government, and the
    government is a convenor's unit."""
    government = context.model.index.resolve(context.model.jurisdiction.government)
    if government is None or government.name not in convening:
        return False
    return any(
        name.removeprefix(own) in _GENERAL_OFFICES
        for name in host.names
        for own in government.names
        if name.startswith(own)
    )


def _host_outside(context: Context, ref: UnitRef) -> Iterator[Finding]:
    # The office sits in a member unit or in a convenor's own unit: real notices often
    # set it in the government's office whose head is a 副组长 and list no such member,
    # or in the government's general office when a convenor sits for the government
    # (国务院副秘书长 as 副组长, 办公室设在国务院办公厅).
    host: Unit | None = context.model.index.resolve(ref.text)
    convening = _convenor_units(context)
    outside = host is not None and host.name not in _member_units(context) | convening
    if outside and host is not None and not _government_office(context, host, convening):
        yield context.at("JM208", ref.path, unit=ref.text)


def _office(context: Context) -> Iterator[Finding]:
    office = context.model.office
    if office is None:
        return
    if office.host is not None:  # an office set up in no unit has no host to check
        yield from _host_outside(context, office.host)
    # A director the office sentence gives with a post (区发展改革委副主任李欣兼任办公室
    # 主任) is stated there; only a bare name refers to a roster person.
    if office.director and not office.director_post:
        names = {plain(person.name) for person in context.model.people() if person.name}
        if plain(office.director) not in names:
            yield context.at("JM209", ("office", "director"), name=office.director)


def _stated_counts(context: Context) -> Iterator[Finding]:
    actual = len(context.model.members)
    for path, text in context.strings:
        if "个" not in text:
            continue  # no count can be stated without 个; most text has none
        for match in _STATED_COUNT.finditer(text):
            number = match.group(1) or match.group(2)
            stated: int | str | None = _number(number)
            if stated is None and number.isdecimal():
                stated = f"{number[:_MAX_COUNT_DIGITS]}…"  # absurdly many: say so, not its value
            if stated is not None and stated != actual:
                yield context.at_char("JM211", path, match.start(), stated=stated, actual=actual)


def _number(text: str) -> int | None:
    """Return the value of "25" or "二十五" (up to 99), or None for anything else."""
    if text.isdecimal():
        return int(text) if len(text) <= _MAX_COUNT_DIGITS else None
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _DIGITS.get(text)
    value = (_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (_DIGITS.get(ones, 0) if ones else 0)
