"""The page checks over every example and every stress case (tests/cases/stress/), on
LibreOffice's PDF: text, page furniture, ink positions on a raster, fonts, tables."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest

import pages
from page_metrics import MM, TEXT_BOTTOM, report
from raster import rasterise

pytestmark = pytest.mark.slow
TOLERANCE = 0.5  # mm
NOTICES = pages.keys("notice")
TASKS = pages.keys("tasks")
PAGE_NUMBER = re.compile(r"— (\d+) —")


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Path, Path]]:
    return pages.rendered()


def _is_letter(pdf: Path) -> bool:
    with pdfplumber.open(pdf) as document:
        return not PAGE_NUMBER.search(document.pages[0].extract_text())


@pytest.mark.parametrize("name", NOTICES)
def test_no_runts_no_widows_and_the_signature_never_alone(rendered, name: str) -> None:
    found = report(rendered[name][1])
    assert found.runts == []
    assert found.widows == []
    assert not found.lone_signature


@pytest.mark.parametrize("name", NOTICES)
def test_ink_positions_of_the_mark_and_the_page_numbers(rendered, name: str) -> None:
    pdf = rendered[name][1]
    first = rasterise(pdf, 1)
    mark = first.ink_box(10, 100, red=True)
    assert mark is not None
    if _is_letter(pdf):  # 信函格式: the mark 30 mm from the paper top
        assert abs(mark[0] - 30) <= TOLERANCE
        page = rasterise(pdf, 2)
    else:  # 35 mm below the top of the text block
        assert abs(mark[0] - 72) <= TOLERANCE
        page = first
    footer = page.ink_box(TEXT_BOTTOM + 1, 285)
    assert footer is not None
    dash = page.ink_box(TEXT_BOTTOM + 1, 285, footer[2], footer[2] + 0.5)  # the first dash
    assert dash is not None
    assert abs((dash[0] + dash[1]) / 2 - (TEXT_BOTTOM + 7)) <= TOLERANCE


@pytest.mark.parametrize("name", NOTICES)
def test_page_numbers_run_on_through_the_annexes(rendered, name: str) -> None:
    with pdfplumber.open(rendered[name][1]) as pdf:
        numbers = [
            int(match.group(1))
            for page in pdf.pages
            if (match := PAGE_NUMBER.search(page.extract_text()))
        ]
        assert numbers == list(range(numbers[0], numbers[-1] + 1))
        assert numbers[-1] == len(pdf.pages)


def test_each_role_draws_in_its_chosen_face(rendered) -> None:
    with pdfplumber.open(rendered["dushan-2017-notice"][1]) as pdf:
        faces: dict[str, set[str]] = {}
        for page in pdf.pages:
            for char in page.chars:
                faces.setdefault(char["fontname"].split("+")[-1], set()).add(char["text"])
    names = set(faces)
    assert any(name.startswith("FandolFang") for name in names)  # body: a real 仿宋
    assert any(name.startswith("LXGWWenKai") for name in names)  # （一） headings: 楷体
    assert any(name.startswith("NotoSansCJK") for name in names)  # 一、 headings: 黑体
    assert any("Serif" in name and "Bold" in name for name in names)  # title: 小标宋
    song = {c for name, chars in faces.items() if name.startswith("NotoSerifCJK") for c in chars}
    assert set("0123456789") & song  # page-number digits in 宋体


def test_kai_headings_print_as_large_as_the_body(rendered) -> None:
    pdf = rendered["dushan-2017-notice"][1]
    with pdfplumber.open(pdf) as document:
        found = None
        for number, page in enumerate(document.pages, 1):
            kai = [c for c in page.chars if "WenKai" in c["fontname"] and c["text"] >= "\u4e00"]
            body = [c for c in page.chars if "FandolFang" in c["fontname"]]
            if len(kai) >= 4 and len(body) >= 20:
                found = number
                break
    assert found is not None, "no page with a 楷体 heading and body text"
    raster = rasterise(pdf, found)

    def ink_height(chars: list[dict]) -> float:
        top, bottom = chars[0]["top"] / MM, chars[0]["bottom"] / MM
        same_line = [c for c in chars if abs(c["top"] / MM - top) < 1]
        box = raster.ink_box(top - 1, bottom + 1, same_line[0]["x0"] / MM, same_line[-1]["x1"] / MM)
        assert box is not None
        return box[1] - box[0]

    body_line = [c for c in body if "\u4e00" <= c["text"] <= "\u9fff"]
    assert ink_height(kai) >= 0.95 * ink_height(body_line)


@pytest.mark.parametrize("name", TASKS)
def test_task_rows_never_split_and_text_stays_off_the_rules(rendered, name: str) -> None:
    with pdfplumber.open(rendered[name][1]) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
        assert text.count("（牵头）") == text.count("牵") > 0  # never （牵|头）
        for page in pdf.pages:
            rules = sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h"})
            columns = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
            chars = [c for c in page.chars if c["text"].strip() and c["size"] < 15]
            assert rules and columns and chars
            for char in chars:
                above = [r for r in rules if r <= char["top"] + 0.1]
                left = [x for x in columns if x <= char["x0"] + 0.1]
                # em box 0.7 mm or more below the rule: the ink sits lower still
                assert above and (char["top"] - above[-1]) / MM >= 0.7, char["text"]
                assert left and (char["x0"] - left[-1]) / MM >= 1.2, char["text"]
            # every row starts with its 序号: a row split over a page break would leave a
            # row of text with an empty first cell at the top of the next page
            first_column = [c for c in chars if c["x1"] <= columns[1] + 0.1]
            for upper, lower in pairwise(rules):
                inside = [c for c in chars if upper < c["top"] < lower]
                if inside:
                    assert any(upper < c["top"] < lower for c in first_column)


def test_the_task_table_is_a_landscape_annex_of_the_notice(rendered) -> None:
    with pdfplumber.open(rendered["qingshan-2022-notice"][1]) as pdf:
        shapes = ["landscape" if p.width > p.height else "portrait" for p in pdf.pages]
        texts = [page.extract_text() for page in pdf.pages]
    first = shapes.index("landscape")
    assert "附件3" in texts[first].replace(" ", "") and "序号" in texts[first]
    assert set(shapes[:first]) == {"portrait"}
    assert shapes[-1] == "portrait" and "抄送" in texts[-1]  # the 版记 on a portrait page
    assert "3.青山镇困难群众救助工作联席会议重点任务分工方案" in "".join(texts).replace("\n", "")


def _line_of(pdf: Path, pattern: str) -> list[dict]:
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            rows: dict[int, list[dict]] = {}
            for char in page.chars:
                rows.setdefault(round(char["top"]), []).append(char)
            for chars in rows.values():
                chars.sort(key=lambda c: c["x0"])
                if re.fullmatch(pattern, "".join(c["text"] for c in chars)):
                    return chars
    raise AssertionError(f"no line {pattern}")


def test_a_short_signature_is_centred_on_a_date_two_characters_from_the_right(rendered) -> None:
    pdf = rendered["short-issuer-no-cc-notice"][1]
    date = _line_of(pdf, r"2022年3月15日")
    issuer = _line_of(pdf, r"XX镇人民政府")
    two = 2 * 15.75 / MM
    assert abs(date[-1]["x1"] / MM - (184 - two)) <= TOLERANCE
    centre = (issuer[0]["x0"] + issuer[-1]["x1"]) / 2
    assert abs((centre - (date[0]["x0"] + date[-1]["x1"]) / 2) / MM) <= 1.0


def test_letter_number_flush_right_under_the_double_line(rendered) -> None:
    pdf = rendered["fujian-2020-notice"][1]
    number = _line_of(pdf, r"闽政办函〔2020〕56号")
    assert abs(number[-1]["x1"] / MM - 184) <= TOLERANCE
    page = rasterise(pdf, 1)
    rules = page.ink_box(35, 60, red=True)
    ink = page.ink_box(rules[1] + 0.3, 70, 100, 190, red=False)
    assert rules is not None and ink is not None
    assert 2 <= ink[0] - rules[1] <= 6  # just under the double line
