"""The documents jmctl renders, from their one registry (data/render_kinds.yaml).

`render.api` (what the data supports, default names, which outline), the command line's
choices and the importer's reading of a carried document derive from here. Light on
purpose: `jmctl --help` reads the kinds without loading the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from jmctl.resources import data_file

REGISTRY = "render_kinds.yaml"


@dataclass(frozen=True)
class RenderKind:
    """One document jmctl renders: its key, its names and what the data needs for it."""

    key: str
    zh: str
    en: str
    needs: str  # what the data lacks when it cannot print this document
    scope: str = "edition"  # or "session": one document per meeting held
    writes: str = "docx"  # or "html": a web page, never through LibreOffice

    @property
    def per_session(self) -> bool:
        return self.scope == "session"


@cache
def render_kinds() -> dict[str, RenderKind]:
    """Return every document kind by key, in the order `render all` writes them."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw: dict[str, Any] = yaml.load(data_file(REGISTRY).read_text("utf-8"), Loader=loader)
    return {
        key: RenderKind(
            key,
            entry["zh"],
            entry["en"],
            entry["needs"],
            entry.get("scope", "edition"),
            entry.get("writes", "docx"),
        )
        for key, entry in raw["kinds"].items()
    }


def render_kind_keys() -> tuple[str, ...]:
    return tuple(render_kinds())
