"""An office that only the roster speaks of: a person whose printed post says they also
head the office (郝康理 省统计局局长（兼领导小组办公室主任）), when no sentence of the
document names the office's director.

The host is then not stated anywhere; the office sits in the unit its director heads far
more often than anywhere else, so that unit is taken and the finding JM646 says so.
"""

from __future__ import annotations

import re

from jmctl.importing.result import PersonFound, Reading
from jmctl.importing.units import split_post

# （兼领导小组办公室主任）, (兼任联席会议办公室主任): bounded, so a long post costs nothing.
_HEADS_OFFICE = re.compile(r"[（(]兼任?[^（）()]{0,20}?办公室主任[）)]")


def office_from_roster(reading: Reading, known: set[str]) -> None:
    """Take the office's director (and, when unstated, its host) from the roster."""
    office = reading.office
    if office.director or office.director_post:
        return  # the document's own sentence on the office says who heads it
    for person in reading.people:
        said = _HEADS_OFFICE.search(person.post) if person.name else None
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
