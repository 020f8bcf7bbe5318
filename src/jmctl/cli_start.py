"""Commands for beginning: `init`, `example`, `templates export` and `config`.

They only ask, call the library and say what was written; `cli.py` adds them to
the `jmctl` group. Their help is in `data/help/<command>.yaml` like every command's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from jmctl.cli_help import JmctlCommand, JmctlGroup
from jmctl.language import default_lang

if TYPE_CHECKING:
    from jmctl.errors import JmctlError

EXIT_USAGE = 2

_lang_option = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=default_lang, help="Language."
)


def _say(zh: str, en: str, lang: str) -> str:
    return en if lang == "en" else zh


def _refused(error: JmctlError, lang: str) -> NoReturn:
    click.echo(f"jmctl: {error.message(lang)}", err=True)
    sys.exit(EXIT_USAGE)


@click.command("example", cls=JmctlCommand)
@click.argument("name", required=False)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File.")
@_lang_option
def example(name: str | None, output: Path | None, lang: str) -> None:
    """Write one of the shipped example data files (without NAME: list them)."""
    from jmctl.outputs import OutputError
    from jmctl.shipped import example_names, write_example

    names = example_names()
    if name is None:
        click.echo("\n".join(names))
        return
    if name.removesuffix(".yaml") not in names:
        message = _say("没有这个示例：{}（可用：{}）", "no such example: {} (there are: {})", lang)
        raise click.UsageError(message.format(name, "、".join(names)))
    try:
        click.echo(str(write_example(name.removesuffix(".yaml"), output)))
    except OutputError as error:
        _refused(error, lang)


@click.command("init", cls=JmctlCommand)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), default="联席会议.yaml")
@click.option("--jurisdiction", help="Jurisdiction.")
@click.option("--level", help="Level.")
@click.option("--meeting", help="Meeting name.")
@click.option("--issuer", help="Issuer.")
@click.option("--xlsx", is_flag=True, help="A workbook.")
@_lang_option
def init(
    file: Path,
    jurisdiction: str | None,
    level: str | None,
    meeting: str | None,
    issuer: str | None,
    xlsx: bool,
    lang: str,
) -> None:
    """Write a starting data file for a new jurisdiction, every key commented in Chinese."""
    from jmctl.init_file import Answers, starter_text
    from jmctl.outputs import OutputError
    from jmctl.shipped import write_new

    workbook = xlsx or file.suffix.lower() == ".xlsx"
    if workbook and file.suffix.lower() != ".xlsx":
        file = file.with_suffix(".xlsx")  # the default 联席会议.yaml becomes 联席会议.xlsx
    if file.exists():
        _refused(OutputError(_say(f"{file}：文件已存在，不会覆盖", f"{file}: exists", lang)), lang)
    asking = _in_terminal()
    given = {"--jurisdiction": jurisdiction, "--level": level, "--meeting": meeting}
    missing = [option for option, value in given.items() if not value]
    if missing and not asking:
        message = _say("不在终端中运行时请给出：", "not run in a terminal: give ", lang)
        raise click.UsageError(message + " ".join(missing))
    if not jurisdiction:
        jurisdiction = click.prompt(_say("行政区划名称（如 青山县）", "Jurisdiction", lang))
    level = _level(level, asking, lang)
    if not meeting:
        suggested = f"{jurisdiction}社会救助工作联席会议"
        meeting = click.prompt(_say("联席会议名称", "Meeting name", lang), default=suggested)
    if issuer is None and asking:
        suggested = f"{jurisdiction}人民政府办公室"
        issuer = click.prompt(_say("发文机关", "Issuer", lang), default=suggested)
    answers = Answers(str(jurisdiction), level, str(meeting), issuer or "")
    try:
        text = starter_text(answers, file.name)
        if workbook:
            from jmctl.exporting import starter_workbook

            written = write_new(file, starter_workbook(text))
        else:
            written = write_new(file, text.encode("utf-8"))
    except OutputError as error:
        _refused(error, lang)
    click.echo(str(written))
    note = _say(
        f"jmctl: 已生成；请把“【请填写……】”改为实际内容，然后运行 jmctl validate {written}",
        f"jmctl: written; replace the 【请填写……】 places, then run jmctl validate {written}",
        lang,
    )
    click.echo(note, err=True)


def _in_terminal() -> bool:
    """Whether someone can answer questions (init asks only then)."""
    return sys.stdin.isatty()


def _level(level: str | None, asking: bool, lang: str) -> str:
    """Return the level as its English value, asking again (in a terminal) until it is one."""
    from jmctl.init_file import levels
    from jmctl.schema_hints import english_value

    while True:
        if level:
            value = level if level in levels() else english_value("jurisdiction.level", level)
            if value is not None:
                return value
            if not asking:
                message = _say(f"区划层级“{level}”无效，可用：", f"no level '{level}': ", lang)
                raise click.UsageError(message + "、".join(levels()))
        level = click.prompt(
            _say("区划层级（省/市/县/乡镇）", "Level (province/city/county/township)", lang)
        )


@click.group("templates", cls=JmctlGroup)
def templates() -> None:
    """The wording template and the reference DOCX, to make them your office's own."""


@templates.command("export", cls=JmctlCommand)
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@_lang_option
def templates_export(folder: Path, lang: str) -> None:
    """Copy phrases.j2 and reference.docx into FOLDER to be edited."""
    from jmctl.outputs import OutputError
    from jmctl.shipped import export_templates

    try:
        written = export_templates(folder)
    except OutputError as error:
        _refused(error, lang)
    for path in written:
        click.echo(str(path))


@click.command("config", cls=JmctlCommand)
@_lang_option
def config(lang: str) -> None:
    """Show the settings in effect and where each comes from (jmctl.toml, environment)."""
    from jmctl.config import SETTINGS, ConfigError, find_config, load_config

    path = find_config()
    try:
        settings = load_config(path)
    except ConfigError as error:
        click.echo(f"jmctl: {error.text.pick(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    where = str(path) if path else _say("（未找到 jmctl.toml）", "(no jmctl.toml found)", lang)
    click.echo(_say(f"配置文件：{where}", f"config file: {where}", lang))
    for key in SETTINGS:
        value = settings.values.get(key)
        source = str(path) if value is not None else _say("默认", "default", lang)
        if key == "lang":
            value, source = lang, _lang_source(path if "lang" in settings.values else None, lang)
        shown = value if value is not None else "-"
        click.echo(f"  {key} = {shown}    [{source}]")


def _lang_source(config_path: Path | None, lang: str) -> str:
    """Say where the language came from, in the order it is decided."""
    import os

    from click.core import ParameterSource

    context = click.get_current_context()
    given = ParameterSource.COMMANDLINE
    if given in (
        context.get_parameter_source("lang"),
        context.find_root().get_parameter_source("lang"),
    ):
        return _say("命令行 --lang", "command line --lang", lang)
    if os.environ.get("JMCTL_LANG"):
        return "JMCTL_LANG"
    if config_path is not None:
        return str(config_path)
    return _say("系统语言设置", "locale", lang)


COMMANDS = (example, init, templates, config)
