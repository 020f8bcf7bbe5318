"""The long fuzz run: mutated examples, random bytes and random text through validate,
render and diff, and mutated real notices through import and check, on every core.
Any exception is a failure, printed with its seed.

    .venv/bin/python bench/fuzz.py [--count 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from mutations import exercise, mutate  # noqa: E402

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
    path.write_bytes(mutate(rng, rng.choice(CORPUS), rounds=6))
    result = import_file(path)
    if result.imported is not None:
        exercise(result.yaml_text().encode("utf-8"))
    check_file(path)


def _run(seeds: range) -> list[tuple[int, str]]:
    import tempfile

    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for seed in seeds:
            try:
                if seed % 5 == 0:  # a fifth of the inputs are documents, not data files
                    _document(seed, Path(scratch))
                else:
                    exercise(_input(seed))
            except Exception:  # the point of the run: collect, do not stop
                failures.append((seed, traceback.format_exc(limit=3)))
    return failures


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
    with ProcessPoolExecutor() as pool:
        failures = [f for chunk in pool.map(_run, chunks) for f in chunk]
    elapsed = time.perf_counter() - start
    print(
        f"{args.count} inputs (seeds {args.seed}–{args.seed + args.count - 1}) in "
        f"{elapsed:.0f} s: {len(failures)} failures"
    )
    for seed, trace in failures[:10]:
        print(f"--- seed {seed}\n{trace}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
