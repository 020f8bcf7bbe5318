"""Rendered examples shared by the tests that only read them.

Rendering is the costliest step of the fast lane, and a rendered document is bytes, which
no test can change: each example and kind is rendered once a run. A test of rendering
itself (determinism, templates, options) renders its own.
"""

from __future__ import annotations

from functools import cache

from jmctl.render.api import RenderOptions, outline
from jmctl.render.docx_writer import write_docx
from jmctl.validation import validate_file

from conftest import EXAMPLES

# The notice fields a rendered notice prints, so those its text must give back on import.
NOTICE_SHOWN = (
    "kind",
    "issuer",
    "doc_number",
    "date",
    "recipients",
    "cc",
    "printed_by",
    "print_date",
    "disclosure",
    "layout",
    "copies",
    "electronic_copies",
)


@cache
def rendered_example(name: str, kind: str, roster_table: bool = False) -> bytes:
    """Return examples/`name`.yaml rendered as `kind`, with the default options."""
    model = validate_file(EXAMPLES / f"{name}.yaml").model
    assert model is not None, name
    return write_docx(outline(model, kind, RenderOptions(roster_table=roster_table)))
