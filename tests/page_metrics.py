"""Read a rendered PDF as lines of body text, and count what a careful reader rejects:
one-character last lines of paragraphs (runts), a paragraph's last line alone at the top
of a page (widows), a 署名 and date alone on their page, nearly empty last pages.

Body lines are the 16 pt lines inside the text block; a paragraph starts with a line
indented two characters, or with a heading, and ends before the next one starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

MM = 72 / 25.4
TEXT_TOP, TEXT_BOTTOM, TEXT_LEFT = 37.0, 262.0, 28.0
BODY_SIZE = 16
INDENT_MM = 2 * 15.75 / MM  # two body characters
PUNCTUATION = set("，。、；：！？）》”’…—")
DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件\d*$)")


@dataclass
class Line:
    page: int
    text: str
    left: float  # mm
    right: float  # mm
    size: float


@dataclass
class PageReport:
    """What one PDF shows."""

    pages: int
    runts: list[str] = field(default_factory=list)
    widows: list[str] = field(default_factory=list)
    lone_signature: bool = False
    short_last_pages: list[int] = field(default_factory=list)  # pages with 1-3 lines


def body_lines(pdf_path: Path) -> tuple[int, list[Line]]:
    """Return the page count and the 16 pt text lines of the text block, in order."""
    return _read(pdf_path)[:2]  # type: ignore[return-value]


def _read(pdf_path: Path) -> tuple[int, list[Line], set[int]]:
    """Return the page count, the body lines, and the pages that hold a table (smaller
    text above the 版记's place at the page bottom) or are landscape."""
    lines, other = [], set()
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            table = any(c["size"] < 15 and c["top"] < 200 * MM for c in page.chars)
            if page.width > page.height or table:
                other.add(number)
            rows: dict[int, list[dict]] = {}
            for char in page.chars:
                inside = TEXT_TOP * MM - 2 < char["top"] < TEXT_BOTTOM * MM
                if inside and char["text"].strip() and round(char["size"]) == BODY_SIZE:
                    rows.setdefault(round(char["top"]), []).append(char)
            for top in sorted(rows):
                chars = sorted(rows[top], key=lambda c: c["x0"])
                text = "".join(c["text"] for c in chars)
                lines.append(
                    Line(number, text, chars[0]["x0"] / MM, chars[-1]["x1"] / MM, BODY_SIZE)
                )
        return len(pdf.pages), lines, other


def _starts_paragraph(line: Line) -> bool:
    return line.left > TEXT_LEFT + INDENT_MM - 1.5 or bool(HEADING.match(line.text))


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group left-flush continuation lines under the indented line that starts them."""
    groups: list[list[Line]] = []
    for line in lines:
        if _starts_paragraph(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _letters(text: str) -> int:
    return sum(1 for char in text if char not in PUNCTUATION)


def report(pdf_path: Path) -> PageReport:
    pages, lines, other = _read(pdf_path)
    result = PageReport(pages)
    for group in paragraphs(lines):
        if len(group) < 2:
            continue
        last = group[-1]
        if _letters(last.text) <= 1:
            result.runts.append(group[-2].text[-4:] + "|" + last.text)
        if last.page != group[-2].page:
            result.widows.append(f"p{last.page}:{last.text}")
    dates = [line for line in lines if DATE.match(line.text)]
    if dates:
        date = dates[0]
        # the 署名 and the date are right-aligned short lines; body text is anything else
        same_page = [line for line in lines if line.page == date.page and line is not date]
        body = [line for line in same_page if line.left < 100]
        result.lone_signature = not body
    counts: dict[int, int] = {}
    for line in lines:
        counts[line.page] = counts.get(line.page, 0) + 1
    # a page of text that spills one to three lines over from the page before (pages with
    # a table or the 版记 and annex title pages hold other things)
    result.short_last_pages = [
        page
        for page, count in counts.items()
        if page > 1
        and count <= 3
        and page - 1 in counts
        and page not in other
        and not any(line.page == page and HEADING.match(line.text) for line in lines)
    ]
    return result
