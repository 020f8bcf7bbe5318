"""Benchmark `jmctl diff`: a pair of 40-member editions in-process, and 3,000 pairs.

    .venv/bin/python bench/diff.py [--pairs 3000]

Floors in the same run: parsing the two files (what any diff must do first) for
the single pair; the same pairs on one process for the batch.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic
from timing import median_ms

from jmctl.diff_files import diff_files
from jmctl.loading import load_file
from jmctl.parallel import ordered_map


def _next_edition(data: dict, rng: random.Random) -> dict:
    """Return the next year's edition: posts change hands, one move, one reworded duty."""
    new = yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))
    for person in new["roster"]["members"][:: rng.choice((4, 5, 6))]:
        person["name"] = person["name"][0] + "新" + person["name"][-1]
    members = new["roster"]["members"]
    members.insert(1, members.pop(len(members) // 2))
    new["duties"][2]["items"][0] = new["duties"][2]["items"][0].replace("做好", "切实做好")
    return new


def _write_pair(
    folder: Path, index: int, rng: random.Random, members: tuple[int, int]
) -> tuple[Path, Path]:
    old = synthetic.jurisdiction(rng, index, members)
    paths = []
    for name, data in (("old", old), ("new", _next_edition(old, rng))):
        path = folder / f"{index:05d}-{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _changes(pair: tuple[Path, Path]) -> int:
    return len(diff_files(*pair).changes or [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3000)
    args = parser.parse_args()
    rng = random.Random(40)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        single = _write_pair(folder, 0, rng, (40, 40))
        changes = _changes(single)
        total = median_ms(lambda: diff_files(*single))
        floor = median_ms(lambda: [load_file(path) for path in single])
        print(
            f"40-member pair, {changes} changes: {total:.1f} ms in-process (parsing both "
            f"files alone {floor:.1f} ms, {total / floor:.1f}×)"
        )
        pairs = [_write_pair(folder, i, rng, (15, 40)) for i in range(1, args.pairs + 1)]
        timings = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            found = sum(ordered_map(partial(_changes), pairs, jobs))
            timings[jobs] = time.perf_counter() - start
        print(
            f"{args.pairs} pairs (15–40 members, {found} changes): {timings[2]:.2f} s on 2 "
            f"processes, {timings[1]:.2f} s on one ({timings[1] / timings[2]:.2f}×)"
        )


if __name__ == "__main__":
    main()
