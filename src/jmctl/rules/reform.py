"""Units that a national reform renamed, still used after the rename."""

from __future__ import annotations

from collections.abc import Iterator

from jmctl.findings import Finding
from jmctl.rules.context import Context


def check(context: Context) -> Iterator[Finding]:
    notice = context.model.notice
    if notice is None or notice.date is None:
        return  # without a date there is no "after the rename"
    level = context.model.jurisdiction.level
    renames = [rename for rename in context.renames if rename.due(notice.date, level)]
    for unit in context.model.units:
        outdated = (
            (name, path, rename)
            for name, path in unit.named_at()
            for rename in renames
            if rename.outdated_stem(name)
        )
        # One warning a unit: its short names usually carry the same old stem.
        for name, path, rename in outdated:
            yield context.at(
                "JM501",
                path,
                unit=name,
                new="”或“".join(rename.successors(name)),
                year=rename.year,
                date=notice.date.isoformat(),
            )
            break
