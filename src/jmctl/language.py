"""Which language jmctl speaks: decided once, without importing click.

`jmctl --help` answers before click is imported (see `entry.py`), so the choice
of language lives here, where both the fast path and the command line read it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGUAGES = ("zh", "en")
_LOCALE_VARIABLES = ("JMCTL_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def default_lang(environ: Mapping[str, str] | None = None, configured: str | None = None) -> str:
    """Return "en" when JMCTL_LANG, else jmctl.toml (`configured`), else the locale asks
    for English; "zh" otherwise."""
    env = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable, "")
        if variable != "JMCTL_LANG" and configured in LANGUAGES:
            return str(configured)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def requested_lang(
    arguments: Sequence[str],
    environ: Mapping[str, str] | None = None,
    configured: str | None = None,
) -> str:
    """Return the language asked for by `--lang X` / `--lang=X` among `arguments`, else
    by `default_lang`. Read before parsing, so that help and click's own usage errors
    (given while parsing) already speak it."""
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        elif argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return default_lang(environ, configured)
