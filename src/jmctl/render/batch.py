"""Render many data files on every core: processes, not threads (python-docx and
LibreOffice are CPU-bound), each worker with its own LibreOffice profile."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from jmctl.parallel import default_jobs
from jmctl.render.api import RenderOptions, RenderResult, describe_error, finish, prepare

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
    """Render every source into out_dir/<source name>/, yielding results as chunks finish.

    One bad file never stops the others: its result carries its findings or error.
    """
    chunks = [list(sources[i : i + chunk]) for i in range(0, len(sources), chunk)]
    workers = max(1, min(jobs or default_jobs(), len(chunks)))
    if workers == 1:
        for chunk in chunks:
            results = _render_chunk(chunk, kinds, options, out_dir)
            if on_done:
                on_done(len(chunk))
            yield from results
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {
            pool.submit(_render_chunk, chunk, kinds, options, out_dir): chunk for chunk in chunks
        }
        for future in as_completed(futures):
            if on_done:
                on_done(len(futures[future]))
            yield from future.result()


def _render_chunk(
    sources: list[Path], kinds: Sequence[str] | None, options: RenderOptions, out_dir: Path
) -> list[RenderResult]:
    prepared = []
    failed = []
    for source in sources:
        try:
            prepared.append(prepare(source, kinds, options, out_dir=out_dir / source.stem))
        except Exception as error:  # one file's trouble stays with that file
            failed.append(RenderResult(source, [], error=describe_error(error)))
    try:
        finish(prepared, options)
    except Exception as error:  # e.g. LibreOffice failing for the whole chunk
        for result, _ in prepared:
            result.error = result.error or describe_error(error)
    return [result for result, _ in prepared] + failed
