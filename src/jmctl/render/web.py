"""Write the public web page of a meeting (render web): one self-contained HTML file.

The page is written from a Jinja2 template shipped in data/web/, with autoescape on, so
that a unit named `<script>` prints as text. It is UTF-8, carries its style sheet inline
and fetches nothing: it can be mailed, put on any site or opened from a USB stick.
A page never goes through LibreOffice: `--format pdf` does not apply to it (browsers
print it to PDF with its own print style sheet, A4).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from jmctl import __version__
from jmctl.model import JointMeeting
from jmctl.outputs import OutputError
from jmctl.render.phrases import Phrases
from jmctl.render.web_template import office_page, render_office_page
from jmctl.render.web_view import web_page
from jmctl.resources import data_file

PAGE_TEMPLATE = "page.html.j2"
PAGE_SUFFIXES = (".html", ".htm")
PAGE_START = b"<!DOCTYPE html>"  # how the template begins


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(data_file("web")),
        autoescape=True,  # every value from the data is text, never markup
        undefined=StrictUndefined,  # a misspelt field fails the tests, never prints blank
        keep_trailing_newline=True,
    )


def page_html(model: JointMeeting, phrases: Phrases) -> str:
    """Return the page of `model` as HTML text: from the office's page.html.j2 when its
    templates folder has one (sandboxed, bounded), else from the built-in template."""
    values: dict[str, object] = {"page": web_page(model, phrases), "version": __version__}
    office = office_page(phrases.folder)
    if office is not None:
        return render_office_page(office, values)
    return _environment().get_template(PAGE_TEMPLATE).render(**values)


def page_bytes(model: JointMeeting, phrases: Phrases, target: Path) -> bytes:
    """Return the page as UTF-8 bytes for `target`; raise OutputError when the name
    of `target` says another format (a page written as page.docx would not open)."""
    if target.suffix.lower() not in PAGE_SUFFIXES:
        raise OutputError(
            f"{target.name}：网页只能写成 .html 文件 (a web page is written as .html, "
            f"not {target.suffix or 'a name without a suffix'})"
        )
    return page_html(model, phrases).encode("utf-8")


def is_page(data: bytes) -> bool:
    """Return whether `data` is a page this module wrote (it is written as it is, never
    converted to PDF): the bytes say so, whatever name the page is given."""
    return data.startswith(PAGE_START)
