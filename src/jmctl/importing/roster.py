"""Rosters in every printed variant: label：name post; a label on its own line (or broken
over two); padded, unpadded, fused names; names alone or posts alone; a whole roster on
one line; a 成员 label followed by units; and Word tables of two or three columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from jmctl.importing.blocks import Block
from jmctl.importing.duties import unit_like
from jmctl.importing.people import (
    could_be_name,
    is_prefixed_unit,
    names_only,
    people_run,
    person,
    split_posts,
    starts_like_post,
)
from jmctl.importing.result import MembersFound, PersonFound
from jmctl.importing.units import split_list, unit_list
from jmctl.importing.words import RoleLabel, label_pattern, longest_first, role_labels


@dataclass
class RosterRead:
    people: list[PersonFound] = field(default_factory=list)
    members: list[MembersFound] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    labels: list[RoleLabel] = field(default_factory=list)


def label_at_start(text: str) -> tuple[RoleLabel, str] | None:
    """Return (label, the rest) of a line that starts with a roster label."""
    match = label_pattern().match(text)
    if match is None:
        return None
    label = role_labels()[re.sub(r"[ \t\u3000]", "", match.group())]
    return label, text[match.end() :].lstrip(" \t：:")


@cache
def _inline_labels() -> re.Pattern[str]:
    """A label inside a line, always followed by its colon: 副组长：, 成员:."""
    labels = "|".join(map(re.escape, sorted(role_labels(), key=len, reverse=True)))
    return re.compile(rf"(?:{labels})[ \t]*[：:]")


def segments(text: str) -> list[tuple[RoleLabel | None, str]]:
    """Split a line at the labels it holds: "组长：甲；副组长：乙、丙" → two segments."""
    start = label_at_start(text)
    first: RoleLabel | None = None
    if start is not None:
        first, text = start
    found: list[tuple[RoleLabel | None, str]] = []
    label, begin = first, 0
    for match in _inline_labels().finditer(text):
        if match.start() == 0:
            continue
        found.append((label, text[begin : match.start()]))
        label = role_labels()[re.sub(r"[ \t：:]", "", match.group())]
        begin = match.end()
    found.append((label, text[begin:]))
    return [(label, rest.strip(" ；;，,")) for label, rest in found]


def roster_in(text: str, line: int) -> RosterRead | None:
    """Read a roster run into a sentence (所长：甲；副所长：乙、丙；成员：…。), when the
    sentence holds two labels or more."""
    labels = list(_inline_labels().finditer(text))
    if len(labels) < 2:
        return None
    end = text.find("。", labels[-1].end())
    run = text[labels[0].start() : end if end >= 0 else len(text)]
    read = RosterRead()
    for label, rest in segments(run):
        if label is not None and rest:
            _entries(label, rest, line, read)
    return read if read.people or read.members else None


def is_roster_line(text: str) -> bool:
    return label_at_start(text) is not None


def read_roster(blocks: list[Block]) -> RosterRead:
    """Read the roster lines and table rows among `blocks`; other blocks are left."""
    read = RosterRead()
    role: RoleLabel | None = None
    previous: PersonFound | None = None
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block.is_row:
            role = _row(block, role, read)
            previous = None
            continue
        text = block.text
        if index < len(blocks) and _broken_label(text, blocks[index].text):
            text += blocks[index].text  # 召 ⏎ 集 人：
            read.used.add(block.index)
            block = blocks[index]
            index += 1
        parts = segments(text)
        clipped = clipped_label(text, blocks[index : index + 3])
        if clipped is not None:  # " 长：孙会方" before 副组长：, the 组 lost by the copy
            parts = [clipped]
        if parts[0][0] is None and previous is not None and _continues_post(previous, text):
            previous.post += text.strip()
            read.used.add(block.index)
            continue
        if parts[0][0] is None and (role is None or not _entry_like(text)):
            role = None
            continue
        if parts[0][0] is None and _units_after_people(role, previous, text):
            role = None  # 成员 rows of persons, then 市发改委、市经信委…: the next section's
            continue
        read.used.add(block.index)
        for label, rest in parts:
            role = label or role
            if role is not None and rest:
                added = _entries(role, rest, block.number, read)
                previous = added[-1] if added else None
    return read


def clipped_label(text: str, following: list[Block]) -> tuple[RoleLabel, str] | None:
    """ " 长：孙会方" with "副组长：" on a line below: a copy lost the label's first
    character. The fragment is read as the shortest label of the next label's body that
    ends with it (组长); with no label below, nothing is guessed."""
    fragment, colon, rest = text.strip().partition("：")
    if not colon or not 1 <= len(fragment) <= 2 or not rest.strip() or label_at_start(text):
        return None
    below = next((found for b in following if (found := label_at_start(b.text))), None)
    if below is None:
        return None
    fits = [
        label
        for label in role_labels().values()
        if label.body == below[0].body
        and len(label.text) > len(fragment)
        and label.text.endswith(fragment)
    ]
    return (min(fits, key=lambda label: len(label.text)), rest.strip()) if fits else None


def _broken_label(text: str, following: str) -> bool:
    """召 ⏎ 集 人：: a line of one or two characters that, with the next, starts a label."""
    short = re.sub(r"[ \t]", "", text)
    return (
        1 <= len(short) <= 2
        and label_at_start(short + following) is not None
        and not (label_at_start(text))
    )


def _units_after_people(role: RoleLabel | None, previous: PersonFound | None, text: str) -> bool:
    """A line of units under a 成员 label whose rows named persons: no row of it."""
    return (
        role is not None and role.role == "members" and previous is not None and _is_unit_list(text)
    )


def _entry_like(text: str) -> bool:
    """A line that may continue the role above it: short, no sentence, no label of its
    own (成员单位：… ends the roster)."""
    if "：" in text[:12] or "由" in text[:6]:
        return False
    return len(text) <= 60 and not text.endswith(("。", "："))


def _continues_post(previous: PersonFound, text: str) -> bool:
    """A post wrapped onto the next line: one token that is no person of its own."""
    return (
        bool(re.fullmatch(r"\S{1,20}", text))
        and not post_complete(previous.post)
        and not could_be_name(text[:3])
        and person(text)[0] is None
    )


def post_complete(post: str) -> bool:
    return post.endswith(longest_first("post_ends")) or post.endswith(
        ("员", "记", "席", "理", "导", "人", "部", "委", "干部")
    )


def _entries(role: RoleLabel, rest: str, line: int, read: RosterRead) -> list[PersonFound]:
    """Add the people (or member units) one label's text names; return the people."""
    names = names_only(rest)
    if names is not None:
        added = [_found(role, name, "", line) for name in names]
    elif role.role == "members" and _is_unit_list(rest):
        read.members.append(MembersFound(unit_list(rest), line))
        read.labels.append(role)
        return []
    elif (run := people_run(rest)) is not None:
        added = [_found(role, name, post, line) for name, post in run]
    else:
        added = [_found(role, *person(part), line) for part in _people_parts(rest)]
    read.people += added
    read.labels.append(role)
    return added


def _people_parts(rest: str) -> list[str]:
    """Split "区政府分管副区长；区民政局局长" at semicolons, and posts alone joined by 、
    (区人民政府办公室分管领导、区民政局局长); one person otherwise."""
    parts = [part.strip() for part in re.split(r"[；;]", rest) if part.strip()] or [rest]
    split: list[str] = []
    for part in parts:
        pieces = split_list(part)
        if len(pieces) > 1 and all(is_prefixed_unit(piece) for piece in pieces):
            split += pieces
        else:
            split += split_posts(part)
    return split


def _is_unit_list(rest: str) -> bool:
    items = split_list(rest)
    if len(items) < 3 or person(items[0])[0] is not None:
        return False  # 王浩 浙江省省长、…组委会主席: one person with a compound post
    names = [item for item in items if could_be_name(item) and not unit_like(item)]
    return len(names) * 2 < len(items)


def _found(role: RoleLabel, name: str | None, post: str, line: int) -> PersonFound:
    label = None if role.standard else role.text
    return PersonFound(role.role, name, post.strip(), line, label)


# Tables --------------------------------------------------------------------------------

_NAME_HEADERS = ("姓名", "名字")
_POST_HEADERS = ("单位及职务", "单位职务", "工作单位及职务", "现任职务", "工作单位", "单位", "职务")


def _row(block: Block, role: RoleLabel | None, read: RosterRead) -> RoleLabel | None:
    """Read one table row; return the role in force after it."""
    cells = [re.sub(r"\s", "", cell) for cell in block.cells]
    distinct = list(dict.fromkeys(cell for cell in cells if cell))
    if any(cell in _NAME_HEADERS for cell in distinct):
        read.used.add(block.index)  # the header row
        return role
    if len(distinct) == 1 and distinct[0].rstrip("：:") in role_labels():
        read.used.add(block.index)  # a label row merged across the table
        return role_labels()[distinct[0].rstrip("：:")]
    labelled = next((c for c in distinct if c.rstrip("：:") in role_labels()), None)
    if labelled is not None:
        role = role_labels()[labelled.rstrip("：:")]
    rest = [cell for cell in distinct if cell != labelled]
    if role is None or not rest:
        return role
    name = next((cell for cell in rest if could_be_name(cell)), None)
    posts = [cell for cell in rest if cell != name and not cell.isdigit()]
    post = "".join(posts)
    blank_name = "" in cells  # a post whose name cell is empty: 八镇分管领导
    if name is None and not (post and (starts_like_post(post) or blank_name)):
        return role
    read.used.add(block.index)
    read.people.append(_found(role, name, post, block.number))
    read.labels.append(role)
    return role
