"""`jmctl import` and `jmctl check` on the real documents, rendered ones and variants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner
from docx import Document

from jmctl.catalogue import CODES
from jmctl.cli import cli
from jmctl.importing.api import ImportResult, import_file
from jmctl.importing.checking import check_file
from jmctl.importing.parse import import_source
from jmctl.importing.sources import read_source
from jmctl.loading import load_text
from jmctl.model import JointMeeting, plain
from jmctl.render.api import RenderOptions, render_file
from jmctl.validation import check_document, validate_file
from rendered import NOTICE_SHOWN

from conftest import CASES, CORPUS, EXAMPLES, first_fast


def _imported(path: Path, text_only: bool = False, **options: object) -> tuple[JointMeeting, list]:
    """Import `path` and validate the result; `text_only` reads a jmctl DOCX from its text
    alone, as if it carried no data."""
    result = import_file(path, **options)  # type: ignore[arg-type]
    if text_only:
        result = ImportResult(path, imported=import_source(read_source(path)))
    assert result.imported is not None
    loaded = load_text(result.yaml_text(), str(path))
    assert loaded.document is not None, [f.message() for f in loaded.findings]
    report = check_document(loaded.document, [])
    assert report.model is not None, [f"{f.code} {f.message()}" for f in report.findings]
    return report.model, report.findings


def _example(name: str) -> JointMeeting:
    model = validate_file(EXAMPLES / name).model
    assert model is not None
    return model


def _roster(model: JointMeeting) -> list[tuple[str, str, str]]:
    return [(p.role, plain(p.name or ""), p.printed_post) for p in model.people()]


def _same_visible_parts(got: JointMeeting, want: JointMeeting) -> None:
    """The parts a reader sees agree: people, duties, functions, rules, office, notice."""
    assert _roster(got) == _roster(want)
    assert [(d.unit.text, d.items) for d in got.duties] == [
        (d.unit.text, d.items) for d in want.duties
    ]
    for field in ("functions", "rules", "requirements", "preamble"):
        assert getattr(got.meeting, field) == getattr(want.meeting, field), field
    assert got.meeting.name == want.meeting.name
    if want.office:
        assert got.office is not None
        assert got.office.functions == want.office.functions
        assert got.office.host.text == want.office.host.text
    assert want.notice is not None and got.notice is not None
    for field in NOTICE_SHOWN:
        assert getattr(got.notice, field) == getattr(want.notice, field), field
    members = {got.index.resolve(m.text).name for m in got.members}
    assert len(members) == len(want.members)


def test_dushan_corpus_imports_as_the_example() -> None:
    got, findings = _imported(CORPUS / "dushan-2017-notice.txt")
    want = _example("dushan-2017.yaml")
    _same_visible_parts(got, want)
    # the imported file's findings are exactly the document's own defects
    assert sorted(f.code for f in findings) == ["JM206", "JM206", "JM206", "JM207"]


def test_fujian_corpus_imports_as_the_example() -> None:
    got, findings = _imported(CORPUS / "fujian-2020-letter.txt")
    want = _example("fujian-2020.yaml")
    assert _roster(got) == _roster(want)
    assert [(d.unit.text, d.items) for d in got.duties] == [
        (d.unit.text, d.items) for d in want.duties
    ]
    assert got.meeting.organisation == want.meeting.organisation
    assert got.meeting.basis == want.meeting.basis  # 依据, cited in the preamble
    assert got.notice is not None and want.notice is not None
    assert got.notice.body == want.notice.body
    assert (got.notice.doc_number, got.notice.date, got.notice.kind, got.notice.layout) == (
        want.notice.doc_number,
        want.notice.date,
        "approve",
        "annexes",
    )
    assert len(got.members) == 25
    assert got.office is not None and got.office.director_post == "省民政厅1名副厅长"
    assert findings == []


@pytest.mark.slow
def test_a_plain_hand_typed_docx_imports_like_its_text(tmp_path: Path) -> None:
    document = Document()  # no styles of ours: the way a person types one
    for line in (CORPUS / "dushan-2017-notice.txt").read_text("utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "typed.docx"
    document.save(str(path))
    from_docx, _ = _imported(path)
    from_text, _ = _imported(CORPUS / "dushan-2017-notice.txt")
    assert _roster(from_docx) == _roster(from_text)
    assert [(d.unit.text, d.items) for d in from_docx.duties] == [
        (d.unit.text, d.items) for d in from_text.duties
    ]


def test_a_partly_traditional_web_copy_is_converted_and_says_where(tmp_path: Path) -> None:
    lines = (CORPUS / "dushan-2017-notice.txt").read_text("utf-8").splitlines()
    to_traditional = opencc.OpenCC("s2t")
    lines[60:70] = [to_traditional.convert(line) for line in lines[60:70]]
    path = tmp_path / "web.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = import_file(path)
    assert result.imported is not None and result.imported.script_changes
    assert all(60 < change.line <= 70 for change in result.imported.script_changes)
    assert "繁体转为简体" in result.yaml_text()
    got, _ = _imported(path)
    assert _roster(got) == _roster(_example("dushan-2017.yaml"))
    kept = import_file(path, to_simplified=False).imported
    assert kept is not None and not kept.script_changes
    text = json.dumps(kept.data, ensure_ascii=False)
    assert opencc.OpenCC("t2s").convert(text) != text  # the traditional lines stayed so


def test_stray_line_breaks_and_spaces_are_joined(tmp_path: Path) -> None:
    text = (CORPUS / "dushan-2017-notice.txt").read_text("utf-8")
    text = text.replace(
        "贯彻落实城乡低保、医疗救助、临时救助、", "贯彻落实城乡 低保、医疗救助、\n\n临时救助、"
    )
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    got, _ = _imported(path)
    assert got.duties[0].items[0] == _example("dushan-2017.yaml").duties[0].items[0]


def test_units_only_membership_sentence(tmp_path: Path) -> None:
    text = """闽政办函〔2020〕56号
你厅《关于完善省社会救助工作联席会议制度的请示》收悉。经省政府研究，同意建立福建省社会救助工作联席会议制度。
附件：1.福建省社会救助工作联席会议制度
福建省人民政府办公厅
2020年12月9日
附件1
福建省社会救助工作联席会议制度
为加强对全省社会救助工作的组织领导，建立省社会救助工作联席会议制度。
一、主要职能
统筹协调全省社会救助工作。
二、成员单位
联席会议由省民政厅、教育厅、财政厅等3个部门和单位组成。
联席会议办公室设在省民政厅。
"""
    path = tmp_path / "units-only.txt"
    path.write_text(text, encoding="utf-8")
    got, findings = _imported(path)
    assert [m.text for m in got.members] == ["省民政厅", "省教育厅", "省财政厅"]
    assert got.roster is None
    assert findings == []


def test_text_that_fits_nowhere_is_kept_and_reported() -> None:
    result = import_file(CORPUS / "dushan-2017-notice.txt")
    assert result.imported is not None
    line_2 = (CORPUS / "dushan-2017-notice.txt").read_text("utf-8").splitlines()[1].strip()
    assert result.imported.data["unplaced"] == [{"line": 2, "text": line_2}]
    assert [(f.code, f.mark.line) for f in result.findings] == [("JM608", 2)]


def test_check_finds_the_dushan_notices_real_defects_at_its_lines() -> None:
    found = [(f.code, f.mark.line) for f in check_file(CORPUS / "dushan-2017-notice.txt").findings]
    lines = (CORPUS / "dushan-2017-notice.txt").read_text("utf-8").splitlines()
    assert found == [
        ("JM206", 25),
        ("JM206", 45),
        ("JM206", 55),
        ("JM207", 209),
        ("JM606", 218),
        ("JM601", 224),
    ]
    assert lines[208] == "（十三）县老龄委。"
    assert lines[223] == "五、工作规则"  # 四、 was skipped
    assert lines[217].startswith("2.负责组织对辖区内")  # the list of 各镇 starts at 2.


def test_check_reports_the_fujian_web_copys_half_width_marks() -> None:
    findings = check_file(CORPUS / "fujian-2020-letter.txt").findings
    assert {f.code for f in findings} == {"JM401"}
    assert all(f.severity.value == "warning" for f in findings)


CHECK_CASES = {
    "JM601": ["一、甲", "三、乙"],
    "JM602": ["一、甲", "（一）、乙"],
    "JM603": ["二〇一七年", "2017年02月3日"],
    "JM604": ["关于建立某县救助工作联席会议制度的通知", "各镇人民政府，县直各部门"],
    "JM605": ["抄送：县委办，县人大办", "某县人民政府办公室  2017年2月3日印发"],
    "JM606": ["一、甲", "2.乙"],
    "JM607": ["成员：华  磊  县教育局副局长", "联络员：华磊  县教育局副局长"],
    "JM301": ["2017年2月30日"],
    "JM302": ["依据某府发[2017]05号文件。"],
    "JM401": ["统筹推进,建设。"],
    "JM402": ["統籌推進全縣社會救助工作，建设。", "统筹推进全县社会救助工作。"],
    "JM609": ["市教育☉局负责特殊教育。"],
}


@pytest.mark.parametrize("code", sorted(CHECK_CASES))
def test_check_finds_each_text_defect(tmp_path: Path, code: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("\n".join(CHECK_CASES[code]) + "\n", encoding="utf-8")
    assert code in {f.code for f in check_file(path).findings}


def test_every_check_code_is_exercised() -> None:
    # JM608 and JM611 are import's (unplaced text and table rows), JM610 validate's;
    # JM645 (a 纪要 beyond the session bounds) is tested in tests/test_import_minutes.py,
    # JM646 (an office host taken from its director's unit) and JM647 (a copy cut inside
    # the roster's last post) in tests/test_import_offices_heads_and_lists.py, JM663 (a
    # mirror's pinyin taken out) in tests/test_import_lists_and_look_backs.py.
    tested = set(CHECK_CASES) | {"JM608", "JM610", "JM611", "JM645", "JM646", "JM647", "JM663"}
    reading = ("JM62", "JM63")  # reading the formats: tests/test_import_formats.py
    assert {c for c in CODES if c.startswith("JM6") and not c.startswith(reading)} <= tested


def test_import_and_check_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"NO_COLOR": "1", "JMCTL_LANG": "zh"}
    out = tmp_path / "dushan.yaml"
    result = runner.invoke(
        cli, ["import", str(CORPUS / "dushan-2017-notice.txt"), "-o", str(out)], env=env
    )
    assert result.exit_code == 0 and result.stdout == f"{out}\n"
    assert "JM608" in result.stderr
    validated = runner.invoke(cli, ["validate", str(out)], env=env)
    assert validated.exit_code == 0
    checked = runner.invoke(
        cli, ["check", "--format", "json", str(CORPUS / "dushan-2017-notice.txt")], env=env
    )
    assert checked.exit_code == 1
    assert json.loads(checked.stdout)["counts"]["errors"] == 1
    assert re.search(r"JM601", checked.stdout)


@pytest.mark.parametrize(
    "name", first_fast(["dushan-2017.yaml", "fujian-2020.yaml", "qingshan-2022.yaml"])
)
def test_a_rendered_docx_imports_back_to_the_very_same_file(tmp_path: Path, name: str) -> None:
    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / name, ["notice"], RenderOptions(), output=target)
    result = import_file(target)
    assert result.yaml_text() == (EXAMPLES / name).read_text(encoding="utf-8")


def test_an_edited_rendered_docx_is_read_from_its_text(tmp_path: Path) -> None:
    target = tmp_path / "notice.docx"
    render_file(EXAMPLES / "dushan-2017.yaml", ["notice"], RenderOptions(), output=target)
    document = Document(str(target))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("2.协调做好社会救助资金"))
    paragraph.runs[0].text = "2.协调做好社会救助资金和工作经费的筹集、拨付、监管等工作。"
    for run in paragraph.runs[1:]:
        run.text = ""
    document.save(str(target))
    result = import_file(target)
    assert result.verbatim is None  # the carried data no longer matches: the text wins
    got, _ = _imported(target)
    finance = next(d for d in got.duties if d.unit.text == "县财政局")
    assert finance.items[1] == "协调做好社会救助资金和工作经费的筹集、拨付、监管等工作。"


def test_a_county_notice_written_another_way() -> None:
    """Role label on a line of its own, 组织机构/主要职责/成员单位职责 headings,
    duties as 县民政局：负责…… on one line, the office director named by post."""
    got, findings = _imported(CASES / "import" / "anning-2023-variant.txt")
    assert _roster(got) == [
        ("chief_convenors", "王伟", "县人民政府副县长"),
        ("convenors", "李娜", "县民政局局长"),
        ("members", "张强", "县财政局副局长"),
        ("members", "刘洋", "县教育局副局长"),
    ]
    assert [(d.unit.text, d.items) for d in got.duties] == [
        ("县民政局", ("负责救助政策的组织实施。",)),
        ("县财政局", ("负责救助资金的预算安排。",)),
        ("县教育局", ("负责教育救助。",)),
    ]
    assert [m.text for m in got.members] == ["县财政局", "县教育局", "县民政局"]
    assert got.office is not None and got.office.director_post == "县民政局分管副局长"
    assert got.meeting.functions == ("统筹全县困难群众救助工作。",)
    assert findings == []


def test_roster_labels_without_colons() -> None:
    """总召集人  王  伟  …, 召 集 人 李娜 …: the label followed by the person, no colon."""
    with_colons, _ = _imported(CASES / "import" / "anning-2023-variant.txt")
    without, findings = _imported(CASES / "import" / "anning-2023-no-colons.txt")
    assert _roster(without) == _roster(with_colons)
    assert findings == []


def test_import_and_check_take_folders(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"NO_COLOR": "1", "JMCTL_LANG": "zh"}
    out = tmp_path / "data"
    result = runner.invoke(cli, ["import", str(CORPUS), "-d", str(out), "--jobs", "2"], env=env)
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "dushan-2017-notice.yaml",
        "fujian-2020-letter.yaml",
    ]
    checked = runner.invoke(cli, ["check", str(CORPUS), str(out)], env=env)
    assert checked.exit_code == 1  # the Dushan notice skips 四、
    assert checked.stdout.splitlines()[-1].startswith("检查了 4 个文件")
    assert (
        runner.invoke(
            cli, ["import", str(CORPUS), "-o", str(tmp_path / "x.yaml")], env=env
        ).exit_code
        == 2
    )
