"""A PDF's objects and streams, bounded before any page is laid out.

pdfminer inflates a compressed stream whole when a page needs it, so a small PDF can
hold a stream that inflates to gigabytes. Every Flate stream is inflated here first
through a bounded decompressor (never more than the bound plus one byte), as a DOCX's
parts are: no stream may inflate beyond MAX_PART_BYTES, nor all together beyond
MAX_PACKAGE_BYTES. The number of objects is bounded first, since each is parsed.
"""

from __future__ import annotations

import zlib
from typing import Any

from jmctl.importing.formats.limits import MAX_PACKAGE_BYTES, MAX_PART_BYTES, MAX_PDF_OBJECTS, mib

_FLATE = ("FlateDecode", "Fl")


def over_bounds(document: Any) -> tuple[str, str] | None:
    """Return why the PDF is beyond the bounds (zh, en), or None when it is within."""
    from pdfminer.pdftypes import PDFStream

    objects = {objid for xref in document.xrefs for objid in xref.get_objids()}
    if len(objects) > MAX_PDF_OBJECTS:
        return (
            f"有 {len(objects)} 个对象，多于 {MAX_PDF_OBJECTS} 个",
            f"{len(objects)} objects, more than {MAX_PDF_OBJECTS}",
        )
    total = 0
    for objid in sorted(objects):
        try:
            found = document.getobj(objid)
        except Exception:  # a damaged object: pdfminer reports it when a page needs it
            continue
        if not isinstance(found, PDFStream):
            continue
        size = _inflated(found)
        total += size
        if size > MAX_PART_BYTES:
            return (
                f"对象 {objid} 解压后大于 {mib(MAX_PART_BYTES)}",
                f"object {objid} inflates to more than {mib(MAX_PART_BYTES)}",
            )
        if total > MAX_PACKAGE_BYTES:
            return (
                f"解压后共大于 {mib(MAX_PACKAGE_BYTES)}",
                f"inflates to more than {mib(MAX_PACKAGE_BYTES)} in all",
            )
    return None


def _inflated(stream: Any) -> int:
    """Return how large a stream is once its first filter is undone (Flate only)."""
    raw = stream.rawdata if stream.rawdata is not None else b""
    filters = stream.get_filters()
    name = getattr(filters[0][0], "name", "") if filters else ""
    if name not in _FLATE:
        return len(raw)
    try:
        return len(zlib.decompressobj().decompress(raw, MAX_PART_BYTES + 1))
    except zlib.error:
        return len(raw)  # pdfminer reports a broken stream when a page needs it
