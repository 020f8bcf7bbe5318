"""The `jmctl` command line: options in, one library call, output and exit code out.

Exit codes: 0 ok, 1 findings (or differences), 2 usage, 3 internal error (a bug).
Each command's help (both languages, examples, exit codes) is in `data/help/`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from jmctl import __version__, change_kinds
from jmctl.cli_help import JmctlGroup
from jmctl.language import default_lang
from jmctl.render_kinds import render_kind_keys

if TYPE_CHECKING:
    from datetime import date, datetime

    from jmctl.diff_files import DiffResult
    from jmctl.reporters import Reporter, TextLayout
    from jmctl.results import FileResult, Tally

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# From the light registry, so that `jmctl --help` does not load the differ.
DIFF_SECTIONS = change_kinds.sections()


def _terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _colour(stream: object) -> bool:
    """Colour only a terminal, and never when NO_COLOR is set (no-color.org)."""
    return _terminal(stream) and not os.environ.get("NO_COLOR")


_lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=default_lang,
    help="Language of the messages.",
)

_quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="Only findings and errors: no progress, notes or summary."
)


_renames_option = click.option(
    "--renames",
    "renames_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A YAML rename table that extends the built-in reform renames.",
)


_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes for many files (default: one per core).",
)


_REPORT_CHOICE: dict[str, Any] = {
    "type": click.Choice(["text", "json"]),
    "default": "text",
    "show_default": True,
    "help": "Report as text, or one JSON object (docs/json.md).",
}
_report_option = click.option("--report", "report", **_REPORT_CHOICE)
# Where --format is not taken by the output's own format, it names the report too.
_format_option = click.option("--format", "--report", "report", **_REPORT_CHOICE)


def _output_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help=help_text
    )


def _out_dir_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "-d", "--out-dir", type=click.Path(path_type=Path, file_okay=False), help=help_text
    )


def _findings_options(command: Callable[..., None]) -> Callable[..., None]:
    """--format text|json and --strict, for the commands that report findings."""
    command = click.option("--strict", is_flag=True, help="Fail on warnings too.")(command)
    return _format_option(command)


def _reporter(
    kind: str,
    lang: str,
    layout: TextLayout | None = None,
    *,
    strict: bool = False,
    quiet: bool = False,
) -> Reporter:
    """The command's reporter: the language, the layout and the streams chosen once."""
    from jmctl.reporters import make_reporter

    on_out = layout is not None and layout.findings_out
    return make_reporter(
        kind,
        lang,
        click.echo,
        lambda line: click.echo(line, err=True),
        command=click.get_current_context().info_name or "jmctl",
        layout=layout,
        strict=strict,
        quiet=quiet,
        colour=kind == "text" and _colour(sys.stdout if on_out else sys.stderr),
    )


def _report(reporter: Reporter, results: Iterable[FileResult], total: int = 0) -> Tally:
    """Hand every result to the reporter as it comes, with a progress bar of `total`."""
    with _progress(total) as advance:
        for result in results:
            advance(1)
            reporter.add(result)
    return reporter.finish()


def _exit(tally: Tally) -> NoReturn:
    """Exit 3 for a bug in any file, else 1 when a file failed, else 0."""
    sys.exit(EXIT_INTERNAL if tally.internal else EXIT_FINDINGS if tally.failed else EXIT_OK)


def _shown(total: int, quiet: bool, findings_out: bool = False) -> int:
    """How long a progress bar to show: none when quiet, or when it would mix with the
    findings on a terminal."""
    return 0 if quiet or (findings_out and _terminal(sys.stdout)) else total


@click.group(cls=JmctlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="jmctl")
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False, help="Language.")
def cli() -> None:
    """Draft, validate, render and compare joint-meeting (联席会议) documents."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_findings_options
@_renames_option
@click.option(
    "--previous",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Last year's edition: also check new units and the 文号 against it.",
)
@_jobs_option
@_quiet_option
@_lang_option
def validate(
    paths: tuple[Path, ...],
    report: str,
    strict: bool,
    renames_file: Path | None,
    previous: Path | None,
    jobs: int | None,
    quiet: bool,
    lang: str,
) -> None:
    """Check data files against the schema and the domain rules."""
    from jmctl.reporters import CHECKED
    from jmctl.validation import InputError, data_files, validate_bytes, validate_paths

    reporter = _reporter(report, lang, CHECKED, strict=strict, quiet=quiet)
    if paths == (Path("-"),):
        _exit(_report(reporter, [validate_bytes(sys.stdin.buffer.read(), "-")]))
    try:
        total = len(set(data_files(paths)))
    except InputError as error:
        click.echo(f"jmctl: {error.message(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    results = validate_paths(paths, renames_file, jobs, previous)
    _exit(_report(reporter, results, _shown(total, quiet, findings_out=True)))


@cli.command()
@click.argument("kind", type=click.Choice([*render_kind_keys(), "all"]), metavar="KIND")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@_output_option("Output file (default: a name made from the data).")
@_out_dir_option("Folder for the output (default: the current folder).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["docx", "pdf"]),
    default=None,
    help="PDF goes through LibreOffice (default: the suffix of -o, else docx).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Your own reference DOCX (letterhead, page set-up, styles).",
)
@click.option(
    "--templates",
    "phrases",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder with your own phrases.j2 (wording).",
)
@click.option("--table", "roster_table", is_flag=True, help="Roster as a table.")
@click.option(
    "--session",
    default=None,
    metavar="SESSION",
    help="Which meeting a session document is of: number, title or date (default: the latest).",
)
@_report_option
@click.option(
    "--no-embed-data",
    "no_embed_data",
    is_flag=True,
    help="Leave the data file out of the DOCX (it is carried inside by default).",
)
@_jobs_option
@_quiet_option
@_lang_option
def render(
    kind: str,
    source: Path,
    output: Path | None,
    out_dir: Path | None,
    output_format: str | None,
    template: Path | None,
    phrases: Path | None,
    roster_table: bool,
    session: str | None,
    report: str,
    no_embed_data: bool,
    jobs: int | None,
    quiet: bool,
    lang: str,
) -> None:
    """Render official documents (GB/T 9704-2012) from a data file or a folder of them."""
    from jmctl.render.api import RenderError, RenderOptions, format_for, render_file
    from jmctl.render.batch import render_many
    from jmctl.reporters import RENDERED
    from jmctl.validation import InputError, data_files

    if output is not None and (kind == "all" or out_dir is not None or source.is_dir()):
        raise click.UsageError(
            _say(
                "-o 只写一个文件：all 或文件夹请用 -d",
                "-o names one file: use -d for `all` or a folder, not both",
                lang,
            )
        )
    kinds = None if kind == "all" else (kind,)
    try:
        output_format = format_for(output, output_format)
    except RenderError as error:
        raise click.UsageError(error.message(lang)) from None
    options = RenderOptions(
        output_format,
        template,
        phrases,
        roster_table,
        embed_data=not no_embed_data,
        session=session,
    )
    reporter = _reporter(report, lang, RENDERED, quiet=quiet)
    if not source.is_dir():
        _exit(
            _report(reporter, [render_file(source, kinds, options, output=output, out_dir=out_dir)])
        )
    try:
        sources = sorted(data_files([source]), key=str)
    except InputError as error:
        raise click.UsageError(error.message(lang)) from None
    results = render_many(sources, kinds, options, out_dir or Path(), jobs=jobs)
    _exit(_report(reporter, results, _shown(len(sources), quiet)))


def _say(zh: str, en: str, lang: str) -> str:
    return en if lang == "en" else zh


def _progress(
    total: int, label: str | None = None
) -> contextlib.AbstractContextManager[Callable[[int], None]]:
    """A progress bar, labelled with the running command, on a terminal for long runs.

    Only whether stderr is a terminal decides: NO_COLOR is about colour, not progress.
    """
    if total < 2 or not _terminal(sys.stderr):
        return contextlib.nullcontext(lambda done: None)
    label = label or click.get_current_context().command_path

    @contextlib.contextmanager
    def bar() -> Iterator[Callable[[int], None]]:
        with click.progressbar(
            length=total, label=label, file=sys.stderr, color=_colour(sys.stderr)
        ) as progress:
            yield progress.update

    return bar()


@cli.command()
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md", "docx", "xlsx"]),
    default="text",
    show_default=True,
    help="For people, programs or reports; docx and xlsx write the change list to -o.",
)
@click.option(
    "--ignore",
    multiple=True,
    type=click.Choice(DIFF_SECTIONS),
    metavar="SECTION",  # the sections are listed in the help text: a long choice list overflows
    help="Leave a section out (repeatable).",
)
@_renames_option
@click.option("--draft", is_flag=True, help="Also draft the adjustment notice (需 -o).")
@_output_option("The draft notice (.docx, or .pdf), or the change list (--format docx|xlsx).")
@click.option("--doc-number", help="The adjustment notice's own 文号 (with --draft).")
@click.option(
    "--date",
    "notice_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The adjustment notice's own date, YYYY-MM-DD (with --draft).",
)
@_lang_option
def diff(
    old: Path,
    new: Path,
    output_format: str,
    ignore: tuple[str, ...],
    renames_file: Path | None,
    draft: bool,
    output: Path | None,
    doc_number: str | None,
    notice_date: datetime | None,
    lang: str,
) -> None:
    """Show what changed between two editions: who replaced whom, renamed units, duties."""
    from jmctl.diff_files import diff_files
    from jmctl.diff_report import json_report, markdown_report, text_report
    from jmctl.reporting import finding_line

    listing = output_format in ("docx", "xlsx")
    if draft and listing:
        raise click.UsageError(
            _say(
                "--draft 和 --format docx|xlsx 各需自己的 -o，请分两次运行",
                "--draft and --format docx|xlsx each need their own -o: run twice",
                lang,
            )
        )
    if (draft or listing) != (output is not None):
        raise click.UsageError(
            _say(
                "-o 与 --draft 或 --format docx|xlsx 一起用",
                "-o goes with --draft or --format docx|xlsx, and they need it",
                lang,
            )
        )
    if (doc_number or notice_date) and not draft:
        raise click.UsageError(
            _say(
                "--doc-number 和 --date 用于调整通知，需与 --draft 一起用",
                "--doc-number and --date are the draft's: use them with --draft",
                lang,
            )
        )
    result = diff_files(old, new, renames_file, ignore)
    colour = _colour(sys.stderr)
    for finding in [*result.old_findings, *result.new_findings]:
        click.echo(finding_line(finding, lang, colour), err=True)
    if result.changes is None:
        click.echo(
            _say("jmctl: 输入有错误，无法比较", "jmctl: invalid input, nothing compared", lang),
            err=True,
        )
        bug = any(f.code == "JM000" for f in [*result.old_findings, *result.new_findings])
        sys.exit(EXIT_INTERNAL if bug else EXIT_USAGE)
    if output_format == "json":
        click.echo(json_report(result.changes, str(old), str(new)), nl=False)
    elif output_format == "md":
        click.echo(markdown_report(result.changes, lang), nl=False)
    else:
        click.echo(text_report(result.changes, _colour(sys.stdout), lang), nl=False)
    if listing and output is not None:
        _change_list(result, output, output_format, [old, new], lang)
        sys.exit(EXIT_OK)
    if draft and output is not None:
        own = notice_date.date() if notice_date else None
        inputs = [old, new, *([renames_file] if renames_file else [])]
        _draft(result, output, inputs, doc_number, own, lang)
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if result.changes else EXIT_OK)


def _change_list(
    result: DiffResult, output: Path, kind: str, inputs: list[Path], lang: str
) -> None:
    from jmctl.change_list_files import write_change_list
    from jmctl.errors import JmctlError

    try:
        written = write_change_list(result, output, kind, inputs)
    except JmctlError as error:
        click.echo(f"jmctl: {error.message(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"jmctl: {_say('已写出变动清单', 'change list written', lang)}: {written}", err=True)


def _draft(
    result: DiffResult,
    output: Path,
    inputs: list[Path],
    doc_number: str | None,
    notice_date: date | None,
    lang: str,
) -> None:
    from jmctl.errors import JmctlError
    from jmctl.render.api import RenderOptions, render_adjustment
    from jmctl.yearly import with_own_number

    options = RenderOptions("pdf" if output.suffix.lower() == ".pdf" else "docx")
    assert result.new_model is not None and result.changes is not None
    model = with_own_number(result.new_model, doc_number, notice_date)
    try:
        written = render_adjustment(model, result.changes, output, options, inputs=inputs)
    except JmctlError as error:
        click.echo(f"jmctl: {error.message(lang)}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"jmctl: {_say('已起草调整通知', 'draft written', lang)}: {written}", err=True)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@_output_option("The data file to write (default: the source's name with .yaml); - for stdout.")
@_out_dir_option("For a folder: where the data files go (default: beside each source).")
@click.option(
    "--to-simplified/--keep-script",
    default=None,
    help="Convert traditional characters (default: when the document is mostly simplified).",
)
@_format_option
@_jobs_option
@_quiet_option
@_lang_option
def import_(
    source: Path,
    output: Path | None,
    out_dir: Path | None,
    to_simplified: bool | None,
    report: str,
    jobs: int | None,
    quiet: bool,
    lang: str,
) -> None:
    """Read existing notices (.docx, .doc, .wps, .pdf, .html, .txt) into data files."""
    from jmctl.importing.api import import_file
    from jmctl.importing.batch import import_many
    from jmctl.importing.sources import DOCUMENT_SUFFIXES, documents_under

    if output is not None and source.is_dir():
        raise click.UsageError(
            _say("-o 只写一个文件：文件夹请用 -d", "-o names one file: use -d for a folder", lang)
        )
    if output == Path("-"):  # the data file is the output: the report stays text, on stderr
        result = import_file(source, to_simplified)
        if result.imported is not None:
            click.echo(result.yaml_text(), nl=False)
        _exit(_report(_reporter("text", lang, quiet=True), [result]))
    reporter = _reporter(report, lang, quiet=quiet)
    sources = documents_under([source], DOCUMENT_SUFFIXES)
    results = import_many(sources, output, out_dir, to_simplified, jobs)
    _exit(_report(reporter, results, _shown(len(sources), quiet)))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@_findings_options
@_jobs_option
@_quiet_option
@_lang_option
def check(
    paths: tuple[Path, ...],
    report: str,
    strict: bool,
    jobs: int | None,
    quiet: bool,
    lang: str,
) -> None:
    """Proofread existing documents (.docx, .doc, .wps, .pdf, .html, .txt, or data files)
    and locate their defects."""
    from jmctl.importing.checking import check_files
    from jmctl.reporters import CHECKED

    total, results = check_files(paths, jobs)
    reporter = _reporter(report, lang, CHECKED, strict=strict, quiet=quiet)
    _exit(_report(reporter, results, _shown(total, quiet, findings_out=True)))


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the data file (draft 2020-12)."""
    from jmctl.schema import schema_text

    click.echo(schema_text(), nl=False)


@cli.command()
@click.argument("source", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="名单.xlsx (a workbook) or x.yaml (a data file).",
)
@click.option("--empty", is_flag=True, help="A blank workbook with the 说明 sheet (no SOURCE).")
@_format_option
@_lang_option
def export(source: Path | None, output: Path, empty: bool, report: str, lang: str) -> None:
    """Write a data file as a workbook (Excel, WPS 表格), or a workbook back as YAML."""
    from jmctl.exporting import ExportError, check_output, export_file, write_empty

    if empty == (source is not None):
        raise click.UsageError(
            _say(
                "请给出数据文件，或用 --empty", "give SOURCE, or --empty for a blank workbook", lang
            )
        )
    if source is not None and not source.is_file():
        raise click.UsageError(_say(f"{source}：文件不存在", f"{source}: no such file", lang))
    try:
        check_output(output, empty)
    except ExportError as error:
        raise click.UsageError(error.message(lang)) from None
    result = write_empty(output) if source is None else export_file(source, output)
    _exit(_report(_reporter(report, lang), [result]))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--rename",
    "local_renames",
    nargs=2,
    multiple=True,
    metavar="OLD NEW",
    help="Rename a unit everywhere it appears (repeatable).",
)
@click.option("--diff", "show_diff", is_flag=True, help="Show a unified diff; write nothing.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if something would change.")
@_renames_option
@_format_option
@_jobs_option
@_lang_option
def fix(
    paths: tuple[Path, ...],
    local_renames: tuple[tuple[str, str], ...],
    show_diff: bool,
    check: bool,
    renames_file: Path | None,
    report: str,
    jobs: int | None,
    lang: str,
) -> None:
    """Make the fixes that cannot be wrong, in place, keeping comments and layout."""
    from jmctl.fixing.api import fix_paths, text_layout
    from jmctl.validation import InputError

    write = not (check or show_diff)
    try:
        results = fix_paths(paths, renames_file, local_renames, write=write, jobs=jobs)
    except InputError as error:
        raise click.UsageError(error.message(lang)) from None
    _exit(_report(_reporter(report, lang, text_layout(write, show_diff)), results))


def _add_beginning_commands() -> None:
    from jmctl.cli_start import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_add_beginning_commands()


def _stop_on_terminate() -> None:
    """Turn SIGTERM into a normal exit, so that half-written temporary files are removed."""
    import signal

    def stop(signum: int, frame: object) -> None:
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main() -> None:
    _stop_on_terminate()
    try:
        cli(prog_name="jmctl")
    except Exception as error:  # the last net: a bug says so, never a traceback
        click.echo(
            f"jmctl: 内部错误 (internal error, please report): {type(error).__name__}: {error}",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
