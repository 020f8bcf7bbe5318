"""Refuse a reference DOCX (`--template`) that reaches outside itself.

A letterhead whose header *links* a picture (instead of embedding it) makes
LibreOffice, converting to PDF, load whatever file or URL the link names, and put
it into the office's document. So a template may hold no external relationship
(hyperlinks excepted: nothing loads them), no linked picture or OLE object, and no
field that pulls content in (INCLUDEPICTURE, INCLUDETEXT, INCLUDE, LINK, DDE,
DDEAUTO, IMPORT). The package is read within bounds before anything is parsed.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
from jmctl.findings import FILE_START, Finding

MAX_TEMPLATE_BYTES = 64 * 1024 * 1024  # uncompressed, all parts together
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HYPERLINK = f"{_R}/hyperlink"
_LINK_ATTRIBUTES = (f"{{{_R}}}link", f"{{{_R}}}href")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PULLING_FIELD = re.compile(
    r"\b(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.IGNORECASE
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class LinkedTemplate(JmctlError):
    """A reference DOCX that links outside content; `finding` says where."""

    finding: Finding  # always: it is what this error says

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding=finding)


def refuse_outside_links(path: Path) -> None:
    """Raise LinkedTemplate when the DOCX at `path` reaches outside itself."""
    status = path.stat()
    problem = _first_link(path, status.st_mtime_ns, status.st_size)
    if problem is not None:
        part, what = problem
        raise LinkedTemplate(Finding(str(path), FILE_START, "JM905", {"part": part, "what": what}))


@cache
def _first_link(path: Path, mtime: int, size: int) -> tuple[str, str | Text] | None:
    """Return (part, what) for the first outside link of the package (cached per version)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return None  # not a package: opening it as a template says so
    with archive:
        # Relationships first: their targets say best what a link would load.
        parts = sorted(
            (info for info in archive.infolist() if info.filename.endswith((".xml", ".rels"))),
            key=lambda info: not info.filename.endswith(".rels"),
        )
        if sum(info.file_size for info in archive.infolist()) > MAX_TEMPLATE_BYTES:
            limit = MAX_TEMPLATE_BYTES // 1024 // 1024
            return "", Text(f"解压后大于 {limit} MiB", f"larger than {limit} MiB uncompressed")
        for info in parts:
            found = _link_in_part(info.filename, archive.read(info))
            if found is not None:
                return info.filename, found
    return None


def _link_in_part(name: str, data: bytes) -> str | None:
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return None  # python-docx reports a broken part when it opens the template
    if name.endswith(".rels"):
        for relation in root:
            external = relation.get("TargetMode") == "External"
            if external and relation.get("Type") != _HYPERLINK:
                return f"{relation.get('Target', '')[:120]}"
        return None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if any(element.get(attribute) for attribute in _LINK_ATTRIBUTES):
            return f"<{etree.QName(element).localname}> linked"
        if etree.QName(element).localname == "OLEObject" and element.get("Type") == "Link":
            return "OLE link"
    return _pulling_field(root)


def _pulling_field(root: etree._Element) -> str | None:
    codes = [element.text or "" for element in root.iter(f"{{{_W}}}instrText")]
    codes += [simple.get(f"{{{_W}}}instr", "") for simple in root.iter(f"{{{_W}}}fldSimple")]
    for code in [*codes, "".join(codes)]:
        match = _PULLING_FIELD.search(code)
        if match:
            return f"{match.group(1).upper()} field"
    return None
