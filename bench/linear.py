"""Linear time, rule by rule: every validate rule (and reading the file) on an input and
on one ten times longer; the time may grow at most twelvefold.

    .venv/bin/python bench/linear.py [--scale 1]

Two shapes of "longer", since a rule can be quadratic in either: *many* (ten times
the units, members, people, duties, cited documents and paragraphs) and *long* (the
same file with its text ten times longer: half-width marks beside spaces and
Chinese, runs of digits before 个, brackets, traditional characters). Each time is the
best of several runs, in CPU time; beside it, the ratio of Python function calls (the
work itself, free of the machine's load and caches). Prints one line per rule and shape,
and exits 1 when a time ratio passes 12.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jmctl.domain import builtin_renames  # noqa: E402
from jmctl.loading import Document, load_text  # noqa: E402
from jmctl.model import build  # noqa: E402
from jmctl.rules import dates, membership, references, reform, text  # noqa: E402
from jmctl.rules.context import Context  # noqa: E402
from jmctl.schema import check_schema  # noqa: E402

RULES: dict[str, Callable[[Context], object]] = {
    "references (JM201–JM205)": references.check,
    "membership (JM206–JM212)": membership.check,
    "dates and numbers (JM301–JM304)": dates.check,
    "text (JM401–JM403)": text.check,
    "reform (JM501)": reform.check,
}
LIMIT = 12.0
# Text that exercises every text path: half-width marks beside Chinese and spaces, a
# digit run before 个, a 由…组成 sentence, brackets, traditional characters.
HOSTILE_LINE = (
    "由县民政局 , 县财政局( 等 )12345678个部门和单位组成；〔2017〕衛計局" + " " * 9 + ",中"
)


def data(many: int, long: int) -> dict[str, object]:
    """A valid file with `many` units (members, people, duties, citations) and text
    `long` times the hostile line."""
    units = [{"name": f"县第{i}局", "short": [f"第{i}局"]} for i in range(many)]
    return {
        "jmctl": 1,
        "jurisdiction": {"name": "白河县", "level": "county", "government": "白河县人民政府"},
        "meeting": {
            "name": "白河县社会救助工作联席会议",
            "functions": [HOSTILE_LINE * long for _ in range(max(1, many // 10))],
            "basis": [
                {"title": "关于社会救助的通知", "number": f"国办发〔2014〕{i + 1}号"}
                for i in range(many)
            ],
        },
        "units": [{"name": "白河县人民政府", "short": ["县政府"]}, *units],
        "members": [unit["name"] for unit in units],
        "roster": {
            "chief_convenors": [{"name": "张伟", "unit": "县政府", "post": "副县长"}],
            "members": [
                {"name": f"王{i}", "unit": unit["name"], "post": "副局长"}
                for i, unit in enumerate(units)
            ],
        },
        "duties": [{"unit": unit["name"], "items": [HOSTILE_LINE * long]} for unit in units],
        "notice": {
            "kind": "establish",
            "issuer": "白河县人民政府办公室",
            "doc_number": "白府办发〔2019〕5号",
            "date": "2019-04-08",
            "body": [HOSTILE_LINE * long],
        },
    }


def prepared(many: int, long: int) -> tuple[str, Document]:
    source = yaml.safe_dump(data(many, long), allow_unicode=True, width=10**9)
    loaded = load_text(source)
    assert loaded.document is not None, [f.message("en") for f in loaded.findings]
    assert not check_schema(loaded.document), "the generated file must be valid"
    return source, loaded.document


def best(work: Callable[[], object], runs: int = 5) -> float:
    """Return the least CPU time of one call of `work` over `runs` rounds, each repeating
    it until it has taken 50 ms (short calls are timed in bulk: the timer's resolution and
    a cold cache would otherwise make the ratio). CPU time: other processes on the
    machine do not count."""
    repeat = 1
    while True:
        start = time.process_time()
        for _ in range(repeat):
            work()
        if time.process_time() - start >= 0.05:
            break
        repeat *= 2
    times = []
    for _ in range(runs):
        start = time.process_time()
        for _ in range(repeat):
            work()
        times.append((time.process_time() - start) / repeat)
    return min(times)


def _rule_run(document: Document, rule: Callable[[Context], object]) -> Callable[[], object]:
    model = build(document.data)
    renames = builtin_renames()
    return lambda: list(rule(Context(document, model, renames)))  # type: ignore[call-overload]


def calls(work: Callable[[], object]) -> int:
    """Return how many Python functions one call of `work` calls: the work done, free
    of the machine's load and of its caches."""
    profile = cProfile.Profile()
    profile.runcall(work)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


Row = tuple[str, float, float, float]  # what, time small, time large, ratio of calls


def _rows(small: tuple[str, Document], large: tuple[str, Document]) -> list[Row]:
    """Return a row for reading and for every rule."""
    works = [
        ("reading (YAML, positions)", partial(load_text, small[0]), partial(load_text, large[0]))
    ]
    works += [
        (name, _rule_run(small[1], rule), _rule_run(large[1], rule)) for name, rule in RULES.items()
    ]
    return [(name, best(a), best(b), calls(b) / calls(a)) for name, a, b in works]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply the base sizes")
    args = parser.parse_args()
    shapes = {
        "many": ((200 * args.scale, 1), (2000 * args.scale, 1)),
        "long": ((40, 10 * args.scale), (40, 100 * args.scale)),
    }
    worst = 0.0
    print(f"{'what':34} {'shape':5} {'small':>10} {'10× larger':>11} {'time':>6} {'calls':>6}")
    for shape, (small, large) in shapes.items():
        for name, short, longer, work in _rows(prepared(*small), prepared(*large)):
            ratio = longer / short
            worst = max(worst, ratio)
            print(
                f"{name:34} {shape:5} {short * 1000:8.2f} ms {longer * 1000:8.2f} ms "
                f"{ratio:5.1f}× {work:5.1f}×"
            )
    print(f"worst ratio {worst:.1f} (limit {LIMIT:g})")
    sys.exit(1 if worst > LIMIT else 0)


if __name__ == "__main__":
    main()
