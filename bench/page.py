"""Count what the printed page gets wrong: runts, widows, a lone 署名, nearly empty pages.

    .venv/bin/python bench/page.py [--synthetic 25] [--src DIR]

Renders the examples, the stress set (tests/cases/stress/) and generated county files
to PDF in one LibreOffice batch, then reads the PDFs' text positions
(tests/page_metrics.py): one-character last lines of paragraphs (runts, "息。"), a
paragraph's last line alone at the top of a page (widows), a 署名 and date with no
body text on their page, and pages holding one to three lines. `--src` renders with
another checkout's jmctl (e.g. an older commit unpacked with `git archive`), so that
before and after are counted the same way.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=25)
    parser.add_argument("--src", type=Path, help="a checkout whose jmctl renders")
    args = parser.parse_args()
    if args.src is not None:
        sys.path.insert(0, str(args.src.resolve() / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT / "tests"))
    import synthetic

    from jmctl.render.api import RenderOptions, available_kinds, finish, prepare
    from jmctl.validation import validate_file
    from page_metrics import report

    with tempfile.TemporaryDirectory(prefix="jmctl-bench-page-") as scratch:
        folder = Path(scratch)
        sources = [
            *sorted((ROOT / "examples").glob("*.yaml")),
            *sorted((ROOT / "tests" / "cases" / "stress").glob("*.yaml")),
            *synthetic.write(folder / "synthetic", args.synthetic, seed=11),
        ]
        prepared, pdfs = [], []
        for source in sources:
            model = validate_file(source).model
            if model is None or "notice" not in available_kinds(model):
                continue
            pdf = folder / f"{len(pdfs)}-{source.stem}.pdf"
            prepared.append(prepare(source, ["notice"], RenderOptions("pdf"), output=pdf))
            pdfs.append(pdf)
        finish(prepared, RenderOptions("pdf"))
        reports = [report(pdf) for pdf in pdfs]
    pages = sum(r.pages for r in reports)
    runts = sum(len(r.runts) for r in reports)
    widows = sum(len(r.widows) for r in reports)
    lone = sum(r.lone_signature for r in reports)
    short = sum(len(r.short_last_pages) for r in reports)
    print(f"{len(reports)} notices, {pages} pages (jmctl from {args.src or ROOT})")
    print(f"runts (one-character last lines): {runts}")
    print(f"widows (a paragraph's last line alone at a page top): {widows}")
    print(f"署名 and date with no body text on their page: {lone}")
    print(f"pages holding 1-3 lines: {short}")


if __name__ == "__main__":
    main()
