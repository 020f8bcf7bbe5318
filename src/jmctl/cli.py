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
    from datetime import date, datetime

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
@click.option(
    "--previous",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Last year's edition: also check new units and the 文号 against it.",
)
@_jobs_option
@_lang_option
def validate(
    paths: tuple[Path, ...],
    output_format: str,
    strict: bool,
    renames_file: Path | None,
    previous: Path | None,
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
        jmctl validate --previous dushan-2017.yaml 名单.xlsx
    """
    from jmctl.validation import InputError, data_files, validate_paths

    try:
        total = len(set(data_files(paths)))
        reports = validate_paths(paths, renames_file, jobs, previous)
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
    options = RenderOptions(output_format, template, phrases, roster_table)
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
    if any(result.error and result.error.startswith(INTERNAL) for result in results) or any(
        finding.code == "JM000" for result in results for finding in result.findings
    ):
        sys.exit(EXIT_INTERNAL)
    failed = any(not result.written or result.error for result in results)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


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
    type=click.Choice(["text", "json", "md", "docx", "xlsx"]),
    default="text",
    show_default=True,
    help="For people, programs or reports; docx and xlsx write the change list to -o.",
)
@click.option(
    "--ignore",
    multiple=True,
    type=click.Choice(DIFF_SECTIONS),
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
    """Show what changed between two editions: who replaced whom, renamed units, duties.

    Exit 0 when the editions are the same, 1 when they differ, 2 on trouble
    (invalid input is reported with located findings). With --draft -o FILE, also
    write a draft adjustment notice (关于调整…成员的通知) with the new roster annexed.

    \b
    Example:
        jmctl diff examples/dushan-2017.yaml tests/cases/diff/dushan-2019.yaml
        jmctl diff old.yaml new.yaml --format md --ignore notice
        jmctl diff old.yaml new.yaml --draft -o 调整通知.docx --doc-number 独府办发〔2019〕31号
        jmctl diff old.yaml 名单.xlsx --format docx -o 变动清单.docx

    With --draft or --format docx|xlsx, exit 0 once the file is written. Findings
    against the previous edition (JM214, JM215, JM305) are shown with the new
    edition's.
    """
    from jmctl.diff import diff_files
    from jmctl.diff_report import json_report, markdown_report, text_report
    from jmctl.reporting import finding_line

    listing = output_format in ("docx", "xlsx")
    if draft and listing:
        raise click.UsageError("--draft and --format docx|xlsx each need their own -o: run twice")
    if (draft or listing) != (output is not None):
        raise click.UsageError("-o goes with --draft or --format docx|xlsx, and they need it")
    if (doc_number or notice_date) and not draft:
        raise click.UsageError("--doc-number and --date are the draft's: use them with --draft")
    result = diff_files(old, new, renames_file, ignore)
    colour = _colour(sys.stderr)
    for finding in [*result.old_findings, *result.new_findings]:
        click.echo(finding_line(finding, lang, colour), err=True)
    if result.changes is None:
        click.echo("jmctl: 输入有错误，无法比较 (invalid input, nothing compared)", err=True)
        bug = any(f.code == "JM000" for f in [*result.old_findings, *result.new_findings])
        sys.exit(EXIT_INTERNAL if bug else EXIT_USAGE)
    if output_format == "json":
        click.echo(json_report(result.changes, str(old), str(new)), nl=False)
    elif output_format == "md":
        click.echo(markdown_report(result.changes), nl=False)
    else:
        click.echo(text_report(result.changes, _colour(sys.stdout)), nl=False)
    if listing and output is not None:
        _change_list(result, output, output_format, [old, new])
        sys.exit(EXIT_OK)
    if draft and output is not None:
        own = notice_date.date() if notice_date else None
        inputs = [old, new, *([renames_file] if renames_file else [])]
        _draft(result, output, inputs, doc_number, own)
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if result.changes else EXIT_OK)


def _change_list(result: DiffResult, output: Path, kind: str, inputs: list[Path]) -> None:
    from jmctl.change_list_files import write_change_list
    from jmctl.outputs import OutputError

    try:
        written = write_change_list(result, output, kind, inputs)
    except OutputError as error:
        click.echo(f"jmctl: {error}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"jmctl: 已写出变动清单 (change list written): {written}", err=True)


def _draft(
    result: DiffResult,
    output: Path,
    inputs: list[Path],
    doc_number: str | None,
    notice_date: date | None,
) -> None:
    from jmctl.render.api import RenderOptions, describe_error, expected_errors, render_adjustment
    from jmctl.yearly import with_own_number

    options = RenderOptions("pdf" if output.suffix.lower() == ".pdf" else "docx")
    assert result.new_model is not None and result.changes is not None
    model = with_own_number(result.new_model, doc_number, notice_date)
    try:
        written = render_adjustment(model, result.changes, output, options, inputs=inputs)
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
    """Read existing notices (.docx, .doc, .wps, .pdf, .html, .txt) into data files.

    SOURCE is a file or a folder (every such file in it, on every core). Text
    that fits no key is kept under `unplaced` with its line and reported, so nothing
    is lost; traditional characters and half-width punctuation are normalised and
    the header of the output says where.

    \b
    Example:
        jmctl import tests/corpus/dushan-2017-notice.txt -o dushan.yaml
        jmctl import 历年通知/ -d data/
    """
    from jmctl.importing.batch import import_many
    from jmctl.importing.sources import DOCUMENT_SUFFIXES, documents_under
    from jmctl.reporting import finding_line

    if output is not None and source.is_dir():
        raise click.UsageError("-o names one file: use -d for a folder")
    sources = documents_under([source], DOCUMENT_SUFFIXES)
    colour = _colour(sys.stderr)
    failed = False
    with _progress(len(sources)) as advance:
        for done in import_many(sources, output, out_dir, to_simplified, jobs):
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
    """Proofread existing documents (.docx, .doc, .wps, .pdf, .html, .txt, or data files)
    and locate their defects.

    Lines are a text file's own; in other formats line N is the Nth paragraph or
    table row read (headers first, hidden text skipped). Checked: numbering out of
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
@_lang_option
def export(source: Path | None, output: Path, empty: bool, lang: str) -> None:
    """Write a data file as a workbook (Excel, WPS 表格), or a workbook back as YAML.

    The workbook has Chinese sheets and columns (基本信息, 成员单位, 成员名单, 办公室,
    职责分工, 重点任务, 发文) with drop-down lists; every command that takes a data
    file takes the workbook too. YAML → workbook → YAML gives the same data.

    \b
    Example:
        jmctl export examples/dushan-2017.yaml -o 名单.xlsx
        jmctl export 名单.xlsx -o dushan-2019.yaml
        jmctl export --empty -o 空白名单.xlsx
    """
    from jmctl.exporting import ExportError, export_file, write_empty
    from jmctl.outputs import OutputError
    from jmctl.reporting import finding_line

    if empty == (source is not None):
        raise click.UsageError("give SOURCE, or --empty for a blank workbook")
    try:
        if source is None:
            click.echo(str(write_empty(output)))
            return
        if not source.is_file():
            raise click.UsageError(f"{source}：文件不存在 (no such file)")
        result = export_file(source, output)
    except (ExportError, OutputError) as error:
        click.echo(f"jmctl: {error}", err=True)
        sys.exit(EXIT_USAGE)
    for finding in result.findings:
        click.echo(finding_line(finding, lang, _colour(sys.stderr)), err=True)
    if result.written is None:
        sys.exit(EXIT_FINDINGS)
    click.echo(str(result.written))


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
@_lang_option
def fix(
    paths: tuple[Path, ...],
    local_renames: tuple[tuple[str, str], ...],
    show_diff: bool,
    check: bool,
    renames_file: Path | None,
    lang: str,
) -> None:
    """Make the fixes that cannot be wrong, in place, keeping comments and layout.

    Half-width punctuation beside Chinese (JM401), padding in names (JM212), units
    a reform renamed where the new name is sure (JM501) and units renamed with
    --rename (full and short names and every reference), the document number's
    brackets, 第 and leading zero (JM302). PATHS are data files or workbooks, or
    folders of data files. Exit 0 when done, 1 with --check/--diff when something
    would change or when a file cannot be fixed.

    \b
    Example:
        jmctl fix dushan-2019.yaml
        jmctl fix --rename 县扶贫办 县乡村振兴局 名单.xlsx
        jmctl fix --check --diff data/
    """
    from jmctl.domain import builtin_renames, load_renames
    from jmctl.findings import fails
    from jmctl.fixing.api import fix_file, unified_diff
    from jmctl.reporting import finding_line
    from jmctl.validation import InputError, data_files

    renames = list(builtin_renames())
    if renames_file is not None:
        extra, problems = load_renames(renames_file)
        for finding in problems:
            click.echo(finding_line(finding, lang), err=True)
        renames += extra
    try:
        files = sorted(set(data_files(paths)), key=str)
    except InputError as error:
        raise click.UsageError(str(error)) from None
    write = not (check or show_diff)
    changed = failed = 0
    for path in files:
        result = fix_file(path, renames, local_renames, write=write)
        for finding in result.findings:
            click.echo(finding_line(finding, lang, _colour(sys.stderr)), err=True)
        if result.error or fails(result.findings):
            failed += 1
            if result.error:
                click.echo(f"jmctl: {path}: {result.error}", err=True)
            continue
        changed += len(result.edits)
        for edit, mark in result.edits:
            click.echo(f"{path}:{mark.where()}: {'、'.join(edit.codes)} {edit.old} → {edit.new}")
        if show_diff:
            click.echo(unified_diff(result), nl=False)
    verb = "已修正" if write else "可修正"
    click.echo(
        f"{verb} {changed} 处 ({changed} fix(es) {'made' if write else 'to make'})", err=True
    )
    sys.exit(EXIT_FINDINGS if failed or (changed and not write) else EXIT_OK)


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
