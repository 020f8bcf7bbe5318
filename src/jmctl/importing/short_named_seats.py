"""Seats a text gives under the body's short name. An encyclopedia page or a news item calls
深圳市妇女儿童工作委员会 "妇儿工委": "现任妇儿工委主任是闫小培副市长", "市妇儿工委主任由主管
教育的副市长兼任、副主任由市政府一名副秘书长、…、市妇联主席兼任".

A short name keeps the full name's characters in order, from the first after the place
(妇女儿童工作委员会 → 妇儿工委, 安全生产委员会 → 安委会), and ends in the body word's (委,
会): so 市委 or 办公室 before a 主任 is never taken for it. Once a sentence gives a seat under
the short name, the seats that follow in that sentence (、副主任由…兼任) are the body's too.
"""

from __future__ import annotations

import re

from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.people import person, post_then_name
from jmctl.importing.result import PersonFound

_LONGEST_SHORT = 8  # characters looked back before a seat's label
_PLACE_ENDS = "省市县区州旗盟"
_SENTENCES = re.compile(r"[^。；;]+")
_ENTRY_ENDS = "，,、。；;"


def short_named_seats(
    name: str, labels: dict[str, str], texts: list[tuple[int, str]]
) -> list[PersonFound]:
    """Return the seats (role by `labels`, longest first) `texts` give under a short name
    of the body `name`."""
    if len(name) < 4 or not labels:
        return []
    seat = re.compile(f"({'|'.join(map(re.escape, labels))})(是|为|由)")
    found: list[PersonFound] = []
    for line, text in texts:
        for sentence in (match.group() for match in _SENTENCES.finditer(text)):
            found += _in_sentence(sentence, seat, name, labels, line)
    return _without_repeats(found)


def _in_sentence(
    sentence: str, seat: re.Pattern[str], name: str, labels: dict[str, str], line: int
) -> list[PersonFound]:
    found: list[PersonFound] = []
    for match in seat.finditer(sentence):
        start = match.start()
        if found and sentence[start - 1 : start] not in ("、", "，", ","):
            continue  # a later seat of the same sentence starts its own clause
        if not found and not _short_before(sentence, start, name):
            continue
        role = labels[match.group(1)]
        rest = sentence[match.end() :]
        if match.group(2) == "由":
            found += _by_posts(rest, role, line)
        else:
            found += _named(rest, role, line)
    return found


def _short_before(sentence: str, at: int, name: str) -> bool:
    return any(
        _shortens(sentence[at - size : at], name) for size in range(2, min(_LONGEST_SHORT, at) + 1)
    )


def _shortens(short: str, name: str) -> bool:
    """妇儿工委 of 深圳市妇女儿童工作委员会: the name's characters in order, from its first
    after the place, ending in one of the body word's."""
    place = max(name.rfind(char, 0, 12) for char in _PLACE_ENDS)
    core = name[place + 1 :]
    if len(short) >= len(core) or short[0] != core[0] or short[-1] not in core[-3:]:
        return False
    remaining = iter(core)
    return all(char in remaining for char in short)


def _named(rest: str, role: str, line: int) -> list[PersonFound]:
    """主任是闫小培副市长: one person, name and post fused or post before name."""
    entry = re.split(f"[{_ENTRY_ENDS}]", rest, maxsplit=1)[0]
    who, post = person(entry)
    if who is None:
        who, post = post_then_name(entry)
    return [PersonFound(role, who, post, line)] if who is not None else []


def _by_posts(rest: str, role: str, line: int) -> list[PersonFound]:
    """副主任由A、B兼任: a person per post, named when the post ends with a name."""
    cut = re.search(r"兼任|担任", rest[:120])
    if cut is None or "，" in rest[: cut.start()]:
        return []
    people = []
    for post in convenor_posts(rest[: cut.start()]):
        who, printed = post_then_name(post)
        people.append(PersonFound(role, who, printed, line))
    return people


def _without_repeats(found: list[PersonFound]) -> list[PersonFound]:
    """The rule sentence's 主任由主管教育的副市长兼任 is the 主任 named elsewhere (闫小培
    副市长): a seat by post whose post ends with a named holder's post is that holder."""
    named = [p for p in found if p.name]
    return [
        p
        for p in found
        if p.name or not any(n.role == p.role and n.post and p.post.endswith(n.post) for n in named)
    ]
