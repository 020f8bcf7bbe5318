"""A roster the copy cuts inside its last post ("孙吉亚 市残", and the page ends there).

The person is complete and so is the row: what is printed of the post is the start of
their unit's name, so the row still stands for a member unit (the corpus counts it). The
unit is kept as printed, cut, and JM647 asks for the rest of its name.
"""

from __future__ import annotations

from jmctl.importing.duties import unit_like
from jmctl.importing.people import starts_like_post
from jmctl.importing.result import Reading
from jmctl.importing.roster import post_complete

_MAX_CUT = 8  # a longer post is a post, however it ends, not a unit's first characters


def mark_cut_post(reading: Reading) -> None:
    """Mark the roster's last entry cut when the document ends inside its post."""
    if not reading.people:
        return
    last = reading.people[-1]
    post = last.post
    if last.name is None or last.line != reading.last_line or not 2 <= len(post) <= _MAX_CUT:
        return
    if post_complete(post) or unit_like(post) or not starts_like_post(post):
        return
    last.cut = True
    reading.notes.append((last.line, "JM647", {"text": post}))
