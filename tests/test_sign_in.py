"""The 签到表: rows in seat order with room to sign, landscape only when it must be."""

from __future__ import annotations

import itertools

import pdfplumber
import pytest

import session_docs
from jmctl.render import layout
from jmctl.render.outline import Table
from jmctl.render.sign_in import ROW_HEIGHT, column_widths, sign_in

from docx_reading import body_lines

MM = 72 / 25.4


def _table(title: str = session_docs.PLENARY) -> tuple[bool, Table]:
    outline = sign_in(session_docs.composer(), session_docs.session(title))
    (table,) = [block for block in outline.blocks if isinstance(block, Table)]
    return outline.landscape, table


def test_rows_follow_the_seats_with_leave_substitutes_and_the_invited_marked() -> None:
    _, table = _table()
    assert table.header == ("序号", "单位", "姓名", "职务", "签字")
    assert table.rows == (
        ("1", "县政府", "张　伟", "副县长", ""),
        ("2", "县民政局", "李　娜", "局长", ""),
        ("3", "县财政局", "王　强", "副局长", ""),
        ("4", "县人社局", "刘　洋", "副局长", "请假"),
        ("5", "县卫健局", "孙　丽（代陈刚）", "医政医管股股长", ""),
        ("6", "县教育局", "赵　敏", "副局长", ""),
        ("7", "县审计局（列席）", "周　平", "副局长", ""),
    )
    assert table.row_height == ROW_HEIGHT


def test_the_page_turns_landscape_by_the_width_of_the_text_not_the_rows() -> None:
    landscape, table = _table()
    # the widest texts (县审计局（列席）, 孙　丽（代陈刚）, 医政医管股股长) overflow 156 mm
    assert landscape
    assert sum(table.widths) == layout.LANDSCAPE_TEXT_WIDTH
    # no attendees listed: the whole roster, its chair first; short texts: portrait
    narrow, short = _table(session_docs.LIAISON)
    assert not narrow
    assert [row[2] for row in short.rows] == [
        "李　娜",
        "张　伟",
        "王　强",
        "刘　洋",
        "陈　刚",
        "赵　敏",
    ]
    assert sum(short.widths) == layout.TEXT_WIDTH
    # many short rows stay portrait: only width counts
    many = tuple((str(n), "县民政局", "李　娜", "局长", "") for n in range(1, 80))
    assert sum(column_widths(short.header, many)) <= layout.TEXT_WIDTH
    wide = (("1", "国家税务总局青州市税务局", "欧阳晓晨", "基层卫生健康科科长", ""),)
    assert sum(column_widths(short.header, wide)) > layout.TEXT_WIDTH


def test_the_docx_repeats_its_header_and_gives_each_row_room_to_sign() -> None:
    data = session_docs.docx("sign-in")
    lines = body_lines(data)
    assert lines[0] == "JM Title\t白河县社会救助工作联席会议第1次全体会议签到表"
    assert lines[2].startswith("Normal\t时间：2023年3月16日（星期四）上午9:30—11:30")
    assert lines[2].endswith("地点：县政府三楼会议室")
    assert "| 4 | 县人社局 | 刘　洋 | 副局长 | 请假" in lines
    xml = session_docs.document_xml(data)
    assert xml.count(b'<w:tblHeader w:val="true"/>') == 1
    assert xml.count(f'<w:trHeight w:val="{ROW_HEIGHT}"/>'.encode()) == 7
    assert b'w:orient="landscape"' in xml


@pytest.mark.usefixtures("libreoffice")
def test_the_printed_sheet_is_landscape_with_12_mm_rows() -> None:
    with pdfplumber.open(session_docs.pdfs()["sign-in"]) as pdf:
        (page,) = pdf.pages
        assert abs(page.width / MM - 297) < 0.5 and abs(page.height / MM - 210) < 0.5
        rules = sorted(
            {round(edge["top"] / MM, 1) for edge in page.edges if edge["orientation"] == "h"}
        )
        gaps = [below - above for above, below in itertools.pairwise(rules[1:])]
        assert len(gaps) == 7 and all(abs(gap - 12) < 0.3 for gap in gaps)
        words = {word["text"]: word for word in page.extract_words()}
        columns = sorted(
            {round(edge["x0"], 1) for edge in page.edges if edge["orientation"] == "v"}
        )
        assert len(columns) == 6  # five columns between six rules
        assert columns[4] < words["请假"]["x0"] < columns[5]  # in the 签字 column, the last
        # the table fills the text block's width
        assert min(edge["x0"] for edge in page.edges) / MM == pytest.approx(28, abs=0.5)
        assert max(edge["x1"] for edge in page.edges) / MM == pytest.approx(297 - 26, abs=0.5)


@pytest.mark.usefixtures("libreoffice")
def test_a_short_sheet_is_portrait() -> None:
    with pdfplumber.open(session_docs.pdfs()["sign-in-liaison"]) as pdf:
        (page,) = pdf.pages
        assert abs(page.width / MM - 210) < 0.5 and abs(page.height / MM - 297) < 0.5


@pytest.mark.usefixtures("libreoffice")
def test_a_long_sheet_repeats_its_header_on_every_page() -> None:
    with pdfplumber.open(session_docs.pdfs()["sign-in-qingzhou"]) as pdf:
        assert len(pdf.pages) >= 2
        numbers = []
        for page in pdf.pages:
            lines = page.extract_text().splitlines()
            header = next(line for line in lines if line.startswith("序号"))
            assert header.split() == ["序号", "单位", "姓名", "职务", "签字"]
            numbers += [int(line.split()[0]) for line in lines if line.split()[0].isdigit()]
        assert numbers == list(range(1, 27))  # chair, 24 members, the invited unit
