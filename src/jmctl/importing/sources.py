"""Read an existing document as numbered lines, whatever its format.

The format is told by the file's first bytes (a ZIP is a DOCX, %PDF a PDF, an OLE
compound file a .doc or .wps), else by its suffix; each format has its reader in
`jmctl.importing.formats`. Every reader gives the same `Source`: lines (paragraphs,
text lines, table rows with their cells) and the findings of reading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from jmctl.findings import Finding
from jmctl.importing.formats.limits import MAX_FILE_BYTES, MAX_TEXT_BYTES, read_bounded
from jmctl.importing.formats.lines import Line, Source

__all__ = ["DOCUMENT_SUFFIXES", "Line", "Source", "documents_under", "docx_source", "read_source"]

DOCUMENT_SUFFIXES = (".docx", ".txt", ".doc", ".wps", ".pdf", ".html", ".htm")
_KINDS = {".docx": "docx", ".doc": "doc", ".wps": "wps", ".pdf": "pdf"}
_KINDS |= {".html": "html", ".htm": "html"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def documents_under(paths: Iterable[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """Return the files named, and those with `suffixes` below the folders named, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
            )
        else:
            found.append(path)
    return found


def read_source(path: Path) -> Source:
    """Return the numbered lines of `path`; a file that cannot be read gives findings."""
    kind = _KINDS.get(path.suffix.lower(), "txt")
    raw = read_bounded(path, kind, MAX_TEXT_BYTES if kind in ("txt", "html") else MAX_FILE_BYTES)
    if isinstance(raw, Finding):
        return Source(str(path), [], [raw], kind)
    return _reader(_sniffed(raw, kind))(raw, str(path))


def _sniffed(raw: bytes, kind: str) -> str:
    """Return the format the bytes show, whatever the suffix says."""
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if raw.startswith(_OLE):
        return kind if kind in ("doc", "wps") else "doc"
    if raw.startswith(b"%PDF-") or (kind == "pdf" and b"%PDF-" in raw[:1024]):
        return "pdf"  # readers accept a header within the first 1024 bytes
    if kind == "txt" and raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    return kind


def _reader(kind: str) -> Callable[[bytes, str], Source]:
    if kind == "docx":
        from jmctl.importing.formats.docx import read_docx

        return read_docx
    if kind in ("doc", "wps"):
        from jmctl.importing.formats.office import read_office

        return lambda raw, path: read_office(raw, path, kind)
    if kind == "pdf":
        from jmctl.importing.formats.pdf import read_pdf

        return read_pdf
    if kind == "html":
        from jmctl.importing.formats.html import read_html

        return read_html
    from jmctl.importing.formats.text import read_text

    return read_text


def docx_source(path: str, raw: bytes) -> Source:
    """Return the lines of a DOCX's bytes, for callers that already hold them."""
    from jmctl.importing.formats.docx import read_docx

    return read_docx(raw, path)
