"""A roster written as a sentence, post before name: "领导小组成员包括：中央宣传部部务会议成员、
新闻办副主任郭卫民、发展改革委副主任张勇、…". The same 、 that separates two persons joins two
posts of one: posts that name nobody belong to the next post that names someone.

Read only when most of the items name a person, so a list of member units is left to the
member readers. The same tier closed by its verb ("…市统计局总统计师陶慧孜任成员",
"徐小坚、…、程春仙等为成员") is read only when every item names a person.
"""

from __future__ import annotations

import re

from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.people import could_be_name, post_then_name, without_comrade
from jmctl.importing.result import PersonFound
from jmctl.importing.units import split_list

# 成员包括：, 成员为, 委员有: what introduces the members; the list runs to the sentence's end.
_INTRODUCED = re.compile(r"(?:成员|委员)(?:包括|有|为|是)[：:]?")
_SENTENCE_END = re.compile(r"[。；;]")
_MIN_PEOPLE = 2
# …任成员, …等为成员, …担任领导小组成员 closing a clause (not 为成员单位).
_SERVING = re.compile(r"(?:担任|为|任)(?:联席会议|领导小组|委员会|指挥部)?成员$")
_CLAUSES = re.compile(r"[^，,。；;]+")
_MAX_CLAUSE = 400  # a longer clause is no list of persons: a bound before splitting it


def members_named_in(text: str, line: int) -> list[PersonFound]:
    """Return the 成员 a sentence names with their posts, or [] when it names no persons."""
    found = _INTRODUCED.search(text)
    if found is None:
        return []
    end = _SENTENCE_END.search(text, found.end())
    items = split_list(text[found.end() : end.start() if end else len(text)])
    people: list[PersonFound] = []
    posts: list[str] = []
    for item in items:
        name, post = post_then_name(item.removesuffix("等"))
        posts.append(post if name else item)
        if name is not None:
            people.append(PersonFound("members", name, "、".join(posts), line))
            posts = []
    if len(people) < _MIN_PEOPLE or len(people) * 2 < len(items):
        return []  # a list of units (or of posts standing for seats): not this reader's
    return people


def members_serving_in(text: str, line: int) -> list[PersonFound]:
    """Return the 成员 of the clauses "A、B、C任成员" in `text` when every item names a person
    (post then name, or a bare name)."""
    people: list[PersonFound] = []
    for clause in _CLAUSES.finditer(text):
        found = _SERVING.search(clause.group())
        if found is None or found.start() > _MAX_CLAUSE:
            continue
        listed = clause.group()[: found.start()].rsplit("由", 1)[-1]
        serving = [_named(post) for post in convenor_posts(without_comrade(listed))]
        if serving and all(person[0] for person in serving):
            people += [PersonFound("members", str(name), post, line) for name, post in serving]
    return people


def _named(post: str) -> tuple[str | None, str]:
    post = without_comrade(post)
    if could_be_name(post):
        return post, ""
    return post_then_name(post)
