"""The change-kind registry (data/change_kinds.yaml) is complete: every kind it lists
has a section, a group, a detail type, the sentences and the code that say it in every
output, and every output's list is the registry's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

import jmctl.change_kinds as change_kinds_module
from jmctl import change_list, yearly
from jmctl.change import Change
from jmctl.change_details import Detail, OrderChange
from jmctl.change_kinds import (
    ONE_SENTENCE,
    adjustment_kinds,
    change_kinds,
    draft_kinds,
    groups,
    sections,
)
from jmctl.change_words import LANGUAGES, describe, words_in
from jmctl.cli import DIFF_SECTIONS
from jmctl.diff import KINDS
from jmctl.diff_files import diff_files
from jmctl.named_code import named_code
from jmctl.render.api import ADJUSTMENT_KINDS
from jmctl.resources import data_file, resource

from conftest import CASES, EXAMPLES

KIND_KEYS = list(change_kinds())


@pytest.mark.parametrize("key", KIND_KEYS)
def test_every_kind_has_a_section_and_a_group(key: str) -> None:
    kind = change_kinds()[key]
    assert kind.section in sections()
    assert [group.key for group in groups() if key in group.kinds] == [kind.group]


@pytest.mark.parametrize("key", KIND_KEYS)
def test_every_kind_is_said_in_each_output(key: str) -> None:
    kind = change_kinds()[key]
    for name, sentence in kind.text.items():
        assert set(sentence) == set(LANGUAGES), (key, name)
    # One sentence of the change's own fields needs no code; more need code to choose.
    assert kind.says is not None or set(kind.text) == {ONE_SENTENCE}, key
    assert kind.says is None or callable(named_code(kind.says)), key
    assert callable(named_code(kind.cells)), key
    assert kind.detail is None or issubclass(named_code(kind.detail), get_args(Detail)), key


def test_each_language_has_the_same_words() -> None:
    tables = [set(words_in(language).table) for language in LANGUAGES]
    assert all(table == tables[0] for table in tables)


def test_the_outputs_list_the_registry() -> None:
    assert list(KINDS) == KIND_KEYS
    assert sections() == DIFF_SECTIONS
    assert adjustment_kinds() == ADJUSTMENT_KINDS
    assert {"person_replaced", "unit_renamed"} <= ADJUSTMENT_KINDS
    assert "order_changed" not in ADJUSTMENT_KINDS
    assert set(draft_kinds()) == ADJUSTMENT_KINDS
    assert draft_kinds()[:3] == ("unit_renamed", "unit_added", "unit_removed")


def test_each_adjustment_kind_has_its_macro() -> None:
    phrases = resource("templates", "phrases.j2").read_text("utf-8")
    macros = set(re.findall(r"macro adjust_(\w+)\(", phrases))
    assert adjustment_kinds() <= macros


def test_a_sentence_template_fills_the_change_fields() -> None:
    change = Change("unit_renamed", unit="县农业农村局", old_unit="县农业局")
    assert describe(change) == "县农业局 → 县农业农村局"
    change = Change("post_changed", role="members", name="张三", post="副局长", old_post="局长")
    assert describe(change, "en") == "member: 张三, post 局长 → 副局长"
    change = Change("order_changed", role="members", name="县财政局", detail=OrderChange(3, 1))
    assert describe(change) == "成员单位：县财政局 由第 3 位调至第 1 位"
    assert describe(change, "en") == "member units: 县财政局 moved from position 3 to 1"


PAIRS = [
    (EXAMPLES / "dushan-2017.yaml", CASES / "diff" / "dushan-2019.yaml"),
    (EXAMPLES / "dushan-2017.yaml", EXAMPLES / "fujian-2020.yaml"),
    (EXAMPLES / "baihe-2023.yaml", EXAMPLES / "qingshan-2022.yaml"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda path: path.stem)
def test_every_change_carries_the_detail_its_kind_names(old: Path, new: Path) -> None:
    changes = diff_files(old, new).changes
    assert changes
    for change in changes:
        shape = change_kinds()[change.kind].detail
        if shape is None:
            assert change.detail is None, change
        elif change.detail is not None:  # a unit without duties carries none
            assert isinstance(change.detail, named_code(shape)), change
        # Every sentence's fields were filled, in both languages.
        for language in LANGUAGES:
            said = describe(change, language)
            assert said and "None" not in said, (change, said)


def test_the_draft_follows_each_unit_with_its_people() -> None:
    changes = [
        Change("person_added", role="members", name="王五", unit="县应急局"),
        Change("post_changed", role="members", name="张三", post="副局长", old_post="局长"),
        Change("unit_added", unit="县应急局"),
        Change("unit_renamed", unit="县农业农村局", old_unit="县农业局"),
        Change("order_changed", role="members", name="县财政局", detail=OrderChange(3, 1)),
    ]
    assert [c.kind for c in yearly.draft_order(changes)] == [
        "unit_renamed",
        "unit_added",
        "person_added",
        "post_changed",
    ]


LEADER_MODULE = """
def say_leader_moved(change, words, colour):
    return ("abroad" if change.unit == "外交部" else "home"), {"where": change.unit}


def cells_leader_moved(change):
    return change.old_unit, change.unit, change.name
"""

LEADER_ENTRY = """
  leader_moved:
    section: roster
    group: people
    zh: 负责人调动
    en: leaders moved
    text:
      home: {zh: "{name} 调往 {where}", en: "{name} moved to {where}"}
      abroad: {zh: "{name} 出国", en: "{name} went abroad"}
    says: leader_moved_code:say_leader_moved
    cells: leader_moved_code:cells_leader_moved
"""


def test_a_new_change_kind_is_its_registry_entry_and_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A throw-away kind from a registry of its own and a module of its own: the report's
    # sentence and the change list's row come from them, nothing else is told.
    registry = tmp_path / "change_kinds.yaml"
    real = data_file("change_kinds.yaml").read_text("utf-8")
    registry.write_text(real.rstrip("\n") + "\n" + LEADER_ENTRY, "utf-8")
    (tmp_path / "leader_moved_code.py").write_text(LEADER_MODULE, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(change_kinds_module, "data_file", lambda name: registry)
    caches = (change_kinds_module._registry, change_kinds, change_kinds_module.groups)
    for cached in caches:
        cached.cache_clear()
    try:
        change = Change("leader_moved", name="张三", unit="水利局", old_unit="财政局")
        assert change.section == "roster"
        assert describe(change, "zh") == "张三 调往 水利局"
        assert describe(change, "en") == "张三 moved to 水利局"
        assert change_list.change_rows([change]) == [("负责人调动", "财政局", "水利局", "张三")]
    finally:
        for cached in caches:
            cached.cache_clear()
