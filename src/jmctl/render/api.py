"""Render a data file into the documents it supports, as DOCX or PDF files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from jmctl.catalogue import Text
from jmctl.change import Change
from jmctl.change_kinds import adjustment_kinds
from jmctl.domain import role_labels
from jmctl.errors import JmctlError, both_languages
from jmctl.findings import fails
from jmctl.model import JointMeeting
from jmctl.names import safe_file_name
from jmctl.outputs import atomic_write
from jmctl.render.compose import AdjustmentItem, Composer
from jmctl.render.docx_writer import write_docx
from jmctl.render.editions import SOURCE_PROPERTY, refuse_other_edition
from jmctl.render.kind_code import has_data, layout_function, page_function
from jmctl.render.layout import FONTS
from jmctl.render.options import RenderOptions
from jmctl.render.outline import Outline
from jmctl.render.package import options_property
from jmctl.render.pdf import Substitution, convert, font_plan
from jmctl.render.phrases import Phrases
from jmctl.render.session_choice import choose_session, session_label
from jmctl.render.web import is_page
from jmctl.render_kinds import render_kind_keys, render_kinds
from jmctl.results import FileResult
from jmctl.safety import per_file, record
from jmctl.sessions import Session
from jmctl.validation import validate_file
from jmctl.yearly import draft_order

KINDS = render_kind_keys()  # from data/render_kinds.yaml (its code: render/kind_code.py)
KIND_PROPERTY = "jmctl-kind"
OPTIONS_PROPERTY = "jmctl-options"  # the options that change the text, as JSON


class RenderError(JmctlError):
    """A document that cannot be rendered from this data (the message says why)."""


Document = tuple[Path, bytes]  # where a document goes, and its DOCX bytes


@dataclass
class RenderResult(FileResult):
    """What rendering one data file gave: its findings, the files written (`outputs`),
    the fonts LibreOffice substituted, and the documents built but not yet written."""

    substitutions: list[Substitution] = field(default_factory=list, kw_only=True)
    pending: list[Document] = field(default_factory=list, kw_only=True, repr=False)

    @property
    def written(self) -> list[Path]:
        return self.outputs

    def failed(self, strict: bool = False) -> bool:
        """A render that wrote nothing failed, whatever the reason."""
        return not self.outputs or super().failed(strict)


def available_kinds(model: JointMeeting) -> list[str]:
    """Return the documents the data supports, in the order `render all` writes them."""
    return [key for key, kind in render_kinds().items() if has_data(model, kind.available)]


def require_available(model: JointMeeting, kind: str) -> None:
    """Raise RenderError when the data lacks what document `kind` prints."""
    if not has_data(model, render_kinds()[kind].available):
        raise RenderError(_missing(kind))


FORMATS = ("docx", "pdf")


def format_for(output: Path | None, given: str | None) -> str:
    """Return the output format: as given, else from the suffix of `output`, else DOCX.
    Raise RenderError when the two disagree (a DOCX named .pdf)."""
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if given is None:
        return suffix if suffix in FORMATS else "docx"
    if output is not None and suffix in FORMATS and suffix != given:
        raise RenderError(
            Text(
                f"-o {output.name} 与 --format {given} 不一致",
                f"-o {output.name} says {suffix}, --format says {given}",
            )
        )
    return given


def default_name(
    model: JointMeeting, kind: str, suffix: str, session: Session | None = None
) -> str:
    """Return the file name a document gets by default: 独府办发〔2017〕20号-通知.docx,
    白河县…联席会议-2023年第1次全体会议-会议纪要.docx for a session's document."""
    notice = model.notice
    if session is not None:
        tail = f"-{session.date.year}年{session.title}-{_file_label(kind)}"
        return safe_file_name(model.meeting.name, f".{suffix}", tail)
    if kind == "notice" and notice is not None:
        label = "函" if notice.kind == "approve" else "通知"
        stem, tail = notice.doc_number or model.meeting.name, f"-{label}"
    else:
        stem, tail = model.meeting.name, f"-{_file_label(kind)}"
    if notice is not None and notice.date and not (kind == "notice" and notice.doc_number):
        tail += f"（{notice.date.year}年）"  # the edition: two years in one folder both stay
    # A long name is cut, never what tells the documents of one render apart.
    return safe_file_name(stem, f".{suffix}", tail)


def _file_label(kind: str) -> str:
    known = render_kinds()
    return known[kind].zh if kind in known else kind


def outline(model: JointMeeting, kind: str, options: RenderOptions) -> Outline:
    """Return the outline of document `kind`, or raise RenderError when the data lacks it."""
    require_available(model, kind)
    layout = layout_function(render_kinds()[kind].layout)
    return layout(
        Composer(model, Phrases(options.phrases)), options, session_of(model, kind, options)
    )


def session_of(model: JointMeeting, kind: str, options: RenderOptions) -> Session | None:
    """Return the session a document of `kind` is about (None for an edition's document).
    Raise SessionChoiceError when `--session` names none, or more than one."""
    if not render_kinds()[kind].per_session:
        return None
    return choose_session(model, options.session)


def _missing(kind: str) -> str:
    what = render_kinds()[kind].needs
    return f"数据中没有 {what}，无法生成 {kind} (the data has nothing to render as {kind})"


def template_notes(template: Path | None) -> list[Text]:
    """Say which styles a user's letterhead lacked and took from the default reference."""
    if template is None:
        return []
    from docx import Document

    from jmctl.render.reference import missing_styles

    try:
        missing = missing_styles(Document(str(template)))
    except Exception:  # an unusable template is reported when it is opened to render
        return []
    if not missing:
        return []
    names = "、".join(missing)
    return [
        both_languages(
            f"{template}：模板没有 jmctl 的样式 {names}，已用默认样式补齐，正文样式 Normal 按"
            f"公文格式设置；页面设置、页眉和红头用模板的 (styles taken from the default "
            f"reference; the page set-up, headers and letterhead are the template's)"
        )
    ]


def render_file(
    source: str | os.PathLike[str],
    kinds: Sequence[str] | None,
    options: RenderOptions,
    *,
    output: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
) -> RenderResult:
    """Validate `source`, then write each document of `kinds` (None: every one the data
    supports) to `output`, or into `out_dir` under its default name. Errors in the data
    stop before any write."""
    result = prepare(
        Path(source),
        kinds,
        options,
        output=None if output is None else Path(output),
        out_dir=None if out_dir is None else Path(out_dir),
    )
    finish([result], options)
    return result


@per_file(RenderResult)
def prepare(
    source: Path,
    kinds: Sequence[str] | None,
    options: RenderOptions,
    *,
    output: Path | None = None,
    out_dir: Path | None = None,
) -> RenderResult:
    """Validate `source` and build its DOCX documents in memory (`pending`); nothing is
    written. Never raises: what stops a file is in its result (findings, or `error`)."""
    report = validate_file(source)
    result = RenderResult(source, report.findings, notes=template_notes(options.template))
    if fails(report.findings) or report.model is None:
        return result
    documents = []
    text = report.document.source if report.document else ""
    if report.document is not None and not text:  # a workbook: it travels as a data file
        from jmctl.exporting import yaml_text

        text = yaml_text(report.document.data, Path(source).name)
    try:
        for kind, chosen in _documents_to_write(report.model, kinds, options):
            session = session_of(report.model, kind, chosen)
            html = render_kinds()[kind].writes == "html"  # a web page: --format does not apply
            suffix = "html" if html else options.output_format
            name = default_name(report.model, kind, suffix, session)
            target = output if output is not None else (out_dir or Path()) / name
            if html:
                require_available(report.model, kind)
                page_bytes = page_function(render_kinds()[kind].layout)
                documents.append(
                    (target, page_bytes(report.model, Phrases(options.phrases), target))
                )
                continue
            # The data travels inside the document, so that importing it later is lossless.
            carried = (
                {
                    SOURCE_PROPERTY: text,
                    KIND_PROPERTY: kind,
                    OPTIONS_PROPERTY: options_property(chosen),
                }
                if options.embed_data
                else None
            )
            page = outline(report.model, kind, chosen)
            documents.append((target, write_docx(page, options.template, carried)))
    except JmctlError as error:  # the validation's findings stay with it
        record(result, error)
        return result
    result.pending = documents
    return result


def _documents_to_write(
    model: JointMeeting, kinds: Sequence[str] | None, options: RenderOptions
) -> list[tuple[str, RenderOptions]]:
    """Return each document to write with the options it is written with: `render all`
    without `--session` writes a session's documents for every session held (each file
    is named by its session), a kind asked for by name only the one `--session` names."""
    documents: list[tuple[str, RenderOptions]] = []
    for kind in available_kinds(model) if kinds is None else kinds:
        if kinds is None and options.session is None and render_kinds()[kind].per_session:
            documents.extend(
                (kind, replace(options, session=session_label(session)))
                for session in model.sessions
            )
        else:
            documents.append((kind, options))
    return documents


def finish(prepared: Sequence[RenderResult], options: RenderOptions) -> None:
    """Write prepared documents (converted to PDF in one LibreOffice run when asked).
    Never raises: a document that cannot be written says so in its own result."""
    pairs = [(result, document) for result in prepared for document in result.pending]
    for result in prepared:
        result.pending = []  # the bytes are written or dropped here, never sent back
    if not pairs:
        return
    documents = [document for _, document in pairs]
    # Web pages are written as they are: no LibreOffice, no fonts substituted for them.
    if options.output_format == "pdf" and not all(is_page(data) for _, data in documents):
        try:
            documents = _to_pdf(documents)
            _note_substitutions(prepared)
        except Exception as error:  # LibreOffice failing fails the documents it was given
            for result in {id(result): result for result, _ in pairs}.values():
                record(result, error)
            return
    for (result, _), (target, data) in zip(pairs, documents, strict=True):
        try:  # one document that cannot be written stops no other
            refuse_other_edition(target, data)
            atomic_write(target, data, inputs=[result.source, *options.inputs()])
        except Exception as error:  # sorted by type in `record`: the input's, or a bug
            record(result, error)
            continue
        result.outputs.append(target)


def _note_substitutions(prepared: Sequence[RenderResult]) -> None:
    """Say on each result which fonts LibreOffice substituted in its PDFs."""
    substitutions = [item for item in font_plan(list(vars(FONTS).values())) if item.family]
    for result in prepared:
        result.substitutions = substitutions
        result.notes[:0] = [item.note() for item in substitutions]


def _to_pdf(documents: Sequence[Document]) -> list[Document]:
    """Return `documents` with each DOCX converted to PDF; a web page stays as it is."""
    pages = {index for index, (_, data) in enumerate(documents) if is_page(data)}
    with tempfile.TemporaryDirectory(prefix="jmctl-render-") as scratch:
        folder = Path(scratch)
        sources = []
        for index, (_, data) in enumerate(documents):
            if index in pages:
                continue
            path = folder / f"document-{index}.docx"
            path.write_bytes(data)
            sources.append(path)
        pdfs = iter(convert(sources, folder) if sources else [])
        return [
            document if index in pages else (document[0], next(pdfs).read_bytes())
            for index, document in enumerate(documents)
        ]


ADJUSTMENT_KINDS = adjustment_kinds()  # each said by the macro adjust_<kind> in phrases.j2


def render_adjustment(
    model: JointMeeting,
    changes: Sequence[Change],
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
        for change in draft_order(changes)
        if change.kind in ADJUSTMENT_KINDS
    ]
    if not items:
        raise RenderError("两个版本的成员没有变动，无需调整通知 (no roster changes to draft)")
    composer = Composer(model, Phrases(options.phrases))
    data = write_docx(composer.adjustment(items), options.template)
    documents = [(output, data)]
    if options.output_format == "pdf":
        documents = _to_pdf(documents)
    atomic_write(output, documents[0][1], inputs=[*inputs, *options.inputs()])
    return output
