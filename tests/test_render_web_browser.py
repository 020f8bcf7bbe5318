"""render web in a real headless Chromium: what its accessibility tree shows, the page on
a phone (360 CSS pixels, no horizontal scroll), a screenshot, and the page printed (A4,
each section on its own pages, no navigation)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from unicodedata import normalize

import pdfplumber
import pytest
from click.testing import CliRunner

from browser import chromium_command, devtools, print_pdf, read_png, screenshot
from jmctl.cli import cli

from conftest import CASES, EXAMPLES

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.slow,
    pytest.mark.skipif(
        chromium_command() is None,
        reason="needs Chromium (Debian: apt-get install chromium; scripts/setup installs it)",
    ),
]

SOURCES = {
    "baihe": EXAMPLES / "baihe-2023.yaml",
    "fujian": EXAMPLES / "fujian-2020.yaml",  # 25 member units, the longest names
    "public": CASES / "web" / "public-leading-group.yaml",
}
A4 = (595.28, 841.89)  # points
PHONE = 360  # CSS pixels: the narrowest phone a page must fit without horizontal scroll


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Render each source's page with the command line, as a user would."""
    folder = tmp_path_factory.mktemp("web")
    written = {}
    for key, source in SOURCES.items():
        target = folder / f"{key}.html"
        result = CliRunner().invoke(cli, ["render", "web", str(source), "-o", str(target)])
        assert result.exit_code == 0, result.output
        written[key] = target
    return written


def _named(nodes: list[dict[str, Any]], role: str) -> list[str]:
    return [
        str(node.get("name", {}).get("value", ""))
        for node in nodes
        if node.get("role", {}).get("value") == role and not node.get("ignored")
    ]


def _headings(nodes: list[dict[str, Any]]) -> list[tuple[int, str]]:
    found = []
    for node in nodes:
        if node.get("role", {}).get("value") != "heading":
            continue
        level = next(p["value"]["value"] for p in node["properties"] if p["name"] == "level")
        found.append((int(level), str(node["name"]["value"])))
    return found


def test_the_accessibility_tree_shows_headings_table_and_lists(pages: dict[str, Path]) -> None:
    with devtools() as page:
        page.open(pages["baihe"])
        nodes = page.accessibility_tree()
        language = page.evaluate("document.documentElement.lang")
    assert language == "zh-CN"
    assert _named(nodes, "RootWebArea") == ["白河县社会救助工作联席会议"]
    headings = _headings(nodes)
    assert headings[0] == (1, "白河县社会救助工作联席会议")
    assert [name for level, name in headings if level == 1] == ["白河县社会救助工作联席会议"]
    assert [name for level, name in headings if level == 2] == [
        "总召集人、召集人",
        "成员单位",
        "办公室",
        "职责分工",
        "依据",
    ]
    assert (3, "白河县教育局") in headings
    # The table is named by its caption; its headers are read with each cell.
    assert _named(nodes, "table") == ["白河县社会救助工作联席会议成员单位（共5个）"]
    assert _named(nodes, "columnheader") == ["序号", "单位", "职务"]
    assert _named(nodes, "rowheader")[:2] == ["白河县民政局", "白河县财政局"]
    assert len(_named(nodes, "row")) == 6  # the header row and five units
    # The navigation is a landmark with its list of sections; the seats are list items.
    assert _named(nodes, "navigation") == ["本页目录"]
    assert _named(nodes, "link") == ["总召集人、召集人", "成员单位", "办公室", "职责分工", "依据"]
    assert len(_named(nodes, "listitem")) >= 5 + 2 + 1 + 1  # nav, seats, office, basis
    assert set(_named(nodes, "region")) >= {"成员单位", "办公室", "职责分工"}


def test_a_public_roster_is_read_as_names_with_posts(pages: dict[str, Path]) -> None:
    with devtools() as page:
        page.open(pages["public"])
        nodes = page.accessibility_tree()
        text = page.evaluate("document.body.innerText")
    assert _named(nodes, "columnheader") == ["序号", "单位", "成员"]
    assert "组长：高明 市政府副市长" in text
    assert "联系方式：0599-8123456" in text


@pytest.mark.parametrize("key", sorted(SOURCES))
def test_a_phone_shows_the_page_without_horizontal_scroll(pages: dict[str, Path], key: str) -> None:
    with devtools() as page:
        page.open(pages[key], width=PHONE, height=740)
        inner = page.evaluate("window.innerWidth")
        wide = page.evaluate("document.documentElement.scrollWidth")
        table = page.evaluate("document.querySelector('table').getBoundingClientRect().right")
    assert inner == PHONE
    assert wide <= PHONE, f"{wide} px wide at {PHONE} px: the reader must scroll sideways"
    assert table <= PHONE


def test_a_screenshot_shows_the_page(pages: dict[str, Path], tmp_path: Path) -> None:
    picture = read_png(screenshot(pages["baihe"], tmp_path / "page.png", PHONE, 740).read_bytes())
    assert (picture.width, picture.height) == (PHONE, 740)
    # Not blank: text in many shades (anti-aliased), a fair share of dark ink, and the
    # title's dark red.
    assert len(picture.colours()) > 50
    assert 0.01 < picture.dark_share() < 0.5
    reds = [
        colour
        for colour in picture.colours()
        if colour[0] > 120 and colour[1] < 60 and colour[2] < 60
    ]
    assert reds, "the title's accent colour is missing"


def test_the_printed_page_is_a4_with_a_page_per_section(
    pages: dict[str, Path], tmp_path: Path
) -> None:
    pdf = print_pdf(pages["baihe"], tmp_path / "page.pdf")
    with pdfplumber.open(pdf) as document:
        sizes = [(page.width, page.height) for page in document.pages]
        # NFKC: the CJK fonts map some characters to their Kangxi radicals (⼯ for 工).
        texts = [normalize("NFKC", page.extract_text() or "") for page in document.pages]
    # A4 (210 × 297 mm), not Letter (612 × 792 pt): Chromium rounds to whole points.
    assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes), sizes
    # Each section starts a page of its own.
    starts = [text.splitlines()[0] for text in texts if text.strip()]
    for heading in ("成员单位", "办公室", "职责分工", "依据"):
        assert heading in starts, (heading, starts)
    # The navigation is not printed: the first page has the title and the convenors only.
    assert texts[0].splitlines()[0] == "白河县社会救助工作联席会议"
    assert "总召集人、召集人" in texts[0].splitlines()
    assert "依据" not in texts[0] and "成员单位" not in texts[0].splitlines()
