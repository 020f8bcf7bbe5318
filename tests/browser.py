"""A real headless Chromium for the web page's tests: its command line (screenshot, print
to PDF) and its DevTools protocol over a websocket (the accessibility tree, the layout).

Chromium is Debian's (scripts/debian-packages.txt); tests that use it carry the
`chromium` mark and are skipped, with the reason, where it is not installed.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 60  # seconds for one Chromium run; a page of this size takes about one


def chromium_command() -> str | None:
    """Return the Chromium on PATH, or None."""
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def _flags(profile: Path) -> list[str]:
    flags = [
        "--headless",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--no-default-browser-check",
        "--allow-file-access-from-files",
        f"--user-data-dir={profile}",
    ]
    if os.geteuid() == 0:  # Chromium's sandbox refuses root (containers, CI)
        flags.append("--no-sandbox")
    return flags


def _run(args: list[str]) -> None:
    command = chromium_command()
    assert command is not None, "Chromium is not installed"
    with _profile() as profile:
        process = subprocess.Popen(
            [command, *_flags(profile), *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its helpers too, to be ended with it
        )
        try:
            _, errors = process.communicate(timeout=TIMEOUT)
        finally:
            _end(process)
        assert process.returncode == 0, errors.decode(errors="replace")


@contextmanager
def _profile() -> Iterator[Path]:
    """A throw-away Chromium profile folder. Chromium's helper processes (crash handler,
    zygote) may still write there for a moment after the browser has ended; they are
    ended with it (`_end`), and what they leave is no reason to fail a test."""
    with tempfile.TemporaryDirectory(
        prefix="jmctl-chromium-", ignore_cleanup_errors=True
    ) as profile:
        yield Path(profile)


def _end(process: subprocess.Popen[bytes]) -> None:
    """End Chromium and every helper it started (one process group)."""
    with contextlib.suppress(ProcessLookupError):  # already gone, with its helpers
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(TIMEOUT)


def screenshot(page: Path, target: Path, width: int, height: int) -> Path:
    """Write a PNG of `page` as a window `width` × `height` CSS pixels shows it."""
    _run([f"--window-size={width},{height}", f"--screenshot={target}", page.as_uri()])
    return target


def print_pdf(page: Path, target: Path) -> Path:
    """Print `page` to PDF as Chromium's print dialog would, without header or footer."""
    _run(["--no-pdf-header-footer", f"--print-to-pdf={target}", page.as_uri()])
    return target


# --- PNG: enough of the format to read Chromium's screenshots --------------------------


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    rows: list[bytes]  # RGB or RGBA, `channels` bytes a pixel
    channels: int

    def colours(self) -> set[tuple[int, ...]]:
        """Return the distinct colours of the picture (alpha left out)."""
        step = self.channels
        return {
            tuple(row[x : x + 3]) for row in self.rows for x in range(0, self.width * step, step)
        }

    def dark_share(self, below: int = 128) -> float:
        """Return the share of pixels whose every colour channel is below `below`."""
        step, dark = self.channels, 0
        for row in self.rows:
            for x in range(0, self.width * step, step):
                dark += max(row[x : x + 3]) < below
        return dark / (self.width * self.height)


def read_png(data: bytes) -> Picture:
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks, offset = {}, 8
    idat = b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8 and colour in (2, 6) and interlace == 0, "an unexpected kind of PNG"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        row = _unfilter(raw[start], line, previous, channels)
        rows.append(bytes(row))
        previous = row
    return Picture(width, height, rows, channels)


def _unfilter(kind: int, row: bytearray, above: bytes, step: int) -> bytes:
    """Undo a row's PNG filter; `step` is the bytes of one pixel."""
    if kind == 0:
        return bytes(row)
    for i in range(len(row)):
        left = row[i - step] if i >= step else 0
        up = above[i]
        corner = above[i - step] if i >= step else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            row[i] = (row[i] + _paeth(left, up, corner)) & 0xFF
    return bytes(row)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


# --- The DevTools protocol ---------------------------------------------------------------


class DevTools:
    """One page of a headless Chromium, driven over the DevTools protocol."""

    def __init__(self, socket: Any) -> None:
        self._socket = socket
        self._ids = itertools.count(1)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command and return its result (events that arrive first are dropped)."""
        number = next(self._ids)
        self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == number:
                assert "error" not in message, message["error"]
                return dict(message["result"])

    def wait_for(self, event: str) -> dict[str, Any]:
        while True:
            message = json.loads(self._socket.recv())
            if message.get("method") == event:
                return dict(message.get("params", {}))

    def open(self, page: Path, width: int = 1000, height: int = 800) -> None:
        """Load `page` in a viewport `width` × `height` CSS pixels (a phone's when narrow)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.call("Page.enable")
        self.call("Page.navigate", url=page.as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def accessibility_tree(self) -> list[dict[str, Any]]:
        self.call("Accessibility.enable")
        return list(self.call("Accessibility.getFullAXTree")["nodes"])


@contextmanager
def devtools() -> Iterator[DevTools]:
    """Start a headless Chromium with a blank page and yield that page's DevTools."""
    import websocket  # the test dependency websocket-client

    command = chromium_command()
    assert command is not None, "Chromium is not installed"
    with _profile() as profile:
        process = subprocess.Popen(
            [
                command,
                *_flags(profile),
                "--remote-debugging-port=0",  # any free port: Chromium says which
                "--remote-allow-origins=*",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            port = _port(profile, process)
            socket = websocket.create_connection(_page_socket(port), timeout=TIMEOUT)
            try:
                yield DevTools(socket)
            finally:
                socket.close()
        finally:
            _end(process)


def _port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """Return the port Chromium's DevTools listens on: the first line of the file
    DevToolsActivePort it writes into its profile once it listens."""
    written = profile / "DevToolsActivePort"
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, "Chromium exited before starting its DevTools"
        lines = written.read_text().splitlines() if written.is_file() else []
        if lines and lines[0].isdigit():
            return int(lines[0])
        time.sleep(0.05)
    raise AssertionError("Chromium did not start its DevTools")


def _page_socket(port: int) -> str:
    """Return the websocket address of the blank page Chromium opened."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as answer:
            targets = json.load(answer)
        pages = [target for target in targets if target.get("type") == "page"]
        if pages:
            return str(pages[0]["webSocketDebuggerUrl"])
        time.sleep(0.1)
    raise AssertionError("Chromium opened no page")
