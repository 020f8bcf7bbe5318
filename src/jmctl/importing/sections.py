"""The body of a 制度 (or of a notice laid out inline): preamble, then sections under
level-1 headings, each read by the recogniser its heading calls for. Paragraphs whose
section is unknown still go through the recognisers of facts stated in prose."""

from __future__ import annotations

import re

from jmctl.genre import HEADING_1, heading, strip_marker, without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.duties import ENDS, read_duties
from jmctl.importing.duty_spans import take_duties
from jmctl.importing.facts import convenors_in, liaisons_in, members_in, office_in
from jmctl.importing.prose_roster import members_named_in, members_serving_in
from jmctl.importing.result import MembersFound, Reading
from jmctl.importing.roster import is_roster_line, read_roster, roster_in
from jmctl.importing.tables import duty_tables, read_tables, task_tables
from jmctl.importing.units import spaced_units
from jmctl.importing.words import import_words

LEAD_IN = re.compile(r"现将有关事[宜项](?:通知|批复|函告)如下：$|现(?:批复|通知|函复)如下：$")
_KINDS: tuple[str, ...]  # grown below, a few words a line
_KINDS = ("duties", "office", "roster", "organisation", "functions", "members_words")
_KINDS += ("rules", "requirements")
GENERATED_OFFICE = re.compile(
    r"^联席会议办公室设在(.+?)(?:，(.+?)同志兼任办公室主任|，办公室主任由(.+?)兼任)?，负责联席会议日常工作。$"
)


def is_heading_1(text: str) -> bool:
    found = heading(text)
    return found is not None and found[0] == 1 and len(text) <= 40 and not text.endswith("。")


def section_kind(title: str) -> str | None:
    """Return which part a level-1 heading opens (the most specific kind first)."""
    words = import_words()
    return next((kind for kind in _KINDS if any(w in title for w in words[kind])), None)


def paragraphs(blocks: list[Block]) -> list[tuple[int, str]]:
    """Join lines broken mid-sentence; return (first line, text) per paragraph."""
    joined: list[tuple[int, str]] = []
    for block in blocks:
        text = without_padding(block.text)
        if joined and not joined[-1][1].endswith(ENDS) and heading(text) is None:
            number, previous = joined[-1]
            joined[-1] = (number, previous + text)
        else:
            joined.append((block.number, text))
    return joined


def items(blocks: list[Block]) -> list[tuple[int, str]]:
    """Return numbered items (markers stripped), or the paragraphs when none is numbered."""
    found: list[tuple[int, str]] = []
    for block in blocks:
        text = without_padding(block.text)
        level, rest = strip_marker(text)
        if level is not None or not found or found[-1][1].endswith(ENDS):
            found.append((block.number, rest))
        else:
            number, previous = found[-1]
            found[-1] = (number, previous + text)
    return found


def read_body(blocks: list[Block], reading: Reading, preamble_key: str | None) -> None:
    """Read a 制度's blocks: the paragraphs before the first heading (into `preamble_key`,
    or left to the recognisers of facts), then each section."""
    start = next((i for i, b in enumerate(blocks) if is_heading_1(b.text)), len(blocks))
    lead, duties = take_duties(blocks[:start])
    reading.duties += duties
    spaced = [(b, units) for b in lead if (units := spaced_units(b.text)) is not None]
    if spaced:  # the 制度's member units, a line of them separated by spaces
        found = [unit for _, units in spaced for unit in units]
        reading.members.append(MembersFound(found, spaced[0][0].number))
        lead = [b for b in lead if b not in {b for b, _ in spaced}]
    roster_at = next((i for i, b in enumerate(lead) if b.is_row or is_roster_line(b.text)), None)
    if roster_at is not None:  # 组成人员名单如下： and the roster, with no heading
        organisation(lead[roster_at:], reading)
        lead = lead[:roster_at]
    if lead and preamble_key is not None:
        texts = [(n, LEAD_IN.sub("", t)) for n, t in paragraphs(lead)]
        reading.lead_in = reading.lead_in or any(LEAD_IN.search(t) for _, t in paragraphs(lead))
        texts = [(n, t) for n, t in texts if t]
        for number, text in texts:  # a notice with no headings states its facts here
            _facts(text, number, reading)
        if texts:
            value = [t for _, t in texts]
            reading.meeting[preamble_key] = value[0] if len(value) == 1 else value
            reading.note(("meeting", preamble_key), texts[0][0])
    elif lead:
        prose(lead, reading)
    index = start
    while index < len(blocks):
        head = blocks[index]
        end = next(
            (j for j in range(index + 1, len(blocks)) if is_heading_1(blocks[j].text)),
            len(blocks),
        )
        match = heading(without_padding(head.text))
        title = match[2] if match else head.text
        section(title, head, blocks[index + 1 : end], reading)
        index = end


def section(title: str, head: Block, content: list[Block], reading: Reading) -> None:
    kind = section_kind(title)
    if kind != "duties":  # （三）成员单位职责 inside the organisation, or 其职责分工为：
        content, duties = take_duties(content)
        reading.duties += duties
    if kind in ("organisation", "roster", "members_words"):
        organisation(content, reading)
    elif kind == "functions":
        functions(content, reading, head.number)
    elif kind == "office":
        reading.office.functions += [t for _, t in items(content)]
        reading.note(("office", "functions"), head.number)
    elif kind == "duties":
        read_tables([b for b in content if b.is_row], reading)
        duties, left = read_duties([b for b in content if not b.is_row])
        reading.duties += duties
        prose(left, reading)
    elif kind in ("rules", "requirements"):
        found = items(content)
        reading.meeting.setdefault(kind, [])
        reading.meeting[kind] += [t for _, t in found]
        reading.note(("meeting", kind), content[0].number if content else head.number)
        for number, text in found:
            office_in(text, number, reading.office)
    elif any(b.is_row or is_roster_line(b.text) for b in content):
        organisation(content, reading)  # a roster under a heading of its own wording
    else:
        texts = [t for _, t in paragraphs(content)]
        reading.meeting.setdefault("sections", []).append({"heading": title, "paragraphs": texts})
        for number, text in paragraphs(content):
            _facts(text, number, reading)


def functions(content: list[Block], reading: Reading, line: int) -> None:
    """Functions numbered 1. / 1、/ （一）: every item kept; a short （一） heading naming
    the body or its office (（二）联席会议办公室。) opens whose functions follow."""
    target = "meeting"
    subheadings = {b.number for b in content if _subheading(without_padding(b.text)) is not None}
    for number, text in items(content):
        if number in subheadings:
            target = _subheading(text) or target
            if target == "office":
                reading.note(("office", "functions"), number)
            continue
        if target == "office":
            reading.office.functions.append(text)
        else:
            reading.meeting.setdefault("functions", []).append(text)
            reading.note(("meeting", "functions"), line)


def _subheading(text: str) -> str | None:
    """Return "office" or "meeting" for （一）联席会议。/（二）联席会议办公室职责, else None."""
    found = heading(text)
    rest = found[2] if found is not None and found[0] == 2 else text
    if found is not None and found[0] != 2:
        return None
    if len(rest) > 16 or rest.endswith(("；", "，")) or not rest:
        return None
    if "办公室" in rest:
        return "office"
    body = rest.rstrip("。：").removesuffix("职责").removesuffix("主要")
    return "meeting" if body.endswith(("联席会议", "领导小组", "委员会", "指挥部")) else None


def organisation(content: list[Block], reading: Reading) -> None:
    """Roster lines and tables become the roster; the section's prose is kept as the
    meeting's organisation paragraphs and read for members, convenors and the office."""
    tasks = task_tables(content) | duty_tables(content)  # read as tasks or duties, not roster
    used = read_tables([b for b in content if b.table in tasks], reading)
    # Lines and table rows in the order printed: a label line (成　员：) sets the role of
    # the table rows after it, as it does for lines.
    roster = read_roster([b for b in content if b.table not in tasks or not b.is_row])
    reading.people += roster.people
    reading.role_bodies += [label.body for label in roster.labels]
    reading.members += roster.members
    used |= roster.used
    for row in content:
        if row.is_row and row.index not in used:
            reading.keep(row.number, row.text, row.table)  # a table not understood
            used.add(row.index)
    rest = [b for b in content if b.index not in used]
    kept = []
    for number, text in paragraphs(rest):
        _facts(text, number, reading)
        if not GENERATED_OFFICE.match(text):
            kept.append((number, text))
    if kept:
        reading.meeting.setdefault("organisation", [])
        reading.meeting["organisation"] += [t for _, t in kept]
        reading.note(("meeting", "organisation"), kept[0][0])


def prose(blocks: list[Block], reading: Reading) -> None:
    """Blocks outside any known section: roster lines are read as a roster, the rest
    kept in `unplaced` after the fact recognisers have read them."""
    roster_like = [b for b in blocks if b.is_row or is_roster_line(b.text)]
    if roster_like:
        organisation(blocks, reading)
        return
    for number, text in paragraphs(blocks):
        if _facts(text, number, reading):
            reading.meeting.setdefault("organisation", []).append(text)
            reading.note(("meeting", "organisation"), number)
        else:
            reading.keep(number, text)


def _facts(text: str, number: int, reading: Reading) -> bool:
    """Read a paragraph for facts; return whether it stated any."""
    said = office_in(text, number, reading.office)
    inline = roster_in(text, number)
    if inline is not None:
        reading.people += inline.people
        reading.role_bodies += [label.body for label in inline.labels]
        reading.members += inline.members
        said = True
    members = members_in(text, number, last=True)
    if members is not None:
        reading.members.append(members)
        said = True
    elif named := members_named_in(text, number):  # 成员包括：…副主任郭卫民、…
        reading.people += named
        said = True
    elif serving := members_serving_in(text, number):  # …李日先、…陶慧孜任成员
        reading.prose_people += serving
        said = True
    convenors = convenors_in(text, number)
    reading.prose_people += convenors
    liaisons = liaisons_in(text)
    if liaisons and reading.liaisons is None:
        reading.liaisons = liaisons
    return said or bool(convenors) or bool(liaisons)


def heading_line(text: str) -> bool:
    return bool(HEADING_1.match(text))
