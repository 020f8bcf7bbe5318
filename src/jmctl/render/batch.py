"""Render many data files on every core: processes, not threads (python-docx and
LibreOffice are CPU-bound), each worker with its own LibreOffice profile."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jmctl.findings import FILE_START, Finding
from jmctl.names import distinct_targets
from jmctl.parallel import default_jobs
from jmctl.render.api import RenderOptions, RenderResult, finish, prepare

CHUNK = 10  # files per task: one LibreOffice start is shared by a chunk's PDFs


def render_many(
    sources: Sequence[Path],
    kinds: Sequence[str] | None,
    options: RenderOptions,
    out_dir: Path,
    *,
    jobs: int | None = None,
    chunk: int = CHUNK,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[RenderResult]:
    """Render every source into its own folder of out_dir, yielding results in order.

    The folders mirror the sources' folders (x/a.yaml → OUT/x/a/); two sources that would
    still share one (a.yaml and a.yml) each get their suffix added, and a warning. One
    bad file never stops the others: its result carries its findings or error.
    """
    jobs_list = [
        (source, folder, notes) for source, (folder, notes) in plan(sources, out_dir).items()
    ]
    chunks = [jobs_list[i : i + chunk] for i in range(0, len(jobs_list), chunk)]
    workers = max(1, min(jobs or default_jobs(), len(chunks)))
    if workers == 1:
        for part in chunks:
            results = _render_chunk(part, kinds, options)
            if on_done:
                on_done(len(part))
            yield from results
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [(pool.submit(_render_chunk, part, kinds, options), part) for part in chunks]
        for future, part in futures:  # in order: reports read like the folder
            results = future.result()
            if on_done:
                on_done(len(part))
            yield from results


Job = tuple[Path, Path, list[Finding]]  # a source, its output folder, notes about that folder


def plan(sources: Sequence[Path], out_dir: Path) -> dict[Path, tuple[Path, list[Finding]]]:
    """Return each source's output folder, and a warning when it had to be renamed."""
    root = (
        Path(os.path.commonpath([source.parent.resolve() for source in sources]))
        if sources
        else Path()
    )
    wanted = {
        source: out_dir / source.parent.resolve().relative_to(root) / source.stem
        for source in sources
    }
    moved = distinct_targets(wanted)
    planned = {}
    for source, folder in wanted.items():
        notes = []
        if source in moved:
            other = next(s for s in wanted if s != source and wanted[s] == folder)
            notes.append(
                Finding(
                    str(source),
                    FILE_START,
                    "JM901",
                    {"other": str(other), "target": str(moved[source])},
                )
            )
        planned[source] = (moved.get(source, folder), notes)
    return planned


def _render_chunk(
    jobs: list[Job], kinds: Sequence[str] | None, options: RenderOptions
) -> list[RenderResult]:
    prepared = []
    for source, folder, notes in jobs:
        result = prepare(source, kinds, options, out_dir=folder)
        result.findings[:0] = notes
        prepared.append(result)
    finish(prepared, options)  # never raises: each document's trouble is its own
    return prepared
