"""The 公文 format a document is printed in (GB/T 9704-2012 chapter 10).

One value threaded through composing, the templates' view and the writer, instead of
a flag per format: the 纪要格式 (minutes, chapter 10.3) and others are new members
here, each with its own masthead, colophon and first page where the writer asks.
"""

from __future__ import annotations

from enum import Enum

from jmctl.model import Notice


class PageFormat(Enum):
    """How the first page and the 版记 look."""

    STANDARD = "standard"  # 文件格式: red mark + 文件, number centred over a red rule
    LETTER = "letter"  # 信函格式: mark in the first-page header, double lines, 抄送 only
    MINUTES = "minutes"  # 纪要格式: 纪要标志, 期数 line over a red rule, no 文号, no seal


def page_format_of(notice: Notice | None) -> PageFormat:
    """Return the format a notice prints in: a 函 that approves (批复) is a letter."""
    if notice is not None and notice.kind == "approve":
        return PageFormat.LETTER
    return PageFormat.STANDARD
