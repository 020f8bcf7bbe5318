"""Benchmark reading existing documents (`jmctl import`/`check`): a 2 MB DOCX, a
100-page PDF, a web page, linear growth, and how fast hostile files are refused.

    .venv/bin/python bench/formats.py

Floors in the same run: python-docx opening the same DOCX and joining its paragraph
and cell texts (the reader jmctl had before, which saw hidden text); pypdfium2 (the
C library pdfplumber ships with) extracting the PDF's plain text, no positions.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_ms

from jmctl.importing.sources import read_source
from jmctl.render.pdf import convert

PARAGRAPH = (
    "负责贯彻落实城乡特困群众就业再就业援助政策，对城乡低保对象和贫困残疾人等困难人员"
    "优先提供免费职业技能培训和职业介绍等就业再就业优惠服务。"
)


def _docx(path: Path, paragraphs: int, rows: int, seed: int = 1) -> Path:
    """A Word file of numbered duty paragraphs (words shuffled, so that it does not
    compress to nothing as repeated text would) and a roster table."""
    rng = random.Random(seed)
    words = [PARAGRAPH[i : i + 2] for i in range(0, len(PARAGRAPH), 2)]
    document = Document()
    for index in range(paragraphs):
        document.add_paragraph(f"{index + 1}." + "".join(rng.sample(words, len(words))))
    table = document.add_table(rows=rows, cols=3)
    for index, row in enumerate(table.rows):
        for cell, text in zip(row.cells, ("成员", f"姓名{index}", "县民政局副局长"), strict=True):
            cell.text = text
    document.save(str(path))
    return path


def _html(path: Path, paragraphs: int) -> Path:
    row = "<tr><td>成员</td><td>张强</td><td>县财政局副局长</td></tr>\n"
    body = f"<p>{PARAGRAPH}</p>\n" * paragraphs + "<table>" + row * (paragraphs // 5) + "</table>"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def _old_reader(path: Path) -> int:
    document = Document(str(path))
    count = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            count += sum(len(cell.text) for cell in row.cells)
    return count


def _pdfium_text(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    count = sum(len(page.get_textpage().get_text_range()) for page in pdf)
    pdf.close()
    return count


def _seconds(function: object) -> float:
    start = time.perf_counter()
    function()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        big = _docx(folder / "big.docx", 45_000, 7_500)
        print(f"DOCX {big.stat().st_size / 1e6:.2f} MB, {len(read_source(big).lines)} lines")
        ours = median_ms(lambda: read_source(big), runs=3)
        floor = median_ms(lambda: _old_reader(big), runs=3)
        print(f"  read_source {ours:.0f} ms; python-docx floor {floor:.0f} ms")

        small = _docx(folder / "small.docx", 4_500, 750)
        ratio = median_ms(lambda: read_source(big), runs=3) / median_ms(
            lambda: read_source(small), runs=3
        )
        print(f"  10x the text: {ratio:.1f}x the time")

        long = _docx(folder / "long.docx", 1_500, 120)
        (pdf,) = convert([long], folder, [])
        source = read_source(pdf)
        pages = len({line.where.split("页")[0] for line in source.lines})
        print(f"PDF {pdf.stat().st_size / 1e6:.2f} MB, {pages} pages, {len(source.lines)} lines")
        ours = median_ms(lambda: read_source(pdf), runs=3)
        floor = median_ms(lambda: _pdfium_text(pdf), runs=3)
        each = ours / pages
        print(f"  read_source {ours:.0f} ms ({each:.0f} ms a page); pdfium floor {floor:.0f} ms")

        pages = [_html(folder / f"page{n}.html", n) for n in (1_000, 10_000)]
        small_ms, big_ms = (median_ms(lambda p=p: read_source(p), runs=3) for p in pages)
        size = pages[1].stat().st_size / 1e6
        print(f"HTML {size:.1f} MB: {big_ms:.0f} ms; a tenth of it: {small_ms:.0f} ms")

        bomb = folder / "bomb.docx"
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"<w:p>" + b" " * (200 * 1024 * 1024))
        bomb.write_bytes(buffer.getvalue())
        took = _seconds(lambda: read_source(bomb))
        print(
            f"zip bomb {bomb.stat().st_size / 1e3:.0f} KB → 200 MB refused in {took * 1000:.1f} ms"
        )
        took = _seconds(lambda: read_source(Path("/dev/zero")))
        print(f"/dev/zero refused in {took * 1000:.1f} ms")


if __name__ == "__main__":
    main()
