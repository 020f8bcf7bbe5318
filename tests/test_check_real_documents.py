"""`jmctl check` on real documents reports the documents' defects, not jmctl's misreadings.

Each test takes its lines from a real case of `tests/cases/import/dev/` (named in the
test) and holds one pattern jmctl once reported as a defect of the document.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.importing.checking import check_file

DEV = Path(__file__).parent / "cases" / "import" / "dev"


def _codes(path: Path) -> list[tuple[str, int]]:
    return [(f.code, f.mark.line) for f in check_file(path).findings]


def _culture_and_tourism() -> Rename:
    return next(rename for rename in builtin_renames() if "旅游局" in rename.old)


# JM501: the 2018 reform's names --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "市文化广电旅游局",  # n25-meizhou-binzang-lianxi.txt, line 30 (2021)
        "县文化体育和旅游局",
        "县文体旅游局",
        "县文化广电体育和旅游局",
        "市文化旅游广电局",
        "省旅游和文化广电体育厅",
    ],
)
def test_the_culture_and_tourism_bodies_the_reform_made_are_current(name: str) -> None:
    assert _culture_and_tourism().outdated_stem(name) is None


def test_an_old_stem_inside_a_longer_word_is_not_spliced_into_it() -> None:
    rename = _culture_and_tourism()
    # 体育旅游局 holds the old stem 旅游局: the new names replace the word after the place.
    assert rename.successors("县体育旅游局") == [
        "县文化和旅游局",
        "县文化广电和旅游局",
        "县文化广电旅游体育局",
    ]
    assert rename.successors("梅州市旅游局")[0] == "梅州市文化和旅游局"
    # the place is kept whole, and what follows the stem too
    health = next(rename for rename in builtin_renames() if "卫计局" in rename.old)
    assert health.successors("西安市高陵区卫计局城关分局") == ["西安市高陵区卫健局城关分局"]


def test_the_meizhou_notice_of_2021_names_its_culture_bureau_rightly() -> None:
    path = DEV / "n25-meizhou-binzang-lianxi.txt"
    assert "市文化广电旅游局" in path.read_text("utf-8")
    assert "JM501" not in {code for code, _ in _codes(path)}


def test_the_reform_reaches_each_level_on_its_own_day() -> None:
    land = next(rename for rename in builtin_renames() if "国土资源厅" in rename.old)
    # 10-guangdong-xinnengyuan-qiche-lianxi.txt: 省国土资源厅 on 2018-07-24, months before
    # the province's own reform; a ministry by then was already 自然资源部.
    assert not land.due(date(2018, 7, 24), "province")
    assert land.due(date(2018, 7, 24), "national")
    assert land.due(date(2019, 1, 1), "province")
    assert not land.due(date(2019, 3, 1), "county") and land.due(date(2019, 4, 1), "county")
    assert not land.due(date(2019, 3, 1), None)  # level unknown: the last day of all
    assert not land.due(date(2019, 3, 1), "township")


def test_a_provincial_notice_before_the_provinces_reform_keeps_its_names() -> None:
    path = DEV / "10-guangdong-xinnengyuan-qiche-lianxi.txt"
    assert "省国土资源厅" in path.read_text("utf-8")
    assert "JM501" not in {code for code, _ in _codes(path)}


def test_a_user_rename_file_may_date_each_level(tmp_path: Path) -> None:
    table = tmp_path / "renames.yaml"
    table.write_text(
        "- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n"
        "  variants: [督查办]\n  since: {county: 2016-07-01}\n",
        encoding="utf-8",
    )
    renames, problems = load_renames(table)
    assert problems == []
    assert renames[0].outdated_stem("县督查办") is None
    assert not renames[0].due(date(2016, 6, 30), "county")
    assert renames[0].due(date(2016, 7, 1), "county")


def test_a_user_rename_file_with_a_bad_day_is_reported(tmp_path: Path) -> None:
    table = tmp_path / "renames.yaml"
    table.write_text(
        "- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n  since: {county: soon}\n",
        encoding="utf-8",
    )
    renames, problems = load_renames(table)
    assert renames == [] and [f.code for f in problems] == ["JM106"]
