"""The did-you-mean search: difflib's answer, found without comparing every name, and a
bounded number of searches per file."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jmctl.rules.closest import MAX_SEARCHES, ClosestName
from jmctl.validation import validate_file

# Few characters, so that names share many and ties and near misses are common.
_NAME = st.text(alphabet="县市民政局财第一二三办公室", min_size=0, max_size=7)


@pytest.mark.slow
@given(names=st.lists(_NAME, max_size=40), word=_NAME)
@settings(max_examples=400, deadline=None)
def test_closest_is_what_difflib_finds(names: list[str], word: str) -> None:
    expected = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    assert ClosestName(names).closest(word) == (expected[0] if expected else None)


def test_a_real_misspelling_gets_the_declared_name() -> None:
    names = ["县民政局", "县财政局", "县人力资源和社会保障局", "县卫生健康局"]
    assert ClosestName(names).closest("县人力资源社会保障局") == "县人力资源和社会保障局"
    assert ClosestName(names).closest("省教育厅") is None


def test_searches_are_bounded_and_answers_remembered() -> None:
    closest = ClosestName([f"县第{i}局" for i in range(100)], searches=2)
    assert closest.closest("县第1扃") == "县第1局"
    assert closest.closest("县第2扃") == "县第2局"
    assert closest.closest("县第1扃") == "县第1局"  # asked before: no search spent
    assert closest.closest("县第3扃") is None  # the searches are spent


def test_validate_hints_only_the_first_unknown_units(tmp_path: Path) -> None:
    source = Path("examples/baihe-2023.yaml").read_text("utf-8")
    unknown = "".join(f"县第{i}扃, " for i in range(MAX_SEARCHES + 5))
    path = tmp_path / "many-unknown.yaml"
    path.write_text(source.replace("members: [", f"members: [{unknown}", 1), "utf-8")
    messages = [f.message("en") for f in validate_file(path).findings if f.code == "JM201"]
    assert len(messages) >= MAX_SEARCHES + 5
    assert sum("did you mean" in message for message in messages) <= MAX_SEARCHES
