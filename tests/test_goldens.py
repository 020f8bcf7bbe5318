"""Every valid case file renders, in every document kind it supports, to its reviewed golden.

A golden is the rendered DOCX's content read back as text (docx_reading.body_lines: one
"style<TAB>text" line per paragraph, one "| cell | cell" line per table row), one file per
case and kind in tests/goldens/cases/. A new case file gets its goldens by:

    scripts/test tests/test_goldens.py --update-goldens

after a deliberate change in the output, the same command rewrites them. Either way, read
`git diff tests/goldens` line by line before committing: the goldens are what was reviewed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jmctl.model import JointMeeting
from jmctl.render.api import RenderOptions, available_kinds, outline
from jmctl.render.docx_writer import write_docx
from jmctl.render_kinds import render_kinds
from jmctl.validation import validate_file

from conftest import CASES, first_fast
from docx_reading import body_lines

VALID = sorted((CASES / "valid").glob("*.yaml"))
GOLDENS = Path(__file__).resolve().parent / "goldens" / "cases"
UPDATE = "scripts/test tests/test_goldens.py --update-goldens"


def _golden(case: Path, kind: str) -> Path:
    return GOLDENS / f"{case.stem}-{kind}.txt"


def _documents(model: JointMeeting | None) -> list[str]:
    """Return the DOCX documents the data supports (a web page has no outline)."""
    assert model is not None
    return [kind for kind in available_kinds(model) if render_kinds()[kind].writes == "docx"]


@pytest.mark.parametrize("case", first_fast(VALID), ids=lambda path: path.stem)
def test_every_kind_a_case_supports_renders_to_its_golden(case: Path, update_goldens: bool) -> None:
    model = validate_file(case).model
    assert model is not None
    kinds = _documents(model)
    assert kinds, "a valid case that renders nothing"
    for kind in kinds:
        lines = body_lines(write_docx(outline(model, kind, RenderOptions())))
        golden = _golden(case, kind)
        if update_goldens:
            GOLDENS.mkdir(parents=True, exist_ok=True)
            golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert golden.is_file(), f"no golden for {golden.name}: run {UPDATE} and review it"
        assert lines == golden.read_text(encoding="utf-8").splitlines(), kind


def test_every_golden_belongs_to_a_case_and_a_kind_it_renders() -> None:
    expected = {
        _golden(case, kind).name for case in VALID for kind in _documents(validate_file(case).model)
    }
    assert {path.name for path in GOLDENS.glob("*.txt")} == expected
