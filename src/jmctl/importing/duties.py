"""Duties of member units: "单位：" paragraphs (label alone or inline, continuation
paragraphs following), "（一）县民政局。" headings with numbered items, and "县发改局
要……" sentences."""

from __future__ import annotations

import re

from jmctl.genre import heading, strip_marker, without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.result import DutyFound
from jmctl.importing.words import longest_first

_LABEL = re.compile(r"^([^：，。；]{2,30})：(.*)$")
_SENTENCE = re.compile(r"^([^，。：；]{2,24}?)(?:要|负责|牵头|承担|配合|做好|协助|指导|会同)")
ENDS = ("。", "；", "！", "？", "：")


def unit_like(text: str) -> bool:
    """Return whether `text` reads as one unit's name (县民政局, 各乡（镇）人民政府)."""
    name = re.sub(r"[（(][^（）()]*[）)]$", "", text.strip().rstrip("。.:："))
    ends = longest_first("unit_ends")
    fits = name.endswith(ends) or (name.startswith("各") and len(name) <= 12)
    return 2 <= len(name) <= 30 and fits and "，" not in name


def duty_head(text: str) -> tuple[str, str] | None:
    """Return (unit, first item or "") when `text` opens a unit's duties."""
    found = heading(text)
    if found is not None and found[0] in (1, 2):
        text = found[2]
    label = _LABEL.match(text)
    if label and unit_like(label.group(1)):
        return label.group(1).strip(), label.group(2).strip()
    if found is not None and found[0] in (1, 2) and unit_like(text):
        return text.strip().rstrip("。.").strip(), ""
    sentence = _SENTENCE.match(text) if found is not None and found[0] in (1, 2) else None
    if sentence and unit_like(sentence.group(1)):  # 八、各村（社区）负责……
        return sentence.group(1), text[sentence.end(1) :].removeprefix("要")
    return None


def read_duties(blocks: list[Block], sentences: bool = True) -> tuple[list[DutyFound], list[Block]]:
    """Return the duties among `blocks` and the blocks that belong to none."""
    duties: list[DutyFound] = []
    left: list[Block] = []
    for block in blocks:
        text = without_padding(block.text)
        head = duty_head(text)
        sentence = _SENTENCE.match(text) if sentences and head is None else None
        if head is not None:
            unit, first = head
            duties.append(DutyFound(unit, [first] if first else [], block.number))
        elif sentence and unit_like(sentence.group(1)) and text.endswith(ENDS):
            item = text[sentence.end(1) :].removeprefix("要")
            duties.append(DutyFound(sentence.group(1), [item], block.number))
        elif duties:
            _add_item(duties[-1], text)
        else:
            left.append(block)
    return duties, left


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
