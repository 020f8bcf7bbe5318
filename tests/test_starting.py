"""A way to begin: init, example, templates export, jmctl.toml and the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.cli_help import examples
from jmctl.init_file import Answers, starter_text
from jmctl.loading import load_text
from jmctl.schema import schema_text
from jmctl.shipped import TEMPLATE_FILES, example_names
from jmctl.validation import validate_file

from conftest import EXAMPLES

ROOT = EXAMPLES.parent
BIN = Path(sys.executable).parent
CLEAN_ENV = {"JMCTL_LANG": "zh", "NO_COLOR": "", "LANG": "C.UTF-8", "LC_ALL": ""}


def _invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(
        cli, list(args), input=input, env={**CLEAN_ENV, **(env or {})}, prog_name="jmctl"
    )


def _help_files() -> list[str]:
    folder = ROOT / "src/jmctl/data/help"
    return sorted(p.stem for p in folder.glob("*.yaml") if p.stem not in ("click", "options"))


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", [name for name in _help_files() if examples(name)], ids=lambda name: name
)
def test_every_help_example_runs_from_an_empty_folder(name: str, tmp_path: Path) -> None:
    """Each command's examples, in order, in an empty folder, as a user types them."""
    env = {**os.environ, **CLEAN_ENV, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for line in examples(name):
        done = subprocess.run(
            line, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        said = done.stdout + done.stderr
        # 1 is a finding or a difference: the example shows it; 2 or 3 would be wrong.
        assert done.returncode in (0, 1), f"{line}\n{said}"
        assert "Traceback" not in said and "内部错误" not in said, f"{line}\n{said}"


def test_example_writes_each_shipped_example_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert set(example_names()) == {path.stem for path in EXAMPLES.glob("*.yaml")}
    listed = _invoke("example")
    assert listed.stdout.split() == example_names()
    for name in example_names():
        assert _invoke("example", name).exit_code == 0
        written = tmp_path / f"{name}.yaml"
        assert validate_file(written).errors == 0
        assert load_text(written.read_text("utf-8")).document.data == (
            load_text((EXAMPLES / f"{name}.yaml").read_text("utf-8")).document.data
        )
    again = _invoke("example", "dushan-2017")
    assert again.exit_code == 2 and "文件已存在，不会覆盖" in again.stderr
    unknown = _invoke("example", "nowhere-2000")
    assert unknown.exit_code == 2 and "没有这个示例：nowhere-2000" in unknown.stderr


def test_init_with_options_writes_a_file_that_validates_with_only_fill_in_warnings(
    tmp_path: Path,
) -> None:
    target = tmp_path / "青山县.yaml"
    result = _invoke(
        "init", str(target), "--jurisdiction", "青山县", "--level", "县",
        "--meeting", "青山县社会救助工作联席会议",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = validate_file(target)
    assert report.errors == 0
    assert report.findings and {finding.code for finding in report.findings} == {"JM110"}
    data = load_text(target.read_text("utf-8")).document.data
    assert data["jurisdiction"] == {
        "name": "青山县",
        "level": "county",
        "government": "青山县人民政府",
        "prefix": "县",
    }
    assert data["notice"]["issuer"] == "青山县人民政府办公室"
    refused = _invoke("init", str(target), "--jurisdiction", "x", "--level", "县", "--meeting", "y")
    assert refused.exit_code == 2 and "文件已存在，不会覆盖" in refused.stderr


def test_init_comments_every_key_with_its_schema_title() -> None:
    text = starter_text(Answers("福建省", "省级", "福建省社会救助工作联席会议", "", "2020-05-06"))
    lines = text.splitlines()
    keys = [n for n, line in enumerate(lines) if re.match(r"(  )?(# )?[a-z_]+:", line)]
    assert len(keys) > 30
    for number in keys:  # every key of the first two levels, even a commented one
        above = lines[number - 1].strip()
        assert above.startswith("# ") and "：" in above, lines[number]
    level = json.loads(schema_text())["properties"]["jurisdiction"]["properties"]["level"]
    assert f"  # {level['title']}：{level['description']}" in lines
    assert "  level: province" in lines and "  prefix: 省" in lines


def test_init_asks_in_a_terminal_and_refuses_to_guess_in_a_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    script = _invoke("init", "--jurisdiction", "青山县")
    assert script.exit_code == 2
    assert "不在终端中运行时请给出：--level --meeting" in script.stderr
    monkeypatch.setattr("jmctl.cli_start._in_terminal", lambda: True)
    answers = "青山县\n省会\n乡镇\n\n青山县人民政府\n"
    asked = CliRunner().invoke(cli, ["init"], input=answers, env=CLEAN_ENV, prog_name="jmctl")
    assert asked.exit_code == 0, asked.output
    assert "区划层级（省/市/县/乡镇）" in asked.output
    data = load_text((tmp_path / "联席会议.yaml").read_text("utf-8")).document.data
    assert data["jurisdiction"]["level"] == "township"
    assert data["meeting"]["name"] == "青山县社会救助工作联席会议"  # the default offered
    assert data["notice"]["issuer"] == "青山县人民政府"


def test_templates_export_writes_its_files_once(tmp_path: Path) -> None:
    folder = tmp_path / "模板"
    assert _invoke("templates", "export", str(folder)).exit_code == 0
    for name in TEMPLATE_FILES:
        assert (folder / name).read_bytes() == (ROOT / "templates" / name).read_bytes()
    page = ROOT / "src" / "jmctl" / "data" / "web" / "page.html.j2"
    assert (folder / "page.html.j2").read_bytes() == page.read_bytes()
    assert _invoke("templates", "export", str(folder)).exit_code == 2


def test_templates_export_refuses_before_writing_when_the_page_is_there(tmp_path: Path) -> None:
    (tmp_path / "page.html.j2").write_text("mine", "utf-8")
    assert _invoke("templates", "export", str(tmp_path)).exit_code == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.html.j2"]
    assert (tmp_path / "page.html.j2").read_text("utf-8") == "mine"


def test_config_gives_defaults_that_options_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "更名表.yaml").write_text(
        "- old: [督查督办局]\n  new: [督查室]\n  year: 2016\n", encoding="utf-8"
    )
    (tmp_path / "jmctl.toml").write_text(
        'lang = "en"\nrenames = "更名表.yaml"\nissuer = "某某县人民政府办公室"\n', encoding="utf-8"
    )
    below = tmp_path / "2017"
    below.mkdir()
    shutil.copy(EXAMPLES / "dushan-2017.yaml", below)
    monkeypatch.chdir(below)
    shown = _invoke("config", env={"JMCTL_LANG": ""})
    assert f"config file: {tmp_path / 'jmctl.toml'}" in shown.stdout
    assert f"  renames = {tmp_path / '更名表.yaml'}    [{tmp_path / 'jmctl.toml'}]" in shown.stdout
    assert f"  lang = en    [{tmp_path / 'jmctl.toml'}]" in shown.stdout
    told = _invoke("--lang", "zh", "config", env={"JMCTL_LANG": ""})
    assert "  lang = zh    [命令行 --lang]" in told.stdout
    by_variable = _invoke("config", env={"JMCTL_LANG": "zh"})
    assert "  lang = zh    [JMCTL_LANG]" in by_variable.stdout
    validated = _invoke("validate", "dushan-2017.yaml", env={"JMCTL_LANG": ""})
    assert "was renamed to '县督查室' by the 2016 reform" in validated.stdout
    assert (
        "已于 2016 年机构改革中调整为"
        in _invoke("validate", "--lang", "zh", "dushan-2017.yaml").stdout
    )
    (tmp_path / "jmctl.toml").write_text("colour = 1\n", encoding="utf-8")
    broken = _invoke("validate", "dushan-2017.yaml")
    assert broken.exit_code == 2 and "未知的设置“colour”" in broken.stderr


@pytest.mark.slow  # starts jmctl processes as pre-commit does
def test_the_pre_commit_hooks_run_as_pre_commit_runs_them(tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"jmctl-validate", "jmctl-check"}
    good = tmp_path / "good.yaml"
    shutil.copy(EXAMPLES / "qingshan-2022.yaml", good)
    bad = tmp_path / "bad.yaml"
    bad.write_text("jmctl: 1\njurisdiction:\n  name：独山县\n  level: county\n", encoding="utf-8")
    env = {**os.environ, **CLEAN_ENV, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for hook in hooks:
        assert hook["language"] == "python"
        command = shlex.split(hook["entry"])
        assert command[0] == "jmctl" and command[1] in cli.commands
    (validate,) = [hook for hook in hooks if hook["id"] == "jmctl-validate"]
    entry = shlex.split(validate["entry"])
    passed = subprocess.run([*entry, str(good)], env=env, capture_output=True, text=True)
    assert passed.returncode == 0 and passed.stdout == ""
    failed = subprocess.run([*entry, str(good), str(bad)], env=env, capture_output=True, text=True)
    assert failed.returncode == 1
    assert f"{bad}:3:7: error JM041 " in failed.stdout
