"""Gazetteer speed: loading the data files, and find() on long text (linear growth).

    .venv/bin/python bench/gazetteer.py

Load times are the best of several fresh builds in this process (the registry YAML already
read; the best, because other work on a shared machine only ever adds time), wall and CPU
time, with reading and splitting the same file as the floor; the cold figure is a new Python
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

from jmctl.gazetteer import find
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


def best_ms(function, runs: int) -> tuple[float, float]:
    """The best wall time and the best CPU time of `runs` calls, in milliseconds."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls) * 1000, min(cpus) * 1000


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def cold_start_ms() -> tuple[float, float]:
    def best(code: str) -> float:
        return min(timed(subprocess.run, [sys.executable, "-c", code]) for _ in range(5)) * 1000

    return best("from jmctl.gazetteer import lookup; lookup('广州')"), best("import yaml")


def loads() -> None:
    registry()
    upper_path, town_path = data_file(UPPER_FILE), data_file(TOWNSHIP_FILE)
    rows = [
        (
            f"load provinces, cities, counties ({upper_path.stat().st_size:,} bytes)",
            best_ms(Store, runs=10),
            best_ms(lambda: upper_path.read_text(encoding="utf-8").split("\n"), runs=10),
        ),
        (
            f"load them and the townships ({town_path.stat().st_size:,} bytes gzip)",
            best_ms(lambda: Store().towns, runs=5),
            best_ms(lambda: gzip.decompress(town_path.read_bytes()).decode().split("\n"), 5),
        ),
        (
            "all that and the scan's name prefixes (a first find)",
            best_ms(lambda: Store().scan_sets, runs=5),
            None,
        ),
    ]
    for label, (wall, cpu), floor in rows:
        reading = f" (reading the file: {floor[0]:.1f} ms)" if floor else ""
        print(f"{label}: {wall:.1f} ms wall, {cpu:.1f} ms CPU{reading}")
    cold, floor = cold_start_ms()
    print(
        f"new process, import and one lookup: {cold:.0f} ms (importing yaml alone: {floor:.0f} ms)"
    )


def cpu_timed(function, *args) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def scans() -> None:
    _ = store().scan_sets  # find() scans township names too: load them before timing
    text = real_text()
    sizes = (100_000, 1_000_000, 10_000_000)
    for label, make in (("real notices", lambda n: repeated(text, n)), ("worst case", worst_case)):
        runs = [cpu_timed(find, make(size)) for size in sizes]
        hits = len(find(make(sizes[0])))
        times = ", ".join(
            f"{n // 1000:,} KB {wall:.3f} s ({cpu:.3f} s CPU)"
            for n, (wall, cpu) in zip(sizes, runs, strict=True)
        )
        cpu = [run[1] for run in runs]
        growth = f"{cpu[1] / cpu[0]:.1f}x and {cpu[2] / cpu[1]:.1f}x"
        print(f"find, {label}: {times}; 10x text: {growth} CPU time ({hits} hits per 100 KB)")


if __name__ == "__main__":
    loads()
    scans()
