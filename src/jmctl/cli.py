"""The `jmctl` command line: options in, one library call, output and exit code out.

Exit codes: 0 ok, 1 findings (or differences), 2 usage, 3 internal error (a bug).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jmctl import __version__

if TYPE_CHECKING:
    from jmctl.diff import DiffResult
    from jmctl.findings import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
# Kept here rather than imported, so that `jmctl --help` does not load the differ.
DIFF_SECTIONS = ("units", "roster", "order", "office", "duties", "tasks", "meeting", "notice")


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
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Findings as lines for people or one JSON object.",
    )(command)


def _report_findings(
    batches: Iterable[Sequence[Finding]],
    total: int,
    output_format: str,
    strict: bool,
    lang: str,
) -> int:
    """Print each file's findings as it comes (text) or all at the end (JSON), then the
    summary; return the exit code. A progress bar shows only where it cannot mix with
    the findings: when they go elsewhere than the terminal."""
    from jmctl.findings import Counts, fails
    from jmctl.reporting import finding_line, json_report, summary_line

    counts, collected, failed, internal = Counts(), [], False, False
    colour = output_format == "text" and _colour(sys.stdout)
    with _progress(0 if _colour(sys.stdout) else total) as advance:
        for findings in batches:
            advance(1)
            counts.add_file(findings)
            failed = failed or fails(findings, strict=strict)
            internal = internal or any(finding.code == "JM000" for finding in findings)
            if output_format == "json":
                collected.extend(findings)
            else:
                for finding in findings:
                    click.echo(finding_line(finding, lang, colour))
    if output_format == "json":
        click.echo(json_report(collected, counts, lang), nl=False)
    else:
        click.echo(summary_line(counts, lang))
    return EXIT_INTERNAL if internal else EXIT_FINDINGS if failed else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="jmctl")
def cli() -> None:
    """Draft, validate, render and compare joint-meeting (联席会议) documents.

    One YAML data file describes one joint meeting of one jurisdiction in one
    edition; jmctl checks it and turns it into official documents.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_findings_options
@_renames_option
@_jobs_option
@_lang_option
def validate(
    paths: tuple[Path, ...],
    output_format: str,
    strict: bool,
    renames_file: Path | None,
    jobs: int | None,
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
    from jmctl.validation import InputError, data_files, validate_paths

    try:
        total = len(set(data_files(paths)))
        reports = validate_paths(paths, renames_file, jobs)
        code = _report_findings((r.findings for r in reports), total, output_format, strict, lang)
    except InputError as error:
        click.echo(f"jmctl: {error}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code)


@cli.command()
@click.argument("kind", type=click.Choice(["notice", "roster", "duties", "tasks", "all"]))
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
    help="Your own reference DOCX (letterhead, styles); it must define jmctl's styles.",
)
@click.option(
    "--templates",
    "phrases",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder with your own phrases.j2 (wording).",
)
@click.option("--table", "roster_table", is_flag=True, help="Roster as a table.")
@click.option(
    "--no-embed-data",
    "no_embed_data",
    is_flag=True,
    help="Leave the data file out of the DOCX (it is carried inside by default).",
)
@_jobs_option
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
    no_embed_data: bool,
    jobs: int | None,
    lang: str,
) -> None:
    """Render official documents (GB/T 9704-2012) from a data file or a folder of them.

    KIND is notice (the issuing document with everything in it), roster, duties,
    tasks, or all (every document the data supports). The data is validated first:
    errors stop the render, warnings are shown. Files are written atomically. A
    folder is rendered on every core into OUT_DIR/<file name>/.

    \b
    Example:
        jmctl render notice examples/dushan-2017.yaml -o 通知.docx
        jmctl render all examples/fujian-2020.yaml -d out/ --format pdf
        jmctl render all examples/ -d out/
    """
    from jmctl.render.api import (
        INTERNAL,
        RenderOptions,
        describe_error,
        expected_errors,
        format_for,
        render_file,
    )
    from jmctl.render.batch import render_many
    from jmctl.validation import InputError, data_files

    if output is not None and (kind == "all" or out_dir is not None or source.is_dir()):
        raise click.UsageError("-o names one file: use -d for `all` or a folder, not both")
    kinds = None if kind == "all" else (kind,)
    try:
        output_format = format_for(output, output_format)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    options = RenderOptions(
        output_format, template, phrases, roster_table, embed_data=not no_embed_data
    )
    if source.is_dir():
        try:
            sources = sorted(data_files([source]), key=str)
        except InputError as error:
            raise click.UsageError(str(error)) from None
        with _progress(len(sources)) as advance:
            results = list(
                render_many(sources, kinds, options, out_dir or Path(), jobs=jobs, on_done=advance)
            )
    else:
        try:
            results = [render_file(source, kinds, options, output=output, out_dir=out_dir)]
        except expected_errors() as error:
            click.echo(f"jmctl: {describe_error(error)}", err=True)
            sys.exit(EXIT_FINDINGS)
    _report_renders(results, lang)
    if any(result.error and result.error.startswith(INTERNAL) for result in results):
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_FINDINGS if any(not result.written for result in results) else EXIT_OK)


def _progress(total: int):  # noqa: ANN202 — a context manager yielding a callback
    """A progress bar on a terminal for long runs; silent otherwise."""
    import contextlib

    if total < 2 or not _colour(sys.stderr):
        return contextlib.nullcontext(lambda done: None)

    @contextlib.contextmanager
    def bar():  # noqa: ANN202
        with click.progressbar(length=total, label="jmctl render", file=sys.stderr) as progress:
            yield progress.update

    return bar()


def _report_renders(results: list, lang: str) -> None:
    """Findings and errors to stderr, written paths to stdout, a summary for batches."""
    from jmctl.reporting import finding_line

    colour = _colour(sys.stderr)
    for result in sorted(results, key=lambda r: str(r.source)):
        for finding in result.findings:
            click.echo(finding_line(finding, lang, colour), err=True)
        if result.error:
            click.echo(f"jmctl: {result.source}: {result.error}", err=True)
        for path in result.written:
            click.echo(str(path))
    substitutions = next((r.substitutions for r in results if r.substitutions), [])
    for item in substitutions:
        click.echo(f"jmctl: 字体替换 (font substituted): {item.describe()}", err=True)
    if len(results) > 1:
        failed = sum(not result.written for result in results)
        written = sum(len(result.written) for result in results)
        click.echo(
            f"渲染了 {len(results)} 个数据文件（成功 {len(results) - failed}，失败 {failed}），"
            f"生成 {written} 个文件 ({len(results)} data files, {failed} failed, "
            f"{written} documents written)",
            err=True,
        )


@cli.command()
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="For people, programs or reports.",
)
@click.option(
    "--ignore",
    multiple=True,
    type=click.Choice(DIFF_SECTIONS),
    help="Leave a section out (repeatable).",
)
@_renames_option
@click.option("--draft", is_flag=True, help="Also draft the adjustment notice (需 -o).")
@_output_option("The draft notice (.docx, or .pdf through LibreOffice).")
@_lang_option
def diff(
    old: Path,
    new: Path,
    output_format: str,
    ignore: tuple[str, ...],
    renames_file: Path | None,
    draft: bool,
    output: Path | None,
    lang: str,
) -> None:
    """Show what changed between two editions: who replaced whom, renamed units, duties.

    Exit 0 when the editions are the same, 1 when they differ, 2 on trouble
    (invalid input is reported with located findings). With --draft -o FILE, also
    write a draft adjustment notice (关于调整…成员的通知) with the new roster annexed.

    \b
    Example:
        jmctl diff examples/dushan-2017.yaml tests/cases/diff/dushan-2019.yaml
        jmctl diff old.yaml new.yaml --format md --ignore notice
        jmctl diff old.yaml new.yaml --draft -o 调整通知.docx
    """
    from jmctl.diff import diff_files
    from jmctl.diff_report import json_report, markdown_report, text_report
    from jmctl.reporting import finding_line

    if draft != (output is not None):
        raise click.UsageError("--draft and -o go together")
    result = diff_files(old, new, renames_file, ignore)
    colour = _colour(sys.stderr)
    for finding in [*result.old_findings, *result.new_findings]:
        click.echo(finding_line(finding, lang, colour), err=True)
    if result.changes is None:
        click.echo("jmctl: 输入有错误，无法比较 (invalid input, nothing compared)", err=True)
        sys.exit(EXIT_USAGE)
    if output_format == "json":
        click.echo(json_report(result.changes, str(old), str(new)), nl=False)
    elif output_format == "md":
        click.echo(markdown_report(result.changes), nl=False)
    else:
        click.echo(text_report(result.changes, _colour(sys.stdout)), nl=False)
    if draft and output is not None:
        _draft(result, output, old, new)
    sys.exit(EXIT_FINDINGS if result.changes else EXIT_OK)


def _draft(result: DiffResult, output: Path, old: Path, new: Path) -> None:
    from jmctl.render.api import RenderOptions, describe_error, expected_errors, render_adjustment

    options = RenderOptions("pdf" if output.suffix.lower() == ".pdf" else "docx")
    try:
        written = render_adjustment(
            result.new_model,
            result.changes,
            output,
            options,  # type: ignore[attr-defined]
            inputs=[old, new],
        )
    except expected_errors() as error:
        click.echo(f"jmctl: {describe_error(error)}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"jmctl: 已起草调整通知 (draft written): {written}", err=True)


@cli.command("import")
@click.argument("source", type=click.Path(path_type=Path, exists=True))
@_output_option("The data file to write (default: the source's name with .yaml).")
@_out_dir_option("For a folder: where the data files go (default: beside each source).")
@click.option(
    "--to-simplified/--keep-script",
    default=None,
    help="Convert traditional characters (default: when the document is mostly simplified).",
)
@_jobs_option
@_lang_option
def import_(
    source: Path,
    output: Path | None,
    out_dir: Path | None,
    to_simplified: bool | None,
    jobs: int | None,
    lang: str,
) -> None:
    """Read existing notices (.docx, or .txt copied from a web page) into data files.

    SOURCE is a file or a folder (every .docx and .txt in it, on every core). Text
    that fits no key is kept under `unplaced` with its line and reported, so nothing
    is lost; traditional characters and half-width punctuation are normalised and
    the header of the output says where.

    \b
    Example:
        jmctl import tests/corpus/dushan-2017-notice.txt -o dushan.yaml
        jmctl import 历年通知/ -d data/
    """
    from functools import partial

    from jmctl.importing.api import import_one
    from jmctl.importing.sources import DOCUMENT_SUFFIXES, documents_under
    from jmctl.parallel import ordered_map
    from jmctl.reporting import finding_line

    if output is not None and source.is_dir():
        raise click.UsageError("-o names one file: use -d for a folder")
    sources = documents_under([source], DOCUMENT_SUFFIXES)
    colour = _colour(sys.stderr)
    failed = False
    work = partial(import_one, output=output, out_dir=out_dir, to_simplified=to_simplified)
    with _progress(len(sources)) as advance:
        for done in ordered_map(work, sources, jobs):
            advance(1)
            for finding in done.findings:
                click.echo(finding_line(finding, lang, colour), err=True)
            if done.error:
                click.echo(f"jmctl: {done.error}", err=True)
            if done.target is None:
                failed = True
            else:
                click.echo(str(done.target))
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@_findings_options
@_jobs_option
@_lang_option
def check(
    paths: tuple[Path, ...], output_format: str, strict: bool, jobs: int | None, lang: str
) -> None:
    """Proofread existing documents (.docx, .txt, or data files) and locate their defects.

    Lines are the document's own (paragraph numbers for DOCX): numbering out of
    sequence, malformed 文号 and dates, 主送/抄送 punctuation, half-width marks,
    traditional characters, stated counts, members without duties, renamed units.
    Exit codes as for validate.

    \b
    Example:
        jmctl check tests/corpus/dushan-2017-notice.txt
        jmctl check --format json 通知.docx
    """
    from jmctl.importing.checking import CHECKED_SUFFIXES, check_file
    from jmctl.importing.sources import documents_under
    from jmctl.parallel import ordered_map

    files = documents_under(paths, CHECKED_SUFFIXES)
    results = ordered_map(check_file, files, jobs)
    sys.exit(
        _report_findings((r.findings for r in results), len(files), output_format, strict, lang)
    )


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the data file (draft 2020-12).

    \b
    Example:
        jmctl schema > jmctl-v1.schema.json
    """
    from jmctl.schema import schema_text

    click.echo(schema_text(), nl=False)


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
