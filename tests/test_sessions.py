"""Sessions: the contract, the model, their rules, the example, the workbook and diff."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jmctl.change_details import DecisionEdit, NamedValues, OldNew, SessionEdit, StatusChange
from jmctl.change_list import change_rows
from jmctl.cli import cli
from jmctl.diff_files import diff_files
from jmctl.diff_report import text_report
from jmctl.loading import load_bytes, load_file
from jmctl.resources import resource
from jmctl.rules import RULES, session_dates, sessions
from jmctl.sessions import kinds, statuses
from jmctl.validation import validate_file
from jmctl.workbook.reading import load_workbook_bytes
from jmctl.workbook.writing import workbook_bytes

from conftest import CASES, EXAMPLES

EXAMPLE = EXAMPLES / "baihe-2023.yaml"
SESSION_CASES = sorted(
    path
    for path in (CASES / "invalid").glob("*.yaml")
    if path.name.startswith(("jm23", "jm31", "jm32", "jm335"))
)


def _edited(tmp_path: Path, *edits: tuple[str, str], source: Path = EXAMPLE) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "edited.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    (number,) = [number for number, line in enumerate(lines, 1) if needle in line]
    return number


def _schema() -> dict:
    return json.loads(resource("schemas", "jmctl-v1.schema.json").read_text(encoding="utf-8"))


# The contract ------------------------------------------------------------------------------


def test_the_schema_allows_exactly_the_registry_names() -> None:
    definitions = _schema()["$defs"]
    kind = definitions["session"]["properties"]["kind"]
    status = definitions["decision"]["properties"]["status"]
    assert kind["enum"] == [term.zh for term in kinds().values()]
    assert status["enum"] == [term.zh for term in statuses().values()]
    for term in statuses().values():
        assert term.zh in status["description"]


def test_every_session_property_has_a_chinese_title_and_description() -> None:
    definitions = _schema()["$defs"]
    names = ("session", "attendee", "invitee", "agendaItem", "decision")
    names += ("sessionNotice", "sessionMinutes")
    nodes = [definitions[name] for name in names]
    nodes.append(definitions["attendee"]["properties"]["substitute"])
    nodes.append(definitions["sessionNotice"]["properties"]["contact"])
    for node in nodes:
        for key, child in node["properties"].items():
            assert not child["title"].isascii(), key
            assert not child["description"].isascii(), key


def test_the_example_builds_two_sessions_with_every_attendance() -> None:
    report = validate_file(EXAMPLE)
    assert report.model is not None
    plenary, liaison = report.model.sessions
    assert (plenary.title, liaison.title) == ("第1次全体会议", "第1次联络员会议")
    assert (plenary.kind.key, liaison.kind.key) == ("plenary", "liaison")
    attendance = {a.person: a.attendance for a in plenary.attendees}
    assert attendance == {
        "李娜": "present",
        "王强": "present",
        "刘洋": "absent",
        "陈刚": "substituted",
        "赵敏": "present",
    }
    assert [invitee.unit.text for invitee in plenary.invited] == ["县审计局"]
    decisions = [*plenary.decisions, *liaison.decisions]
    assert sorted(d.status.key for d in decisions) == ["done", "dropped", "in_progress", "open"]
    assert [ref.text for ref in decisions[0].units] == ["县民政局", "县人社局", "县卫健局"]
    assert liaison.start == "14:30" and liaison.end is None


def test_a_decision_without_a_status_is_open() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("        status: 未启动\n", "", 1)
    document = load_bytes(text.encode(), "x.yaml").document
    assert document is not None
    from jmctl.model import build

    model = build(document.data)
    assert model.sessions[1].decisions[0].status.key == "open"


# The example and the rules -----------------------------------------------------------------


def test_the_example_warns_only_of_its_overdue_decision() -> None:
    found = [(f.code, f.mark.line, f.mark.column) for f in validate_file(EXAMPLE).findings]
    assert found == [("JM314", 125, 19)]


def test_today_is_injectable_and_the_deadline_day_itself_is_not_overdue() -> None:
    def findings(today: date) -> list[str]:
        rules = [sessions.check, session_dates.checker(today=lambda: today)]
        return [f.code for f in validate_file(EXAMPLE, rules=rules).findings]

    assert findings(date(2023, 9, 30)) == []
    assert findings(date(2023, 10, 1)) == ["JM314"]


def test_the_session_rules_are_registered() -> None:
    assert sessions.check in RULES and session_dates.check in RULES


@pytest.mark.parametrize("path", SESSION_CASES, ids=lambda p: p.stem)
def test_every_session_finding_reads_in_both_languages(path: Path) -> None:
    (finding,) = validate_file(path).findings
    chinese, english = finding.message("zh"), finding.message("en")
    assert chinese != english and "{" not in chinese + english


def test_a_finished_decision_past_its_deadline_is_no_concern(tmp_path: Path) -> None:
    path = _edited(tmp_path, ("        status: 未启动\n", "        status: 已撤销\n"))
    assert validate_file(path).findings == []


def test_an_unquoted_time_is_a_located_type_error(tmp_path: Path) -> None:
    path = _edited(tmp_path, ('    start: "14:30"\n', "    start: 14:30\n"))
    found = [(f.code, f.mark.line) for f in validate_file(path).findings]
    assert found == [("JM103", _line_of(path, "start: 14:30"))]


def test_units_of_sessions_must_be_declared(tmp_path: Path) -> None:
    path = _edited(
        tmp_path, ("      - {unit: 县审计局, name: 周平, post: 副局长}", "      - {unit: 县统计局}")
    )
    found = [(f.code, f.mark.line) for f in validate_file(path).findings]
    assert found == [("JM201", _line_of(path, "县统计局")), ("JM314", 125)]


def test_an_invited_unit_need_not_be_a_member_but_a_lead_unit_must(tmp_path: Path) -> None:
    path = _edited(tmp_path, ("        lead: 县教育局\n", "        lead: 县审计局\n"))
    found = [(f.code, f.mark.line) for f in validate_file(path).findings]
    assert found == [("JM236", _line_of(path, "lead: 县审计局")), ("JM314", 125)]


def test_a_chair_named_by_post_is_found_in_a_roster_of_posts() -> None:
    model = validate_file(CASES / "valid" / "sessions-by-post.yaml").model
    assert model is not None
    assert model.sessions[0].chair == "白河县人民政府县长"


def test_rules_hold_without_a_roster_or_members(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        ("members: [县民政局, 县财政局, 县人社局, 县卫健局, 县教育局]", "members: []"),
    )
    codes = {f.code for f in validate_file(path).findings}
    assert "JM000" not in codes and "JM236" not in codes


# The workbook --------------------------------------------------------------------------------


def test_sessions_round_trip_through_their_own_sheet(tmp_path: Path) -> None:
    data = load_file(EXAMPLE).document.data  # type: ignore[union-attr]
    raw = workbook_bytes(data)
    book = openpyxl.load_workbook(__import__("io").BytesIO(raw))
    keys = [row[2] for row in book["会议"].iter_rows(min_row=2, values_only=True)]
    assert "sessions[1].decisions[2].status" in keys
    row = keys.index("sessions[1].decisions[2].status") + 2
    lists = {
        str(check.sqref): check.formula1 for check in book["会议"].data_validations.dataValidation
    }
    assert lists[f"B{row}"] == '"未启动,推进中,已完成,已撤销"'
    assert "sessions" not in {str(k).split("[")[0] for k in _keys(book["基本信息"])}
    back = load_workbook_bytes(raw, "名单.xlsx").document
    assert back is not None and back.data["sessions"] == data["sessions"]
    status = ("sessions", 0, "decisions", 1, "status")
    assert back.locate(status).sheet == "会议"


def _keys(page: object) -> list[object]:
    return [row[2] for row in page.iter_rows(min_row=2, values_only=True)]  # type: ignore[attr-defined]


# Diff ----------------------------------------------------------------------------------------


def _moved(tmp_path: Path) -> Path:
    return _edited(
        tmp_path,
        ("        status: 推进中\n        progress: 第一、二季度资金已拨付。",
         "        status: 已完成\n        progress: 全年资金已拨付到位。"),
        ("        deadline: 2023-09-30\n", "        deadline: 2023-12-31\n"),
        ("notice:\n", "  - {kind: 全体会议, number: 2, date: 2023-12-20, chair: 张伟}\nnotice:\n"),
    )  # fmt: skip


def test_diff_reports_a_decision_status_moving(tmp_path: Path) -> None:
    result = diff_files(EXAMPLE, _moved(tmp_path), ignore=["notice"])
    assert result.changes is not None
    found = [(c.kind, c.name, c.unit) for c in result.changes]
    assert found == [
        ("decision_status_changed", "第1次全体会议", "县财政局"),
        ("decision_changed", "第1次联络员会议", "县教育局"),
        ("session_added", "第2次全体会议", None),
    ]
    moved, changed, _ = result.changes
    assert isinstance(moved.detail, StatusChange)
    assert (moved.detail.status.old, moved.detail.status.new) == ("推进中", "已完成")
    assert moved.old_line == moved.new_line == 107
    assert isinstance(changed.detail, DecisionEdit)
    assert changed.detail.fields == (NamedValues("deadline", OldNew("2023-09-30", "2023-12-31")),)
    assert changed.to_json()["detail"]["fields"] == {
        "deadline": {"old": "2023-09-30", "new": "2023-12-31"}
    }
    report = text_report(result.changes)
    assert "会议和议定事项" in report
    assert "（牵头单位 县财政局）：推进中 → 已完成；进展：全年资金已拨付到位。" in report
    assert "in progress → done" in text_report(result.changes, language="en")
    rows = change_rows(result.changes)
    assert rows[0][:3] == ("办理状态变动", "推进中", "已完成")
    assert rows[1][1:3] == ("2023-09-30", "2023-12-31")


def test_diff_reports_a_session_moved_to_another_room_and_hour(tmp_path: Path) -> None:
    path = _edited(
        tmp_path,
        ("place: 县政府三楼会议室", "place: 县政府五楼会议室"),
        ('start: "09:30"', 'start: "10:00"'),
        ("      - person: 刘洋\n        absent: true\n", "      - person: 刘洋\n"),
    )
    result = diff_files(EXAMPLE, path, ignore=["notice"])
    assert result.changes is not None
    (moved,) = result.changes
    assert (moved.kind, moved.name, moved.old_line) == ("session_changed", "第1次全体会议", 78)
    assert isinstance(moved.detail, SessionEdit)
    assert [field.name for field in moved.detail.fields] == ["start", "place", "attendees"]
    assert moved.to_json()["detail"]["fields"]["place"] == {
        "old": "县政府三楼会议室",
        "new": "县政府五楼会议室",
    }
    assert "第1次全体会议：调整了开始时间、会议地点、出席人员" in text_report(result.changes)
    assert "第1次全体会议: start, place, attendees changed" in text_report(
        result.changes, language="en"
    )
    (row,) = change_rows(result.changes)
    assert row[0] == "会议调整" and "09:30" in row[1] and "县政府五楼会议室" in row[2]


def test_diff_can_leave_the_sessions_out(tmp_path: Path) -> None:
    result = diff_files(EXAMPLE, _moved(tmp_path), ignore=["notice", "sessions"])
    assert result.changes == []
    shown = CliRunner().invoke(
        cli,
        ["diff", "--ignore", "notice", "--ignore", "sessions", str(EXAMPLE), str(EXAMPLE)],
        env={"NO_COLOR": "1", "JMCTL_LANG": "zh"},
    )
    assert shown.exit_code == 0, shown.output


def test_a_reworded_decision_is_one_change_and_a_removed_one_is_said(tmp_path: Path) -> None:
    dropped = EXAMPLE.read_text(encoding="utf-8").split("      - text: 另行编制")[1]
    dropped = "      - text: 另行编制" + dropped.split("\n    notice:")[0] + "\n"
    path = _edited(
        tmp_path,
        ("信息每月比对机制", "信息每季度比对机制"),
        (dropped, ""),
    )
    result = diff_files(EXAMPLE, path, ignore=["notice"])
    assert result.changes is not None
    assert [(c.kind, c.to_json()["detail"].get("fields", {})) for c in result.changes] == [
        (
            "decision_changed",
            {
                "text": {
                    "old": "建立困难学生资助与低保信息每月比对机制。",
                    "new": "建立困难学生资助与低保信息每季度比对机制。",
                }
            },
        ),
        ("decision_removed", {}),
    ]


def test_a_file_updated_for_its_sessions_is_one_edition_not_a_new_one(tmp_path: Path) -> None:
    # The same notice in both files: the office updated statuses, it did not reissue the
    # notice, so last year's number (JM305) is no concern; a changed notice still is.
    result = diff_files(EXAMPLE, _moved(tmp_path))
    assert result.new_findings == []
    reissued = _edited(tmp_path, ("  print_date: 2023-02-21\n", "  print_date: 2023-02-22\n"))
    assert [f.code for f in diff_files(EXAMPLE, reissued).new_findings] == ["JM305"]


def test_a_sessions_notice_number_is_held_to_the_document_number_form(tmp_path: Path) -> None:
    edit = ("doc_number: 白社救联办〔2023〕2号", "doc_number: 白社救联办〔2023〕02号")
    path = _edited(tmp_path, edit)
    findings = validate_file(path).findings
    assert {finding.code for finding in findings} == {"JM302", "JM314"}
    (number,) = [finding for finding in findings if finding.code == "JM302"]
    assert number.mark.line == _line_of(path, "白社救联办〔2023〕02号")


def test_an_issue_repeating_the_number_another_minutes_prints_is_refused(tmp_path: Path) -> None:
    """The plenary writes no `minutes`: its 纪要 prints 第1期; the liaison's may not."""
    path = _edited(tmp_path, ("      issue: 2\n", "      issue: 1\n"))
    (said,) = [f for f in validate_file(path).findings if f.code == "JM320"]
    assert said.mark.line == _line_of(path, "      issue: 1")
    plenary_number = _line_of(path, "  - kind: 全体会议") + 1
    assert f"与第 {plenary_number} 行的会议重复" in said.message("zh")


def test_sessions_without_an_issue_may_share_a_number(tmp_path: Path) -> None:
    """A 全体会议 and a 联络员会议 both 第1次, neither writing an issue: valid, as before."""
    path = _edited(tmp_path, ("      issue: 2\n", ""))
    assert "JM320" not in {f.code for f in validate_file(path).findings}
