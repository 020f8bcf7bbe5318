"""Help and click's own messages speak the user's language: Chinese unless asked otherwise."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from jmctl.cli import cli
from jmctl.cli_help import COMPILED, compile_help, help_entry
from jmctl.click_i18n import catalogue_path, compile_catalogue
from jmctl.entry import help_file, help_text
from jmctl.wide_text import columns

JMCTL = shutil.which("jmctl", path=str(Path(sys.executable).parent))


def _commands(group: click.Group = cli, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    """Every command with its help file name: "validate", "templates-export"."""
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name}-")
        else:
            yield f"{prefix}{name}", command


def _invoke(*args: str, env: dict[str, str] | None = None):
    base = {"JMCTL_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "NO_COLOR": ""}
    return CliRunner().invoke(
        cli, list(args), env={**base, **(env or {})}, terminal_width=80, prog_name="jmctl"
    )


def test_the_fast_top_level_help_is_clicks_own_in_each_language() -> None:
    for lang in ("zh", "en"):
        assert help_file(lang).read_text(encoding="utf-8") == help_text(lang), (
            "run scripts/build-help"
        )
    env = {"PATH": str(Path(sys.executable).parent), "JMCTL_LANG": "zh"}
    chinese = subprocess.run([JMCTL, "--help"], capture_output=True, text=True, env=env)
    assert chinese.stdout == help_text("zh")
    assert chinese.stdout.startswith("用法： jmctl [OPTIONS] COMMAND [ARGS]...\n")
    english = subprocess.run(
        [JMCTL, "--lang", "en", "--help"], capture_output=True, text=True, env=env
    )
    assert english.stdout == help_text("en")
    by_locale = subprocess.run(
        [JMCTL, "--help"], capture_output=True, text=True, env={**env, "JMCTL_LANG": "en"}
    )
    assert by_locale.stdout.startswith("Usage: jmctl [OPTIONS] COMMAND [ARGS]...")


def test_the_compiled_catalogue_and_help_are_the_sources() -> None:
    assert catalogue_path().read_bytes() == compile_catalogue(), "run scripts/build-help"
    assert COMPILED.read_text(encoding="utf-8") == compile_help(), "run scripts/build-help"


def test_top_level_help_is_chinese_by_default() -> None:
    shown = _invoke("--help").stdout
    assert "联席会议文件工具" in shown
    assert "\n选项：\n" in shown and "\n命令：\n" in shown
    assert "  -h, --help      显示本帮助并退出。" in shown
    assert "  -V, --version   显示版本号并退出。" in shown
    assert "  validate   核对数据文件：格式、必填项和各项规则。" in shown
    assert "  init       为新的行政区划生成一个数据文件，每个键都有中文注释。" in shown


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_command_has_help_examples_and_exit_codes_in_both_languages(name: str) -> None:
    entry = help_entry(name)
    assert entry is not None, f"src/jmctl/data/help/{name}.yaml is missing"
    assert entry["examples"], name
    assert all(line.startswith("jmctl ") for line in entry["examples"])
    args = name.split("-")
    chinese = _invoke(*args, "--help")
    english = _invoke(*args, "--help", env={"JMCTL_LANG": "en"})
    assert chinese.exit_code == english.exit_code == 0
    assert chinese.stdout.startswith(f"用法： jmctl {' '.join(args)} ")
    assert "示例（在空文件夹中依次运行即可）：" in chinese.stdout
    assert "退出码：" in chinese.stdout and "选项：" in chinese.stdout
    assert english.stdout.startswith(f"Usage: jmctl {' '.join(args)} ")
    assert "Example (runs as is, in order, in an empty folder):" in english.stdout
    assert "Exit codes:" in english.stdout
    for line in entry["examples"]:
        assert f"    {line}" in chinese.stdout and f"    {line}" in english.stdout
    # Chinese help is wrapped by the columns a terminal shows, not by characters (an
    # example is shown whole: it is a command to copy).
    wrapped = [line for line in chinese.stdout.splitlines() if not line.startswith("    jmctl")]
    assert max(columns(line) for line in wrapped) <= 80


def test_every_option_has_help_in_both_languages() -> None:
    shown: dict[str, dict[tuple[str, str | None], str]] = {}
    for lang, env in (("zh", {}), ("en", {"JMCTL_LANG": "en"})):
        for name, command in _commands():
            _invoke(*name.split("-"), "--help", env=env)
            for param in command.params:
                if isinstance(param, click.Option):
                    assert param.help, (name, param.name, lang)
                    shown.setdefault(lang, {})[(name, param.name)] = param.help
    for where, chinese in shown["zh"].items():
        assert any("\u4e00" <= char <= "\u9fff" for char in chinese), where
        assert shown["en"][where] != chinese and shown["en"][where][0].isascii(), where


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (
            ["validate", "--frmat", "json", "."],
            "错误：没有选项 '--frmat'。 您是否想写 '--format'？",
            "Error: No such option '--frmat'. Did you mean '--format'?",
        ),
        (["validate"], "错误：缺少参数 'PATHS...'.", "Error: Missing argument 'PATHS...'."),
        (
            ["render", "notice", "没有这个文件.yaml"],
            "错误：'SOURCE' 的值无效：'没有这个文件.yaml' 不存在。",
            "Error: Invalid value for 'SOURCE': Path '没有这个文件.yaml' does not exist.",
        ),
        (
            ["render", "note", "."],
            "错误：'KIND' 的值无效：'note' 不在可选值中：'notice', 'roster', 'duties'",
            "Error: Invalid value for 'KIND': 'note' is not one of 'notice', 'roster'",
        ),
        (
            ["schema", "extra"],
            "错误：多余的参数：extra",
            "Error: Got unexpected extra argument (extra)",
        ),
        (["nope"], "错误：没有命令 'nope'。", "Error: No such command 'nope'."),
    ],
)
def test_clicks_usage_errors_speak_the_users_language(
    args: list[str], chinese: str, english: str
) -> None:
    shown = _invoke(*args)
    assert shown.exit_code == 2
    assert chinese in shown.stderr
    assert "运行“jmctl" in shown.stderr and "--help”查看帮助。" in shown.stderr
    for env in ({"JMCTL_LANG": "en"}, {"LANG": "en_US.UTF-8"}):
        assert english in _invoke(*args, env=env).stderr
    assert english in _invoke("--lang", "en", *args).stderr


def test_a_chinese_locale_or_none_gives_chinese() -> None:
    assert "用法：" in _invoke("validate", env={"LANG": "zh_CN.UTF-8"}).stderr
    assert "用法：" in _invoke("validate", env={"LANG": "C.UTF-8"}).stderr


def test_lang_before_the_command_reaches_its_messages(tmp_path: Path) -> None:
    broken = tmp_path / "x.yaml"
    broken.write_text("jmctl: 1\nmembers:\n\t- x\n", encoding="utf-8")
    shown = _invoke("--lang", "en", "validate", str(broken))
    assert "error JM044 a tab in the indentation" in shown.stdout
    assert shown.stdout.splitlines()[-1].startswith("1 file(s) checked")
    exported = _invoke("--lang", "en", "templates", "export", str(tmp_path))
    again = _invoke("--lang", "en", "templates", "export", str(tmp_path))
    assert exported.exit_code == 0 and "already exists, not overwritten" in again.stderr
