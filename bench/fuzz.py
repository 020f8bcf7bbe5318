"""The long fuzz run, on every core: mutated examples (the ways files break, and the
hostile classes: huge numbers, bad tags and dates, long text, punctuation floods, text
behind aliases, quoted merge keys, odd names), random bytes and random text through
validate, render and diff, some of them as files (rendered to disk under their default
names, then checked); mutated real notices through import and check; and random
hostile wording templates. Any exception is a failure, printed with its seed.

    .venv/bin/python bench/fuzz.py [--count 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from hostile_templates import exercise_template, hostile_template  # noqa: E402

from mutations import SMALL, exercise, mutate  # noqa: E402

SOURCES = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.yaml"))]


def _input(seed: int) -> bytes:
    rng = random.Random(seed)
    roll = rng.random()
    if roll < 0.8:
        return mutate(rng, rng.choice(SOURCES), rounds=5)
    if roll < 0.9:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(2000)))
    return "".join(chr(rng.randrange(0x20, 0x9FFF)) for _ in range(rng.randrange(400))).encode(
        "utf-8", "surrogatepass"
    )


CORPUS = [path.read_bytes() for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]


def _document(seed: int, folder: Path) -> None:
    """A broken copy of a real notice through import (then validate, render, diff) and check."""
    from jmctl.importing.api import import_file
    from jmctl.importing.checking import check_file

    rng = random.Random(seed)
    path = folder / "notice.txt"
    # The small mutations only: a notice grown to megabytes measures the importer's
    # speed (bench/import.py), not whether it fails.
    path.write_bytes(mutate(rng, rng.choice(CORPUS), rounds=6, mutations=SMALL))
    result = import_file(path)
    if result.imported is not None:
        exercise(result.yaml_text().encode("utf-8"))
    bugs = [f.message("en") for f in check_file(path).findings if f.code == "JM000"]
    assert not bugs, bugs


# Out of every 20 inputs: 14 data files through validate and diff, 2 also rendered (every
# document, in memory), 1 rendered to disk and checked, 1 hostile template, 2 notices
# through import and check.
DATA, RENDER, FILES = "validate+diff", "validate+render+diff", "files (render to disk, check)"
TEMPLATE, DOCUMENT = "template", "import+check"
KINDS = {0: DOCUMENT, 10: DOCUMENT, 5: RENDER, 15: RENDER, 7: FILES, 3: TEMPLATE}


def kind_of(seed: int) -> str:
    return KINDS.get(seed % 20, DATA)


def _one(seed: int, folder: Path) -> None:
    kind = kind_of(seed)
    if kind == DOCUMENT:
        _document(seed, folder)
    elif kind == TEMPLATE:
        exercise_template(hostile_template(random.Random(seed)), folder)
    elif kind == FILES:
        exercise(_input(seed), folder)
    else:
        exercise(_input(seed), render=kind == RENDER)


def _run(seeds: range) -> tuple[list[tuple[int, str]], dict[str, int]]:
    import tempfile
    from collections import Counter

    failures, counts = [], Counter()
    with tempfile.TemporaryDirectory() as scratch:
        for seed in seeds:
            kind = kind_of(seed)
            counts[kind] += 1
            folder = Path(scratch) / str(seed)
            folder.mkdir()
            try:
                _one(seed, folder)
            except Exception:  # the point of the run: collect, do not stop
                failures.append((seed, traceback.format_exc(limit=4)))
            shutil.rmtree(folder, ignore_errors=True)
    return failures, dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    step = 250
    chunks = [
        range(s, min(s + step, args.seed + args.count))
        for s in range(args.seed, args.seed + args.count, step)
    ]
    failures, counts = [], Counter()
    with ProcessPoolExecutor() as pool:
        for done, (found, counted) in enumerate(pool.map(_run, chunks), 1):
            failures += found
            counts.update(counted)
            for seed, _ in found:
                print(f"failure at seed {seed}", flush=True)
            if done % 4 == 0:
                elapsed = time.perf_counter() - start
                print(
                    f"{sum(counts.values())} inputs, {len(failures)} failures, {elapsed:.0f} s",
                    flush=True,
                )
    summarise(args.seed, args.count, time.perf_counter() - start, failures, counts)


def summarise(
    first: int, count: int, elapsed: float, failures: list[tuple[int, str]], counts: Counter[str]
) -> None:
    """Print a fuzz run's summary and the first failures, and exit 1 when any failed."""
    print(f"{count} inputs (seeds {first}–{first + count - 1}) in {elapsed:.0f} s: "
          f"{len(failures)} failures")  # fmt: skip
    for kind, number in sorted(counts.items()):
        print(f"  {kind}: {number}")
    for seed, trace in failures[:10]:
        print(f"--- seed {seed}\n{trace}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
