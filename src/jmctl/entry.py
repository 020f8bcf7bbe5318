"""The console script: answers --version and --help before importing the command line.

Importing click costs more than the interpreter's own start-up, so the two
answers a person asks for most are given from here. `data/help.txt` is click's
own top-level help, written by `scripts/build-help`; a test keeps it identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

HELP_FILE = Path(__file__).resolve().parent / "data" / "help.txt"


def main() -> None:
    arguments = sys.argv[1:]
    if arguments in (["--version"], ["-V"]):
        from jmctl import __version__

        print(f"jmctl, version {__version__}")
        return
    if arguments in (["--help"], ["-h"]) and HELP_FILE.is_file():
        sys.stdout.write(HELP_FILE.read_text(encoding="utf-8"))
        return
    from jmctl.cli import main as cli_main

    cli_main()


def help_text() -> str:
    """Return click's top-level help, as `jmctl --help` prints it at 80 columns."""
    from click.testing import CliRunner

    from jmctl.cli import cli

    return CliRunner().invoke(cli, ["--help"], prog_name="jmctl", terminal_width=80).stdout


if __name__ == "__main__" and sys.argv[1:] == ["--write-help"]:
    HELP_FILE.write_text(help_text(), encoding="utf-8")
