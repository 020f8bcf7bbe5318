"""The adjustment year: checks that need last year's edition, and the draft's own facts.

An office makes this year's file from last year's. What can go wrong then is only
seen against the previous edition: a new member unit nobody represents, or that
the stated composition (联席会议由……组成) forgot, and the old 文号 left in place.
`jmctl validate --previous OLD` and `jmctl diff OLD NEW` both run these checks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from jmctl.change import Change, Edition
from jmctl.change_kinds import change_kinds, draft_kinds
from jmctl.diff import compare
from jmctl.domain import Rename
from jmctl.findings import Finding
from jmctl.model import JointMeeting, plain
from jmctl.rules.edition import edition_words


def previous_edition_findings(
    old: Edition, new: Edition, renames: Iterable[Rename]
) -> list[Finding]:
    """Return what the new edition gets wrong against the old one (JM214, JM215, JM305)."""
    changes = compare(old, new, renames, ())
    if not changes:
        return []  # the same edition twice, not a new one
    findings = list(_same_number(old, new))
    added = [c.unit for c in changes if c.kind == "unit_added" and c.unit]
    for unit_name in added:
        findings += _unit_unrepresented(new, unit_name)
        findings += _unit_not_stated(new, unit_name)
    return findings


def _same_number(old: Edition, new: Edition) -> Iterator[Finding]:
    before, after = old.model.notice, new.model.notice
    if before == after:
        return  # the same notice: one edition updated (a session held), not a new edition
    numbers = (before.doc_number, after.doc_number) if before and after else (None, None)
    if numbers[0] and numbers[1] and plain(numbers[0]) == plain(numbers[1]):
        path = ("notice", "doc_number")
        yield _at(new, "JM305", path, value=numbers[1], previous=numbers[0])


def _unit_unrepresented(new: Edition, unit_name: str) -> Iterator[Finding]:
    model = new.model
    if not any(person.role == "members" for person in model.people()):
        return  # a roster of convenors only: members are units, not people
    unit = model.index.resolve(unit_name)
    names = {plain(name) for name in unit.names} if unit else {plain(unit_name)}
    people = [person for person in model.people() if plain(person.unit.text) in names]
    if not people:
        yield _at(new, "JM214", _member_path(model, names), unit=unit_name)


def _unit_not_stated(new: Edition, unit_name: str) -> Iterator[Finding]:
    """A 由……组成 sentence that lists units, but not this one under any of its names."""
    model = new.model
    unit = model.index.resolve(unit_name)
    names = [plain(name) for name in (unit.names if unit else (unit_name,))]
    prefixes = edition_words()["prefixes"]
    assert isinstance(prefixes, list)
    prefixes = [model.jurisdiction.prefix] if model.jurisdiction.prefix else prefixes
    # A list with a shared prefix (由县民政局、财政局……组成) writes the others without it.
    names += [name[len(p) :] for name in names for p in prefixes if name.startswith(p)]
    for path, start, listed in _composition_sentences(new.document.data):
        if "、" not in listed:
            continue  # "由25个部门和单位组成" lists nobody
        if not any(name in plain(listed) for name in names):
            mark = new.document.locate_char(path, start)
            yield Finding(new.document.path, mark, "JM215", {"unit": unit_name})
            return


def _composition_sentences(data: Any) -> Iterator[tuple[tuple[str | int, ...], int, str]]:
    frame = edition_words()["composition"]
    assert isinstance(frame, dict)
    pattern = re.compile(
        f"{re.escape(frame['opens'])}([^。；]{{1,2000}}?){re.escape(frame['closes'])}"
    )
    organisation = (data.get("meeting") or {}).get("organisation") or []
    texts = [organisation] if isinstance(organisation, str) else organisation
    for index, text in enumerate(texts):
        path = (
            ("meeting", "organisation")
            if isinstance(organisation, str)
            else (
                "meeting",
                "organisation",
                index,
            )
        )
        for match in pattern.finditer(text):
            yield path, match.start(1), match.group(1)


def _member_path(model: JointMeeting, names: set[str]) -> tuple[str | int, ...]:
    for ref in model.members:
        if plain(ref.text) in names:
            return ref.path
    return ("members",)


def _at(edition: Edition, code: str, path: tuple[str | int, ...], **args: object) -> Finding:
    return Finding(edition.document.path, edition.document.locate(path), code, args)


# --- the drafted adjustment notice -------------------------------------------------------


def draft_order(changes: Sequence[Change]) -> list[Change]:
    """Return the changes a draft states: units first, each unit that joins or leaves
    followed by the people it brings or takes, then the other people's changes."""
    registry = change_kinds()
    stated = draft_kinds()  # the registry's `adjustment` order
    units = [c for kind in stated if registry[kind].section == "units" for c in _of(changes, kind)]
    people = [c for kind in stated if registry[kind].section != "units" for c in _of(changes, kind)]
    ordered: list[Change] = []
    for change in units:
        ordered.append(change)
        kind = registry[change.kind].brings
        brought = [p for p in people if p.kind == kind and p.unit == change.unit]
        ordered += brought
        people = [p for p in people if p not in brought]
    return ordered + people


def _of(changes: Sequence[Change], kind: str) -> list[Change]:
    return [change for change in changes if change.kind == kind]


def with_own_number(
    model: JointMeeting, doc_number: str | None, date: dt.date | None
) -> JointMeeting:
    """Return the model with the adjustment notice's own 文号 and date, when given."""
    if model.notice is None or (doc_number is None and date is None):
        return model
    notice = dataclasses.replace(
        model.notice,
        doc_number=doc_number or model.notice.doc_number,
        date=date or model.notice.date,
    )
    return dataclasses.replace(model, notice=notice)


def edition_label(model: JointMeeting) -> str:
    """Return what tells this edition from others: its 文号, else its year, else ""."""
    notice = model.notice
    if notice is None:
        return ""
    if notice.doc_number:
        return notice.doc_number
    return f"{notice.date.year}年" if notice.date else ""
