"""Duties of member units, in every printed form:

- "单位：……" paragraphs (label alone or inline), continuation paragraphs following;
- a marker of any level before the unit: "（一）县民政局。", "1.县民政局。负责……",
  "（1）市委宣传部：负责……";
- a unit's name alone on its line and its duties in the next paragraph(s): a 单位 | 职责
  table that a web copy flattened into paragraphs;
- sentences, "县发改局要……" or "办公室负责……；负责……", several units perhaps run
  together in one paragraph ("县教育局负责……；县民政局负责……").

A run of duties pauses at a short line that is neither a unit nor a continuation (相关依据,
案例): what follows belongs to no unit until the next unit opens.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from jmctl.genre import heading, strip_marker, without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.result import DutyFound
from jmctl.importing.words import import_words, longest_first

_COLON = re.compile(r"^([^：，。；—]{2,30})(?:：|——|—)(.*)$")
_FULL_STOP = re.compile(r"^([^：，。；]{2,30})。(.*)$")
# The unit, then the verb of its duty; the lazy span is bounded, so it cannot run away.
# 是/由/对/在/将/把 never stand inside a unit's name: 委员会是省政府负责…… names no unit.
_SENTENCE = re.compile(
    r"^([^，。：；是由对在将把]{2,24}?)(?:要|负责|牵头|承担|配合|做好|协助|指导|会同)"
)
_ALIAS = re.compile(r"[（(][^（）()]*[）)]$")
_CLAUSE = re.compile(r"[^；]+(?:；|$)")
ENDS = ("。", "；", "！", "？", "：")
SHORT_LINE = 20  # a line this short with no end punctuation is a caption, not a duty


def unit_like(text: str) -> bool:
    """Return whether `text` reads as one unit's name (县民政局, 各乡（镇）人民政府)."""
    name = _ALIAS.sub("", text.strip().rstrip("。.:："))
    ends = longest_first("unit_ends")
    fits = name.endswith(ends) or (name.startswith("各") and len(name) <= 12)
    return 2 <= len(name) <= 30 and fits and "，" not in name


def is_header(text: str) -> bool:
    """A duty list's column headers, alone or in a row: 相关部门, "序号 单位 职责"."""
    words = text.split()
    headers = import_words()["duty_headers"]
    return bool(words) and all(word in headers or word == "序号" for word in words)


def _is_unit(text: str) -> bool:
    """A unit's name, and not a column header of a duty list (相关部门, 责任单位)."""
    return unit_like(text) and text.strip().rstrip("。：") not in import_words()["duty_headers"]


def _named_unit(text: str) -> bool:
    """A unit by its own name (县民政局), not a collective (各单位要……), for the forms that
    have no colon to vouch for them: a name alone on its line, or ended by "。"."""
    name = _ALIAS.sub("", text.strip())  # 省农业农村厅（扶贫办）
    return _is_unit(text) and name.endswith(longest_first("unit_ends"))


_VERB = re.compile(r"要|负责|牵头|承担|配合|做好|协助|指导|会同|加强|做到")


def _collective(text: str) -> bool:
    """八、各村（社区）: a collective as a heading; 6、各单位要加强值守 is a sentence."""
    name = _ALIAS.sub("", text.strip())
    return name.startswith("各") and len(name) <= 8 and _is_unit(text) and not _VERB.search(name)


def duty_head(text: str, bare: bool = False) -> tuple[str, str] | None:
    """Return (unit, first item or "") when `text` opens a unit's duties; with `bare`, a
    unit's name alone on its line opens them too. A role in brackets after the unit
    (市水务局（牵头）：) is not part of its name."""
    head = _head(text, bare)
    return None if head is None else (_without_role(head[0]), head[1])


@cache
def _roles() -> re.Pattern[str]:
    roles = "|".join(map(re.escape, longest_first("duty_roles")))
    return re.compile(rf"[（(](?:{roles})[）)]$")


def _without_role(unit: str) -> str:
    return _roles().sub("", unit)


def _head(text: str, bare: bool) -> tuple[str, str] | None:
    found = heading(text)
    body = found[2] if found is not None else text
    label = _COLON.match(body)
    if label and _is_unit(label.group(1)):
        return label.group(1).strip(), label.group(2).strip()
    if found is None:
        plain = bare and _named_unit(text) and not text.endswith(ENDS) and not _VERB.match(text)
        stop = _FULL_STOP.match(text) if bare and not plain else None
        if stop and _named_unit(stop.group(1)) and not _VERB.match(text):  # 县委宣传部。负责……
            return stop.group(1).strip(), stop.group(2).strip()
        return (text.strip(), "") if plain else None
    stop = _FULL_STOP.match(body)
    if stop and _named_unit(stop.group(1)):  # 1.县民政局。负责……
        return stop.group(1).strip(), stop.group(2).strip()
    if _named_unit(body.rstrip("。.")) or _collective(body.rstrip("。.")):  # （一）县民政局
        return body.strip().rstrip("。.").strip(), ""
    sentence = _SENTENCE.match(body)
    if sentence and _sentence_unit(sentence.group(1), found[0]):
        return sentence.group(1), body[sentence.end(1) :].removeprefix("要")
    return None


def _sentence_unit(name: str, level: int) -> bool:
    """八、各村（社区）负责……; under 1. or （1） only a unit by its own name opens a duty
    (1.市委宣传部负责……), neither an item of the unit above (1.指导县民政局做好……) nor a
    requirement to all (6、各单位要……)."""
    if level in (1, 2):
        return _is_unit(name)
    own = not name.startswith("各")  # 6、各单位要加强值守 is a requirement to all
    return own and _named_unit(name) and _VERB.match(name) is None


def sentence_duties(text: str, line: int) -> list[DutyFound]:
    """Duties written as sentences: one unit, or several run together and split at "；"
    where a clause opens with another unit. Empty when the first clause names no unit."""
    duties: list[DutyFound] = []
    for clause in _CLAUSE.findall(text):
        match = _SENTENCE.match(clause)
        if match and _is_unit(match.group(1)):
            item = clause[match.end(1) :].removeprefix("要")
            duties.append(DutyFound(match.group(1), [item], line))
        elif duties:
            duties[-1].items[-1] += clause
        else:
            return []
    return duties


@cache
def lead_ins() -> tuple[str, ...]:
    """其职责分工为：, ……进行了详细的分工：: what the units' duties follow."""
    return tuple(f"{word}：" for word in import_words()["duty_lead_ins"])


def inline_duties(text: str, line: int) -> tuple[str, list[DutyFound]]:
    """A paragraph that leads in and runs the duties on ("……的分工：省教育厅负责……；省科技厅
    负责……"): return the lead-in and the duties, or (text, []) when no unit follows."""
    for lead in lead_ins():
        at = text.find(lead)
        if at < 0 or len(text) <= at + len(lead):
            continue
        end = at + len(lead)
        found = sentence_duties(text[end:], line)
        if found:
            return text[:end], found
    return text, []


def read_duties(blocks: list[Block], sentences: bool = True) -> tuple[list[DutyFound], list[Block]]:
    """Return the duties among `blocks` and the blocks that belong to none."""
    duties: list[DutyFound] = []
    left: list[Block] = []
    current: DutyFound | None = None
    for block in blocks:
        text = without_padding(block.text)
        opened = _opening(text, block.number, sentences)
        lead, inline = inline_duties(text, block.number) if not opened else (text, [])
        if is_header(block.text):
            left.append(block)
        elif inline:
            left.append(replace(block, text=lead))
            duties += inline
            current = duties[-1]
        elif opened:
            duties += opened
            current = duties[-1]
        elif current is not None and not _pauses(text, current):
            _add_item(current, text)
        else:
            current = None
            left.append(block)
    return duties, left


def _opening(text: str, line: int, sentences: bool) -> list[DutyFound]:
    head = duty_head(text, bare=True)
    if head is not None:
        unit, first = head
        return [DutyFound(unit, [first] if first else [], line)]
    if sentences and text.endswith(ENDS):
        return sentence_duties(text, line)
    return []


def _pauses(text: str, duty: DutyFound) -> bool:
    """A short caption after a finished duty (相关依据, 案 例) is not part of it."""
    finished = bool(duty.items) and duty.items[-1].endswith(ENDS)
    caption = len(text) <= SHORT_LINE and not text.endswith(ENDS) and heading(text) is None
    return finished and caption


def _add_item(duty: DutyFound, text: str) -> None:
    level, rest = strip_marker(text)
    if level is not None or not duty.items or duty.items[-1].endswith(ENDS):
        duty.items.append(rest if level is not None else text)
    else:
        duty.items[-1] += text


_ITEM_START = re.compile(r"(?=(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])(?!\d))")


def split_items(text: str) -> list[tuple[int, str]]:
    """Split one cell's text at its numbered items (1.… 2.…); the whole text otherwise."""
    parts = [part for part in _ITEM_START.split(text) if part.strip()]
    items = [strip_marker(part)[1].strip() for part in parts]
    return list(enumerate(items or [text], 1))
