"""The 公文 genre's phrases, written and read back by the same module."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jmctl.genre import (
    NUMBER_FORM,
    chinese_numeral,
    chinese_value,
    count_value,
    doc_number_in,
    full_width,
    heading,
    marker,
    strip_marker,
)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (10, "十"),
        (14, "十四"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (125, "一百二十五"),
        (1000, "一千"),
        (1010, "一千零一十"),
        (2305, "二千三百零五"),
    ],
)
def test_chinese_numerals_both_ways(number: int, text: str) -> None:
    assert chinese_numeral(number) == text
    assert chinese_value(text) == number


@given(st.integers(min_value=1, max_value=9999))
def test_every_numeral_reads_back(number: int) -> None:
    assert chinese_value(chinese_numeral(number)) == number


def test_what_is_no_numeral() -> None:
    assert chinese_value("二三") is None
    assert chinese_value("〇") is None
    assert chinese_value("县") is None
    assert count_value("二十五") == 25 and count_value("25") == 25
    assert chinese_value("两") == 2  # 两个部门


def test_markers_of_the_hundredth_item() -> None:
    assert marker(1, 100) == "一百、"
    assert marker(2, 101) == "（一百零一）"
    assert heading("一百零一、附则") == (1, 101, "附则")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("三、工作规则", (1, 3, "工作规则")),
        ("（十二）县民政局。", (2, 12, "县民政局。")),
        ("(二)、乙", (2, 2, "乙")),
        ("3.负责救助", (3, 3, "负责救助")),
        ("12、负责救助", (3, 12, "负责救助")),
        ("（4）负责", (4, 4, "负责")),
        ("2017年2月3日", None),
        ("3.5亿元", None),
    ],
)
def test_heading_markers(text: str, found: tuple[int, int, str] | None) -> None:
    assert heading(text) == found


def test_strip_marker_leaves_level_one_headings() -> None:
    assert strip_marker("一、总则") == (None, "一、总则")
    assert strip_marker("（一）统筹") == (2, "统筹")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("独府办发〔2017〕20号", "独府办发〔2017〕20号"),
        ("（陕政字〔2007〕50号）", "陕政字〔2007〕50号"),
        ("佛府办函〔2021〕149号.png", "佛府办函〔2021〕149号"),
        ("依据国办发(2004)73号文件", "依据国办发(2004)73号"),
        ("没有文号", None),
    ],
)
def test_document_numbers_wherever_printed(text: str, number: str | None) -> None:
    assert doc_number_in(text) == number


def test_look_alike_brackets_are_named() -> None:
    match = NUMBER_FORM.match("发改环资[2005]1560号")
    assert match is not None and match["open"] + match["close"] == "[]"


def test_full_width_beside_chinese_only() -> None:
    assert full_width("成员:张三,李四(副局长);") == "成员：张三，李四（副局长）；"
    assert full_width("version 1.2, ok") == "version 1.2, ok"
