"""Phrases of the 公文 genre that validate, check, render and import all read or write.

Chinese numerals both ways, document numbers (代字〔2017〕20号 and the look-alikes
people type), the heading markers of the four levels (一、 （一） 1. （1）) and the
map between half-width and full-width punctuation. One place, so that what render
prints is exactly what import and check read back.
"""

from __future__ import annotations

import re

DIGITS = "〇一二三四五六七八九"
# Characters a Chinese numeral may hold: digits (零 and 两 as people also write them)
# and the unit characters.
NUMERAL_CHARS = "〇零一二两三四五六七八九十百千"
_DIGIT_VALUE = {char: index for index, char in enumerate(DIGITS)} | {"零": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(number: int) -> str:
    """Return 1 → 一, 10 → 十, 14 → 十四, 105 → 一百零五, 1010 → 一千零一十 (1 to 9999)."""
    if not 1 <= number <= 9999:
        raise ValueError(f"no Chinese numeral for {number}")
    if number < 20:  # 十, 十四: no leading 一 below twenty
        return ("十" if number >= 10 else "") + (DIGITS[number % 10] if number % 10 else "")
    text, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            zero = bool(text)  # a gap inside the number is read 零, once
            continue
        text += ("零" if zero else "") + DIGITS[digit] + unit
        zero = False
    return text


def chinese_value(text: str) -> int | None:
    """Return the value of a Chinese numeral (一 → 1, 十四 → 14, 一百零五 → 105), or None."""
    if not text or any(char not in NUMERAL_CHARS for char in text):
        return None
    total, digit = 0, None
    for char in text:
        if char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        elif digit is not None and not (digit == 0 or _DIGIT_VALUE[char] == 0):
            return None  # 二三: two digits in a row is no numeral
        else:
            digit = _DIGIT_VALUE[char]
    value = total + (digit or 0)
    return value or None


def count_value(text: str) -> int | None:
    """Return a count as printed, in Arabic (25) or Chinese (二十五) numerals."""
    return int(text) if text.isdigit() else chinese_value(text)


# Document numbers --------------------------------------------------------------------

# Any bracket people put around the year, so that look-alikes are named, not just refused.
OPENING = "〔[［【﹝(（〈<"
CLOSING = "〕]］】﹞)）〉>"
_OPEN = re.escape(OPENING)
_CLOSE = re.escape(CLOSING)
NUMBER_FORM = re.compile(
    rf"^(?P<prefix>[^{_OPEN}]+)(?P<open>[{_OPEN}])\s*(?P<year>\d+)\s*(?P<close>[{_CLOSE}])"
    r"(?P<ordinal>第)?(?P<serial>\d+)[号號]$"
)
# A number cited inside a sentence: up to 12 Chinese characters of 代字 before the year.
CITED_NUMBER = re.compile(
    rf"[\u4e00-\u9fff]{{1,12}}[{_OPEN}]\s*\d{{2,4}}\s*[{_CLOSE}]第?\s*\d+\s*[号號]"
)
# The same, or an order number (国务院令第649号), as the 依据 of a meeting cites it.
BASIS_NUMBER = re.compile(
    rf"[\u4e00-\u9fff]{{1,12}}(?:[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*\d+\s*[号號]|令第\d+号)"
)


def doc_number_in(text: str) -> str | None:
    """Return the first document number printed in `text` (a line, a title, a file name)."""
    match = CITED_NUMBER.search(text)
    return re.sub(r"\s+", "", match.group()) if match else None


# Heading markers ---------------------------------------------------------------------

_NUMERAL = rf"[{NUMERAL_CHARS}]{{1,8}}"
HEADING_1 = re.compile(rf"^({_NUMERAL})[、.．]\s*(.+)$")
HEADING_2 = re.compile(rf"^[（(]({_NUMERAL})[）)](、?)\s*(.*)$")
ITEM_3 = re.compile(r"^(\d{1,3})[.．、](?!\d)\s*(.*)$")
ITEM_4 = re.compile(r"^[（(](\d{1,3})[）)]、?\s*(.*)$")
ITEM_5 = re.compile(r"^([①-⑳])\s*(.*)$")
# Above the markers: 第三部分, 第二章, 第一节 (numbering restarts under each), and 第十一条.
PART_HEADING = re.compile(rf"^第(?:{_NUMERAL}|\d{{1,3}})\s*(?:部分|编|章|节)")
ARTICLE = re.compile(rf"^第(?:{_NUMERAL}|\d{{1,3}})\s*条")
# A decimal outline's section (2.2职责任务, 3.1.2): its chapter is the first number.
DECIMAL_SECTION = re.compile(r"^(\d{1,2})[.．]\d{1,2}(?!\d)")


def marker(level: int, number: int) -> str:
    """Return the section marker of `level` (1: 一、 2: （一） 3: 1. 4: （1））."""
    if level == 1:
        return f"{chinese_numeral(number)}、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


def heading(text: str) -> tuple[int, int, str] | None:
    """Return (level, value, rest) of a line that starts with a marker of levels 1–4."""
    for level, pattern in ((1, HEADING_1), (2, HEADING_2)):
        match = pattern.match(text)
        if match:
            value = chinese_value(match.group(1))
            if value:
                return level, value, match.groups()[-1]
    for level, pattern in ((3, ITEM_3), (4, ITEM_4)):
        match = pattern.match(text)
        if match:
            return level, int(match.group(1)), match.group(2)
    match = ITEM_5.match(text)
    if match:
        return 5, ord(match.group(1)) - ord("①") + 1, match.group(2)
    return None


def strip_marker(text: str) -> tuple[int | None, str]:
    """Return (level, rest) of an item that starts with a marker of levels 2–5, or (None, text)."""
    found = heading(text)
    if found is None or found[0] == 1:
        return None, text
    return found[0], found[2]


# Punctuation -------------------------------------------------------------------------

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
HALF_WIDTH = re.compile(r"[,;:?!()]")
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》〈〉"
_HALF_BESIDE_CHINESE = re.compile(rf"(?<=[{CJK}])[,;:()?!]|[,;:()?!](?=[{CJK}])")
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{CJK}])[ \t\u3000\u00a0]+(?=[{CJK}])")


def full_width(text: str) -> str:
    """Return `text` with half-width punctuation beside Chinese made full-width; twice, so
    that a mark beside another one made full-width (副局长);) follows it."""
    for _ in range(2):
        text = _HALF_BESIDE_CHINESE.sub(lambda match: FULL_WIDTH[match.group()], text)
    return text


def without_padding(text: str) -> str:
    """Return `text` without the spaces a web copy leaves between Chinese characters."""
    return _SPACE_IN_CHINESE.sub("", text.strip())
