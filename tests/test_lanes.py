"""The two test lanes (see conftest.py): LibreOffice tests are slow and skip where it is
missing, and a test that starts LibreOffice without saying so fails.

Each test runs pytest in a child process, so each is itself slow.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TESTS = ROOT / "tests"


def _pytest(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run pytest in a child process (no cache written), `env` added."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _count(output: str, outcome: str) -> int:
    found = re.search(rf"(\d+) {outcome}", output.splitlines()[-1])
    return int(found.group(1)) if found else 0


@pytest.mark.slow
def test_without_libreoffice_every_libreoffice_test_skips_and_says_why(tmp_path: Path) -> None:
    """PATH stripped of soffice (an empty folder): the tests that need it skip, none fails."""
    result = _pytest("-m", "libreoffice", "-rs", "-q", str(TESTS), PATH=str(tmp_path))
    summary = result.stdout.splitlines()[-1]
    assert result.returncode == 0, result.stdout[-3000:]
    assert _count(summary, "skipped") >= 20, summary  # the PDF pages, .doc reading, Calc
    assert "passed" not in summary and "failed" not in summary and "error" not in summary
    assert "test_render_pdf.py" in result.stdout
    assert "needs LibreOffice: 没有找到 LibreOffice" in result.stdout
    assert "libreoffice-writer-nogui" in result.stdout  # the package to install


@pytest.mark.slow
def test_the_libreoffice_tests_are_the_slow_ones_the_fast_lane_leaves_out() -> None:
    both = _pytest("--collect-only", "-q", "-m", "libreoffice and not slow", str(TESTS))
    assert "no tests collected" in both.stdout, both.stdout[-2000:]
    office = _pytest("--collect-only", "-q", "-m", "libreoffice", str(TESTS))
    assert "tests/test_render_pdf.py::" in office.stdout
    assert "tests/test_workbook.py::test_a_workbook_saved_by_libreoffice_calc" in office.stdout


@pytest.mark.slow
def test_an_unmarked_test_that_starts_libreoffice_fails_and_says_how_to_mark_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "test_unmarked.py").write_text(
        "from pathlib import Path\n"
        "import pytest\n"
        "from jmctl.render.pdf import convert\n\n"
        "def test_unmarked(tmp_path: Path) -> None:\n"
        "    convert([tmp_path / 'x.docx'], tmp_path)\n\n"
        "@pytest.mark.libreoffice\n"
        "def test_marked() -> None:\n"
        "    pass\n",
        encoding="utf-8",
    )
    # The suite's conftest as a plugin, so its hooks apply to a test outside the suite.
    arguments = ("-p", "conftest", "--rootdir", str(tmp_path), "-q", str(tmp_path))
    result = _pytest(*arguments, PYTHONPATH=str(TESTS))
    fast = _pytest("-m", "not slow", *arguments, PYTHONPATH=str(TESTS))
    assert "this test starts LibreOffice" in result.stdout, result.stdout[-2000:]
    assert "@pytest.mark.libreoffice" in result.stdout
    assert _count(result.stdout, "failed") == 1 and _count(result.stdout, "passed") == 1
    assert _count(fast.stdout, "deselected") == 1  # the marked one is slow
