"""Duties inside a part of another kind: a sub-heading ("（三）成员单位职责",
"2.1.2 成员单位职责", a line "职责分工") or a lead-in ("……其职责分工为：") opens a run of
duty entries inside the organisation, the functions, a numbered item or a notice with no
headings. The run lasts until a heading of the opener's level or higher."""

from __future__ import annotations

import re
from functools import cache

from jmctl.genre import heading, without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.duties import duty_head, read_duties
from jmctl.importing.result import DutyFound
from jmctl.importing.words import import_words

_DECIMAL = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){1,3}(?!\d)\s*")
OPENER_LENGTH = 30  # a sub-heading is short; a sentence that mentions 分工 is not one


@cache
def _lead_ins() -> tuple[str, ...]:
    return tuple(f"{word}：" for word in import_words()["duty_lead_ins"])


def opens_duties(text: str) -> int | None:
    """Return the marker level of a block that opens duties (0 when unmarked), else None."""
    found = heading(text)
    level = found[0] if found is not None else 0
    rest = found[2] if found is not None else _DECIMAL.sub("", text)
    if rest.endswith(_lead_ins()):
        return level
    rest = rest.rstrip("：。")
    words = import_words()["duties"]
    short = len(rest) <= OPENER_LENGTH and "，" not in rest
    return level if short and any(word in rest for word in words) else None


def take_duties(blocks: list[Block]) -> tuple[list[Block], list[DutyFound]]:
    """Return the blocks outside every run of duties (the openers stay), and the duties."""
    rest: list[Block] = []
    duties: list[DutyFound] = []
    index = 0
    while index < len(blocks):
        level = opens_duties(without_padding(blocks[index].text))
        rest.append(blocks[index])
        if level is None:
            index += 1
            continue
        end = _run_end(blocks, index + 1, level)
        found, left = read_duties(blocks[index + 1 : end])
        duties += found
        rest += left if found else blocks[index + 1 : end]
        index = end
    return rest, duties


def _run_end(blocks: list[Block], start: int, level: int) -> int:
    for index in range(start, len(blocks)):
        text = without_padding(blocks[index].text)
        found = heading(text)
        if (found is not None and found[0] == 1) or _DECIMAL.match(text):
            return index
        if found is not None and found[0] <= level and duty_head(text) is None:
            return index
    return len(blocks)
