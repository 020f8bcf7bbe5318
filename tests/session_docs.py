"""The session documents of the example (examples/baihe-2023.yaml), built once per test
run: outlines and DOCX bytes in memory, PDFs in one LibreOffice batch."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from jmctl.model import JointMeeting
from jmctl.render.api import RenderOptions, finish, prepare
from jmctl.render.compose import Composer
from jmctl.render.phrases import Phrases
from jmctl.sessions import Session
from jmctl.validation import validate_file

from conftest import EXAMPLES

BAIHE = EXAMPLES / "baihe-2023.yaml"
PLENARY = "第1次全体会议"
# (kind, session) of every document the PDF tests measure
DOCUMENTS = (("session-notice", PLENARY),)


@cache
def model() -> JointMeeting:
    found = validate_file(BAIHE).model
    assert found is not None
    return found


def composer() -> Composer:
    return Composer(model(), Phrases())


def session(title: str = PLENARY) -> Session:
    return next(held for held in model().sessions if held.title == title)


@cache
def docx(kind: str, title: str = PLENARY) -> bytes:
    _, documents = prepare(BAIHE, [kind], RenderOptions(session=title), output=Path("x.docx"))
    return documents[0][1]


@cache
def pdfs() -> dict[str, Path]:
    """Return {kind: pdf} for DOCUMENTS, converted in one LibreOffice run."""
    folder = Path(tempfile.mkdtemp(prefix="jmctl-session-pages-"))
    atexit.register(shutil.rmtree, folder, True)
    prepared, paths = [], {}
    for kind, title in DOCUMENTS:
        target = folder / f"{kind}.pdf"
        options = RenderOptions("pdf", session=title)
        prepared.append(prepare(BAIHE, [kind], options, output=target))
        paths[kind] = target
    finish(prepared, RenderOptions("pdf"))
    return paths
