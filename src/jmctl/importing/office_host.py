"""The office's host as the member it is: a notice often names the host shorter than its
member list does ("办公室设在州消防支队" for the member 州公安消防支队). The host is then the
member whose name holds the host's characters in order, with the same prefix and the same
ending — when exactly one does (abbreviations.yaml's short forms are matched before).
"""

from __future__ import annotations

from jmctl.importing.units import canonical, prefix_of

_ENDING = 2  # 支队, 改局: the characters a short form keeps at the end


def host_as_member(host: str, members: list[str]) -> str:
    """Return the member `host` is a short form of, or `host` itself."""
    key = canonical(host)
    keys = [canonical(member) for member in members]
    if len(key) < 4 or key in keys:
        return host
    found = [
        member
        for member, name in zip(members, keys, strict=True)
        if len(name) > len(key) and _short_form(key, name)
    ]
    return found[0] if len(found) == 1 else host


def _short_form(short: str, full: str) -> bool:
    """Whether `short` keeps `full`'s prefix (县 is not 县委) and ending, and the rest in
    order (one pass over `full`)."""
    if prefix_of(short) != prefix_of(full) or short[0] != full[0]:
        return False
    if short[-_ENDING:] != full[-_ENDING:]:
        return False
    remaining = iter(full)
    return all(char in remaining for char in short)
