"""Outputs of different editions side by side: names that differ, and no silent overwrite.

Two years rendered into one folder must both stay. A file name carries the
edition (the 文号 of the notice, the year of the others); and a DOCX that
jmctl wrote for another edition (it carries its data file) is never replaced
by one of this edition without being asked to, by naming the output with -o.
"""

from __future__ import annotations

from pathlib import Path

from jmctl.loading import load_text
from jmctl.outputs import OutputError
from jmctl.render.package import custom_properties

SOURCE_PROPERTY = "jmctl-source"  # the data file a rendered DOCX carries (render.api)
MAX_READ = 64 * 1024 * 1024  # an existing DOCX larger than this is not one jmctl wrote


def edition_of(docx: bytes) -> str | None:
    """Return the edition (文号 and date) of the data a jmctl DOCX carries, else None."""
    text = custom_properties(docx).get(SOURCE_PROPERTY)
    if not text:
        return None
    document = load_text(text).document  # bounded: the file may be anyone's
    data = document.data if document is not None else None
    notice = data.get("notice") if isinstance(data, dict) else None
    if not isinstance(notice, dict):
        return None
    return f"{notice.get('doc_number') or ''} {notice.get('date') or ''}".strip() or None


def refuse_other_edition(target: Path, data: bytes) -> None:
    """Raise OutputError when `target` is a DOCX of another edition than `data`'s."""
    if not target.is_file() or target.stat().st_size > MAX_READ:
        return
    ours = edition_of(data)
    theirs = edition_of(target.read_bytes())
    if ours is not None and theirs is not None and ours != theirs:
        raise OutputError(
            f"{target}：这是另一版本（{theirs}）的文件，不会覆盖；请另取文件名，或先移走它 "
            f"(holds another edition, {theirs}: not replaced; choose another name or move it)"
        )
