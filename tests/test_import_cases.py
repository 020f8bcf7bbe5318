"""The real-document corpus: every dev case imports into what its expect file states.

A case is `<name>.<txt|docx|html|pdf>` + `<name>.expect.yaml` in tests/cases/import/dev
(see its README); a new case is a new file. The comparison is bench/import_cases.py's,
the same the benchmark scores with. Cases not yet understood are listed in NOT_YET with
the reason; each is a strict xfail, so a fix that makes one pass shows up at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jmctl.domain import builtin_renames
from jmctl.findings import Severity
from jmctl.importing.api import import_file
from jmctl.loading import load_text
from jmctl.validation import check_document

from conftest import CASES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from import_cases import Case, cases, compare

DEV = CASES / "import" / "dev"
DEV_CASES = cases(DEV)  # read once: parsing every expect file takes a quarter of a second
OFFICE_SUFFIXES = {".doc", ".wps"}

NOT_YET: dict[str, str] = {
    "n110-yinan-aiweihui-baike": "persons 5/6 (专职副主任 after the office)",
}


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    marks = []
    if case.name in NOT_YET:
        marks.append(pytest.mark.xfail(strict=True, reason=NOT_YET[case.name]))
    if Path(case.input).suffix in OFFICE_SUFFIXES:  # read through LibreOffice
        marks.append(pytest.mark.libreoffice)
    return marks


def _params() -> list[object]:
    # The first case runs in the fast lane, the corpus in the full suite.
    return [
        pytest.param(case, id=case.name, marks=[*_marks(case), *[pytest.mark.slow] * bool(index)])
        for index, case in enumerate(DEV_CASES)
    ]


@pytest.mark.parametrize("case", _params())
def test_dev_case_imports_as_stated(case: Case) -> None:
    result = import_file(case.input)
    assert result.imported is not None, [f.message() for f in result.findings]
    score = compare(case.name, case.expect, result.imported.data)
    assert score.counts == score.expected
    assert [name for name, equal in score.fields.items() if not equal] == []
    assert (score.units_exact, score.units_listed) == (score.units_listed, score.units_listed)
    loaded = load_text(result.yaml_text(), str(case.input))
    assert loaded.document is not None, [f.message() for f in loaded.findings]
    findings = check_document(loaded.document, builtin_renames()).findings
    errors = {f.code for f in findings if f.severity is Severity.ERROR}
    assert errors <= set(case.expect.get("defects") or []), [f.message() for f in findings]


def test_the_dev_corpus_is_there() -> None:
    assert len(DEV_CASES) >= 31
    assert all(Path(case.input).exists() for case in DEV_CASES)


@pytest.mark.libreoffice  # the corpus holds a .doc, which LibreOffice converts
def test_check_reports_no_importer_misses_as_defects() -> None:
    """`check` on every dev document: no finding that only says what the import missed
    (schema findings such as "members 至少需要 1 项", today on 22 of 32 real inputs)."""
    from jmctl.importing.checking import check_file

    for case in cases(DEV):
        codes = {f.code for f in check_file(case.input).findings}
        assert not {code for code in codes if code.startswith("JM1")}, case.name
