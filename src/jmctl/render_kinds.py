"""The documents jmctl renders, from their one registry (data/render_kinds.yaml).

`render.api` (what the data supports, default names, which outline), the command line's
choices and the importer's reading of a carried document derive from here. Light on
purpose: `jmctl --help` reads the kinds without loading the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
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
    available: str  # a part of the model, or module:function, that says the data has it
    layout: str  # module:function laying it out (render/kind_code.py says the shape)
    scope: str = "edition"  # or "session": one document per meeting held
    writes: str = "docx"  # or "html": a web page, never through LibreOffice
    help_zh: str = ""  # how `render --help` names it, when not by its zh name
    help_en: str = ""

    @property
    def per_session(self) -> bool:
        return self.scope == "session"


@cache
def render_kinds() -> dict[str, RenderKind]:
    """Return every document kind by key, in the order `render all` writes them."""
    return read_render_kinds(data_file(REGISTRY))


def read_render_kinds(path: Path) -> dict[str, RenderKind]:
    """Return the kinds of the registry at `path` (data/render_kinds.yaml's shape)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw: dict[str, Any] = yaml.load(path.read_text("utf-8"), Loader=loader)
    return {key: _kind(key, entry) for key, entry in raw["kinds"].items()}


def _kind(key: str, entry: dict[str, Any]) -> RenderKind:
    said = entry.get("help", {})
    return RenderKind(
        key,
        entry["zh"],
        entry["en"],
        entry["needs"],
        entry["available"],
        entry["layout"],
        entry.get("scope", "edition"),
        entry.get("writes", "docx"),
        said.get("zh", ""),
        said.get("en", ""),
    )


def render_kind_keys() -> tuple[str, ...]:
    return tuple(render_kinds())


KINDS_MARK = "{render-kinds}"  # where a help text lists the kinds (data/help/render.yaml)
_ALL = {"zh": "或 all（数据支持的全部文件）", "en": "or all (every document the data supports)"}


def kinds_sentence(lang: str) -> str:
    """Return the list of kinds `render --help` gives, in `lang`, from the registry:
    notice（通知或函，含全部内容）、roster（成员名单）…或 all（数据支持的全部文件）."""
    if lang == "zh":
        named = [f"{key}（{kind.help_zh or kind.zh}）" for key, kind in render_kinds().items()]
        return "、".join(named) + _ALL["zh"]
    named = [f"{key} ({kind.help_en or kind.en})" for key, kind in render_kinds().items()]
    return ", ".join(named) + ", " + _ALL["en"]
