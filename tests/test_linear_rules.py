"""What the rules still report after the changes that keep their cost linear: a name
shared by many units, a count stated after 由, one unit declared twice."""

from __future__ import annotations

from pathlib import Path

from jmctl.validation import validate_file

EXAMPLE = Path("examples/baihe-2023.yaml")


def _file(tmp_path: Path, old: str, new: str) -> Path:
    text = EXAMPLE.read_text("utf-8")
    assert old in text
    path = tmp_path / "data.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def _messages(path: Path, code: str) -> list[str]:
    return [f.message("en") for f in validate_file(path).findings if f.code == code]


def test_a_name_shared_by_many_units_names_ten_and_counts_the_rest(tmp_path: Path) -> None:
    units = "".join(f"  - name: 白河县第{i}局\n    short: [成员局]\n" for i in range(30))
    path = _file(tmp_path, "units:\n", "units:\n" + units)
    path.write_text(path.read_text("utf-8").replace("members: [", "members: [成员局, ", 1))
    [message] = _messages(path, "JM202")
    assert "白河县第0局、白河县第1局" in message
    assert "白河县第9局 and 20 more" in message
    assert "白河县第10局" not in message


def test_a_name_shared_by_two_units_names_both(tmp_path: Path) -> None:
    path = _file(tmp_path, "short: [县财政局]", "short: [县财政局, 县民政局]")
    assert any("白河县民政局、白河县财政局" in m for m in _messages(path, "JM202"))


def test_a_unit_declared_twice_under_one_name_is_not_ambiguous(tmp_path: Path) -> None:
    twice = "  - name: 白河县民政局\n    short: [县民政局]\n"
    path = _file(tmp_path, "units:\n", "units:\n" + twice)
    assert _messages(path, "JM203")
    assert not _messages(path, "JM202")


def test_a_count_stated_after_many_you_is_still_found(tmp_path: Path) -> None:
    stated = "由" * 500 + "县民政局等12个部门组成"
    path = _file(tmp_path, "  functions:\n", f"  functions:\n    - {stated}\n")
    assert any("12" in message for message in _messages(path, "JM211"))


def test_a_count_of_more_than_400_digits_after_you_is_no_stated_count(tmp_path: Path) -> None:
    stated = "由" + "1" * 401 + "个部门组成"
    path = _file(tmp_path, "  functions:\n", f"  functions:\n    - {stated}\n")
    assert not _messages(path, "JM211")
    assert not _messages(path, "JM000")
