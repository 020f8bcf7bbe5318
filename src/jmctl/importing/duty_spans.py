"""Duties inside a part of another kind: a sub-heading ("（三）成员单位职责",
"2.1.2 成员单位职责", "2.2职责任务", a line "职责分工") or a lead-in ("……其职责分工为：")
opens a run of duty entries inside the organisation, the functions, a numbered item or a
notice with no headings. The run lasts until a heading of the opener's level or higher,
or the next chapter of a decimal opener (3. after 2.2)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from jmctl.genre import heading, without_padding
from jmctl.importing.blocks import Block
from jmctl.importing.duties import (
    ENDS,
    duty_head,
    inline_duties,
    is_header,
    lead_ins,
    read_duties,
    sentence_duties,
)
from jmctl.importing.result import DutyFound
from jmctl.importing.words import import_words

_DECIMAL = re.compile(r"^(\d{1,2})(?:[.．]\d{1,2}){1,3}(?!\d)\s*")
OPENER_LENGTH = 30  # a sub-heading is short; a sentence that mentions 分工 is not one
BARE_RUN = 3  # this many units' duties close together are a list of duties, opened or not
BARE_WINDOW = 8  # within so many blocks, the others plain continuations of their duties


@dataclass(frozen=True)
class Opener:
    """Where a run of duties starts: the opener's marker level (0 when it has none) and,
    for a decimal heading (2.2 职责任务), its chapter (2), whose successor (3.) ends it."""

    level: int
    chapter: int | None = None


@cache
def _heading_words() -> tuple[str, ...]:
    words = import_words()
    return (*words["duties"], *words["functions"])


@cache
def _heading_ends() -> tuple[str, ...]:
    return tuple(import_words()["duty_heading_ends"])


def opener(text: str) -> Opener | None:
    """A block that may open duties: a lead-in (其职责分工为：) or a short sub-heading with a
    word of duties or functions (成员单位职责, 职责任务) or naming units (协调联动单位).
    Whether it does is decided by what follows it (`take_duties`)."""
    found = heading(text)
    decimal = _DECIMAL.match(text) if found is None else None
    level = found[0] if found is not None else 0
    chapter = int(decimal.group(1)) if decimal else None
    rest = found[2] if found is not None else text[decimal.end() if decimal else 0 :]
    if rest.endswith(lead_ins()):
        return Opener(level, chapter)
    rest = rest.rstrip("：。")
    short = len(rest) <= OPENER_LENGTH and "，" not in rest
    named = any(w in rest for w in _heading_words()) or rest.endswith(_heading_ends())
    return Opener(level, chapter) if short and named else None


_INLINE_MARK = re.compile(r"[（(]\d{1,2}[）)]")


def run_apart(blocks: list[Block]) -> list[Block]:
    """Split a paragraph where units' duties run on inside it ("……清单。 （2）县气象局：负责
    ……。 （3）县应急管理局：……"): each "（n）unit：" begins a block of its own, on the same
    line. A marker that opens no unit's duties (（2）做好……) stays where it is."""
    split: list[Block] = []
    for block in blocks:
        text = block.text
        cuts = [0] if block.is_row else _cuts(text)
        starts = [*cuts, len(text)]
        pieces = [text[a:b].strip() for a, b in pairwise(starts)]
        split += [replace(block, text=piece) for piece in pieces if piece]
    return split


def _cuts(text: str) -> list[int]:
    cuts = [0]
    for mark in _INLINE_MARK.finditer(text, 1):
        at = mark.start()
        if text[at - 1] in "。；;. \u3000" and duty_head(text[at : at + 80]) is not None:
            cuts.append(at)
    return cuts


def take_duties(blocks: list[Block]) -> tuple[list[Block], list[DutyFound]]:
    """Return the blocks outside every run of duties (the openers stay), and the duties.
    A run is taken only when the first block after its opener (past column headers such
    as 相关部门) opens a unit's duties."""
    blocks = run_apart(blocks)
    rest: list[Block] = []
    duties: list[DutyFound] = []
    index = 0
    while index < len(blocks):
        bare = bare_run(blocks[index : index + BARE_WINDOW])
        if bare is not None:  # the run's first block is itself a duty
            end = _run_end(blocks, index + 1, bare)
            taken, left = read_duties(blocks[index:end])
            duties += taken
            rest += left
            index = end
            continue
        kept, found, inline = _open_at(blocks[index])
        rest.append(kept)
        duties += inline
        if found is None or not _unit_follows(blocks[index + 1 : index + 4]):
            index += 1
            continue
        end = _run_end(blocks, index + 1, found)
        taken, left = read_duties(blocks[index + 1 : end])
        duties += taken
        rest += left
        index = end
    return rest, duties


def bare_run(blocks: list[Block]) -> Opener | None:
    """Where the first of `blocks` and BARE_RUN in all open a unit's duties by a label or
    a marker ("(8)市气象局：……", "1.省委宣传部：……"), the blocks between them plain lines
    with no marker (their duties' continuations), the run they start, ended by a heading
    above their own marker's level ("(二)日常办事机构" after "(13)武警绍兴市支队：……")."""
    if not blocks or any(block.is_row for block in blocks):
        return None
    lead = without_padding(blocks[0].text)
    first = duty_head(lead)  # most blocks open nothing: the window's rest is not read
    if first is None or (not first[1] and opener(lead) is not None):
        return None  # "(二)联动单位。" opens the run below it, and is not in it
    texts = [lead, *(without_padding(block.text) for block in blocks[1:])]
    heads = 0
    for text in texts:
        if duty_head(text) is not None:
            heads += 1
        elif heading(text) is not None:
            break
        if heads == BARE_RUN:
            break
    if heads < BARE_RUN:
        return None
    return Opener(max(heading_level(texts[0]) - 1, 0))


def _open_at(block: Block) -> tuple[Block, Opener | None, list[DutyFound]]:
    """The block as it stays, whether it opens a run, and the duties it runs on itself
    (……的分工：省教育厅负责……；省科技厅负责……, whose lead-in alone stays)."""
    if block.is_row:  # tables are read as tables
        return block, None, []
    text = without_padding(block.text)
    found = opener(text)
    if found is not None:
        return block, found, []
    lead, inline = inline_duties(text, block.number)
    if not inline:
        return block, None, []
    return replace(block, text=lead), Opener(heading_level(text)), inline


def heading_level(text: str) -> int:
    found = heading(text)
    return found[0] if found is not None else 0


def _unit_follows(blocks: list[Block]) -> bool:
    """Whether the first block past the column headers opens a unit's duties: a unit's
    label or heading, or a sentence naming a unit (市水务局负责……)."""
    for block in blocks:
        if is_header(block.text):
            continue
        text = without_padding(block.text)
        ended = text.endswith(ENDS) and bool(sentence_duties(text, block.number))
        return duty_head(text, bare=True) is not None or ended
    return False


def _run_end(blocks: list[Block], start: int, where: Opener) -> int:
    for index in range(start, len(blocks)):
        text = without_padding(blocks[index].text)
        found = heading(text)
        if (found is not None and found[0] == 1) or _DECIMAL.match(text):
            return index
        if found is None or duty_head(text) is not None:
            continue
        if found[0] <= where.level or (found[0] == 3 and found[1] == (where.chapter or 0) + 1):
            return index
    return len(blocks)
