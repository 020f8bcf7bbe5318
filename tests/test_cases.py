"""The case corpus: every valid file passes, every invalid file gives exactly what it states."""

from __future__ import annotations

from pathlib import Path

import pytest

from jmctl.catalogue import CODES
from jmctl.validation import validate_file

from conftest import CASES, expectations

VALID = sorted((CASES / "valid").glob("*.yaml"))
INVALID = sorted((CASES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_case_has_no_findings(path: Path) -> None:
    report = validate_file(path)
    assert [f"{f.code}@{f.mark.line}: {f.message()}" for f in report.findings] == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_case_gives_exactly_its_stated_findings(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no expectation"
    report = validate_file(path)
    found = sorted((finding.code, finding.mark.line) for finding in report.findings)
    assert found == expected


def test_every_code_but_internal_ones_has_an_invalid_case() -> None:
    covered = {code for path in INVALID for code, _ in expectations(path)}
    # JM000 is a bug, JM001 an unreadable path, JM106 a broken rename table: each has
    # its own test, since none can be a case file. JM6xx are jmctl check's (test_import).
    # JM7xx are workbooks' (test_workbook); JM214, JM215 and JM305 compare with the
    # previous edition (test_editions). JM9xx are render's: user templates and outputs
    # (test_hostile).
    data_codes = {code for code in CODES if not code.startswith(("JM6", "JM7", "JM9"))}
    data_codes -= {"JM214", "JM215", "JM305"}
    assert data_codes - covered == {"JM000", "JM001", "JM106"}


def test_case_names_start_with_the_code_they_test() -> None:
    for path in INVALID:
        code = path.stem.split("-", 1)[0].upper()
        assert code in {c for c, _ in expectations(path)}, path.name
