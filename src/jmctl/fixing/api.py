"""Fix one data file (YAML in place, or a workbook) and say what changed where."""

from __future__ import annotations

import codecs
import copy
import difflib
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jmctl.catalogue import Text
from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.findings import Finding, Mark
from jmctl.fixing.inplace import InPlaceError, apply
from jmctl.fixing.plan import Edit, plan, unit_renames
from jmctl.loading import Document, load_file
from jmctl.model import build
from jmctl.outputs import OutputError, atomic_write
from jmctl.reporters import TextLayout
from jmctl.results import FileResult, Tally
from jmctl.safety import each_file, per_file
from jmctl.schema import check_schema
from jmctl.validation import data_files


@dataclass
class FixResult(FileResult):
    """One file's fixes: the edits and where, and the text before and after (for --diff);
    `outputs` holds the file when it was written."""

    edits: list[tuple[Edit, Mark]] = field(default_factory=list, kw_only=True)
    before: str = field(default="", kw_only=True)
    after: str = field(default="", kw_only=True)

    @property
    def written(self) -> bool:
        return bool(self.outputs)

    def refused(self) -> bool:
        """Whether the file cannot be fixed: an error, or error findings (warnings are
        what fix is for)."""
        return super().failed(strict=False)

    def failed(self, strict: bool = False) -> bool:
        """A file fails when it cannot be fixed, or when it needs fixes that were not
        made (--check, --diff)."""
        return self.refused() or (bool(self.edits) and not self.outputs)

    def details(self) -> dict[str, object]:
        """The edits, for the JSON report: where, which codes, the value before and after."""
        edits = [
            {"where": mark.where(), "codes": list(edit.codes), "old": edit.old, "new": edit.new}
            for edit, mark in self.edits
        ]
        return {"edits": edits if not self.refused() else []}

    def edit_lines(self) -> list[str]:
        """Return one line per edit, `path:where: codes old → new`; none when refused."""
        if self.refused():
            return []
        # In a workbook the unit and its place among the members share one cell.
        return list(
            dict.fromkeys(
                f"{self.source}:{mark.where()}: {'、'.join(edit.codes)} {edit.old} → {edit.new}"
                for edit, mark in self.edits
            )
        )


def fix_paths(
    paths: Sequence[Path],
    renames_file: Path | None = None,
    local: Sequence[tuple[str, str]] = (),
    *,
    write: bool = True,
    jobs: int | None = None,
) -> Iterator[FixResult]:
    """Fix every data file under `paths`, in order. Raises InputError, before any file is
    touched, for a path that is not there; a user's rename table with defects comes
    first, as the result of that file."""
    files = sorted(set(data_files(paths)), key=str)
    renames = list(builtin_renames())
    problems: list[Finding] = []
    if renames_file is not None:
        extra, problems = load_renames(renames_file)
        renames += extra
    work = partial(fix_file, renames=tuple(renames), local=tuple(local), write=write)
    head = [FixResult(renames_file, problems)] if renames_file and problems else []
    return itertools.chain(head, each_file(work, files, FixResult, jobs))


@per_file(FixResult)
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
            result.outputs.append(path)
    except (InPlaceError, OutputError) as error:
        result.error = error.text
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


def text_layout(write: bool, show_diff: bool) -> TextLayout:
    """fix's text: each edit made (and the unified diff) on standard output, then the count."""

    changed = 0  # edits said so far, counted as they are said

    def details(result: FileResult) -> list[str]:
        nonlocal changed
        lines = result.edit_lines() if isinstance(result, FixResult) else []
        changed += len(lines)
        if show_diff and lines and isinstance(result, FixResult):
            lines.append(unified_diff(result).removesuffix("\n"))
        return lines

    def summary(tally: Tally) -> Text:
        if write:
            return Text(f"已修正 {changed} 处", f"{changed} fix(es) made")
        return Text(f"可修正 {changed} 处", f"{changed} fix(es) to make")

    return TextLayout(details=details, summary=summary)
