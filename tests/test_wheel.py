"""The install story: a wheel built from this tree, installed into a fresh environment,
gives a jmctl that works from an empty folder (no clone, no repository files)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import EXAMPLES

ROOT = EXAMPLES.parent


def _run(command: list[str], cwd: Path, **extra: object) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "JMCTL_LANG": "zh", "HOME": str(cwd)}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, **extra
    )


@pytest.mark.slow
def test_a_wheel_installs_and_works_from_an_empty_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("jmctl-*.whl")
    # The fresh environment borrows this one's installed dependencies, not jmctl itself.
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True, system_site_packages=False)
    python = environment / "bin" / "python"
    site = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
    own = next(environment.glob("lib/python3*/site-packages"))
    (own / "borrowed.pth").write_text(f"{site}\n", encoding="utf-8")
    installed = _run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], tmp_path)
    assert installed.returncode == 0, installed.stderr
    jmctl = environment / "bin" / "jmctl"
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    shown = _run([str(jmctl), "--help"], empty)
    assert shown.returncode == 0 and shown.stdout.startswith("用法： jmctl [OPTIONS] COMMAND")
    where = _run([str(python), "-c", "import jmctl; print(jmctl.__file__)"], empty)
    assert str(environment) in where.stdout, "jmctl must come from the wheel"
    assert _run([str(jmctl), "example", "dushan-2017"], empty).returncode == 0
    created = _run(
        [str(jmctl), "init", "新.yaml", "--jurisdiction", "青山县", "--level", "县",
         "--meeting", "青山县社会救助工作联席会议"],
        empty,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    checked = _run([str(jmctl), "validate", "dushan-2017.yaml", "新.yaml"], empty)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].endswith("0 个错误，29 个警告")
    as_module = _run([str(python), "-m", "jmctl", "schema"], empty)
    assert as_module.returncode == 0 and '"$schema"' in as_module.stdout
