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
OFFICE_SUFFIXES = {".doc", ".wps"}

NOT_YET: dict[str, str] = {
    "07-dili-guoqing-pucha-lingdaoxiaozu": "members 0/26; persons 0/31; convenors 0/5; level, rost",
    "08-weibao-lingdaoxiaozu-bangongshi": "body",
    "09-shaanxi-cunji-sheshi-lianxi": "members 0/18; persons 1/21; convenors 0/3; roster.chief_con",
    "11-guangdong-dawanqu-kechuang-lingdaoxiaozu": "members 0/23; persons 0/29; convenors 0/6; ros",
    "15-shandong-weibao-chengyuan-zhize-2023": "members 0/2; duties 0/2; body",
    "16-tianjin-xiaoche-anquan-lianxi": "roster.deputy_convenors",
    "17-foshan-binzang-lianxi": "office.director_post",
    "18-foshan-dixia-shizheng-lingdaoxiaozu": "members 0/16; convenors 2/3; roster.deputy_chief_co",
    "19-pingxiang-tese-xiaozhen-lianxi": "members 18/19",
    "20-chengdu-xuexixing-chengshi-lianxi": "convenors 2/3; roster.convenors, notice.doc_number, n",
    "21-jiaxing-huhang-gaotie-lingdaoxiaozu": "members 0/18; persons 0/3; convenors 0/3",
    "23-zhuhai-teshu-jiaoyu-lianxi-noisy": "members 5/7",
    "25-kaizhou-minsheng-lianxi": "members 0/23",
    "26-wuchang-shehui-zuzhi-lianxi": "members 0/18; persons 1/0; convenors 2/3; roster.convenors,",
    "27-yunnan-kexue-suzhi-lianxi": "members 18/17",
    "28-yangxi-binzang-lianxi": "members 0/11; convenors 0/3; roster.convenors, roster.deputy_conv",
    "29-lushi-zhengwu-gongkai-lingdaoxiaozu": "members 0/3; persons 2/3; does not validate; roster",
    "30-lanxi-goumai-fuwu-lianxi": "convenors 2/3; does not validate; roster.convenors",
    "31-jiedong-zhen-fangxun": "persons 3/13; level",
}


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    marks = []
    if case.name in NOT_YET:
        marks.append(pytest.mark.xfail(strict=True, reason=NOT_YET[case.name]))
    if Path(case.input).suffix in OFFICE_SUFFIXES:  # read through LibreOffice
        marks.append(pytest.mark.libreoffice)
    return marks


def _params() -> list[object]:
    return [pytest.param(case, id=case.name, marks=_marks(case)) for case in cases(DEV)]


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
    assert len(cases(DEV)) >= 31
    assert all(Path(case.input).exists() for case in cases(DEV))
