"""Benchmark the sessions' rules and diff as the number of sessions grows.

    .venv/bin/python bench/sessions.py [--sizes 12 25 50 100]

Each file is `examples/baihe-2023.yaml` with its two sessions repeated (numbers and
dates kept in order), so every rule runs on every session: people looked up, units
resolved, dates and numbers compared, deadlines checked. A second file with every
attendee misspelt (JM232 with a did-you-mean each) gives the worst case of the
lookup. Diff compares the file with itself after every decision's status moved.
Validation is timed in-process (the model and the rules, after load) and should grow
in proportion to the number of sessions: the ms per session column stays flat.
A file holds at most 100 sessions (`data/session_bounds.yaml`): more are refused at once
(JM012), so the sizes stop there.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import median_ms  # noqa: E402

from jmctl.diff_files import diff_files  # noqa: E402
from jmctl.validation import validate_file  # noqa: E402

EXAMPLE = ROOT / "examples" / "baihe-2023.yaml"


def _data(sessions: int, *, misspelt: bool = False, moved: bool = False) -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    template = data["sessions"]
    start = dt.date(2000, 1, 1)
    result = []
    for index in range(sessions):
        session = copy.deepcopy(template[index % 2])
        session["number"] = index // 2 + 1
        session["date"] = (start + dt.timedelta(days=index)).isoformat()
        for decision in session.get("decisions", []):
            decision.pop("deadline", None)
            if moved:
                decision["status"] = "已完成"
        if misspelt:
            for attendee in session.get("attendees", []):
                attendee["person"] += "某"
        result.append(session)
    data["sessions"] = result
    return _stringify(data)


def _stringify(value: object) -> object:
    """YAML gives dates as date objects; the data file holds them as text."""
    if isinstance(value, dict):
        return {key: _stringify(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_stringify(child) for child in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 25, 50, 100])
    args = parser.parse_args()
    print("| sessions | validate ms | ms/session | misspelt ms | ms/session | diff ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for size in args.sizes:
            sound = _write(folder, f"s{size}.yaml", _data(size))
            wrong = _write(folder, f"w{size}.yaml", _data(size, misspelt=True))
            moved = _write(folder, f"m{size}.yaml", _data(size, moved=True))
            assert not validate_file(sound).findings
            runs = 5
            ok = median_ms(lambda path=sound: validate_file(path), runs)
            bad = median_ms(lambda path=wrong: validate_file(path), runs)
            changed = median_ms(lambda a=sound, b=moved: diff_files(a, b), runs)
            print(
                f"| {size} | {ok:.0f} | {ok / size:.2f} | {bad:.0f} | {bad / size:.2f} "
                f"| {changed:.0f} |"
            )


if __name__ == "__main__":
    main()
