"""Linear time, step by step: reading a data file, the schema, the model, every validate
rule, the libraries they call (libyaml, OpenCC) and the importer on named rosters, each
at several sizes of its input.

    .venv/bin/python bench/linear.py [--sizes 1 10 40 100] [--repeat 5] [--only TEXT]
                                     [--all-cases]

Sizes are multiples of a base input (`bench/linear_shapes.py`, `bench/linear_import.py`).
Each time is the fastest of `--repeat` rounds, in CPU time; beside it the number of
Python calls at the largest two sizes (the work itself, free of the machine's load).
The fit time = a + b·n separates fixed cost (a) from growth (b); the verdict compares
the two largest sizes (100× against 40×), where fixed cost no longer hides growth: time
and calls may grow at most 1.2 times as fast as the input. A step that does not is
profiled at those two sizes, and the functions whose own time outgrows the input are
printed with their calls and their cost per call. Exits 1 when a step is not linear.
"""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))
sys.path.insert(0, str(BENCH))

from growth import Growth, load, measure, outgrowing  # noqa: E402
from linear_import import (  # noqa: E402
    INJECTED,
    ROSTER_CASES,
    every_text_case,
    import_works,
    scratch_folder,
)
from linear_shapes import SHAPES, data_file  # noqa: E402

from jmctl.domain import builtin_renames  # noqa: E402
from jmctl.loading import Document, load_text, strings_in  # noqa: E402
from jmctl.model import build  # noqa: E402
from jmctl.rules import (  # noqa: E402
    dates,
    edition,
    membership,
    references,
    reform,
    session_dates,
    sessions,
    text,
)
from jmctl.rules.context import Context  # noqa: E402
from jmctl.schema_hints import hinted_schema_findings  # noqa: E402

RULES: dict[str, Callable[[Context], object]] = {
    "references (JM201–JM205)": references.check,
    "membership (JM206–JM212)": membership.check,
    "dates and numbers (JM301–JM304)": dates.check,
    "sessions (JM230–JM236)": sessions.check,
    "session dates": session_dates.check,
    "text (JM401–JM403)": text.check,
    "reform (JM501)": reform.check,
    "edition": edition.check,
}
Work = Callable[[], object]
Steps = dict[str, list[Work]]


def _document(source: str) -> Document:
    loaded = load_text(source)
    assert loaded.document is not None, [f.message("en") for f in loaded.findings]
    return loaded.document


def _rule_run(document: Document, rule: Callable[[Context], object]) -> Work:
    model, renames = build(document.data), builtin_renames()
    return lambda: list(rule(Context(document, model, renames)))  # type: ignore[call-overload]


def _libyaml(source: str) -> None:
    deque(yaml.parse(source, Loader=yaml.CSafeLoader), maxlen=0)


def _opencc(document: Document) -> Work:
    from jmctl.rules.text import _converters  # the converter the text rule uses

    convert = _converters()[0].convert
    strings = [value for _, value in strings_in(document.data)]
    return lambda: [convert(value) for value in strings]


def validate_works(shape: str, sizes: list[int]) -> tuple[list[int], str, Steps]:
    """Return the sizes (multiples of the shape's base), their unit and each validate
    step's work on each size of `shape`."""
    sources = [data_file(shape, size) for size in sizes]
    documents = [_document(source) for source in sources]
    works: Steps = {
        "reading (YAML, positions)": [partial(load_text, source) for source in sources],
        "  libyaml's events alone": [partial(_libyaml, source) for source in sources],
        "schema (JSON Schema)": [partial(hinted_schema_findings, doc) for doc in documents],
        "model": [partial(build, doc.data) for doc in documents],
    }
    for name, rule in RULES.items():
        works[name] = [_rule_run(document, rule) for document in documents]
    works["  OpenCC t2s alone"] = [_opencc(document) for document in documents]
    return sizes, "×", works


def _case_label(case: str) -> str:
    """27, n09, 27+injected: the case's number and variant."""
    name, _, variant = Path(case).name.partition("+")
    return "+".join(filter(None, (f"case {name.split('-')[0]}", variant[:3])))


def header(what: str, sizes: list[int]) -> None:
    head = " ".join(f"{f'{s}{what}':>10}" for s in sizes)
    last = f"{sizes[-1]}/{sizes[-2]}"
    print(f"\n{'step':32} {'shape':11} {head} {'a ms':>8} {'b µs':>8}  time ({last}) calls")


def report(name: str, shape: str, growth: Growth, works: list[Work]) -> bool:
    """Print one step's row (and its outgrowing functions); return whether it is linear."""
    a, b = growth.fit()
    size, seconds, called = growth.last_ratio()
    times = " ".join(f"{t * 1000:10.2f}" for t in growth.seconds)
    verdict = "" if growth.linear() else "  NOT LINEAR"
    print(
        f"{name:32} {shape:11} {times} {a * 1000:8.2f} {b * 1e6:8.3f}  "
        f"{seconds:5.2f}× {called:5.2f}× (input {size:.2f}×){verdict}"
    )
    if not growth.linear():
        for line in outgrowing(works[-2], works[-1], size):
            print(line)
    return growth.linear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 40, 100])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per time (the fastest)")
    parser.add_argument("--only", default="", help="only the steps or shapes containing this")
    parser.add_argument(
        "--all-cases",
        action="store_true",
        help="the importer on every text case of the corpus, not only the named rosters",
    )
    args = parser.parse_args()
    cases = every_text_case() if args.all_cases else [*ROSTER_CASES, INJECTED]
    sizes = sorted(args.sizes)
    assert len(sizes) >= 2, "two sizes at least"
    print(f"start: {load()}")
    print("a: fixed cost; b: cost per unit of size (per ×1 of the base, per line of a notice)")
    linear = True
    with scratch_folder() as scratch:
        groups = [(shape, partial(validate_works, shape)) for shape in SHAPES]
        groups += [
            (_case_label(case), partial(import_works, case, scratch=Path(scratch)))
            for case in cases
        ]
        for shape, works_of in groups:
            if args.only and not any(args.only in text for text in (shape, *RULES, "import")):
                continue
            measured, unit, steps = works_of(sizes=sizes)
            header(unit, measured)
            for name, works in steps.items():
                if args.only and args.only not in name and args.only not in shape:
                    continue
                growth = measure(works, measured, args.repeat)
                linear &= report(name, shape, growth, works)
    print(f"\nend: {load()}")
    print("every step linear" if linear else "a step is not linear")
    sys.exit(0 if linear else 1)


if __name__ == "__main__":
    main()
