"""An office's own letterhead DOCX as --template: its page, headers and red head are kept,
jmctl's styles are filled in from the default, and the user is told which."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Cm, Pt, RGBColor

from jmctl.cli import cli
from jmctl.render import styles
from jmctl.render.reference import reference_path

from conftest import EXAMPLES
from docx_reading import body_lines


def _letterhead(path: Path) -> None:
    """A letterhead as offices keep them: Word's default styles, own margins, a red
    head in the body and a line of text in the page header."""
    document = Document()
    section = document.sections[0]
    section.top_margin, section.left_margin = Cm(3.5), Cm(2.5)
    section.header.paragraphs[0].text = "青山县人民政府（页眉）"
    head = document.add_paragraph()
    run = head.add_run("青山县人民政府文件")
    run.font.size, run.font.bold = Pt(48), True
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    document.save(str(path))


@pytest.mark.slow
def test_a_plain_letterhead_is_used_with_the_missing_styles_filled_in(tmp_path: Path) -> None:
    letterhead = tmp_path / "红头.docx"
    _letterhead(letterhead)
    target = tmp_path / "通知.docx"
    result = CliRunner().invoke(
        cli,
        ["render", "notice", str(EXAMPLES / "dushan-2017.yaml"), "-o", str(target),
         "--template", str(letterhead)],
        env={"JMCTL_LANG": "zh"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"{letterhead}：模板没有 jmctl 的样式 JM Mark、JM Doc Number" in result.stderr
    assert "已用默认样式补齐" in result.stderr
    data = target.read_bytes()
    lines = body_lines(data)
    # The letterhead's red head comes first, then jmctl's number line: no second mark.
    assert lines[0] == "Normal\t青山县人民政府文件"
    assert lines[1] == f"{styles.DOC_NUMBER}\t独府办发〔2017〕20号"
    assert not any(line.startswith(f"{styles.MARK}\t") for line in lines)
    document = Document(BytesIO(data))
    section = document.sections[0]
    # Word stores margins in twips: equal to a twip.
    assert abs(section.top_margin - Cm(3.5)) < Cm(0.01)
    assert abs(section.left_margin - Cm(2.5)) < Cm(0.01)
    assert section.header.paragraphs[0].text == "青山县人民政府（页眉）"
    defined = {style.name for style in document.styles}
    assert set(styles.PARAGRAPH_STYLES) <= defined
    default = Document(str(reference_path())).styles
    assert document.styles[styles.BODY].font.size == default[styles.BODY].font.size
    assert document.styles[styles.TITLE].font.size == default[styles.TITLE].font.size


def test_a_reference_with_every_style_gets_no_note(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["render", "notice", str(EXAMPLES / "dushan-2017.yaml"), "-d", str(tmp_path),
         "--template", str(reference_path())],
        env={"JMCTL_LANG": "zh"},
    )  # fmt: skip
    assert result.exit_code == 0 and "模板没有" not in result.stderr


@pytest.mark.slow
def test_the_json_report_carries_the_note(tmp_path: Path) -> None:
    import json

    letterhead = tmp_path / "红头.docx"
    _letterhead(letterhead)
    result = CliRunner().invoke(
        cli,
        ["render", "notice", str(EXAMPLES / "dushan-2017.yaml"), "-d", str(tmp_path),
         "--template", str(letterhead), "--report", "json", "--lang", "en"],
    )  # fmt: skip
    (entry,) = json.loads(result.stdout)["files"]
    (note,) = entry["notes"]
    assert note.startswith(f"{letterhead}: styles taken from the default reference")
