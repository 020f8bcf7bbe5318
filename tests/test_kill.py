"""Killing jmctl mid-render never leaves a partial file: the old one or the whole new one."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jmctl.render.api import RenderOptions, render_file

from conftest import EXAMPLES


def _expected(name: str, folder: Path) -> bytes:
    """Return the bytes a complete render of `name`'s notice gives (they are reproducible)."""
    target = folder / f"expected-{name}.docx"
    render_file(EXAMPLES / name, ["notice"], RenderOptions(), output=target)
    data = target.read_bytes()
    target.unlink()
    return data


@pytest.mark.slow  # kills 20 jmctl processes
def test_killed_renders_leave_the_old_file_or_the_whole_new_one(tmp_path: Path) -> None:
    jmctl = shutil.which("jmctl", path=str(Path(sys.executable).parent))
    assert jmctl is not None
    target = tmp_path / "通知.docx"
    old, new = _expected("dushan-2017.yaml", tmp_path), _expected("fujian-2020.yaml", tmp_path)
    rng = random.Random(7)
    for attempt in range(12):
        target.write_bytes(old)
        process = subprocess.Popen(
            [jmctl, "render", "notice", str(EXAMPLES / "fujian-2020.yaml"), "-o", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.9))
        kill = signal.SIGKILL if attempt % 2 else signal.SIGTERM
        process.send_signal(kill)
        process.wait(timeout=30)
        content = target.read_bytes()
        assert content in (old, new), f"partial file after {kill.name} (attempt {attempt})"
        if kill is signal.SIGTERM:  # a terminated run cleans its temporary file
            assert [p.name for p in tmp_path.iterdir()] == ["通知.docx"]
        for leftover in tmp_path.glob(".*.tmp"):
            leftover.unlink()  # SIGKILL gives no chance to clean; it is hidden and harmless
