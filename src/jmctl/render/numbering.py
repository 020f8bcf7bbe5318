"""Chinese numerals, section markers and dates as official documents print them."""

from __future__ import annotations

from datetime import date

from jmctl.genre import chinese_numeral, marker

__all__ = ["chinese_date", "chinese_numeral", "marker"]


def chinese_date(day: date) -> str:
    """Return 2017年2月23日: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"
