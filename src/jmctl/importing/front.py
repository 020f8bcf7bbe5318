"""The front of a document: the page furniture of a web copy, the 版头 (文号, 标志,
发文机关), the title (on up to three lines, in 《》, after a 文号), a standalone part's title
(XX成员名单, XX职责分工), and the 主送."""

from __future__ import annotations

import re

from jmctl.genre import heading, without_padding
from jmctl.importing import header as hd
from jmctl.importing.blocks import Block
from jmctl.importing.result import Reading
from jmctl.importing.roster import is_roster_line
from jmctl.importing.sections import is_heading_1
from jmctl.importing.words import import_words, longest_first


def furniture(block: Block, reading: Reading) -> list[tuple[str, Block]]:
    """Keep what a page's furniture says of the notice: a law database's 发文机关,
    发文日期 and 发文字号, a 文号 in an image name, a title fused into the chrome."""
    found = hd.metadata(block.text)
    for key, value in found:
        set_notice(reading, key, value, block)
    if found:
        return []
    title = hd.title_inside(block.text)
    after = block.text[block.text.find(title) + len(title) :] if title else ""
    number = hd.furniture_number(block.text) or (hd.doc_number_in(after) if after else None)
    if number:
        set_notice(reading, "doc_number", number, block)
    return [(title, block)] if title else []


def read_header(blocks: list[Block], reading: Reading) -> int:
    """Read the header; return the index where the body starts."""
    notice = reading.notice
    index = 0
    while index < min(len(blocks), 20):
        block = blocks[index]
        text = without_padding(block.text)
        following = [without_padding(b.text) for b in blocks[index + 1 : index + 3]]
        number = hd.doc_number_of(text)
        if number:
            set_notice(reading, "doc_number", number, block)
            index += 1
            continue
        joined = _title_at(block.text.strip(), following)
        if joined is not None:
            title, taken, number = joined
            if notice.get("title") != title:  # a later title is the document's own, the
                if "title" in notice:  # first a web page's title for it
                    first = reading.origins[("notice", "title")]
                    reading.keep(first, notice["title"])
                    del reading.origins[("notice", "title")]
                notice["title"] = title
                reading.note(("notice", "title"), block.number)
                reading.places.insert(0, title)
            if number:
                set_notice(reading, "doc_number", number, block)
            index += taken
            continue
        standalone, taken = _standalone_at(text, following) if index < 4 else (None, 0)
        if standalone is not None and "title" not in notice:
            kind, name = standalone
            reading.standalone = kind
            reading.meeting["name"] = name
            reading.note(("meeting", "name"), block.number)
            reading.places.append(name)
            return index + taken
        day = hd.bracketed_date(text)
        if day is not None:
            set_notice(reading, "date", day, block)
        elif text.endswith("文件") and len(text) <= 30:
            set_notice(reading, "issuer", text[:-2], block)
        elif hd.is_organ(text) and "issuer" not in notice and index < 10:
            set_notice(reading, "issuer", text, block)
        else:
            if len(text) > 40 or text.endswith("。") or is_heading_1(text):
                break
            if is_roster_line(block.text) or hd.ANNEX.match(text):
                break
            recipients = hd.recipients_of(text)
            if recipients is not None and "recipients" not in notice:
                notice["recipients"] = recipients
                reading.note(("notice", "recipients"), block.number)
                return index + 1
            reading.keep(block.number, block.text)
        index += 1
    return index


def set_notice(reading: Reading, key: str, value: str, block: Block) -> None:
    if key not in reading.notice:
        reading.notice[key] = value
        reading.note(("notice", key), block.number)
        if key == "issuer":
            reading.places.append(value)


def _title_at(text: str, following: list[str]) -> tuple[str, int, str | None] | None:
    """Return (title, lines it takes, 文号 on its line) of a title starting here."""
    candidates = [text, text + "".join(following[:1]), text + "".join(following[:2])]
    text = without_padding(text)
    for taken, candidate in enumerate(candidates, 1):
        if taken > 1 and "关于" not in text:
            break
        found = hd.title_and_number(candidate)
        if found is not None:
            return found[0], taken, found[1]
    return None


def _standalone_at(text: str, following: list[str]) -> tuple[tuple[str, str] | None, int]:
    """A standalone title on this line, or broken over this line and the next."""
    found = standalone_title(text)
    if found is None and following and len(text) <= 30 and not text.endswith(("。", "：")):
        joined = standalone_title(text + following[0])
        if joined is not None and joined[0] != "rules":
            return joined, 2
    return found, 1


_CHAPTER = re.compile(r"^第[一二三四五六七八九十百\d]{1,4}[章节条部分]")


def standalone_title(text: str) -> tuple[str, str] | None:
    """XX成员名单, XX成员单位职责分工, XX制度: a document of one part; (kind, body name)."""
    if len(text) > 60 or text.endswith(("。", "：")) or "关于" in text:
        return None
    if heading(text) is not None or _CHAPTER.match(text):  # 三、成员单位职责, 第二节 职责分工
        return None  # a section of a document, not the title of one
    standalone = import_words()["standalone"]
    for end in longest_first("standalone"):
        kind = standalone[end]
        if text.endswith(end) and len(text) > len(end) + 2:
            return kind, text[: -len(end)].rstrip("的各")  # XX指挥部各成员单位职责
    return _members_duties(text)


def _members_duties(text: str) -> tuple[str, str] | None:
    """XX委成员及相关单位文明创建工作职责: duties whose title names the members before its
    end; the body's name is what precedes them."""
    if not text.endswith(longest_first("standalone_duty_ends")):
        return None
    for word in longest_first("standalone_duty_members"):
        at = text.find(word)
        if at >= 2:
            return "duties", text[:at].rstrip("的各 \u3000")
    return None
