"""The posts a convenor sentence lists, one per person.

"县委常委、常务副县长" is one person holding two posts (a 常委 is always also something
else); "分管应急管理、地震监测工作的县政府办公室副主任" is one post whose scope lists two
fields; "…副主任，以及县应急管理局局长、…" continues the list after 以及; "州委常委、州政府副州长、
州委政法委书记罗凉清" names one person after all their posts.
"""

from __future__ import annotations

import re

from jmctl.importing.people import could_be_name, post_then_name, split_posts, starts_like_post
from jmctl.importing.units import split_list
from jmctl.importing.words import import_words, longest_first

SCOPE_OPENS = "分管"  # 分管A、B工作的X: the 、 before 的 is inside the scope
_SEVERAL = "各两三四五六七八九十"  # 各镇镇长, 八镇分管领导: the heads of several


def seat_unit(post: str, collective: str | None, government: str) -> str:
    """The unit of a convenor or member printed by post alone: 镇长 or 分管民政工作的副镇长
    sits in the government; 八镇分管领导 in the collective the document names (各镇人民政府),
    if any."""
    heads = tuple(import_words()["government_heads"])
    if collective is None or (post.endswith(heads) and not post.startswith(tuple(_SEVERAL))):
        return government
    return collective


# Posts standing for a crowd, not a seat: the rest of the leaders, a range of them.
_CROWD = re.compile(r"^(?:其余|其他)|\d\s*[-—~～至]\s*\d+\s*[名位]")
_BODY = r"(?:联席会议|领导小组|委员会|指挥部)"
_BODY_THEN_NAME = re.compile(rf"{_BODY}([^，,、]{{2,4}})$")


def seat_posts(said: str) -> str | None:
    """The posts of a seat sentence's clause before its verb, from the clause's own 由 or
    以 (成立了以市委书记张美文为指挥长); None for a crowd (其余29位市领导为副指挥长, 由1-3名
    市领导担任组长). A name right after the body's name is the person (国务院成立…领导小组
    张高丽任组长, a headline run into the text)."""
    posts = said.rsplit("由", 1)[-1]
    at = posts.rfind("以")
    if at >= 0 and starts_like_post(posts[at + 1 :]):
        posts = posts[at + 1 :]
    if _CROWD.search(posts):
        return None
    posts = re.sub(rf"^{_BODY}", "", posts)
    named = _BODY_THEN_NAME.search(posts)
    return named.group(1) if named and could_be_name(named.group(1)) else posts


_JOINTS = re.compile(r"以及|及|和")


def convenor_posts(posts: str) -> list[str]:
    """Return the posts `posts` names, one per person."""
    return [post for part in _joined_parts(posts) for post in _part_posts(part)]


def _joined_parts(posts: str) -> list[str]:
    """Split at 及, 和, 以及 where what precedes is complete, a post or a name (省政府副秘书长
    王太晖及省统计局、省委宣传部相关负责人; 旅游局主要负责同志和中宣部、发改委有关负责同志);
    住房和城乡建设厅 stays whole."""
    ends = longest_first("post_ends")
    parts, start = [], 0
    for joint in _JOINTS.finditer(posts):
        left = posts[start : joint.start()]
        if len(left) >= 3 and (left.endswith(ends) or post_then_name(left)[0] is not None):
            parts.append(left)
            start = joint.end()
    return [*parts, posts[start:]]


def _part_posts(posts: str) -> list[str]:
    whole = split_posts(posts)
    if len(whole) > 1:
        items = whole
    else:
        items = [part for item in split_list(posts) for part in item.split("以及") if part]
        items = _joined_scopes(items)
    listed = _joined_concurrent([post for item in items for post in split_posts(item)])
    return _joined_before_a_name(listed)


def _joined_before_a_name(posts: list[str]) -> list[str]:
    """Posts none of which names a person, then one that does: one person's posts, their
    name printed once after the last (…、州委政法委书记罗凉清)."""
    if len(posts) < 2 or post_then_name(posts[-1])[0] is None:
        return posts
    if any(post_then_name(post)[0] is not None for post in posts[:-1]):
        return posts
    return ["、".join(posts)]


def _joined_scopes(items: list[str]) -> list[str]:
    joined: list[str] = []
    for item in items:
        if joined and joined[-1].startswith(SCOPE_OPENS) and "的" not in joined[-1]:
            joined[-1] += "、" + item
        else:
            joined.append(item)
    return joined


def _joined_concurrent(posts: list[str]) -> list[str]:
    """县委常委、常务副县长: a post that is only ever held with another joins the next."""
    ends = tuple(import_words()["concurrent_post_ends"])
    joined: list[str] = []
    for post in posts:
        if joined and joined[-1].endswith(ends):
            joined[-1] += "、" + post
        else:
            joined.append(post)
    return joined
