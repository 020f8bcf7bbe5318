"""The examples are faithful transcriptions of the corpus, and validate as documented."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from jmctl.model import JointMeeting, plain
from jmctl.validation import validate_file

from conftest import CORPUS, EXAMPLES

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}


def _model(name: str) -> JointMeeting:
    report = validate_file(EXAMPLES / name)
    assert report.model is not None
    return report.model


def _corpus(name: str, *, full_width: bool = False) -> str:
    text = (CORPUS / name).read_text(encoding="utf-8")
    if full_width:
        text = re.sub(r"[,;:()]", lambda m: FULL_WIDTH[m.group()], text)
    # Lines broken mid-sentence by the web copy are joined; padding removed.
    return re.sub(r"[\s\u3000]+", "", text)


def _texts(model: JointMeeting) -> list[str]:
    meeting = model.meeting
    texts = [
        *meeting.functions,
        *meeting.rules,
        *meeting.requirements,
        *meeting.organisation,
        *meeting.preamble,
    ]
    texts += [item for duty in model.duties for item in duty.items]
    if model.office:
        texts += model.office.functions
    return texts


def test_dushan_reports_exactly_its_real_defects() -> None:
    report = validate_file(EXAMPLES / "dushan-2017.yaml")
    found = sorted((f.code, f.args.get("unit")) for f in report.findings)
    assert found == [
        ("JM206", "县残联"),
        ("JM206", "县社会保障局"),
        ("JM206", "县突发公共事件应急办"),
        ("JM207", "县老龄委"),
    ]
    assert report.errors == 0


@pytest.mark.parametrize("name", ["fujian-2020.yaml", "qingshan-2022.yaml"])
def test_other_examples_are_clean(name: str) -> None:
    assert validate_file(EXAMPLES / name).findings == []


def test_dushan_text_is_as_printed() -> None:
    model = _model("dushan-2017.yaml")
    corpus = _corpus("dushan-2017-notice.txt")
    for text in _texts(model):
        assert plain(text) in corpus, text
    for person in model.people():
        printed = f"{person.name or ''}{person.printed_post}"
        assert plain(printed) in corpus, printed


def test_dushan_is_complete() -> None:
    model = _model("dushan-2017.yaml")
    assert model.roster is not None
    assert [len(model.roster[role]) for role in ("chief_convenors", "convenors", "members")] == [
        1,
        1,
        16,
    ]
    assert [len(duty.items) for duty in model.duties] == [8, 7, 3, 4, 3, 4, 2, 2, 4, 3, 3, 4, 2, 4]
    assert (len(model.meeting.functions), len(model.meeting.rules)) == (6, 7)
    assert model.office is not None and len(model.office.functions) == 5
    notice = model.notice
    assert notice is not None
    assert (notice.doc_number, notice.copies, notice.electronic_copies) == (
        "独府办发〔2017〕20号",
        110,
        90,
    )
    cc = "，".join(notice.cc) + "。"
    assert cc == "县委办、人大办、政协办，县委有关工作部门，武装部，法院、检察院。"


def test_fujian_text_is_as_printed_with_full_width_punctuation() -> None:
    model = _model("fujian-2020.yaml")
    corpus = _corpus("fujian-2020-letter.txt", full_width=True)
    for text in [*_texts(model), *(model.notice.body if model.notice else ())]:
        assert plain(text) in corpus, text
    for person in model.people():
        assert plain(f"{person.name}{person.printed_post}") in corpus


def test_fujian_is_complete() -> None:
    model = _model("fujian-2020.yaml")
    assert len(model.members) == 25
    assert len(model.duties) == 25
    assert model.roster is not None
    assert [len(model.roster[role]) for role in ("chief_convenors", "convenors", "members")] == [
        1,
        2,
        25,
    ]
    corpus_units = re.findall(
        r"^[一二三四五六七八九十]+、(.+)$",
        (CORPUS / "fujian-2020-letter.txt").read_text("utf-8"),
        re.M,
    )
    duty_units = [re.sub(r"[()]", lambda m: FULL_WIDTH[m.group()], u) for u in corpus_units[4:]]
    assert [duty.unit.text for duty in model.duties] == duty_units


def test_examples_declare_their_schema_for_editors() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/jmctl-v1.schema.json"


def test_schema_gives_every_property_a_chinese_title_and_description() -> None:
    schema = yaml.safe_load((EXAMPLES.parent / "schemas" / "jmctl-v1.schema.json").read_text())
    missing = [
        path
        for path, node in _properties(schema)
        if not (
            re.search(r"[\u4e00-\u9fff]", node.get("title", ""))
            and re.search(r"[\u4e00-\u9fff]", node.get("description", ""))
        )
    ]
    assert missing == []


def _properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for key, child in node.get("properties", {}).items():
            found.append((f"{path}.{key}", child))
        for key, child in node.items():
            found += _properties(child, f"{path}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            found += _properties(child, f"{path}[{i}]")
    return found
