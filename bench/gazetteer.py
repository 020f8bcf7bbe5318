"""Gazetteer speed: loading the data files, and find() on long text (linear growth).

    .venv/bin/python bench/gazetteer.py

Load times are the best of several fresh builds in this process (the registry YAML already
read; the best, because other work on a shared machine only ever adds time), with reading
and splitting the same file as the floor; the cold figure is a new Python
process importing jmctl.gazetteer and answering one lookup. find() runs on real notices
(tests/corpus and, when present, ../shared/corpus/dev) repeated to 100 KB, 1 MB and 10 MB,
and on a worst case: names cut one character short, so every position walks the longest
prefixes and finds nothing.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import time
from pathlib import Path

from jmctl.gazetteer import find, lookup
from jmctl.gazetteer.store import Store, store
from jmctl.gazetteer.table import TOWNSHIP_FILE, UPPER_FILE, read_upper, registry
from jmctl.resources import data_file

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus" / "dev"]


def real_text() -> str:
    files = [path for folder in CORPORA if folder.is_dir() for path in sorted(folder.glob("*.txt"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def repeated(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def worst_case(size: int) -> str:
    names = sorted((d.name for d in read_upper()), key=len, reverse=True)[:50]
    return repeated("".join(name[:-1] + "，" for name in names), size)


def best_ms(function, runs: int) -> float:
    return min(timed(function) for _ in range(runs)) * 1000


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def cold_start_ms() -> float:
    code = "from jmctl.gazetteer import lookup; lookup('广州')"
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(5):
        subprocess.run([sys.executable, "-c", "import yaml"], check=True)
    floor = (time.perf_counter() - start) / 5
    return min(runs) * 1000, floor * 1000


def main() -> None:
    registry()
    upper_path, town_path = data_file(UPPER_FILE), data_file(TOWNSHIP_FILE)
    upper_ms = best_ms(Store, runs=10)
    upper_floor = best_ms(lambda: upper_path.read_text(encoding="utf-8").split("\n"), runs=10)
    town_ms = best_ms(lambda: Store().towns, runs=5) - upper_ms
    town_floor = best_ms(
        lambda: gzip.decompress(town_path.read_bytes()).decode().split("\n"), runs=5
    )
    print(
        f"load provinces, cities, counties ({upper_path.stat().st_size:,} bytes): "
        f"{upper_ms:.1f} ms (reading the file: {upper_floor:.1f} ms)"
    )
    print(
        f"load townships ({town_path.stat().st_size:,} bytes gzip): "
        f"{town_ms:.1f} ms (reading the file: {town_floor:.1f} ms)"
    )
    cold, floor = cold_start_ms()
    print(
        f"new process, import and one lookup: {cold:.0f} ms (importing yaml alone: {floor:.0f} ms)"
    )

    _ = store().scan_sets  # find() scans township names too: load them before timing
    lookup("广州")
    text = real_text()
    sizes = (100_000, 1_000_000, 10_000_000)
    for label, make in (("real notices", lambda n: repeated(text, n)), ("worst case", worst_case)):
        seconds = [timed(find, make(size)) for size in sizes]
        hits = len(find(make(sizes[0])))
        print(
            f"find, {label}: "
            + ", ".join(
                f"{size // 1000:,} KB {s:.3f} s" for size, s in zip(sizes, seconds, strict=True)
            )
            + f"; 10x text: {seconds[1] / seconds[0]:.1f}x and {seconds[2] / seconds[1]:.1f}x time"
            + f" ({hits} hits per 100 KB)"
        )


if __name__ == "__main__":
    main()
