"""The wording jmctl writes itself, from jinja2 macros in templates/phrases.j2.

Templates (ours and a user's) run in Jinja's immutable sandbox: they can read
the values they are given and nothing else.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jmctl.resources import resource

PHRASES = "phrases.j2"


class PhraseError(Exception):
    """A wording template that cannot be loaded or fails when called."""


class Phrases:
    """Calls the wording macros: a user's folder first, then the built-in templates."""

    def __init__(self, user_folder: Path | None = None) -> None:
        self._modules = [
            _module(folder)
            for folder in (user_folder, resource("templates"))
            if folder is not None and (folder / PHRASES).is_file()
        ]
        if user_folder is not None and not (user_folder / PHRASES).is_file():
            raise PhraseError(f"{user_folder / PHRASES}：模板文件不存在 (no such template)")

    def __call__(self, name: str, *args: Any) -> str:
        """Return the text of macro `name` called with `args`, stripped."""
        for module in self._modules:
            macro = getattr(module, name, None)
            if macro is not None:
                try:
                    return str(macro(*args)).strip()
                except TemplateError as error:
                    raise PhraseError(f"模板 {name} 出错 (template error)：{error}") from error
        raise PhraseError(f"模板中没有 {name} (no such macro)")


@cache
def _module(folder: Path) -> Any:
    """Return the compiled macros of `folder`/phrases.j2 (compiled once per process)."""
    environment = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(folder), undefined=StrictUndefined, autoescape=False
    )
    try:
        return environment.get_template(PHRASES).module
    except TemplateError as error:
        raise PhraseError(f"{folder / PHRASES}：{error}") from error
