"""Which values a fix changes, and to what: one `Edit` per value, whatever fixed it.

Only corrections that cannot be wrong: half-width punctuation beside Chinese
(JM401), padding in names (JM212), a unit a reform renamed where the rename
table is sure of the new name (JM501), a rename the office asks for
(--rename), and the document number's brackets, 第 and leading zero (JM302).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from jmctl.domain import Rename
from jmctl.loading import TreePath, strings_in
from jmctl.model import JointMeeting, plain
from jmctl.rules.dates import NUMBER_FORM
from jmctl.rules.text import full_width_fixes

# Text that names units inside a sentence or a post, where a renamed unit is renamed
# too (县卫生和计划生育局局长). Other text (the titles of cited documents) keeps its words.
_NAMING_TEXT = (
    ("roster", "*", "*", "title"),
    ("roster", "*", "*", "post"),
    ("office", "director_post"),
    ("meeting", "organisation"),
    ("meeting", "organisation", "*"),
)
_NAME_PATHS = (("roster", "*", "*", "name"), ("office", "director"))
_NUMBER_PATHS = (("notice", "doc_number"), ("meeting", "basis", "*", "number"))


@dataclass(frozen=True)
class Edit:
    """One value changed: `pairs` turn `old` into `new` as substring replacements, so a
    value written as a block of lines can be edited in its own text."""

    path: TreePath
    old: str
    new: str
    codes: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class UnitRenames:
    """Old name → new name: by a reform (JM501), and by the office (--rename OLD NEW)."""

    reform: dict[str, str]
    local: dict[str, str]


def unit_renames(
    model: JointMeeting, renames: Iterable[Rename], local: Sequence[tuple[str, str]]
) -> UnitRenames:
    """Return the reform renames the table is sure of (for a document dated after the
    reform) and the office's own, each unit name unpadded."""
    mapping: dict[str, str] = {}
    notice = model.notice
    if notice is not None and notice.date is not None:  # undated: no reform is sure
        level = model.jurisdiction.level
        due = [rename for rename in renames if rename.due(notice.date, level)]
        for unit in model.units:
            for name, _ in unit.named_at():
                for rename in due:
                    successors = rename.successors(name)
                    if len(successors) == 1:
                        mapping[plain(name)] = successors[0]
                        break
    return UnitRenames(mapping, {plain(old): new for old, new in local})


def plan(data: Any, renames: UnitRenames) -> list[Edit]:
    """Return the edits every text value of `data` needs, in file order."""
    edits = []
    for path, value in strings_in(data, ()):
        new, codes, pairs = value, [], []
        for code, fixer in _fixers(renames):
            fixed = fixer(path, new)
            if fixed is not None and fixed[0] != new:
                new = fixed[0]
                codes.append(code)
                pairs += fixed[1]
        if new != value:
            edits.append(Edit(path, value, new, tuple(codes), tuple(pairs)))
    return edits


Fixed = tuple[str, list[tuple[str, str]]] | None
Fixer = Callable[[TreePath, str], Fixed]


def _fixers(renames: UnitRenames) -> list[tuple[str, Fixer]]:
    return [
        ("JM212", _unpad),
        ("JM302", _number),
        ("--rename", _renamer(renames.local)),
        ("JM501", _renamer(renames.reform)),
        ("JM401", _punctuation),
    ]


def _renamer(renames: dict[str, str]) -> Fixer:
    """Rename a unit where a value names it, and inside the texts that name units."""
    ordered = sorted(renames.items(), key=lambda item: -len(item[0]))

    def rename(path: TreePath, value: str) -> Fixed:
        whole = renames.get(plain(value))
        if whole is not None:
            return whole, [(value, whole)]
        if not _matches(path, _NAMING_TEXT):
            return None
        pairs = []
        for old, new in ordered:
            renamed = _renamed_inside(value, old, new)
            if renamed != value:
                pairs.append((old, new))
                value = renamed
        return value, pairs

    return rename


def _renamed_inside(text: str, old: str, new: str) -> str:
    """Return `text` with `old` renamed `new` where it occurs, but not where it is already
    part of the new name (县财政局 → 县财政局综合办 twice gives it once)."""
    lead = new.find(old)  # where the old name stands inside the new one, if it does
    out, done, at = [], 0, text.find(old)
    while at >= 0:
        start = at - lead
        already = lead >= 0 and start >= 0 and _same_name(text[start : start + len(new)], new)
        if not already:
            out += [text[done:at], new]
            done = at + len(old)
        at = text.find(old, at + len(old))
    return "".join(out) + text[done:]


def _same_name(written: str, name: str) -> bool:
    """Whether `written` is `name`, its punctuation made full-width or not."""
    return written == name or written == full_width_fixes(name)[0]


def _unpad(path: TreePath, value: str) -> Fixed:
    if not _matches(path, _NAME_PATHS):
        return None
    return plain(value), [(value, plain(value))]


def _number(path: TreePath, value: str) -> Fixed:
    if not _matches(path, _NUMBER_PATHS):
        return None
    match = NUMBER_FORM.match(value)
    if match is None or len(match["year"]) != 4:
        return None
    serial = match["serial"].lstrip("0") or "0"
    fixed = f"{match['prefix']}〔{match['year']}〕{serial}{value[-1]}"  # 号, or 號
    return fixed, [(value, fixed)]


def _punctuation(path: TreePath, value: str) -> Fixed:
    fixed, pairs = full_width_fixes(value)
    return (fixed, pairs) if pairs else None


def _matches(path: TreePath, patterns: Iterable[tuple[str, ...]]) -> bool:
    return any(
        len(pattern) == len(path)
        and all(want == "*" or want == step for want, step in zip(pattern, path, strict=True))
        for pattern in patterns
    )
