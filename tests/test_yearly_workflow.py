"""The yearly update as an office does it, with no YAML edited by hand.

Dushan's 2017 notice becomes its 2019 edition (tests/cases/diff/dushan-2019.yaml):
a reform rename, a unit leaving and one joining with its member and duties, a new
chief convenor, a post, a duty reworded and one added, an order, the notice's facts.
Every change is a cell typed in the workbook, or a jmctl command; the edits are
counted so the number can be compared with the 13 YAML edits this took before.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.loading import load_file

from conftest import CASES, EXAMPLES
from docx_reading import body_lines

TARGET = CASES / "diff" / "dushan-2019.yaml"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "", "JMCTL_LANG": "zh"})


class Sheets:
    """The workbook as a person edits it: each typed cell and each row insert or delete
    counts as one edit."""

    def __init__(self, path: Path) -> None:
        self.path, self.book, self.edits = path, openpyxl.load_workbook(path), 0

    def row_of(self, sheet: str, column: int, value: str, nth: int = 0) -> int:
        rows = [r[0].row for r in self.book[sheet].iter_rows() if r[column - 1].value == value]
        return rows[nth]

    def type(self, sheet: str, row: int, column: int, value: object) -> None:
        self.book[sheet].cell(row, column).value = value
        self.edits += 1

    def insert_row(self, sheet: str, row: int) -> None:
        self.book[sheet].insert_rows(row)
        self.edits += 1

    def delete_rows(self, sheet: str, row: int, count: int) -> None:
        self.book[sheet].delete_rows(row, count)  # one selection, one delete
        self.edits += 1

    def save(self) -> None:
        self.book.save(self.path)


@pytest.mark.slow  # the whole year: export, edit, diff, render
def test_the_2019_edition_from_the_2017_workbook_without_editing_yaml(tmp_path: Path) -> None:
    book = tmp_path / "名单.xlsx"
    assert _run("export", str(EXAMPLES / "dushan-2017.yaml"), "-o", str(book)).exit_code == 0
    sheets = Sheets(book)
    notice = "发文"
    for key, value in (
        ("notice.kind", "调整"),
        ("notice.title", "关于调整独山县社会救助工作联席会议成员的通知"),
        ("notice.doc_number", "独府办发〔2019〕31号"),
        ("notice.date", "2019-05-10"),
        ("notice.print_date", "2019-05-10"),
    ):
        sheets.type(notice, sheets.row_of(notice, 3, key), 2, value)
    units = "成员单位"
    row = sheets.row_of(units, 1, "县扶贫开发局")
    sheets.type(units, row, 1, "县医疗保障局")  # joins where the leaving unit stood
    sheets.type(units, row, 2, "县医保局")
    sheets.type(units, sheets.row_of(units, 1, "县突发公共事件应急办"), 4, 2)  # 公安局 first
    sheets.type(units, sheets.row_of(units, 1, "县公安局"), 4, 1)
    roster = "成员名单"
    sheets.type(roster, sheets.row_of(roster, 2, "曾纪泽"), 2, "韦国栋")
    sheets.type(roster, sheets.row_of(roster, 2, "华磊"), 4, "局长")
    row = sheets.row_of(roster, 2, "蒙国元")
    sheets.type(roster, row, 2, "潘月华")
    sheets.type(roster, row, 3, "县医疗保障局")
    duties = "职责分工"
    row = sheets.row_of(duties, 3, "协调做好社会救助资金和工作经费的筹集、拨付等工作。")
    sheets.type(duties, row, 3, "协调做好社会救助资金和工作经费的筹集、拨付、监管等工作。")
    sheets.insert_row(duties, row + 1)  # its unit left empty: the unit above continues
    sheets.type(duties, row + 1, 3, "会同有关部门对社会救助资金使用情况开展绩效评价。")
    row = sheets.row_of(duties, 2, "县扶贫开发局")
    sheets.delete_rows(duties, row + 1, 2)
    sheets.type(duties, row, 2, "县医保局")
    sheets.type(duties, row, 3, "负责落实困难群众医疗救助政策，做好分类资助参保工作。")
    sheets.type(duties, row + 1, 2, "县医保局")
    sheets.save()

    fixed = _run("fix", str(book))  # the reform rename, everywhere: no cell typed
    assert fixed.exit_code == 0, fixed.output
    assert "JM501 县卫生和计划生育局 → 县卫生健康局" in fixed.stdout
    assert load_file(book).document.data == load_file(TARGET).document.data
    assert sheets.edits == 20  # cells typed and rows inserted or deleted; no YAML

    checked = _run("validate", "--previous", str(EXAMPLES / "dushan-2017.yaml"), str(book))
    assert "error" not in checked.stdout
    draft = tmp_path / "调整通知.docx"
    drafted = _run(
        "diff", str(EXAMPLES / "dushan-2017.yaml"), str(book), "--draft", "-o", str(draft)
    )
    assert drafted.exit_code == 0
    assert "Normal\t2.增加县医疗保障局为成员单位。" in body_lines(draft.read_bytes())
    listing = tmp_path / "变动清单.docx"
    assert (
        _run(
            "diff",
            str(EXAMPLES / "dushan-2017.yaml"),
            str(book),
            "--format",
            "docx",
            "-o",
            str(listing),
        ).exit_code
        == 0
    )
    assert _run("render", "all", str(book), "-d", str(tmp_path / "out")).exit_code == 0
    assert (tmp_path / "out" / "独府办发〔2019〕31号-通知.docx").is_file()
