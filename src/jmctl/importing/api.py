"""Import a document into a data file, as YAML text with a header saying where it came from."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jmctl.findings import FILE_START, Finding, Mark
from jmctl.importing.parse import Imported, import_source
from jmctl.importing.sources import Source, docx_source, read_source


@dataclass
class ImportResult:
    source: Path
    imported: Imported | None
    findings: list[Finding]
    verbatim: str | None = None  # the data file a jmctl DOCX carries, unedited since

    def yaml_text(self) -> str:
        """Return the data file: a header naming the source, then the data."""
        if self.verbatim is not None:
            return self.verbatim
        assert self.imported is not None
        header = [
            f"# 由 jmctl import 从 {self.source.name} 导入；请核对后使用。",
            f"# Imported by jmctl from {self.source.name}; review before use.",
            "# 编辑器提示：jmctl schema > jmctl-v1.schema.json，再在首行写",
            "# # yaml-language-server: $schema=jmctl-v1.schema.json",
        ]
        for change in self.imported.script_changes:
            header.append(
                f"# 第 {change.line} 行繁体转为简体 (converted to simplified): "
                f"{change.before[:30]} → {change.after[:30]}"
            )
        body = yaml.safe_dump(
            self.imported.data,
            allow_unicode=True,
            sort_keys=False,
            width=4096,
            default_flow_style=False,
        )
        return "\n".join(header) + "\n" + body


def import_file(path: str | os.PathLike[str], to_simplified: bool | None = None) -> ImportResult:
    """Read `path` (.txt or .docx) and recognise its parts; never raises for its content."""
    path = Path(path)
    source = read_source(path)
    if not source.lines:
        findings = source.findings or [
            Finding(str(path), FILE_START, "JM008", {"detail": "文件是空的 (the file is empty)"})
        ]
        return ImportResult(path, None, findings)
    carried = _carried_data(path, source) if source.kind == "docx" else None
    if carried is not None:
        return ImportResult(path, Imported(carried[1]), list(source.findings), carried[0])
    imported = import_source(source, to_simplified)
    findings = list(source.findings)
    for number, text in imported.unplaced:
        findings.append(Finding(str(path), Mark(max(number, 1), 1), "JM608", {"text": text[:40]}))
    return ImportResult(path, imported, findings)


@dataclass
class Written:
    """What importing one file into a folder gave: its findings and the file written."""

    source: Path
    findings: list[Finding]
    target: Path | None
    error: str | None = None


def import_into(
    path: Path, out_dir: Path, to_simplified: bool | None = None, name: str | None = None
) -> Written:
    """Import `path` and write OUT_DIR/<name or its stem>.yaml atomically."""
    from jmctl.outputs import OutputError, atomic_write

    result = import_file(path, to_simplified)
    if result.imported is None:
        return Written(path, result.findings, None)
    target = out_dir / (name or f"{path.stem}.yaml")
    try:
        atomic_write(target, result.yaml_text().encode("utf-8"), inputs=[path])
    except OutputError as error:
        return Written(path, result.findings, None, str(error))
    return Written(path, result.findings, target)


def import_one(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    to_simplified: bool | None = None,
) -> Written:
    """Import `source` to `output`, or into `out_dir` (default: beside it) as <stem>.yaml."""
    source = Path(source)
    output = None if output is None else Path(output)
    out_dir = None if out_dir is None else Path(out_dir)
    if output is not None:
        return import_into(source, output.parent, to_simplified, name=output.name)
    return import_into(source, out_dir or source.parent, to_simplified)


def _carried_data(path: Path, source: Source) -> tuple[str, dict[str, Any]] | None:
    """Return the data file a jmctl-rendered DOCX carries (and its data), when the
    document's text is still exactly what that data renders to: the lossless path.
    An edited document, or one from elsewhere, is read from its text instead."""
    from jmctl.domain import builtin_renames
    from jmctl.findings import fails
    from jmctl.loading import load_text
    from jmctl.render.api import KIND_PROPERTY, KINDS, SOURCE_PROPERTY, RenderOptions, outline
    from jmctl.render.docx_writer import write_docx
    from jmctl.render.package import custom_properties
    from jmctl.validation import check_document

    properties = custom_properties(path.read_bytes())
    text, kind = properties.get(SOURCE_PROPERTY), properties.get(KIND_PROPERTY)
    if not text or kind not in KINDS:
        return None
    loaded = load_text(text, str(path))
    if loaded.document is None:
        return None
    report = check_document(loaded.document, builtin_renames())
    if fails(report.findings) or report.model is None:
        return None
    try:
        rendered = write_docx(outline(report.model, kind, RenderOptions()))
    except Exception:  # the carried data no longer renders: read the text instead
        return None
    again = docx_source(str(path), rendered)
    if _texts(again) != _texts(source):
        return None
    return text, loaded.document.data


def _texts(source: Source) -> list[str]:
    return [line.text.strip() for line in source.lines if line.text.strip()]
