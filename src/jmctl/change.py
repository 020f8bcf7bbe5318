"""One difference between two editions, and the editions compared.

What every part of the diff shares: the matchers (jmctl.diff, diff_units, diff_texts,
session_diff) make Changes, the reporters and the adjustment notice read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from jmctl.change_details import Detail
from jmctl.change_kinds import section_of
from jmctl.loading import Document, TreePath
from jmctl.model import JointMeeting

D = TypeVar("D")


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
    detail: Detail | None = None  # of the type the registry names for the kind
    old_line: int | None = None
    new_line: int | None = None

    @property
    def section(self) -> str:
        return section_of(self.kind)

    def detail_as(self, shape: type[D]) -> D:
        """Return the detail, of the type the registry names for this kind (a describer that
        reads a kind's detail asks for that type)."""
        assert isinstance(self.detail, shape), (self.kind, self.detail)
        return self.detail

    def to_json(self) -> dict[str, Any]:
        shape = {name: value for name, value in vars(self).items() if value is not None}
        if self.detail is not None:
            shape["detail"] = self.detail.to_json()
        return shape
