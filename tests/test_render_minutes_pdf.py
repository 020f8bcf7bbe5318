"""The printed 纪要, measured on LibreOffice's PDF: the 纪要标志 red, centred and at the
masthead position (GB/T 9704-2012 10.3: its top 35 mm below the text block's), the red
rule under the 期数 line, the labels in 黑体, the decisions numbered, no 文号, no
signature, the 版记 on the bottom of the last page."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from docx import Document

import raster
from jmctl.render.api import RenderOptions, finish, prepare

from conftest import EXAMPLES

pytestmark = pytest.mark.slow

MM = 72 / 25.4
TOLERANCE = 0.5  # mm
TEXT_LEFT, TEXT_RIGHT, TEXT_BOTTOM = 28.0, 184.0, 262.0
RED = ((1, 0, 0), [1, 0, 0], (1.0, 0.0, 0.0))
HEITI = "NotoSansCJK"  # the free stand-in for 黑体 (docs/layout.md)


@pytest.fixture(scope="module")
def minutes(libreoffice: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example's 第1次全体会议 as DOCX and PDF."""
    folder = tmp_path_factory.mktemp("minutes")
    pdf = folder / "minutes.pdf"
    options = RenderOptions("pdf", session="2023-03-16")
    result = prepare(EXAMPLES / "baihe-2023.yaml", ["minutes"], options, output=pdf)
    docx = folder / "minutes.docx"
    docx.write_bytes(result.pending[0][1])
    finish([result], options)
    assert result.written == [pdf], result.error
    return docx, pdf


def _near(value: float, expected: float) -> bool:
    return abs(value - expected) <= TOLERANCE


def test_the_mark_is_red_centred_at_the_masthead_position(minutes: tuple[Path, Path]) -> None:
    with pdfplumber.open(minutes[1]) as pdf:
        page = pdf.pages[0]
        mark = [c for c in page.chars if c["size"] > 20]
        assert "".join(c["text"] for c in mark) == "白河县社会救助工作联席会议纪要"
        assert all(c["non_stroking_color"] in RED for c in mark)
        assert len({round(c["top"]) for c in mark}) == 1  # one line
        middle = (mark[0]["x0"] + mark[-1]["x1"]) / 2 / MM
        assert _near(middle, (TEXT_LEFT + TEXT_RIGHT) / 2)
    ink = raster.rasterise(minutes[1], 1).ink_box(40, 100, red=True)
    assert ink is not None
    assert abs(ink[0] - 72.0) <= 1.0  # 35 mm below the text top, by ink (1 mm: the raster)


def test_a_red_rule_spans_the_text_under_the_office_and_date(minutes: tuple[Path, Path]) -> None:
    with pdfplumber.open(minutes[1]) as pdf:
        page = pdf.pages[0]
        text = page.extract_text().replace(" ", "")
        assert "第1期" in text and "〔" not in text  # an issue number, no 文号
        date = next(c for c in page.chars if c["text"] == "日" and c["top"] < 150 * MM)
        office = next(c for c in page.chars if c["text"] == "联" and c["top"] == date["top"])
        assert _near(office["x0"] / MM, TEXT_LEFT + 16 / MM)  # one character in
        assert _near(date["x1"] / MM, TEXT_RIGHT - 16 / MM)
        rules = [
            e
            for e in page.edges
            if e["orientation"] == "h" and e["stroking_color"] in RED and e["top"] > date["bottom"]
        ]
        rule = min(rules, key=lambda e: e["top"])
        assert 0 < (rule["top"] - date["bottom"]) / MM < 6
        assert _near(rule["x0"] / MM, TEXT_LEFT) and _near(rule["x1"] / MM, TEXT_RIGHT)


def test_labels_are_heiti_and_names_are_not(minutes: tuple[Path, Path]) -> None:
    with pdfplumber.open(minutes[1]) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    for label in ("出席：", "请假：", "列席："):
        at = next(
            i for i in range(len(chars)) if "".join(c["text"] for c in chars[i : i + 3]) == label
        )
        assert all(HEITI in c["fontname"] for c in chars[at : at + 2]), label
        assert HEITI not in chars[at + 3]["fontname"]  # the names in 仿宋


def test_decisions_numbered_and_no_signature_before_the_colophon(
    minutes: tuple[Path, Path],
) -> None:
    docx, pdf_path = minutes
    with pdfplumber.open(pdf_path) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        last = pdf.pages[-1]
        black = [
            e for e in last.edges if e["orientation"] == "h" and e["stroking_color"] not in RED
        ]
        assert _near(max(e["bottom"] for e in black) / MM, TEXT_BOTTOM)  # the 版记's rule
    lines = [line.replace(" ", "") for line in text.splitlines()]
    assert any(line.startswith("一、3月底前完成") for line in lines)
    assert any(line.startswith("二、将县级救助资金") for line in lines)
    assert "分送：白河县人民政府，联席会议各成员单位。" in lines
    listed = next(i for i, line in enumerate(lines) if line.startswith("列席："))
    # after the lists only the 版记: no 署名, no date line, no seal
    assert lines[listed + 1].startswith("分送：")
    paragraphs = [p.text for p in Document(str(docx)).paragraphs if p.text.strip()]
    flat = "".join(text.split()).replace("—", "")
    for paragraph in paragraphs:  # no character lost on the way to the PDF
        assert "".join(paragraph.split()) in flat, paragraph


def test_the_pdf_imports_back_into_the_session(minutes: tuple[Path, Path]) -> None:
    """The printed 纪要 read back (PDF text, wrapped lines joined) gives the session the
    DOCX gives: its layout survives the print."""
    from jmctl.importing.api import import_file

    from_pdf = import_file(minutes[1]).imported
    assert from_pdf is not None and "unplaced" not in from_pdf.data
    (session,) = from_pdf.data["sessions"]
    assert (session["date"], session["chair"], session["place"]) == (
        "2023-03-16",
        "张伟",
        "县政府三楼会议室",
    )
    assert [d["lead"] for d in session["decisions"]] == ["县民政局", "县财政局"]
    assert session["decisions"][0]["deadline"] == "2023-03-31"
    assert {a["person"] for a in session["attendees"]} == {"李娜", "王强", "刘洋", "陈刚", "赵敏"}


@pytest.fixture(scope="module")
def liaison_minutes(libreoffice: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's 第1次联络员会议, whose `minutes` block sets 期数, date and 版记, as PDF."""
    pdf = tmp_path_factory.mktemp("liaison") / "minutes.pdf"
    options = RenderOptions("pdf", session="2023-06-20")
    result = prepare(EXAMPLES / "baihe-2023.yaml", ["minutes"], options, output=pdf)
    finish([result], options)
    assert result.written == [pdf], result.error
    return pdf


def test_the_minutes_block_is_printed_in_the_masthead_and_colophon(liaison_minutes: Path) -> None:
    with pdfplumber.open(liaison_minutes) as pdf:
        first = pdf.pages[0]
        lines = [line.replace(" ", "") for line in (first.extract_text() or "").splitlines()]
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "")
        issue = next(c for c in first.chars if c["text"] == "第" and c["top"] < 100 * MM)
    # 第2期, not the session's number; the office and the 纪要's own date over the rule
    assert lines[1] == "第2期"
    assert lines[2] == "联席会议办公室2023年6月21日"
    assert issue["top"] / MM < 100  # in the 版头, above the rule
    assert "2023年6月20日下午" in text.replace("\n", "")  # the meeting's day in the body
    colophon = text.splitlines()[-3:]
    assert "分送：县委办、县人民政府办，联席会议各成员单位。" in colophon
    assert any(line.endswith("2023年6月25日印发") for line in colophon)
