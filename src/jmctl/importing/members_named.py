"""Members named in prose, post before name: "领导小组成员包括：中央宣传部部务会议成员、新闻办
副主任郭卫民、发展改革委副主任张勇、…". A news item on a roster's adjustment prints the
whole roster this way; the 、 that separates persons also joins two posts of one person,
so posts without a name belong to the next person named.
"""

from __future__ import annotations

import re

from jmctl.importing.convenor_posts import convenor_posts
from jmctl.importing.people import post_then_name
from jmctl.importing.result import PersonFound

# 成员包括, 成员为, 成员有 — never 成员单位有 (units) — up to the sentence's end.
_MEMBERS_ARE = re.compile(r"成员(?:包括|有|为)[：:]?([^。；;]{4,2000})")
_FEWEST = 2  # one name after 成员为 is as likely a sentence about someone


def members_named_in(text: str, line: int) -> list[PersonFound]:
    """Return the members a paragraph names with their posts, or [] when the list after
    成员包括 is not one of named persons (a list of units, posts alone)."""
    match = _MEMBERS_ARE.search(text)
    if match is None:
        return []
    people = [post_then_name(post) for post in convenor_posts(match.group(1))]
    if len(people) < _FEWEST or any(name is None for name, _ in people):
        return []
    return [PersonFound("members", name, post, line) for name, post in people]
