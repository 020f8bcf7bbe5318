"""The data file as a workbook: lossless both ways, through a real office suite, located."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.exporting import empty_workbook
from jmctl.loading import load_file
from jmctl.workbook.writing import workbook_bytes

from conftest import CASES, EXAMPLES, first_fast

DATA_FILES = sorted([*EXAMPLES.glob("*.yaml"), *(CASES / "valid").glob("*.yaml")])
SHEETS = [
    "基本信息",
    "成员单位",
    "成员名单",
    "办公室",
    "职责分工",
    "重点任务",
    "会议",
    "发文",
    "说明",
]


def _data(path: Path) -> dict:
    document = load_file(path).document
    assert document is not None
    return document.data


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "", "JMCTL_LANG": "zh"})


def _write(tmp_path: Path, source: Path, name: str = "名单.xlsx") -> Path:
    target = tmp_path / name
    target.write_bytes(workbook_bytes(_data(source)))
    return target


@pytest.mark.parametrize("source", first_fast(DATA_FILES), ids=lambda path: path.stem)
def test_yaml_to_workbook_to_yaml_keeps_the_data(tmp_path: Path, source: Path) -> None:
    book = _write(tmp_path, source)
    assert _run("export", str(book), "-o", str(tmp_path / "back.yaml")).exit_code == 0
    assert _data(tmp_path / "back.yaml") == _data(source)
    assert _data(book) == _data(source)


def test_a_workbook_saved_by_libreoffice_calc_reads_the_same(
    tmp_path: Path, libreoffice: str
) -> None:
    originals = tmp_path / "in"
    originals.mkdir()
    books = [_write(originals, source, f"{source.stem}.xlsx") for source in DATA_FILES]
    saved = tmp_path / "saved"
    subprocess.run(
        [libreoffice, "--headless", "--convert-to", "xlsx", "--outdir", str(saved)]
        + [str(book) for book in books],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for source in DATA_FILES:
        resaved = saved / f"{source.stem}.xlsx"
        assert resaved.read_bytes() != (originals / resaved.name).read_bytes()
        assert _data(resaved) == _data(source), source.name


def test_the_workbook_has_chinese_sheets_columns_drop_downs_and_frozen_headers(
    tmp_path: Path,
) -> None:
    book = openpyxl.load_workbook(_write(tmp_path, EXAMPLES / "dushan-2017.yaml"))
    assert [name for name in book.sheetnames if not name.startswith("_")] == SHEETS
    headers = {name: [c.value for c in book[name][1]] for name in SHEETS[:-1]}
    assert headers["成员单位"][:3] == ["全称", "简称", "集体"]
    # The columns follow the schema's roster entry: a new optional key is a new column.
    assert headers["成员名单"] == ["角色", "姓名", "单位", "职务", "完整职务", "印出的角色标签"]
    assert headers["职责分工"] == ["序号", "单位", "职责"]
    assert headers["重点任务"] == ["序号", "工作任务", "落实措施", "负责单位", "时间进度"]
    roster = book["成员名单"]
    assert roster.freeze_panes == "A2"
    assert [c.value for c in roster[2]][:3] == ["总召集人", "曾纪泽", "县人民政府"]
    assert roster["B2"].font.name == "宋体" and roster["A1"].font.name == "黑体"
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in roster.data_validations.dataValidation}
    assert lists["A2"] == '"总召集人,副总召集人,召集人,副召集人,成员"'
    assert lists["C2"] == "'成员单位'!$A$2:$A$" + lists["C2"].rsplit("$", 1)[1]
    basics = book["基本信息"]
    level = next(row for row in basics.iter_rows() if row[2].value == "jurisdiction.level")
    assert level[1].value == "县级"
    assert any(
        v.formula1 == '"国家级,省级,市级,县级,乡镇级"'
        for v in basics.data_validations.dataValidation
    )
    notice = {row[2].value: row[1].value for row in book["发文"].iter_rows(min_row=2)}
    assert notice["notice.doc_number"] == "独府办发〔2017〕20号"
    assert notice["notice.date"] == "2017-02-23"


def test_findings_point_at_the_sheet_and_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, EXAMPLES / "qingshan-2022.yaml")
    book = openpyxl.load_workbook(path)
    book["重点任务"]["D3"] = "镇财政局、镇社会事务办"  # no such unit
    book["发文"]["B4"].value = "青府发[2022]8号"
    book.save(path)
    result = _run("validate", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{path}:重点任务!D3: error JM201 ") for line in lines)
    assert any(line.startswith(f"{path}:发文!B4: error JM302 ") for line in lines)
    report = json.loads(_run("validate", "--format", "json", str(path)).stdout)
    located = {(f["sheet"], f["cell"], f["code"]) for f in report["findings"]}
    assert ("重点任务", "D3", "JM201") in located


def test_what_people_type_in_a_spreadsheet_is_read_as_data(tmp_path: Path) -> None:
    path = _write(tmp_path, EXAMPLES / "qingshan-2022.yaml")
    book = openpyxl.load_workbook(path)
    notice = book["发文"]
    date_row = next(row[0].row for row in notice.iter_rows() if row[2].value == "notice.date")
    notice.cell(date_row, 2).value = dt.datetime(2023, 3, 15)  # Excel turns 2023-03-15 into a date
    basics = book["基本信息"]
    first = next(r[0].row for r in basics.iter_rows() if r[2].value == "meeting.rules")
    basics.insert_rows(first + 1)
    basics.cell(first + 1, 2).value = "新增的一条规则。"  # an inserted row, 键 left empty
    duties = book["职责分工"]
    duties.append([None, None, "负责困难群众法律援助的宣传。"])  # continues the last unit
    units = book["成员单位"]
    units.append(["青山镇应急管理办公室", "镇应急办", None, 9])
    book.save(path)
    data = _data(path)
    assert data["notice"]["date"] == "2023-03-15"
    assert data["meeting"]["rules"][1] == "新增的一条规则。"
    assert len(data["meeting"]["rules"]) == 3
    assert data["duties"][-1]["items"][-1] == "负责困难群众法律援助的宣传。"
    assert data["units"][-1] == {"name": "青山镇应急管理办公室", "short": ["镇应急办"]}
    assert data["members"][-1] == "青山镇应急管理办公室"


@pytest.mark.slow
def test_the_blank_workbook_lists_every_field_and_explains_itself() -> None:
    book = openpyxl.load_workbook(io.BytesIO(empty_workbook()))
    assert [name for name in book.sheetnames if not name.startswith("_")] == SHEETS
    keys = [row[2].value for row in book["发文"].iter_rows(min_row=2)]
    assert "notice.doc_number" in keys and "notice.date" in keys
    assert "jmctl validate 名单.xlsx" in book["说明"]["A3"].value


def test_empty_export_command_writes_the_blank_workbook(tmp_path: Path) -> None:
    target = tmp_path / "空白.xlsx"
    result = _run("export", "--empty", "-o", str(target))
    assert result.exit_code == 0 and target.is_file()
    assert _run("export", "-o", str(target)).exit_code == 2


def test_a_word_file_given_as_a_workbook_is_a_located_finding(tmp_path: Path) -> None:
    fake = tmp_path / "名单.xlsx"
    with __import__("zipfile").ZipFile(fake, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    result = _run("validate", str(fake))
    assert result.exit_code == 1
    assert "error JM701 工作簿无法读取：不是 xlsx 工作簿（可能是 Word 文件）" in result.stdout


def test_export_refuses_data_of_the_wrong_shape(tmp_path: Path) -> None:
    result = _run(
        "export", str(CASES / "invalid" / "jm103-wrong-type.yaml"), "-o", str(tmp_path / "x.xlsx")
    )
    assert result.exit_code == 1
    assert "JM103" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_init_xlsx_writes_the_starting_file_as_a_workbook(tmp_path: Path) -> None:
    target = tmp_path / "青山县名单.xlsx"
    result = _run(
        "init",
        "--xlsx",
        str(target.with_suffix(".yaml")),
        "--jurisdiction",
        "青山县",
        "--level",
        "县",
        "--meeting",
        "青山县社会救助工作联席会议",
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert [name for name in book.sheetnames if not name.startswith("_")] == SHEETS
    basics = {row[2].value: row[1].value for row in book["基本信息"].iter_rows(min_row=2)}
    assert basics["jurisdiction.name"] == "青山县"
    assert basics["jurisdiction.level"] == "县级"
    assert "meeting.short_name" in basics  # fields the starting file leaves out are listed too
    checked = _run("validate", str(target))
    assert checked.exit_code == 0
    assert f"{target}:成员名单!" in checked.stdout and "JM110" in checked.stdout


def test_a_key_the_contract_gains_needs_no_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new optional key of a roster entry becomes a column titled by the schema, and a
    new top-level key a row of 基本信息; both come back from the workbook."""
    from jmctl.workbook import layout
    from jmctl.workbook.reading import load_workbook_bytes

    schema = copy.deepcopy(layout._schema())
    schema["$defs"]["person"]["properties"]["label"] = {"title": "标签", "$ref": "#/$defs/text"}
    schema["properties"]["contact"] = {"title": "联系电话", "$ref": "#/$defs/text"}
    monkeypatch.setattr(layout, "_schema", lambda: schema)
    layout.sheets.cache_clear()
    try:
        data = _data(EXAMPLES / "qingshan-2022.yaml")
        data["roster"]["convenors"][0]["label"] = "分管领导"
        data["contact"] = "0851-1234567"
        raw = workbook_bytes(data)
        book = openpyxl.load_workbook(io.BytesIO(raw))
        assert [c.value for c in book["成员名单"][1]][-1] == "标签"
        assert any(row[2].value == "contact" for row in book["基本信息"].iter_rows())
        assert load_workbook_bytes(raw, "x.xlsx").document.data == data
    finally:
        layout.sheets.cache_clear()


@pytest.mark.slow
def test_whatever_is_typed_into_a_workbook_gives_findings_not_a_traceback(
    tmp_path: Path,
) -> None:
    """Cells of every type in every place, headers and keys changed, sheets removed."""
    import random

    from jmctl.validation import validate_file

    rng = random.Random(13)
    values = [
        None,
        0,
        -1,
        3.5,
        True,
        dt.datetime(2020, 1, 1),
        dt.time(8, 30),
        "=1+1",
        " ",
        "x" * 5000,
        "meeting.name",
        "notice.basis[0]",
        "a.[1]",
        "meeting",
        "meeting.name.x",
        "成员序号",
        "全称",
        "成员",
        "总召集人",
        "是",
    ]
    source = _write(tmp_path, EXAMPLES / "fujian-2020.yaml", "source.xlsx").read_bytes()
    for attempt in range(60):
        path = tmp_path / f"{attempt}.xlsx"
        path.write_bytes(source)
        book = openpyxl.load_workbook(path)
        for _ in range(rng.randint(1, 6)):
            page = book[rng.choice(SHEETS[:-1])]
            row = rng.randint(1, max(page.max_row, 1) + 2)
            column = rng.randint(1, max(page.max_column, 1) + 1)
            page.cell(row, column).value = rng.choice(values)
        if attempt % 10 == 9:
            del book[rng.choice(SHEETS[:-1])]
        book.save(path)
        report = validate_file(path)
        assert not report.internal_error, [f.message() for f in report.findings]
        assert all(f.mark.sheet is not None or f.mark.line == 1 for f in report.findings)
