"""The `jmctl` command line: options in, one library call, output and exit code out.

Exit codes: 0 ok, 1 findings (or differences), 2 usage, 3 internal error (a bug).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from jmctl import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _default_lang() -> str:
    """Return "en" when JMCTL_LANG or the locale asks for English, else "zh"."""
    for variable in ("JMCTL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def _colour(stream: object) -> bool:
    """Colour only a terminal, and never when NO_COLOR is set (no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


_lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=_default_lang,
    show_default="zh, or en by JMCTL_LANG / locale",
    help="Language of the messages.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="jmctl")
def cli() -> None:
    """Draft, validate, render and compare joint-meeting (联席会议) documents.

    One YAML data file describes one joint meeting of one jurisdiction in one
    edition; jmctl checks it and turns it into official documents.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Findings as lines for people or one JSON object.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--renames",
    "renames_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A YAML rename table that extends the built-in reform renames.",
)
@_lang_option
def validate(
    paths: tuple[Path, ...],
    output_format: str,
    strict: bool,
    renames_file: Path | None,
    lang: str,
) -> None:
    """Check data files against the schema and the domain rules.

    PATHS are files or folders (searched for *.yaml and *.yml). Each finding is
    printed as `path:line:col: severity CODE message`. Exit 0 when there is no
    error, 1 when any finding fails, 2 for usage errors.

    \b
    Example:
        jmctl validate examples/
        jmctl validate --format json --strict examples/dushan-2017.yaml
    """
    from jmctl.findings import Counts, fails
    from jmctl.reporting import finding_line, json_report, summary_line
    from jmctl.validation import InputError, validate_paths

    counts, collected, failed, internal = Counts(), [], False, False
    colour = output_format == "text" and _colour(sys.stdout)
    try:
        for report in validate_paths(paths, renames_file):
            counts.add_file(report.findings)
            failed = failed or fails(report.findings, strict=strict)
            internal = internal or report.internal_error
            if output_format == "json":
                collected.extend(report.findings)
            for finding in report.findings if output_format == "text" else ():
                click.echo(finding_line(finding, lang, colour))
    except InputError as error:
        click.echo(f"jmctl: {error}", err=True)
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        click.echo(json_report(collected, counts, lang), nl=False)
    else:
        click.echo(summary_line(counts, lang))
    sys.exit(EXIT_INTERNAL if internal else EXIT_FINDINGS if failed else EXIT_OK)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the data file (draft 2020-12).

    \b
    Example:
        jmctl schema > jmctl-v1.schema.json
    """
    from jmctl.schema import schema_text

    click.echo(schema_text(), nl=False)


def main() -> None:
    cli(prog_name="jmctl")
