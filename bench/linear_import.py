"""The importer's part of `bench/linear.py`: real notices with named rosters, grown.

Each case is imported from a file written at each size: the original at size 1, and
at size k the middle half of its lines (where the roster sits) repeated until the text
is about k times as long (`grow` of `bench/import.py`, so both benchmarks grow alike).
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import ModuleType

from jmctl.importing.api import import_file
from jmctl.importing.checking import check_file
from jmctl.importing.sources import read_source

Steps = dict[str, list[Callable[[], object]]]
ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests/cases/import"
# Named rosters of 19 to 33 persons: the cases with the highest ratios of the 10× run.
ROSTER_CASES = (
    "dev/27-yunnan-kexue-suzhi-lianxi",
    "dev/19-pingxiang-tese-xiaozhen-lianxi",
    "dev/05-yayunhui-lingdaoxiaozu",
    "heldout/n09-longnan-liushou-ertong-lianxi",
    "heldout/n36-hubei-sanxia-weiyuanhui",
)
# The same roster with a symbol a web mirror injects inside every post (局▃副局长):
# every line gets a JM609 finding, which quotes the line it stands on.
INJECTED = "dev/27-yunnan-kexue-suzhi-lianxi+injected"


def grown_files(case: str, sizes: list[int], scratch: Path) -> list[Path]:
    """Write the case's text at each size into `scratch`; return the files."""
    grow = _import_bench().grow
    case, _, variant = case.partition("+")
    text = (CASES / f"{case}.txt").read_text("utf-8")
    if variant == "injected":
        text = text.replace("局副", "局▃副")
    files = []
    for size in sizes:
        file = scratch / f"{Path(case).name}-{size}.txt"
        file.write_text(text if size == 1 else grow(text, size), "utf-8")
        files.append(file)
    return files


def import_works(case: str, sizes: list[int], scratch: Path) -> tuple[list[int], str, Steps]:
    """Return the lines (not blank) of `case` at each size, their unit, and the steps to time on
    each: the whole import, and reading the file alone (the floor the recognisers add
    to). Lines, not bytes, are the input's size: growing repeats the roster's short
    lines, so ten times the bytes hold about twenty times the lines. A document of a
    few lines grows inside its longest line: its size is then its characters."""
    files = grown_files(case, sizes, scratch)
    lines = [sum(1 for line in read_source(file).lines if line.text.strip()) for file in files]
    unit = " lines"
    if lines[-1] < 2 * lines[0]:  # a document of a few lines grows within its longest line
        lines, unit = [len(file.read_text("utf-8")) for file in files], " chars"
    return (
        lines,
        unit,
        {
            "import (whole)": [partial(import_file, file) for file in files],
            "import: reading the text": [partial(read_source, file) for file in files],
            "check (proofreading)": [partial(check_file, file) for file in files],
        },
    )


def every_text_case() -> list[str]:
    """Every .txt case of the import corpus (dev and heldout), as `folder/name`."""
    return sorted(
        f"{path.parent.name}/{path.stem}"
        for folder in ("dev", "heldout")
        for path in (CASES / folder).glob("*.txt")
    )


def _import_bench() -> ModuleType:
    """Return bench/import.py as a module (its name is a keyword: no import statement)."""
    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench/import.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="jmctl-linear-")
