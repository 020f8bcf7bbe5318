"""How much of a document jmctl reads, and the findings for a document beyond that.

Each bound is checked before the expensive step: a file's size before reading it, a
ZIP's central directory before inflating any part, a PDF's page count, objects and
inflated streams before laying out any page. The numbers are generous for a real
notice (tens of pages, a few MB) and small enough that a hostile file ends within
seconds.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from jmctl.catalogue import Text
from jmctl.findings import FILE_START, Finding, Mark

MIB = 1024 * 1024
MAX_TEXT_BYTES = 8 * MIB  # a .txt or .html file
MAX_FILE_BYTES = 64 * MIB  # a .docx, .doc, .wps or .pdf file as stored
MAX_PARTS = 1_000  # members of a DOCX package
MAX_PART_BYTES = 32 * MIB  # one member, uncompressed
MAX_PACKAGE_BYTES = 256 * MIB  # every member together, uncompressed
MAX_PDF_PAGES = 300
MAX_PDF_OBJECTS = 200_000  # each is parsed when its streams are measured
MAX_PDF_CHARACTERS = 300_000  # laid out at about 0.1 ms each: half a minute at most
CONVERT_SECONDS = 120  # LibreOffice turning one .doc or .wps into DOCX

# The Chinese names follow a verb in every message: a space before a Latin word.
FORMAT_NAMES = {
    "txt": Text("文本文件", "text file"),
    "html": Text("网页文件", "web page"),
    "docx": Text(" Word 文件", "Word file"),
    "doc": Text(" Word 97-2003 文件", "Word 97-2003 file"),
    "wps": Text(" WPS 文件", "WPS file"),
    "pdf": Text(" PDF 文件", "PDF file"),
}


def unreadable(path: str, kind: str, zh: str, en: str, mark: Mark = FILE_START) -> Finding:
    """Return the finding for a file of format `kind` that cannot be read."""
    return Finding(path, mark, "JM620", {"what": FORMAT_NAMES[kind], "detail": Text(zh, en)})


def too_large(path: str, kind: str, zh: str, en: str) -> Finding:
    """Return the finding for a file of format `kind` beyond one of the bounds."""
    return Finding(path, FILE_START, "JM621", {"what": FORMAT_NAMES[kind], "detail": Text(zh, en)})


def mib(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size >= MIB else f"{size} B"


def read_bounded(path: Path, kind: str, limit: int) -> bytes | Finding:
    """Return at most `limit` bytes of `path`, or the finding saying why not: a file
    stated larger is refused before any byte is read, and a device or a file that
    grows is read no further than one byte past the bound."""
    shown = str(path)
    try:
        with path.open("rb") as stream:
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > limit:
                return _over(shown, kind, limit, status.st_size)
            raw = stream.read(limit + 1)
    except OSError as error:
        detail = error.strerror or str(error)
        return unreadable(shown, kind, detail, detail)
    if len(raw) > limit:
        return _over(shown, kind, limit, None)
    return raw


def _over(path: str, kind: str, limit: int, size: int | None) -> Finding:
    stated = f"{mib(size)}，" if size else ""
    stated_en = f"{mib(size)}, " if size else ""
    return too_large(
        path, kind, f"{stated}大于 {mib(limit)}", f"{stated_en}larger than {mib(limit)}"
    )
