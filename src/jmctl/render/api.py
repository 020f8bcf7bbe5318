"""Render a data file into the documents it supports, as DOCX or PDF files."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jmctl.findings import Finding, fails
from jmctl.model import JointMeeting
from jmctl.outputs import atomic_write
from jmctl.render.compose import Composer
from jmctl.render.docx_writer import write_docx
from jmctl.render.layout import FONTS
from jmctl.render.outline import Outline
from jmctl.render.pdf import Substitution, convert, font_plan
from jmctl.render.phrases import Phrases
from jmctl.validation import validate_file

KINDS = ("notice", "roster", "duties", "tasks")
_SUFFIX_LABELS = {"roster": "成员名单", "duties": "职责分工", "tasks": "重点任务分工方案"}


class RenderError(Exception):
    """A document that cannot be rendered from this data (the message says why)."""


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


def available_kinds(model: JointMeeting) -> list[str]:
    """Return the documents the data supports, in the order `render all` writes them."""
    kinds = []
    if model.notice is not None:
        kinds.append("notice")
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
    report = validate_file(source)
    result = RenderResult(source, report.findings)
    if fails(report.findings) or report.model is None:
        return result
    suffix = options.output_format
    targets = []
    for kind in available_kinds(report.model) if kinds is None else kinds:
        name = default_name(report.model, kind, suffix)
        target = output if output is not None else (out_dir or Path()) / name
        targets.append((kind, target))
    documents = [
        (target, write_docx(outline(report.model, kind, options), options.template))
        for kind, target in targets
    ]
    if suffix == "pdf":
        used = list(vars(FONTS).values())
        result.substitutions = [item for item in font_plan(used) if item.family]
        documents = _to_pdf(documents)
    for target, data in documents:
        atomic_write(target, data, inputs=[source])
        result.written.append(target)
    return result


def _to_pdf(documents: Sequence[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
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
