"""Measure `jmctl import` on real documents: accuracy against the case corpus, and speed.

    .venv/bin/python bench/import.py score [FOLDER ...] [--json]
    .venv/bin/python bench/import.py speed [FOLDER ...] [--files 3000] [--jobs 2]

`score` imports every case of each folder (default: tests/cases/import/dev and heldout)
with the library, compares it with the case's expect file (bench/import_cases.py) and
prints a row per case and totals per folder. A case whose import raises is scored as
failed, with the reason.

`speed` times each case in-process, a folder of FILES copies of the cases through the
command line with --jobs, and each text case grown ten times (its middle block repeated,
or its longest line's middle when the document is one line): at most 12x the CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_cases import COUNT_KEYS, Case, CaseScore, cases, compare, failed
from timing import median_ms

from jmctl.domain import builtin_renames
from jmctl.findings import Severity
from jmctl.importing.api import import_file
from jmctl.loading import load_text
from jmctl.validation import check_document

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "tests/cases/import/dev", ROOT / "tests/cases/import/heldout"]
GROWN = 10
LINEAR_LIMIT = 12.0


# --- score -------------------------------------------------------------------------------


def score_case(case: Case) -> CaseScore:
    """Import one case and compare it; never raises."""
    try:
        result = import_file(case.input)
    except Exception as error:  # the importer's failure is the measurement
        return failed(case.name, case.expect, f"raised {_reason(error)}")
    if result.imported is None:
        codes = ", ".join(f.code for f in result.findings) or "no data"
        return failed(case.name, case.expect, f"nothing imported ({codes})")
    try:
        score = compare(case.name, case.expect, result.imported.data)
        score.valid, score.errors = _validates(result.yaml_text(), case)
    except Exception as error:
        return failed(case.name, case.expect, f"scoring raised {_reason(error)}")
    return score


def _reason(error: BaseException) -> str:
    where = traceback.extract_tb(error.__traceback__)[-1:]
    place = f" at {Path(where[0].filename).name}:{where[0].lineno}" if where else ""
    return f"{type(error).__name__}: {error}{place}"[:200]


def _validates(text: str, case: Case) -> tuple[bool, list[str]]:
    """Whether the imported file validates with no error beyond the document's own defects."""
    loaded = load_text(text, str(case.input))
    findings = list(loaded.findings)
    if loaded.document is not None:
        findings += check_document(loaded.document, builtin_renames()).findings
    errors = sorted(f.code for f in findings if f.severity is Severity.ERROR)
    allowed = set(case.expect.get("defects") or [])
    return all(code in allowed for code in errors), errors


def totals(scores: list[CaseScore]) -> dict[str, Any]:
    """Sum a folder's scores: per count, cases exactly right and items found of expected."""
    total: dict[str, Any] = {"cases": len(scores), "passed": sum(s.passed for s in scores)}
    for key in COUNT_KEYS:
        expected = sum(s.expected.get(key, 0) for s in scores)
        found = sum(min(s.counts.get(key, 0), s.expected.get(key, 0)) for s in scores)
        extra = sum(max(s.counts.get(key, 0) - s.expected.get(key, 0), 0) for s in scores)
        right = sum(s.counts.get(key) == s.expected.get(key) for s in scores)
        total[key] = {"expected": expected, "found": found, "extra": extra, "cases_right": right}
    total["units"] = {
        "listed": sum(s.units_listed for s in scores),
        "matched": sum(s.units_matched for s in scores),
        "exact": sum(s.units_exact for s in scores),
    }
    for name in ("name", "jurisdiction", "level"):
        stated = [s for s in scores if name in s.fields]
        total[name] = {
            "stated": len(stated),
            "right": sum(s.fields.get(name, False) for s in stated),
        }
    total["valid"] = sum(bool(s.valid) for s in scores)
    total["failed_to_import"] = sum(s.failure is not None for s in scores)
    return total


def _row(score: CaseScore) -> str:
    def pair(key: str) -> str:
        got, want = score.counts.get(key, "-"), score.expected.get(key, "-")
        return f"{got}/{want}" + ("" if got == want else "*")

    units = (
        f"{score.units_matched}/{score.units_exact}/{score.units_listed}"
        if score.units_listed
        else "-"
    )
    wrong = [name for name, equal in score.fields.items() if not equal]
    note = score.failure or (", ".join(wrong) if wrong else "")
    valid = "-" if score.valid is None else ("yes" if score.valid else "no")
    verdict = "PASS" if score.passed else "fail"
    cells = [pair(key) for key in COUNT_KEYS]
    counts = " ".join(f"{cell:>8}" for cell in cells)
    return f"{score.name[:44]:44} {counts} {units:>9} {valid:>5} {verdict}  {note}"


def print_folder(folder: Path, scores: list[CaseScore]) -> None:
    print(f"\n== {_shown(folder)}")
    header = ["members", "persons", "convenor", "duties"]
    columns = " ".join(f"{name:>8}" for name in header)
    print(f"{'case':44} {columns} {'units m/e/l':>9} {'valid':>5} result")
    for score in scores:
        print(_row(score))
    total = totals(scores)
    failures = total["failed_to_import"]
    print(f"-- {total['cases']} cases, {total['passed']} pass, {failures} failed to import")
    for key in COUNT_KEYS:
        t = total[key]
        print(
            f"   {key:10} found {t['found']}/{t['expected']} (+{t['extra']} extra), "
            f"count right in {t['cases_right']}/{total['cases']} cases"
        )
    units = total["units"]
    listed = units["listed"]
    matched, exact = units["matched"], units["exact"]
    print(f"   units      matched {matched}/{listed}, spelled right {exact}/{listed}")
    for name in ("name", "jurisdiction", "level"):
        print(f"   {name:10} right {total[name]['right']}/{total[name]['stated']} stated")
    valid = f"{total['valid']}/{total['cases']}"
    print(f"   validate   {valid} with no error beyond the stated defects")


def _shown(folder: Path) -> str:
    folder = folder.resolve()
    return str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)


def run_score(folders: list[Path], as_json: bool) -> None:
    report = {}
    for folder in folders:
        scores = [score_case(case) for case in cases(folder)]
        report[_shown(folder)] = {"cases": [s.as_dict() for s in scores], "totals": totals(scores)}
        if not as_json:
            print_folder(folder, scores)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))


# --- speed -------------------------------------------------------------------------------


def grow(text: str, times: int = GROWN) -> str:
    """Return `text` about `times` as long and still a plausible document: the middle half of
    its lines (where the roster, units and duties sit) repeated; a document of a few lines
    repeats the middle half of its longest line instead."""
    lines = text.splitlines(keepends=True)
    added = len(text) * (times - 1)
    if len(lines) >= 8:
        return _repeat_middle(lines, added)
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = _repeat_middle(list(lines[longest]), added)
    return "".join(lines)


def _repeat_middle(parts: list[str], added: int) -> str:
    """Join `parts` with their middle half repeated until about `added` characters more."""
    start, end = len(parts) // 4, len(parts) * 3 // 4
    middle = "".join(parts[start:end])
    copies = max(round(added / max(len(middle), 1)), 1) + 1
    return "".join(parts[:start]) + middle * copies + "".join(parts[end:])


def _time(path: Path, runs: int) -> float:
    return median_ms(lambda: import_file(path), runs)


def _ratio(small: Path, big: Path, runs: int = 9) -> tuple[float, float]:
    """Return the CPU milliseconds of importing `small` and `big`, each the fastest of
    `runs` alternating runs. CPU time, not wall time: on a shared machine a long run is
    preempted more often than a short one, which would inflate the ratio."""
    import_file(small), import_file(big)
    fastest = [float("inf"), float("inf")]
    for _ in range(runs):
        for index, path in enumerate((small, big)):
            start = time.process_time()
            import_file(path)
            fastest[index] = min(fastest[index], (time.process_time() - start) * 1000)
    return fastest[0], fastest[1]


def run_speed(folders: list[Path], files: int, jobs: int) -> None:
    all_cases = [case for folder in folders for case in cases(folder) if case.input.exists()]
    with tempfile.TemporaryDirectory() as scratch:
        worst = _linearity(all_cases, Path(scratch))
        print(f"worst ratio for {GROWN}x the text: {worst:.1f} (limit {LINEAR_LIMIT:.0f})")
        _batch(all_cases, Path(scratch), files, jobs)


def _linearity(all_cases: list[Case], scratch: Path) -> float:
    """Print each case's time, its grown copy's time and their ratio; return the worst."""
    print(f"{'case':44} {'bytes':>7} {'ms':>8} {'10x bytes':>9} {'10x ms':>9} {'ratio':>6}")
    worst = 0.0
    for case in all_cases:
        name, size = case.name[:44], case.input.stat().st_size
        if case.input.suffix not in (".txt", ".html", ".htm"):
            print(f"{name:44} {size:>7} {_time(case.input, 9):>8.1f} {'(binary)':>9}")
            continue
        grown = scratch / f"grown{case.input.suffix}"
        grown.write_text(grow(case.input.read_text("utf-8")), "utf-8")
        base, big = _ratio(case.input, grown)
        ratio = big / base
        worst = max(worst, ratio)
        flag = "" if ratio <= LINEAR_LIMIT else f"  > 12x; {_steady(case, grown, scratch)}"
        grown_size = grown.stat().st_size
        print(f"{name:44} {size:>7} {base:>8.2f} {grown_size:>9} {big:>9.2f} {ratio:>6.1f}{flag}")
    return worst


def _steady(case: Case, grown: Path, scratch: Path) -> str:
    """The ratio from the 10x copy to a 100x one. The copies repeat the middle of a document,
    where its roster sits, and a roster line costs more than a header line: a document whose
    middle is its dearest part passes 12x from 1x to 10x though every line costs the same. From
    10x to 100x the repeated middle is nearly all of both texts, so this ratio shows whether the
    cost per character grows (above 12) or not (about 10)."""
    larger = scratch / f"grown100{case.input.suffix}"
    larger.write_text(grow(case.input.read_text("utf-8"), GROWN * GROWN), "utf-8")
    small, big = _ratio(grown, larger, runs=3)
    return f"10x→100x {big / small:.1f}"


def _batch(all_cases: list[Case], scratch: Path, files: int, jobs: int) -> None:
    """Import a folder of `files` copies of the cases through the command line."""
    source, out = scratch / "in", scratch / "out"
    source.mkdir()
    out.mkdir()
    for index in range(files):
        case = all_cases[index % len(all_cases)]
        shutil.copyfile(case.input, source / f"{index:05d}-{case.input.name}")
    jmctl = Path(sys.executable).parent / "jmctl"
    env = {**os.environ, "JMCTL_LANG": "en"}
    for count in sorted({1, jobs}):
        for leftover in out.iterdir():
            leftover.unlink()
        start = time.perf_counter()
        done = subprocess.run(
            [str(jmctl), "import", str(source), "-d", str(out), "--jobs", str(count)],
            capture_output=True,
            env=env,
            check=False,
        )
        elapsed = time.perf_counter() - start
        written = len(list(out.glob("*.yaml")))
        print(
            f"{files} files, --jobs {count}: {elapsed:.2f} s "
            f"({elapsed / files * 1000:.1f} ms per file), "
            f"{written} data files written, exit {done.returncode}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="accuracy against the expect files")
    score.add_argument("folders", nargs="*", type=Path)
    score.add_argument("--json", action="store_true", help="print the scores as JSON")
    speed = commands.add_parser("speed", help="time per document, a batch, and linearity")
    speed.add_argument("folders", nargs="*", type=Path)
    speed.add_argument("--files", type=int, default=3000)
    speed.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    folders = args.folders or FOLDERS
    if args.command == "score":
        run_score(folders, args.json)
    else:
        run_speed(folders, args.files, args.jobs)


if __name__ == "__main__":
    main()
