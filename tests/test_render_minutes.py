"""`render minutes`: a session's 会议纪要 in the 纪要格式 (GB/T 9704-2012 10.3), read back
from its outline and its DOCX (content and XML). The printed page: test_render_minutes_pdf."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from jmctl.cli import cli
from jmctl.render import layout, styles
from jmctl.render.api import RenderOptions, available_kinds, outline
from jmctl.render.docx_writer import write_docx
from jmctl.render.minutes_furniture import MinutesMasthead, mark_size
from jmctl.render.page_format import PageFormat
from jmctl.validation import validate_file

from conftest import EXAMPLES

BAIHE = EXAMPLES / "baihe-2023.yaml"


def _outline(session: str | None = "2023-03-16"):  # type: ignore[no-untyped-def]
    model = validate_file(BAIHE).model
    assert model is not None
    return outline(model, "minutes", RenderOptions(session=session))


def _document(session: str = "2023-03-16"):  # type: ignore[no-untyped-def]
    return Document(BytesIO(write_docx(_outline(session))))


def test_the_masthead_is_the_minutes_mark_and_issue_with_no_document_number() -> None:
    page = _outline()
    masthead = page.masthead
    assert isinstance(masthead, MinutesMasthead)
    assert masthead.page_format is PageFormat.MINUTES
    assert masthead.mark == "白河县社会救助工作联席会议纪要"
    assert masthead.doc_number is None
    # no `minutes` block: the 期数 is the session's number, the date the session's
    assert (masthead.issue, masthead.issued_by, masthead.issued_on) == (
        "第1期",
        "联席会议办公室",
        "2023年3月16日",
    )


def test_the_minutes_block_gives_the_issue_date_and_colophon() -> None:
    page = _outline("2023-06-20")  # the 第1次联络员会议 has a `minutes` block: 第2期
    masthead = page.masthead
    assert isinstance(masthead, MinutesMasthead)
    assert (masthead.issue, masthead.issued_on) == ("第2期", "2023年6月21日")
    assert page.colophon is not None
    assert page.colophon.cc == "分送：县委办、县人民政府办，联席会议各成员单位。"
    assert (page.colophon.printed_by, page.colophon.print_date) == (
        "白河县社会救助工作联席会议办公室",
        "2023年6月25日印发",
    )
    texts = [p.text for p in page.paragraphs()]
    assert any(text.startswith("2023年6月20日下午") for text in texts)  # the meeting's day


def test_the_issue_is_the_minutes_own_number_not_the_sessions() -> None:
    model = validate_file(BAIHE).model
    assert model is not None
    first, liaison = model.sessions
    model.sessions[0] = replace(first, minutes=replace(liaison.minutes, issue=7, date=None))
    page = outline(model, "minutes", RenderOptions(session="2023-03-16"))
    masthead = page.masthead
    assert isinstance(masthead, MinutesMasthead)
    assert (masthead.issue, masthead.issued_on) == ("第7期", "2023年3月16日")
    assert page.colophon is not None
    assert page.colophon.print_date == "2023年6月25日印发"  # as written


def test_the_body_says_when_where_who_chaired_and_what_was_heard() -> None:
    texts = [p.text for p in _outline().paragraphs()]
    overview = next(text for text in texts if text.startswith("2023年3月16日"))
    assert overview.startswith("2023年3月16日上午，白河县社会救助工作联席会议在县政府三楼会议室")
    assert "会议由联席会议总召集人、县政府副县长张伟主持。" in overview
    assert "听取2022年全县社会救助工作情况汇报（县民政局）" in overview
    assert texts.index("现将会议议定事项纪要如下：") == texts.index(overview) + 1


def test_decisions_are_numbered_with_their_lead_and_other_units() -> None:
    texts = [p.text for p in _outline().paragraphs()]
    decisions = [text for text in texts if text[:2] in ("一、", "二、", "三、")]
    assert decisions == [
        "一、3月底前完成全县低保对象动态排查，建立排查台账。"
        "由县民政局牵头，县人社局、县卫健局配合，2023年3月31日前完成。",
        "二、将县级救助资金纳入年度预算，按季度拨付到位。由县财政局牵头，县民政局配合。",
    ]


def test_present_absent_and_invited_lists_follow_the_body() -> None:
    paragraphs = _outline().paragraphs()
    lists = {p.runs[0].text: p for p in paragraphs if len(p.runs) == 2}
    assert list(lists) == ["出席：", "请假：", "列席："]
    present = lists["出席："].runs[1].text
    # the chair first; the substitute in the place of the one replaced; the absent apart
    assert present.startswith("县政府副县长张伟、县民政局局长李娜")
    assert "县卫健局医政医管股股长孙丽（代陈刚）" in present
    assert "刘洋" not in present and "陈刚、" not in present
    assert lists["请假："].runs[1].text == "县人社局副局长刘洋"
    assert lists["列席："].runs[1].text == "县审计局副局长周平"
    for paragraph in lists.values():
        assert paragraph.runs[0].font == layout.FONTS.heading
        assert (paragraph.left, paragraph.hanging) == (5.0, 3.0)  # aligned after the colon


def test_no_signature_no_date_line_and_a_colophon_with_distribution() -> None:
    page = _outline()
    assert not [p for p in page.paragraphs() if p.style in (styles.SIGNATURE, styles.DATE)]
    assert page.colophon is not None
    assert page.colophon.cc == "分送：白河县人民政府，联席会议各成员单位。"
    assert (page.colophon.printed_by, page.colophon.print_date) == (
        "联席会议办公室",
        "2023年3月16日印发",
    )


def test_a_session_with_no_attendees_lists_its_chair_alone() -> None:
    texts = [p.text for p in _outline("2023-06-20").paragraphs()]
    lists = [text for text in texts if text.startswith(("出席", "请假", "列席"))]
    assert lists == ["出席：县民政局局长李娜"]
    assert texts[1].startswith("2023年6月20日下午，")
    assert "召开2023年第1次联络员会议。会议由联席会议召集人、县民政局局长李娜主持。" in texts[1]


def test_the_docx_sets_the_labels_in_heiti_with_a_hanging_indent() -> None:
    document = _document()
    label = next(p for p in document.paragraphs if p.text.startswith("出席："))
    fonts = label.runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体"
    assert label.runs[1]._r.rPr is None or label.runs[1]._r.rPr.find(qn("w:rFonts")) is None
    indent = label._p.pPr.find(qn("w:ind"))
    assert int(indent.get(qn("w:left"))) == 5 * layout.EM
    assert int(indent.get(qn("w:hanging"))) == 3 * layout.EM


def test_the_docx_masthead_is_red_and_the_office_line_carries_the_red_rule() -> None:
    document = _document()
    mark, blank, issue, office = document.paragraphs[:4]
    assert mark.style.name == styles.MARK and mark.text == "白河县社会救助工作联席会议纪要"
    color = mark.style.element.rPr.find(qn("w:color"))
    assert color.get(qn("w:val")) == layout.RED
    assert mark.runs[0].font.size.pt * 2 == mark_size(mark.text)
    assert blank.text == "" and issue.text == "第1期"
    assert office.text == "\u3000联席会议办公室\t2023年3月16日"
    rule = office._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == layout.RED
    assert not [p for p in document.paragraphs if "〔" in p.text]  # no 文号


@pytest.mark.parametrize("length", [8, 15, 24, 40])
def test_the_mark_fits_one_line_of_the_text_block(length: int) -> None:
    size = mark_size("纪" * length)
    assert size <= layout.MARK_MAX_SIZE
    assert length * size / 2 <= layout.TEXT_WIDTH / 20  # points


@pytest.mark.slow
def test_the_command_renders_the_named_session_and_render_all_every_one(tmp_path: Path) -> None:
    model = validate_file(BAIHE).model
    assert model is not None and "minutes" in available_kinds(model)
    result = CliRunner().invoke(
        cli, ["render", "minutes", str(BAIHE), "-d", str(tmp_path), "--session", "第1次全体会议"]
    )
    assert result.exit_code in (0, 1), result.output  # 1: the example's intended warning
    written = [path.name for path in tmp_path.glob("*.docx")]
    assert written == ["白河县社会救助工作联席会议-2023年第1次全体会议-会议纪要.docx"]
    everything = tmp_path / "all"
    CliRunner().invoke(cli, ["render", "all", str(BAIHE), "-d", str(everything)])
    for held in ("2023年第1次全体会议", "2023年第1次联络员会议"):
        assert (everything / f"白河县社会救助工作联席会议-{held}-会议纪要.docx").exists()


def test_an_office_letterhead_gives_its_page_but_not_its_red_head(tmp_path: Path) -> None:
    """With `--template` an office's letterhead: a 纪要 keeps the page set-up, and prints
    its own 纪要标志 in place of the letterhead's 文件 head."""
    letterhead = tmp_path / "红头.docx"
    office = Document()
    office.add_paragraph("白河县人民政府文件")
    office.save(str(letterhead))
    model = validate_file(BAIHE).model
    assert model is not None
    page = outline(model, "minutes", RenderOptions(session="2023-03-16"))
    document = Document(BytesIO(write_docx(page, letterhead)))
    texts = [p.text for p in document.paragraphs]
    assert "白河县人民政府文件" not in texts
    assert texts[0] == "白河县社会救助工作联席会议纪要"
