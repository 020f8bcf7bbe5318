"""The console script: answers --version before importing the command line (click)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from jmctl import __version__

        print(f"jmctl, version {__version__}")
        return
    from jmctl.cli import main as cli_main

    cli_main()
