"""Start-up of the help a new user asks for first, against a bare `python -c pass`.

`jmctl --help` (both languages) is answered before click is imported; a command's
help goes through click with its texts read from data/help/ and click's words
translated through gettext. Run: .venv/bin/python bench/startup.py [OLD_TREE]
With OLD_TREE (an unpacked earlier commit, e.g. `git archive REV | tar -x -C DIR`),
the same commands are timed through `python -m jmctl` from both trees in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import median_ms


def _command(arguments: list[str], folder: str, source: str | None = None) -> float:
    env = {**os.environ, "JMCTL_LANG": ""}
    if source is not None:
        env["PYTHONPATH"] = source

    def run() -> None:
        subprocess.run(arguments, cwd=folder, env=env, capture_output=True, check=True)

    return median_ms(run, runs=15)


def main() -> None:
    jmctl = str(Path(sys.executable).parent / "jmctl")
    with tempfile.TemporaryDirectory() as folder:
        bare = _command([sys.executable, "-c", "pass"], folder)
        rows = [
            ("jmctl --help (中文)", [jmctl, "--help"]),
            ("jmctl --lang en --help", [jmctl, "--lang", "en", "--help"]),
            ("jmctl validate --help (click, data/help, gettext)", [jmctl, "validate", "--help"]),
            ("jmctl --lang en validate --help", [jmctl, "--lang", "en", "validate", "--help"]),
        ]
        print(f"python -c pass: {bare:.1f} ms")
        for label, arguments in rows:
            took = _command(arguments, folder)
            print(f"{label}: {took:.1f} ms ({took / bare:.1f}×)")
        if len(sys.argv) > 1:
            trees = {"old": str(Path(sys.argv[1]) / "src"), "new": str(Path.cwd() / "src")}
            for label, arguments in (
                ("--help", ["--help"]),
                ("validate --help", ["validate", "--help"]),
            ):
                times = {
                    name: _command([sys.executable, "-m", "jmctl", *arguments], folder, tree)
                    for name, tree in trees.items()
                }
                print(
                    f"python -m jmctl {label}: old {times['old']:.1f} ms, new {times['new']:.1f} ms"
                )


if __name__ == "__main__":
    main()
