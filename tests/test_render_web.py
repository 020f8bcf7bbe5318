"""render web: the public page of the members, read as HTML (no browser needed here).

What a browser makes of it (accessibility tree, phone width, print) is tested in
test_render_web_browser.py with a real headless Chromium.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.render import api
from jmctl.render.phrases import Phrases
from jmctl.render.web import page_html
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES

WEB_CASES = CASES / "web"
BAIHE = EXAMPLES / "baihe-2023.yaml"
PUBLIC = WEB_CASES / "public-leading-group.yaml"
MARKUP = WEB_CASES / "markup-names.yaml"


class Parsed(HTMLParser):
    """The elements and the text of a page, as a browser's parser reads them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        heading = next((tag for tag in reversed(self._open) if tag in {"h1", "h2", "h3"}), None)
        if heading is not None:
            self.headings.append((heading, data))

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def body_text(self) -> str:
        return "".join(self.text)


def page_of(source: Path) -> Parsed:
    report = validate_file(source)
    assert report.model is not None
    return Parsed(page_html(report.model, Phrases()))


def test_the_page_is_one_self_contained_zh_document() -> None:
    html = page_html(validate_file(BAIHE).model, Phrases())  # type: ignore[arg-type]
    page = Parsed(html)
    assert html.startswith("<!DOCTYPE html>")
    assert page.all("html") == [{"lang": "zh-CN"}]
    assert {"charset": "utf-8"} in page.all("meta")
    # Nothing to fetch and nothing to run: no scripts, style sheets, fonts or pictures.
    for tag in ("script", "link", "img", "iframe", "object"):
        assert page.all(tag) == [], tag
    assert "@import" not in html and "url(" not in html
    assert all(str(attrs["href"]).startswith("#") for attrs in page.all("a"))
    assert len(page.all("style")) == 1
    assert "@media print" in html and "size: A4" in html


def test_headings_name_the_meeting_then_its_sections() -> None:
    page = page_of(BAIHE)
    assert [text for tag, text in page.headings if tag == "h1"] == ["白河县社会救助工作联席会议"]
    assert [text for tag, text in page.headings if tag == "h2"] == [
        "总召集人、召集人",
        "成员单位",
        "办公室",
        "职责分工",
        "依据",
    ]
    # Each unit's duties under its own full name.
    assert ("h3", "白河县人力资源和社会保障局") in page.headings


def test_members_are_a_table_with_caption_and_scoped_headers() -> None:
    page = page_of(BAIHE)
    assert "白河县社会救助工作联席会议成员单位（共5个）" in page.body_text
    scopes = [attrs.get("scope") for attrs in page.all("th")]
    assert scopes.count("col") == 3 and scopes.count("row") == 5
    assert len(page.all("caption")) == 1


def test_by_default_the_page_publishes_posts_not_names() -> None:
    page = page_of(BAIHE)
    text = page.body_text
    for name in ("张伟", "李娜", "王强", "刘洋", "陈刚", "赵敏"):
        assert name not in text
    assert "总召集人：县政府副县长" in text
    assert "局长（召集人）" in text  # the 民政局's head is a convenor, in its unit's row
    assert "办公室主任：县民政局局长" in text  # the director by the post the roster gives
    assert "不公布姓名" in text
    assert "白府办发〔2023〕5号，2023年2月20日" in text


def test_a_public_roster_names_people_and_the_office_contact() -> None:
    page = page_of(PUBLIC)
    text = page.body_text
    assert "组长：高明 市政府副市长" in text
    assert "副组长：罗静 市民政局局长" in text
    assert "办公室主任：罗静 市民政局局长" in text
    assert "副主任：何军 市民政局副局长" in text
    assert "0599-8123456（市民政局社会救助科），青溪市人民路18号" in text
    assert "不公布姓名" not in text
    assert "《社会救助暂行办法》（国务院令第649号）" in text
    # Two duties are a numbered list; one is a paragraph.
    assert len(page.all("ol")) == 2  # the office's functions and the 民政局's two duties


def test_every_data_string_prints_as_text() -> None:
    page = page_of(MARKUP)
    assert page.all("script") == [] and page.all("img") == [] and page.all("b") == []
    assert [attrs["href"] for attrs in page.all("a")] == ["#leads", "#members", "#duties"]
    text = page.body_text
    assert '<script>alert("x")</script>局' in text
    assert "县民政局&amp;财政局" in text  # an entity in the data is text, not a character
    assert "<img src=x onerror=alert(2)>" in text
    assert "</li></ol><script>alert(3)</script>" in text
    assert '<a href="http://example.invalid">联系我们</a>' not in text  # no office: no contact


def test_the_page_needs_member_units() -> None:
    report = validate_file(BAIHE)
    assert report.model is not None
    assert "web" in api.available_kinds(report.model)
    bare = dataclasses.replace(report.model, members=[])
    assert "web" not in api.available_kinds(bare)


def test_render_web_writes_html_whatever_the_format(tmp_path: Path) -> None:
    # A page never goes through LibreOffice: --format pdf does not apply to it.
    result = CliRunner().invoke(
        cli, ["render", "web", str(PUBLIC), "--format", "pdf", "-d", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "字体替换" not in result.output  # no font is substituted in a page
    (written,) = tmp_path.iterdir()
    assert written.name == "青溪市困难群众基本生活保障工作领导小组-成员单位网页（2024年）.html"
    assert written.read_bytes().startswith(b"<!DOCTYPE html>")
    assert "高明" in written.read_text("utf-8")


def test_a_page_named_as_another_format_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "成员单位.docx"
    result = CliRunner().invoke(cli, ["render", "web", str(BAIHE), "-o", str(target)])
    assert result.exit_code == 1
    assert "网页只能写成 .html 文件" in result.output
    assert not target.exists()


@pytest.mark.slow
def test_render_all_writes_the_page_beside_the_documents(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", "all", str(BAIHE), "-d", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in tmp_path.iterdir())
    assert "白河县社会救助工作联席会议-成员单位网页（2023年）.html" in names
    assert sum(name.endswith(".docx") for name in names) == len(names) - 1


def test_a_roster_of_names_alone_leaves_only_the_units() -> None:
    page = page_of(WEB_CASES / "names-only-roster.yaml")
    text = page.body_text
    for name in ("李卫宁", "王涛", "周敏"):
        assert name not in text
    assert [text for tag, text in page.headings if tag == "h2"] == ["成员单位", "职责分工"]
    assert [attrs.get("scope") for attrs in page.all("th")] == ["col", "col", "row", "row"]
    assert "指挥长：" not in text  # no label left standing without a post


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.stem)
def test_no_example_page_leaks_a_name_it_does_not_publish(example: Path) -> None:
    report = validate_file(example)
    assert report.model is not None and not report.model.publish.roster
    model = report.model
    names = {person.name for person in model.people() if person.name}
    if model.office is not None:
        names |= {model.office.director or ""} | {s.name or "" for s in model.office.staff}
    text = Parsed(page_html(model, Phrases())).body_text
    assert [name for name in names - {""} if name in text] == []
