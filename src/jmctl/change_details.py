"""The detail a change carries, one frozen type per shape, named by the change-kinds
registry (data/change_kinds.yaml, `detail:`).

The reporters, the change list and the adjustment notice read these attributes; `to_json`
gives each the shape `jmctl diff --format json` has always printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# What a data file's field can hold, as YAML read it: text, a number, a date, a list …
Value = Any


@dataclass(frozen=True)
class Reworded:
    """One list item said another way, with the character diff between the two."""

    old: str
    new: str
    diff: tuple[tuple[str, str], ...]  # (op, text), op one of "=", "-", "+"

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "diff": [list(piece) for piece in self.diff]}


@dataclass(frozen=True)
class ListChange:
    """Items a list gained, lost and had reworded."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reworded: tuple[Reworded, ...] = ()

    def to_json(self) -> dict[str, Any]:
        # Empty parts are left out, in this order, as the JSON output always had them.
        parts: dict[str, Any] = {
            "added": list(self.added),
            "removed": list(self.removed),
            "reworded": [item.to_json() for item in self.reworded],
        }
        return {key: value for key, value in parts.items() if value}

    @property
    def old_items(self) -> list[str]:
        """The items as the old edition had them: those reworded, then those removed."""
        return [item.old for item in self.reworded] + list(self.removed)

    @property
    def new_items(self) -> list[str]:
        return [item.new for item in self.reworded] + list(self.added)


@dataclass(frozen=True)
class OldNew:
    """A value before and after."""

    old: Value
    new: Value

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new}


@dataclass(frozen=True)
class FieldChange:
    """A field of the meeting, the notice or the office that changed.

    Exactly one of three shapes: `items` for a list of text, `values` (with a character
    `diff` when both are text) for anything else, neither for the office's host (whose
    units are the change's own `unit` and `old_unit`).
    """

    field: str
    values: OldNew | None = None
    diff: tuple[tuple[str, str], ...] | None = None
    items: ListChange | None = None

    def to_json(self) -> dict[str, Any]:
        shape: dict[str, Any] = {"field": self.field}
        if self.items is not None:
            shape.update(self.items.to_json())
        if self.values is not None:
            shape.update(self.values.to_json())
        if self.diff is not None:
            shape["diff"] = [list(piece) for piece in self.diff]
        return shape


@dataclass(frozen=True)
class UnitDuties:
    """The duties of a unit that joined or left."""

    duties: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"duties": list(self.duties)}


@dataclass(frozen=True)
class RoleChange:
    """The role a person held before (the change's `role` is the one now)."""

    old_role: str

    def to_json(self) -> dict[str, Any]:
        return {"old_role": self.old_role}


@dataclass(frozen=True)
class OrderChange:
    """Where an item stood and stands, counted from 1."""

    old_position: int
    new_position: int

    def to_json(self) -> dict[str, Any]:
        return {"old_position": self.old_position, "new_position": self.new_position}


@dataclass(frozen=True)
class NamedValues:
    """One named field's values before and after (a task's or a decision's)."""

    name: str
    values: OldNew


@dataclass(frozen=True)
class TaskChange:
    """A task added, removed, or with some of its fields changed."""

    task: str
    how: str  # "added", "removed" or "edited"
    fields: tuple[NamedValues, ...] = ()

    def to_json(self) -> dict[str, Any]:
        if self.how != "edited":
            return {self.how: self.task}
        return {"task": self.task, **_named(self.fields)}


@dataclass(frozen=True)
class SessionChange:
    """A session held or dropped: its date and how many decisions it made."""

    date: str
    decisions: int

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "decisions": self.decisions}


@dataclass(frozen=True)
class DecisionChange:
    """A decision added or removed, with its status (in Chinese)."""

    session: str
    text: str
    status: str

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session, "text": self.text, "status": self.status}


@dataclass(frozen=True)
class StatusChange:
    """A decision's status moving (statuses in Chinese), with its progress now."""

    session: str
    text: str
    status: OldNew
    progress: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "text": self.text,
            **self.status.to_json(),
            "progress": self.progress,
        }


@dataclass(frozen=True)
class DecisionEdit:
    """A decision whose fields (other than its status) changed."""

    session: str
    text: str
    fields: tuple[NamedValues, ...]

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session, "text": self.text, "fields": _named(self.fields)}


@dataclass(frozen=True)
class SessionEdit:
    """A session held in both versions whose own fields (date, place, chair, agenda,
    attendees, notice, minutes …) changed; its decisions have kinds of their own."""

    session: str
    fields: tuple[NamedValues, ...]

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session, "fields": _named(self.fields)}


def _named(fields: Sequence[NamedValues]) -> dict[str, Any]:
    return {field.name: field.values.to_json() for field in fields}


Detail = (
    FieldChange
    | UnitDuties
    | RoleChange
    | OrderChange
    | ListChange
    | TaskChange
    | SessionChange
    | DecisionChange
    | StatusChange
    | DecisionEdit
    | SessionEdit
)
