"""`jmctl diff`: what changed between editions, and nothing that did not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmctl import cli as cli_module
from jmctl.change import Change
from jmctl.change_details import ListChange, OrderChange, Reworded, RoleChange
from jmctl.cli import cli
from jmctl.diff import SECTIONS
from jmctl.diff_files import diff_files
from jmctl.diff_texts import char_diff

from conftest import CASES, EXAMPLES, first_fast
from docx_reading import body_lines

OLD = EXAMPLES / "dushan-2017.yaml"
NEW = CASES / "diff" / "dushan-2019.yaml"


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), env={"NO_COLOR": "1", "JMCTL_LANG": "zh"})


def _changes(old: Path, new: Path, **kwargs: object) -> list[Change]:
    result = diff_files(old, new, **kwargs)  # type: ignore[arg-type]
    assert result.changes is not None, [f.message() for f in result.new_findings]
    return result.changes


def _edited(tmp_path: Path, source: Path, *edits: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"edited-{source.name}"
    path.write_text(text, encoding="utf-8")
    return path


def test_identical_editions_have_no_changes_and_exit_0() -> None:
    result = _run("diff", str(OLD), str(OLD))
    assert result.exit_code == 0
    assert result.stdout == "两个版本相同，没有变动\n"


def test_the_2019_edition_reports_exactly_what_changed() -> None:
    changes = _changes(OLD, NEW, ignore=["notice"])
    found = sorted((c.kind, c.name or c.unit or "") for c in changes)
    assert found == [
        ("duties_changed", "县财政局"),
        ("order_changed", "县公安局"),
        ("person_added", "潘月华"),
        ("person_removed", "蒙国元"),
        ("person_replaced", "韦国栋"),
        ("post_changed", "华磊"),
        ("unit_added", "县医疗保障局"),
        ("unit_removed", "县扶贫开发局"),
        ("unit_renamed", "县卫生健康局"),
    ]


def test_a_reform_rename_with_the_same_person_is_one_change() -> None:
    changes = _changes(OLD, NEW)
    touching = [c for c in changes if "卫" in json.dumps(c.to_json(), ensure_ascii=False)]
    assert [c.kind for c in touching] == ["unit_renamed"]
    (rename,) = touching
    assert (rename.old_unit, rename.unit, rename.old_line, rename.new_line) == (
        "县卫生和计划生育局",
        "县卫生健康局",
        48,
        47,
    )


def test_json_fields_of_a_replacement_in_the_chief_convenors_post() -> None:
    result = _run("diff", "--format", "json", "--ignore", "notice", str(OLD), str(NEW))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    replaced = [c for c in payload["changes"] if c["kind"] == "person_replaced"]
    assert replaced == [
        {
            "kind": "person_replaced",
            "role": "chief_convenors",
            "unit": "县人民政府",
            "old_unit": "县人民政府",
            "name": "韦国栋",
            "old_name": "曾纪泽",
            "post": "县人民政府副县长、县水务局局长",
            "old_post": "县人民政府副县长、县水务局局长",
            "old_line": 89,
            "new_line": 89,
        }
    ]
    assert payload["counts"]["unit_renamed"] == 1
    removed = next(c for c in payload["changes"] if c["kind"] == "unit_removed")
    assert removed["detail"]["duties"][0].startswith("负责全县扶贫开发的调查研究")


def test_a_reworded_and_an_inserted_duty_item_with_a_character_diff() -> None:
    (duties,) = [c for c in _changes(OLD, NEW) if c.kind == "duties_changed"]
    assert duties.detail == ListChange(
        added=("会同有关部门对社会救助资金使用情况开展绩效评价。",),
        reworded=(
            Reworded(
                "协调做好社会救助资金和工作经费的筹集、拨付等工作。",
                "协调做好社会救助资金和工作经费的筹集、拨付、监管等工作。",
                (
                    ("=", "协调做好社会救助资金和工作经费的筹集、拨付"),
                    ("+", "、监管"),
                    ("=", "等工作。"),
                ),
            ),
        ),
    )
    assert duties.to_json()["detail"] == {
        "added": ["会同有关部门对社会救助资金使用情况开展绩效评价。"],
        "reworded": [
            {
                "old": "协调做好社会救助资金和工作经费的筹集、拨付等工作。",
                "new": "协调做好社会救助资金和工作经费的筹集、拨付、监管等工作。",
                "diff": [
                    ["=", "协调做好社会救助资金和工作经费的筹集、拨付"],
                    ["+", "、监管"],
                    ["=", "等工作。"],
                ],
            }
        ],
    }


def test_a_move_is_reported_once_not_as_a_shift_of_everyone_after_it(tmp_path: Path) -> None:
    moved = _edited(
        tmp_path,
        OLD,
        ("    - {name: 刘陆初, unit: 县公安局, post: 常务副局长}\n", ""),
        (
            "    - {name: 徐明忠, unit: 县社会保障局, post: 副局长}\n",
            "    - {name: 徐明忠, unit: 县社会保障局, post: 副局长}\n"
            "    - {name: 刘陆初, unit: 县公安局, post: 常务副局长}\n",
        ),
    )
    changes = _changes(OLD, moved)
    assert [(c.kind, c.name, c.detail) for c in changes] == [
        ("order_changed", "刘陆初", OrderChange(old_position=2, new_position=15))
    ]


def test_a_member_who_becomes_convenor_is_a_role_change(tmp_path: Path) -> None:
    promoted = _edited(
        tmp_path,
        OLD,
        ("    - {name: 李勤云, unit: 县民政局, post: 社会救助局局长}\n", ""),
        (
            "    - {name: 赵克冰, unit: 县民政局, post: 局长}\n",
            "    - {name: 赵克冰, unit: 县民政局, post: 局长}\n"
            "    - {name: 李 勤云, unit: 县民政局, post: 社会救助局局长}\n",
        ),
    )
    changes = _changes(OLD, promoted)
    (role,) = [c for c in changes if c.kind == "role_changed"]
    assert (role.name, role.role, role.detail) == ("李 勤云", "convenors", RoleChange("members"))
    assert {c.kind for c in changes} == {"role_changed"}  # padding is no change of name


def test_text_output_is_grouped_in_chinese_and_plain_when_piped() -> None:
    result = _run("diff", str(OLD), str(NEW))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("共 14 处变动：新增单位 1，减少单位 1，单位更名 1，")
    assert "人员变动" in lines and "单位变动" in lines and "职责变动" in lines
    assert (
        "  总召集人：曾纪泽 → 韦国栋（县人民政府副县长、县水务局局长）（原第 89 行，现第 89 行）"
        in (lines)
    )
    assert "\033[" not in result.stdout


def test_markdown_is_a_table(tmp_path: Path) -> None:
    result = _run("diff", "--format", "md", "--ignore", "notice", str(OLD), str(NEW))
    lines = result.stdout.splitlines()
    assert lines[2] == "| 类别 | 原 | 现 | 说明 |"
    assert "| 单位更名 | 县卫生和计划生育局 | 县卫生健康局 |  |" in lines
    assert "| 职务变动 | 县教育局副局长 | 县教育局局长 | 华磊，成员 |" in lines
    assert "[" not in result.stdout and "行" not in result.stdout


def test_invalid_input_is_located_and_exits_2() -> None:
    broken = CASES / "invalid" / "jm204-member-twice.yaml"
    result = _run("diff", str(OLD), str(broken))
    assert result.exit_code == 2
    assert f"{broken}:19:29: error JM204" in result.stderr


def test_draft_adjustment_notice(tmp_path: Path) -> None:
    target = tmp_path / "调整通知.docx"
    result = _run("diff", str(OLD), str(NEW), "--draft", "-o", str(target))
    assert result.exit_code == 0  # the draft was written
    lines = body_lines(target.read_bytes())
    assert "JM Title\t关于调整独山县社会救助工作⏎联席会议成员的通知" in lines
    assert (
        "Normal\t6.县人民政府副县长、县水务局局长曾纪泽同志因工作变动不再担任总召集人，"
        "由韦国栋同志担任。"
    ) in lines
    # Units first, each new unit followed by the people it brings.
    assert "Normal\t1.县卫生和计划生育局更名为县卫生健康局，其成员和职责不变。" in lines
    assert "Normal\t2.增加县医疗保障局为成员单位。" in lines
    assert "Normal\t3.增补县医疗保障局副局长潘月华同志为成员。" in lines
    assert "Normal\t5.县扶贫开发局副局长蒙国元同志不再担任成员。" in lines
    assert "JM Roster\t成员：莫有良\u3000县突发公共事件应急办专职副主任" in lines
    assert _run("diff", str(OLD), str(NEW), "--draft").exit_code == 2


def test_char_diff_pieces_rebuild_both_sides() -> None:
    pieces = char_diff("县卫生和计划生育局", "县卫生健康局")
    assert "".join(t for op, t in pieces if op != "+") == "县卫生和计划生育局"
    assert "".join(t for op, t in pieces if op != "-") == "县卫生健康局"


def test_cli_sections_match_the_differ() -> None:
    assert cli_module.DIFF_SECTIONS == SECTIONS


def _changed_in_every_section(tmp_path: Path) -> Path:
    """The 2019 edition, changed besides in the sections it leaves alone: office, tasks,
    meeting, sessions."""
    return _edited(
        tmp_path,
        NEW,
        ("联席会议原则上每半年召开一次例会", "联席会议原则上每季度召开一次例会"),
        (
            "    - 负责联席会议事项相关材料的收集、整理、审核等工作。\n",
            "    - 负责联席会议事项相关材料的收集、整理、审核、归档等工作。\n",
        ),
        (
            "\nnotice:\n",
            "\ntasks:\n  - task: 开展社会救助资金专项检查\n"
            "    measures: 对各镇社会救助资金的拨付和使用情况逐项检查。\n"
            "    units: [县财政局, 县民政局]\n    deadline: 2019年底前\n\nnotice:\n",
        ),
        (
            "\nnotice:\n",
            "\nsessions:\n  - kind: 全体会议\n    number: 1\n    date: 2019-06-10\n"
            "    place: 县政府会议室\n    chair: 韦国栋\n"
            "    decisions:\n      - text: 完成低保对象动态排查。\n        lead: 县民政局\n"
            "        status: 推进中\n\nnotice:\n",
        ),
        ("\nnotice:\n", "\npublish:\n  roster: true\n\nnotice:\n"),
    )


@pytest.mark.parametrize("section", first_fast(SECTIONS))
def test_ignore_leaves_out_that_section_and_nothing_else(section: str, tmp_path: Path) -> None:
    new = _changed_in_every_section(tmp_path)
    everything = _changes(OLD, new)
    assert {change.section for change in everything} == set(SECTIONS)  # each one can be left out
    kept = _changes(OLD, new, ignore=[section])
    expected = [change for change in everything if change.section != section]
    assert [c.to_json() for c in kept] == [c.to_json() for c in expected]
    assert len(kept) < len(everything)


def test_an_edition_compared_with_itself_has_no_change_even_with_a_name_only_entry(
    tmp_path: Path,
) -> None:
    # An imported roster may name a person and nothing else: no unit, no post.
    edition = _edited(
        tmp_path,
        OLD,
        (
            "    - {name: 杨承书, unit: 县住房和城乡建设局, post: 副局长、县人防办主任}\n",
            "    - {name: 杨承书}\n",
        ),
    )
    assert _changes(edition, edition) == []


def test_an_edition_that_starts_publishing_the_names_says_so(tmp_path: Path) -> None:
    new = _edited(tmp_path, OLD, ("\nnotice:\n", "\npublish:\n  roster: true\n\nnotice:\n"))
    changes = _changes(OLD, new)
    assert [(c.kind, c.section) for c in changes] == [("publish_changed", "publish")]
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(new)])
    assert result.exit_code == 1
    assert "公开范围变动" in result.output and "公布姓名：（无） → 是" in result.output
