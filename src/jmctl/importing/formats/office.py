"""A .doc or .wps file: converted to DOCX by LibreOffice, then read as a DOCX.

The conversion uses render's LibreOffice machinery (its own profile per run, a time
bound) in a temporary folder: nothing is ever written beside the input.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from jmctl.findings import FILE_START, Finding
from jmctl.importing.formats.docx import read_docx
from jmctl.importing.formats.limits import (
    CONVERT_SECONDS,
    FORMAT_NAMES,
    MAX_FILE_BYTES,
    read_bounded,
)
from jmctl.importing.formats.lines import Source


def read_office(raw: bytes, path: str, kind: str) -> Source:
    """Return the lines of a .doc or .wps file's bytes (`kind` "doc" or "wps")."""
    from jmctl.render.pdf import PdfError, convert

    with tempfile.TemporaryDirectory(prefix="jmctl-import-") as scratch:
        folder = Path(scratch)
        original = folder / f"document.{kind}"
        original.write_bytes(raw)
        try:
            (converted,) = convert([original], folder, [], to="docx", timeout=CONVERT_SECONDS)
        except (PdfError, OSError) as error:  # OSError: LibreOffice would not start
            finding = Finding(
                path, FILE_START, "JM623", {"what": FORMAT_NAMES[kind], "detail": str(error)}
            )
            return Source(path, [], [finding], kind)
        data = read_bounded(converted, "docx", MAX_FILE_BYTES)
    if isinstance(data, Finding):
        return Source(path, [], [data], kind)
    source = read_docx(data, path)
    source.kind = kind
    return source
