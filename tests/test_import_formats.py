"""Reading existing documents: every format, what a reader sees, hostile files, carried data."""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from jmctl.catalogue import CODES
from jmctl.cli import cli
from jmctl.importing.api import import_file
from jmctl.importing.checking import check_file
from jmctl.importing.formats.limits import MAX_PARTS, MAX_TEXT_BYTES
from jmctl.importing.sources import read_source
from jmctl.render.api import RenderOptions, available_kinds, render_file
from jmctl.render.package import CUSTOM_PART
from jmctl.render.pdf import convert
from jmctl.render_kinds import render_kinds
from jmctl.validation import validate_file

from conftest import CASES, EXAMPLES, first_fast

FORMATS = CASES / "import" / "formats"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A notice as an office types it: short lines, padded names, one paragraph long enough
# to wrap on a printed page.
TYPED = [
    "某府办发〔2023〕8号",
    "关于建立某县社会救助工作联席会议制度的通知",
    "各乡镇人民政府，县直各部门：",
    "为加强社会救助工作，统筹协调解决社会救助工作中的重大问题，经县人民政府同意，"
    "建立某县社会救助工作联席会议制度。现将有关事项通知如下：",
    "一、组成人员",
    "总召集人：王　伟　县人民政府副县长",
    "召集人：李　娜　县民政局局长",
    "二、工作规则",
    "联席会议原则上每年召开一次全体会议。",
]


def _texts(path: Path) -> list[str]:
    return [line.text.strip() for line in read_source(path).lines if line.text.strip()]


def _codes(path: Path) -> set[str]:
    return {finding.code for finding in read_source(path).findings}


def _typed_docx(path: Path, lines: list[str] = TYPED) -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _package(body: str, path: Path, extra: dict[str, bytes] | None = None) -> Path:
    """Write a minimal DOCX whose body is the WordprocessingML `body`."""
    parts = {
        "[Content_Types].xml": (
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/></Types>'
        ),
        "_rels/.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0"?><w:document xmlns:w="{W}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml">'
            f"<w:body>{body}</w:body></w:document>"
        ).encode(),
        **(extra or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _p(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def _r(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _office(source: Path, to: str) -> Path:
    (converted,) = convert([source], source.parent, [], to=to)
    return converted


# Every format gives the lines the same text gives typed plainly -------------------------


def test_plain_text_lines(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(TYPED) + "\n", encoding="utf-8")
    source = read_source(path)
    assert [line.text for line in source.lines] == TYPED
    assert source.lines[2].where == "第3行" and source.kind == "txt"


def test_docx_paragraphs_give_the_typed_lines(tmp_path: Path) -> None:
    assert _texts(_typed_docx(tmp_path / "notice.docx")) == TYPED


def test_a_strict_open_xml_document_gives_the_typed_lines(tmp_path: Path) -> None:
    path = _typed_docx(tmp_path / "strict.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    strict = {
        W.encode(): b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
            b"http://purl.oclc.org/ooxml/officeDocument/relationships"
        ),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            for transitional, replaced in strict.items():
                data = data.replace(transitional, replaced)
            archive.writestr(name, data)
    assert b"purl.oclc.org" in zipfile.ZipFile(path).read("word/document.xml")
    assert _texts(path) == TYPED


def test_a_web_page_gives_the_typed_lines(tmp_path: Path) -> None:
    page = "".join(f"<p>{line}</p>\n" for line in TYPED)
    path = tmp_path / "notice.html"
    path.write_text(f"<html><body>\n{page}</body></html>", encoding="utf-8")
    assert _texts(path) == TYPED


@pytest.mark.libreoffice
def test_a_pdf_printed_from_word_gives_the_typed_lines(tmp_path: Path) -> None:
    pdf = _office(_typed_docx(tmp_path / "notice.docx"), "pdf")
    assert _texts(pdf) == TYPED
    assert {line.where for line in read_source(pdf).lines} == {"第1页"}


@pytest.mark.libreoffice
def test_a_word_97_file_and_a_wps_file_give_the_typed_lines(tmp_path: Path) -> None:
    doc = _office(_typed_docx(tmp_path / "notice.docx"), "doc")
    wps = doc.rename(tmp_path / "notice.wps")
    assert _texts(wps) == TYPED
    doc = tmp_path / "again.doc"
    doc.write_bytes(wps.read_bytes())
    source = read_source(doc)
    assert [line.text for line in source.lines if line.text] == TYPED
    assert source.kind == "doc"
    misnamed = tmp_path / "misnamed.docx"  # a Word 97 file saved with the new suffix
    misnamed.write_bytes(wps.read_bytes())
    assert _texts(misnamed) == TYPED
    misnamed.unlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.doc", "notice.docx", "notice.wps"]


def test_a_saved_gbk_page_keeps_its_furniture_and_drops_what_is_hidden() -> None:
    source = read_source(FORMATS / "gb2312-page-with-furniture.html")
    texts = [line.text for line in source.lines]
    assert source.kind == "html" and source.findings == []
    assert texts[0] == "当前位置：首页 > 政务公开 > 通知公告"
    assert texts[1].startswith("发布时间：2023-03-01")
    assert texts[-1].split() == ["打印", "关闭", "分享"]
    assert "总召集人：王　伟　县人民政府副县长" in texts  # <br> breaks the line
    assert "召集人：李　娜　县民政局局长" in texts
    assert not any("隐藏" in text or "脚本" in text for text in texts)
    rows = [line.cells for line in source.lines if line.table]
    assert rows == [
        ("职务", "姓名", "单位及职务"),
        ("成员", "张　强", "县财政局副局长"),
        ("成员", "刘　洋", "县教育局副局长"),  # rowspan repeats the cell above
        ("办公室主任", "县民政局分管副局长"),  # colspan is one cell
    ]
    assert source.lines[texts.index("成员 | 刘　洋 | 县教育局副局长")].where == "表1第3行"


def test_big5_text_is_read_as_big5_not_as_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    traditional = ["關於建立聯席會議制度的通知", "總召集人：王偉　縣人民政府副縣長"]
    path.write_bytes("\n".join(traditional).encode("big5"))
    source = read_source(path)
    assert [line.text for line in source.lines] == traditional
    assert [f.code for f in source.findings] == ["JM624"]
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("\n".join(TYPED).encode("gb18030"))
    assert [line.text for line in read_source(gbk).lines] == TYPED
    assert "JM624" not in _codes(gbk)


def test_notepads_unicode_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("\r\n".join(TYPED).encode("utf-16"))  # with its BOM, as Notepad saves
    assert [line.text for line in read_source(path).lines] == TYPED


# Word tables -------------------------------------------------------------------------


def test_a_word_roster_table_gives_rows_with_cells_in_order(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("成员名单")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("职务", "姓名", "单位及职务"),
        ("召集人", "李娜", "县民政局局长"),
        ("成员", "张强", "县财政局副局长"),
        ("", "刘洋", "县教育局副局长"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.cell(2, 0).merge(table.cell(3, 0))  # 成员 merged down over two rows
    table.cell(0, 0).merge(table.cell(0, 1))  # a header cell across two columns
    document.add_paragraph("联席会议办公室设在县民政局。")
    path = tmp_path / "roster.docx"
    document.save(str(path))
    lines = read_source(path).lines
    assert [line.text for line in lines] == [
        "成员名单",
        "职务姓名 | 单位及职务",
        "召集人 | 李娜 | 县民政局局长",
        "成员 | 张强 | 县财政局副局长",
        "成员 | 刘洋 | 县教育局副局长",
        "联席会议办公室设在县民政局。",
    ]
    assert lines[4].cells == ("成员", "刘洋", "县教育局副局长") and lines[4].table == 1
    assert (lines[4].where, lines[5].where) == ("表1第4行", "第2段")


def test_a_nested_table_follows_the_row_that_holds_it(tmp_path: Path) -> None:
    document = Document()
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text = "单位", "职责"
    outer.cell(1, 0).text = "县民政局"
    inner = outer.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "1", "牵头"
    path = tmp_path / "nested.docx"
    document.save(str(path))
    assert [(line.table, line.cells) for line in read_source(path).lines] == [
        (1, ("单位", "职责")),
        (1, ("县民政局", "")),
        (2, ("1", "牵头")),
    ]


def test_a_huge_grid_span_and_a_first_row_continuing_a_merge(tmp_path: Path) -> None:
    cell = "<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
    rows = [
        cell.format('<w:vMerge w:val="continue"/>', "看不见") + cell.format("", "甲"),
        cell.format('<w:gridSpan w:val="20000000"/>', "跨列") + cell.format("", "乙"),
        cell.format("<w:vMerge/>", "") + cell.format('<w:gridSpan w:val="-3"/>', "丙"),
    ]
    body = f"<w:tbl>{grid}{''.join(f'<w:tr>{row}</w:tr>' for row in rows)}</w:tbl>"
    lines = read_source(_package(body, tmp_path / "spans.docx")).lines
    assert [line.cells for line in lines] == [("", "甲"), ("跨列", "乙"), ("跨列", "丙")]


# What a reader does not see is not read ---------------------------------------------


def test_hidden_runs_and_hidden_styles_are_not_read(tmp_path: Path) -> None:
    document = Document()
    style = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
    style.font.hidden = True
    paragraph = document.add_paragraph("召集人：李娜")
    paragraph.add_run("（隐藏的批注）").font.hidden = True
    paragraph.add_run("另一段隐藏", style="Secret")
    document.add_paragraph("县民政局局长")
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    assert _texts(path) == ["召集人：李娜", "县民政局局长"]
    assert _codes(path) == {"JM625"}


def test_a_content_control_over_hidden_runs_imports_what_shows(tmp_path: Path) -> None:
    hidden = "<w:vanish/>"
    forged = "".join(
        _p(_r(text, hidden)) for text in ("关于撤销联席会议的通知", "总召集人：伪造者　副县长")
    )
    shown = "".join(_p(_r(text)) for text in TYPED)
    body = f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{forged}{shown}'
    body += "</w:sdtContent></w:sdt>"
    path = _package(body, tmp_path / "control.docx")
    assert _texts(path) == TYPED
    result = import_file(path)
    assert "伪造者" not in result.yaml_text()
    assert "王伟" in result.yaml_text().replace("　", "").replace(" ", "")
    assert "JM625" in {f.code for f in result.findings}
    assert "伪造者" not in str([f.message() for f in check_file(path).findings])


def test_deleted_revisions_and_field_codes_are_not_read_insertions_are(tmp_path: Path) -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> INCLUDETEXT "C:\\\\secret.txt" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _r("县民政局局长")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = _p(
        _r("召集人：李娜　"),
        '<w:del w:id="1" w:author="a"><w:r><w:delText>县财政局局长</w:delText></w:r></w:del>',
        field,
    )
    body += _p('<w:ins w:id="2" w:author="a">' + _r("成员：张强　县财政局副局长") + "</w:ins>")
    path = _package(body, tmp_path / "revisions.docx")
    assert _texts(path) == ["召集人：李娜　县民政局局长", "成员：张强　县财政局副局长"]
    assert _codes(path) == {"JM625", "JM626"}


def test_a_text_box_is_read_once(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + _p(_r("某县人民政府文件")) + "</w:txbxContent>"
    run = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r>"
    )
    path = _package(_p(run) + _p(_r("某府办发〔2023〕8号")), tmp_path / "box.docx")
    lines = read_source(path).lines
    assert [line.text for line in lines if line.text] == ["某县人民政府文件", "某府办发〔2023〕8号"]
    assert lines[1].where == "第1段的文本框"


# Hostile files end at once, with a finding ------------------------------------------


def test_an_empty_or_truncated_docx_is_reported_and_check_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    whole = _typed_docx(tmp_path / "whole.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    for path in (empty, truncated):
        assert _codes(path) == {"JM620"}
        assert {f.code for f in check_file(path).findings} == {"JM620"}
        assert import_file(path).imported is None
    result = CliRunner().invoke(cli, ["check", str(empty)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1 and "JM620" in result.output


@pytest.mark.slow  # builds a 40 MB input to compress
def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    xml = b"<w:p>" + b" " * (40 * 1024 * 1024) + b"</w:p>"
    _package("", bomb, {"word/document.xml": xml})
    assert bomb.stat().st_size < 100_000
    source = read_source(bomb)
    assert [f.code for f in source.findings] == ["JM621"] and source.lines == []
    assert "word/document.xml" in source.findings[0].message("en")


def test_a_part_that_inflates_past_its_stated_size_is_refused(tmp_path: Path) -> None:
    path = _package(_p(_r("甲" * 5000)), tmp_path / "liar.docx")
    raw = bytearray(path.read_bytes())
    directory = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"word/document.xml"))
    struct.pack_into("<I", raw, directory + 24, 100)  # the stated uncompressed size
    path.write_bytes(bytes(raw))
    source = read_source(path)
    assert [f.code for f in source.findings] == ["JM620"] and source.lines == []


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(MAX_PARTS + 1):
            archive.writestr(f"p{index}", b"")
    assert _codes(path) == {"JM621"}


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    path = _package("", tmp_path / "laughs.docx", {"word/document.xml": laughs.encode()})
    assert not any("哈" * 100 in text for text in _texts(path))


def test_custom_properties_are_read_in_one_pass(tmp_path: Path) -> None:
    head = (
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/'
        'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
        'officeDocument/2006/docPropsVTypes">'
    )
    many = "".join(
        f'<property pid="{i}" name="p{i}"><vt:lpwstr>{"x" * 10}</vt:lpwstr></property>'
        for i in range(20_000)
    )
    path = _package(
        _p(_r("正文")),
        tmp_path / "props.docx",
        {CUSTOM_PART: (head + many + "</Properties>").encode()},
    )
    source = read_source(path)
    assert len(source.properties) == 20_000 and source.properties["p7"] == "x" * 10
    # what made the old regex cubic: openings never closed; the document is still read
    broken = head + '<property name="a"><vt:lpwstr>' * 5_000
    _package(_p(_r("正文")), path, {CUSTOM_PART: broken.encode()})
    assert read_source(path).properties == {} and _texts(path) == ["正文"]


@pytest.mark.slow  # reads a 3 GB sparse file up to the bound
def test_dev_zero_and_a_sparse_file_are_bounded(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as stream:
        stream.truncate(3 * 1024**3)
    assert _codes(sparse) == {"JM621"}
    if Path("/dev/zero").exists():
        assert _codes(Path("/dev/zero")) == {"JM621"}
    just = tmp_path / "just.txt"
    just.write_bytes(b"a\n" * (MAX_TEXT_BYTES // 2))
    assert len(read_source(just).lines) == MAX_TEXT_BYTES // 2


@pytest.mark.libreoffice
def test_a_scanned_pdf_says_it_has_no_text_layer(tmp_path: Path) -> None:
    picture = tmp_path / "scan.png"
    picture.write_bytes(_png(200, 100))
    document = Document()
    document.add_picture(str(picture), width=Pt(300))
    pdf = _office(_docx_saved(document, tmp_path / "scan.docx"), "pdf")
    source = read_source(pdf)
    assert [f.code for f in source.findings] == ["JM622"] and source.lines == []
    assert "没有文字层" in source.findings[0].message()
    result = CliRunner().invoke(cli, ["check", str(pdf)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1


def _pdf(path: Path, content: bytes, pages: int = 1) -> Path:
    """Write a PDF by hand: `pages` pages sharing one Flate-compressed content stream."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources "
        + font
        + b" >>"
    ] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def test_a_pdf_text_layer_is_read_in_reading_order(tmp_path: Path) -> None:
    text = b"BT /F1 12 Tf 72 760 Td (Joint meeting) Tj 0 -20 Td (Members: two) Tj ET"
    source = read_source(_pdf(tmp_path / "text.pdf", text))
    assert [line.text for line in source.lines] == ["Joint meeting", "Members: two"]
    assert source.findings == [] and source.lines[1].where == "第1页"


@pytest.mark.slow  # builds a 40 MB input to compress
def test_a_pdf_bomb_and_too_many_pages_are_refused(tmp_path: Path) -> None:
    bomb = b"BT /F1 12 Tf 72 760 Td (x) Tj ET" + b" " * (40 * 1024 * 1024)
    path = _pdf(tmp_path / "bomb.pdf", bomb)
    assert path.stat().st_size < 100_000
    assert _codes(path) == {"JM621"}
    pages = _pdf(tmp_path / "pages.pdf", b"BT ET", pages=301)
    assert _codes(pages) == {"JM621"}
    assert "301" in read_source(pages).findings[0].message()


def test_a_damaged_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")
    assert _codes(path) == {"JM620"}


def _docx_saved(document: object, path: Path) -> Path:
    document.save(str(path))  # type: ignore[attr-defined]
    return path


def _png(width: int, height: int) -> bytes:
    """A grey picture, written by hand: no imaging library needed."""
    rows = b"".join(
        b"\x00" + bytes([(x * 7 + y * 3) % 256 for x in range(width)]) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


# The data a rendered DOCX carries ------------------------------------------------------


RENDERED = [
    (name, kind, table)
    for name in ("dushan-2017.yaml", "fujian-2020.yaml", "qingshan-2022.yaml")
    for kind in available_kinds(validate_file(EXAMPLES / name).model)  # type: ignore[arg-type]
    if render_kinds()[kind].writes == "docx"  # a web page carries no data
    for table in ((False, True) if kind == "roster" else (False,))
]


@pytest.mark.parametrize(("name", "kind", "table"), first_fast(RENDERED))
def test_every_rendered_document_imports_back_byte_for_byte(
    tmp_path: Path, name: str, kind: str, table: bool
) -> None:
    target = tmp_path / f"{kind}.docx"
    render_file(EXAMPLES / name, [kind], RenderOptions(roster_table=table), output=target)
    result = import_file(target)
    assert result.verbatim is not None, [f.message() for f in result.findings]
    assert result.yaml_text() == (EXAMPLES / name).read_text(encoding="utf-8")


def _edit_property(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    custom = parts[CUSTOM_PART].decode("utf-8")
    assert old in custom
    parts[CUSTOM_PART] = custom.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_an_edited_carried_data_property_is_not_imported(tmp_path: Path) -> None:
    target = tmp_path / "roster.docx"
    render_file(EXAMPLES / "dushan-2017.yaml", ["roster"], RenderOptions(), output=target)
    shown = _texts(target)
    # the roster text still matches; the notice's date, not shown in a roster, is forged
    _edit_property(target, "date: 2017-02-23", "date: 2019-09-09")
    _edit_property(target, "name: 曾纪泽", "name: 冒名者")
    assert _texts(target) == shown
    result = import_file(target)
    assert result.verbatim is None
    assert "冒名者" not in result.yaml_text() and "2019-09-09" not in result.yaml_text()
    assert "曾纪泽" in result.yaml_text()
    assert "JM627" in {f.code for f in result.findings}


def test_a_forged_checksum_does_not_help_forged_data(tmp_path: Path) -> None:
    target = tmp_path / "roster.docx"
    render_file(EXAMPLES / "dushan-2017.yaml", ["roster"], RenderOptions(), output=target)
    _edit_property(target, "name: 华磊", "name: 冒名者")
    _edit_property(target, '"roster_table": false', '"roster_table": true')
    result = import_file(target)
    assert result.verbatim is None and "冒名者" not in result.yaml_text()


def test_every_reading_code_is_exercised() -> None:
    tested = {"JM620", "JM621", "JM622", "JM623", "JM624", "JM625", "JM626", "JM627"}
    tested |= {"JM628", "JM629"}  # a 会议纪要's: tests/test_import_minutes.py
    assert {c for c in CODES if c.startswith(("JM62", "JM63"))} == tested


def test_a_doc_without_libreoffice_gives_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notice.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    source = read_source(path)
    assert [f.code for f in source.findings] == ["JM623"] and source.lines == []
    assert "libreoffice-writer-nogui" in source.findings[0].message()
    assert [p.name for p in tmp_path.iterdir()] == ["notice.doc"]


def test_the_letter_formats_mark_in_the_first_page_header_is_read(tmp_path: Path) -> None:
    target = tmp_path / "letter.docx"
    render_file(EXAMPLES / "fujian-2020.yaml", ["notice"], RenderOptions(), output=target)
    first = read_source(target).lines[0]
    assert (first.text, first.where) == ("福建省人民政府办公厅", "页眉")


def test_check_locates_a_defect_in_a_table_row_at_that_rows_line(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("关于调整某县联席会议成员的通知")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "事项", "日期"
    table.cell(1, 0).text, table.cell(1, 1).text = "全体会议", "2017年02月3日"
    path = _docx_saved(document, tmp_path / "table.docx")
    row = read_source(path).lines[2]
    assert row.where == "表1第2行"
    dates = [f for f in check_file(path).findings if f.code == "JM603"]
    assert [f.mark.line for f in dates] == [row.number]


def test_hidden_and_deleted_table_rows_are_not_read(tmp_path: Path) -> None:
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    rows = [
        ("", "成员：张强"),
        ("<w:trPr><w:hidden/></w:trPr>", "成员：隐藏者"),
        ('<w:trPr><w:del w:id="1" w:author="a"/></w:trPr>', "成员：删除者"),
    ]
    body = "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>"
    body += "".join(f"<w:tr>{props}{cell.format(_r(text))}</w:tr>" for props, text in rows)
    body += "</w:tbl>"
    assert _texts(_package(body, tmp_path / "rows.docx")) == ["成员：张强"]


def _mutated(data: bytes, seed: int) -> bytes:
    """Return `data` with bytes overwritten, cut short, or a slice copied elsewhere."""
    rng = random.Random(seed)
    out = bytearray(data)
    roll = rng.random()
    if roll < 0.5:
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif roll < 0.75:
        out = out[: rng.randrange(len(out))]
    else:
        at, start = rng.randrange(len(out)), rng.randrange(len(out))
        out[at:at] = out[start : start + rng.randint(1, 2000)]
    return bytes(out)


@pytest.mark.slow
def test_damaged_files_of_every_format_give_findings_never_exceptions(tmp_path: Path) -> None:
    text = b"BT /F1 12 Tf 72 760 Td (Joint meeting) Tj ET"
    seeds = {
        "docx": _typed_docx(tmp_path / "seed.docx").read_bytes(),
        "pdf": _pdf(tmp_path / "seed.pdf", text).read_bytes(),
        "html": (FORMATS / "gb2312-page-with-furniture.html").read_bytes(),
    }
    for seed in range(150):
        kind = ("docx", "pdf", "html")[seed % 3]
        path = tmp_path / f"damaged.{kind}"
        path.write_bytes(_mutated(seeds[kind], seed))
        source = read_source(path)  # raises nothing
        assert source.lines or source.findings or kind == "html", seed


@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "kind"), [("dushan-2017", "roster"), ("qingshan-2022", "tasks")])
def test_a_rendered_table_printed_to_pdf_reads_as_the_docx_does(
    tmp_path: Path, name: str, kind: str
) -> None:
    options = RenderOptions(roster_table=True)
    docx, pdf = tmp_path / f"{kind}.docx", tmp_path / f"{kind}.pdf"
    render_file(EXAMPLES / f"{name}.yaml", [kind], options, output=docx)
    render_file(
        EXAMPLES / f"{name}.yaml", [kind], RenderOptions("pdf", roster_table=True), output=pdf
    )
    rows = [line.cells for line in read_source(pdf).lines if line.table]
    assert len(rows) >= 5
    assert rows == [line.cells for line in read_source(docx).lines if line.table]
    assert _texts(pdf) == _texts(docx)


def test_own_wording_is_read_from_the_text_without_a_mismatch_warning(tmp_path: Path) -> None:
    (tmp_path / "phrases.j2").write_text(
        "{% macro inline_lead_in(m) -%}现将有关事项通知如下：{%- endmacro %}\n", encoding="utf-8"
    )
    target = tmp_path / "notice.docx"
    options = RenderOptions(phrases=tmp_path)
    render_file(EXAMPLES / "dushan-2017.yaml", ["notice"], options, output=target)
    assert "现将有关事项通知如下：" in "".join(_texts(target))
    result = import_file(target)
    assert result.verbatim is None  # the wording cannot be rendered again here
    assert "JM627" not in {f.code for f in result.findings}


def test_the_format_is_told_by_the_bytes_not_only_the_suffix(tmp_path: Path) -> None:
    quoting = tmp_path / "note.txt"
    quoting.write_text("说明：%PDF-1.4 是 PDF 文件的开头。\n", encoding="utf-8")
    assert read_source(quoting).kind == "txt"
    renamed = tmp_path / "notice.txt"
    renamed.write_bytes(_typed_docx(tmp_path / "notice.docx").read_bytes())
    assert read_source(renamed).kind == "docx" and _texts(renamed) == TYPED
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>一、组成人员</p></body></html>", "utf-8")
    assert read_source(page).kind == "html" and _texts(page) == ["一、组成人员"]


@pytest.mark.libreoffice
def test_check_locates_a_pdfs_defect_at_the_line_read(tmp_path: Path) -> None:
    pdf = _office(_typed_docx(tmp_path / "skip.docx", [*TYPED[:5], "三、工作规则"]), "pdf")
    lines = read_source(pdf).lines
    findings = [f for f in check_file(pdf).findings if f.code == "JM601"]
    assert [lines[f.mark.line - 1].text for f in findings] == ["三、工作规则"]
