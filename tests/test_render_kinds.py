"""The document-kind registry (data/render_kinds.yaml) is the one list of what jmctl
renders: the renderer, the command line and the importer agree with it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import jmctl.render_kinds as registry_module
from jmctl.cli import cli
from jmctl.cli_help import help_entry
from jmctl.named_code import named_code
from jmctl.render import api
from jmctl.render.kind_code import has_data
from jmctl.render_kinds import KINDS_MARK, kinds_sentence, render_kind_keys, render_kinds
from jmctl.resources import data_file
from jmctl.validation import validate_file

from docx_reading import body_lines

CASES = Path(__file__).parent / "cases" / "valid"
EXAMPLES = Path(__file__).parents[1] / "examples"


def test_the_renderer_lists_the_registry() -> None:
    assert render_kind_keys() == api.KINDS
    assert api.KINDS[:4] == ("notice", "roster", "duties", "tasks")  # the edition's, first
    # Every kind's code is found, and is what its kind writes: an outline or a page.
    model = validate_file(EXAMPLES / "baihe-2023.yaml").model
    assert model is not None
    for kind in render_kinds().values():
        assert isinstance(has_data(model, kind.available), bool)
        assert callable(named_code(kind.layout))
    # The renderer keeps no table of its own keyed by kind.
    tables = [value for value in vars(api).values() if isinstance(value, dict)]
    assert not [table for table in tables if set(table) & set(render_kinds())]


def test_the_help_lists_the_registry_in_both_languages() -> None:
    for lang, opening in (("zh", "notice（"), ("en", "notice (")):
        sentence = kinds_sentence(lang)
        assert sentence.startswith(opening)
        for key, kind in render_kinds().items():
            assert key in sentence and (kind.help_zh or kind.zh) in kinds_sentence("zh")
    text = help_entry("render")
    assert text is not None and KINDS_MARK not in text["zh"]["text"]
    assert kinds_sentence("zh") in text["zh"]["text"]
    assert kinds_sentence("en") in text["en"]["text"]


ATTENDANCE_LAYOUT = """
from jmctl.render import styles
from jmctl.render.outline import Outline, para


def attendance(composer, options, session):
    outline = Outline("出勤统计表", date=session.date)
    outline.add(para(styles.TITLE, f"{session.title}出勤统计表"))
    for person in session.attendees:
        outline.add(para(styles.BODY, f"{person.person}  {'请假' if person.absent else '出席'}"))
    return outline
"""

ATTENDANCE_ENTRY = """
  attendance:
    zh: 出勤统计表
    en: attendance
    needs: sessions（会议）
    scope: session
    available: sessions
    layout: attendance_layout:attendance
"""


def test_a_new_kind_is_its_registry_entry_and_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A throw-away kind from a registry of its own and a module of its own: nothing
    # else of jmctl is told about it, yet it is listed, available and rendered.
    registry = tmp_path / "render_kinds.yaml"
    real = data_file("render_kinds.yaml").read_text("utf-8")
    registry.write_text(real.rstrip("\n") + "\n" + ATTENDANCE_ENTRY, "utf-8")
    (tmp_path / "attendance_layout.py").write_text(ATTENDANCE_LAYOUT, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry_module, "data_file", lambda name: registry)
    render_kinds.cache_clear()
    try:
        source = EXAMPLES / "baihe-2023.yaml"
        model = validate_file(source).model
        assert model is not None and "attendance" in api.available_kinds(model)
        assert "attendance（出勤统计表）" in kinds_sentence("zh")
        session = next(held for held in model.sessions if held.attendees)
        options = api.RenderOptions(session=session.title)
        result = api.render_file(source, ["attendance"], options, out_dir=tmp_path)
        assert not result.failed(), result
        (written,) = result.written
        assert written.name.endswith(f"{session.title}-出勤统计表.docx")
        lines = body_lines(written.read_bytes())
        assert f"JM Title\t{session.title}出勤统计表" in lines
        first = session.attendees[0]
        assert f"Normal\t{first.person}  {'请假' if first.absent else '出席'}" in lines
    finally:
        render_kinds.cache_clear()


def test_the_command_line_offers_the_registry() -> None:
    result = CliRunner().invoke(cli, ["render", "--help"])
    assert result.exit_code == 0
    bad = CliRunner().invoke(cli, ["render", "memo", str(next(CASES.glob("*.yaml")))])
    assert bad.exit_code == 2
    for key in (*render_kind_keys(), "all"):
        assert key in bad.output


def test_every_kind_the_importer_recognises_is_rendered() -> None:
    words = yaml.safe_load(data_file("import_words.yaml").read_text("utf-8"))
    # 制度 (rules) is part of a notice, never a document jmctl renders alone.
    assert set(words["standalone"].values()) - {"rules"} <= set(render_kinds())


def test_a_file_with_nothing_to_print_says_what_each_kind_needs() -> None:
    report = validate_file(CASES / "minimal.yaml")
    assert report.model is not None
    bare = dataclasses.replace(
        report.model, members=[], roster=None, duties=[], tasks=[], notice=None
    )
    assert api.available_kinds(bare) == []
    for kind in render_kind_keys():
        with pytest.raises(api.RenderError) as raised:
            api.outline(bare, kind, api.RenderOptions())
        assert f"数据中没有 {render_kinds()[kind].needs}" in str(raised.value)
