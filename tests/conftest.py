"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"
# Copies of the real documents in shared/corpus, so that the suite runs from any clone.
CORPUS = Path(__file__).resolve().parent / "corpus"

_EXPECT = re.compile(rb"# expect: (JM\d{3}) line (\d+)")


def expectations(path: Path) -> list[tuple[str, int]]:
    """Return the (code, line) pairs an invalid case states in its header.

    NUL bytes are dropped first so that a UTF-16 case can state its expectation too.
    """
    raw = path.read_bytes().replace(b"\x00", b"")
    return sorted((code.decode(), int(line)) for code, line in _EXPECT.findall(raw))


@pytest.fixture
def minimal_text() -> str:
    return (CASES / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite tests/goldens from the current output instead of comparing.",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
