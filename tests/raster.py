"""Ink on a rendered page: a PDF page rasterised by pdftoppm, read as plain bytes.

Positions by ink, not by em box: what a reader measures with a ruler on the print.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

DPI = 200
MM_PER_PIXEL = 25.4 / DPI
INK = 160  # a channel below this is ink (anti-aliased edges fade to white)


@dataclass(frozen=True)
class Page:
    """One page as RGB rows."""

    width: int
    height: int
    rows: list[bytes]

    def _pixel(self, x: int, y: int) -> tuple[int, int, int]:
        row = self.rows[y]
        return row[3 * x], row[3 * x + 1], row[3 * x + 2]

    def ink_box(
        self,
        top: float,
        bottom: float,
        left: float = 0.0,
        right: float = 210.0,
        red: bool | None = None,
    ) -> tuple[float, float, float, float] | None:
        """Return (top, bottom, left, right) in mm of the ink inside the region (mm), or
        None; `red` True counts only red ink, False only dark ink."""
        y0, y1 = _px(top), min(_px(bottom), self.height)
        x0, x1 = _px(left), min(_px(right), self.width)
        ys, xs = [], []
        for y in range(y0, y1):
            row = self.rows[y]
            for x in range(x0, x1):
                r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
                if min(r, g, b) >= INK:
                    continue
                is_red = r > 150 and g < 120 and b < 120
                if red is None or red == is_red:
                    ys.append(y)
                    xs.append(x)
        if not ys:
            return None
        return (
            min(ys) * MM_PER_PIXEL,
            (max(ys) + 1) * MM_PER_PIXEL,
            min(xs) * MM_PER_PIXEL,
            (max(xs) + 1) * MM_PER_PIXEL,
        )


def _px(mm: float) -> int:
    return max(0, round(mm / MM_PER_PIXEL))


def rasterise(pdf: Path, page: int, dpi: int = DPI) -> Page:
    """Return page `page` (1-based) of `pdf` as a Page."""
    with tempfile.TemporaryDirectory(prefix="jmctl-raster-") as scratch:
        stem = Path(scratch) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        return _read_ppm((stem.with_suffix(".ppm")).read_bytes())


def _read_ppm(data: bytes) -> Page:
    fields, offset = [], 0
    while len(fields) < 4:  # magic, width, height, maxval, separated by white space
        while data[offset : offset + 1].isspace():
            offset += 1
        end = offset
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[offset:end])
        offset = end
    offset += 1
    width, height = int(fields[1]), int(fields[2])
    stride = 3 * width
    rows = [data[offset + y * stride : offset + (y + 1) * stride] for y in range(height)]
    return Page(width, height, rows)
