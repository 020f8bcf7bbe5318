"""The fuzz run of what sessions brought, on every core: hostile `sessions` data through
validate and every session document (DOCX in memory; a handful to PDF through
LibreOffice), hostile strings through the web page (every data string must print as
text: no tag, script URL or outside resource of its own), and broken 会议纪要 through
import. Inputs come from `tests/session_fuzz.py`; any exception is a failure, printed
with its seed, so that it can be replayed.

    .venv/bin/python bench/fuzz_sessions.py [--count 3000] [--seed 1] [--pdf-every 500]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from fuzz import summarise  # noqa: E402

from session_fuzz import (  # noqa: E402
    exercise_minutes,
    exercise_pdf,
    exercise_sessions,
    minutes_text,
    session_data,
)

# Out of every 4 inputs: 3 data files with hostile sessions, 1 broken 纪要 through import.
SESSIONS, MINUTES, PDF = "sessions: validate+render+web", "纪要: import", "sessions: PDF"


def kind_of(seed: int, pdf_every: int) -> str:
    if seed % pdf_every == 0:
        return PDF
    return MINUTES if seed % 4 == 0 else SESSIONS


def _one(seed: int, folder: Path, pdf_every: int) -> None:
    rng = random.Random(seed)
    kind = kind_of(seed, pdf_every)
    if kind == MINUTES:
        exercise_minutes(minutes_text(rng), folder, rng)
    elif kind == PDF:
        exercise_pdf(session_data(rng), folder)
    else:
        exercise_sessions(session_data(rng), rng)


def _run(seeds: range, pdf_every: int) -> tuple[list[tuple[int, str]], Counter[str]]:
    failures: list[tuple[int, str]] = []
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for seed in seeds:
            counts[kind_of(seed, pdf_every)] += 1
            folder = Path(scratch) / str(seed)
            folder.mkdir()
            try:
                _one(seed, folder, pdf_every)
            except Exception:  # the point of the run: collect, do not stop
                failures.append((seed, traceback.format_exc(limit=-4)))
            shutil.rmtree(folder, ignore_errors=True)
    return failures, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pdf-every", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    start = time.perf_counter()
    end = args.seed + args.count
    chunks = [range(s, min(s + 100, end)) for s in range(args.seed, end, 100)]
    failures: list[tuple[int, str]] = []
    counts: Counter[str] = Counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        for found, counted in pool.map(partial(_run, pdf_every=args.pdf_every), chunks):
            failures += found
            counts.update(counted)
            for seed, _ in found:
                print(f"failure at seed {seed}", flush=True)
    summarise(args.seed, args.count, time.perf_counter() - start, failures, counts)


if __name__ == "__main__":
    main()
