"""The document-kind registry (data/render_kinds.yaml) is the one list of what jmctl
renders: the renderer, the command line and the importer agree with it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.render import api
from jmctl.render_kinds import render_kind_keys, render_kinds
from jmctl.resources import data_file
from jmctl.validation import validate_file

CASES = Path(__file__).parent / "cases" / "valid"


def test_the_renderer_lists_the_registry() -> None:
    assert render_kind_keys() == api.KINDS
    assert api.KINDS[:4] == ("notice", "roster", "duties", "tasks")  # the edition's, first
    assert set(api._AVAILABLE) == set(render_kinds())
    # A web page is written from a template, not laid out as an outline.
    documents = {key for key, kind in render_kinds().items() if kind.writes == "docx"}
    assert set(api._OUTLINES) == documents


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
