"""Rendered DOCX: content against reviewed goldens, and the OOXML that carries the layout."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from jmctl.render import layout, styles
from jmctl.render.api import RenderOptions, available_kinds, outline
from jmctl.render.docx_writer import write_docx
from jmctl.render.reference import build_reference, reference_path
from jmctl.render.template_links import LinkedTemplate
from jmctl.validation import validate_file
from rendered import rendered_example

from conftest import EXAMPLES, first_fast
from docx_reading import body_lines

GOLDENS = Path(__file__).resolve().parent / "goldens"
CASES = [("dushan-2017", kind) for kind in ("notice", "roster", "duties")]
CASES += [("fujian-2020", kind) for kind in ("notice", "roster", "duties")]
CASES += [("qingshan-2022", kind) for kind in ("notice", "duties", "tasks")]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _render(name: str, kind: str, **options: object) -> bytes:
    model = validate_file(EXAMPLES / f"{name}.yaml").model
    assert model is not None
    return write_docx(outline(model, kind, RenderOptions(**options)))  # type: ignore[arg-type]


def _xml(data: bytes, part: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(BytesIO(data)).read(part))


@pytest.mark.parametrize(("name", "kind"), first_fast(CASES), ids=lambda v: v)
def test_content_matches_the_reviewed_golden(name: str, kind: str, update_goldens: bool) -> None:
    golden = GOLDENS / f"{name}-{kind}.txt"
    lines = body_lines(rendered_example(name, kind))
    if update_goldens:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()


@pytest.mark.slow
def test_available_kinds_follow_the_data() -> None:
    kinds = {
        name: available_kinds(validate_file(EXAMPLES / f"{name}.yaml").model)
        for name in ("dushan-2017", "fujian-2020", "qingshan-2022")
    }
    assert kinds == {
        "dushan-2017": ["notice", "roster", "duties", "web"],
        "fujian-2020": ["notice", "roster", "duties", "web"],
        # units-only membership: no named roster to print
        "qingshan-2022": ["notice", "duties", "tasks", "web"],
    }


def test_same_input_gives_byte_identical_docx_at_any_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Zip members carry the time they were written unless the package is made
    deterministic: the second render runs three days and a few seconds later."""
    first = _render("dushan-2017", "notice")
    now = time.time
    monkeypatch.setattr(time, "time", lambda: now() + 3 * 86400 + 7)
    assert _render("dushan-2017", "notice") == first


RENDER_IN_A_PROCESS = """
import sys
from pathlib import Path
from jmctl.render.api import RenderOptions, render_file
render_file(Path(sys.argv[1]), ["notice"], RenderOptions(), output=Path(sys.argv[2]))
"""


@pytest.mark.slow  # two Python processes
def test_same_input_gives_the_same_bytes_in_any_time_zone_and_hash_seed(tmp_path: Path) -> None:
    outputs = []
    # POSIX zone names need no tz database: 26 hours apart, so local dates differ too.
    for zone, seed in (("WEST+12", "1"), ("EAST-14", "2")):
        target = tmp_path / f"{seed}.docx"
        subprocess.run(
            [sys.executable, "-c", RENDER_IN_A_PROCESS, str(EXAMPLES / "fujian-2020.yaml"), target],
            env={**os.environ, "TZ": zone, "PYTHONHASHSEED": seed},
            check=True,
            timeout=120,
        )
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.slow
def test_document_properties_carry_the_notice_date_not_the_render_time(tmp_path: Path) -> None:
    """Also with a template that has no properties part, where python-docx would stamp now."""
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(reference_path()) as source, zipfile.ZipFile(bare, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "_rels/.rels":  # the package no longer points at the part
                data = re.sub(rb"<Relationship [^>]*docProps/core.xml\"/>", b"", data)
            if item.filename != "docProps/core.xml":
                target.writestr(item, data)
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    for template in (None, bare):
        data = write_docx(outline(model, "notice", RenderOptions()), template)
        properties = Document(BytesIO(data)).core_properties
        stamp = dt.datetime(2017, 2, 23, tzinfo=dt.UTC)  # the notice's date
        assert (properties.created, properties.modified) == (stamp, stamp), template
        assert (properties.author, properties.revision) == ("jmctl", 1)


def test_committed_reference_is_what_the_builder_builds() -> None:
    assert reference_path().read_bytes() == build_reference()


def test_every_style_names_its_east_asian_font_and_no_theme_font() -> None:
    root = _xml(rendered_example("dushan-2017", "notice"), "word/styles.xml")
    fonts = root.findall(f".//{W}rFonts")
    assert fonts
    for element in fonts:
        assert not any(name.endswith("Theme") for name in (a.split("}")[1] for a in element.attrib))
    expected = {
        "Normal": layout.FONTS.body,
        styles.TITLE: layout.FONTS.title,
        styles.HEADING_1: layout.FONTS.heading,
        styles.HEADING_2: layout.FONTS.subheading,
        styles.MARK: layout.FONTS.title,
        styles.PAGE_NUMBER: layout.FONTS.page_number,
    }
    for style in root.findall(f"{W}style"):
        name = style.find(f"{W}name").get(f"{W}val")
        if name in expected:
            east_asia = style.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia")
            assert east_asia == expected[name], name
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(f"{W}eastAsia") == layout.FONTS.body


def test_body_grid_line_pitch_and_character_spacing() -> None:
    document = Document(BytesIO(rendered_example("dushan-2017", "notice")))
    normal = document.styles["Normal"].element
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    assert normal.find(f"{W}rPr/{W}spacing").get(f"{W}val") == "-5"
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLine") == "630"
    assert normal.find(f"{W}pPr/{W}widowControl").get(f"{W}val") == "1"  # no widows
    assert normal.find(f"{W}pPr/{W}overflowPunct").get(f"{W}val") == "1"


def test_page_is_a4_with_the_standard_margins() -> None:
    section = Document(BytesIO(rendered_example("dushan-2017", "notice"))).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(m.twips for m in margins) == (2098, 1984, 1588, 1474)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")


def test_odd_and_even_footers_carry_page_fields_on_opposite_sides() -> None:
    data = rendered_example("dushan-2017", "notice")
    settings = _xml(data, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    section = Document(BytesIO(data)).sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        assert paragraph.style.name == styles.PAGE_NUMBER
        assert paragraph._p.find(f"{W}pPr/{W}jc").get(f"{W}val") == alignment
        instructions = [t.text for t in paragraph._p.iter(f"{W}instrText")]
        assert instructions == [" PAGE "]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")


def test_letter_format_has_its_mark_in_the_first_page_header_and_no_first_page_number() -> None:
    section = Document(BytesIO(rendered_example("fujian-2020", "notice"))).sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header.paragraphs
    assert (header[0].style.name, header[0].text) == (styles.MARK, "福建省人民政府办公厅")
    assert section.first_page_footer.paragraphs[0].text == ""
    borders = [
        b.get(qn("w:val"))
        for p in (header[1], section.first_page_footer.paragraphs[0])
        for b in p._p.iter(qn("w:bottom"))
    ]
    assert borders == ["thickThinSmallGap", "thinThickSmallGap"]


def test_roster_aligns_names_and_spreads_labels() -> None:
    document = Document(BytesIO(rendered_example("dushan-2017", "roster")))
    lines = [p for p in document.paragraphs if p.style.name == styles.ROSTER]
    convenor = lines[1]
    assert convenor.text == "召集人：赵克冰\u3000县民政局局长"
    spread = convenor.runs[0]._r.find(f"{W}rPr/{W}spacing").get(f"{W}val")
    assert spread == str(layout.CHAR_SPACING + round(layout.EM / 2))  # 3 characters over 4
    assert "华\u3000磊\u3000县教育局副局长" in [p.text for p in lines]
    # wrapped posts align under the first line of the post
    indents = {
        (p.paragraph_format.left_indent.twips, p.paragraph_format.first_line_indent.twips)
        for p in lines
    }
    assert indents == {(11 * layout.EM, -9 * layout.EM), (11 * layout.EM, -4 * layout.EM)}


def test_tasks_table_is_landscape_with_a_repeated_header_and_lead_unit_first() -> None:
    data = rendered_example("qingshan-2022", "tasks")
    document = Document(BytesIO(data))
    section = document.sections[0]
    assert section.page_width.twips > section.page_height.twips
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "工作任务",
        "落实措施",
        "负责单位",
        "时间进度",
    ]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert table.rows[4].cells[3].text == "镇社会事务办（牵头）、镇派出所、镇中心学校、镇党政办"


def test_roster_as_a_table() -> None:
    document = Document(BytesIO(rendered_example("fujian-2020", "roster", roster_table=True)))
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["职务", "姓名", "单位及职务"]
    assert rows[1] == ["总召集人", "郑建闽", "省政府副省长"]
    assert len(rows) == 1 + 28


def test_a_user_template_with_the_styles_is_used(tmp_path: Path) -> None:
    document = Document(str(reference_path()))
    document.styles["JM Title"].font.color.rgb = None
    document.styles["Normal"].font.size = Pt(15)  # the user's own choice
    mine = tmp_path / "mine.docx"
    document.save(str(mine))
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    rendered = Document(BytesIO(write_docx(outline(model, "notice", RenderOptions()), mine)))
    assert rendered.styles["Normal"].font.size.pt == 15


def test_letter_format_colophon_has_no_print_line_and_no_rules(tmp_path: Path) -> None:
    source = (EXAMPLES / "fujian-2020.yaml").read_text(encoding="utf-8")
    source = source.replace(
        "  disclosure: 此件主动公开\n",
        "  disclosure: 此件主动公开\n"
        "  cc: [省委办公厅, 省人大常委会办公厅]\n  printed_by: 福建省人民政府办公厅\n"
        "  print_date: 2020-12-10\n",
    )
    path = tmp_path / "letter.yaml"
    path.write_text(source, encoding="utf-8")
    model = validate_file(path).model
    assert model is not None
    document = Document(BytesIO(write_docx(outline(model, "notice", RenderOptions()))))
    colophon = document.tables[-1]
    assert [row.cells[0].text for row in colophon.rows] == [
        "抄送：省委办公厅，省人大常委会办公厅。"
    ]
    borders = colophon.rows[0].cells[0]._tc.find(f"{W}tcPr/{W}tcBorders")
    assert {b.get(f"{W}val") for b in borders} == {"nil"}


def test_a_user_template_cannot_pull_files_into_the_output(tmp_path: Path) -> None:
    """A reference DOCX that links a local file: rendering never reads what it points at."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    document = Document(str(reference_path()))
    document.part.relate_to(
        secret.as_uri(),
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        is_external=True,
    )
    template = tmp_path / "linked.docx"
    document.save(str(template))
    model = validate_file(EXAMPLES / "dushan-2017.yaml").model
    with pytest.raises(LinkedTemplate) as refused:  # refused before anything is read
        write_docx(outline(model, "notice", RenderOptions()), template)
    assert refused.value.finding.code == "JM905"
    assert secret.as_uri() in refused.value.finding.message("en")
