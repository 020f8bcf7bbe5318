"""An office that only the roster speaks of: a person whose printed post says they also
head the office (郝康理 省统计局局长（兼领导小组办公室主任）), when no sentence of the
document names the office's director; and a host the office sentence shortens (州消防支队
for the member 州公安消防支队).

The host is then not stated anywhere; the office sits in the unit its director heads far
more often than anywhere else, so that unit is taken and the finding JM646 says so.
"""

from __future__ import annotations

import re

from jmctl.importing.result import PersonFound, Reading
from jmctl.importing.units import canonical, split_post
from jmctl.importing.words import body_names

# （兼领导小组办公室主任）, 局长兼联席会议办公室主任, 局长、领导小组办公室主任: the body's own
# office (by its kind's word, or 兼办公室主任), never 兼县政府办公室主任, the government's.
_BODIES = "|".join(sorted(body_names(), key=len, reverse=True))
_HEADS_OFFICE = re.compile(rf"[（(]?(?:兼任?(?:{_BODIES})?|、(?:{_BODIES}))办公室主任[）)]?$")


def office_from_roster(reading: Reading, known: set[str]) -> None:
    """Take the office's director (and, when unstated, its host) from the roster."""
    office = reading.office
    if office.director or office.director_post:
        return  # the document's own sentence on the office says who heads it
    for person in reading.people:
        said = _HEADS_OFFICE.search(person.post.rstrip()) if person.name else None
        if person.name and said:
            office.director = person.name
            reading.note(("office", "director"), person.line)
            if office.host is None:
                _host_of(person, person.post[: said.start()], reading, known)
            return


def _host_of(person: PersonFound, post: str, reading: Reading, known: set[str]) -> None:
    unit, rest = split_post(post, known)
    if not rest:
        return  # no unit to tell: the office, without a host, is not written
    reading.office.host = unit
    reading.note(("office", "host"), person.line)
    reading.notes.append((person.line, "JM646", {"unit": unit, "name": person.name}))


def spelled_as_named(host: str, named: list[str]) -> str:
    """The unit the document names elsewhere that `host` shortens by leaving characters
    out (州消防支队 → 州公安消防支队), when exactly one does; else `host` as printed."""
    if canonical(host) in {canonical(name) for name in named}:
        return host
    fits = {name for name in named if _shortens(host, name)}
    return fits.pop() if len(fits) == 1 else host


def _shortens(short: str, full: str) -> bool:
    """Same first character and same last two, the rest of `short` in `full` in order."""
    if not 3 <= len(short) < len(full) or short[0] != full[0] or short[-2:] != full[-2:]:
        return False
    rest = iter(full[1:-2])
    return all(char in rest for char in short[1:-2])
