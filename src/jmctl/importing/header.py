"""The 版头, title and 主送 of a notice, its 署名 and date, and the 版记 (抄送, 印发).

Web copies add furniture (当前位置, 发布时间, 分享, image names carrying the 文号); it
is recognised here so that it is kept in `unplaced`, never read as content, while a
文号 it carries is still found.
"""

from __future__ import annotations

import re

from jmctl.genre import CLOSING, OPENING, chinese_value, doc_number_in, without_padding
from jmctl.importing.words import longest_first

_OPEN, _CLOSE = re.escape(OPENING), re.escape(CLOSING)
DOC_NUMBER = re.compile(
    rf"^[（(]?\s*([\u4e00-\u9fff]{{1,20}}[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]第?\s*\d+\s*[号號])\s*[）)]?$"
)
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CHINESE_DATE = re.compile(
    r"^([〇○零O０一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
# 附件, 附件1, 附件：title, 附件1：title.
_BRACKETED = re.compile(r"[（(]([^（()）]{6,20})[）)]")
ANNEX = re.compile(r"^附\s*件\s*(\d*)\s*[：:]?\s*(.*)$")
PRINTED = re.compile(r"^(\S.*?)\s+(\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")
COPIES = re.compile(r"^[（(]?共印\s*(\d+)\s*份(?:[，,]\s*其中电子公文\s*(\d+)\s*份)?")
NOTE = re.compile(r"^[（(](此件.+)[）)]$")
ORGANS: tuple[str, ...]  # grown below, a few words a line
ORGANS = ("人民政府办公室", "人民政府办公厅", "人民政府", "办公厅", "办公室", "国务院", "委员会")
ORGANS += ("领导小组", "联席会议", "民政局", "教育委员会", "府办公厅", "府办公室", "局", "厅")
_URL = re.compile(r"^(?:https?://|www\.)\S*$|\.(?:png|jpe?g|gif|pdf|docx?)$", re.IGNORECASE)


def iso_date(text: str) -> str | None:
    """Return YYYY-MM-DD of 2017年2月23日 or 二〇一七年二月二十三日 (a whole line)."""
    text = re.sub(r"\s", "", text).rstrip("|")
    iso = re.fullmatch(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})", text)
    if iso:
        text = f"{iso.group(1)}年{iso.group(3)}月{iso.group(4)}日"
    match = DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _CHINESE_DATE.match(text)
        if not match:
            return None
        digits = "〇一二三四五六七八九"
        year = int("".join(str(digits.index(c)) if c in digits else "0" for c in match.group(1)))
        month, day = chinese_value(match.group(2)) or 0, chinese_value(match.group(3)) or 0
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def bracketed_date(text: str) -> str | None:
    """Return YYYY-MM-DD of a date line in brackets, (1988年12月5日): the 成文日期 a law
    database or a gazette prints under the title."""
    bracketed = _BRACKETED.fullmatch(re.sub(r"\s", "", text))
    return iso_date(bracketed.group(1)) if bracketed else None


def is_furniture(text: str) -> bool:
    """Return whether a line is a web page's furniture, not the document's text."""
    junk = longest_first("web_junk")
    text = re.sub(r"^[-•·*>\[［]\s*", "", text)  # a page's list bullets, [ 索引号 ]
    cell = _FIRST_CELL.match(text)  # | 文 号 | 连政办发〔2014〕67号 |: a flattened index table
    if cell is not None:
        text = re.sub(r"\s", "", cell.group(1)) + "：" + text[cell.end() :]
    text = re.sub(r"^(\S)\s+(\S)(?=[：:])", r"\1\2", text)  # 文  号：
    return text.startswith(junk) or bool(_URL.search(text)) or text in ("打印", "关闭", "分享")


_FIRST_CELL = re.compile(r"^[|｜]\s*([^|｜]{1,16}?)\s*[|｜]")


def doc_number_of(text: str) -> str | None:
    """Return the 文号 a line prints as the whole line (perhaps in brackets), or None."""
    match = DOC_NUMBER.match(re.sub(r"\s", "", text))
    return match.group(1) if match else None


_METADATA = re.compile(
    r"^(发文机关|发布机关|发文日期|成文日期|发布日期|发文字号|文号)[：:]?\s*(.+)$"
)


# A field's name ends at a colon or in brackets: 文  号：…, [ 发文字号 ] 城减灾委办发〔2019〕20号;
# a page's table flattened by the copy puts cell bars between: 发文字号: | 卫政〔2021〕61号 |.
_FIELD = re.compile(
    r"(发文日期|成文日期|发文字号|文\s*号)(?:[：:]|\s*[\]］]|\s*(?=[|｜]))(?:\s*[|｜])?\s*([^\s|｜]+)"
)


def metadata(text: str) -> list[tuple[str, str]]:
    """Return the (key, value) pairs a page's metadata line gives: 发文机关国务院 →
    issuer; 发布机构：… 发文日期：2021-04-20 → date; 文  号：梅市府办函〔2021〕86号."""
    found = [
        pair
        for key, value in _FIELD.findall(text)
        if (pair := _metadata_pair(re.sub(r"\s", "", key), value)) is not None
    ]
    match = _METADATA.match(text.strip())
    if match is not None and not found:
        pair = _metadata_pair(*match.groups())
        found = [pair] if pair is not None else []
    return found


def _metadata_pair(key: str, value: str) -> tuple[str, str] | None:
    if key in ("发文机关", "发布机关"):
        return ("issuer", value) if is_organ(value) or value == "国务院" else None
    if key in ("发文字号", "文号"):
        number = doc_number_in(value)
        return ("doc_number", number) if number else None
    day = iso_date(value)
    return ("date", day) if day and key != "发布日期" else None


_TITLE_INSIDE = re.compile(r"(关于[^。：:，,]{4,80}?的(?:通知|批复|复函|函|意见|决定))")


def title_inside(text: str) -> str | None:
    """Return a title a page's furniture line carries (来源…国务院办公厅关于…的通知)."""
    match = _TITLE_INSIDE.search(text)
    return match.group(1) if match else None


def furniture_number(text: str) -> str | None:
    """Return a 文号 carried by furniture: 发文字号国函〔2005〕79号, 佛府办函〔2021〕149号.png."""
    stem = re.sub(r"^(?:发文字号|文号)[：:]?", "", text)
    return doc_number_in(stem) if _URL.search(text) or stem != text else None


def is_title(text: str) -> bool:
    ends = longest_first("title_ends")
    return "关于" in text and text.endswith(ends) and 6 <= len(text) <= 90


def title_and_number(text: str) -> tuple[str, str | None] | None:
    """Return (title, 文号) of a title line, which may print the 文号 after it."""
    head, _, last = text.strip().rpartition(" ")
    if head and doc_number_of(last) and is_title(without_padding(head)):
        return without_padding(head), doc_number_of(last)
    text = without_padding(text)
    number = doc_number_in(text)
    if number and text.startswith(number):  # 成办函〔2017〕43号《…关于…的通知》
        rest = text[len(number) :].strip("《》 ")
        return (rest, number) if is_title(rest) else None
    text = text.strip("《》")
    if number and text.endswith(number[-2:]) and is_title(text[: text.rfind(number[:2])].strip()):
        return text[: text.rfind(number[:2])].strip(), number
    return (text, None) if is_title(text) else None


def is_organ(text: str) -> bool:
    return (
        text.endswith(ORGANS)
        and 2 <= len(text) <= 24
        and not text.startswith("关于")
        and "，" not in text
    )


def recipients_of(text: str) -> list[str] | None:
    """Return the 主送 of a line like 各镇人民政府，县直各部门：, or None."""
    if not text.endswith("：") or len(text) > 200 or text.startswith(("一、", "附件")):
        return None
    if "。" in text or "如下" in text or "通知" in text[-6:]:
        return None
    if not re.search(r"人民政府|政府|部门|单位|委|局|办|厅|机构|各|院|会|公司|处|室", text):
        return None  # 页面：, 字体：: a page's controls, not addressees
    return [part for part in re.split("[，,]", text.rstrip("：")) if part]
