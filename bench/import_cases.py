"""The import corpus (tests/cases/import/): the case format, and how an import is compared
with what its document says.

A case is an input `<name>.<txt|docx|html|pdf|doc>` beside `<name>.expect.yaml`; the format
is described in tests/cases/import/README.md. `compare()` is pure: it takes the expect
mapping and the imported data (the dict a data file holds) and returns a `CaseScore`, so it
can be checked on hand-made dicts without running the importer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import yaml

INPUT_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf", ".doc")
EXPECT_SUFFIX = ".expect.yaml"

EXPECT_KEYS = frozenset(
    {
        "source",
        "shows",
        "name",
        "jurisdiction",
        "level",
        "body",
        "counts",
        "members",
        "roster",
        "office",
        "notice",
        "defects",
    }
)
REQUIRED_KEYS = frozenset({"source", "shows", "counts"})
COUNT_KEYS = ("members", "persons", "convenors", "duties")
CONVENOR_ROLES = ("chief_convenors", "deputy_chief_convenors", "convenors", "deputy_convenors")
ROLE_KEYS = (*CONVENOR_ROLES, "members")
OFFICE_KEYS = frozenset({"host", "director", "director_post"})
NOTICE_KEYS = frozenset({"doc_number", "date", "kind"})
LEVELS = frozenset({"national", "province", "city", "county", "township"})
BODIES = frozenset({"joint_meeting", "leading_group", "committee", "headquarters"})
NOTICE_KINDS = frozenset({"establish", "adjust", "approve"})

TAGS = frozenset(
    {
        "members-sentence",
        "members-count",
        "shared-prefix",
        "prefix-dropped",
        "paren-alias",
        "collective",
        "convenor-by-post",
        "office-by-post",
        "roster-label-name-post",
        "roster-label-own-line",
        "roster-label-broken",
        "roster-padded",
        "roster-fused",
        "roster-paren-post",
        "roster-names-only",
        "roster-one-line",
        "roster-post-then-name",
        "roster-table",
        "roster-annex",
        "leading-group",
        "committee",
        "duties-label-paragraph",
        "duties-numbered-heading",
        "duties-sentence",
        "functions-numbered",
        "layout-inline",
        "layout-letter-annexes",
        "layout-issue-no-annex",
        "layout-annex-list",
        "layout-midway",
        "web-furniture",
        "doc-number-image",
        "traditional",
        "half-width",
        "injected-symbols",
        "format-docx",
        "format-html",
        "format-pdf",
        "format-doc",
        "national",
        "province",
        "city",
        "county",
        "district",
        "township",
        "autonomous-prefecture",
        "county-level-city",
    }
)

# The 31 excerpts of shared/corpus/dev keep their numbered names; documents found for this
# corpus are named nNN-…, NN in the order found, and every third (NN divisible by 3) is held out.
SHARED_NAME = re.compile(r"^\d\d-")
NEW_NAME = re.compile(r"^n(\d{2,3})-")  # n01 … n99, then n100 and on

_SPACES = re.compile(r"\s+")
_PARENTHESES = re.compile(r"\([^()]*\)")
_YEAR_BRACKETS = str.maketrans("〔〕[]【】", "()()()")


@dataclass
class Case:
    name: str
    input: Path
    expect: dict[str, Any]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when built with it


def cases(folder: Path) -> list[Case]:
    """Return the cases of `folder` in name order (every expect file with its input)."""
    found = []
    for expect_path in sorted(folder.glob(f"*{EXPECT_SUFFIX}")):
        name = expect_path.name[: -len(EXPECT_SUFFIX)]
        inputs = [folder / f"{name}{suffix}" for suffix in INPUT_SUFFIXES]
        source = next((path for path in inputs if path.exists()), inputs[0])
        expect = yaml.load(expect_path.read_text("utf-8"), Loader=_LOADER) or {}
        found.append(Case(name, source, expect))
    return found


def inputs(folder: Path) -> Iterator[Path]:
    """Yield the case inputs of `folder` (the files that are not expect files)."""
    for path in sorted(folder.glob("*")):
        if path.suffix in INPUT_SUFFIXES and not path.name.endswith(EXPECT_SUFFIX):
            yield path


# --- normalising -----------------------------------------------------------------------


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def norm(text: object) -> str:
    """Compare text regardless of width, spaces and script: NFKC turns （）：， into ()：,
    a padded name 马 凯 equals 马凯, and a traditional copy kept traditional (the importer's
    choice) equals the simplified expectation."""
    plain = _SPACES.sub("", unicodedata.normalize("NFKC", str(text or "")))
    return _to_simplified().convert(plain) if plain else plain


def _brackets(text: object) -> str:
    """A 文号 printed 川政办[2011]75号 is the same number as 川政办〔2011〕75号."""
    return norm(text).translate(_YEAR_BRACKETS)


def same_unit(expected: str, got: str) -> bool:
    """A unit is found when its name matches up to width and spaces, with or without an
    alias in brackets, or with a longer or shorter prefix (市司法局 / 司法局 / 佛山市司法局)."""
    want, have = norm(expected), norm(got)
    if len(want) < 2 or len(have) < 2:
        return False
    if want == have:
        return True
    want_bare, have_bare = _PARENTHESES.sub("", want), _PARENTHESES.sub("", have)
    return want_bare == have_bare or want_bare.endswith(have_bare) or have_bare.endswith(want_bare)


def same_post(expected: str, got: str) -> bool:
    """Posts match up to width and spaces, or when one ends the other (a post printed
    without the unit the import put in `unit`)."""
    want, have = norm(expected), norm(got)
    if want == have:
        return True
    return bool(want) and bool(have) and (want.endswith(have) or have.endswith(want))


def same_place(expected: str, got: str) -> bool:
    """A jurisdiction matches exactly, or with its parent divisions before it
    (开州区 in 重庆市开州区)."""
    want, have = norm(expected), norm(got)
    if want == have:
        return True
    parent = have[: -len(want)] if want and have.endswith(want) else ""
    return bool(parent) and parent[-1] in "省市州区县盟旗"


# --- reading the imported data -----------------------------------------------------------


def _text(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("text") or "")
    return "" if value is None else str(value)


def roster_of(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    roster = data.get("roster") or {}
    return {
        role: [p for p in people or [] if isinstance(p, dict)] for role, people in roster.items()
    }


def printed_post(person: dict[str, Any]) -> str:
    """What the document prints after the name: `title`, else unit and post."""
    if person.get("title"):
        return str(person["title"])
    return f"{_text(person.get('unit'))}{person.get('post') or ''}"


def office_names(office: dict[str, Any]) -> list[str]:
    """The named people of the office, whatever keys the contract gives them."""
    names = []
    for key, value in office.items():
        if key == "director" and value:
            names.append(str(value))
        elif isinstance(value, dict) and value.get("name"):
            names.append(str(value["name"]))
        elif isinstance(value, list):
            names += [
                str(item["name"]) for item in value if isinstance(item, dict) and item.get("name")
            ]
    return names


def body_of(data: dict[str, Any]) -> str:
    """The kind of body; a file without one is a joint meeting (the contract's default)."""
    meeting = data.get("meeting") or {}
    for value in (meeting.get("body"), meeting.get("kind"), data.get("body"), data.get("kind")):
        if isinstance(value, str) and value:
            return value
    return "joint_meeting"


def counts_of(data: dict[str, Any]) -> dict[str, int]:
    """The four counts an expect file states, read from imported data."""
    roster = roster_of(data)
    named = [norm(p.get("name")) for people in roster.values() for p in people if p.get("name")]
    office = [norm(name) for name in office_names(data.get("office") or {})]
    return {
        "members": len(data.get("members") or []),
        "persons": len(named) + len({name for name in office if name not in set(named)}),
        "convenors": sum(len(roster.get(role, [])) for role in CONVENOR_ROLES),
        "duties": len(data.get("duties") or []),
    }


# --- comparing ---------------------------------------------------------------------------


@dataclass
class CaseScore:
    name: str
    counts: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    units_listed: int = 0  # units named in the expect file's members list
    units_matched: int = 0  # of those, found among the imported members
    units_exact: int = 0  # found and spelled exactly (up to width and spaces)
    fields: dict[str, bool] = field(default_factory=dict)  # stated field -> equal
    valid: bool | None = None  # validates with no error beyond the stated defects
    errors: list[str] = field(default_factory=list)  # error codes found by validation
    failure: str | None = None  # the import raised or gave no data

    @property
    def passed(self) -> bool:
        return (
            self.failure is None
            and self.counts == self.expected
            and all(self.fields.values())
            and self.units_exact == self.units_listed
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed}


def failed(name: str, expect: dict[str, Any], reason: str) -> CaseScore:
    """The score of a case whose import raised or produced nothing: every stated field wrong."""
    stated = {key: False for key in ("name", "jurisdiction", "level", "body") if key in expect}
    return CaseScore(name, expected=dict(expect.get("counts") or {}), fields=stated, failure=reason)


def compare(name: str, expect: dict[str, Any], data: dict[str, Any]) -> CaseScore:
    """Compare imported `data` with the `expect` mapping of a case."""
    score = CaseScore(name, counts_of(data), dict(expect.get("counts") or {}))
    _members(score, expect.get("members"), [_text(m) for m in data.get("members") or []])
    if "name" in expect:  # the body's name as the text states it (meeting.name)
        score.fields["name"] = norm(expect["name"]) == norm((data.get("meeting") or {}).get("name"))
    jurisdiction = data.get("jurisdiction") or {}
    if "jurisdiction" in expect:
        score.fields["jurisdiction"] = same_place(expect["jurisdiction"], jurisdiction.get("name"))
    if "level" in expect:
        score.fields["level"] = expect["level"] == jurisdiction.get("level")
    if "body" in expect:
        score.fields["body"] = expect["body"] == body_of(data)
    score.fields |= _roster_fields(expect.get("roster") or {}, roster_of(data))
    score.fields |= _office_fields(expect.get("office") or {}, data.get("office") or {})
    notice = data.get("notice") or {}
    for key, want in (expect.get("notice") or {}).items():
        fold = _brackets if key == "doc_number" else norm
        score.fields[f"notice.{key}"] = fold(want) == fold(notice.get(key))
    return score


def _members(score: CaseScore, expected: Iterable[str] | None, got: list[str]) -> None:
    """Match the listed units one to one, in order, against the imported members."""
    if expected is None:
        return
    left = list(got)
    for unit in expected:
        score.units_listed += 1
        match = next((i for i, have in enumerate(left) if norm(have) == norm(unit)), None)
        if match is not None:
            score.units_exact += 1
        else:
            match = next((i for i, have in enumerate(left) if same_unit(unit, have)), None)
        if match is not None:
            score.units_matched += 1
            left.pop(match)


def _roster_fields(
    expected: dict[str, list[str]], got: dict[str, list[dict[str, Any]]]
) -> dict[str, bool]:
    fields = {}
    for role, entries in expected.items():
        have = got.get(role, [])
        equal = len(have) == len(entries)
        for entry, person in zip(entries, have, strict=False):
            name, _, post = str(entry).partition("|")
            equal = equal and norm(name) == norm(person.get("name"))
            equal = equal and (not post or same_post(post, printed_post(person)))
        fields[f"roster.{role}"] = equal
    return fields


def _office_fields(expected: dict[str, str], got: dict[str, Any]) -> dict[str, bool]:
    fields = {}
    for key, want in expected.items():
        have = got.get(key)
        if key == "host":
            fields["office.host"] = same_unit(want, _text(have))
        elif key == "director_post":
            fields["office.director_post"] = same_post(want, str(have or ""))
        else:
            fields[f"office.{key}"] = norm(want) == norm(have)
    return fields
