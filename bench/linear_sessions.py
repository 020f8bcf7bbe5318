"""Linear time of what sessions brought: each session document (DOCX), the web page and
the import of a 会议纪要, at several sizes of its input (`bench/growth.py`'s helpers,
the verdict as in `bench/linear.py`: from 40× to 100× time and calls may grow at most
1.2 times as fast as the input).

    .venv/bin/python bench/linear_sessions.py [--sizes 1 10 40 100] [--repeat 3]

Session documents: one session of 3 attendees (distinct roster persons), 1 invited
unit, 1 agenda item and 3 decisions at 1×, every list n times as long (100× is 300
attendees, the bound of `data/session_bounds.yaml`: as many name cards and sign-in
rows). The model is built (not timed); each document is laid out and written as DOCX
bytes in memory. The web page: `bench/linear_shapes.py`'s file of 20 units at 1×
(2,000 at 100×), the page's HTML. The 纪要: `bench/minutes.py`'s text of 3 decisions
and 3 attendees at 1×, imported from a file.
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))
sys.path.insert(0, str(BENCH))

from growth import load, measure  # noqa: E402
from linear import header, report  # noqa: E402
from linear_import import scratch_folder  # noqa: E402
from linear_shapes import _person, data_file  # noqa: E402
from minutes import decisions_text  # noqa: E402

from jmctl.importing.api import import_file  # noqa: E402
from jmctl.loading import load_text  # noqa: E402
from jmctl.model import JointMeeting, build  # noqa: E402
from jmctl.render.api import RenderOptions, outline  # noqa: E402
from jmctl.render.docx_writer import write_docx  # noqa: E402
from jmctl.render.phrases import Phrases  # noqa: E402
from jmctl.render.web import page_html  # noqa: E402


def _data(text: str) -> Any:
    """The data as jmctl reads it (dates as text, as the model expects)."""
    loaded = load_text(text)
    assert loaded.document is not None
    return loaded.document.data


BAIHE = _data((BENCH.parent / "examples" / "baihe-2023.yaml").read_text("utf-8"))
SESSION_KINDS = ("session-notice", "sign-in", "name-cards", "minutes", "decisions")
BASE = {"attendees": 3, "invited": 1, "agenda": 1, "decisions": 3}
Work = Callable[[], object]


def session_model(size: int) -> JointMeeting:
    """The example with one session whose lists are `size` times the base."""
    data = copy.deepcopy(BAIHE)
    session = data["sessions"][0]
    for key, count in BASE.items():
        items = session[key]
        session[key] = [copy.deepcopy(items[i % len(items)]) for i in range(count * size)]
    # Every attendee a distinct roster person: one name card and one sign-in row each.
    people = [_person(i) for i in range(BASE["attendees"] * size)]
    data["roster"]["members"] += [{"name": n, "unit": "县民政局", "post": "副局长"} for n in people]
    session["attendees"] = [{"person": name} for name in people]
    data["sessions"] = [session]
    return build(data)


def _document(model: JointMeeting, kind: str) -> bytes:
    return write_docx(outline(model, kind, RenderOptions()))


def _page(size: int) -> Work:
    model = build(_data(data_file("many", size)))
    return partial(page_html, model, Phrases())


def _minutes(size: int, folder: Path) -> Work:
    path = folder / f"纪要-{size}.txt"
    path.write_text(decisions_text(3 * size), "utf-8")
    return partial(import_file, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 40, 100])
    parser.add_argument("--repeat", type=int, default=3, help="rounds per time (the fastest)")
    parser.add_argument("--only", default="", help="only the steps containing this")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"start: {load()}")
    linear = True
    with scratch_folder() as scratch:
        models = [session_model(size) for size in sizes]
        steps: dict[str, list[Work]] = {
            f"render {kind}": [partial(_document, model, kind) for model in models]
            for kind in SESSION_KINDS
        }
        steps["render web"] = [_page(size) for size in sizes]
        steps["import 纪要"] = [_minutes(size, Path(scratch)) for size in sizes]
        header("×", sizes)
        for name, works in steps.items():
            if args.only not in name:
                continue
            growth = measure(works, sizes, args.repeat)
            linear &= report(name, "sessions", growth, works)
    print(f"\nend: {load()}")
    print("every step linear" if linear else "a step is not linear")
    sys.exit(0 if linear else 1)


if __name__ == "__main__":
    main()
