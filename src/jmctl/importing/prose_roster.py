"""A roster written as a sentence, post before name: "领导小组成员包括：中央宣传部部务会议成员、
新闻办副主任郭卫民、发展改革委副主任张勇、…". The same 、 that separates two persons joins two
posts of one: posts that name nobody belong to the next post that names someone.

Read only when most of the items name a person, so a list of member units is left to the
member readers.
"""

from __future__ import annotations

import re

from jmctl.importing.people import post_then_name
from jmctl.importing.result import PersonFound
from jmctl.importing.units import split_list

# 成员包括：, 成员为, 委员有: what introduces the members; the list runs to the sentence's end.
_INTRODUCED = re.compile(r"(?:成员|委员)(?:包括|有|为|是)[：:]?")
_SENTENCE_END = re.compile(r"[。；;]")
_MIN_PEOPLE = 2


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
