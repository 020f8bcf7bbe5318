"""Script conversion for imported documents (OpenCC), and the note of each change."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from jmctl.genre import without_padding as clean

__all__ = ["ScriptChange", "clean", "to_simplified", "traditional_share"]


@dataclass(frozen=True)
class ScriptChange:
    """A line the import rewrote: to simplified characters ("script"), or half-width
    punctuation beside Chinese made full-width ("punctuation")."""

    line: int
    before: str
    after: str
    what: str = "script"


@cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def traditional_share(texts: list[str]) -> float:
    """Return the share of characters that are traditional (OpenCC t2s would change)."""
    convert = _to_simplified().convert
    total = changed = 0
    for text in texts:
        converted = convert(text)
        total += len(text)
        changed += sum(a != b for a, b in zip(text, converted, strict=False))
    return changed / total if total else 0.0


def to_simplified(text: str) -> str:
    return str(_to_simplified().convert(text))
