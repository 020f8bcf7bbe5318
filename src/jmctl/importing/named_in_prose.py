"""A roster seat the notice's prose names with a person: "现将国务委员、全国安全生产委员会
主任邹家华同志在…的讲话转发给你们". A notice that issues a body's rules often names its
head this way and prints no roster at all.

Only the body's own name followed by one of its own labels, a name and 同志 is read, so
the 主任 of another committee (县人大常务委员会主任) or of the office (办公室主任) is not.
"""

from __future__ import annotations

import re
from functools import cache

from jmctl.domain import role_registry
from jmctl.importing.committee_seats import FORMER, committee_seats
from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.people import could_be_name, post_then_name
from jmctl.importing.result import PersonFound, Reading
from jmctl.importing.titled_in_prose import titled_in_prose
from jmctl.importing.words import body_names

# A person's name before 同志: at most six characters (尼加提·尼亚孜), so the search is linear.
_NAME = r"([\u4e00-\u9fff·]{2,7}?)同志"
# Where the post printed before the body's name starts: after the clause's own verb.
_POST_STOPS = "将由为，,。；;：:（(、"


def add_named_in_prose(reading: Reading, name: str, kind: str) -> None:
    """The seats the notice's prose gives a person (…委员会主任邹家华同志), for roles that
    neither the roster nor a sentence by post fills."""
    line = reading.origins.get(("notice", "body"), reading.origins.get(("meeting", "preamble"), 0))
    texts = [(line, text) for text in reading.notice.get("body", [])]
    texts += [(line, text) for text in _paragraphs(reading.meeting.get("preamble"))]
    # A role the roster or a sentence by post fills is not read again; one that prose
    # fills with named persons takes more of them (常务副指挥长周高明, then 副指挥长王如龙).
    filled = {person.role for person in reading.people}
    filled |= {person.role for person in reading.prose_people if not person.name}
    found = named_in_prose(name, kind, texts) + serving_in_prose(name, kind, texts)
    found += committee_seats(kind, texts) + titled_in_prose(kind, texts)
    named = {(p.role, p.name) for p in reading.prose_people if p.name}  # 邹家华 found twice
    for person in found:
        if person.role in filled or (person.name and (person.role, person.name) in named):
            continue
        if person.name:
            named.add((person.role, person.name))
        reading.prose_people.append(person)


def _paragraphs(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def named_in_prose(name: str, kind: str, texts: list[tuple[int, str]]) -> list[PersonFound]:
    """Return the seats `texts` (line, paragraph) give a person of the body `name`."""
    if not name or len(name) < 4:
        return []
    pattern = re.compile(re.escape(name) + f"({'|'.join(_labels(kind))})" + _NAME)
    found: list[PersonFound] = []
    seen: set[tuple[str, str]] = set()
    for line, text in texts:
        for match in pattern.finditer(text):
            label, person = match.group(1), match.group(2)
            role = _labels(kind)[label]
            if not could_be_name(person) or (role, person) in seen:
                continue
            seen.add((role, person))
            found.append(PersonFound(role, person, _post_before(text, match.start()), line))
    return found


def _post_before(text: str, start: int) -> str:
    """国务委员 in "国务委员、全国安全生产委员会主任": the post the person also holds."""
    if start == 0 or text[start - 1] != "、":
        return ""
    head = text[max(0, start - 21) : start - 1]
    cut = max(head.rfind(stop) for stop in _POST_STOPS)
    return head[cut + 1 :]


@cache
def _labels(kind: str) -> dict[str, str]:
    """The body's printed labels → roster key, longest first (常务副主任 before 主任)."""
    entry = role_registry()["bodies"][kind]
    labels = {text: role for role, text in entry["labels"].items() if role != "members"}
    labels |= {text: role for text, role in entry.get("also", {}).items() if role != "members"}
    return dict(sorted(labels.items(), key=lambda item: -len(item[0])))


def serving_in_prose(name: str, kind: str, texts: list[tuple[int, str]]) -> list[PersonFound]:
    """The seats a sentence gives by "X担任<the body>主任" (国务院副总理韩正担任国务院食品安全
    委员会主任，国务院副总理胡春华、国务委员王勇担任委员会副主任): the body by its name or its
    kind's word, then one of its own labels, never its office's (委员会办公室主任)."""
    if not name or len(name) < 4:
        return []
    labels = _labels(kind) | _member_labels(kind)
    word = next((end for end in body_names() if name.endswith(end)), name)
    # Found by the verb, the body and the label; the posts are read back from there to the
    # clause's start (at most 60 characters), so the search is linear in the text.
    pattern = re.compile(
        rf"(?:分别|将|均)?(?:担任|任)(?:{re.escape(name)}|{re.escape(word)})"
        rf"({'|'.join(sorted(labels, key=len, reverse=True))})"
    )
    found: list[PersonFound] = []
    for line, text in texts:
        for match in pattern.finditer(text):
            posts = _clause_before(text, match.start()).removeprefix("由")
            if len(posts) < 2 or any(word in posts for word in FORMER):
                continue
            for post in convenor_posts(posts.removesuffix("等")):
                person, printed = post_then_name(post.removesuffix("等"))
                found.append(PersonFound(labels[match.group(1)], person, printed, line))
    return found


_CLAUSE_STOPS = "，,。；;"
_MAX_POSTS = 60


def _clause_before(text: str, end: int) -> str:
    """The clause's text before `end`, at most 60 characters back."""
    head = text[max(0, end - _MAX_POSTS) : end]
    return head[max(head.rfind(stop) for stop in _CLAUSE_STOPS) + 1 :]


@cache
def _member_labels(kind: str) -> dict[str, str]:
    entry = role_registry()["bodies"][kind]
    labels = {text: role for role, text in entry["labels"].items() if role == "members"}
    return labels | {
        text: role for text, role in entry.get("also", {}).items() if role == "members"
    }


def with_prose_seats(printed: list[PersonFound], prose: list[PersonFound]) -> list[PersonFound]:
    """The printed roster, and the seats prose gives for roles it leaves empty. A person
    prose names twice in one role (a headline's 张高丽任组长, then 由国务院副总理张高丽任组长)
    is one entry, with the post where one of them prints it."""
    roles = {person.role for person in printed}
    people = list(printed)
    named: dict[tuple[str, str], int] = {}
    for person in prose:
        if person.role in roles:
            continue
        key = (person.role, person.name or "")
        if person.name and key in named:
            if person.post and not people[named[key]].post:
                people[named[key]] = person
            continue
        if person.name:
            named[key] = len(people)
        people.append(person)
    return people
