"""The data file a jmctl-rendered DOCX carries, trusted only when it is what the page shows.

Rendering writes into the DOCX's custom properties the data file, the document kind,
the render options that change the text, and a SHA-256 of the text a reader sees.
Import takes the carried data file as it is (the lossless path) only when both hold:
the visible text read now has that checksum, and the carried data rendered again with
the carried options gives that same text. Edited carried data, an edited document, or
a checksum that does not fit make import read the visible text instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jmctl.importing.formats.lines import Source, text_digest
from jmctl.render.package import TEXT_PROPERTY

if TYPE_CHECKING:
    from jmctl.render.api import RenderOptions


@dataclass(frozen=True)
class Carried:
    """What a DOCX carries: the data file and its data when trusted (else None), and
    whether a mismatch is worth telling (not when it was made with the user's own
    wording or reference DOCX, which import cannot render again)."""

    text: str | None = None
    data: dict[str, Any] | None = None
    mismatch: bool = False


def carried_data(source: Source) -> Carried:
    """Return the data `source` (a DOCX read) carries, trusted or not."""
    from jmctl.render.api import KIND_PROPERTY, KINDS, SOURCE_PROPERTY

    properties = source.properties
    text, kind = properties.get(SOURCE_PROPERTY), properties.get(KIND_PROPERTY)
    if not text or kind not in KINDS:
        return Carried()
    stated = _stated_options(properties)
    untrusted = Carried(mismatch=not stated.get("phrases") and not stated.get("template"))
    options = _options(stated)
    digest = properties.get(TEXT_PROPERTY)
    if options is None or digest != text_digest(source.lines):
        return untrusted
    rendered = _rendered(source.path, text, kind, options)
    if rendered is None or rendered[0] != digest:
        return untrusted
    return Carried(text, rendered[1])


def _stated_options(properties: Mapping[str, str]) -> dict[str, Any]:
    from jmctl.render.api import OPTIONS_PROPERTY

    try:
        stated = json.loads(properties.get(OPTIONS_PROPERTY, ""))
    except ValueError:
        return {}
    return stated if isinstance(stated, dict) else {}


def _options(stated: Mapping[str, Any]) -> RenderOptions | None:
    """Return the options to render the carried data again with (None: not stated)."""
    from jmctl.render.api import RenderOptions

    table = stated.get("roster_table")
    session = stated.get("session")
    if not isinstance(table, bool):
        return None
    return RenderOptions(roster_table=table, session=session if isinstance(session, str) else None)


def _rendered(
    path: str, text: str, kind: str, options: RenderOptions
) -> tuple[str, dict[str, Any]] | None:
    """Return the checksum of the text `text` renders to as `kind`, and its data."""
    from jmctl.domain import builtin_renames
    from jmctl.findings import fails
    from jmctl.importing.formats.docx import read_docx
    from jmctl.loading import load_text
    from jmctl.render.api import outline
    from jmctl.render.docx_writer import write_docx
    from jmctl.validation import check_document

    loaded = load_text(text, path)
    if loaded.document is None:
        return None
    report = check_document(loaded.document, builtin_renames())
    if fails(report.findings) or report.model is None:
        return None
    try:
        rendered = write_docx(outline(report.model, kind, options))
    except Exception:  # the carried data no longer renders: read the text instead
        return None
    return text_digest(read_docx(rendered, path).lines), loaded.document.data
