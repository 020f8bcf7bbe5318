"""Shared paths and helpers for the test suite.

Two lanes: `scripts/test -m "not slow"` is the inner loop (under 10 s), `scripts/test` runs
everything. A test that starts LibreOffice asks for the `libreoffice` fixture or carries
`@pytest.mark.libreoffice`; the hooks below then mark it slow and skip it, with the reason,
where LibreOffice is not installed. An unmarked test that starts LibreOffice fails, so the
mark cannot be forgotten. Other tests slower than about a second carry `@pytest.mark.slow`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jmctl.render import pdf

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


OFFICE_MARK = "libreoffice"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{OFFICE_MARK}: starts LibreOffice (implies slow; skipped where it is not installed)",
    )


def _office_missing() -> str | None:
    """Return why LibreOffice cannot run here, or None when jmctl finds it."""
    try:
        pdf.office_command()
    except pdf.PdfError as error:
        return f"needs LibreOffice: {error}"
    return None


def _starts_office(item: pytest.Item) -> bool:
    fixtures = getattr(item, "fixturenames", ())
    return OFFICE_MARK in fixtures or item.get_closest_marker(OFFICE_MARK) is not None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by the marks added here
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = _office_missing()
    for item in items:
        if not _starts_office(item):
            continue
        item.add_marker(OFFICE_MARK)
        item.add_marker(pytest.mark.slow)
        if missing is not None:
            item.add_marker(pytest.mark.skip(reason=missing))


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """The LibreOffice executable jmctl uses (the hooks above skip a test where it is missing)."""
    return pdf.office_command()


@pytest.fixture(autouse=True)
def _libreoffice_only_where_marked(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fail a test that starts LibreOffice without saying so: it would slow the fast lane."""
    if request.node.get_closest_marker(OFFICE_MARK) is None:
        found = pdf.office_command

        def refuse() -> str:
            office = found()  # a test of the missing-LibreOffice message still gets it
            pytest.fail(
                f"this test starts LibreOffice ({office}): give it the `libreoffice` fixture "
                "or @pytest.mark.libreoffice, which marks it slow"
            )

        monkeypatch.setattr(pdf, "office_command", refuse)
