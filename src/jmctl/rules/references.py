"""Units and people: every reference resolves, nothing is declared or listed twice."""

from __future__ import annotations

from collections.abc import Iterator

from jmctl.catalogue import Text
from jmctl.domain import role_labels
from jmctl.findings import Finding
from jmctl.loading import TreePath
from jmctl.model import Person, Unit, plain
from jmctl.rules.closest import ClosestName
from jmctl.rules.context import Context


def check(context: Context) -> Iterator[Finding]:
    yield from _declared_twice(context)
    yield from _unresolved(context)
    yield from _members_twice(context)
    yield from _people_twice(context)
    yield from _padded_names(context)


def _declared_twice(context: Context) -> Iterator[Finding]:
    seen: dict[str, tuple[Unit, TreePath]] = {}
    for unit in context.model.units:
        for name, path in unit.named_at():
            key = plain(name)
            if key not in seen:
                seen[key] = (unit, path)  # located only when needed: most names are unique
            elif seen[key][0] is not unit:
                other, first = seen[key]
                yield context.at(
                    "JM203", path, name=name, other=other.name, first=context.line(first)
                )


def _unresolved(context: Context) -> Iterator[Finding]:
    index = context.model.index
    # A name a reform retired is never suggested: after a partial rename it is the
    # old abbreviation still declared, and suggesting it sends the user back.
    current = ClosestName(
        name
        for name in index.names()
        if not any(rename.outdated_stem(name) for rename in context.renames)
    )
    for ref in context.unit_refs():
        found = index.find(ref.text)
        if not found:
            close = current.closest(plain(ref.text))
            hint = (
                Text(f"，是否应为“{close}”？", f"; did you mean '{close}'?")
                if close is not None
                else ""
            )
            yield context.at("JM201", ref.path, ref=ref.text, hint=hint)
        elif len(found) > 1:
            yield context.at("JM202", ref.path, ref=ref.text, candidates=_candidates(found))


# Units a JM202 names; more are counted: a name shared by thousands of units, written
# in thousands of places, would otherwise make the report grow with their product.
_LISTED = 10


def _candidates(found: list[Unit]) -> Text | str:
    names = "、".join(unit.name for unit in found[:_LISTED])
    if len(found) <= _LISTED:
        return names
    return Text(f"{names}等 {len(found)} 个", f"{names} and {len(found) - _LISTED} more")


def _members_twice(context: Context) -> Iterator[Finding]:
    index = context.model.index
    seen: dict[str, TreePath] = {}
    for ref in context.model.members:
        unit = index.resolve(ref.text)
        key = unit.name if unit else plain(ref.text)
        if key in seen:
            yield context.at("JM204", ref.path, unit=ref.text, first=context.line(seen[key]))
        else:
            seen[key] = ref.path


def _people_twice(context: Context) -> Iterator[Finding]:
    labels = role_labels()
    seen: dict[tuple[str, str], TreePath] = {}
    for person in context.model.people():
        key = (person.role, _identity(person))
        if key in seen:
            label = labels[person.role]
            yield context.at(
                "JM205",
                person.path,
                role=label.zh,
                role_en=label.en,
                person=person.name or person.printed_post,
                first=context.line(seen[key]),
            )
        else:
            seen[key] = person.path


def _identity(person: Person) -> str:
    """Return what makes a roster entry the same person: the name, else the post."""
    if person.name:
        return plain(person.name)
    return plain(person.printed_post)


def _padded_names(context: Context) -> Iterator[Finding]:
    for person in context.model.people():
        if person.name and plain(person.name) != person.name:
            yield context.at("JM212", (*person.path, "name"), name=person.name)
    office = context.model.office
    if office and office.director and plain(office.director) != office.director:
        yield context.at("JM212", ("office", "director"), name=office.director)
