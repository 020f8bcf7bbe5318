"""The wording jmctl writes itself, from jinja2 macros in templates/phrases.j2.

Templates (ours and a user's) run in a bounded sandbox (`render.sandbox`): they can
read the values they are given and nothing else, in bounded time and memory. Whatever
a user's template raises becomes a finding located in that template (JM902–JM904).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType

from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateSyntaxError
from jinja2.environment import TemplateModule

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
from jmctl.findings import FILE_START, Finding, Mark
from jmctl.render.sandbox import BoundedSandbox, TemplateLimit, bounded
from jmctl.resources import resource

PHRASES = "phrases.j2"
MAX_TEMPLATE_BYTES = 256 * 1024  # the built-in wording is 5 KB
# What a DOCX cannot hold (XML 1.0 forbids these characters).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_RECURSION = Text(
    "无限递归（宏调用自身，或模板导入自身）",
    "endless recursion (a macro that calls itself, or a template that imports itself)",
)


class PhraseError(JmctlError):
    """A wording template that cannot be loaded or fails when called; `finding` says
    where in the template, when it is known."""


class Phrases:
    """Calls the wording macros: a user's folder first, then the built-in templates."""

    def __init__(self, user_folder: Path | None = None) -> None:
        if user_folder is not None and not (user_folder / PHRASES).is_file():
            raise PhraseError(f"{user_folder / PHRASES}：模板文件不存在 (no such template)")
        self.folder = user_folder  # the office's templates (its web page's too), if any
        self._modules = [
            _module(folder)
            for folder in (user_folder, resource("templates"))
            if folder is not None and (folder / PHRASES).is_file()
        ]

    def __call__(self, name: str, *args: object) -> str:
        """Return the text of macro `name` called with `args`, stripped."""
        for loaded in self._modules:
            macro = getattr(loaded.module, name, None)
            if macro is not None:
                return _call(loaded, name, macro, args)
        raise PhraseError(f"模板中没有 {name} (no such macro)")


@dataclass(frozen=True)
class _Loaded:
    path: Path
    template: Template
    module: TemplateModule


def _call(
    loaded: _Loaded, name: str, macro: Callable[..., object], args: tuple[object, ...]
) -> str:
    path = loaded.path
    try:
        with bounded():
            text = str(macro(*args)).strip()
    except Exception as error:  # a user's template can raise anything: say where
        raise _template_error(path, name, error, loaded.template) from error
    control = _CONTROL.search(text)
    if control:
        char = f"U+{ord(control.group()):04X}"
        finding = Finding(
            str(path), _macro_line(path, name), "JM904", {"macro": name, "char": char}
        )
        raise PhraseError(finding.message(), finding)
    return text


def _module(folder: Path) -> _Loaded:
    """Return the compiled macros of `folder`/phrases.j2 (compiled once per version)."""
    status = (folder / PHRASES).stat()
    return _compiled(folder, status.st_mtime_ns, status.st_size)


@cache
def _compiled(folder: Path, mtime: int, size: int) -> _Loaded:
    path = folder / PHRASES
    if size > MAX_TEMPLATE_BYTES:
        finding = Finding(
            str(path),
            FILE_START,
            "JM903",
            {
                "macro": PHRASES,
                "detail": f"文件大于 {MAX_TEMPLATE_BYTES // 1024} KiB",
                "detail_en": f"the file is larger than {MAX_TEMPLATE_BYTES // 1024} KiB",
            },
        )
        raise PhraseError(finding.message(), finding)
    environment = BoundedSandbox(
        loader=FileSystemLoader(folder), undefined=StrictUndefined, autoescape=False
    )
    template = None
    try:
        with bounded():
            template = environment.get_template(PHRASES)
            return _Loaded(path, template, template.module)
    except Exception as error:
        raise _template_error(path, PHRASES, error, template) from error


def _template_error(
    path: Path, name: str, error: Exception, template: Template | None
) -> PhraseError:
    """Return the PhraseError, with its located finding, for `error` raised by a template."""
    if isinstance(error, PhraseError):
        return error
    mark = _error_mark(path, error, template) or _macro_line(path, name)
    if isinstance(error, TemplateLimit):
        args: dict[str, object] = {"macro": name, "detail": error.zh, "detail_en": error.en}
        finding = Finding(str(path), mark, "JM903", args)
    else:
        detail: str | Text = f"{type(error).__name__}: {error}"[:300]
        if isinstance(error, RecursionError):
            detail = _RECURSION
        finding = Finding(str(path), mark, "JM902", {"macro": name, "detail": detail})
    return PhraseError(finding.message(), finding)


def _error_mark(path: Path, error: Exception, template: Template | None) -> Mark | None:
    """Return the line of `path` the error was raised at (the template's compiled code
    maps back to its lines), or None when it did not pass there."""
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        return Mark(error.lineno, 1)
    line = None
    trace: TracebackType | None = error.__traceback__
    while trace is not None:
        if template is not None and trace.tb_frame.f_code.co_filename == str(path):
            line = template.get_corresponding_lineno(trace.tb_lineno)
        trace = trace.tb_next
    return Mark(line, 1) if line else None


def _macro_line(path: Path, name: str) -> Mark:
    """Return the line where macro `name` is defined in `path` (the file's start if not)."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return FILE_START
    match = re.search(rf"\{{%-?\s*macro\s+{re.escape(name)}\b", text)
    return Mark(text.count("\n", 0, match.start()) + 1, 1) if match else FILE_START


# What the office's web page template (render.web_template) shares with the wording's.
template_error = _template_error
CONTROL = _CONTROL
