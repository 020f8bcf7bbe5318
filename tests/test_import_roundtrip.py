"""A 领导小组's roster prints and imports its own labels, and a roster typed as a Word table
imports exactly like the same roster typed as lines (every document jmctl renders, from its
text alone: test_roundtrip_text.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document

from jmctl.importing.api import ImportResult, import_file
from jmctl.importing.parse import import_source
from jmctl.importing.sources import read_source
from jmctl.loading import load_text
from jmctl.model import JointMeeting, plain
from jmctl.render.api import RenderOptions, render_file
from jmctl.validation import check_document, validate_file

from conftest import EXAMPLES


def _from_text(path: Path) -> tuple[JointMeeting, ImportResult]:
    """Import a DOCX from its text alone (as if it carried no data) and validate it."""
    result = ImportResult(path, imported=import_source(read_source(path)))
    loaded = load_text(result.yaml_text(), str(path))
    assert loaded.document is not None, [f.message() for f in loaded.findings]
    report = check_document(loaded.document, [])
    assert report.model is not None, [f"{f.code} {f.message()}" for f in report.findings]
    return report.model, result


def _model(path: Path) -> JointMeeting:
    model = validate_file(path).model
    assert model is not None
    return model


def _roster(model: JointMeeting) -> list[tuple[str, str, str, str | None]]:
    return [(p.role, plain(p.name or ""), p.printed_post, p.label) for p in model.people()]


def _leading_group(tmp_path: Path) -> Path:
    """The Dushan example as a 领导小组 with a 第一副组长."""
    data = yaml.safe_load((EXAMPLES / "dushan-2017.yaml").read_text("utf-8"))
    data["meeting"]["name"] = data["meeting"]["name"].replace("联席会议", "领导小组")
    data["meeting"]["body"] = "leading_group"
    roster = data["roster"]
    first = roster["convenors"].pop(0)
    first["label"] = "第一副组长"
    roster["deputy_chief_convenors"] = [first, *roster.get("deputy_chief_convenors", [])]
    if not roster["convenors"]:
        del roster["convenors"]
    path = tmp_path / "group.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


@pytest.mark.parametrize("table", [False, True], ids=["lines", "table"])
def test_a_leading_group_prints_and_imports_its_own_labels(tmp_path: Path, table: bool) -> None:
    source = _leading_group(tmp_path)
    want = _model(source)
    target = tmp_path / "roster.docx"
    options = RenderOptions(roster_table=table)
    assert render_file(source, ["roster"], options, output=target).written
    text = "\n".join(line.text for line in read_source(target).lines)
    assert "组" in text and "第一副组长" in text and "总召集人" not in text
    got, _ = _from_text(target)
    assert got.meeting.body == "leading_group"
    assert _roster(got) == _roster(want)


ROSTER = [
    ("组长", "王  伟", "县人民政府副县长"),
    ("副组长", "李娜", "县民政局局长"),
    ("副组长", "陈明", "县财政局局长"),
    ("成员", "张强", "县财政局副局长"),
    ("成员", "刘洋", "县教育局副局长"),
    ("成员", "赵敏", "县卫生健康局副局长"),
]
HEAD = ["某县困难群众救助工作领导小组成员名单"]


def _typed_as_lines(path: Path) -> Path:
    document = Document()
    for line in HEAD:
        document.add_paragraph(line)
    shown = None
    for label, name, post in ROSTER:
        document.add_paragraph(f"{label if label != shown else '':　<4}{name}　{post}")
        shown = label
    document.save(str(path))
    return path


def _typed_as_table(path: Path, columns: int) -> Path:
    """The same roster as a Word table: 职务 | 姓名 | 单位及职务 with the role cells
    merged down, or 姓名 | 单位职务 under a label row per role."""
    document = Document()
    for line in HEAD:
        document.add_paragraph(line)
    if columns == 3:
        table = document.add_table(rows=1 + len(ROSTER), cols=3)
        for cell, text in zip(table.rows[0].cells, ("职务", "姓名", "单位及职务"), strict=True):
            cell.text = text
        for row, (_, name, post) in zip(table.rows[1:], ROSTER, strict=True):
            row.cells[1].text, row.cells[2].text = name, post
        start = 1
        for index in range(1, len(ROSTER) + 1):  # merge each role's cells down
            last = index == len(ROSTER) or ROSTER[index][0] != ROSTER[index - 1][0]
            if last:
                merged = table.cell(start, 0).merge(table.cell(index, 0))
                merged.text = ROSTER[index - 1][0]
                start = index + 1
    else:
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "姓名", "单位职务"
        shown = None
        for label, name, post in ROSTER:
            if label != shown:
                row = table.add_row()
                row.cells[0].merge(row.cells[1]).text = f"{label}："
                shown = label
            row = table.add_row()
            row.cells[0].text, row.cells[1].text = name, post
    document.save(str(path))
    return path


@pytest.mark.parametrize("columns", [3, 2])
def test_a_roster_typed_as_a_word_table_imports_like_lines(tmp_path: Path, columns: int) -> None:
    as_lines = import_file(_typed_as_lines(tmp_path / "lines.docx"))
    as_table = import_file(_typed_as_table(tmp_path / "table.docx", columns))
    assert as_lines.imported is not None and as_table.imported is not None
    lines, table = as_lines.imported.data, as_table.imported.data
    assert table["roster"] == lines["roster"]
    assert table["members"] == lines["members"] == ["县财政局", "县教育局", "县卫生健康局"]
    assert table["meeting"] == lines["meeting"]
    assert [entry["name"] for entry in lines["roster"]["members"]] == ["张强", "刘洋", "赵敏"]
    assert "unplaced" not in table and as_table.findings == []


@pytest.mark.parametrize("kind", ["roster", "duties"])
def test_check_reads_a_standalone_roster_or_duties_as_what_it_is(tmp_path: Path, kind: str) -> None:
    """jmctl's own 成员名单 and 职责分工 have no defects: no "members missing", no
    "member without duties" for a roster, no "office host not a member" for duties."""
    target = tmp_path / f"{kind}.docx"
    assert render_file(
        EXAMPLES / "fujian-2020.yaml", [kind], RenderOptions(), output=target
    ).written
    from jmctl.importing.checking import check_file

    assert [f"{f.code} {f.message()}" for f in check_file(target).findings] == []


def test_duties_typed_as_a_word_table(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("某县困难群众救助工作联席会议成员单位职责分工")
    table = document.add_table(rows=3, cols=2)
    rows = (
        ("单位", "职责"),
        ("县民政局", "1.负责救助政策的组织实施。2.负责低保审核确认工作。"),
        ("县财政局", "负责救助资金的预算安排和拨付监管工作。"),
    )
    for row, cells in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = cells
    path = tmp_path / "duties.docx"
    document.save(str(path))
    result = import_file(path)
    assert result.imported is not None
    assert result.imported.data["duties"] == [
        {"unit": "县民政局", "items": ["负责救助政策的组织实施。", "负责低保审核确认工作。"]},
        {"unit": "县财政局", "items": ["负责救助资金的预算安排和拨付监管工作。"]},
    ]
    assert result.imported.data["members"] == ["县民政局", "县财政局"]
    assert "unplaced" not in result.imported.data
