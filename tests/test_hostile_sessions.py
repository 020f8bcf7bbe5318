"""Bounds of `sessions` (data/session_bounds.yaml): each at its bound passes and one over
it is a located finding (JM012 items, JM013 characters) that stops render before any
session document is laid out; `--session` is bounded before it is echoed."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from jmctl.cli import cli
from jmctl.names import MAX_NAME_BYTES
from jmctl.render.name_cards import MAX_CARD_CHARS
from jmctl.render.session_choice import MAX_WANTED
from jmctl.session_bounds import list_bound, text_bound
from jmctl.validation import validate_file

from conftest import EXAMPLES

BAIHE = yaml.safe_load((EXAMPLES / "baihe-2023.yaml").read_text("utf-8"))
BOUND_CODES = ("JM012", "JM013")


def _run(*args: object) -> Result:
    return CliRunner().invoke(
        cli, [str(arg) for arg in args], env={"NO_COLOR": "1", "JMCTL_LANG": "en"}
    )


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "data.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(text, "utf-8")
    return path


def _grown_list(steps: tuple[str, ...], count: int) -> dict[str, Any]:
    """The example with the list at `steps` (in its first session) grown to `count` items."""
    data = copy.deepcopy(BAIHE)
    if not steps:
        data["sessions"] = [copy.deepcopy(data["sessions"][0]) for _ in range(count)]
        return data
    owner = data["sessions"][0]
    if steps == ("decisions", "[]", "others"):
        owner = owner["decisions"][0]
    key = steps[-1]
    model = owner[key][0]
    owner[key] = [copy.deepcopy(model) for _ in range(count)]
    return data


def _long_text(steps: tuple[str, ...], length: int, char: str = "字") -> dict[str, Any]:
    """The example with the text at `steps` (its first item's) made `length` characters."""
    data = copy.deepcopy(BAIHE)
    owner: Any = data["sessions"][0]
    for step in steps[:-1]:
        owner = owner[0] if step == "[]" else owner.setdefault(step, {"name": "甲", "post": "乙"})
    owner[steps[-1]] = char * length
    return data


LISTS = [
    (),
    ("attendees",),
    ("invited",),
    ("agenda",),
    ("decisions",),
    ("decisions", "[]", "others"),
]
TEXTS = [
    ("place",),
    ("chair",),
    ("attendees", "[]", "person"),
    ("attendees", "[]", "substitute", "name"),
    ("attendees", "[]", "substitute", "post"),
    ("invited", "[]", "unit"),
    ("invited", "[]", "name"),
    ("invited", "[]", "post"),
    ("agenda", "[]", "text"),
    ("decisions", "[]", "text"),
    ("decisions", "[]", "progress"),
]


def _bound_findings(path: Path) -> list[Any]:
    return [f for f in validate_file(path).findings if f.code in BOUND_CODES]


@pytest.mark.parametrize("steps", LISTS, ids=lambda steps: ".".join(steps) or "sessions")
def test_a_list_at_its_bound_passes_and_one_more_is_a_located_finding(
    tmp_path: Path, steps: tuple[str, ...]
) -> None:
    limit = list_bound(steps)
    assert _bound_findings(_write(tmp_path, _grown_list(steps, limit))) == []
    path = _write(tmp_path, _grown_list(steps, limit + 1))
    [finding] = _bound_findings(path)
    assert finding.code == "JM012"
    line = path.read_text("utf-8").splitlines()[finding.mark.line - 1]
    assert (steps[-1] if steps else "sessions") in line or line.lstrip().startswith("-")
    assert f"{limit + 1:,} items, more than the bound of {limit:,}" in finding.message("en")
    assert f"超过上限 {limit:,} 项" in finding.message("zh")


@pytest.mark.parametrize("steps", TEXTS, ids=".".join)
def test_a_text_at_its_bound_passes_and_one_more_character_is_a_located_finding(
    tmp_path: Path, steps: tuple[str, ...]
) -> None:
    limit = text_bound(steps)
    assert _bound_findings(_write(tmp_path, _long_text(steps, limit))) == []
    path = _write(tmp_path, _long_text(steps, limit + 1))
    [finding] = _bound_findings(path)
    assert finding.code == "JM013"
    line = path.read_text("utf-8").splitlines()[finding.mark.line - 1]
    assert "字" * (limit + 1) in line  # located at the text itself
    assert f"more than the bound of {limit:,}" in finding.message("en")


@pytest.mark.parametrize(
    ("count", "code"),
    [
        (1_000, "JM012: 1,000 items"),
        pytest.param(100_000, "JM007", marks=pytest.mark.slow),
    ],  # 100,000 pass the loader's values
)
def test_many_attendees_are_refused_before_any_name_card_is_laid_out(
    tmp_path: Path, count: int, code: str
) -> None:
    path = _write(tmp_path, _grown_list(("attendees",), count))
    result = _run("render", "name-cards", path, "-d", tmp_path / "out")
    assert result.exit_code == 1, result.output
    number, _, words = code.partition(": ")
    assert number in result.output and words in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.slow
def test_a_decision_of_a_megabyte_is_refused_by_render(tmp_path: Path) -> None:
    path = _write(tmp_path, _long_text(("decisions", "[]", "text"), 1_000_000, "x"))  # 1 MB
    result = _run("render", "decisions", path, "-d", tmp_path / "out")
    assert result.exit_code == 1
    assert "JM013" in result.output and "1,000,000 characters" in result.output


@pytest.mark.parametrize("length", [MAX_WANTED, MAX_WANTED + 1, 1_000_000])
def test_a_session_value_is_bounded_before_it_is_echoed(tmp_path: Path, length: int) -> None:
    out = tmp_path / "out"
    result = _run(
        "render", "sign-in", EXAMPLES / "baihe-2023.yaml", "-d", out, "--session", "9" * length
    )
    assert result.exit_code == 1
    assert len(result.output) < 2_000  # the value is never echoed whole
    if length > MAX_WANTED:
        assert f"at most {MAX_WANTED} characters" in result.output
    else:
        assert "no session" in result.output


def test_a_session_document_of_a_300_character_meeting_keeps_its_session_in_a_short_name(
    tmp_path: Path,
) -> None:
    data = copy.deepcopy(BAIHE)
    data["meeting"]["name"] = "白河县" + "社会救助" * 75 + "工作联席会议"
    path = _write(tmp_path, data)
    result = _run(
        "render", "session-notice", path, "-d", tmp_path / "out", "--session", "2023-03-16"
    )
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "out").iterdir()
    assert len(written.name.encode("utf-8")) <= MAX_NAME_BYTES
    assert written.name.endswith("-2023年第1次全体会议-会议通知.docx"), written.name


@pytest.mark.parametrize("length", [MAX_CARD_CHARS, MAX_CARD_CHARS + 1, 100])
def test_a_name_card_too_long_to_read_is_refused(tmp_path: Path, length: int) -> None:
    """A roster name within the attendee's bound (100) but too long for a card: at 0 pt
    or a few points the card would be blank or unreadable."""
    data = copy.deepcopy(BAIHE)
    name = "王" * length
    data["roster"]["members"][0]["name"] = name
    data["sessions"][0]["attendees"] = [{"person": name}]
    path = _write(tmp_path, data)
    out = tmp_path / "out"
    result = _run("render", "name-cards", path, "-d", out, "--session", "2023-03-16")
    if length <= MAX_CARD_CHARS:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    assert f"{length:,} characters, at most {MAX_CARD_CHARS}" in result.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("kind", ["session-notice", "sign-in"])
def test_a_session_on_the_first_day_of_the_calendar_renders_without_internal_error(
    tmp_path: Path, kind: str
) -> None:
    """Found by bench/fuzz_sessions.py (seed 200929): the reply date, 3 days before
    0001-01-01, overflowed the calendar and ended as an internal error."""
    data = copy.deepcopy(BAIHE)
    data["sessions"] = [data["sessions"][0]]
    data["sessions"][0]["date"] = "0001-01-01"
    data["sessions"][0]["decisions"] = []
    path = _write(tmp_path, data)
    result = _run("render", kind, path, "-d", tmp_path / "out")
    assert result.exit_code in (0, 1), result.output
    assert "JM000" not in result.output and "internal error" not in result.output
