"""Benchmark `jmctl diff` on a pair of 40-member editions, in-process after start-up.

    .venv/bin/python bench/diff.py

The floor in the same run is reading and validating the two files (what any diff
must do first); the figure is the comparison on top of it.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

from jmctl.diff import diff_files
from jmctl.validation import validate_file


def _median_ms(function, runs: int = 30) -> float:
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    rng = random.Random(40)
    old = synthetic.jurisdiction(rng, 1, (40, 40))
    new = yaml.safe_load(yaml.safe_dump(old, allow_unicode=True))
    for person in new["roster"]["members"][::5]:  # every fifth post changes hands
        person["name"] = person["name"][0] + "新" + person["name"][-1]
    new["roster"]["members"].insert(3, new["roster"]["members"].pop(20))  # one move
    new["duties"][2]["items"][0] = new["duties"][2]["items"][0].replace("做好", "切实做好")
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for name, data in (("old", old), ("new", new)):
            path = Path(scratch) / f"{name}.yaml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
            paths.append(path)
        changes = diff_files(*paths).changes or []
        total = _median_ms(lambda: diff_files(*paths))
        floor = _median_ms(lambda: [validate_file(path) for path in paths])
    print(
        f"40-member pair, {len(changes)} changes: {total:.1f} ms in all, of which reading and "
        f"validating both files {floor:.1f} ms; the comparison itself {total - floor:.1f} ms"
    )


if __name__ == "__main__":
    main()
