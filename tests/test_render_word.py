"""What Word and WPS read in a rendered DOCX: fonts, compatibility, headings, schema order."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from jmctl.cli import cli
from jmctl.render import ooxml
from jmctl.render.api import RenderError, format_for
from jmctl.render.cell_fit import condensing, line_ends
from jmctl.render.layout import FONTS
from jmctl.validation import validate_file
from rendered import rendered_example

from conftest import EXAMPLES, first_fast

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENTS = [
    ("dushan-2017", "notice", False),
    ("fujian-2020", "notice", False),
    ("qingshan-2022", "notice", False),
    ("qingshan-2022", "tasks", False),
    ("dushan-2017", "roster", True),
    ("dushan-2017", "duties", False),
]


def _docx(name: str, kind: str, table: bool = False) -> zipfile.ZipFile:
    return zipfile.ZipFile(BytesIO(rendered_example(name, kind, table)))


def _xml(package: zipfile.ZipFile, part: str) -> etree._Element:
    return etree.fromstring(package.read(part))


@pytest.mark.parametrize(("name", "kind", "table"), first_fast(DOCUMENTS))
def test_every_part_follows_the_schema_order(name: str, kind: str, table: bool) -> None:
    package = _docx(name, kind, table)
    parts = [p for p in package.namelist() if p.startswith("word/") and p.endswith(".xml")]
    assert "word/document.xml" in parts and "word/fontTable.xml" in parts
    for part in parts:
        assert ooxml.misordered(_xml(package, part)) == [], part


def test_the_order_check_finds_a_misplaced_property() -> None:
    root = etree.fromstring(
        f'<w:tblPr xmlns:w="{W[1:-1]}"><w:tblLook/><w:tblCellMar/><w:tblW/></w:tblPr>'
    )
    assert ooxml.misordered(root)


def test_font_table_declares_the_fonts_used_with_their_alternates() -> None:
    fonts = _xml(_docx("dushan-2017", "notice"), "word/fontTable.xml")
    declared = {font.get(f"{W}name"): font.find(f"{W}altName") for font in fonts.iter(f"{W}font")}
    assert set(vars(FONTS).values()) <= set(declared)
    assert "ＭＳ 明朝" not in declared and "Calibri" not in declared
    alternates = {name: alt.get(f"{W}val") for name, alt in declared.items() if alt is not None}
    assert alternates["仿宋_GB2312"] == "仿宋"
    assert alternates["楷体_GB2312"] == "楷体"
    assert alternates["方正小标宋简体"] == "华文中宋"


def test_compatibility_mode_15_and_chinese_theme_language() -> None:
    settings = _xml(_docx("dushan-2017", "notice"), "word/settings.xml")
    modes = [
        s.get(f"{W}val")
        for s in settings.iter(f"{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    ]
    assert modes == ["15"]
    assert settings.find(f"{W}themeFontLang").get(f"{W}eastAsia") == "zh-CN"


def test_styles_and_runs_with_shared_punctuation_are_marked_east_asian() -> None:
    package = _docx("qingshan-2022", "notice")
    styles = _xml(package, "word/styles.xml")
    fonts = list(styles.iter(f"{W}rFonts"))
    marked = [f for f in fonts if f.get(f"{W}eastAsia")]
    assert marked and all(f.get(f"{W}hint") == "eastAsia" for f in marked)
    document = _xml(package, "word/document.xml")
    runs = [r for r in document.iter(f"{W}r") if "“" in "".join(r.itertext())]
    assert runs
    for run in runs:
        assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}hint") == "eastAsia"


def test_headings_have_outline_levels_through_word_heading_styles() -> None:
    styles = _xml(_docx("dushan-2017", "notice"), "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    for ours, word, level in (("JMHeading1", "Heading1", "0"), ("JMHeading2", "Heading2", "1")):
        assert by_id[ours].find(f"{W}basedOn").get(f"{W}val") == word
        assert by_id[word].find(f"{W}name").get(f"{W}val") == f"heading {int(level) + 1}"
        for style in (by_id[ours], by_id[word]):
            assert style.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == level
        assert by_id[word].find(f"{W}rPr/{W}color") is None  # not Word's blue


def test_page_number_digits_are_song() -> None:
    styles = _xml(_docx("dushan-2017", "notice"), "word/styles.xml")
    style = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "JMPageNumber")
    fonts = style.find(f"{W}rPr/{W}rFonts")
    assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia")} == {"宋体"}


def test_table_rows_never_split_and_cells_keep_text_off_the_rules() -> None:
    document = _xml(_docx("qingshan-2022", "tasks"), "word/document.xml")
    table = next(document.iter(f"{W}tbl"))
    rows = table.findall(f"{W}tr")
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    margins = table.find(f"{W}tblPr/{W}tblCellMar")
    widths = {m.tag[len(W) :]: int(m.get(f"{W}w")) for m in margins}
    assert widths["top"] >= 56 and widths["bottom"] >= 56  # 1 mm
    assert widths["left"] >= 56 and widths["right"] >= 56


def test_cell_spacing_moves_breaks_out_of_brackets_and_single_characters() -> None:
    text = "镇社会事务办（牵头）、各村（社区）"
    assert line_ends(text, 7) == [7, 14]  # "镇社会事务办（|牵头）…": a split bracket
    spacing = condensing(text, 7 * 280, 280)
    assert spacing != 0
    capacity = 7 * 280 / (280 + spacing)
    ends = line_ends(text, capacity)
    assert all(not (6 < end <= 9) for end in ends)
    assert condensing("镇民政办", 7 * 280, 280) == 0
    text = "开展困难群众全面排查"
    assert line_ends(text, 9) == [9]  # "查" alone on the last line
    spacing = condensing(text, 9 * 280, 280)
    assert len(text) - line_ends(text, 9 * 280 / (280 + spacing))[-1] >= 2


def test_format_follows_the_output_suffix() -> None:
    assert format_for(Path("x.pdf"), None) == "pdf"
    assert format_for(Path("x.docx"), None) == "docx"
    assert format_for(None, None) == "docx"
    assert format_for(Path("x"), "pdf") == "pdf"
    with pytest.raises(RenderError, match="不一致"):
        format_for(Path("x.pdf"), "docx")


@pytest.mark.libreoffice
def test_dash_o_pdf_writes_a_pdf(tmp_path: Path) -> None:
    target = tmp_path / "通知.pdf"
    result = CliRunner().invoke(
        cli, ["render", "notice", str(EXAMPLES / "dushan-2017.yaml"), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")


def test_the_data_file_travels_inside_unless_left_out(tmp_path: Path) -> None:
    source = EXAMPLES / "dushan-2017.yaml"
    runner = CliRunner()
    kept, left = tmp_path / "kept.docx", tmp_path / "left.docx"
    assert runner.invoke(cli, ["render", "notice", str(source), "-o", str(kept)]).exit_code == 0
    args = ["render", "notice", str(source), "-o", str(left), "--no-embed-data"]
    assert runner.invoke(cli, args).exit_code == 0
    with zipfile.ZipFile(kept) as package:
        carried = package.read("docProps/custom.xml").decode("utf-8")
    first_comment = source.read_text("utf-8").splitlines()[0]
    assert first_comment.startswith("#") and first_comment in carried  # comments included
    with zipfile.ZipFile(left) as package:
        assert "docProps/custom.xml" not in package.namelist()
        assert "曾纪泽" in package.read("word/document.xml").decode("utf-8")


def test_a_four_character_name_widens_the_name_column_for_everyone() -> None:
    from jmctl.render.compose import name_width, roster_line

    model = validate_file(pages_stress("long-post-three-convenors.yaml")).model
    assert name_width(model.roster) == 4
    lines = [roster_line(None, 4, person, name_width(model.roster)) for person in model.people()]
    assert len({line.left for line in lines}) == 1  # every post starts in one column
    long = next(line for line in lines if "欧阳文军" in line.text)
    short = next(line for line in lines if "王　芳" in line.text)
    assert long.text.index("县财政局") == short.text.index("县公安局") == 5


def pages_stress(name: str) -> Path:
    return EXAMPLES.parent / "tests" / "cases" / "stress" / name
