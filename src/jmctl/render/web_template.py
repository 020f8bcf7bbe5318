"""An office's own web page template: `page.html.j2` in the `render --templates` folder.

It runs as the office's phrases.j2 does (`render.phrases`): in the bounded sandbox
(`render.sandbox`, `render.budget`), read from a file of at most MAX_TEMPLATE_BYTES,
every failure a finding located in the template (JM902–JM904). Unlike the wording it
writes HTML, so autoescape stays on: a value from the data prints as text. What the
template does not hold itself (the style sheet, `{% include "page.css" %}`) is the
built-in one unless the folder has its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, Template

from jmctl.findings import FILE_START, Finding
from jmctl.render.phrases import CONTROL, MAX_TEMPLATE_BYTES, PhraseError, template_error
from jmctl.render.sandbox import BoundedSandbox, bounded
from jmctl.resources import data_file

PAGE_TEMPLATE = "page.html.j2"
BUILT_IN = "web"  # data/web/: the shipped page template and its style sheet


def office_page(folder: Path | None) -> Path | None:
    """Return the office's page template in `folder`, or None to use the built-in one."""
    if folder is None or not (folder / PAGE_TEMPLATE).is_file():
        return None
    return folder / PAGE_TEMPLATE


def render_office_page(path: Path, values: dict[str, object]) -> str:
    """Return the page `path` writes from `values`, under the template budget."""
    status = path.stat()
    template = _compiled(path, status.st_mtime_ns, status.st_size)
    try:
        with bounded():
            # What Template.render does, less its rewriting of the traceback: the frames
            # stay the compiled code's, which `template_error` maps back to the lines.
            text = "".join(template.root_render_func(template.new_context(values)))
    except Exception as error:  # an office's template can raise anything: say where
        raise template_error(path, PAGE_TEMPLATE, error, template) from error
    control = CONTROL.search(text)
    if control:
        char = f"U+{ord(control.group()):04X}"
        finding = Finding(str(path), FILE_START, "JM904", {"macro": PAGE_TEMPLATE, "char": char})
        raise PhraseError(finding.message(), finding)
    return text


@cache
def _compiled(path: Path, mtime: int, size: int) -> Template:
    """Compile `path` once per version of it; refuse a file over the size bound first."""
    if size > MAX_TEMPLATE_BYTES:
        kib = MAX_TEMPLATE_BYTES // 1024
        args = {
            "macro": PAGE_TEMPLATE,
            "detail": f"文件大于 {kib} KiB",
            "detail_en": f"the file is larger than {kib} KiB",
        }
        finding = Finding(str(path), FILE_START, "JM903", args)
        raise PhraseError(finding.message(), finding)
    loader = ChoiceLoader([FileSystemLoader(path.parent), FileSystemLoader(data_file(BUILT_IN))])
    environment = BoundedSandbox(
        loader=loader, undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True
    )
    try:
        with bounded():
            return environment.get_template(PAGE_TEMPLATE)
    except Exception as error:  # a syntax error, or an include of itself
        raise template_error(path, PAGE_TEMPLATE, error, None) from error
