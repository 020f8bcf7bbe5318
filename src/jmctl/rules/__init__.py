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
from jmctl.rules import dates, membership, references, reform, text
from jmctl.rules.context import Context

Rule = Callable[[Context], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    references.check,
    membership.check,
    dates.check,
    text.check,
    reform.check,
)


def check_rules(
    document: Document, model: JointMeeting, renames: Iterable[Rename]
) -> list[Finding]:
    """Return the findings of every domain rule on one document."""
    context = Context(document, model, tuple(renames))
    return [finding for rule in RULES for finding in rule(context)]
