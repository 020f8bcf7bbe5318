"""`jmctl export`: a data file as a workbook, a workbook back as YAML, or a blank form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jmctl.errors import JmctlError
from jmctl.loading import load_file
from jmctl.outputs import atomic_write
from jmctl.results import FileResult
from jmctl.safety import per_file
from jmctl.schema import check_schema

WORKBOOK_SUFFIXES = (".xlsx",)
YAML_SUFFIXES = (".yaml", ".yml")


class ExportError(JmctlError):
    """An export that cannot be done as asked (an output of an unknown kind)."""


class ExportResult(FileResult):
    """One export: the data file's findings, and the file written (`outputs`)."""

    @property
    def written(self) -> Path | None:
        return self.outputs[0] if self.outputs else None


def empty_workbook() -> bytes:
    """Return the blank workbook: every sheet, every field listed, and the 说明 sheet."""
    from jmctl.workbook.writing import workbook_bytes

    return workbook_bytes(None)


def starter_workbook(yaml_text: str) -> bytes:
    """Return a starting data file (jmctl init) as a workbook, every other field listed
    empty below the ones it fills, and the 说明 sheet."""
    from jmctl.loading import load_text
    from jmctl.workbook.writing import workbook_bytes

    document = load_text(yaml_text).document
    assert document is not None, "the starting file is jmctl's own and reads"
    return workbook_bytes(document.data, every_field=True)


@per_file(ExportResult)
def export_file(source: Path, output: Path) -> ExportResult:
    """Write the data of `source` (YAML or workbook) to `output` (.xlsx or .yaml).

    The data must have the contract's shape (schema findings stop the export, so
    that nothing is dropped on the way); rule findings do not, since the
    workbook is where they will be corrected.
    """
    kind = _kind(output)
    loaded = load_file(source)
    result = ExportResult(source, list(loaded.findings))
    if loaded.document is None:
        return result
    shape_findings = check_schema(loaded.document)
    if shape_findings:
        result.findings += shape_findings
        return result
    data = loaded.document.data
    if kind == "xlsx":
        from jmctl.workbook.writing import workbook_bytes

        payload = workbook_bytes(data)
    else:
        payload = yaml_text(data, source.name).encode("utf-8")
    atomic_write(output, payload, inputs=[source])
    result.outputs.append(output)
    return result


@per_file(ExportResult)
def write_empty(output: Path) -> ExportResult:
    """Write the blank workbook to `output` (the result's source: there is no data file)."""
    _kind(output, allowed=WORKBOOK_SUFFIXES)
    atomic_write(output, empty_workbook())
    return ExportResult(output, outputs=[output])


def check_output(output: Path, empty: bool = False) -> None:
    """Raise ExportError, before any work, for an output of a kind export cannot write."""
    _kind(output, allowed=WORKBOOK_SUFFIXES if empty else WORKBOOK_SUFFIXES + YAML_SUFFIXES)


def _kind(output: Path, allowed: tuple[str, ...] = WORKBOOK_SUFFIXES + YAML_SUFFIXES) -> str:
    suffix = output.suffix.lower()
    if suffix not in allowed:
        wanted = "、".join(allowed)
        raise ExportError(f"{output}：输出应为 {wanted} 文件 (the output must be {wanted})")
    return "xlsx" if suffix in WORKBOOK_SUFFIXES else "yaml"


def yaml_text(data: dict[str, Any], source_name: str) -> str:
    """Return `data` as a data file, keys in the contract's order, headed by its source."""
    from jmctl.workbook.layout import node_at

    order = list(node_at(()).get("properties", {}))
    ordered = {key: data[key] for key in sorted(data, key=lambda k: _rank(order, k))}
    body = yaml.safe_dump(
        ordered, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False
    )
    return f"# 由 jmctl export 从 {source_name} 导出 (exported by jmctl from {source_name})\n{body}"


def _rank(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)
