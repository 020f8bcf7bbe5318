"""Text clean-up for imported documents: padding, stray spaces, markers, script."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》〈〉"
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000\u00a0]+(?=[{_CJK}])")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_HALF_BESIDE_CHINESE = re.compile(rf"(?<=[{_CJK}])[,;:()?!]|[,;:()?!](?=[{_CJK}])")

NUMERALS = "一二三四五六七八九十"
HEADING_1 = re.compile(rf"^([{NUMERALS}]+)、\s*(.+)$")
HEADING_2 = re.compile(rf"^[（(]([{NUMERALS}]+)[）)]、?\s*(.*)$")
ITEM_3 = re.compile(r"^(\d+)[.．、]\s*(.*)$")
ITEM_4 = re.compile(r"^[（(](\d+)[）)]、?\s*(.*)$")
ENDS_SENTENCE = tuple("。：；！？”）")


def clean(text: str) -> str:
    """Return `text` without the spaces a web copy leaves between Chinese characters."""
    return _SPACE_IN_CHINESE.sub("", text.strip())


def full_width(text: str) -> str:
    """Return `text` with half-width punctuation beside Chinese made full-width."""
    return _HALF_BESIDE_CHINESE.sub(lambda match: _FULL[match.group()], text)


def strip_marker(text: str) -> tuple[str | None, str]:
    """Return (marker, rest) of an item that starts 1. / （一） / （1）, or (None, text)."""
    for pattern in (ITEM_3, HEADING_2, ITEM_4):
        match = pattern.match(text)
        if match:
            return match.group(1), match.group(2)
    return None, text


def chinese_value(text: str) -> int | None:
    """Return 1 for 一, 14 for 十四 …, or None."""
    if not text or any(char not in NUMERALS for char in text):
        return None
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return NUMERALS.index(text) + 1 if len(text) == 1 else None
    value = (NUMERALS.index(tens) + 1 if tens else 1) * 10
    return value + (NUMERALS.index(ones) + 1 if ones else 0)


@dataclass(frozen=True)
class ScriptChange:
    line: int
    before: str
    after: str


@cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def traditional_share(texts: list[str]) -> float:
    """Return the share of characters that are traditional (OpenCC t2s would change)."""
    convert = _to_simplified().convert
    total = changed = 0
    for text in texts:
        converted = convert(text)
        total += len(text)
        changed += sum(a != b for a, b in zip(text, converted, strict=False))
    return changed / total if total else 0.0


def to_simplified(text: str) -> str:
    return str(_to_simplified().convert(text))
