"""Render a data file into the documents it supports, as DOCX or PDF files."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jmctl.domain import role_labels
from jmctl.findings import Finding, fails
from jmctl.model import JointMeeting
from jmctl.outputs import OutputError, atomic_write
from jmctl.render.compose import AdjustmentItem, Composer
from jmctl.render.docx_writer import TemplateError, write_docx
from jmctl.render.layout import FONTS
from jmctl.render.outline import Outline
from jmctl.render.package import options_property
from jmctl.render.pdf import PdfError, Substitution, convert, font_plan
from jmctl.render.phrases import PhraseError, Phrases
from jmctl.validation import validate_file

KINDS = ("notice", "roster", "duties", "tasks")
SOURCE_PROPERTY, KIND_PROPERTY = "jmctl-source", "jmctl-kind"
OPTIONS_PROPERTY = "jmctl-options"  # the options that change the text, as JSON
_SUFFIX_LABELS = {"roster": "成员名单", "duties": "职责分工", "tasks": "重点任务分工方案"}


class RenderError(Exception):
    """A document that cannot be rendered from this data (the message says why)."""


def expected_errors() -> tuple[type[Exception], ...]:
    """Return the errors that are the input's or the machine's, not jmctl's."""
    return (RenderError, TemplateError, PhraseError, PdfError, OutputError)


INTERNAL = "内部错误 (internal error, please report): "


def describe_error(error: Exception) -> str:
    """Return the message of an expected error, or say plainly that it is a bug."""
    if isinstance(error, expected_errors()):
        return str(error)
    return f"{INTERNAL}{type(error).__name__}: {error}"


@dataclass(frozen=True)
class RenderOptions:
    output_format: str = "docx"
    template: Path | None = None
    phrases: Path | None = None
    roster_table: bool = False


@dataclass
class RenderResult:
    """What rendering one data file gave: its findings, and the files written."""

    source: Path
    findings: list[Finding]
    written: list[Path] = field(default_factory=list)
    substitutions: list[Substitution] = field(default_factory=list)
    error: str | None = None  # why nothing could be written, when it was not the data


def available_kinds(model: JointMeeting) -> list[str]:
    """Return the documents the data supports, in the order `render all` writes them."""
    kinds = []
    if model.notice is not None and model.notice.issuer and model.notice.date:
        kinds.append("notice")  # a notice imported without its issuer or date cannot print
    if model.has_named_roster():
        kinds.append("roster")
    if model.duties:
        kinds.append("duties")
    if model.tasks:
        kinds.append("tasks")
    return kinds


def default_name(model: JointMeeting, kind: str, suffix: str) -> str:
    """Return the file name a document gets by default: 独府办发〔2017〕20号-通知.docx."""
    notice = model.notice
    if kind == "notice" and notice is not None:
        label = "函" if notice.kind == "approve" else "通知"
        stem = f"{notice.doc_number or model.meeting.name}-{label}"
    else:
        stem = f"{model.meeting.name}-{_SUFFIX_LABELS.get(kind, kind)}"
    return f"{stem.replace('/', '／')}.{suffix}"


def outline(model: JointMeeting, kind: str, options: RenderOptions) -> Outline:
    """Return the outline of document `kind`, or raise RenderError when the data lacks it."""
    if kind not in available_kinds(model):
        raise RenderError(_missing(kind))
    composer = Composer(model, Phrases(options.phrases))
    if kind == "notice":
        return composer.notice()
    if kind == "roster":
        return composer.roster(as_table=options.roster_table)
    if kind == "duties":
        return composer.duties()
    return composer.tasks()


def _missing(kind: str) -> str:
    what = {
        "notice": "notice（发文）",
        "roster": "有姓名的 roster（成员名单）",
        "duties": "duties（职责分工）",
        "tasks": "tasks（任务分工）",
    }[kind]
    return f"数据中没有 {what}，无法生成 {kind} (the data has nothing to render as {kind})"


def render_file(
    source: Path,
    kinds: Sequence[str] | None,
    options: RenderOptions,
    *,
    output: Path | None = None,
    out_dir: Path | None = None,
) -> RenderResult:
    """Validate `source`, then write each document of `kinds` (None: every one the data
    supports) to `output`, or into `out_dir` under its default name. Errors in the data
    stop before any write."""
    result, documents = prepare(source, kinds, options, output=output, out_dir=out_dir)
    finish([(result, documents)], options)
    return result


Document = tuple[Path, bytes]  # where a document goes, and its DOCX bytes


def prepare(
    source: Path,
    kinds: Sequence[str] | None,
    options: RenderOptions,
    *,
    output: Path | None = None,
    out_dir: Path | None = None,
) -> tuple[RenderResult, list[Document]]:
    """Validate `source` and build its DOCX documents in memory; nothing is written."""
    report = validate_file(source)
    result = RenderResult(source, report.findings)
    if fails(report.findings) or report.model is None:
        return result, []
    documents = []
    text = report.document.source if report.document else ""
    for kind in available_kinds(report.model) if kinds is None else kinds:
        name = default_name(report.model, kind, options.output_format)
        target = output if output is not None else (out_dir or Path()) / name
        # The data travels inside the document, so that importing it later is lossless.
        carried = {
            SOURCE_PROPERTY: text,
            KIND_PROPERTY: kind,
            OPTIONS_PROPERTY: options_property(options),
        }
        documents.append(
            (target, write_docx(outline(report.model, kind, options), options.template, carried))
        )
    return result, documents


def finish(prepared: Sequence[tuple[RenderResult, list[Document]]], options: RenderOptions) -> None:
    """Write prepared documents (converted to PDF in one LibreOffice run when asked)."""
    pairs = [(result, document) for result, documents in prepared for document in documents]
    if not pairs:
        return
    documents = [document for _, document in pairs]
    if options.output_format == "pdf":
        used = list(vars(FONTS).values())
        substitutions = [item for item in font_plan(used) if item.family]
        for result, _ in prepared:
            result.substitutions = substitutions
        documents = _to_pdf(documents)
    for (result, _), (target, data) in zip(pairs, documents, strict=True):
        atomic_write(target, data, inputs=[result.source])
        result.written.append(target)


def _to_pdf(documents: Sequence[Document]) -> list[Document]:
    with tempfile.TemporaryDirectory(prefix="jmctl-render-") as scratch:
        folder = Path(scratch)
        sources = []
        for index, (_, data) in enumerate(documents):
            path = folder / f"document-{index}.docx"
            path.write_bytes(data)
            sources.append(path)
        pdfs = convert(sources, folder)
        return [
            (target, pdf.read_bytes()) for (target, _), pdf in zip(documents, pdfs, strict=True)
        ]


ADJUSTMENT_KINDS = (
    "person_replaced",
    "person_removed",
    "person_added",
    "post_changed",
    "role_changed",
    "unit_renamed",
    "unit_removed",
    "unit_added",
)


def render_adjustment(
    model: JointMeeting,
    changes: Sequence[Any],
    output: Path,
    options: RenderOptions,
    inputs: Sequence[Path] = (),
) -> Path:
    """Write a draft adjustment notice for the roster `changes` (from jmctl.diff), with
    the new edition's roster as its annex."""
    if model.notice is None:
        raise RenderError(
            "新版本的数据中没有 notice（发文），无法起草调整通知 "
            "(the new edition has no notice to draft from)"
        )
    labels = role_labels()
    items = [
        AdjustmentItem(
            change.kind,
            labels[change.role].zh if change.role in labels else "",
            change.name,
            change.old_name,
            change.post,
            change.old_post,
            change.unit,
            change.old_unit,
        )
        for kind in ADJUSTMENT_KINDS
        for change in changes
        if change.kind == kind
    ]
    if not items:
        raise RenderError("两个版本的成员没有变动，无需调整通知 (no roster changes to draft)")
    composer = Composer(model, Phrases(options.phrases))
    data = write_docx(composer.adjustment(items), options.template)
    documents = [(output, data)]
    if options.output_format == "pdf":
        documents = _to_pdf(documents)
    atomic_write(output, documents[0][1], inputs=inputs)
    return output
