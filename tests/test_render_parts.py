"""The small pieces of rendering: numbering, titles, alignment arithmetic, LibreOffice lookup."""

from __future__ import annotations

from datetime import date

import pytest

from jmctl.render.compose import pad_name, spread_label
from jmctl.render.numbering import chinese_date, chinese_numeral, marker
from jmctl.render.pdf import OFFICE_PACKAGE, PdfError, Substitution, fontconfig_text, office_command
from jmctl.render.signature import signature_indents, text_width
from jmctl.render.titles import break_title


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (10, "十"), (14, "十四"), (20, "二十"), (25, "二十五"), (99, "九十九")],
)
def test_chinese_numerals(number: int, text: str) -> None:
    assert chinese_numeral(number) == text


def test_markers_by_level_and_dates_without_leading_zeros() -> None:
    assert [marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
    assert chinese_date(date(2017, 2, 3)) == "2017年2月3日"
    assert chinese_numeral(100) == "一百"  # 100 items at a Chinese-numbered level print
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_long_titles_break_between_words_longer_line_first() -> None:
    lines = break_title("关于建立独山县社会救助工作联席会议制度的通知", ["独山县"])
    assert lines == ["关于建立独山县社会救助工作", "联席会议制度的通知"]
    lines = break_title("福建省人民政府办公厅关于同意调整完善福建省社会救助工作联席会议制度的函")
    assert all(len(line) <= 20 for line in lines)
    assert [len(line) for line in lines] == sorted((len(line) for line in lines), reverse=True)
    assert (
        "".join(lines) == "福建省人民政府办公厅关于同意调整完善福建省社会救助工作联席会议制度的函"
    )
    assert break_title("关于建立联席会议制度的通知") == ["关于建立联席会议制度的通知"]


def test_names_pad_and_labels_spread() -> None:
    assert pad_name("华磊") == "华\u3000磊"
    assert pad_name("曾纪泽") == "曾纪泽"
    assert [run.text for run in spread_label("召集人", 4)] == ["召集", "人"]
    assert spread_label("召集人", 4)[0].spread == pytest.approx(0.5)
    assert spread_label("成员", 4)[0].spread == pytest.approx(2.0)
    assert [run.text for run in spread_label("总召集人", 4)] == ["总召集人"]


def test_date_starts_two_characters_right_of_the_signature() -> None:
    issuer, day = "独山县人民政府办公室", "2017年2月23日"
    signature_right, date_right = signature_indents(issuer, day)
    assert signature_right == 2
    signature_start = -(signature_right + text_width(issuer))
    date_start = -(date_right + text_width(day))
    assert date_start - signature_start == pytest.approx(2)
    # a date longer than the signature stands two characters from the right edge, and
    # the signature is centred on it
    issuer, day = "某镇人民政府", "2022年12月25日"
    signature_right, date_right = signature_indents(issuer, day)
    assert date_right == 2
    centre = signature_right + text_width(issuer) / 2
    assert centre == pytest.approx(date_right + text_width(day) / 2)


def test_missing_libreoffice_names_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH where no office suite lives
    with pytest.raises(PdfError, match=OFFICE_PACKAGE):
        office_command()


def test_fontconfig_maps_each_missing_name_once_and_keeps_the_system_setup() -> None:
    text = fontconfig_text(
        [
            Substitution("方正小标宋简体", "Noto Serif CJK SC", True),
            Substitution("仿宋_GB2312", None),
        ]
    )
    assert text.count("<match") == 1
    assert "<include" in text and "/etc/fonts/fonts.conf" in text
    assert "<const>bold</const>" in text
    assert "仿宋_GB2312" not in text  # installed: no substitute


def test_sections_without_content_are_left_out_and_numbers_stay_in_sequence(tmp_path) -> None:
    from jmctl.render.api import RenderOptions, outline
    from jmctl.validation import validate_file

    from conftest import CASES

    model = validate_file(CASES / "valid" / "units-only.yaml").model  # no rules, no requirements
    headings = [
        p.text
        for p in outline(model, "notice", RenderOptions()).paragraphs()
        if p.style == "JM Heading 1"
    ]
    assert headings == ["一、工作机构", "二、工作职责", "三、部门分工"]
