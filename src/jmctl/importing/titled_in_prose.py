"""A roster seat news prose gives by the body's label right before a person's name:
"区委常委、常务副区长，区人普领导小组组长罗遥出席", "县政府副县长、残工委主任王兴继",
"…指挥部副指挥长、副市长王如龙、苏子益". A news item names the body by a short name
(人普领导小组, 残工委) and prints no roster; these seats are all it says of one.

The label must follow a word that ends the body's kind (领导小组, 委员会, 工委, 指挥部), so
the 主任 of its office (领导小组办公室主任) is never read; the name ends where punctuation or
a word news writes after a name (出席, 主持, 代表) starts. Posts come from the 、-chain before
the body's name, or from a clause of posts just before it, or from the 、-chain after the
label. Every search is bounded (a clause of at most 60 characters), so the cost is linear.
"""

from __future__ import annotations

import re
from functools import cache

from jmctl.domain import role_registry
from jmctl.importing.committee_seats import FORMER
from jmctl.importing.people import could_be_name, starts_like_post
from jmctl.importing.result import PersonFound
from jmctl.importing.words import any_of, body_names, longest_first

_CLAUSE_STOPS = "，,。；;：:！？?!"
_MAX_CLAUSE = 60
_NAME_SIZES = (2, 3, 4)


def titled_in_prose(kind: str, texts: list[tuple[int, str]]) -> list[PersonFound]:
    """Return the seats of the body of `kind` that `texts` (line, paragraph) give by the
    label before a name, each person once per role."""
    found: list[PersonFound] = []
    seen: set[tuple[str, str]] = set()
    for line, text in texts:
        for match in _pattern(kind).finditer(text):
            if text[max(0, match.start() - 2) : match.start()] == "常务":
                continue  # 人大常务委员会主任: another committee
            before = _posts_before(text, match.start())
            if before is None:
                continue  # 原…领导小组组长: a former holder
            role = _labels(kind)[match.group(1)]
            for name, post in _named_after(text, match.end(), before):
                if (role, name) not in seen:
                    seen.add((role, name))
                    found.append(PersonFound(role, name, post, line))
    return found


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    ends = [end for end, body in body_names().items() if body == kind]
    labels = sorted(_labels(kind), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(ends)})({'|'.join(labels)})")


@cache
def _labels(kind: str) -> dict[str, str]:
    """The body's labels of a leading seat (not 成员, 委员) → roster key."""
    entry = role_registry()["bodies"][kind]
    labels = {text: role for role, text in entry["labels"].items() if role != "members"}
    return labels | {
        text: role for text, role in entry.get("also", {}).items() if role != "members"
    }


def _clause_start(text: str, end: int) -> int:
    start = max(0, end - _MAX_CLAUSE)
    return start + max(text.rfind(stop, start, end) - start for stop in _CLAUSE_STOPS) + 1


def _posts_before(text: str, body_at: int) -> str | None:
    """The posts printed before the body's name: its 、-chain, or a clause of posts just
    before ("区委常委、常务副区长，区人普…"); "" when none; None for a former holder."""
    start = _clause_start(text, body_at)
    chain_end = text.rfind("、", start, body_at)
    if any(word in text[start:body_at] for word in (*FORMER, "原")):
        return None
    if chain_end >= 0:
        return text[start:chain_end]
    if start >= 2 and text[start - 1] in "，,":
        clause = text[_clause_start(text, start - 1) : start - 1]
        if starts_like_post(clause) and clause.endswith(longest_first("post_ends")):
            return clause
    return ""


def _named_after(text: str, at: int, before: str) -> list[tuple[str, str]]:
    """The persons after the label: a name at once, or a 、-chain of posts and names."""
    size = _name_size(text, at)
    if size:
        return [(text[at : at + size], before)]
    if not text.startswith("、", at):
        return []
    clause = text[at + 1 : _clause_end(text, at + 1)]
    people: list[tuple[str, str]] = []
    posts: list[str] = []
    for item in clause.split("、"):
        size = _name_size(item, 0)
        if size and people:  # 王如龙、苏子益: the post printed once for both
            people.append((item[:size], people[-1][1]))
            continue
        named = _post_then_name(item)
        if named is None and people:
            break  # the chain of this seat's persons has ended
        if named is None:
            posts.append(item)  # 市委副书记、市长周高明: one person's posts
            continue
        people.append((named[0], "、".join([*posts, named[1]])))
        posts = []
    return people


def _post_then_name(item: str) -> tuple[str, str] | None:
    """(name, post) of "市长周高明率队…": the first post end a name follows."""
    for end in any_of("post_ends").finditer(item):
        size = _name_size(item, end.end())
        if size:
            return item[end.end() : end.end() + size], item[: end.end()]
    return None


def _clause_end(text: str, at: int) -> int:
    ends = [
        index for stop in _CLAUSE_STOPS if (index := text.find(stop, at, at + _MAX_CLAUSE + 1)) >= 0
    ]
    return min(ends, default=len(text))


def _name_size(text: str, at: int) -> int:
    """The length of the name at `at` (2–4), the shortest after which the name ends; 0 if none."""
    for size in _NAME_SIZES:
        name = text[at : at + size]
        if len(name) == size and could_be_name(name) and _ends_a_name(text, at + size):
            return size
    return 0


def _ends_a_name(text: str, at: int) -> bool:
    if at >= len(text) or not "\u4e00" <= text[at] <= "\u9fff":
        return True
    return any_of("after_name").match(text, at) is not None
