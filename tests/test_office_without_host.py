"""An office the document sets up in no unit (领导小组下设…办公室, 由李志珍同志兼任办公室主任):
the contract leaves `office.host` out, the notice prints the office without 设在, the
notice imports back to the same office, and diff says when an office gains or loses
its host."""

from __future__ import annotations

from pathlib import Path

import yaml

from jmctl.change import Change
from jmctl.change_details import FieldChange
from jmctl.change_words import describe
from jmctl.diff_files import diff_files
from jmctl.importing.parse import import_source
from jmctl.importing.sources import read_source
from jmctl.loading import load_text
from jmctl.render.api import RenderOptions, render_file
from jmctl.validation import check_document, validate_file

from conftest import CASES
from docx_reading import body_lines

NO_HOST = CASES / "valid" / "office-without-host.yaml"


def _with_host(tmp_path: Path) -> Path:
    """The same data with its office set up in 县民政局."""
    text = NO_HOST.read_text(encoding="utf-8")
    assert "office:\n  director: 李娜\n" in text
    path = tmp_path / "office-with-host.yaml"
    path.write_text(text.replace("office:\n", "office:\n  host: 县民政局\n", 1), "utf-8")
    return path


def _notice(tmp_path: Path) -> Path:
    target = tmp_path / "notice.docx"
    assert render_file(NO_HOST, ["notice"], RenderOptions(), output=target).written
    return target


def test_an_office_by_post_without_host_prints_its_post(tmp_path: Path) -> None:
    text = NO_HOST.read_text(encoding="utf-8").replace(
        "  director: 李娜\n", "  director_post: 县民政局局长\n"
    )
    source = tmp_path / "by-post.yaml"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "notice.docx"
    assert render_file(source, ["notice"], RenderOptions(), output=target).written
    texts = [line.split("\t", 1)[-1] for line in body_lines(target.read_bytes())]
    sentence = "联席会议下设办公室，办公室主任由县民政局局长兼任，负责联席会议日常工作。"
    assert sentence in texts


def test_an_office_without_host_validates_with_no_host() -> None:
    report = validate_file(NO_HOST)
    assert report.model is not None and report.model.office is not None
    assert report.model.office.host is None
    assert [f.code for f in report.findings] == []


def test_the_notice_prints_the_office_without_she_zai(tmp_path: Path) -> None:
    texts = [line.split("\t", 1)[-1] for line in body_lines(_notice(tmp_path).read_bytes())]
    office = [text for text in texts if "办公室主任" in text]
    assert office == ["联席会议下设办公室，李娜同志兼任办公室主任，负责联席会议日常工作。"]
    assert not any("设在" in text for text in texts)


def test_the_notice_imports_back_to_an_office_without_host(tmp_path: Path) -> None:
    notice = _notice(tmp_path)
    imported = import_source(read_source(notice))  # from its text alone, not its data
    assert imported.data["office"] == {"director": "李娜"}
    text = yaml.safe_dump(imported.data, allow_unicode=True, sort_keys=False)
    loaded = load_text(text, str(notice))
    assert loaded.document is not None
    report = check_document(loaded.document, [])
    assert report.model is not None
    assert [f.code for f in report.findings if f.severity == "error"] == []


def _host_changes(old: Path, new: Path) -> list[Change]:
    result = diff_files(old, new)
    assert result.changes is not None
    return [
        change
        for change in result.changes
        if isinstance(change.detail, FieldChange) and change.detail.field == "host"
    ]


def test_an_office_gaining_its_host_is_one_change(tmp_path: Path) -> None:
    (change,) = _host_changes(NO_HOST, _with_host(tmp_path))
    assert (change.kind, change.old_unit, change.unit) == ("office_changed", None, "县民政局")
    assert describe(change) == "办公室设在：（无） → 县民政局"
    assert describe(change, "en") == "office hosted by: (none) → 县民政局"


def test_an_office_losing_its_host_is_one_change(tmp_path: Path) -> None:
    (change,) = _host_changes(_with_host(tmp_path), NO_HOST)
    assert (change.old_unit, change.unit) == ("县民政局", None)
    assert describe(change) == "办公室设在：县民政局 → （无）"


def test_the_web_page_prints_the_office_without_she_zai(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    assert render_file(NO_HOST, ["web"], RenderOptions(), output=target).written
    page = target.read_text(encoding="utf-8")
    assert "<p>联席会议下设办公室。</p>" in page
    assert "设在" not in page
