"""Fix one data file (YAML in place, or a workbook) and say what changed where."""

from __future__ import annotations

import codecs
import copy
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jmctl.domain import Rename
from jmctl.findings import Finding, Mark
from jmctl.fixing.inplace import InPlaceError, apply
from jmctl.fixing.plan import Edit, plan, unit_renames
from jmctl.loading import Document, load_file
from jmctl.model import build
from jmctl.outputs import OutputError, atomic_write
from jmctl.schema import check_schema


@dataclass
class FixResult:
    path: Path
    edits: list[tuple[Edit, Mark]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    before: str = ""  # the text before and after, for --diff
    after: str = ""
    error: str | None = None
    written: bool = False


def fix_file(
    path: Path,
    renames: Sequence[Rename],
    local: Sequence[tuple[str, str]] = (),
    *,
    write: bool = True,
) -> FixResult:
    """Find the safe fixes of `path` and, when `write`, make them; never raises for its data.

    A file whose shape is wrong (schema findings) is not touched: fixes need to
    know which value is a unit and which a name.
    """
    result = FixResult(path)
    loaded = load_file(path)
    result.findings = list(loaded.findings)
    document = loaded.document
    if document is None:
        return result
    shape = check_schema(document)
    if shape:
        result.findings += shape
        return result
    mapping = unit_renames(build(document.data), renames, local)
    edits = plan(document.data, mapping)
    if not edits:
        return result
    try:
        payload, edits = _fixed(path, document, edits, result)
        result.edits = [(edit, document.locate(edit.path)) for edit in edits]
        if write:
            atomic_write(path, payload)
            result.written = True
    except (InPlaceError, OutputError) as error:
        result.error = str(error)
    return result


def _fixed(
    path: Path, document: Document, edits: list[Edit], result: FixResult
) -> tuple[bytes, list[Edit]]:
    """Return the fixed file's bytes and the edits made; fill in the texts before and after."""
    if document.source:  # YAML: edited in its own text
        result.before = document.source
        result.after, made = apply(document.source, document.data, edits)
        return _encoded(path, result.after), made
    from jmctl.exporting import yaml_text
    from jmctl.workbook.editing import edited_workbook
    from jmctl.workbook.writing import workbook_bytes

    data = copy.deepcopy(document.data)
    for edit in edits:
        _set(data, edit.path, edit.new)
    result.before = yaml_text(document.data, path.name)
    result.after = yaml_text(data, path.name)
    # In its own cells first, keeping what the office added; anew when that cannot be.
    cells = [(document.locate(edit.path), edit.old, edit.new) for edit in edits]
    in_place = edited_workbook(path.read_bytes(), cells, data)
    return (in_place if in_place is not None else workbook_bytes(data)), edits


def _encoded(path: Path, text: str) -> bytes:
    """Encode as the file was: UTF-8 (keeping a BOM), or GB18030 when it was not UTF-8."""
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return text.encode("gb18030")
    return text.encode("utf-8")


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    node = data  # the loaded YAML: mappings and lists, as the path steps through them
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def unified_diff(result: FixResult) -> str:
    """Return the change as a unified diff, as `ruff --diff` and `black --diff` show it."""
    lines = difflib.unified_diff(
        result.before.splitlines(keepends=True),
        result.after.splitlines(keepends=True),
        fromfile=f"{result.path}（原）",
        tofile=f"{result.path}（修正后）",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
