"""Whether a chain of printed names fits a division's place in the hierarchy."""

from __future__ import annotations

from jmctl.gazetteer.names import short_forms
from jmctl.gazetteer.table import Division


def names_division(name: str, division: Division) -> bool:
    """Whether `name` is the division's full name or one of its short forms."""
    return name == division.name or name in short_forms(division)


def chain_fits(names: list[str], path: list[Division]) -> bool:
    """Whether the names, in order, each name a division of `path`, never going back up.

    The chain may skip levels (广东省 … 阳西县) and repeat a name (an issuer, a title and a
    signature each name 陕西省), but not go back up (阳江市 广东省 阳西县 does not fit).
    """
    position = 0
    for name in names:
        while position < len(path) and not names_division(name, path[position]):
            position += 1
        if position == len(path):
            return False
    return True
