"""`jmctl import` on a 会议纪要: the corpus in tests/cases/import/minutes (a case is a text
and its expect file) and the round trip of `render minutes` → import → the same session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from jmctl.findings import Severity
from jmctl.importing.api import import_file
from jmctl.render.api import RenderOptions, render_file
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

MINUTES = CASES / "import" / "minutes"
BAIHE = EXAMPLES / "baihe-2023.yaml"


def _cases() -> list[Path]:
    return sorted(path for path in MINUTES.iterdir() if path.suffix in (".txt", ".docx"))


def _expect(case: Path) -> dict[str, Any]:
    expect = yaml.safe_load(case.with_name(f"{case.stem}.expect.yaml").read_text("utf-8"))
    assert isinstance(expect, dict)
    return expect


@pytest.mark.parametrize("case", _cases(), ids=lambda path: path.stem)
def test_a_minutes_document_imports_as_stated(case: Path) -> None:
    expect = _expect(case)
    result = import_file(case)
    assert result.imported is not None
    data = result.imported.data
    assert data["meeting"]["name"] == expect["meeting"]["name"]
    assert data.get("sessions", []) == expect["sessions"]
    if "unplaced" in expect:
        assert [entry["text"] for entry in data.get("unplaced", [])] == expect["unplaced"]
    assert sorted(f.code for f in result.findings) == sorted(expect["findings"])


def test_the_corpus_is_there() -> None:
    assert len(_cases()) >= 4
    assert all(case.with_name(f"{case.stem}.expect.yaml").is_file() for case in _cases())


def test_the_names_no_roster_could_match_are_said(tmp_path: Path) -> None:
    result = import_file(MINUTES / "gbt9704-form.txt")
    said = next(f for f in result.findings if f.code == "JM628")
    assert said.severity is Severity.WARNING and said.mark.line == 8  # at the 出席 line
    assert "马俊、杨帆、周丽华、王涛、何明、吴海燕" in said.message()
    assert "could not be matched" in said.message("en")


def test_a_decision_without_a_lead_unit_is_kept_and_said() -> None:
    result = import_file(MINUTES / "haibowan-changwu-2026.txt")
    said = next(f for f in result.findings if f.code == "JM629")
    assert said.mark.line == 9 and "关于冬春季安全生产工作" in said.message()


def _rendered(tmp_path: Path, session: str) -> Path:
    target = tmp_path / f"{session}.docx"
    options = RenderOptions(embed_data=False, session=session)  # read the page, not the data
    result = render_file(BAIHE, ["minutes"], options, output=target)
    assert result.written == [target], result.error
    return target


def _printed(session: dict[str, Any]) -> dict[str, Any]:
    """What a 纪要 prints of a session of the data file: all but times, statuses and the
    版记 (分送, 印发), which import leaves to the office."""
    kept = {key: session[key] for key in ("kind", "number", "place", "chair") if key in session}
    kept["date"] = str(session["date"])
    decisions = []
    for decision in session.get("decisions", []):
        printed = {key: decision[key] for key in ("text", "lead", "others") if key in decision}
        if "deadline" in decision:
            printed["deadline"] = str(decision["deadline"])
        decisions.append(printed)
    kept["decisions"] = decisions
    kept["agenda"] = session.get("agenda", [])
    kept["invited"] = session.get("invited", [])
    # the 期数 and date of the 版头, where they are not the session's number and date
    implied = {"issue": session["number"], "date": kept["date"]}
    written = {key: value for key, value in session.get("minutes", {}).items() if key in implied}
    minutes = {key: str(value) if key == "date" else value for key, value in written.items()}
    minutes = {key: value for key, value in minutes.items() if value != implied[key]}
    if minutes:
        kept["minutes"] = minutes
    return kept


@pytest.mark.parametrize("which", [0, 1])
def test_render_minutes_then_import_gives_the_session_back(tmp_path: Path, which: int) -> None:
    original = yaml.safe_load(BAIHE.read_text("utf-8"))["sessions"][which]
    result = import_file(_rendered(tmp_path, str(original["date"])))
    assert result.imported is not None and result.verbatim is None  # read from the page
    assert "unplaced" not in result.imported.data
    (session,) = result.imported.data["sessions"]
    got = {key: value for key, value in session.items() if key != "attendees"}
    got.setdefault("agenda", [])
    got.setdefault("invited", [])
    got.setdefault("decisions", [])
    assert got == _printed(original)
    people = {entry["person"]: entry for entry in session.get("attendees", [])}
    assert people.keys() == {entry["person"] for entry in original.get("attendees", [])}
    for entry in original.get("attendees", []):
        back = people[entry["person"]]
        assert back.get("absent", False) == (
            entry.get("absent", False) and "substitute" not in entry
        )
        if "substitute" in entry:
            assert {k: back["substitute"][k] for k in ("name", "post")} == entry["substitute"]


def test_the_session_read_back_validates_in_its_editions_file(tmp_path: Path) -> None:
    """Merged into the data file it came from (which has the roster), the session a 纪要
    gave validates: every name it kept is the roster's."""
    result = import_file(_rendered(tmp_path, "2023-03-16"))
    assert result.imported is not None
    data = yaml.safe_load(BAIHE.read_text("utf-8"))
    data["sessions"][0] = result.imported.data["sessions"][0]
    merged = tmp_path / "merged.yaml"
    merged.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    report = validate_file(merged)
    errors = [f.message() for f in report.findings if f.severity is Severity.ERROR]
    assert errors == []


def test_check_holds_no_roster_against_a_minutes_document() -> None:
    """A 纪要 carries no roster: `check` does not call its chair and attendees missing
    from one (JM230, JM232), and locates what it does find at the document's lines."""
    from jmctl.importing.checking import check_file

    findings = check_file(MINUTES / "gbt9704-form.txt").findings
    codes = {f.code for f in findings}
    assert not codes & {"JM230", "JM231", "JM232", "JM234"}
    # 2023-10-31 has passed, but that is no defect of a 纪要 of 2023 (validate warns)
    assert "JM314" not in codes
    imported = import_file(MINUTES / "gbt9704-form.txt").imported
    assert imported is not None  # what check finds in a decision is placed at its own line
    assert imported.origins[("sessions", 0, "decisions", 0, "deadline")] == 5


def test_an_issue_that_is_not_the_sessions_number_is_read_into_minutes(tmp_path: Path) -> None:
    text = (MINUTES / "gbt9704-form.txt").read_text("utf-8").replace("第2期", "2023年第七期", 1)
    case = tmp_path / "issue.txt"
    case.write_text(text, "utf-8")
    result = import_file(case)
    assert result.imported is not None
    (session,) = result.imported.data["sessions"]
    assert session["number"] == 2 and session["minutes"] == {"issue": 7}
    assert result.imported.origins[("sessions", 0, "minutes", "issue")] == 2


def test_more_attendees_than_the_session_bound_is_said_at_import(tmp_path: Path) -> None:
    lines = (MINUTES / "gbt9704-form.txt").read_text(encoding="utf-8").splitlines()
    given = "明华军丽涛伟芳敏静强磊洋艳勇杰娟秀英"
    names = [f"{s}{a}{b}" for s in "王李张" for a in given for b in given][:301]
    lines[7] = "出席：" + "、".join(f"县民政局干部{name}" for name in names)
    source = tmp_path / "minutes.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(source)
    assert result.imported is not None
    assert len(result.imported.data["sessions"][0]["attendees"]) == 302  # 301 + 请假 何明
    said = next(f for f in result.findings if f.code == "JM645")
    assert said.severity is Severity.WARNING and said.mark.line == 8  # at the 出席 line
    assert "出席人员有 302 项，超过会议文件的上限 300 项" in said.message()
    assert "302 attendees" in said.message("en")


def test_a_minutes_document_within_the_bounds_says_nothing_of_them() -> None:
    result = import_file(MINUTES / "gbt9704-form.txt")
    assert "JM645" not in {f.code for f in result.findings}
