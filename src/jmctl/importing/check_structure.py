"""The structural pass of `jmctl check`: the domain rules on the imported data, each
finding moved back to the line its value came from.

Only the domain rules' findings are the document's own, and not all of them: what holds
one part of a notice against a part the document does not have, what today's date
makes of it, and (for a DOCX jmctl rendered) what the data it carries does not have
are not its defects.
"""

from __future__ import annotations

from typing import Any

from jmctl.domain import builtin_renames
from jmctl.findings import Finding, Mark
from jmctl.importing.carried import Carried, carried_data
from jmctl.importing.parse import Imported
from jmctl.importing.sources import Source
from jmctl.loading import Document, TreePath
from jmctl.validation import check_document

# Schema findings (JM1xx) on imported data speak of what the import missed, not of the
# document: only the domain rules' findings are the document's own.
_STRUCTURAL = ("JM2", "JM3", "JM5")


def structural_pass(source: Source, imported: Imported) -> list[Finding]:
    """Run the domain rules on the imported data, located at the document's own lines."""
    # Marks here are line starts, not where each value's text starts.
    document = Document(source.path, imported.data, marks_are_text_starts=False)
    for path, number in imported.origins.items():
        document.marks[path] = Mark(max(number, 1), 1)
    for path, mark in _unit_marks(imported).items():
        document.marks.setdefault(path, mark)
    report = check_document(document, builtin_renames())
    beside = _beside_the_point(imported)
    found = [
        finding
        for finding in report.findings
        if finding.code.startswith(_STRUCTURAL) and finding.code not in beside
    ]
    carried = carried_data(source) if source.kind == "docx" else Carried()
    return found if carried.data is None else _confirmed(found, source.path, carried.data)


def _unit_marks(imported: Imported) -> dict[TreePath, Mark]:
    """Each declared unit at the first line that names it (a members sentence, a duty's
    heading): the import declares units without a line of their own, and a finding on a
    unit (JM501) belongs where the document prints it, not at its line 1."""
    first: dict[str, int] = {}
    for path, number in imported.origins.items():
        value = _value_at(imported.data, path)
        if isinstance(value, str) and number > 0:
            first[value] = min(number, first.get(value, number))
    marks: dict[TreePath, Mark] = {}
    for index, unit in enumerate(imported.data.get("units") or []):
        names = [unit.get("name"), *(unit.get("short") or [])]
        lines = [first[name] for name in names if name in first]
        if lines:
            marks[("units", index)] = Mark(min(lines), 1)
    return marks


def _value_at(data: object, path: TreePath) -> object:
    for key in path:
        if isinstance(data, dict) and isinstance(key, str):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return None
    return data


def _confirmed(found: list[Finding], path: str, data: dict[str, Any]) -> list[Finding]:
    """The findings that the data a jmctl-rendered DOCX carries (and prints, checked by
    its checksum) has too: any other is a misreading of its text, not its defect."""
    carried = check_document(Document(path, data), builtin_renames()).findings
    own = {(finding.code, str(finding.args)) for finding in carried}
    return [finding for finding in found if (finding.code, str(finding.args)) in own]


def _beside_the_point(imported: Imported) -> set[str]:
    """Codes that hold one part of a notice against another the document does not have:
    a 成员名单 has no duties to miss, a 职责分工 no members list or office to disagree."""
    data = imported.data
    # A decision overdue today (JM314) says what happened since, not what the document
    # got wrong: a 纪要 of 2023 was right in 2023, and prints no status to hold it against.
    codes = {"JM314"}
    if not data.get("duties"):
        codes.add("JM206")  # member unit without duties
    if imported.standalone == "duties" or not data.get("members"):
        codes |= {"JM207", "JM208"}  # duties or office of a unit the document never lists
    roster = data.get("roster") or {}
    if not any(entry.get("name") for entries in roster.values() for entry in entries):
        codes.add("JM209")  # office director not in a roster the document does not print
    if not roster:  # a 纪要's chair and attendees: no roster in it to hold them against
        codes |= {"JM230", "JM231", "JM232", "JM234"}
    return codes
