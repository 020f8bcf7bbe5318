"""Wordings the eighth round fixed (each taken from a document of tests/cases/import/dev,
shortened), and the look-back searches that now start where their verb occurs."""

from __future__ import annotations

import re

from jmctl.importing.anchored import search_near
from jmctl.importing.facts import convenors_in, office_in
from jmctl.importing.result import OfficeFound
from jmctl.importing.units import unit_list

LOOK_BACK = re.compile(r"([^，]{2,60}?)兼任主任")
VERB = re.compile(r"兼任主任")


def test_a_look_back_from_its_verb_finds_what_a_whole_search_finds() -> None:
    units = "、".join(["县民政局"] * 30)
    for text in ("由县民政局局长兼任主任", units + "，由县民政局局长兼任主任", units + "兼任主任"):
        near, whole = search_near(LOOK_BACK, VERB, text, 60), LOOK_BACK.search(text)
        assert near is not None and whole is not None and near.span() == whole.span()
    assert search_near(LOOK_BACK, VERB, units, 60) is None


def test_convenors_and_director_are_read_after_a_long_list() -> None:
    units = "、".join(f"县{n}局" for n in "甲乙丙丁戊己庚辛壬癸" * 20)
    text = f"成员单位有{units}。县长为总召集人，办公室主任由县民政局局长兼任。"
    assert [(p.role, p.post) for p in convenors_in(text, 1)] == [("chief_convenors", "县长")]
    office = OfficeFound()
    assert office_in(text, 1, office) and office.director_post == "县民政局局长"


def test_a_unit_named_for_the_capital_takes_no_shared_prefix() -> None:
    # n124: 北京市's list, 首都综治办 among the 市 bureaus
    listed = "市民政局、首都综治办、市委宣传部、市发展改革委"
    assert unit_list(listed) == ["市民政局", "首都综治办", "市委宣传部", "市发展改革委"]
