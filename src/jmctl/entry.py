"""The console script: answers --version and --help before importing the command line.

Importing click costs more than the interpreter's own start-up, so the two
answers a person asks for most are given from here. `data/help-<lang>.txt` is
click's own top-level help in each language, written by `scripts/build-help`;
a test keeps them identical.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
HELP_ASKED = (["--help"], ["-h"])


def help_file(lang: str) -> Path:
    return DATA / f"help-{lang}.txt"


def main() -> None:
    arguments = sys.argv[1:]
    if arguments in (["--version"], ["-V"]):
        from jmctl import __version__

        print(f"jmctl, version {__version__}")
        return
    if _without_lang(arguments) in HELP_ASKED:
        lang = _lang(arguments)
        if help_file(lang).is_file():
            sys.stdout.write(help_file(lang).read_text(encoding="utf-8"))
            return
    from jmctl.cli import main as cli_main

    cli_main()


def _without_lang(arguments: list[str]) -> list[str]:
    """Return `arguments` without a `--lang X` or `--lang=X`."""
    rest, skip = [], False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("--lang="):
            rest.append(argument)
    return rest


def _lang(arguments: list[str]) -> str:
    from jmctl.language import requested_lang

    configured = None
    folder = Path.cwd()
    # Reading TOML costs more than the rest of this answer: only when there is a file.
    if any((place / "jmctl.toml").is_file() for place in (folder, *folder.parents)):
        from jmctl.config import ConfigError, find_config, load_config

        with contextlib.suppress(ConfigError):
            configured = load_config(find_config()).values.get("lang")
    return requested_lang(arguments, configured=str(configured or ""))


def help_text(lang: str) -> str:
    """Return click's top-level help in `lang`, as `jmctl --help` prints it at 80 columns."""
    from click.testing import CliRunner

    from jmctl.cli import cli

    result = CliRunner().invoke(
        cli, ["--lang", lang, "--help"], prog_name="jmctl", terminal_width=80
    )
    return result.stdout


if __name__ == "__main__" and sys.argv[1:] == ["--write-help"]:
    from jmctl.cli_help import COMPILED, compile_help
    from jmctl.click_i18n import write_catalogue
    from jmctl.language import LANGUAGES

    write_catalogue()
    COMPILED.write_text(compile_help(), encoding="utf-8")
    for language in LANGUAGES:
        help_file(language).write_text(help_text(language), encoding="utf-8")
