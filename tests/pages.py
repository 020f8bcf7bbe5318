"""Every document the page tests measure, rendered once per test run in one LibreOffice
batch: the examples and the stress set (tests/cases/stress/, a new case is a new file)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from jmctl.render.api import RenderOptions, available_kinds, finish, prepare
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

STRESS = CASES / "stress"


def sources() -> list[Path]:
    return [*sorted(EXAMPLES.glob("*.yaml")), *sorted(STRESS.glob("*.yaml"))]


@cache
def rendered() -> dict[str, tuple[Path, Path]]:
    """Return {"<stem>-<kind>": (docx, pdf)} for the notice and tasks of every source."""
    folder = Path(tempfile.mkdtemp(prefix="jmctl-pages-"))
    atexit.register(shutil.rmtree, folder, True)
    prepared, paths = [], {}
    for source in sources():
        model = validate_file(source).model
        assert model is not None, source
        kinds = [k for k in ("notice", "tasks") if k in available_kinds(model)]
        for kind in kinds:
            key = f"{source.stem}-{kind}"
            pdf = folder / f"{key}.pdf"
            result = prepare(source, [kind], RenderOptions("pdf"), output=pdf)
            docx = folder / f"{key}.docx"
            docx.write_bytes(result.pending[0][1])
            prepared.append(result)
            paths[key] = (docx, pdf)
    finish(prepared, RenderOptions("pdf"))
    return paths


def keys(kind: str | None = None) -> list[str]:
    """Return the names rendered() will give, without rendering (for parametrising)."""
    names = []
    for source in sources():
        model = validate_file(source).model
        assert model is not None, source
        names += [
            f"{source.stem}-{k}"
            for k in ("notice", "tasks")
            if k in available_kinds(model) and kind in (None, k)
        ]
    return names
