"""Every command's help in the user's language, from `data/help/<command>.yaml`.

A command's help text, summary, examples, exit codes and option help live in one
data file per command (both languages), so adding a command is adding a file.
`JmctlGroup.main` picks the language before click parses anything, puts the
texts in place, and runs the command with click's own words in that language.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import click

from jmctl.click_i18n import speaking
from jmctl.language import requested_lang
from jmctl.resources import data_file
from jmctl.wide_text import columns, is_wide, wrap, wrap_paragraphs

_HEADINGS = {
    "zh": ("示例（在空文件夹中依次运行即可）：", "退出码："),
    "en": ("Example (runs as is, in order, in an empty folder):", "Exit codes: "),
}


COMPILED = data_file("help-compiled.json")


@cache
def _compiled() -> dict[str, Any]:
    """Every help file at once, as `scripts/build-help` compiled them (JSON reads in a
    fraction of the time importing a YAML parser takes)."""
    if not COMPILED.is_file():
        return {}
    return json.loads(COMPILED.read_text(encoding="utf-8"))


@cache
def help_entry(name: str) -> Mapping[str, Any] | None:
    """Return the help data of command `name` ("render", "templates-export"), if written."""
    compiled = _compiled()
    if name in compiled:
        return compiled[name]
    path = data_file(f"help/{name}.yaml")
    if not path.is_file():
        return None
    return read_help_file(path)  # written after the last build-help: still shown


SECTIONS_MARK = "{diff-sections}"  # where a help text lists diff's sections (data/help/diff.yaml)


def read_help_file(path: Path) -> Any:
    """Return a help file's data, with the lists that come from a registry filled in: the
    document kinds (render) and the sections a diff can leave out."""
    import yaml

    from jmctl.change_kinds import sections
    from jmctl.render_kinds import KINDS_MARK, kinds_sentence

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entry = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    for lang in ("zh", "en"):
        texts = entry.get(lang, {}) if isinstance(entry, dict) else {}
        marks = {KINDS_MARK: kinds_sentence(lang), SECTIONS_MARK: ", ".join(sections())}
        options = texts.get("options") or {}
        for key, value in [("text", texts.get("text")), *options.items()]:
            if not isinstance(value, str):
                continue
            for mark, words in marks.items():
                value = value.replace(mark, words)
            (texts if key == "text" else options)[key] = value
    return entry


def compile_help() -> str:
    """Return the JSON of every help file (scripts/build-help writes it to COMPILED)."""
    files = sorted(data_file("help").glob("*.yaml"))
    entries = {path.stem: read_help_file(path) for path in files if path.stem != "click"}
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def examples(name: str) -> list[str]:
    """Return the example command lines of command `name`, in the order they run."""
    entry = help_entry(name) or {}
    return list(entry.get("examples", []))


def compose_help(entry: Mapping[str, Any], lang: str) -> str:
    """Return the help text click shows: the text, the examples, the exit codes.

    Examples and exit codes go in `\\b` paragraphs, which click prints as written.
    """
    texts = entry[lang]
    examples_heading, exit_heading = _HEADINGS[lang]
    # A help file marks a paragraph to print as written with a line `\b`, as click does.
    parts = [texts["text"].strip().replace("\n\\b\n", "\n\b\n")]
    if entry.get("examples"):
        lines = "\n".join(f"  {line}" for line in entry["examples"])
        parts.append(f"\b\n{examples_heading}\n{lines}")
    if texts.get("exit"):
        parts.append(f"{exit_heading}{texts['exit']}")
    return "\n\n".join(parts)


def localize(command: click.Command, lang: str, name: str = "jmctl") -> None:
    """Give `command` and its subcommands their help in `lang` (those with a help file)."""
    entry = help_entry(name)
    shared = (help_entry("options") or {}).get(lang, {})
    if entry is not None:
        command.help = compose_help(entry, lang)
        command.short_help = entry[lang].get("summary")
    own = entry[lang].get("options", {}) if entry is not None else {}
    # click makes the --help option once per command and keeps it, its text translated
    # then: forget it, so that it is made again in this run's language.
    command._help_option = None
    for param in command.params:
        text = own.get(param.name) or shared.get(param.name)
        if text and isinstance(param, click.Option):
            param.help = text
    if isinstance(command, click.Group):
        for sub_name, sub in command.commands.items():
            child = sub_name if name == "jmctl" else f"{name}-{sub_name}"
            localize(sub, lang, child)


class JmctlFormatter(click.HelpFormatter):
    """click's formatter, measuring Chinese by the columns it takes on a terminal."""

    def write_heading(self, heading: str) -> None:
        if heading and is_wide(heading[0]):
            self.write(f"{'':>{self.current_indent}}{heading}：\n")
        else:
            super().write_heading(heading)

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        """Terms in a column at most `col_max` wide, each definition wrapped beside it."""
        rows = list(rows)
        term_width = min(max((columns(term) for term, _ in rows), default=0), col_max)
        start = self.current_indent + term_width + col_spacing
        for term, definition in rows:
            head = f"{'':>{self.current_indent}}{term}"
            if columns(term) > term_width:
                self.write(head + "\n")
                head = ""
            head += " " * (start - columns(head))
            lines = wrap(definition, max(self.width, start + 10), head, " " * start)
            self.write("\n".join(lines or [head.rstrip()]) + "\n")


class JmctlContext(click.Context):
    formatter_class = JmctlFormatter


class JmctlCommand(click.Command):
    context_class = JmctlContext


class JmctlGroup(click.Group):
    """The top-level group: help and click's messages in the language asked for."""

    context_class = JmctlContext
    command_class = JmctlCommand

    def main(  # type: ignore[override]  # click overloads main on standalone_mode; one body
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        **extra: Any,
    ) -> Any:
        from jmctl.config import ConfigError, find_config, load_config

        arguments = list(sys.argv[1:] if args is None else args)
        try:
            config = load_config(find_config())
        except ConfigError as error:
            lang = requested_lang(arguments)
            click.echo(f"jmctl: {error.text.pick(lang)}", err=True)
            sys.exit(2)
        lang = requested_lang(arguments, configured=str(config.values.get("lang", "")))
        localize(self, lang)
        defaults = config.default_map(list(self.commands))
        _everywhere(self, defaults, "lang", lang)  # `jmctl --lang en validate …` too
        extra.setdefault("default_map", defaults)
        with speaking(lang):
            return super().main(arguments, prog_name, **extra)


JmctlGroup.group_class = JmctlGroup


def _everywhere(group: click.Group, defaults: dict[str, Any], option: str, value: str) -> None:
    """Give `option` the default `value` in every command of `group`, subgroups included."""
    for name, command in group.commands.items():
        own = defaults.setdefault(name, {})
        if isinstance(command, click.Group):
            _everywhere(command, own, option, value)
        elif any(param.name == option for param in command.params):
            own[option] = value
