"""Make a DOCX package byte-identical for identical content, and carry its source data."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.packuri import PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem
from lxml.etree import _Element

_EPOCH = (1980, 1, 1, 0, 0, 0)
_KEEP = {"\r": "&#13;"}  # an XML parser reads a bare CR as LF: the data file keeps its CRs


CUSTOM_PART = "docProps/custom.xml"
CONTENT_TYPES = "[Content_Types].xml"
TEXT_PROPERTY = "jmctl-text-sha256"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def deterministic_docx(data: bytes, custom: Mapping[str, str] | None = None) -> bytes:
    """Return `data` re-zipped with fixed timestamps and attributes, members in order;
    `custom` becomes the document's custom properties (Word keeps them on save)."""
    source = zipfile.ZipFile(BytesIO(data))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    return deterministic_package(members, custom)


def docx_members(document: DocxDocument) -> dict[str, bytes]:
    """Return the members `document.save` would zip, in its order: the parts serialised
    once, with no compression to undo before they are zipped for good (a fifth of a
    render went into zipping twice)."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    members = {
        CONTENT_TYPES: _ContentTypesItem.from_parts(parts).blob,
        PACKAGE_URI.rels_uri.membername: package.rels.xml,
    }
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


def deterministic_package(
    members: dict[str, bytes], custom: Mapping[str, str] | None = None
) -> bytes:
    """Return the package of `members` with fixed timestamps and attributes, in order;
    `custom` becomes the document's custom properties (Word keeps them on save)."""
    if custom:
        # A checksum of the text a reader sees: import trusts the carried data only
        # while the document still shows exactly this text.
        digest = _text_digest(_zipped(members, zipfile.ZIP_STORED))
        _add_custom_properties(members, {**custom, TEXT_PROPERTY: digest})
    return _zipped(members, zipfile.ZIP_DEFLATED)


def _zipped(members: Mapping[str, bytes], compression: int) -> bytes:
    target_buffer = BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression) as target:
        for name, content in members.items():
            fixed = zipfile.ZipInfo(name, date_time=_EPOCH)
            fixed.compress_type = compression
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            target.writestr(fixed, content)
    return target_buffer.getvalue()


class CarriedOptions(Protocol):
    """The render options a DOCX carries (render.api.RenderOptions has them)."""

    @property
    def roster_table(self) -> bool: ...
    @property
    def session(self) -> str | None: ...
    @property
    def phrases(self) -> Path | None: ...
    @property
    def template(self) -> Path | None: ...


def options_property(options: CarriedOptions) -> str:
    """Return the carried options property of `RenderOptions`: those that change the
    text, and whether the user's own wording or reference DOCX was used (import cannot
    render with those again, so it does not warn when it cannot verify such a file)."""
    return json.dumps(
        {
            "roster_table": options.roster_table,
            "session": options.session,
            "phrases": options.phrases is not None,
            "template": options.template is not None,
        }
    )


def _text_digest(data: bytes) -> str:
    from jmctl.importing.formats.docx import read_docx
    from jmctl.importing.formats.lines import text_digest

    return text_digest(read_docx(data, "<rendered>").lines)


def _add_custom_properties(members: dict[str, bytes], custom: Mapping[str, str]) -> None:
    properties = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f'name="{escape(name)}"><vt:lpwstr>{escape(value, _KEEP)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(custom.items(), 2)
    )
    members[CUSTOM_PART] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_PROPERTIES_NS}" xmlns:vt="{_VT_NS}">{properties}</Properties>'
    ).encode()
    types = members[CONTENT_TYPES].decode("utf-8")
    override = f'<Override PartName="/{CUSTOM_PART}" ContentType="{_CUSTOM_TYPE}"/>'
    members[CONTENT_TYPES] = types.replace("</Types>", f"{override}</Types>").encode()
    rels = members["_rels/.rels"].decode("utf-8")
    relation = f'<Relationship Id="rIdJmctl" Type="{_CUSTOM_REL}" Target="{CUSTOM_PART}"/>'
    members["_rels/.rels"] = rels.replace(
        "</Relationships>", f"{relation}</Relationships>"
    ).encode()


def custom_properties(data: bytes) -> dict[str, str]:
    """Return the custom properties (text ones) of a DOCX's bytes; {} when it has none
    or the package cannot be read (it is opened within the reading bounds)."""
    from jmctl.importing.formats.docx import read_docx

    return dict(read_docx(data, "<docx>").properties)


def parse_custom_properties(root: _Element) -> dict[str, str]:
    """Return the text properties of a parsed docProps/custom.xml: one pass over its
    elements, whatever their attributes or order."""
    found = {}
    for prop in root.iterfind(f"{{{_PROPERTIES_NS}}}property"):
        value = prop.find(f"{{{_VT_NS}}}lpwstr")
        name = prop.get("name")
        if name is not None and value is not None:
            found[name] = value.text or ""
    return found
