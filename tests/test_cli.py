"""`jmctl validate` and `jmctl schema` as a user and a CI job meet them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jmctl import __version__
from jmctl.cli import cli

from conftest import CASES, EXAMPLES

INVALID = CASES / "invalid"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(cli, list(args), env={"NO_COLOR": "", "JMCTL_LANG": "zh", **(env or {})})


def test_examples_pass_with_warnings_and_fail_when_strict(runner: CliRunner) -> None:
    result = _run(runner, "validate", str(EXAMPLES))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == "检查了 5 个文件（通过 2，有警告 3，未通过 0）：0 个错误，10 个警告"
    # dushan-2019 is an adjustment whose preamble still says 决定建立 (JM213).
    # baihe-2023 holds a decision long overdue (JM314), on purpose.
    assert lines[0].startswith(f"{EXAMPLES / 'baihe-2023.yaml'}:125:19: warning JM314 ")
    assert lines[1].startswith(f"{EXAMPLES / 'dushan-2017.yaml'}:70:5: warning JM206 ")
    assert _run(runner, "validate", "--strict", str(EXAMPLES)).exit_code == 1


def test_text_findings_are_sorted_by_file_then_line(runner: CliRunner) -> None:
    files = [INVALID / "jm303-number-year.yaml", INVALID / "jm202-ambiguous.yaml"]
    result = _run(runner, "validate", *map(str, files))
    assert result.exit_code == 1
    located = [line.split(": ", 1)[0] for line in result.stdout.splitlines()[:-1]]
    keys = [(path, int(line)) for path, line, _ in (loc.rsplit(":", 2) for loc in located)]
    assert keys == sorted(keys)


def test_json_output_has_located_findings_and_counts(runner: CliRunner) -> None:
    result = _run(runner, "validate", "--format", "json", str(INVALID / "jm204-member-twice.yaml"))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["counts"] == {
        "files": 1,
        "files_ok": 0,
        "files_warned": 0,
        "files_failed": 1,
        "errors": 1,
        "warnings": 0,
    }
    (finding,) = payload["findings"]
    assert finding == {
        "path": str(INVALID / "jm204-member-twice.yaml"),
        "line": 19,
        "column": 29,
        "severity": "error",
        "code": "JM204",
        "message": "成员单位“县人力资源和社会保障局”重复列出（第 19 行已列出）",
    }


def test_english_messages_on_request(runner: CliRunner) -> None:
    result = _run(runner, "validate", "--lang", "en", str(INVALID / "jm208-host-not-member.yaml"))
    assert "error JM208 the office is hosted by '县审计局', which is not a member unit" in (
        result.stdout
    )
    assert result.stdout.splitlines()[-1] == (
        "1 file(s) checked (0 ok, 0 with warnings, 1 failed): 1 error(s), 0 warning(s)"
    )


def test_locale_selects_english(runner: CliRunner) -> None:
    env = {"JMCTL_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
    result = runner.invoke(cli, ["validate", str(INVALID / "jm208-host-not-member.yaml")], env=env)
    assert "which is not a member unit" in result.stdout


def test_one_bad_file_never_stops_the_others(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(INVALID / "jm007-alias-bomb.yaml", folder / "a-bomb.yaml")
    shutil.copy(INVALID / "jm002-binary.yaml", folder / "b-binary.yml")
    shutil.copy(EXAMPLES / "fujian-2020.yaml", folder / "c-good.yaml")
    (folder / "notes.txt").write_text("not data")
    result = _run(runner, "validate", str(folder))
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[-1]
        == "检查了 3 个文件（通过 1，有警告 0，未通过 2）：2 个错误，0 个警告"
    )


def test_missing_path_is_a_usage_error_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    result = _run(runner, "validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "文件或文件夹不存在" in result.stderr


def test_folder_without_data_files_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = _run(runner, "validate", str(tmp_path))
    assert result.exit_code == 2
    assert "没有 *.yaml 或 *.yml 文件" in result.stderr


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    assert _run(runner, "validate", "--frmat", "json", str(EXAMPLES)).exit_code == 2


def test_user_rename_table_extends_the_builtin_one(runner: CliRunner, tmp_path: Path) -> None:
    renames = tmp_path / "renames.yaml"
    renames.write_text("- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n", encoding="utf-8")
    result = _run(runner, "validate", "--renames", str(renames), str(EXAMPLES / "dushan-2017.yaml"))
    assert "warning JM501 “县督查督办局”已于 2016 年机构改革中调整为“县督查室”" in result.stdout


def test_broken_rename_table_is_reported_as_findings(runner: CliRunner, tmp_path: Path) -> None:
    renames = tmp_path / "renames.yaml"
    renames.write_text("- old: 督查督办局\n  year: 2016\n", encoding="utf-8")
    result = _run(runner, "validate", "--renames", str(renames), str(EXAMPLES / "fujian-2020.yaml"))
    assert result.exit_code == 1
    assert f"{renames}:1:3: error JM106 " in result.stdout


def test_an_internal_error_says_so_and_exits_3(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Inject a defect into one rule: the file is still reported, the run says it was a bug.
    from jmctl import rules

    def broken(context: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "RULES", (broken,))
    result = _run(runner, "validate", str(EXAMPLES))
    assert result.exit_code == 3
    assert "error JM000 内部错误：RuntimeError: boom（这是 jmctl 的缺陷，请报告）" in result.stdout


@pytest.mark.slow  # starts two Python processes
def test_colour_only_on_a_terminal_and_never_with_no_color(runner: CliRunner) -> None:
    path = str(INVALID / "jm304-print-before-date.yaml")
    assert "\033[" not in _run(runner, "validate", path).stdout  # CliRunner is no terminal
    script = (
        "import sys; sys.stdout.isatty = lambda: True; from jmctl.cli import main; "
        f"sys.argv = ['jmctl', 'validate', {path!r}]; main()"
    )
    env = {**os.environ, "JMCTL_LANG": "zh"}
    env.pop("NO_COLOR", None)
    coloured = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert "\033[31merror\033[0m" in coloured.stdout
    plain = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": "1"},
        check=False,
    )
    assert "\033[" not in plain.stdout and "error JM304" in plain.stdout


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    result = _run(runner, "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["jmctl"]["const"] == 1


@pytest.mark.slow  # starts two Python processes
def test_installed_command_and_module_entry_point() -> None:
    jmctl = shutil.which("jmctl", path=str(Path(sys.executable).parent))
    assert jmctl is not None, "jmctl is not installed beside this Python"
    version = subprocess.run([jmctl, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == f"jmctl, version {__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "jmctl", "validate", "--format", "json", str(EXAMPLES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == 0
    counts = json.loads(module.stdout)["counts"]
    assert (counts["files"], counts["files_warned"], counts["warnings"]) == (5, 3, 10)


def test_every_command_is_in_the_readme() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"jmctl {name}" in readme, name
