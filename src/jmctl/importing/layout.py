"""Blocks → the parts of a document: furniture, 版头 and title, 主送, body, 署名 and
date, annexes, 版记. Each part goes to its readers; what none takes is kept.

A document may be a whole notice (inline, or with 附件1–3), a 函 or 批复, a 印发
notice followed by its 制度 with no 附件 label, a standalone 名单 or 职责分工, or a
copy that begins mid-document.
"""

from __future__ import annotations

import re

from jmctl.genre import without_padding
from jmctl.importing import header as hd
from jmctl.importing.blocks import Block
from jmctl.importing.duties import read_duties
from jmctl.importing.front import furniture, read_header, set_notice, standalone_title
from jmctl.importing.minutes import is_minutes, read_minutes
from jmctl.importing.result import Reading
from jmctl.importing.sections import (
    is_heading_1,
    organisation,
    paragraphs,
    prose,
    read_body,
)
from jmctl.importing.tables import TASK_HEADER, read_tables
from jmctl.importing.words import body_names, import_words

_LISTED = re.compile(r"^(?:附\s*件\s*[：:]\s*)?\d+\s*[.．、]")


def read_document(blocks: list[Block]) -> Reading:
    reading = Reading(last_line=blocks[-1].number if blocks else 0)
    content = []
    titles: list[tuple[str, Block]] = []  # titles fused into a page's furniture
    for block in blocks:
        if hd.is_furniture(block.text):
            titles += furniture(block, reading)
            reading.keep(block.number, block.text)
        else:
            content.append(block)
    if is_minutes(content):  # a 会议纪要: one session, read by its own reader
        read_minutes(content, reading)
        return reading
    start = read_header(content, reading)
    if "title" not in reading.notice and titles:
        reading.notice["title"] = titles[0][0]
        reading.note(("notice", "title"), titles[0][1].number)
    body, tail = _split_at_signature(content[start:], reading)
    notice_part, annexes = _annexes(body + tail, reading)
    _notice_body(notice_part, reading)
    for title, title_block, annex in annexes:
        _annex(title, title_block, annex, reading)
    return reading


# 署名 and date, annexes ---------------------------------------------------------------


def _split_at_signature(blocks: list[Block], reading: Reading) -> tuple[list[Block], list[Block]]:
    """Take the 署名, the date and the 附注; return the blocks before and after them."""
    for index, block in enumerate(blocks):
        day = hd.iso_date(block.text)
        if day is None:
            continue
        organ = index > 0 and hd.is_organ(without_padding(blocks[index - 1].text))
        before = blocks[: index - 1] if organ else blocks[:index]
        if organ:
            set_notice(
                reading, "issuer", without_padding(blocks[index - 1].text), blocks[index - 1]
            )
            reading.places.append(without_padding(blocks[index - 1].text))
        reading.notice["date"] = day
        reading.note(("notice", "date"), block.number)
        after = blocks[index + 1 :]
        if after and hd.NOTE.match(without_padding(after[0].text)):
            note = hd.NOTE.match(without_padding(after[0].text))
            assert note is not None
            reading.notice["disclosure"] = note.group(1)
            reading.note(("notice", "disclosure"), after[0].number)
            after = after[1:]
        return before, after
    return blocks, []


def _annexes(
    blocks: list[Block], reading: Reading
) -> tuple[list[Block], list[tuple[str, Block, list[Block]]]]:
    """Split off the annexes (附件1 ⏎ title, 附件：title, or a standalone 制度 title after
    the notice); return the notice's blocks and (title, title block, content) per annex."""
    starts: list[tuple[int, int]] = []  # (index of the label or title, index of the content)
    joined: dict[int, str] = {}  # a title over several lines, by the index of its first
    index = 0
    while index < len(blocks):
        text = without_padding(blocks[index].text)
        annex = hd.ANNEX.match(text)
        if annex and not _LISTED.match(text) and not annex.group(2):
            lines = _title_lines(blocks, index + 1)
            starts.append((index, index + lines))
            if lines > 1:
                joined[index] = "".join(
                    without_padding(b.text) for b in blocks[index + 1 : index + 3]
                )
            index += 1 + lines
            continue
        if annex and annex.group(2) and not _listing(blocks, index):
            starts.append((index, index))
            index += 1
            continue
        if index > 0 and standalone_title(text) is not None and not _LISTED.match(text):
            starts.append((index, index))
        elif index > 0 and (first := _title_above(blocks, index)) is not None:
            starts.append((first, index))
            joined[first] = "".join(without_padding(b.text) for b in blocks[first : index + 1])
        index += 1
    colophon = _colophon(blocks, reading)
    parts: list[tuple[str, Block, list[Block]]] = []
    for number, (label, title_at) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(blocks)
        if title_at >= len(blocks):
            continue
        title_block = blocks[title_at]
        title = hd.ANNEX.sub(r"\2", without_padding(title_block.text)) if label == title_at else ""
        title = joined.get(label) or title or without_padding(title_block.text)
        content = [b for b in blocks[title_at + 1 : end] if b.index not in colophon]
        parts.append((title, title_block, content))
    first = starts[0][0] if starts else len(blocks)
    notice = [b for b in blocks[:first] if b.index not in colophon]
    return notice, parts


def _title_lines(blocks: list[Block], at: int) -> int:
    """How many lines the title under an 附件N label takes: two when it is broken where a
    PDF wraps it (独山县社会救助工作联席会议 ⏎ 成员单位职责分工), else one."""
    if at + 1 >= len(blocks):
        return 1
    first, second = (without_padding(block.text) for block in blocks[at : at + 2])
    broken = standalone_title(first) is None and standalone_title(first + second) is not None
    return 2 if broken else 1


def _title_above(blocks: list[Block], index: int) -> int | None:
    """A standalone title's last line alone (成员单位工作职责) under one or two lines that
    name its bodies (城口县减灾委员会 ⏎ 城口县自然灾害应急总指挥部 ⏎ 成员单位工作职责): the
    index of the title's first line."""
    text = without_padding(blocks[index].text)
    if text not in import_words()["standalone"]:
        return None
    first = index
    while first - 1 >= max(index - 2, 1) and _is_body_line(blocks[first - 1]):
        first -= 1
    names = "".join(without_padding(block.text) for block in blocks[first:index])
    return first if first < index and standalone_title(names + text) is not None else None


def _is_body_line(block: Block) -> bool:
    return without_padding(block.text).endswith(tuple(body_names()))


def _listing(blocks: list[Block], index: int) -> bool:
    """附件：1.XX制度 (a list of attachments), or 附件：XX with the next line 2.…"""
    text = without_padding(blocks[index].text)
    if _LISTED.match(text):
        return True
    following = without_padding(blocks[index + 1].text) if index + 1 < len(blocks) else ""
    return bool(re.match(r"^2\s*[.．、]", following))


def _colophon(blocks: list[Block], reading: Reading) -> set[int]:
    """Read 抄送, 印发 and 共印 wherever they are; return their block numbers."""
    used: set[int] = set()
    notice = reading.notice
    for index, block in enumerate(blocks):
        text = without_padding(block.text)
        if text.startswith("抄送") and "cc" not in notice:
            for following in blocks[index + 1 : index + 4]:  # 抄送 wrapped over lines
                more = without_padding(following.text)
                if text.endswith("。") or hd.PRINTED.match(following.text.strip()):
                    break
                if hd.COPIES.match(more) or hd.iso_date(more):
                    break
                text += more
                used.add(following.index)
            names = re.sub(r"^抄送[：:]?", "", text).rstrip("。.")
            notice["cc"] = [name for name in re.split("[，,]", names) if name]
            reading.note(("notice", "cc"), block.number)
            used.add(block.index)
        printed = hd.PRINTED.match(block.text.strip())
        if printed:
            notice["printed_by"] = without_padding(printed.group(1))
            notice["print_date"] = hd.iso_date(printed.group(2))
            reading.note(("notice", "printed_by"), block.number)
            reading.note(("notice", "print_date"), block.number)
            used.add(block.index)
        copies = hd.COPIES.match(text)
        if copies:
            notice["copies"] = int(copies.group(1))
            if copies.group(2):
                notice["electronic_copies"] = int(copies.group(2))
            reading.note(("notice", "copies"), block.number)
            used.add(block.index)
        if text.startswith("主题词") or text.startswith("关键词"):
            reading.keep(block.number, block.text)
            used.add(block.index)
    return used


# The notice's body and the annexes ------------------------------------------------------


def _notice_body(blocks: list[Block], reading: Reading) -> None:
    listing = next(
        (i for i, b in enumerate(blocks) if hd.ANNEX.match(without_padding(b.text))), None
    )
    if reading.standalone is not None:
        _standalone_body(reading.standalone, blocks, reading)
        return
    first_heading = next((i for i, b in enumerate(blocks) if is_heading_1(b.text)), len(blocks))
    if listing is not None and listing > first_heading:
        # 附件：1.…名单 after the 制度's sections: the notice is inline, its annexes apart
        blocks = [
            b
            for i, b in enumerate(blocks)
            if i < listing or not (i == listing or _LISTED.match(without_padding(b.text)))
        ]
        listing = None
    if listing is not None:
        reading.notice["layout"] = "annexes"
        body = paragraphs(blocks[:listing])
        if body:
            reading.notice["body"] = [t for _, t in body]
            reading.note(("notice", "body"), body[0][0])
        for block in blocks[listing + 1 :]:
            if not _LISTED.match(without_padding(block.text)):
                reading.keep(block.number, block.text)
        return
    reading.notice["layout"] = "inline"
    has_sections = any(is_heading_1(b.text) for b in blocks)
    read_body(blocks, reading, "preamble")
    preamble = reading.meeting.get("preamble")
    if preamble and not has_sections and _is_letter(preamble):
        reading.notice["body"] = [preamble] if isinstance(preamble, str) else preamble
        del reading.meeting["preamble"]


def _is_letter(preamble: object) -> bool:
    texts = [preamble] if isinstance(preamble, str) else list(preamble)  # type: ignore[call-overload]
    return any("收悉" in text or "批复如下" in text for text in texts)


def _standalone_body(kind: str, blocks: list[Block], reading: Reading) -> None:
    if kind == "roster":
        organisation(blocks, reading)
    elif kind == "duties":
        _duties(blocks, reading)
    elif kind == "tasks":
        rows = [b for b in blocks if b.is_row]
        for number in read_tables(rows, reading):
            del number
        prose([b for b in blocks if not b.is_row], reading)
    else:
        read_body(blocks, reading, "preamble")


def _duties(blocks: list[Block], reading: Reading) -> None:
    read_tables([b for b in blocks if b.is_row], reading)  # 单位 | 职责, as a table
    duties, left = read_duties([b for b in blocks if not b.is_row])
    reading.duties += duties
    prose(left, reading)


def _annex(title: str, block: Block, content: list[Block], reading: Reading) -> None:
    standalone = standalone_title(title)
    kind = standalone[0] if standalone else None
    if kind == "rules" and title.endswith("制度"):
        reading.meeting.setdefault("name", title[:-2])
        reading.note(("meeting", "name"), block.number)
        reading.places.append(title)
        read_body(content, reading, "preamble")
    elif kind == "roster" or "名单" in title:
        reading.places.append(title)  # 四川省第六次全国人口普查领导小组组成人员名单
        organisation(content, reading)
    elif content and TASK_HEADER.match(without_padding(content[0].text)):
        read_tables([b for b in content if b.is_row], reading)
        prose([b for b in content if not b.is_row], reading)
    elif kind == "duties" or "分工" in title or "职责" in title:
        if standalone and standalone[1].endswith(tuple(body_names())):  # its bodies, by name
            reading.meeting.setdefault("name", standalone[1])
        _duties(content, reading)
    else:
        reading.keep(block.number, block.text)
        prose(content, reading)
