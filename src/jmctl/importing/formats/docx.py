"""Read a DOCX as a reader sees it: header, body, tables and text boxes, in order.

The package is opened as a hostile file (`zipparts`), its XML parsed without
entities, DTDs or network (`ooxml`), and only what shows is read (`docx_runs`).
The custom document properties are kept: a DOCX jmctl rendered carries its data
file there.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from jmctl.catalogue import Text
from jmctl.findings import FILE_START, Finding, Mark
from jmctl.importing.formats.docx_body import BodyReader
from jmctl.importing.formats.docx_runs import Seen, Visibility
from jmctl.importing.formats.limits import unreadable
from jmctl.importing.formats.lines import Source
from jmctl.importing.formats.ooxml import RELS, R, W, hidden_styles, parse, w
from jmctl.importing.formats.zipparts import PartError, ZipParts, open_parts

_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CUSTOM = "docProps/custom.xml"
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
}


def read_docx(raw: bytes, path: str, kind: str = "docx") -> Source:
    """Return the lines of the DOCX in `raw`; a file that cannot be read gives findings."""
    parts = open_parts(raw, path, kind)
    if isinstance(parts, Finding):
        return Source(path, [], [parts], kind)
    try:
        return _read(parts)
    except PartError as error:
        return Source(path, [], [error.finding], kind)


def _read(parts: ZipParts) -> Source:
    main = _main_part(parts)
    if main is None:
        finding = unreadable(
            parts.path, parts.kind, "包中没有 Word 正文", "the package holds no Word document"
        )
        return Source(parts.path, [], [finding], parts.kind)
    relations = _relations(parts, main)
    document = _xml(parts, main)
    visibility = Visibility(*hidden_styles(_related(parts, relations, "/styles")))
    reader = BodyReader(visibility)
    body = document.find(w("body"))
    if body is not None:
        for header in _first_headers(parts, body, relations):
            reader.blocks(header, "页眉")
        reader.lines = [line for line in reader.lines if line.text.strip()]  # empty headers
        reader.blocks(body)
    findings = _seen_findings(parts.path, reader.seen, reader.hidden_at)
    return Source(parts.path, reader.lines, findings, parts.kind, _properties(parts))


def _main_part(parts: ZipParts) -> str | None:
    if parts.has("_rels/.rels"):
        for relation in _xml(parts, "_rels/.rels").iterfind(f"{{{RELS}}}Relationship"):
            target = relation.get("Target", "").lstrip("/")
            if relation.get("Type") == _MAIN and parts.has(target):
                return target
    return "word/document.xml" if parts.has("word/document.xml") else None


def _relations(parts: ZipParts, part: str) -> dict[str, tuple[str, str]]:
    """Return a part's relationships: id → (type, the part it names inside the package)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if not parts.has(rels):
        return {}
    found = {}
    for relation in _xml(parts, rels).iterfind(f"{{{RELS}}}Relationship"):
        if relation.get("TargetMode") == "External":
            continue  # a reader's copy holds no part from elsewhere
        target = posixpath.normpath(posixpath.join(folder, relation.get("Target", "")))
        found[relation.get("Id", "")] = (relation.get("Type", ""), target.lstrip("/"))
    return found


def _related(
    parts: ZipParts, relations: dict[str, tuple[str, str]], kind: str
) -> etree._Element | None:
    """Return the first part related as `kind`, parsed (one only: a hostile package may
    relate the same large part thousands of times)."""
    for kind_uri, target in relations.values():
        if kind_uri.endswith(kind) and parts.has(target):
            return _xml(parts, target)
    return None


def _first_headers(
    parts: ZipParts, body: etree._Element, relations: dict[str, tuple[str, str]]
) -> list[etree._Element]:
    """Return the header the first page shows: the first-page header when the first
    section has one (the letter format's 版头 sits there), else the default one."""
    section = next(body.iter(w("sectPr")), None)
    if section is None:
        return []
    wanted = "first" if section.find(w("titlePg")) is not None else "default"
    for reference in section.iterfind(w("headerReference")):
        target = relations.get(reference.get(f"{{{R}}}id", ""))
        if reference.get(w("type"), "default") == wanted and target and parts.has(target[1]):
            return [_xml(parts, target[1])]
    return []


def _xml(parts: ZipParts, name: str) -> etree._Element:
    try:
        return parse(_transitional(parts.read(name)))
    except etree.XMLSyntaxError as error:
        raise PartError(
            unreadable(
                parts.path,
                parts.kind,
                f"部件 {name} 不是有效的 XML（{error}）",
                f"part {name} is not well-formed XML ({error})",
            )
        ) from None


def _transitional(data: bytes) -> bytes:
    """Return a part of a Strict Open XML document (Word's "Strict" format) in the
    transitional names the reader knows: the vocabulary is the same."""
    for strict, transitional in _STRICT.items():
        data = data.replace(strict, transitional)
    return data


def _properties(parts: ZipParts) -> dict[str, str]:
    from jmctl.render.package import parse_custom_properties

    if not parts.has(_CUSTOM):
        return {}
    try:
        return parse_custom_properties(_xml(parts, _CUSTOM))
    except PartError:  # properties a reader never sees: the document is read without them
        return {}


def _seen_findings(path: str, seen: Seen, hidden_at: int) -> list[Finding]:
    findings = []
    what = [
        label
        for present, label in (
            (seen.hidden, Text("隐藏文字", "hidden text")),
            (seen.deleted, Text("删除的修订", "deleted revisions")),
        )
        if present
    ]
    if what:
        joined = Text("、".join(t.zh for t in what), ", ".join(t.en for t in what))
        findings.append(Finding(path, Mark(max(hidden_at, 1), 1), "JM625", {"what": joined}))
    if seen.inserted:
        findings.append(Finding(path, FILE_START, "JM626"))
    return findings
