"""The adjustment year: checks against last year's edition, the change list, the draft."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jmctl.cli import cli

from conftest import CASES, EXAMPLES
from docx_reading import body_lines

OLD = EXAMPLES / "dushan-2017.yaml"
NEW = CASES / "diff" / "dushan-2019.yaml"
MINIMAL = CASES / "valid" / "minimal.yaml"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "", "JMCTL_LANG": "zh"})


def _edition(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _next_year(tmp_path: Path, *, number: str = "白府办发〔2020〕3号", person: bool = True) -> Path:
    """Minimal's next edition: 县医保局 joins (with its deputy head when `person`)."""
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace(
        "  - name: 县人力资源和社会保障局\n",
        "  - name: 县医疗保障局\n    short: [县医保局]\n  - name: 县人力资源和社会保障局\n",
    )
    text = text.replace(
        "members: [县民政局, 县财政局, 县人社局]",
        "members: [县民政局, 县财政局, 县人社局, 县医保局]",
    )
    if person:
        text = text.replace(
            "    - {name: 刘洋, unit: 县人社局, post: 副局长}\n",
            "    - {name: 刘洋, unit: 县人社局, post: 副局长}\n"
            "    - {name: 陈静, unit: 县医保局, post: 副局长}\n",
        )
    text = text.replace(
        "    items: [负责就业援助。]\n",
        "    items: [负责就业援助。]\n  - unit: 县医保局\n    items: [负责医疗救助。]\n",
    )
    text = text.replace("白府办发〔2019〕5号", number).replace("2019-04-0", "2020-04-0")
    return _edition(tmp_path, "2020.yaml", text)


def test_a_new_unit_with_nobody_in_the_roster(tmp_path: Path) -> None:
    new = _next_year(tmp_path, person=False)
    result = _run("validate", "--previous", str(MINIMAL), str(new))
    assert f"{new}:20:29: warning JM214" in result.stdout  # at the new members entry
    assert "warning JM214 新增成员单位“县医疗保障局”在成员名单中没有人员" in result.stdout
    assert (
        "JM214"
        not in _run("validate", "--previous", str(MINIMAL), str(_next_year(tmp_path))).stdout
    )
    assert "JM214" not in _run("validate", str(new)).stdout  # needs the previous edition


def test_a_new_unit_missing_from_the_stated_composition(tmp_path: Path) -> None:
    sentence = "  organisation:\n    - 联席会议由县民政局、财政局、人社局组成。\n"
    old = _edition(
        tmp_path,
        "2019.yaml",
        MINIMAL.read_text(encoding="utf-8").replace("  functions:\n", sentence + "  functions:\n"),
    )
    new = _next_year(tmp_path)
    new.write_text(
        new.read_text(encoding="utf-8").replace("  functions:\n", sentence + "  functions:\n")
    )
    result = _run("validate", "--previous", str(old), str(new))
    assert (
        f"{new}:10:12: warning JM215 新增成员单位“县医疗保障局”不在“由……组成”一句所列的单位中"
        in result.stdout
    )
    stated = new.read_text(encoding="utf-8").replace("人社局组成", "人社局、医保局组成")
    new.write_text(stated, encoding="utf-8")
    assert "JM215" not in _run("validate", "--previous", str(old), str(new)).stdout


def test_last_years_document_number_left_in_place(tmp_path: Path) -> None:
    new = _next_year(tmp_path, number="白府办发〔2019〕5号")
    new.write_text(new.read_text(encoding="utf-8").replace("2020-04-0", "2019-05-0"))
    result = _run("validate", "--previous", str(MINIMAL), str(new))
    assert result.exit_code == 1
    assert (
        "error JM305 文号“白府办发〔2019〕5号”与上一版本（白府办发〔2019〕5号）相同"
        in result.stdout
    )
    shown = _run("diff", str(MINIMAL), str(new))
    assert "JM305" in shown.stderr and "JM214" not in shown.stderr


def test_the_change_list_as_a_printable_docx(tmp_path: Path) -> None:
    target = tmp_path / "变动清单.docx"
    result = _run("diff", str(OLD), str(NEW), "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    lines = body_lines(target.read_bytes())
    text = "\n".join(lines)
    assert "JM Title\t独山县社会救助工作联席会议变动清单" in lines
    assert "原：独府办发〔2017〕20号\u3000现：独府办发〔2019〕31号" in text
    assert "| 类别 | 原 | 现 | 说明" in text
    assert "| 单位更名 | 县卫生和计划生育局 | 县卫生健康局 | " in text
    assert "| 发文变动 | 建立 | 调整 | 文种" in text
    who = ("曾纪泽", "韦国栋")
    post = "（县人民政府副县长、县水务局局长）"
    assert f"| 人员替换 | {who[0]}{post} | {who[1]}{post} | 总召集人" in text
    assert "['" not in text and "establish" not in text and "第 89 行" not in text


def test_the_change_list_as_a_workbook(tmp_path: Path) -> None:
    target = tmp_path / "变动清单.xlsx"
    assert _run("diff", str(OLD), str(NEW), "--format", "xlsx", "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target)["变动清单"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[2] == ("类别", "原", "现", "说明")
    assert ("职务变动", "县教育局副局长", "县教育局局长", "华磊，成员") in rows
    assert ("顺序调整", "第 2 位", "第 1 位", "成员单位：县公安局") in rows
    assert sheet.freeze_panes == "A4"


def test_the_draft_carries_its_own_number_and_date(tmp_path: Path) -> None:
    target = tmp_path / "调整通知.docx"
    result = _run(
        "diff",
        str(OLD),
        str(NEW),
        "--draft",
        "-o",
        str(target),
        "--doc-number",
        "独府办发〔2019〕40号",
        "--date",
        "2019-06-18",
    )
    assert result.exit_code == 0, result.output
    lines = body_lines(target.read_bytes())
    assert "JM Doc Number\t独府办发〔2019〕40号" in lines
    assert any(line.endswith("2019年6月18日") for line in lines)
    assert _run("diff", str(OLD), str(NEW), "--doc-number", "x").exit_code == 2


@pytest.mark.slow
def test_two_years_rendered_into_one_folder_both_stay(tmp_path: Path) -> None:
    for source in (OLD, NEW):
        assert _run("render", "all", str(source), "-d", str(tmp_path)).exit_code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "独山县社会救助工作联席会议-成员单位网页（2017年）.html",
        "独山县社会救助工作联席会议-成员单位网页（2019年）.html",
        "独山县社会救助工作联席会议-成员名单（2017年）.docx",
        "独山县社会救助工作联席会议-成员名单（2019年）.docx",
        "独山县社会救助工作联席会议-职责分工（2017年）.docx",
        "独山县社会救助工作联席会议-职责分工（2019年）.docx",
        "独府办发〔2017〕20号-通知.docx",
        "独府办发〔2019〕31号-通知.docx",
    ]


@pytest.mark.slow
def test_an_output_of_another_edition_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "名单.docx"
    assert _run("render", "roster", str(OLD), "-o", str(target)).exit_code == 0
    before = target.read_bytes()
    assert _run("render", "roster", str(OLD), "-o", str(target)).exit_code == 0  # same edition
    refused = _run("render", "roster", str(NEW), "-o", str(target))
    assert refused.exit_code == 1
    assert "这是另一版本（独府办发〔2017〕20号 2017-02-23）的文件，不会覆盖" in refused.stderr
    assert target.read_bytes() == before


@pytest.mark.slow
def test_a_document_rendered_from_a_workbook_carries_its_edition(tmp_path: Path) -> None:
    book = tmp_path / "名单.xlsx"
    assert _run("export", str(NEW), "-o", str(book)).exit_code == 0
    target = tmp_path / "名单.docx"
    assert _run("render", "roster", str(OLD), "-o", str(target)).exit_code == 0
    refused = _run("render", "roster", str(book), "-o", str(target))
    assert refused.exit_code == 1 and "这是另一版本" in refused.stderr
    imported = tmp_path / "back.yaml"
    other = tmp_path / "2019.docx"
    assert _run("render", "roster", str(book), "-o", str(other)).exit_code == 0
    assert _run("import", str(other), "-o", str(imported)).exit_code == 0
    from jmctl.loading import load_file

    assert load_file(imported).document.data == load_file(NEW).document.data


def test_the_same_edition_twice_is_no_new_edition(tmp_path: Path) -> None:
    same = _run("diff", str(MINIMAL), str(MINIMAL))
    assert same.exit_code == 0 and "JM305" not in same.stderr


def test_text_and_markdown_say_values_in_chinese() -> None:
    for output in ("text", "md"):
        shown = _run("diff", str(OLD), str(NEW), "--format", output).stdout
        assert "建立" in shown and "调整" in shown
        assert "establish" not in shown and "['" not in shown
    assert "文种：建立 → 调整" in _run("diff", str(OLD), str(NEW)).stdout
