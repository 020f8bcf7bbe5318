"""Chinese numerals, section markers and dates as official documents print them."""

from __future__ import annotations

from datetime import date

_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Return 1 → 一, 10 → 十, 14 → 十四, 25 → 二十五 (1 to 99)."""
    if not 1 <= number <= 99:
        raise ValueError(f"no Chinese numeral for {number}")
    tens, ones = divmod(number, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else f"{_DIGITS[tens]}十")
    return text + (_DIGITS[ones] if ones else "")


def marker(level: int, number: int) -> str:
    """Return the section marker of `level` (1: 一、 2: （一） 3: 1. 4: （1）)."""
    if level == 1:
        return f"{chinese_numeral(number)}、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


def chinese_date(day: date) -> str:
    """Return 2017年2月23日: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"
