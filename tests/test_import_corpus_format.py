"""The import corpus (tests/cases/import/dev and heldout) is well-formed, and the scorer in
bench/ compares an import with its expect file as the README says. The importer's accuracy
is measured by bench/import.py, not asserted here."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CASES, ROOT, first_fast

sys.path.insert(0, str(ROOT / "bench"))
import import_cases as corpus

SPLITS = {name: CASES / "import" / name for name in ("dev", "heldout")}
EXPECTS = sorted(path for folder in SPLITS.values() for path in folder.glob("*.expect.yaml"))


def _stem(path: Path) -> str:
    return (
        path.name[: -len(corpus.EXPECT_SUFFIX)]
        if path.name.endswith(corpus.EXPECT_SUFFIX)
        else path.stem
    )


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_every_input_has_an_expect_file_and_back(split: str) -> None:
    folder = SPLITS[split]
    inputs = [_stem(path) for path in corpus.inputs(folder)]
    expects = [_stem(path) for path in folder.glob("*.expect.yaml")]
    assert len(inputs) == len(set(inputs)), "two inputs share a name"
    assert sorted(inputs) == sorted(expects)
    others = {p.name for p in folder.glob("*")} - {p.name for p in corpus.inputs(folder)}
    assert all(name.endswith(corpus.EXPECT_SUFFIX) for name in others), others


def _check_people(roster: dict[str, Any]) -> None:
    assert set(roster) <= set(corpus.ROLE_KEYS), roster.keys()
    for entries in roster.values():
        assert isinstance(entries, list) and entries
        assert all(isinstance(entry, str) and entry.count("|") == 1 for entry in entries)


@pytest.mark.parametrize("path", first_fast(EXPECTS), ids=lambda path: path.name)
def test_expect_file_is_well_formed(path: Path) -> None:
    expect = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(expect, dict)
    assert corpus.REQUIRED_KEYS <= set(expect) <= corpus.EXPECT_KEYS, set(expect)
    assert str(expect["source"]).startswith(("http://", "https://", "shared/corpus/dev/"))
    shows = expect["shows"]
    assert isinstance(shows, list) and shows and set(shows) <= corpus.TAGS, shows
    counts = expect["counts"]
    assert set(counts) == set(corpus.COUNT_KEYS)
    assert all(type(value) is int and value >= 0 for value in counts.values()), counts
    assert expect.get("level", "national") in corpus.LEVELS
    assert expect.get("body", "joint_meeting") in corpus.BODIES
    if "members" in expect:
        assert all(isinstance(unit, str) and unit for unit in expect["members"])
        assert len(expect["members"]) == counts["members"]
    _check_people(expect.get("roster") or {})
    assert set(expect.get("office") or {}) <= corpus.OFFICE_KEYS
    notice = expect.get("notice") or {}
    assert set(notice) <= corpus.NOTICE_KEYS
    assert notice.get("kind", "establish") in corpus.NOTICE_KINDS
    assert isinstance(notice.get("date", datetime.date.today()), datetime.date)
    assert all(str(code).startswith("JM") for code in expect.get("defects") or [])


def test_held_out_documents_are_every_third_new_one() -> None:
    new = {
        int(match.group(1)): split
        for split, folder in SPLITS.items()
        for path in folder.glob("*.expect.yaml")
        if (match := corpus.NEW_NAME.match(path.name))
    }
    assert all(split == ("heldout" if number % 3 == 0 else "dev") for number, split in new.items())
    held = sum(split == "heldout" for split in new.values())
    assert abs(held - len(new) / 3) <= 1
    shared = [p for p in SPLITS["heldout"].glob("*") if corpus.SHARED_NAME.match(p.name)]
    assert shared == [], "the shared excerpts all stay in dev"


EXPECT = {
    "source": "https://example.gov.cn/1.html",
    "shows": ["members-sentence"],
    "jurisdiction": "开州区",
    "level": "county",
    "body": "joint_meeting",
    "counts": {"members": 2, "persons": 2, "convenors": 2, "duties": 1},
    "members": ["区民政局", "区委宣传部(网信办)"],
    "roster": {"convenors": ["夏郑峰|区政府常务副区长"], "deputy_convenors": ["|区民政局局长"]},
    "office": {"host": "区民政局", "director": "李欣"},
    "notice": {"doc_number": "开州府办发〔2019〕21号", "date": datetime.date(2019, 4, 8)},
}

MATCHING = {
    "jurisdiction": {"name": "重庆市开州区", "level": "county"},
    "members": ["区民政局", "区委宣传部（网信办）"],
    "roster": {
        "convenors": [{"name": "夏 郑峰", "unit": "区政府", "post": "常务副区长"}],
        "deputy_convenors": [{"unit": "区民政局", "post": "局长"}],
    },
    "office": {"host": "区民政局", "director": "李欣"},
    "duties": [{"unit": "区民政局", "items": ["牵头。"]}],
    "notice": {"doc_number": "开州府办发[2019]21号", "date": "2019-04-08"},
}


def test_an_import_that_says_what_the_document_says_passes() -> None:
    score = corpus.compare("case", EXPECT, MATCHING)
    assert score.counts == EXPECT["counts"]  # the office director is not a second person
    assert (score.units_listed, score.units_matched, score.units_exact) == (2, 2, 2)
    assert all(score.fields.values()) and score.passed, score.fields


def test_an_import_that_misses_fails_and_says_where() -> None:
    wrong = {
        "jurisdiction": {"name": "重庆市", "level": "city"},
        "members": ["民政局", "区委宣传部", "区财政局"],
        "roster": {"convenors": [{"name": "夏郑峰", "unit": "区政府", "post": "常务副区长"}]},
        "office": {"host": "区民政局", "director": "王五"},
        "meeting": {"body": "leading_group"},
        "notice": {"doc_number": "开州府办发〔2019〕12号"},
    }
    score = corpus.compare("case", EXPECT, wrong)
    assert score.counts == {"members": 3, "persons": 2, "convenors": 1, "duties": 0}
    assert (score.units_listed, score.units_matched, score.units_exact) == (2, 2, 0)
    failed = {name for name, equal in score.fields.items() if not equal}
    assert failed == {
        "jurisdiction",
        "level",
        "body",
        "roster.deputy_convenors",
        "office.director",
        "notice.doc_number",
        "notice.date",
    }
    assert not score.passed


def test_a_case_whose_import_raised_is_a_failure_with_its_reason() -> None:
    score = corpus.failed("case", EXPECT, "raised ValueError: boom")
    assert not score.passed and score.failure == "raised ValueError: boom"
    assert score.fields == {"jurisdiction": False, "level": False, "body": False}


DESCRIPTIONS = sorted((CASES / "import" / "docx-src").glob("*/*.txt"))


def _docx_text(path: Path) -> list[str]:
    """The paragraphs and table rows of a DOCX in document order, rows as `| a | b |`."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("| " + " | ".join(cell.text for cell in row.cells) + " |")
    return lines


@pytest.mark.parametrize("description", DESCRIPTIONS, ids=lambda path: path.name)
def test_every_word_case_says_what_its_description_says(description: Path) -> None:
    lines = description.read_text("utf-8").splitlines()
    target = CASES / "import" / description.parent.name / f"{description.stem}.docx"
    if lines[0].strip() == "#pdf":
        assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
        return
    if lines[0].strip() == "#doc":  # Word 97: an OLE compound file
        assert target.with_suffix(".doc").read_bytes().startswith(bytes.fromhex("d0cf11e0a1b11ae1"))
        return
    merged: list[list[str]] = []
    expected = []
    for line in lines:
        if line.lstrip().startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            above = merged[-1] if merged else cells
            cells = [above[i] if cell == "^" else cell for i, cell in enumerate(cells)]
            merged.append(cells)
            expected.append("| " + " | ".join(cells) + " |")
        else:
            merged = []
            expected.append(line)
    assert _docx_text(target) == expected


def test_the_readme_explains_every_tag_and_role_key() -> None:
    readme = (CASES / "import" / "README.md").read_text("utf-8")
    assert [tag for tag in sorted(corpus.TAGS) if tag not in readme] == []
    assert all(f"`{role}`" in readme for role in corpus.ROLE_KEYS)
