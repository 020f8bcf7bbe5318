"""Which units of two editions are the same organisation, and the units that joined,
left or were renamed.

Units are matched by any name they share, then by the reform rename table, so a
renamed unit is one change and its people and duties follow it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from jmctl.change import Change, Edition
from jmctl.change_details import UnitDuties
from jmctl.domain import Rename
from jmctl.loading import TreePath
from jmctl.model import JointMeeting, Unit, plain


@dataclass
class UnitMap:
    """Old unit name → new unit name, for units that are the same organisation."""

    same: dict[str, str] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)

    def new_name(self, old: str) -> str | None:
        return self.same.get(old) or self.renamed.get(old)


def match_units(old: JointMeeting, new: JointMeeting, renames: Sequence[Rename]) -> UnitMap:
    mapping = UnitMap()
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


def member_names(model: JointMeeting) -> list[str]:
    return [unit.name for ref in model.members if (unit := model.index.resolve(ref.text))]


def unit_changes(old: Edition, new: Edition, units: UnitMap) -> Iterator[Change]:
    old_members, new_members = member_names(old.model), member_names(new.model)
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


def _duties_of(model: JointMeeting, name: str) -> UnitDuties | None:
    duty = next((d for d in model.duties if unit_name(model, d.unit.text) == name), None)
    return None if duty is None else UnitDuties(tuple(duty.items))


def unit_name(model: JointMeeting, text: str) -> str:
    unit = model.index.resolve(text)
    return unit.name if unit else plain(text)
