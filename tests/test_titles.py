"""Title breaking (GB/T 9704-2012 7.3.1): between words, trapezoid or diamond, bounded."""

from __future__ import annotations

from itertools import pairwise

import pytest

from jmctl.render.titles import (
    LANDSCAPE_TITLE_LINE_CHARS,
    MIN_LINE,
    TITLE_LINE_CHARS,
    break_costs,
    break_title,
    width_of,
)

TITLES = [
    ("关于建立独山县社会救助工作联席会议制度的通知", ["独山县"], TITLE_LINE_CHARS),
    (
        "福建省人民政府办公厅关于同意调整完善福建省社会救助工作联席会议制度的函",
        ["福建省", "福建省人民政府办公厅"],
        TITLE_LINE_CHARS,
    ),
    ("某某县特困人员供养服务机构管理工作联席会议重点任务分工方案", ["某某县"], TITLE_LINE_CHARS),
    (
        "关于建立某某市某某区农村留守儿童和困境儿童关爱保护与特困人员供养服务工作联席会议制度的通知",
        ["某某市", "某某区"],
        TITLE_LINE_CHARS,
    ),
    ("青山镇困难群众救助工作联席会议重点任务分工方案", ["青山镇"], 20),
    ("关于建立XX镇人民政府困难群众救助工作联席会议制度的通知", ["XX镇人民政府"], 20),
]


def _shape_ok(lengths: list[float]) -> bool:
    if all(a >= b for a, b in pairwise(lengths)):
        return True  # trapezoid
    peak = lengths.index(max(lengths))
    return (
        0 < peak < len(lengths) - 1
        and all(a <= b for a, b in pairwise(lengths[: peak + 1]))
        and all(a >= b for a, b in pairwise(lengths[peak:]))
    )


@pytest.mark.parametrize(("title", "names", "width"), TITLES)
def test_titles_break_between_words_into_a_trapezoid_or_diamond(
    title: str, names: list[str], width: int
) -> None:
    lines = break_title(title, names, width)
    assert "".join(lines) == title
    lengths = [width_of(line) for line in lines]
    assert max(lengths) <= width
    if len(lines) > 1:
        assert min(lengths) >= MIN_LINE
        assert _shape_ok(lengths)
        # no line wider than it needs: within a few characters of an even split
        assert max(lengths) - width_of(title) / len(lines) <= 5
        costs = break_costs(title, names)
        cuts = [len("".join(lines[: i + 1])) for i in range(len(lines) - 1)]
        assert all(cut in costs for cut in cuts)  # never inside a known word
    for name in names:  # the names themselves are never cut
        if name in title:
            assert any(name in line for line in lines)


def test_known_breaks_of_the_examples() -> None:
    assert break_title("关于建立独山县社会救助工作联席会议制度的通知", ["独山县"]) == [
        "关于建立独山县社会救助工作",
        "联席会议制度的通知",
    ]
    lines = break_title("某某县特困人员供养服务机构管理工作联席会议重点任务分工方案", ["某某县"])
    assert not any(line.endswith("供") for line in lines)
    assert break_title("关于建立联席会议制度的通知") == ["关于建立联席会议制度的通知"]


def test_no_break_next_to_brackets() -> None:
    title = "中共中央办公厅国务院办公厅印发〈关于改革完善社会救助制度的意见〉的通知"
    for line in break_title(title):
        assert not line.endswith("〈") and not line.startswith(("〉", "的通知"))


@pytest.mark.parametrize("repeat", [10, 300])
def test_long_titles_finish_and_keep_every_line_within_the_width(repeat: int) -> None:
    title = "关于建立" + "某某县社会救助" * repeat + "制度的通知"
    for width in (TITLE_LINE_CHARS, LANDSCAPE_TITLE_LINE_CHARS):
        lines = break_title(title, width=width)
        assert "".join(lines) == title
        assert all(MIN_LINE <= width_of(line) <= width for line in lines)


def test_text_no_list_knows_is_still_broken_within_the_width() -> None:
    title = "甲乙丙丁" * 30
    lines = break_title(title)
    assert "".join(lines) == title and all(len(line) <= TITLE_LINE_CHARS for line in lines)
