"""The publication rules (JM330–JM333): what the web page should not publish. One
invalid case per code is in tests/cases/invalid; these are the edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

PUBLIC = CASES / "web" / "public-leading-group.yaml"


def _codes(tmp_path: Path, source: Path, old: str, new: str) -> list[str]:
    text = source.read_text("utf-8")
    assert old in text
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), "utf-8")
    return [finding.code for finding in validate_file(path).findings]


@pytest.mark.parametrize(
    "contact",
    [
        "0599-8123456",  # a landline
        "059913912345678",  # not a mobile: digits run on before it
        "139123456789",  # twelve digits: no mobile number
        "12345678901",  # 12x is no mobile prefix
    ],
)
def test_a_landline_is_no_mobile(tmp_path: Path, contact: str) -> None:
    codes = _codes(
        tmp_path, PUBLIC, "0599-8123456（市民政局社会救助科），青溪市人民路18号", contact
    )
    assert "JM333" not in codes


def test_a_mobile_anywhere_in_the_contact_is_found(tmp_path: Path) -> None:
    codes = _codes(tmp_path, PUBLIC, "0599-8123456（", "0599-8123456，手机18900001111（")
    assert codes.count("JM333") == 1


@pytest.mark.parametrize(
    ("disclosure", "warned"),
    [
        ("此件公开发布", False),
        ("此件主动公开", False),
        ("此件不予公开", True),
        ("此件不公开", True),
    ],
)
def test_names_are_withheld_by_the_notice_s_disclosure(
    tmp_path: Path, disclosure: str, warned: bool
) -> None:
    codes = _codes(tmp_path, PUBLIC, "disclosure: 此件公开发布", f"disclosure: {disclosure}")
    assert ("JM330" in codes) is warned


def test_without_publish_nothing_is_said(tmp_path: Path) -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        codes = [finding.code for finding in validate_file(example).findings]
        assert not {"JM330", "JM331", "JM332", "JM333"} & set(codes), example.name
