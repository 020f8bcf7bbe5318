"""The change-kind registry (data/change_kinds.yaml) is complete: every kind it lists
has a section, a group and the code that says it in every output, and every output's
list is the registry's."""

from __future__ import annotations

import re

import pytest

from jmctl import change_list, diff_report, diff_report_en
from jmctl.change_kinds import adjustment_kinds, change_kinds, groups, sections
from jmctl.cli import DIFF_SECTIONS
from jmctl.diff import KINDS, Change
from jmctl.render.api import ADJUSTMENT_KINDS
from jmctl.resources import resource

KIND_KEYS = list(change_kinds())


@pytest.mark.parametrize("key", KIND_KEYS)
def test_every_kind_has_a_section_and_a_group(key: str) -> None:
    kind = change_kinds()[key]
    assert kind.section in sections()
    assert [group.key for group in groups() if key in group.kinds] == [kind.group]


@pytest.mark.parametrize("key", KIND_KEYS)
def test_every_kind_is_said_in_each_output(key: str) -> None:
    kind = change_kinds()[key]
    for language, describers in (("zh", diff_report.DESCRIBERS), ("en", diff_report_en.DESCRIBERS)):
        assert language in kind.text or kind.describer in describers, (key, language)
    assert kind.describer in change_list.ROWS, key


def test_the_outputs_list_the_registry() -> None:
    assert list(KINDS) == KIND_KEYS
    assert sections() == DIFF_SECTIONS
    assert set(diff_report.KIND_LABELS) == set(diff_report_en.KIND_LABELS) == set(KIND_KEYS)
    assert adjustment_kinds() == ADJUSTMENT_KINDS
    assert {"person_replaced", "unit_renamed"} <= ADJUSTMENT_KINDS
    assert "order_changed" not in ADJUSTMENT_KINDS


def test_each_adjustment_kind_has_its_macro() -> None:
    phrases = resource("templates", "phrases.j2").read_text("utf-8")
    macros = set(re.findall(r"macro adjust_(\w+)\(", phrases))
    assert adjustment_kinds() <= macros


def test_a_sentence_template_fills_the_change_fields() -> None:
    change = Change("unit_renamed", unit="县农业农村局", old_unit="县农业局")
    assert diff_report.describe(change) == "县农业局 → 县农业农村局"
    change = Change("post_changed", role="members", name="张三", post="副局长", old_post="局长")
    assert diff_report_en.describe(change) == "member: 张三, post 局长 → 副局长"
