"""A PDF page's text lines, and the paragraphs they make once joined again.

A gap of about one character between two Chinese characters is a full-width space
(the 公文 pads names and labels so); narrower gaps are letter spacing and
justification. Between letters or digits a fifth of a character is a word space.
A line that reaches the right edge goes on in the next line when that one is back
at the left edge (under a first-line indent), or further
in than the paragraph's first line (a hanging indent, as a roster's posts), or right
under that first line's start (a list item's wrapped name, as 附件：'s); the last
line of a page goes on at the top of the next. A page's right edge is the furthest any
page of its width reaches: a last page of short lines (the 署名 and the date) has no
full line. A page number above or below all else on its page is page furniture and is
not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")
_SPACE = 0.75  # a gap of this many characters' width or more is a space
_WORD_SPACE = 0.2  # the same between two letters or digits
_BOX = ("x0", "x1", "top", "bottom")
_BLOCK = 0.5  # text narrower than this share of the page has no full lines
_FULL = 1.5  # a line ending this many characters' width from the right edge is full
# 3.…, （三）, 三、: a line beginning so begins an item of its own, wherever it starts.
_ITEM = re.compile(
    r"^\s*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)"
)


@dataclass
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    left: float = 0.0  # the page's text edges
    right: float = 0.0
    first_x0: float = 0.0  # where the paragraph this line ends began
    width: float = 0.0  # the page's

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


def page_lines(page: Any, number: int, boxes: list[tuple[float, ...]]) -> list[TextLine]:
    """Return the text lines of `page` outside the table boxes, page numbers left out."""
    lines = [
        TextLine(
            _spaced(line["chars"]), line["x0"], line["x1"], line["top"], line["bottom"], number
        )
        for line in page.extract_text_lines(return_chars=True)
        if not any(_inside(line, box) for box in boxes)
    ]
    lines = _without_page_numbers(lines)
    if lines:
        left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
        if right - left < _BLOCK * page.width:  # short lines only: none of them is full
            right = float("inf")
        for line in lines:
            line.left, line.right, line.first_x0 = left, right, line.x0
            line.width = page.width
    return lines


def widen_edges(lines: list[TextLine]) -> None:
    """Give every page the right edge the furthest page of its width reaches."""
    edges: dict[float, float] = {}
    for line in lines:
        if line.right != float("inf"):
            edges[line.width] = max(edges.get(line.width, 0.0), line.right)
    for line in lines:
        if line.right != float("inf"):
            line.right = edges[line.width]


def goes_on(previous: TextLine, line: TextLine) -> bool:
    """Whether `line` continues the paragraph `previous` ends."""
    size = line.size
    if previous.x1 < previous.right - _FULL * size:
        return False
    back_at_left = line.x0 <= line.left + 0.5 * size
    if line.page != previous.page:
        return back_at_left
    hanging = line.x0 > previous.first_x0 + 0.5 * size
    under = abs(line.x0 - previous.first_x0) <= 0.5 * size and not _ITEM.match(line.text)
    return (back_at_left or hanging or under) and 0 <= line.top - previous.bottom < size


def join(previous: TextLine, line: TextLine) -> None:
    previous.text += line.text
    previous.x1, previous.top, previous.bottom = line.x1, line.top, line.bottom
    previous.page, previous.left, previous.right = line.page, line.left, line.right


def _spaced(chars: list[dict[str, Any]]) -> str:
    pieces: list[str] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        if previous is not None:
            em = max(char["size"], 1.0)
            gap = char["x0"] - previous["x1"]
            wide = _wide(previous["text"]) or _wide(char["text"])
            if gap >= (_SPACE if wide else _WORD_SPACE) * em and not char["text"].isspace():
                pieces.append("\u3000" * max(1, round(gap / em)) if wide else " ")
        pieces.append(char["text"])
        previous = char
    return "".join(pieces)


def _wide(text: str) -> bool:
    return bool(text) and ord(text[0]) >= 0x2E80


def _inside(line: dict[str, Any], box: tuple[float, ...]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return box[1] <= middle <= box[3] and box[0] - 1 <= line["x0"] and line["x1"] <= box[2] + 1


def _without_page_numbers(lines: list[TextLine]) -> list[TextLine]:
    """Drop a page number standing above or below everything else on the page."""
    if not lines:
        return lines
    top = min(line.top for line in lines)
    bottom = max(line.bottom for line in lines)
    return [
        line
        for line in lines
        if not ((line.top == top or line.bottom == bottom) and _PAGE_NUMBER.match(line.text))
    ]
