"""Benchmark the workbook: a 40-member county file to .xlsx and back, and `jmctl fix`.

    .venv/bin/python bench/workbook.py

Floors in the same run: openpyxl writing and reading the same cells with nothing
else (no styles, drop-downs or schema), and reading the YAML file itself.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from pathlib import Path

import openpyxl
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic
from timing import median_ms

from jmctl.domain import builtin_renames
from jmctl.fixing.api import fix_file
from jmctl.loading import load_file
from jmctl.workbook.reading import load_workbook_bytes
from jmctl.workbook.writing import workbook_bytes


def _bare_cells(raw: bytes) -> list[list[object]]:
    book = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
    return [[list(row) for row in page.iter_rows(values_only=True)] for page in book.worksheets]


def _bare_write(cells: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for rows in cells:
        page = book.create_sheet()
        for row in rows:
            page.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "county.yaml"
        county = synthetic.jurisdiction(rng, 0, (40, 40))
        path.write_text(yaml.safe_dump(county, allow_unicode=True, sort_keys=False), "utf-8")
        data = load_file(path).document.data
        raw = workbook_bytes(data)
        cells = _bare_cells(raw)
        rows = sum(len(sheet) for sheet in cells)
        print(f"40-member county file: {len(raw) // 1024} KB workbook, {rows} rows")
        write = median_ms(lambda: workbook_bytes(data), runs=10)
        bare_write = median_ms(lambda: _bare_write(cells), runs=10)
        print(f"write .xlsx: {write:.1f} ms (openpyxl bare cells: {bare_write:.1f} ms)")
        read = median_ms(lambda: load_workbook_bytes(raw, "x.xlsx"), runs=10)
        bare_read = median_ms(lambda: _bare_cells(raw), runs=10)
        yaml_read = median_ms(lambda: load_file(path), runs=10)
        print(
            f"read .xlsx located: {read:.1f} ms (openpyxl bare: {bare_read:.1f} ms; "
            f"the YAML file: {yaml_read:.1f} ms)"
        )
        renames = builtin_renames()
        fixing = median_ms(lambda: fix_file(path, renames, write=False), runs=10)
        print(f"fix --check on the YAML file: {fixing:.1f} ms")


if __name__ == "__main__":
    main()
