"""Benchmark rendering: one notice in-process, and batches on one and on every core.

    .venv/bin/python bench/render.py [--files 100] [--pdf-files 20]

Prints each figure beside its floor measured in the same run, so that ratios hold
on a noisy machine: python-docx writing the same paragraphs unstyled (in-process),
and the same batch on one process (cores).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import random

import synthetic
from docx import Document
from timing import median_ms

from jmctl.render.api import RenderOptions, outline
from jmctl.render.batch import render_many
from jmctl.render.docx_writer import write_docx
from jmctl.validation import validate_file


def one_notice(folder: Path) -> None:
    data = synthetic.jurisdiction(random.Random(30), 1, (30, 30))
    data["notice"]["layout"] = "annexes"
    path = folder / "thirty.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    model = validate_file(path).model
    paragraphs = [p.text for p in outline(model, "notice", RenderOptions()).paragraphs()]

    def ours() -> None:
        write_docx(outline(model, "notice", RenderOptions()))

    def floor() -> None:
        document = Document()
        for text in paragraphs:
            document.add_paragraph(text)
        document.save(BytesIO())

    mine, bare = median_ms(ours), median_ms(floor)
    print(
        f"notice, 30 members, annexes ({len(paragraphs)} paragraphs): {mine:.1f} ms "
        f"(python-docx floor {bare:.1f} ms, ratio {mine / bare:.2f})"
    )


def batch(folder: Path, count: int, output_format: str, kinds: tuple[str, ...] | None) -> None:
    sources = synthetic.write(folder / f"in-{output_format}", count, seed=7)
    options = RenderOptions(output_format)
    timings = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        results = list(render_many(sources, kinds, options, folder / f"out-{jobs}", jobs=jobs))
        timings[jobs] = time.perf_counter() - start
        written = sum(len(r.written) for r in results)
        assert all(r.written for r in results), [r.error for r in results if r.error]
    what = "all" if kinds is None else kinds[0]
    print(
        f"{count} files → {written} {output_format.upper()} ({what})"
        f": 1 process {timings[1]:.2f} s, 2 processes {timings[2]:.2f} s "
        f"(speed-up {timings[1] / timings[2]:.2f}×, {timings[2] / written * 1000:.0f} ms "
        "per document)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--pdf-files", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        one_notice(folder)
        batch(folder, args.files, "docx", None)
        batch(folder, args.pdf_files, "pdf", ("notice",))


if __name__ == "__main__":
    main()
