"""The rendered page, measured on LibreOffice's PDF: GB/T 9704-2012 within 0.5 mm.

These tests run the real LibreOffice and fonts that scripts/setup installs.
"""

from __future__ import annotations

import itertools
import re
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

import pages

pytestmark = pytest.mark.slow

MM = 72 / 25.4
TOLERANCE = 0.5  # mm
TEXT_TOP, TEXT_BOTTOM, TEXT_LEFT, TEXT_RIGHT = 37.0, 262.0, 28.0, 184.0
PAGE_NUMBER = re.compile(r"— \d+ —")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件\d)")


@pytest.fixture(scope="module")
def rendered(libreoffice: str) -> dict[str, tuple[Path, Path]]:
    """The examples and the stress set, rendered to DOCX and PDF once (tests/pages.py)."""
    return pages.rendered()


def _lines(page: pdfplumber.page.Page) -> list[list[dict]]:
    """Return the page's text lines inside the text block, top to bottom."""
    rows: dict[int, list[dict]] = {}
    for char in page.chars:
        if TEXT_TOP * MM < char["top"] < TEXT_BOTTOM * MM and char["text"].strip():
            rows.setdefault(round(char["top"]), []).append(char)
    return [sorted(rows[top], key=lambda c: c["x0"]) for top in sorted(rows)]


def _text(line: list[dict]) -> str:
    return "".join(char["text"] for char in line)


def _em_width(text: str) -> float:
    """Return how many body characters wide `text` is: digits and Latin count half."""
    return sum(0.5 if ord(char) < 128 else 1.0 for char in text)


def _near(value: float, expected: float) -> bool:
    return abs(value - expected) <= TOLERANCE


@pytest.mark.parametrize(
    "name", ["dushan-2017-notice", "fujian-2020-notice", "qingshan-2022-notice"]
)
def test_pages_are_a4_and_text_starts_at_the_binding_margin(rendered, name: str) -> None:
    with pdfplumber.open(rendered[name][1]) as pdf:
        for page in pdf.pages:
            landscape = page.width > page.height  # the task table annex
            width, height = (297, 210) if landscape else (210, 297)
            assert _near(page.width / MM, width) and _near(page.height / MM, height)
            if landscape:
                continue
            for line in _lines(page):
                assert line[0]["x0"] / MM >= TEXT_LEFT - TOLERANCE
                assert line[-1]["x1"] / MM <= TEXT_RIGHT + TOLERANCE


@pytest.mark.parametrize("name", ["dushan-2017-notice", "fujian-2020-notice"])
def test_full_pages_hold_22_lines_of_28_characters(rendered, name: str) -> None:
    with pdfplumber.open(rendered[name][1]) as pdf:
        pages = [_lines(page) for page in pdf.pages]
    full = []
    for number, (lines, following) in enumerate(itertools.pairwise(pages), 2):
        assert len(lines) <= 22, number
        # A page ends early only to keep a heading with its text, or before an annex;
        # an annex's first page has blank lines around its title. Widow and orphan
        # control carry a line or two over so that no paragraph leaves a single line
        # alone at a page top or bottom (counted in tests/test_render_stress.py).
        if not HEADING.match(_text(following[0])) and not _text(lines[0]).startswith("附件"):
            full.append(len(lines))
            assert len(lines) >= 20, number
    assert len(full) >= 3
    assert 22 in full  # the grid holds where nothing is carried over
    widths = [
        _em_width(_text(line))
        for lines in pages[1:]
        for line in lines
        if round(line[0]["size"]) == 16
    ]  # body lines, not the 14 pt 版记
    assert max(widths) == 28
    assert widths.count(28) >= 10  # wrapped lines fill the measure
    pitches = {
        round((b[0]["top"] - a[0]["top"]) / MM, 1)
        for lines in pages[1:]
        for a, b in itertools.pairwise(lines)
    }
    assert min(pitches) == pytest.approx(28.95 / MM, abs=0.1)


def test_red_header_35mm_below_the_text_top_and_rule_4mm_under_the_number(rendered) -> None:
    with pdfplumber.open(rendered["dushan-2017-notice"][1]) as pdf:
        page = pdf.pages[0]
        mark = [c for c in page.chars if c["size"] > 30]
        assert _text(mark) == "独山县人民政府办公室文件"  # its ink position: test_render_ink
        assert mark[0]["non_stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
        number = next(c for c in page.chars if c["text"] == "〔")
        rules = [e for e in page.edges if e["orientation"] == "h" and e["top"] > number["bottom"]]
        rule = min(rules, key=lambda e: e["top"])
        assert _near((rule["top"] - number["bottom"]) / MM, 4)
        assert _near(rule["x0"] / MM, TEXT_LEFT) and _near(rule["x1"] / MM, TEXT_RIGHT)
        assert rule["stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))


def test_letter_format_positions(rendered) -> None:
    with pdfplumber.open(rendered["fujian-2020-notice"][1]) as pdf:
        page = pdf.pages[0]
        mark = [c for c in page.chars if c["size"] > 30]
        rules = sorted(
            {
                round(e["top"] / MM, 1)
                for e in page.edges
                if e["orientation"] == "h"
                and e["stroking_color"] in ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
            }
        )
        top_pair, bottom_pair = rules[:2], rules[-2:]
        assert _near(top_pair[0] - mark[0]["bottom"] / MM, 4)
        assert _near(297 - (bottom_pair[0] + bottom_pair[1]) / 2, 20)
        edges = [e for e in page.edges if round(e["top"] / MM, 1) == top_pair[0]]
        assert _near((edges[0]["x1"] - edges[0]["x0"]) / MM, 170)
        assert not PAGE_NUMBER.search(page.extract_text())  # none on the letter's first page


@pytest.mark.parametrize("name", ["dushan-2017-notice", "qingshan-2022-notice"])
def test_page_numbers_alternate_sides_7mm_below_the_text(rendered, name: str) -> None:
    with pdfplumber.open(rendered[name][1]) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            bottom = page.height / MM - 35  # the text block ends 35 mm above the edge
            chars = [c for c in page.chars if c["top"] > bottom * MM]
            text = "".join(c["text"] for c in chars)
            assert text == f"— {number} —"  # the dash's ink position: test_render_stress
            em = 14 / MM  # one 4号 character
            right = page.width / MM - 26
            if number % 2:
                assert _near(chars[-1]["x1"] / MM, right - em)
            else:
                assert _near(chars[0]["x0"] / MM, TEXT_LEFT + em)


def test_colophon_sits_on_the_bottom_of_the_last_page(rendered) -> None:
    with pdfplumber.open(rendered["dushan-2017-notice"][1]) as pdf:
        last = pdf.pages[-1]
        assert "抄送：县委办" in last.extract_text()
        assert all("抄送" not in page.extract_text() for page in pdf.pages[:-1])
        black = [
            e
            for e in last.edges
            if e["orientation"] == "h"
            and e["stroking_color"] in ((0, 0, 0), [0], (0,), 0, [0, 0, 0], (0.0,))
        ]
        lowest = max(black, key=lambda e: e["bottom"])
        assert _near(lowest["bottom"] / MM, TEXT_BOTTOM)
        assert _near(lowest["x0"] / MM, TEXT_LEFT) and _near(lowest["x1"] / MM, TEXT_RIGHT)


@pytest.mark.parametrize(
    "name",
    ["dushan-2017-notice", "fujian-2020-notice", "qingshan-2022-notice", "qingshan-2022-tasks"],
)
def test_pdf_text_is_the_document_text_with_no_punctuation_lost(rendered, name: str) -> None:
    docx, pdf_path = rendered[name]
    document = Document(BytesIO(docx.read_bytes()))
    section = document.sections[0]
    parts = (
        [p.text for p in section.first_page_header.paragraphs]
        if (section.different_first_page_header_footer)
        else []
    )
    parts += [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    expected = re.sub(r"\s", "", "".join(parts))
    with pdfplumber.open(pdf_path) as pdf:
        actual = "".join(PAGE_NUMBER.sub("", page.extract_text()) for page in pdf.pages)
    actual = re.sub(r"\s", "", actual)
    assert sorted(actual) == sorted(expected)
    if all(len(table.columns) == 1 for table in document.tables):  # cells read across
        assert actual == expected


def test_tasks_page_is_landscape(rendered) -> None:
    with pdfplumber.open(rendered["qingshan-2022-tasks"][1]) as pdf:
        page = pdf.pages[0]
        assert _near(page.width / MM, 297) and _near(page.height / MM, 210)


def test_signature_two_characters_in_and_date_two_characters_right_of_it(rendered) -> None:
    with pdfplumber.open(rendered["dushan-2017-notice"][1]) as pdf:
        lines = {_text(line): line for line in _lines(pdf.pages[-1])}
    signature, day = lines["独山县人民政府办公室"], lines["2017年2月23日"]
    em = 15.75 / MM  # one body character: 16 pt less the −0.25 pt spacing
    assert _near(signature[-1]["x1"] / MM, TEXT_RIGHT - 2 * em)
    assert _near(day[0]["x0"] / MM, signature[0]["x0"] / MM + 2 * em)
