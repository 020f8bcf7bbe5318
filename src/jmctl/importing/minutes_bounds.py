"""Say at import when a 纪要 holds more than the session bounds allow.

The bounds (`data/session_bounds.yaml`) are checked by `validate` (JM012); a 纪要 with
more decisions, attendees, 列席 or agenda items than that would import cleanly and only
fail later, far from the text that caused it. The import keeps every item (nothing the
office wrote is dropped) and says, at the line of the first item beyond the bound, that
the session must be split or shortened (JM645).
"""

from __future__ import annotations

from typing import Any

from jmctl.importing.result import Reading
from jmctl.session_bounds import list_bound, list_name

BOUNDED_LISTS = ("agenda", "attendees", "invited", "decisions")  # the lists a 纪要 fills


def note_over_bounds(session: dict[str, Any], index: int, reading: Reading) -> None:
    """Note JM645 for every list of `session` (the `index`th) longer than its bound."""
    for key in BOUNDED_LISTS:
        items = session.get(key)
        if not isinstance(items, list):
            continue
        limit = list_bound((key,))
        if len(items) <= limit:
            continue
        path = ("sessions", index, key)
        line = _line_of(reading, (*path, limit)) or _line_of(reading, path) or 1
        args = {"what": list_name((key,)), "count": len(items), "limit": limit}
        reading.notes.append((line, "JM645", args))


def _line_of(reading: Reading, path: tuple[str | int, ...]) -> int | None:
    """The line the item at `path` was read from (an attendee is noted at its person)."""
    for key in ("", "person", "unit"):
        line = reading.origins.get((*path, key) if key else path)
        if line is not None:
            return line
    return None
