"""How a step's cost grows with its input: CPU time and call counts at several sizes, a
fit of time = a + b·n, and the functions whose cost outgrows the input (cProfile).

Shared by `bench/linear.py`. Times are CPU time (`time.process_time`), the fastest of
several rounds: on a shared machine, wall time counts the other processes too.
"""

from __future__ import annotations

import cProfile
import math
import os
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROUND_SECONDS = 0.05  # a round repeats a short call until it has taken this long
SLACK = 1.2  # a step may grow this much faster than its input (the old 12× for 10×)


def cpu_best(work: Callable[[], object], repeat: int) -> float:
    """Return the least CPU seconds of one call of `work` over `repeat` rounds. Short
    calls are timed in bulk (the timer's resolution and a cold cache would otherwise
    make the figure)."""
    work()  # warm: caches, imports, OpenCC's dictionaries
    times_per_round = 1
    while True:
        start = time.process_time()
        for _ in range(times_per_round):
            work()
        if time.process_time() - start >= ROUND_SECONDS:
            break
        times_per_round *= 2
    best = math.inf
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(times_per_round):
            work()
        best = min(best, (time.process_time() - start) / times_per_round)
    return best


def profile(work: Callable[[], object]) -> pstats.Stats:
    found = cProfile.Profile()
    found.runcall(work)
    return pstats.Stats(found)


def calls(work: Callable[[], object]) -> int:
    """Return how many Python functions one call of `work` calls: the work itself, free
    of the machine's load and caches (C code inside a library counts once per call)."""
    return int(profile(work).total_calls)  # type: ignore[attr-defined]


@dataclass
class Growth:
    """One step measured at several sizes (sizes are multiples of a base input)."""

    sizes: list[int]
    seconds: list[float]
    calls: list[int]

    def fit(self) -> tuple[float, float]:
        """Return (a, b) of the least-squares line time = a + b·n, in seconds."""
        n = len(self.sizes)
        mean_x = sum(self.sizes) / n
        mean_y = sum(self.seconds) / n
        sxx = sum((x - mean_x) ** 2 for x in self.sizes)
        sxy = sum(
            (x - mean_x) * (y - mean_y) for x, y in zip(self.sizes, self.seconds, strict=True)
        )
        slope = sxy / sxx if sxx else 0.0
        return mean_y - slope * mean_x, slope

    def worst_fit_error(self) -> float:
        """Return the largest relative distance of a measured time from the fitted line:
        a curve (n², n log n with a large log) leaves the line at its ends."""
        a, b = self.fit()
        return max(abs(t - (a + b * x)) / t for x, t in zip(self.sizes, self.seconds, strict=True))

    def last_ratio(self) -> tuple[float, float, float]:
        """Return (size ratio, time ratio, calls ratio) of the two largest sizes."""
        size = self.sizes[-1] / self.sizes[-2]
        return size, self.seconds[-1] / self.seconds[-2], self.calls[-1] / self.calls[-2]

    def linear(self) -> bool:
        """Whether the two largest sizes grew at most SLACK times faster than their input,
        in time and in calls."""
        size, seconds, called = self.last_ratio()
        return seconds <= size * SLACK and called <= size * SLACK


def measure(works: list[Callable[[], object]], sizes: list[int], repeat: int) -> Growth:
    """Measure `works[i]`, the step on the input of size `sizes[i]`. When the calls grow
    linearly and the time does not, the two largest are timed again with twice the
    rounds and each keeps its faster time: a burst of the machine's other work in one
    round must not pass for growth (a step quadratic inside C code stays slow)."""
    growth = Growth(sizes, [cpu_best(work, repeat) for work in works], [calls(w) for w in works])
    size, seconds, called = growth.last_ratio()
    if called <= size * SLACK < seconds:
        for index in (-2, -1):
            again = cpu_best(works[index], repeat * 2)
            growth.seconds[index] = min(growth.seconds[index], again)
    return growth


def outgrowing(
    small: Callable[[], object], large: Callable[[], object], ratio: float, top: int = 6
) -> list[str]:
    """Profile `small` and `large` (`ratio` times the input) and return a line for each
    function whose own time grows more than SLACK·ratio, worst first: its calls and its
    own time per call at both sizes (more calls: a loop over a loop; dearer calls: a scan
    inside each call)."""
    before, after = _own_times(small), _own_times(large)
    total = sum(own for _, own in after.values())
    rows = []
    for function, (count, own) in after.items():
        count0, own0 = before.get(function, (0, 0.0))
        if own < total * 0.02 or own <= own0 * ratio * SLACK:
            continue
        grown = own / own0 if own0 else math.inf
        per_call = (own0 / count0 * 1e6 if count0 else 0.0, own / count * 1e6)
        rows.append(
            (
                grown,
                f"    {function}: own time ×{grown:.1f}, calls {count0} → {count}, "
                f"{per_call[0]:.2f} → {per_call[1]:.2f} µs a call",
            )
        )
    return [line for _, line in sorted(rows, reverse=True)[:top]]


def _own_times(work: Callable[[], object]) -> dict[str, tuple[int, float]]:
    stats = profile(work).stats  # type: ignore[attr-defined]
    found: dict[str, tuple[int, float]] = {}
    for (filename, line, name), (_, count, own, _, _) in stats.items():
        where = f"{Path(filename).name}:{line}({name})" if line else name
        found[where] = (count, own)
    return found


def load() -> str:
    """Return the machine's load for the record: load averages and the number of cores."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"
