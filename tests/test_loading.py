"""The loader: positions, text-preserving scalars, encodings, limits."""

from __future__ import annotations

from pathlib import Path

from jmctl.findings import Mark
from jmctl.loading import MAX_BYTES, load_bytes, load_file, load_text


def test_every_value_and_key_keeps_its_position() -> None:
    document = load_text("a:\n  b: [x, 独山县]\n  c: 2\n").document
    assert document is not None
    assert document.locate(("a", "b", 1)) == Mark(2, 10)
    assert document.locate_key(("a", "c")) == Mark(3, 3)
    assert document.locate(("a", "c")) == Mark(3, 6)


def test_locate_falls_back_to_the_nearest_ancestor() -> None:
    document = load_text("a:\n  b: 1\n").document
    assert document is not None
    assert document.locate(("a", "missing", 3)) == Mark(2, 3)


def test_character_positions_inside_plain_and_quoted_scalars() -> None:
    document = load_text("a: 一二三\nb: '一二三'\nc: >-\n  一二三\n").document
    assert document is not None
    assert document.locate_char(("a",), 2) == Mark(1, 6)
    assert document.locate_char(("b",), 2) == Mark(2, 7)
    # A folded scalar does not map characters onto one line: its start is given.
    assert document.locate_char(("c",), 2) == Mark(3, 4)


def test_dates_and_keys_stay_text_while_numbers_and_booleans_are_typed() -> None:
    document = load_text("date: 2017-02-23\nbad: 2021-02-30\nno: 5\nflag: true\nn: 110\n").document
    assert document is not None
    assert document.data == {
        "date": "2017-02-23",
        "bad": "2021-02-30",
        "no": 5,
        "flag": True,
        "n": 110,
    }


def test_utf8_bom_is_read_without_a_finding() -> None:
    loaded = load_bytes("\ufeffname: 独山县\n".encode(), "bom.yaml")
    assert loaded.findings == []
    assert loaded.document is not None and loaded.document.data == {"name": "独山县"}


def test_gb18030_is_read_with_a_warning() -> None:
    loaded = load_bytes("name: 独山县\n".encode("gb18030"), "gbk.yaml")
    assert [f.code for f in loaded.findings] == ["JM003"]
    assert loaded.document is not None and loaded.document.data == {"name": "独山县"}


def test_a_file_over_the_size_limit_is_refused_without_parsing() -> None:
    raw = b"a: " + b"x" * (MAX_BYTES + 10)
    loaded = load_bytes(raw, "huge.yaml")
    assert loaded.document is None
    assert [f.code for f in loaded.findings] == ["JM007"]


def test_load_file_reads_no_more_than_the_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(MAX_BYTES * 4)  # sparse: costs no disk
    assert [f.code for f in load_file(huge).findings] == ["JM007"]


def test_an_unreadable_path_is_a_finding_not_an_exception(tmp_path: Path) -> None:
    loaded = load_file(tmp_path)  # a folder cannot be read as a file
    assert loaded.document is None
    assert [f.code for f in loaded.findings] == ["JM001"]


def test_merge_keys_do_not_count_as_duplicates() -> None:
    document = load_text("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n").document
    assert document is not None
    assert document.data["c"] == {"x": 1, "y": 3}


def test_a_mapping_used_as_a_key_is_refused() -> None:
    loaded = load_text("? {a: 1}\n: 2\n")
    assert [f.code for f in loaded.findings] == ["JM004"]


def test_an_alias_bomb_is_refused_with_bounded_memory() -> None:
    import tracemalloc

    from conftest import CASES

    raw = (CASES / "invalid" / "jm007-alias-bomb.yaml").read_bytes()
    tracemalloc.start()
    loaded = load_bytes(raw, "bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [f.code for f in loaded.findings] == ["JM007"]
    assert peak < 64 * 1024 * 1024  # the expansion would be 387 million values
