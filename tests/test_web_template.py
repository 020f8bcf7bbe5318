"""An office's own web page template (page.html.j2 in `render --templates`): used when
there, sandboxed and bounded as an office's phrases.j2 is, every failure located in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.render.web_template import PAGE_TEMPLATE
from jmctl.resources import data_file, resource
from test_hostile import HOSTILE_TEMPLATES

from conftest import EXAMPLES

BAIHE = EXAMPLES / "baihe-2023.yaml"
BUILT_IN = data_file("web") / PAGE_TEMPLATE


def _run(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        cli, [str(arg) for arg in args], env={"NO_COLOR": "1", "JMCTL_LANG": "en"}
    )


def _folder(tmp_path: Path, page: str) -> Path:
    """A templates folder as `templates export` leaves it, with `page` as its page."""
    folder = tmp_path / "模板"
    folder.mkdir()
    shutil.copy(resource("templates", "phrases.j2"), folder / "phrases.j2")
    (folder / PAGE_TEMPLATE).write_text(page, "utf-8")
    return folder


def _render(tmp_path: Path, folder: Path):  # type: ignore[no-untyped-def]
    return _run("render", "web", BAIHE, "--templates", folder, "-o", tmp_path / "page.html")


def test_the_offices_page_template_writes_the_page(tmp_path: Path) -> None:
    built_in = BUILT_IN.read_text("utf-8")
    edited = built_in.replace("组成、办公室及成员单位职责分工", "组成及职责（本单位版式）", 1)
    assert edited != built_in
    folder = _folder(tmp_path, edited)
    result = _render(tmp_path, folder)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "page.html").read_text("utf-8")
    assert "组成及职责（本单位版式）" in page
    assert "县民政局" in page and "<style>" in page  # the data, and the built-in page.css


def test_without_a_page_template_the_folder_keeps_the_built_in_page(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "")
    (folder / PAGE_TEMPLATE).unlink()
    assert _render(tmp_path, folder).exit_code == 0
    assert "组成、办公室及成员单位职责分工" in (tmp_path / "page.html").read_text("utf-8")


def test_values_from_the_data_stay_text_in_the_offices_page(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "<!DOCTYPE html><p>{{ page.name ~ '<script>' }}</p>\n")
    assert _render(tmp_path, folder).exit_code == 0
    page = (tmp_path / "page.html").read_text("utf-8")
    assert "&lt;script&gt;" in page and "<script>" not in page


# The failures of test_hostile's wording templates, in a page template, and the page's own.
HOSTILE_PAGES = {
    name: HOSTILE_TEMPLATES[name]
    for name in ("zero", "range", "loops", "power", "memory", "output", "control")
} | {
    "escape": ("{{ page.__class__.__mro__ }}", "JM902", "SecurityError"),
    "undefined": ("{{ nothing.here }}", "JM902", "UndefinedError"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_every_failure_of_a_page_template_is_located_in_it(tmp_path: Path, name: str) -> None:
    body, code, words = HOSTILE_PAGES[name]
    folder = _folder(tmp_path, "{# my page #}\n<!DOCTYPE html>\n" + body + "\n")
    result = _render(tmp_path, folder)
    assert result.exit_code == 1
    line = 1 if code == "JM904" else 3  # the file, or the line that failed
    assert f"{folder / PAGE_TEMPLATE}:{line}:1: error {code}" in result.stderr
    assert words in result.stderr
    assert not (tmp_path / "page.html").exists()


def test_a_page_template_that_includes_itself_is_located(tmp_path: Path) -> None:
    folder = _folder(tmp_path, '{% include "page.html.j2" %}\n')
    result = _render(tmp_path, folder)
    assert result.exit_code == 1
    assert f"{folder / PAGE_TEMPLATE}:1:1: error JM902" in result.stderr
    assert "endless recursion" in result.stderr


def test_a_page_template_cannot_read_outside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("SECRET", "utf-8")
    folder = _folder(tmp_path, '{% include "../secret.txt" %}\n')
    result = _render(tmp_path, folder)
    assert result.exit_code == 1 and "JM902" in result.stderr
    assert "SECRET" not in result.output


def test_an_oversized_page_template_is_refused_before_it_is_compiled(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "x" * (256 * 1024 + 1))
    result = _render(tmp_path, folder)
    assert result.exit_code == 1
    assert f"{folder / PAGE_TEMPLATE}:1:1: error JM903" in result.stderr
    assert "larger than 256 KiB" in result.stderr
