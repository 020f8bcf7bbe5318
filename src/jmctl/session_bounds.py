"""Bounds of `sessions`: how many sessions, attendees, agenda items and decisions a data
file may hold and how long their texts may be (`data/session_bounds.yaml`).

Checked on the plain data before the schema's model is built, so 100,000 attendees (as
many name-card pages) or a decision of a megabyte is a located finding, never a render
that runs for hours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jmctl.catalogue import Text
from jmctl.domain import read_data
from jmctl.findings import Finding
from jmctl.loading import Document, TreePath


@dataclass(frozen=True)
class Bound:
    steps: tuple[str, ...]  # the path below one session; "[]" stands for every list item
    limit: int
    what: Text


@cache
def _bounds() -> tuple[tuple[Bound, ...], tuple[Bound, ...]]:
    raw = read_data("session_bounds.yaml")
    assert isinstance(raw, dict)

    def bound(entry: dict[str, Any]) -> Bound:
        steps = tuple(entry["in"].replace("[]", ".[]").split(".")) if entry["in"] else ()
        return Bound(steps, entry["limit"], Text(entry["zh"], entry["en"]))

    return tuple(map(bound, raw["lists"])), tuple(map(bound, raw["texts"]))


def list_bound(steps: tuple[str, ...] = ()) -> int:
    """Return the bound of the list at `steps` below a session (() for `sessions`)."""
    return next(bound.limit for bound in _bounds()[0] if bound.steps == steps)


def list_name(steps: tuple[str, ...]) -> Text:
    """Return what the list at `steps` below a session is called (zh and en)."""
    return next(bound.what for bound in _bounds()[0] if bound.steps == steps)


def text_bound(steps: tuple[str, ...]) -> int:
    """Return the bound of the text at `steps` below a session ("[]" for a list item)."""
    return next(bound.limit for bound in _bounds()[1] if bound.steps == steps)


def bound_findings(document: Document) -> list[Finding]:
    """Return a finding for every list or text of `sessions` beyond its bound."""
    data = document.data
    sessions = data.get("sessions") if isinstance(data, dict) else None
    if not isinstance(sessions, list):
        return []
    found = list(_over_list(document, ("sessions",), sessions, _bounds()[0][0]))
    for index, session in enumerate(sessions[: _bounds()[0][0].limit]):
        found.extend(_session_findings(document, ("sessions", index), session))
    return found


def _session_findings(document: Document, path: TreePath, session: object) -> Iterator[Finding]:
    lists, texts = _bounds()
    for bound in lists[1:]:
        for where, value in _values(session, path, bound.steps):
            if isinstance(value, list):
                yield from _over_list(document, where, value, bound)
    for bound in texts:
        for where, value in _values(session, path, bound.steps):
            if isinstance(value, str) and len(value) > bound.limit:
                yield _finding(document, "JM013", where, bound, len(value))


def _over_list(
    document: Document, path: TreePath, items: list[Any], bound: Bound
) -> Iterator[Finding]:
    if len(items) > bound.limit:
        yield _finding(document, "JM012", path, bound, len(items))


def _values(
    value: object, path: TreePath, steps: tuple[str, ...]
) -> Iterator[tuple[TreePath, object]]:
    """Yield the values at `steps` below `value`; a list the bound would refuse anyway
    is walked only up to its bound, so the walk stays linear in what is accepted."""
    if not steps:
        yield path, value
        return
    step, rest = steps[0], steps[1:]
    if step == "[]":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _values(item, (*path, index), rest)
    elif isinstance(value, dict) and step in value:
        yield from _values(value[step], (*path, step), rest)


def _finding(document: Document, code: str, path: TreePath, bound: Bound, count: int) -> Finding:
    mark = document.locate(path)
    return Finding(
        document.path, mark, code, {"what": bound.what, "count": count, "limit": bound.limit}
    )
