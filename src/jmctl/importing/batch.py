"""Import many documents: every output name distinct, every file on its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from operator import itemgetter
from pathlib import Path

from jmctl.findings import FILE_START, Finding
from jmctl.importing.api import Written, import_into
from jmctl.names import distinct_targets, safe_file_name
from jmctl.safety import each_file, per_file


def targets(
    sources: Sequence[Path], output: Path | None = None, out_dir: Path | None = None
) -> dict[Path, tuple[Path, list[Finding]]]:
    """Return where each source's data file goes (`output`, or OUT_DIR or its own folder
    as <stem>.yaml), and a warning for each one renamed because another source's
    output had its name (a.txt and a.docx, or x/a.txt and y/a.txt into one folder)."""
    wanted = {
        source: output
        if output is not None
        else (out_dir or source.parent) / safe_file_name(source.stem, ".yaml")
        for source in sources
    }
    moved = distinct_targets(wanted)
    planned = {}
    for source, target in wanted.items():
        notes = []
        if source in moved:
            other = next(s for s in wanted if s != source and wanted[s] == target)
            args = {"other": str(other), "target": str(moved[source])}
            notes.append(Finding(str(source), FILE_START, "JM901", args))
        planned[source] = (moved.get(source, target), notes)
    return planned


def import_many(
    sources: Sequence[Path],
    output: Path | None = None,
    out_dir: Path | None = None,
    to_simplified: bool | None = None,
    jobs: int | None = None,
) -> Iterator[Written]:
    """Import every source to its target, on every core, yielding results in order."""
    planned = targets(sources, output, out_dir)
    work = partial(_import_planned, to_simplified=to_simplified)
    jobs_list = [(source, *planned[source]) for source in sources]
    yield from each_file(work, jobs_list, Written, jobs, path_of=itemgetter(0))


def _import_planned(job: tuple[Path, Path, list[Finding]], to_simplified: bool | None) -> Written:
    source, target, notes = job
    written = import_to(source, target, to_simplified)
    written.findings[:0] = notes
    return written


@per_file(Written)
def import_to(source: Path, target: Path, to_simplified: bool | None = None) -> Written:
    """Import `source` into the data file `target`; a bug is this file's JM000 finding."""
    return import_into(source, target.parent, to_simplified, name=target.name)
