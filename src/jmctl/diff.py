"""What changed between two editions of a joint meeting, in the terms an office uses.

Units are matched by any name they share, then by the reform rename table, so a
renamed unit is one change and its people and duties follow it. People are
matched by name, then within their role and unit. Orders report real moves only.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jmctl.change_kinds import kind_keys, section_of, sections
from jmctl.domain import Rename, builtin_renames, load_renames
from jmctl.findings import Finding, fails
from jmctl.loading import Document, TreePath
from jmctl.model import MEETING_FIELDS, NOTICE_FIELDS, ROLES, JointMeeting, Person, Unit, plain
from jmctl.safety import per_file

KINDS = kind_keys()  # from data/change_kinds.yaml, as are the sections
SECTIONS = sections()
REWORD_RATIO = 0.5  # items at least this alike are one item reworded, not one out, one in


@dataclass(frozen=True)
class Edition:
    """One side of a comparison: the located document and its model."""

    document: Document
    model: JointMeeting

    def line(self, path: TreePath | None) -> int | None:
        return None if path is None else self.document.locate(path).line


@dataclass
class Change:
    """One difference; fields that do not apply stay None (and are left out of JSON)."""

    kind: str
    role: str | None = None
    unit: str | None = None
    old_unit: str | None = None
    name: str | None = None
    old_name: str | None = None
    post: str | None = None
    old_post: str | None = None
    detail: Any = None
    old_line: int | None = None
    new_line: int | None = None

    @property
    def section(self) -> str:
        return section_of(self.kind)

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass
class _UnitMap:
    """Old unit name → new unit name, for units that are the same organisation."""

    same: dict[str, str] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)

    def new_name(self, old: str) -> str | None:
        return self.same.get(old) or self.renamed.get(old)


def compare(
    old: Edition, new: Edition, renames: Iterable[Rename], ignore: Iterable[str] = ()
) -> list[Change]:
    """Return every change from `old` to `new`, sections in `ignore` left out."""
    # Imported here: the sessions' comparison builds on this module's Change and Edition.
    from jmctl.session_diff import session_changes

    units = _match_units(old.model, new.model, tuple(renames))
    changes = [
        *_unit_changes(old, new, units),
        *_people_changes(old, new, units),
        *_order_changes(old, new, units),
        *_office_changes(old, new, units),
        *_duty_changes(old, new, units),
        *_task_changes(old, new),
        *_field_changes(old, new, "meeting", MEETING_FIELDS),
        *_field_changes(old, new, "notice", NOTICE_FIELDS),
        *session_changes(old, new),
    ]
    skipped = set(ignore)
    return [change for change in changes if change.section not in skipped]


# Units ---------------------------------------------------------------------------------


def _match_units(old: JointMeeting, new: JointMeeting, renames: Sequence[Rename]) -> _UnitMap:
    mapping = _UnitMap()
    for unit in old.units:
        found = next(
            (new.index.resolve(name) for name in unit.names if new.index.resolve(name)), None
        )
        if found is not None:
            mapping.same[unit.name] = found.name
    taken = set(mapping.same.values())
    for unit in old.units:
        if unit.name in mapping.same:
            continue
        for candidate in new.units:
            if candidate.name not in taken and _renamed(unit, candidate, renames):
                mapping.renamed[unit.name] = candidate.name
                taken.add(candidate.name)
                break
    return mapping


def _renamed(old: Unit, new: Unit, renames: Sequence[Rename]) -> bool:
    """Return whether a reform turned `old` into `new`: same name once the stems are cut."""
    for rename in renames:
        for old_name in old.names:
            for old_stem in (stem for stem in rename.old if stem in old_name):
                rest = plain(old_name).replace(old_stem, "", 1)
                for new_name in new.names:
                    for new_stem in (stem for stem in rename.new if stem in new_name):
                        if plain(new_name).replace(new_stem, "", 1) == rest:
                            return True
    return False


def _member_names(model: JointMeeting) -> list[str]:
    return [unit.name for ref in model.members if (unit := model.index.resolve(ref.text))]


def _unit_changes(old: Edition, new: Edition, units: _UnitMap) -> Iterator[Change]:
    old_members, new_members = _member_names(old.model), _member_names(new.model)
    for old_name, new_name in units.renamed.items():
        yield Change(
            "unit_renamed",
            unit=new_name,
            old_unit=old_name,
            old_line=old.line(_unit_path(old.model, old_name)),
            new_line=new.line(_unit_path(new.model, new_name)),
        )
    mapped = {units.new_name(name) for name in old_members}
    for position, name in enumerate(new_members):
        if name not in mapped:
            yield Change(
                "unit_added",
                unit=name,
                new_line=new.line(("members", position)),
                detail=_duties_of(new.model, name),
            )
    for position, name in enumerate(old_members):
        if units.new_name(name) not in new_members:
            yield Change(
                "unit_removed",
                unit=name,
                old_line=old.line(("members", position)),
                detail=_duties_of(old.model, name),
            )


def _unit_path(model: JointMeeting, name: str) -> TreePath | None:
    return next(((*unit.path, "name") for unit in model.units if unit.name == name), None)


def _duties_of(model: JointMeeting, unit_name: str) -> dict[str, Any] | None:
    duty = next((d for d in model.duties if _unit_name(model, d.unit.text) == unit_name), None)
    return None if duty is None else {"duties": list(duty.items)}


def _unit_name(model: JointMeeting, text: str) -> str:
    unit = model.index.resolve(text)
    return unit.name if unit else plain(text)


# People --------------------------------------------------------------------------------


def _people_changes(old: Edition, new: Edition, units: _UnitMap) -> Iterator[Change]:
    old_people, new_people = old.model.people(), new.model.people()
    moved = _role_changes(old, new, old_people, new_people)
    yield from moved.values()
    for role in ROLES:
        before = [p for p in old_people if p.role == role and _key(p) not in moved]
        after = [p for p in new_people if p.role == role and _key(p) not in moved]
        yield from _role_diff(old, new, units, role, before, after)


def _key(person: Person) -> str:
    return plain(person.name) if person.name else f"·{plain(person.printed_post)}"


def _role_changes(
    old: Edition, new: Edition, before: list[Person], after: list[Person]
) -> dict[str, Change]:
    """Return, by person, those who are in the other edition in another role only."""
    old_roles: dict[str, dict[str, Person]] = {}
    for person in before:
        old_roles.setdefault(_key(person), {})[person.role] = person
    new_roles: dict[str, dict[str, Person]] = {}
    for person in after:
        new_roles.setdefault(_key(person), {})[person.role] = person
    changes = {}
    for key, roles in new_roles.items():
        previous = old_roles.get(key)
        if previous and not set(previous) & set(roles):
            was, now = next(iter(previous.values())), next(iter(roles.values()))
            changes[key] = Change(
                "role_changed",
                role=now.role,
                detail={"old_role": was.role},
                name=now.name,
                unit=now.unit.text,
                post=now.printed_post,
                old_post=was.printed_post,
                old_line=old.line(was.path),
                new_line=new.line(now.path),
            )
    return changes


def _role_diff(
    old: Edition,
    new: Edition,
    units: _UnitMap,
    role: str,
    before: list[Person],
    after: list[Person],
) -> Iterator[Change]:
    remaining = list(after)
    unmatched = []
    for person in before:  # the same person: same name
        match = next((p for p in remaining if _key(p) == _key(person)), None)
        if match is None:
            unmatched.append(person)
            continue
        remaining.remove(match)
        # A unit renamed by reform is not a new post: its people follow it.
        if not _same_seat(old, new, units, person, match, same_post=True):
            yield _change("post_changed", old, new, person, match)
    for person in list(unmatched):  # the same post with someone new in it
        match = next((p for p in remaining if _same_seat(old, new, units, person, p, True)), None)
        match = match or next(
            (p for p in remaining if _same_seat(old, new, units, person, p, False)), None
        )
        if match is not None:
            remaining.remove(match)
            unmatched.remove(person)
            yield _change("person_replaced", old, new, person, match)
    for person in unmatched:
        yield Change(
            "person_removed",
            role=role,
            name=person.name,
            unit=person.unit.text,
            post=person.printed_post,
            old_line=old.line(person.path),
        )
    for person in remaining:
        yield Change(
            "person_added",
            role=role,
            name=person.name,
            unit=person.unit.text,
            post=person.printed_post,
            new_line=new.line(person.path),
        )


def _same_seat(
    old: Edition, new: Edition, units: _UnitMap, before: Person, after: Person, same_post: bool
) -> bool:
    old_unit = _unit_name(old.model, before.unit.text)
    # A unit no edition declares (an imported roster entry may name none) maps to itself.
    mapped = units.new_name(old_unit)
    if (old_unit if mapped is None else mapped) != _unit_name(new.model, after.unit.text):
        return False
    return not same_post or plain(before.post or before.title or "") == plain(
        after.post or after.title or ""
    )


def _change(kind: str, old: Edition, new: Edition, before: Person, after: Person) -> Change:
    return Change(
        kind,
        role=after.role,
        name=after.name,
        old_name=before.name,
        unit=after.unit.text,
        old_unit=before.unit.text,
        post=after.printed_post,
        old_post=before.printed_post,
        old_line=old.line(before.path),
        new_line=new.line(after.path),
    )


# Order ---------------------------------------------------------------------------------


def _order_changes(old: Edition, new: Edition, units: _UnitMap) -> Iterator[Change]:
    old_members = [units.new_name(name) or name for name in _member_names(old.model)]
    yield from _moves(
        new, "members", old_members, _member_names(new.model), lambda i: ("members", i)
    )
    for role in ROLES:
        before = [_key(p) for p in old.model.people() if p.role == role]
        people = [p for p in new.model.people() if p.role == role]
        after = [_key(p) for p in people]
        yield from _moves(new, role, before, after, lambda i, ps=people: ps[i].path)


def _moves(
    new: Edition, role: str, before: list[str], after: list[str], new_path: Any
) -> Iterator[Change]:
    """Report items that really moved: those outside the longest common order."""
    common = [item for item in before if item in after]
    common_after = [item for item in after if item in before]
    matcher = difflib.SequenceMatcher(a=common, b=common_after, autojunk=False)
    stay = {
        common[block.a + k] for block in matcher.get_matching_blocks() for k in range(block.size)
    }
    for item in common:
        if item not in stay:
            position = after.index(item)
            yield Change(
                "order_changed",
                role=role,
                name=item.lstrip("·"),
                detail={"old_position": before.index(item) + 1, "new_position": position + 1},
                new_line=new.line(new_path(position)),
            )


# Office, duties, tasks --------------------------------------------------------------------


def _office_changes(old: Edition, new: Edition, units: _UnitMap) -> Iterator[Change]:
    before, after = old.model.office, new.model.office
    old_host = _unit_name(old.model, before.host.text) if before else None
    new_host = _unit_name(new.model, after.host.text) if after else None
    if (units.new_name(old_host) if old_host else None) != new_host:
        yield Change(
            "office_changed",
            detail={"field": "host"},
            unit=new_host,
            old_unit=old_host,
            old_line=old.line(("office", "host")),
            new_line=new.line(("office", "host")),
        )
    for name in ("director", "director_post"):
        was = getattr(before, name, None)
        now = getattr(after, name, None)
        if plain(was or "") != plain(now or ""):
            yield Change(
                "office_changed",
                detail={"field": name},
                name=now,
                old_name=was,
                old_line=old.line(("office", name)),
                new_line=new.line(("office", name)),
            )
    if before and after and before.functions != after.functions:
        yield Change(
            "office_changed",
            detail={"field": "functions", **_list_diff(before.functions, after.functions)},
            old_line=old.line(("office", "functions")),
            new_line=new.line(("office", "functions")),
        )


def _duty_changes(old: Edition, new: Edition, units: _UnitMap) -> Iterator[Change]:
    new_duties = {_unit_name(new.model, duty.unit.text): duty for duty in new.model.duties}
    for duty in old.model.duties:
        mapped = units.new_name(_unit_name(old.model, duty.unit.text))
        counterpart = new_duties.get(mapped) if mapped else None
        if counterpart is None or counterpart.items == duty.items:
            continue
        yield Change(
            "duties_changed",
            unit=counterpart.unit.text,
            old_unit=duty.unit.text,
            detail=_list_diff(duty.items, counterpart.items),
            old_line=old.line(duty.path),
            new_line=new.line(counterpart.path),
        )


def _list_diff(before: Sequence[str], after: Sequence[str]) -> dict[str, list[Any]]:
    """Return items added, removed and reworded (with a character diff of each rewording)."""
    result: dict[str, list[Any]] = {"added": [], "removed": [], "reworded": []}
    matcher = difflib.SequenceMatcher(a=list(before), b=list(after), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = list(before[a1:a2]), list(after[b1:b2])
        while olds and news and _alike(olds[0], news[0]):
            was, now = olds.pop(0), news.pop(0)
            result["reworded"].append({"old": was, "new": now, "diff": char_diff(was, now)})
        result["removed"] += olds
        result["added"] += news
    return {key: value for key, value in result.items() if value}


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(a=a, b=b, autojunk=False).ratio() >= REWORD_RATIO


def char_diff(old: str, new: str) -> list[list[str]]:
    """Return [op, text] pieces, op one of "=", "-", "+": a character diff of Chinese text."""
    pieces = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(["=", old[a1:a2]])
            continue
        if a2 > a1:
            pieces.append(["-", old[a1:a2]])
        if b2 > b1:
            pieces.append(["+", new[b1:b2]])
    return pieces


def _task_changes(old: Edition, new: Edition) -> Iterator[Change]:
    new_tasks = {plain(task.task): task for task in new.model.tasks}
    seen = set()
    for task in old.model.tasks:
        counterpart = new_tasks.get(plain(task.task))
        if counterpart is None:
            yield Change(
                "tasks_changed", detail={"removed": task.task}, old_line=old.line(task.path)
            )
            continue
        seen.add(plain(task.task))
        fields = {}
        for name in ("measures", "deadline"):
            if getattr(task, name) != getattr(counterpart, name):
                fields[name] = {"old": getattr(task, name), "new": getattr(counterpart, name)}
        old_units = [ref.text for ref in task.units]
        new_units = [ref.text for ref in counterpart.units]
        if old_units != new_units:
            fields["units"] = {"old": old_units, "new": new_units}
        if fields:
            yield Change(
                "tasks_changed",
                detail={"task": counterpart.task, **fields},
                old_line=old.line(task.path),
                new_line=new.line(counterpart.path),
            )
    for task in new.model.tasks:
        if plain(task.task) not in seen:
            yield Change("tasks_changed", detail={"added": task.task}, new_line=new.line(task.path))


# Meeting and notice fields ------------------------------------------------------------------


def _field_changes(
    old: Edition, new: Edition, section: str, names: Sequence[str]
) -> Iterator[Change]:
    before = old.document.data.get(section) or {}
    after = new.document.data.get(section) or {}
    kind = f"{section}_changed"
    for name in names:
        was, now = before.get(name), after.get(name)
        if was == now:
            continue
        detail: dict[str, Any] = {"field": name}
        if (
            isinstance(was, list)
            and isinstance(now, list)
            and all(isinstance(item, str) for item in was + now)
        ):
            detail.update(_list_diff(was, now))
        elif isinstance(was, str) and isinstance(now, str):
            detail.update({"old": was, "new": now, "diff": char_diff(was, now)})
        else:
            detail.update({"old": was, "new": now})
        yield Change(
            kind,
            detail=detail,
            old_line=old.line((section, name)),
            new_line=new.line((section, name)),
        )


# Files ----------------------------------------------------------------------------------


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
    from jmctl.rules import STRUCTURE_RULES
    from jmctl.validation import validate_file

    renames = list(builtin_renames())
    problems: list[Finding] = []
    if renames_file is not None:
        extra, problems = load_renames(Path(renames_file))
        renames.extend(extra)
    # Only what makes a comparison meaningful blocks it; `validate` reports the rest.
    old = validate_file(old_path, renames, STRUCTURE_RULES)
    new = validate_file(new_path, renames, STRUCTURE_RULES)
    result = DiffResult(problems + old.findings, new.findings, None, new.model, old.model)
    if fails(result.old_findings) or fails(result.new_findings):
        return result
    assert old.document and old.model and new.document and new.model
    before, after = Edition(old.document, old.model), Edition(new.document, new.model)
    result.changes = compare(before, after, renames, ignore)
    # What the new edition gets wrong against the old one (a new unit nobody represents,
    # last year's 文号): said beside the changes, never stopping them.
    from jmctl.yearly import previous_edition_findings

    result.new_findings += previous_edition_findings(before, after, renames)
    return result
