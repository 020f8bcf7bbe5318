"""The session documents of the example (examples/baihe-2023.yaml), built once per test
run: outlines and DOCX bytes in memory, PDFs in one LibreOffice batch."""

from __future__ import annotations

import atexit
import io
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from jmctl.model import JointMeeting
from jmctl.render.api import RenderOptions, finish, prepare
from jmctl.render.compose import Composer
from jmctl.render.phrases import Phrases
from jmctl.sessions import Session
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

BAIHE = EXAMPLES / "baihe-2023.yaml"
QINGZHOU = CASES / "session-docs" / "qingzhou-plenary.yaml"  # 24 members: pages of rows
PLENARY = "第1次全体会议"
LIAISON = "第1次联络员会议"
# The documents the PDF tests measure, by key: (source, kind, session)
DOCUMENTS: dict[str, tuple[Path, str, str | None]] = {
    "session-notice": (BAIHE, "session-notice", PLENARY),
    "session-notice-liaison": (BAIHE, "session-notice", LIAISON),  # with a `notice` block
    "sign-in": (BAIHE, "sign-in", PLENARY),
    "sign-in-liaison": (BAIHE, "sign-in", LIAISON),
    "sign-in-qingzhou": (QINGZHOU, "sign-in", PLENARY),
    "name-cards": (BAIHE, "name-cards", PLENARY),
    "decisions": (BAIHE, "decisions", None),
}


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
def docx(kind: str, title: str | None = PLENARY) -> bytes:
    result = prepare(BAIHE, [kind], RenderOptions(session=title), output=Path("x.docx"))
    return result.pending[0][1]


@cache
def pdfs() -> dict[str, Path]:
    """Return {key: pdf} for DOCUMENTS, converted in one LibreOffice run."""
    folder = Path(tempfile.mkdtemp(prefix="jmctl-session-pages-"))
    atexit.register(shutil.rmtree, folder, True)
    prepared, paths = [], {}
    for key, (source, kind, title) in DOCUMENTS.items():  # title None: an edition's document
        target = folder / f"{key}.pdf"
        options = RenderOptions("pdf", session=title)
        prepared.append(prepare(source, [kind], options, output=target))
        paths[key] = target
    finish(prepared, RenderOptions("pdf"))
    return paths


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")
