"""The domain rules: what a joint-meeting file must satisfy beyond its shape.

Each family lives in its own module and exposes `check(context)`, which yields
findings and never raises for bad data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from jmctl.domain import Rename
from jmctl.findings import Finding
from jmctl.loading import Document
from jmctl.model import JointMeeting
from jmctl.rules import (
    dates,
    edition,
    membership,
    publication,
    references,
    reform,
    session_dates,
    session_papers,
    sessions,
    text,
)
from jmctl.rules.context import Context

Rule = Callable[[Context], Iterable[Finding]]

# The rules about structure: what must hold for a model to be compared at all.
STRUCTURE_RULES: tuple[Rule, ...] = (references.check, membership.check, dates.check)
# The rules about the sessions held (optional data: nothing else depends on them).
SESSION_RULES: tuple[Rule, ...] = (sessions.check, session_dates.check, session_papers.check)
RULES: tuple[Rule, ...] = (
    *STRUCTURE_RULES,
    *SESSION_RULES,
    text.check,
    reform.check,
    edition.check,
    publication.check,
)


def check_rules(
    document: Document,
    model: JointMeeting,
    renames: Iterable[Rename],
    rules: Iterable[Rule] | None = None,
) -> list[Finding]:
    """Return the findings of the domain rules (default: every one) on one document."""
    context = Context(document, model, tuple(renames))
    return [finding for rule in (RULES if rules is None else rules) for finding in rule(context)]
