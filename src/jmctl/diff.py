"""What changed between two editions of a joint meeting, in the terms an office uses.

Units are matched first (diff_units), so a renamed unit is one change and its people
and duties follow it. People are matched by name, then within their role and unit.
Orders report real moves only. The text (office, duties, tasks, fields) is compared
in diff_texts, the sessions in session_diff.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence

from jmctl.change import Change, Edition
from jmctl.change_details import OrderChange, RoleChange
from jmctl.change_kinds import kind_keys, sections
from jmctl.diff_texts import duty_changes, field_changes, office_changes, task_changes
from jmctl.diff_units import UnitMap, match_units, member_names, unit_changes, unit_name
from jmctl.domain import Rename
from jmctl.loading import TreePath
from jmctl.model import MEETING_FIELDS, NOTICE_FIELDS, PUBLISH_FIELDS, ROLES, Person, plain
from jmctl.session_diff import session_changes

KINDS = kind_keys()  # from data/change_kinds.yaml, as are the sections
SECTIONS = sections()


def compare(
    old: Edition, new: Edition, renames: Iterable[Rename], ignore: Iterable[str] = ()
) -> list[Change]:
    """Return every change from `old` to `new`, sections in `ignore` left out."""
    units = match_units(old.model, new.model, tuple(renames))
    changes = [
        *unit_changes(old, new, units),
        *_people_changes(old, new, units),
        *_order_changes(old, new, units),
        *office_changes(old, new, units),
        *duty_changes(old, new, units),
        *task_changes(old, new),
        *field_changes(old, new, "meeting", MEETING_FIELDS),
        *field_changes(old, new, "notice", NOTICE_FIELDS),
        *field_changes(old, new, "publish", PUBLISH_FIELDS),
        *session_changes(old, new),
    ]
    skipped = set(ignore)
    return [change for change in changes if change.section not in skipped]


def _people_changes(old: Edition, new: Edition, units: UnitMap) -> Iterator[Change]:
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
                detail=RoleChange(was.role),
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
    units: UnitMap,
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
    old: Edition, new: Edition, units: UnitMap, before: Person, after: Person, same_post: bool
) -> bool:
    old_unit = unit_name(old.model, before.unit.text)
    # A unit no edition declares (an imported roster entry may name none) maps to itself.
    mapped = units.new_name(old_unit)
    if (old_unit if mapped is None else mapped) != unit_name(new.model, after.unit.text):
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


def _order_changes(old: Edition, new: Edition, units: UnitMap) -> Iterator[Change]:
    old_members = [units.new_name(name) or name for name in member_names(old.model)]
    yield from _moves(
        new, "members", old_members, member_names(new.model), lambda i: ("members", i)
    )
    for role in ROLES:
        before = [_key(p) for p in old.model.people() if p.role == role]
        people = [p for p in new.model.people() if p.role == role]
        after = [_key(p) for p in people]
        yield from _moves(new, role, before, after, _path_in(people))


def _path_in(people: Sequence[Person]) -> Callable[[int], TreePath]:
    return lambda position: people[position].path


def _moves(
    new: Edition,
    role: str,
    before: list[str],
    after: list[str],
    new_path: Callable[[int], TreePath],
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
                detail=OrderChange(before.index(item) + 1, position + 1),
                new_line=new.line(new_path(position)),
            )
