"""The numbering of a document's headings and items, as `jmctl check` proofreads it.

一、（一）1.（1） each count on from the last of their level and restart under their
parent. What restarts them is the document's outline, not only those four markers: a
part (第三部分, 第二章, 第一节) restarts every level, an article (第十一条) the levels
below 一、, an 附件 label everything. Two things are not the document's defects: a copy
that begins in the middle of a list (its first line is item 6.), and a decimal outline's
chapter (3. after 2.2) read as a list starting at 3.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from jmctl.findings import Finding, Mark
from jmctl.genre import (
    ARTICLE,
    DECIMAL_SECTION,
    HEADING_1,
    ITEM_3,
    ITEM_4,
    PART_HEADING,
    chinese_value,
    marker,
)
from jmctl.genre import without_padding as clean
from jmctl.importing.header import DATE
from jmctl.importing.sources import Line

_HEADING_2 = re.compile(r"^[（(]([〇零一二两三四五六七八九十百千]{1,8})[）)](、?)")
_ANNEX = re.compile(r"^附\s*件\s*\d+$")
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*(\d+)[.．、]")
_LEVELS = ("h1", "h2", "i3", "i4")
_DEPTH = {"h1": 1, "h2": 2, "i3": 3, "i4": 4}
_LABELS = {
    "h1": ("一级标题", "level-1 heading"),
    "h2": ("二级标题", "level-2 heading"),
    "i3": ("条目", "item"),
    "i4": ("条目", "item"),
}


@dataclass
class _Outline:
    """Where the numbering stands: the last value of each level, and the chapter of the
    last decimal section (2 after 2.2)."""

    last: dict[str, int] = field(default_factory=dict)
    chapter: int | None = None

    def restart(self, below: str | None = None) -> None:
        """Restart the levels below `below` (every level when None)."""
        start = 0 if below is None else _LEVELS.index(below) + 1
        for level in _LEVELS[start:]:
            self.last.pop(level, None)


def numbering(path: str, lines: list[Line]) -> Iterator[Finding]:
    """Headings 一、（一）and items 1.（1）in sequence, each level restarting under its parent."""
    outline = _Outline()
    for index, line in enumerate(lines):
        text = clean(line.text)
        if _ANNEX.match(text) or PART_HEADING.match(text):
            outline.restart()
            continue
        if ARTICLE.match(text):
            outline.restart(below="h1")
            continue
        listed = _ATTACHMENT_LIST.match(text)
        if listed:  # 附件：1. … starts the list of attachments at its first number
            outline.last["i3"] = int(listed.group(1))
            continue
        section = DECIMAL_SECTION.match(text)
        if section:  # 2.2职责任务: the items below restart; 3. may be the next chapter
            outline.chapter = int(section.group(1))
            outline.restart(below="h2")
            continue
        found = _level(text)
        if found is not None:
            yield from _numbered(path, line, found, outline, first_line=index == 0)


def _numbered(
    path: str,
    line: Line,
    found: tuple[str, int, str, bool],
    outline: _Outline,
    first_line: bool,
) -> Iterator[Finding]:
    level, value, shown, trailing = found
    mark = Mark(line.number, 1)
    if trailing:
        yield Finding(path, mark, "JM602", {"marker": shown})
    outline.restart(below=level)
    last = outline.last
    if level not in last and value != 1 and level in ("i3", "i4"):
        if not (first_line or _next_chapter(outline, level, value)):
            yield Finding(path, mark, "JM606", {"first": shown})
    elif level in last and value != last[level] + 1:
        what = _LABELS[level]
        yield Finding(
            path,
            mark,
            "JM601",
            {
                "what": what[0],
                "what_en": what[1],
                "found": _marker(level, last[level]),
                "actual": _marker(level, value),
                "expected": _marker(level, last[level] + 1),
            },
        )
    last[level] = value


def _next_chapter(outline: _Outline, level: str, value: int) -> bool:
    # 3. after 2.2 is a decimal outline's next chapter, not a list that starts at 3.
    return level == "i3" and outline.chapter is not None and value == outline.chapter + 1


def _level(text: str) -> tuple[str, int, str, bool] | None:
    match = HEADING_1.match(text)
    if match and chinese_value(match.group(1)):
        return "h1", chinese_value(match.group(1)) or 0, f"{match.group(1)}、", False
    match = _HEADING_2.match(text)
    if match and chinese_value(match.group(1)):
        shown = f"（{match.group(1)}）"
        return "h2", chinese_value(match.group(1)) or 0, shown, bool(match.group(2))
    match = ITEM_3.match(text)
    if match and len(match.group(1)) <= 2 and not DATE.match(text):
        return "i3", int(match.group(1)), f"{match.group(1)}.", False
    match = ITEM_4.match(text)
    if match:
        return "i4", int(match.group(1)), f"（{match.group(1)}）", False
    return None


def _marker(level: str, value: int) -> str:
    return marker(_DEPTH[level], value)
