"""The 会议通知 of a session: its wording and order, its DOCX, its printed page."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pdfplumber
import pytest

import session_docs
from jmctl.render import layout
from jmctl.render.outline import Table
from jmctl.render.session_notice import session_notice
from jmctl.render.session_people import ABSENT, CHAIR, INVITED, MEMBER, SUBSTITUTE, seats
from jmctl.render.session_view import notice_date, time_span, weekday_date

from docx_reading import body_lines

MM = 72 / 25.4


def _notice() -> tuple[list[str], list[Table]]:
    outline = session_notice(session_docs.composer(), session_docs.session())
    texts = [paragraph.text for paragraph in outline.paragraphs()]
    return texts, [block for block in outline.blocks if isinstance(block, Table)]


def test_seats_put_the_chair_first_then_the_roster_order_then_the_invited() -> None:
    listed = seats(session_docs.model(), session_docs.session())
    assert [(seat.name, seat.standing) for seat in listed] == [
        ("张伟", CHAIR),
        ("李娜", MEMBER),
        ("王强", MEMBER),
        ("刘洋", ABSENT),
        ("孙丽", SUBSTITUTE),
        ("赵敏", MEMBER),
        ("周平", INVITED),
    ]
    substitute = listed[4]
    assert (substitute.unit, substitute.post, substitute.replaces) == (
        "县卫健局",
        "医政医管股股长",
        "陈刚",
    )


def test_time_and_date_read_as_a_notice_prints_them() -> None:
    assert time_span("09:30", "11:30") == "上午9:30—11:30"
    assert time_span("14:30", None) == "下午14:30"
    assert time_span(None, None) == ""
    assert time_span("09:30", "09:30") == "上午9:30"
    assert weekday_date(date(2023, 3, 16)) == "2023年3月16日（星期四）"


def test_the_notice_says_when_where_who_what_and_asks_for_the_reply() -> None:
    texts, tables = _notice()
    assert texts[2] == "关于召开白河县社会救助工作联席会议\n第1次全体会议的通知"
    assert "各成员单位：" in texts
    headings = [text for text in texts if text[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert [heading[2:] for heading in headings] == [
        "会议时间",
        "会议地点",
        "参会人员",
        "会议议程",
        "有关要求",
    ]
    assert "2023年3月16日（星期四）上午9:30—11:30。" in texts
    assert "县政府三楼会议室。" in texts
    people = next(text for text in texts if text.startswith("县政府副县长张伟"))
    # the notice names the roster person, not who will stand in
    assert "县卫健局副局长陈刚" in people and "孙丽" not in people
    assert people.endswith("县审计局副局长周平列席会议。")
    assert "（一）听取2022年全县社会救助工作情况汇报（县民政局）；" in texts
    assert "（二）研究2023年社会救助资金安排（县财政局）。" in texts
    reply = next(text for text in texts if "参会回执" in text and text.startswith("（二）"))
    # no `notice` block: the deadline counted back, no contact the data names
    assert "2023年3月14日前" in reply and "报送县民政局" in reply
    assert "联系" not in reply
    assert "附件：参会回执" in texts
    signature = texts.index("白河县社会救助工作联席会议办公室")
    assert texts[signature + 1] == "2023年3月9日"
    assert notice_date(session_docs.session()) == date(2023, 3, 9)  # 7 days before
    (form,) = tables
    assert form.header == ("单位", "姓名", "职务", "联系电话", "备注")
    assert len(form.rows) == 6 and all(not any(row) for row in form.rows)


def test_the_docx_has_the_red_mark_and_a_repeating_form_header() -> None:
    data = session_docs.docx("session-notice")
    lines = body_lines(data)
    assert lines[0] == "JM Mark\t白河县社会救助工作联席会议办公室文件"
    assert "JM Annex Label\t附件" in lines
    assert "| 单位 | 姓名 | 职务 | 联系电话 | 备注" in lines
    assert b'w:tblHeader w:val="true"' in _document_xml(data)


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def test_a_long_mark_is_set_smaller_to_stay_on_one_line() -> None:
    mark = "白河县社会救助工作联席会议办公室文件"  # 18 characters: 36 pt would need 228 mm
    size = layout.mark_size(mark)
    assert size < layout.MARK_MAX_SIZE
    assert len(mark) * size * 10 <= layout.TEXT_WIDTH
    assert layout.mark_size("独山县人民政府办公室文件") == layout.MARK_MAX_SIZE


@pytest.mark.usefixtures("libreoffice")
def test_the_printed_notice_has_its_mark_on_one_red_line_and_the_form_on_its_own_page() -> None:
    with pdfplumber.open(session_docs.pdfs()["session-notice"]) as pdf:
        first, last = pdf.pages[0], pdf.pages[-1]
        assert abs(first.width / MM - 210) < 0.5 and abs(first.height / MM - 297) < 0.5
        red = [char for char in first.chars if char["non_stroking_color"] in ((1, 0, 0), [1, 0, 0])]
        assert "".join(char["text"] for char in red) == "白河县社会救助工作联席会议办公室文件"
        assert len({round(char["top"]) for char in red}) == 1  # one line
        assert min(char["x0"] for char in red) / MM >= 28 - 0.5
        assert max(char["x1"] for char in red) / MM <= 184 + 0.5
        assert "〔" not in (first.extract_text() or "")  # no number without a `notice` block
        text = last.extract_text()
        assert text.splitlines()[0] == "附件" and "参会回执" in text
        assert "单位 姓名 职务 联系电话 备注" in text
        assert len(pdf.pages) == 3


def _liaison_notice() -> list[str]:
    outline = session_notice(session_docs.composer(), session_docs.session(session_docs.LIAISON))
    assert outline.masthead is not None and outline.masthead.doc_number == "白社救联办〔2023〕2号"
    return [paragraph.text for paragraph in outline.paragraphs()]


def test_the_notice_block_gives_the_date_deadline_contact_and_number() -> None:
    texts = _liaison_notice()  # the 联络员会议 has a `notice` block
    assert notice_date(session_docs.session(session_docs.LIAISON)) == date(2023, 6, 12)
    signature = texts.index("白河县社会救助工作联席会议办公室")
    assert texts[signature + 1] == "2023年6月12日"
    reply = next(text for text in texts if "参会回执" in text and text.startswith("（二）"))
    assert "2023年6月16日前" in reply
    assert reply.endswith("（联系人：王芳，联系电话：0915-7221234）。")


@pytest.mark.usefixtures("libreoffice")
def test_the_printed_notice_has_its_number_under_the_mark_and_the_telephone() -> None:
    with pdfplumber.open(session_docs.pdfs()["session-notice-liaison"]) as pdf:
        first = pdf.pages[0]
        red = [char for char in first.chars if char["non_stroking_color"] in ((1, 0, 0), [1, 0, 0])]
        lines = (first.extract_text() or "").replace(" ", "").splitlines()
        assert lines[1] == "白社救联办〔2023〕2号"
        number = [char for char in first.chars if char["text"] == "〔"]
        assert number and number[0]["top"] > max(char["bottom"] for char in red)
        line = [char for char in first.chars if abs(char["top"] - number[0]["top"]) < 1]
        middle = (min(c["x0"] for c in line) + max(c["x1"] for c in line)) / 2
        assert abs(middle / MM - 105) < 2  # centred on the text block (28–184 mm)
        body = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "")
        assert "联系电话：0915-7221234" in body.replace("\n", "")
