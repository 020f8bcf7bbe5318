"""Killing jmctl mid-render never leaves a partial file: the old one or the whole new one."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from jmctl.render.api import RenderOptions, outline
from jmctl.render.docx_writer import write_docx
from jmctl.validation import validate_file

from conftest import EXAMPLES


def _expected(name: str) -> bytes:
    model = validate_file(EXAMPLES / name).model
    return write_docx(outline(model, "notice", RenderOptions()))


def test_killed_renders_leave_the_old_file_or_the_whole_new_one(tmp_path: Path) -> None:
    jmctl = shutil.which("jmctl", path=str(Path(sys.executable).parent))
    assert jmctl is not None
    target = tmp_path / "通知.docx"
    old, new = _expected("dushan-2017.yaml"), _expected("fujian-2020.yaml")
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
