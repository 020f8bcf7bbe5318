"""Compare two data files: read and validate both, then match them (jmctl.diff).

The matching takes two models and knows no files; this is the part that does: the
rename table, the structure rules that make a comparison meaningful, and the checks
that need the previous edition.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jmctl.change import Change, Edition
from jmctl.diff import compare
from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.findings import Finding, fails
from jmctl.model import JointMeeting
from jmctl.safety import per_file


@dataclass
class DiffResult:
    """Both files' findings, and the changes when both could be read."""

    old_findings: list[Finding]
    new_findings: list[Finding]
    changes: list[Change] | None
    new_model: JointMeeting | None = None
    old_model: JointMeeting | None = None


def _not_compared(old_path: str | os.PathLike[str], finding: Finding) -> DiffResult:
    return DiffResult([finding], [], None, None)


@per_file(_not_compared)
def diff_files(
    old_path: str | os.PathLike[str],
    new_path: str | os.PathLike[str],
    renames_file: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] = (),
) -> DiffResult:
    """Validate both editions, then compare them; errors in either leave changes None."""
    renames, problems = _renames(renames_file)
    editions = load_editions(old_path, new_path, renames)
    result = DiffResult(problems + editions.old_findings, editions.new_findings, None)
    result.old_model, result.new_model = editions.old_model, editions.new_model
    if editions.before is None or editions.after is None or fails(problems):
        return result
    result.changes = compare(editions.before, editions.after, renames, ignore)
    # What the new edition gets wrong against the old one (a new unit nobody represents,
    # last year's 文号): said beside the changes, never stopping them.
    from jmctl.yearly import previous_edition_findings

    result.new_findings += previous_edition_findings(editions.before, editions.after, renames)
    return result


def _renames(renames_file: str | os.PathLike[str] | None) -> tuple[list[Rename], list[Finding]]:
    """Return the built-in rename table with the user's, and what is wrong with theirs."""
    renames = list(builtin_renames())
    if renames_file is None:
        return renames, []
    extra, problems = load_renames(Path(renames_file))
    return renames + list(extra), problems


@dataclass
class LoadedEditions:
    """Two validated files: their findings, models, and the editions when both are sound."""

    old_findings: list[Finding]
    new_findings: list[Finding]
    old_model: JointMeeting | None
    new_model: JointMeeting | None
    before: Edition | None
    after: Edition | None


def load_editions(
    old_path: str | os.PathLike[str], new_path: str | os.PathLike[str], renames: list[Rename]
) -> LoadedEditions:
    """Read and validate both files; the editions are None when either has an error."""
    from jmctl.rules import STRUCTURE_RULES
    from jmctl.validation import validate_file

    # Only what makes a comparison meaningful blocks it; `validate` reports the rest.
    old = validate_file(old_path, renames, STRUCTURE_RULES)
    new = validate_file(new_path, renames, STRUCTURE_RULES)
    loaded = LoadedEditions(old.findings, new.findings, old.model, new.model, None, None)
    if fails(old.findings) or fails(new.findings):
        return loaded
    assert old.document and old.model and new.document and new.model
    loaded.before = Edition(old.document, old.model)
    loaded.after = Edition(new.document, new.model)
    return loaded
