"""Benchmark `jmctl validate` against check-jsonschema on the same files, and at scale.

    .venv/bin/pip install check-jsonschema     # the peer, not a jmctl dependency
    .venv/bin/python bench/validate.py [--peer-files 500] [--files 3000]

Both run as commands, as a user would run them: check-jsonschema with the project's
own schema (shape only), jmctl with the schema, every domain rule and located
findings. Also prints start-up against a bare `python -c pass`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402

BIN = Path(sys.executable).parent


def _seconds(command: list[str], runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-files", type=int, default=500)
    parser.add_argument("--files", type=int, default=3000)
    args = parser.parse_args()
    jmctl = str(BIN / "jmctl")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        files = synthetic.write(folder / "all", args.files, seed=3)
        lines = sum(path.read_text("utf-8").count("\n") for path in files[:100]) / 100
        peer_dir = folder / "peer"
        peer_dir.mkdir()
        for path in files[: args.peer_files]:
            shutil.copy(path, peer_dir)
        peer = shutil.which("check-jsonschema", path=str(BIN))
        schema = str(ROOT / "schemas" / "jmctl-v1.schema.json")
        if peer:
            theirs = _seconds([peer, "--schemafile", schema, *map(str, sorted(peer_dir.iterdir()))])
            ours = _seconds([jmctl, "validate", str(peer_dir)])
            one = _seconds([jmctl, "validate", "--jobs", "1", str(peer_dir)])
            print(
                f"{args.peer_files} files (~{lines:.0f} lines each): check-jsonschema "
                f"{theirs:.2f} s ({theirs / args.peer_files * 1000:.1f} ms/file); jmctl "
                f"validate {ours:.2f} s on every core ({theirs / ours:.1f}× faster), "
                f"{one:.2f} s on one ({theirs / one:.1f}×)"
            )
        else:
            print("check-jsonschema not installed: pip install check-jsonschema")
        scale = _seconds([jmctl, "validate", str(folder / "all")])
        print(f"{args.files} files: jmctl validate {scale:.2f} s on every core")
    bare = _seconds([sys.executable, "-c", "pass"], runs=15)
    version = _seconds([jmctl, "--version"], runs=15)
    help_ = _seconds([jmctl, "--help"], runs=15)
    print(
        f"start-up: python -c pass {bare * 1000:.1f} ms; jmctl --version "
        f"{version * 1000:.1f} ms ({version / bare:.1f}×); jmctl --help {help_ * 1000:.1f} ms "
        f"({help_ / bare:.1f}×)"
    )


if __name__ == "__main__":
    main()
