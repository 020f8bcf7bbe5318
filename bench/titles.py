"""Title breaking stays linear: time break_title on titles ten times longer each step.

    .venv/bin/python bench/titles.py

Ordinary titles (up to four lines) go through a bounded search; longer ones are filled
greedily in one pass. Each step prints the median time and its ratio to the step before
(linear: about 10×; the old search over every combination of break points was cubic).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_ms

from jmctl.render.titles import break_title

UNIT = "某某县社会救助工作"


def main() -> None:
    ordinary = "关于建立某某市某某区农村留守儿童和困境儿童关爱保护工作联席会议制度的通知"
    took = median_ms(lambda: break_title(ordinary))
    print(f"ordinary title ({len(ordinary)} characters): {took:.3f} ms")
    previous = None
    for repeat in (10, 100, 1000):
        title = "关于建立" + UNIT * repeat + "制度的通知"
        took = median_ms(lambda title=title: break_title(title))
        ratio = f", {took / previous:.1f}× the step before" if previous else ""
        print(f"{len(title):>6} characters: {took:.2f} ms{ratio}")
        previous = took


if __name__ == "__main__":
    main()
