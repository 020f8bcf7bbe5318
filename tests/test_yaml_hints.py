"""YAML typing mistakes are named at their line and character, in both languages."""

from __future__ import annotations

import pytest

from jmctl.loading import load_text
from jmctl.validation import check_document
from jmctl.yaml_hints import line_mistake, mistakes

HEAD = "jmctl: 1\njurisdiction:\n"


def _first(text: str) -> tuple[int, int, str, str, str]:
    loaded = load_text(text, "x.yaml")
    findings = loaded.findings
    if loaded.document is not None:
        findings = check_document(loaded.document, []).findings
    # A file that still parses has schema findings too; the mistake is the one named here.
    (finding,) = [finding for finding in findings if finding.code.startswith("JM04")]
    return (
        finding.mark.line,
        finding.mark.column,
        finding.code,
        finding.message("zh"),
        finding.message("en"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEAD + "  name：独山县\n  level: county\n",
            (
                3,
                7,
                "JM041",
                "键“name”后面是全角冒号“：”（中文输入法），应改为半角冒号和一个空格“: ”",
            ),
        ),
        (
            HEAD + "  name: 独山县\n\u3000\u3000level: county\n",
            (4, 1, "JM042", "行首有全角空格（U+3000，中文输入法的空格）；缩进只能用半角空格"),
        ),
        (
            "jmctl: 1\nmembers:\n  — 县民政局\n  - 县财政局\n",
            (3, 3, "JM043", "列表项用了全角的“—”；列表项应以半角减号和一个空格“- ”开头"),
        ),
        (
            HEAD + "  name: 独山县\n\tlevel: county\n",
            (4, 1, "JM044", "行首有制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格"),
        ),
        (
            HEAD + "  name:独山县\n  level: county\n",
            (3, 7, "JM045", "键“name”的冒号后面缺少空格，应写作“name: ”"),
        ),
    ],
)
def test_a_mistake_is_named_where_it_was_made(text: str, expected: tuple) -> None:
    line, column, code, zh, english = _first(text)
    assert (line, column, code, zh) == expected
    assert english.isascii() or "：" in english or "—" in english


def test_a_list_item_with_a_full_width_space_after_the_dash() -> None:
    found = line_mistake("x.yaml", 5, "  -\u3000县民政局")
    assert found is not None and (found.code, found.mark.column) == ("JM042", 4)


def test_text_that_merely_holds_these_characters_is_not_a_mistake() -> None:
    lines = [
        "  - 主送：各乡镇人民政府",  # a Chinese value with a full-width colon
        "  title: 关于建立——的通知",
        "  preamble: |",
        "    　　为进一步加强……",  # inside a literal block? only flagged near an error
        "  time: 10:30",
        "  url: http://example.org",
        "  - http://example.org",  # not a key of the schema
        "  - 1：负责社会救助政策的组织实施。",
    ]
    assert [finding.mark.line for finding in mistakes("x.yaml", lines)] == [4]
    # …and a valid file with such a block loads without any finding.
    text = HEAD + "  name: 独山县\n  note: |\n    　　两个全角空格开头的段落\n"
    assert load_text(text).findings == []
