"""`jmctl fix`: each safe fix, in place, comments and layout kept; --diff and --check."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import openpyxl.styles
import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.loading import load_file
from jmctl.validation import validate_file
from jmctl.workbook.writing import workbook_bytes

from conftest import CASES, EXAMPLES

INVALID = CASES / "invalid"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "", "JMCTL_LANG": "zh"})


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(INVALID / name, target)
    return target


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)  # layout kept: not one line added or removed
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_reform_rename_everywhere_the_unit_appears(tmp_path: Path) -> None:
    path = _copy(tmp_path, "jm501-renamed-unit.yaml")
    before = path.read_text(encoding="utf-8")
    result = _run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{path}:19:11: JM501 县卫生和计划生育局 → 县卫生健康局"
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        ("  - name: 县卫生和计划生育局", "  - name: 县卫生健康局"),
        ("    short: [县卫计局]", "    short: [县卫健局]"),
        (
            "members: [县民政局, 县财政局, 县人社局, 县卫计局]",
            "members: [县民政局, 县财政局, 县人社局, 县卫健局]",
        ),
        ("  - unit: 县卫计局", "  - unit: 县卫健局"),
    ]
    assert after.splitlines()[:2] == before.splitlines()[:2]  # the comment header is kept
    assert validate_file(path).findings == []


def test_jm501_names_the_new_unit_in_full() -> None:
    report = validate_file(INVALID / "jm501-renamed-unit.yaml")
    assert [f.message() for f in report.findings] == [
        "“县卫生和计划生育局”已于 2018 年机构改革中调整为“县卫生健康局”，文件日期为 2019-04-08"
    ]


def test_local_rename_reaches_names_references_and_posts(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    seat = "post: 副局长}\n    - {name: 刘洋"
    text = text.replace(seat, seat.replace("post: 副局长", "title: 县财政局副局长"))
    path.write_text(text, encoding="utf-8")
    result = _run("fix", "--rename", "县财政局", "县财政事务中心", str(path))
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert "县财政局" not in after
    assert after.count("县财政事务中心") == 5  # unit, member, roster unit and title, duties
    assert "--rename 县财政局 → 县财政事务中心" in result.stdout
    assert validate_file(path).findings == []


def test_half_width_punctuation_keeps_the_comment_beside_it(tmp_path: Path) -> None:
    path = _copy(tmp_path, "jm401-half-width.yaml")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "研究解决重大问题(个案)。", "研究解决重大问题(个案)。  # 原文如此"
        ),
        encoding="utf-8",
    )
    before = path.read_text(encoding="utf-8")
    assert _run("fix", str(path)).exit_code == 0
    [(old, new)] = _changed_lines(before, path.read_text(encoding="utf-8"))
    assert "," in old and "," not in new and "，" in new
    assert new.endswith("  # 原文如此")
    assert [f.code for f in validate_file(path).findings] == []


def test_half_width_inside_a_folded_block_is_fixed_in_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  functions:\n",
        "  preamble: >-\n"
        "    为加强社会救助工作,经县人民政府研究,\n"
        "    决定建立联席会议制度。\n"
        "  functions:\n",
    )
    path.write_text(text, encoding="utf-8")
    assert _run("fix", str(path)).exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert "    为加强社会救助工作，经县人民政府研究，\n    决定建立联席会议制度。\n" in after
    data = load_file(path).document.data
    preamble = "为加强社会救助工作，经县人民政府研究， 决定建立联席会议制度。"
    assert data["meeting"]["preamble"] == preamble


def test_padding_and_document_numbers(tmp_path: Path) -> None:
    padded = _copy(tmp_path, "jm212-padded-name.yaml")
    assert _run("fix", str(padded)).exit_code == 0
    assert "{name: 王强," in padded.read_text(encoding="utf-8")
    for name, fixed in (
        ("jm302-square-brackets.yaml", "白府办发〔2019〕5号"),
        ("jm302-leading-zero-and-ordinal.yaml", "白府办发〔2019〕5号"),
        ("jm302-cited-number.yaml", "黔府发〔2018〕3号"),
    ):
        path = _copy(tmp_path, name)
        assert _run("fix", str(path)).exit_code == 0
        assert fixed in path.read_text(encoding="utf-8")
        assert "JM302" not in {f.code for f in validate_file(path).findings}


def test_check_and_diff_write_nothing_and_exit_1(tmp_path: Path) -> None:
    path = _copy(tmp_path, "jm302-square-brackets.yaml")
    before = path.read_text(encoding="utf-8")
    checked = _run("fix", "--check", str(path))
    assert checked.exit_code == 1
    shown = _run("fix", "--diff", str(path))
    assert shown.exit_code == 1
    assert "-  doc_number: 白府办发[2019]5号\n+  doc_number: 白府办发〔2019〕5号\n" in shown.stdout
    assert path.read_text(encoding="utf-8") == before
    assert _run("fix", str(path)).exit_code == 0
    assert _run("fix", "--check", str(path)).exit_code == 0


def test_a_value_that_needs_quotes_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert _run("fix", "--rename", "县民政局", "县民政局 #二", str(path)).exit_code == 0
    assert load_file(path).document.data["office"]["host"] == "县民政局 #二"
    assert '  host: "县民政局 #二"\n' in path.read_text(encoding="utf-8")


def test_fix_works_on_a_workbook(tmp_path: Path) -> None:
    book = tmp_path / "名单.xlsx"
    book.write_bytes(workbook_bytes(load_file(INVALID / "jm501-renamed-unit.yaml").document.data))
    result = _run("fix", str(book))
    assert result.exit_code == 0, result.output
    assert f"{book}:成员单位!A6: JM501 县卫生和计划生育局 → 县卫生健康局" in result.stdout
    units = [row[0].value for row in openpyxl.load_workbook(book)["成员单位"].iter_rows(min_row=2)]
    assert "县卫生健康局" in units and "县卫生和计划生育局" not in units
    assert validate_file(book).findings == []


def test_a_partly_renamed_unit_is_never_suggested_by_its_old_name(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (INVALID / "jm501-renamed-unit.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("  - unit: 县卫计局", "  - unit: 县卫健局"), encoding="utf-8")
    messages = [f.message() for f in validate_file(path).findings if f.code == "JM201"]
    assert len(messages) == 1 and "县卫计局" not in messages[0]


def test_a_merged_value_is_fixed_at_its_anchor(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (CASES / "valid" / "anchors-and-merge.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("post: 副局长}", "post: 副局长(常务)}"), encoding="utf-8")
    assert _run("fix", str(path)).exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert after.count("副局长（常务）") == 1 and "<<: *deputy" in after
    members = load_file(path).document.data["roster"]["members"]
    assert [m["post"] for m in members] == ["副局长（常务）", "副局长（常务）"]


def test_a_workbook_keeps_what_the_office_added(tmp_path: Path) -> None:
    book = tmp_path / "名单.xlsx"
    book.write_bytes(workbook_bytes(load_file(INVALID / "jm501-renamed-unit.yaml").document.data))
    sheets = openpyxl.load_workbook(book)
    sheets["成员名单"]["F1"] = "备注"  # a column of the office's own, and a colour
    sheets["成员名单"]["F2"] = "已电话确认"
    sheets["成员单位"]["A2"].fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")
    sheets.create_sheet("通讯录")["A1"] = "张伟 13800000000"
    sheets.save(book)
    assert _run("fix", str(book)).exit_code == 0
    after = openpyxl.load_workbook(book)
    assert after["成员名单"]["F2"].value == "已电话确认"
    assert after["成员单位"]["A2"].fill.fgColor.rgb == "00FFFF00"
    assert after["通讯录"]["A1"].value == "张伟 13800000000"
    assert "县卫生健康局" in [c.value for c in after["成员单位"]["A"]]
    assert "县卫健局" in [c.value for c in after["职责分工"]["B"]]


def test_an_anchored_value_keeps_its_anchor(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    text = (CASES / "valid" / "anchors-and-merge.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("&office 白河县人民政府", "&office 白河县;人民政府"), "utf-8")
    assert _run("fix", str(path)).exit_code == 0
    assert "  issuer: &office 白河县；人民政府办公室\n" in path.read_text(encoding="utf-8")
    notice = load_file(path).document.data["notice"]
    assert notice["issuer"] == notice["printed_by"] == "白河县；人民政府办公室"


@pytest.mark.slow
def test_fixing_is_complete_and_idempotent_on_every_valid_file(tmp_path: Path) -> None:
    """Half-width marks sprinkled into Chinese text and awkward new names: every fix is
    made in place, and a second run finds nothing left."""
    import random

    from jmctl.domain import builtin_renames
    from jmctl.fixing.api import fix_file

    names = [
        '县"财政局',
        "县财政局:一",
        "[县]",
        "县财政局 #2",
        "县'财'局",
        "- 县",
        "null",
        "县财政局！",
    ]
    sources = sorted([*EXAMPLES.glob("*.yaml"), *(CASES / "valid").glob("*.yaml")])
    for source in sources:
        for seed in range(4):
            rng = random.Random(seed)
            chars = list(source.read_text(encoding="utf-8"))
            for _ in range(5):
                at = rng.randrange(len(chars))
                if "\u4e00" <= chars[at] <= "\u9fff":
                    chars.insert(at + 1, rng.choice(",;:?!()"))
            path = tmp_path / f"{source.stem}-{seed}.yaml"
            path.write_text("".join(chars), encoding="utf-8")
            if load_file(path).document is None:
                continue  # a mark that broke the YAML itself: nothing to fix
            rename = [("县财政局", rng.choice(names))]
            first = fix_file(path, builtin_renames(), rename)
            assert first.error is None, (path.name, first.error)
            again = fix_file(path, builtin_renames(), rename, write=False)
            assert again.edits == [], (path.name, again.edits)


def test_an_undated_notice_is_fixed_without_reform_renames(tmp_path: Path) -> None:
    # Which reform renames are due depends on the notice's date; with none, none are.
    text = (EXAMPLES / "qingshan-2022.yaml").read_text(encoding="utf-8")
    path = tmp_path / "undated.yaml"
    path.write_text(text.replace("  date: 2022-03-15\n", ""), encoding="utf-8")
    result = _run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == text.replace("  date: 2022-03-15\n", "")
