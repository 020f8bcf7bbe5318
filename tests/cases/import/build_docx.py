"""Build the Word cases of the import corpus from their text descriptions.

    .venv/bin/python tests/cases/import/build_docx.py          # rewrite every .docx (and .pdf)
    .venv/bin/python tests/cases/import/build_docx.py --check  # exit 1 when one is out of date

A description `docx-src/<split>/<name>.txt` is the document the way an office types it:
each line is a paragraph; lines that start with `|` are the rows of a table (cells between
`|`, consecutive rows form one table); a cell holding only `^` is merged with the cell above
it, as a role cell (成员) spanning its rows. The result is `<split>/<name>.docx`, the same
bytes for the same description (fixed package dates, fixed zip timestamps). A description
whose first line is `#pdf` or `#doc` becomes `<split>/<name>.pdf` or `.doc` instead, the DOCX
converted by LibreOffice (such a file carries its own creation date, so only its text is
reproducible; --check reports a missing one, not a different one).
"""

from __future__ import annotations

import argparse
import datetime
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "docx-src"
FIXED_DATE = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
MERGED = "^"
CONVERSIONS = {"#pdf": ".pdf", "#doc": ".doc"}  # first line -> the format LibreOffice writes


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _add_table(document: DocxDocument, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            text = row[c] if c < len(row) else ""
            if text == MERGED and r > 0:
                above = table.cell(r - 1, c)
                above.merge(table.cell(r, c))  # the merged cell keeps the text above
            else:
                table.cell(r, c).text = text


def build(description: str) -> bytes:
    """Return the DOCX bytes a description stands for."""
    document = Document()
    rows: list[list[str]] = []
    for line in description.splitlines():
        if line.strip() in CONVERSIONS:
            continue
        if line.lstrip().startswith("|"):
            rows.append(_cells(line))
            continue
        if rows:
            _add_table(document, rows)
            rows = []
        document.add_paragraph(line)
    if rows:
        _add_table(document, rows)
    properties = document.core_properties
    properties.created = properties.modified = FIXED_DATE
    properties.last_modified_by = properties.author = "jmctl corpus"
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps so the same description gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _convert(data: bytes, target: Path) -> None:
    """Convert DOCX `data` to `target` (.pdf or .doc) with LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to build the PDF and DOC cases")
    with tempfile.TemporaryDirectory() as scratch:
        docx = Path(scratch) / f"{target.stem}.docx"
        docx.write_bytes(data)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{scratch}/profile",
                "--headless",
                *("--convert-to", target.suffix[1:], "--outdir", scratch, str(docx)),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.copyfile(docx.with_suffix(target.suffix), target)


def _up_to_date(data: bytes, target: Path) -> bool:
    if target.suffix != ".docx":
        return target.exists()
    return target.exists() and target.read_bytes() == data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale .docx files")
    args = parser.parse_args()
    stale = []
    for description in sorted(SOURCES.glob("*/*.txt")):
        target = HERE / description.parent.name / f"{description.stem}.docx"
        text = description.read_text("utf-8")
        data = build(text)
        target = target.with_suffix(CONVERSIONS.get(text.splitlines()[0].strip(), ".docx"))
        if _up_to_date(data, target):
            continue
        stale.append(target)
        if args.check:
            continue
        if target.suffix == ".docx":
            target.write_bytes(data)
        else:
            _convert(data, target)
    for target in stale:
        print(("out of date: " if args.check else "wrote ") + str(target.relative_to(HERE)))
    sys.exit(1 if args.check and stale else 0)


if __name__ == "__main__":
    main()
