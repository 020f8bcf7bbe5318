"""The four documents of running the meeting as a user meets them on the command line:
registered, in `render all`, named after their session, refused clearly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import session_docs
from jmctl.cli import cli
from jmctl.errors import JmctlError
from jmctl.render import api
from jmctl.render.name_cards import NobodyComes, name_cards
from jmctl.render.outline import Table
from jmctl.render.sign_in import sign_in
from jmctl.render_kinds import render_kinds

BAIHE = str(session_docs.BAIHE)
MEETING = "白河县社会救助工作联席会议"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1", "JMCTL_LANG": "zh"})


def test_the_kinds_are_registered_with_their_scope() -> None:
    kinds = render_kinds()
    assert [kinds[key].scope for key in ("session-notice", "sign-in", "name-cards")] == [
        "session"
    ] * 3
    assert kinds["decisions"].scope == "edition"
    assert kinds["name-cards"].zh == "桌签"


@pytest.mark.slow
def test_all_writes_the_session_documents_of_every_session(tmp_path: Path) -> None:
    result = _run("render", "all", BAIHE, "-d", str(tmp_path))
    assert result.exit_code == 0, result.output
    names = {path.name for path in tmp_path.iterdir()}
    for label in ("会议通知", "签到表", "桌签"):
        for held in ("2023年第1次全体会议", "2023年第1次联络员会议"):
            assert f"{MEETING}-{held}-{label}.docx" in names
    assert f"{MEETING}-议定事项督办表（2023年）.docx" in names


def test_an_ambiguous_session_is_refused_in_the_users_words(tmp_path: Path) -> None:
    result = _run("render", "sign-in", BAIHE, "--session", "1", "-d", str(tmp_path))
    assert result.exit_code == 1
    assert "“1”可指 2023-03-16 第1次全体会议、2023-06-20 第1次联络员会议" in result.stderr
    assert "Traceback" not in result.output and not any(tmp_path.iterdir())


def test_a_session_with_nobody_to_seat_has_no_name_cards() -> None:
    bare = dataclasses.replace(session_docs.model(), roster=None)
    liaison = dataclasses.replace(session_docs.session(session_docs.LIAISON), chair=None)
    with pytest.raises(NobodyComes, match="没有列出出席人员或主持人"):
        name_cards(api.Composer(bare, api.Phrases()), liaison)
    assert isinstance(NobodyComes("x"), JmctlError)  # reported, never a bug
    outline = sign_in(api.Composer(bare, api.Phrases()), liaison)
    (table,) = [block for block in outline.blocks if isinstance(block, Table)]
    assert len(table.rows) == 15 and table.rows[14] == ("15", "", "", "", "")  # to write in
