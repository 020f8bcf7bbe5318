"""Which session `render --session` picks: by number, title or date; the latest by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from jmctl.model import JointMeeting
from jmctl.render.api import RenderOptions, default_name, render_file, session_of
from jmctl.render.session_choice import SessionChoiceError, choose_session
from jmctl.validation import validate_file

from conftest import EXAMPLES


@pytest.fixture(scope="module")
def baihe() -> JointMeeting:
    model = validate_file(EXAMPLES / "baihe-2023.yaml").model
    assert model is not None
    return model


def test_the_latest_session_by_default(baihe: JointMeeting) -> None:
    assert choose_session(baihe, None).title == "第1次联络员会议"


@pytest.mark.parametrize("wanted", ["第1次全体会议", "2023-03-16", " 2023-03-16 第1次全体会议 "])
def test_a_session_by_title_or_date(baihe: JointMeeting, wanted: str) -> None:
    chosen = choose_session(baihe, wanted)
    assert (chosen.title, chosen.date.isoformat()) == ("第1次全体会议", "2023-03-16")


def test_a_number_two_kinds_share_is_ambiguous(baihe: JointMeeting) -> None:
    with pytest.raises(SessionChoiceError, match=r"第1次全体会议.*第1次联络员会议"):
        choose_session(baihe, "1")


def test_an_unknown_session_lists_those_there_are(baihe: JointMeeting) -> None:
    with pytest.raises(SessionChoiceError, match=r"没有“第3次全体会议”.*2023-06-20 第1次联络员"):
        choose_session(baihe, "第3次全体会议")


def test_an_edition_document_has_no_session(baihe: JointMeeting) -> None:
    assert session_of(baihe, "notice", RenderOptions(session="第9次全体会议")) is None


def test_a_session_document_is_named_by_its_session(baihe: JointMeeting) -> None:
    session = choose_session(baihe, "2023-03-16")
    name = default_name(baihe, "roster", "docx", session)
    assert name.endswith("-2023年第1次全体会议-成员名单.docx")
    assert name.startswith(baihe.meeting.name)


@pytest.mark.slow
def test_render_all_writes_each_sessions_documents(tmp_path: Path) -> None:
    result = render_file(EXAMPLES / "baihe-2023.yaml", None, RenderOptions(), out_dir=tmp_path)
    assert result.error is None, result.findings
    minutes = sorted(path.name for path in result.outputs if path.name.endswith("会议纪要.docx"))
    assert [name.split("-")[1] for name in minutes] == [
        "2023年第1次全体会议",
        "2023年第1次联络员会议",
    ]
    chosen = render_file(
        EXAMPLES / "baihe-2023.yaml", None, RenderOptions(session="2023-03-16"), out_dir=tmp_path
    )
    assert [p.name for p in chosen.outputs if "联络员会议" in p.name] == []  # only the one named
