"""A committee's seats in prose by its own labels (主任, 副主任), which the general prose
readers leave alone because in most documents they are the office's (办公室主任由…兼任):
"市妇儿工委主任由主管教育的副市长兼任、副主任由市政府一名副秘书长、…、市妇联主席兼任",
"现任妇儿工委主任是闫小培副市长".

Read only for a committee, never in a sentence that has spoken of the office before the
label, and never the 办公室主任 or a deputy's 主任 itself. A named holder of a seat
replaces the same seat given by post (the rule sentence and the news of who holds it).
"""

from __future__ import annotations

import re
from functools import cache

from jmctl.domain import role_registry
from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.people import could_be_name, person, post_then_name, without_comrade
from jmctl.importing.result import PersonFound

_SENTENCES = re.compile(r"[^。；;]+")
_NAMED = ("是",)  # 主任是闫小培副市长: the holder, named
# Who held a seat before (首任, 时任, 原, 前任): history, not this roster.
FORMER = ("首任", "时任", "前任", "原任", "此前")


def committee_seats(kind: str, texts: list[tuple[int, str]]) -> list[PersonFound]:
    """Return the committee's chief and deputy seats its prose gives."""
    if kind != "committee":
        return []
    by_post: list[PersonFound] = []
    named: list[PersonFound] = []
    for line, text in texts:
        for sentence in _SENTENCES.finditer(text):
            for found in _seats_in(sentence.group(), line):
                (named if found.name else by_post).append(found)
    held = {found.role for found in named if found.role == "chief_convenors"}
    return named + [found for found in by_post if found.role not in held]


def _seats_in(sentence: str, line: int) -> list[PersonFound]:
    if any(word in sentence for word in FORMER):
        return []  # 首任委员会主任由时任国务院副总理李克强担任: history
    office = sentence.find("办公室")  # found once: a sentence of many labels stays linear
    found = _serving(sentence, office, line)
    for match in _pattern().finditer(sentence):
        start = match.start()
        if 0 <= office < start or sentence[start - 1 : start] == "办":
            continue  # the office's 主任 (办公室主任由…, 妇儿工委办主任)
        role = _labels()[match.group(1)]
        said = _said(sentence[match.end() : match.end() + _MAX_SAID], match.group(2))
        if not said:
            continue
        if match.group(2) in _NAMED:
            name, post = person(said)
            if name is not None:
                found.append(PersonFound(role, name, post, line))
            continue
        for post in convenor_posts(said):
            name, printed = post_then_name(post)
            found.append(PersonFound(role, name, printed, line))
    return found


_CLAUSES = re.compile(r"[^，,]+")


def _serving(sentence: str, office: int, line: int) -> list[PersonFound]:
    """县委常委副县长刘振邦任主任，刘源法、徐明高任副主任: named persons, the label closing
    the clause, before the sentence speaks of the office (徐明高兼任办公室主任)."""
    found = []
    for clause in _CLAUSES.finditer(sentence):
        match = _serving_pattern().search(clause.group())
        if match is None or match.start() > _MAX_SAID or 0 <= office < clause.start():
            continue  # a clause longer than a list of persons, or the office's
        listed = clause.group()[: match.start()].rsplit("由", 1)[-1]
        named = [_named(post) for post in convenor_posts(without_comrade(listed))]
        if named and all(name for name, _ in named):
            role = _labels()[match.group(1)]
            found += [PersonFound(role, name, post, line) for name, post in named]
    return found


def _named(post: str) -> tuple[str | None, str]:
    post = without_comrade(post)
    return (post, "") if could_be_name(post) else post_then_name(post)


@cache
def _serving_pattern() -> re.Pattern[str]:
    labels = "|".join(sorted(_labels(), key=len, reverse=True))
    return re.compile(rf"(?<!兼)(?:担任|任)({labels})$")


_MAX_SAID = 200  # what one label's posts may take, to 担任: a bound, so the search is linear
_SERVES = re.compile(r"(?:分别|将|均)?(?:担任|兼任)|[，,]")


def _said(rest: str, verb: str) -> str:
    """The posts after 由, up to 担任 or 兼任 (a comma first: no seat said); after 是, the
    holder, up to the clause's end."""
    end = _SERVES.search(rest)
    if verb in _NAMED:
        return rest[: end.start()] if end else rest
    if end is None or end.group() in "，,":
        return ""
    return rest[: end.start()]


@cache
def _pattern() -> re.Pattern[str]:
    labels = "|".join(sorted(_labels(), key=len, reverse=True))
    # The label where a word starts: not the 主任 of 副主任, nor after 常务 or 第一.
    return re.compile(rf"(?<![副务一])({labels})(由|是)")


@cache
def _labels() -> dict[str, str]:
    """The committee's labels of chief and deputy seats → roster key."""
    entry = role_registry()["bodies"]["committee"]
    labels = {text: role for role, text in entry["labels"].items() if role != "members"}
    labels |= {text: role for text, role in entry.get("also", {}).items() if role != "members"}
    return labels
