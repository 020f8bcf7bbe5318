"""The 议定事项督办表: the open decisions of every session, overdue ones marked."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

import session_docs
from jmctl.render.decisions_table import decisions
from jmctl.render.outline import Table

from docx_reading import body_lines

MM = 72 / 25.4


def _table(today: date) -> Table:
    outline = decisions(session_docs.composer(), today=lambda: today)
    assert outline.landscape
    (table,) = [block for block in outline.blocks if isinstance(block, Table)]
    return table


def test_one_row_per_open_decision_of_every_session() -> None:
    table = _table(date(2023, 7, 1))
    header = "序号|议定事项|会议|牵头单位|配合单位|完成时限|进展情况|状态"
    assert "|".join(table.header) == header
    # 已完成 and 已撤销 are finished: only the 推进中 and the 未启动 decisions remain
    assert table.rows == (
        (
            "1",
            "将县级救助资金纳入年度预算，按季度拨付到位。",
            "第1次全体会议（2023年3月16日）",
            "县财政局",
            "县民政局",
            "",
            "第一、二季度资金已拨付。",
            "推进中",
        ),
        (
            "2",
            "建立困难学生资助与低保信息每月比对机制。",
            "第1次联络员会议（2023年6月20日）",
            "县教育局",
            "县民政局",
            "2023年9月30日",
            "",
            "未启动",
        ),
    )


def test_an_open_decision_past_its_deadline_is_marked_as_jm314_warns() -> None:
    assert _table(date(2023, 9, 30)).rows[1][5] == "2023年9月30日"  # due today: not yet
    assert _table(date(2023, 10, 1)).rows[1][5] == "2023年9月30日\n（已逾期）"
    assert _table(date(2030, 1, 1)).rows[0][5] == ""  # no deadline, never overdue


def test_the_docx_is_landscape_with_the_mark_under_the_date() -> None:
    data = session_docs.docx("decisions", None)
    lines = body_lines(data)
    assert lines[0] == "JM Title\t白河县社会救助工作联席会议议定事项督办表"
    assert any("2023年9月30日⏎（已逾期）" in line for line in lines)  # overdue today
    xml = session_docs.document_xml(data)
    assert b'w:orient="landscape"' in xml and b'<w:tblHeader w:val="true"/>' in xml


@pytest.mark.usefixtures("libreoffice")
def test_the_printed_table_is_landscape_and_marks_the_overdue_row() -> None:
    with pdfplumber.open(session_docs.pdfs()["decisions"]) as pdf:
        (page,) = pdf.pages
        assert abs(page.width / MM - 297) < 0.5 and abs(page.height / MM - 210) < 0.5
        words = page.extract_words()
        texts = [word["text"] for word in words]
        assert "（已逾期）" in texts and "已完成" not in texts
        columns = sorted({round(e["x0"], 1) for e in page.edges if e["orientation"] == "v"})
        assert len(columns) == 9  # eight columns
        mark = next(word for word in words if word["text"] == "（已逾期）")
        assert columns[5] < mark["x0"] < columns[6]  # in 完成时限
        day = next(word for word in words if word["text"] == "2023年9月30日")  # one line
        assert columns[5] < day["x0"] < columns[6] and day["bottom"] <= mark["top"]
