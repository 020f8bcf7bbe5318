"""Fuzzing the session documents, the web page and the import of a 会议纪要.

`session_data` makes a data file whose `sessions` (and, for the web page, every other
text) hold hostile values: markup, script URLs, bidi and control characters, template
syntax, texts at and over their bounds, lists at and over theirs, absurd numbers,
dates and times, wrong types, missing keys. `exercise_sessions` validates it and, when
it is valid, renders every session document of a random `--session` (DOCX, in memory)
and the web page, whose every data string must print as text. `minutes_text` breaks a
real 纪要 of the import corpus; `exercise_minutes` imports it and exercises the result.
Used by tests/test_fuzz.py (a few seeds) and bench/fuzz_sessions.py (the long run).
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from jmctl.importing.api import import_file
from jmctl.render.api import RenderOptions, available_kinds, outline
from jmctl.render.docx_writer import write_docx
from jmctl.render.phrases import PhraseError, Phrases
from jmctl.render.session_choice import SessionChoiceError, session_label
from jmctl.render.web import page_html
from jmctl.session_bounds import list_bound, text_bound

from mutations import SMALL, assert_well_formed, checked, mutate

ROOT = Path(__file__).resolve().parents[1]
SESSION_SOURCES = [
    yaml.safe_load(path.read_text("utf-8"))
    for path in sorted((ROOT / "examples").glob("*.yaml"))
    if "\nsessions:" in path.read_text("utf-8")
]
MINUTES = [
    path.read_bytes() for path in sorted((ROOT / "tests/cases/import/minutes").glob("*.txt"))
]
NEW_KINDS = ("session-notice", "sign-in", "name-cards", "minutes", "decisions", "web")

HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "javascript:alert(3)",
    "JaVaScRiPt:alert(4)",
    "<a href='javascript:alert(5)'>联系</a>",
    "<style>@import url(http://evil.invalid/x.css)</style>",
    "<link rel=stylesheet href=//evil.invalid/x.css>",
    "<iframe src=https://evil.invalid></iframe>",
    "</td></tr></table><svg onload=alert(6)>",
    "&lt;script&gt;&amp;",
    "{{ 7 * 7 }}{% for x in range(10**9) %}",
    "\u202e局政民县\u202c",
    "县\u200b民\u200d政\ufeff局",
    "\x0b\x0c垂直制表",
    "　　　",
    "",
    " ",
    "第",
    "由县民政局牵头，县财政局配合，2023年3月31日前完成。",
    "（）【】《》“”、，。；：！？" * 20,
    "𠀀𪚥\U0002a6a5",
    "a\nb\nc",
    "2023-02-30",
)
SESSION_TEXTS = [
    ("place",),
    ("chair",),
    ("attendees", "[]", "person"),
    ("attendees", "[]", "substitute", "name"),
    ("attendees", "[]", "substitute", "post"),
    ("invited", "[]", "name"),
    ("invited", "[]", "post"),
    ("agenda", "[]", "text"),
    ("decisions", "[]", "text"),
    ("decisions", "[]", "progress"),
]
SESSION_LISTS = [("attendees",), ("invited",), ("agenda",), ("decisions",)]
ODD_VALUES: tuple[object, ...] = (
    0, -1, 10**17, 1.5, "3", None, True, [], {}, "9999-12-31", "0001-01-01", "2023-13-01",
    "25:00", "09:30", "23:59", "24:00", "全体会议", "不存在的会议", "已完成", "已撤销",
)  # fmt: skip
SESSION_KEYS = ("kind", "number", "date", "start", "end", "place", "chair", "attendees",
                "invited", "agenda", "decisions")  # fmt: skip

Mutation = Callable[[random.Random, dict[str, Any]], None]


def _sessions(data: dict[str, Any]) -> list[Any]:
    sessions = data.get("sessions")
    return sessions if isinstance(sessions, list) else []


def _a_session(rng: random.Random, data: dict[str, Any]) -> dict[str, Any] | None:
    sessions = [s for s in _sessions(data) if isinstance(s, dict)]
    return rng.choice(sessions) if sessions else None


def hostile_text(rng: random.Random) -> str:
    value = rng.choice(HOSTILE)
    return value if rng.random() < 0.7 else "县" + value + "局"


def _leaves(value: Any, owner: Any = None, key: Any = None) -> list[tuple[Any, Any]]:
    if isinstance(value, str):
        return [(owner, key)]
    if not isinstance(value, (dict, list)):
        return []
    children = value.items() if isinstance(value, dict) else enumerate(value)
    return [leaf for k, child in children for leaf in _leaves(child, value, k)]


def any_string(rng: random.Random, data: dict[str, Any]) -> None:
    """A hostile value in place of any text of the file (units, roster, sessions …)."""
    leaves = _leaves(data)
    if leaves:
        owner, key = rng.choice(leaves)
        owner[key] = hostile_text(rng)


def session_string(rng: random.Random, data: dict[str, Any]) -> None:
    """A hostile value, or one at or just over its bound, in a session's text."""
    session = _a_session(rng, data)
    if session is None:
        return
    steps = rng.choice(SESSION_TEXTS)
    bound = text_bound(steps)
    value = rng.choice(
        [hostile_text(rng), "字" * bound, "字" * (bound + 1), "x" * rng.randrange(bound)]
    )
    owner: Any = session
    for step in steps[:-1]:
        if step == "[]":
            if not isinstance(owner, list) or not owner or not isinstance(owner[0], dict):
                return
            owner = rng.choice(owner)
        elif isinstance(owner, dict):
            owner = owner.setdefault(
                step, {"name": "孙丽", "post": "股长"} if step == "substitute" else []
            )
        else:
            return
    if isinstance(owner, dict):
        owner[steps[-1]] = value


def grow_list(rng: random.Random, data: dict[str, Any]) -> None:
    """A session's list emptied, or grown to a few, to its bound or one over it."""
    session = _a_session(rng, data)
    if session is None:
        return
    steps = rng.choice(SESSION_LISTS)
    items = session.get(steps[0])
    if not isinstance(items, list) or not items:
        return
    bound = list_bound(steps)
    size = rng.choice([0, 1, 2, 7, 30, 30, bound, bound + 1])
    session[steps[0]] = [copy.deepcopy(items[i % len(items)]) for i in range(size)]


def odd_value(rng: random.Random, data: dict[str, Any]) -> None:
    """An absurd number, date, time, kind or status, or a wrong type, in a session."""
    session = _a_session(rng, data)
    if session is None:
        return
    if rng.random() < 0.3 and isinstance(session.get("decisions"), list) and session["decisions"]:
        decision = rng.choice(session["decisions"])
        if isinstance(decision, dict):
            decision[rng.choice(["deadline", "status", "lead", "others"])] = rng.choice(ODD_VALUES)
            return
    session[rng.choice(SESSION_KEYS)] = rng.choice(ODD_VALUES)


def drop_key(rng: random.Random, data: dict[str, Any]) -> None:
    session = _a_session(rng, data)
    if session:
        del session[rng.choice(sorted(session))]


def reshape_sessions(rng: random.Random, data: dict[str, Any]) -> None:
    """Sessions duplicated, reversed, emptied, or not a list."""
    sessions = _sessions(data)
    choice = rng.randrange(5)
    if choice == 0 and sessions:
        sessions.append(copy.deepcopy(rng.choice(sessions)))
    elif choice == 1:
        sessions.reverse()
    elif choice == 2:
        data["sessions"] = []
    elif choice == 3:
        data["sessions"] = rng.choice([None, "全体会议", {"kind": "全体会议"}, 3])
    elif sessions:
        session = _a_session(rng, data)
        if session is not None:
            attendees = session.get("attendees")
            for attendee in attendees if isinstance(attendees, list) else []:
                if isinstance(attendee, dict) and rng.random() < 0.5:
                    attendee["absent"] = True
                    attendee["substitute"] = {"name": hostile_text(rng), "post": "股长"}


MUTATIONS: tuple[Mutation, ...] = (
    any_string, session_string, session_string, grow_list, odd_value, drop_key, reshape_sessions,
)  # fmt: skip


def session_data(rng: random.Random) -> bytes:
    """Return a data file with hostile sessions (sometimes broken as bytes too)."""
    data = copy.deepcopy(rng.choice(SESSION_SOURCES))
    for _ in range(rng.randint(1, 3)):  # more, and few files would still be valid
        rng.choice(MUTATIONS)(rng, data)
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    return mutate(rng, raw, rounds=2, mutations=SMALL) if rng.random() < 0.2 else raw


def _session_wanted(rng: random.Random, model: Any) -> str | None:
    sessions = list(model.sessions)
    choices: list[str | None] = [None, hostile_text(rng), "9" * rng.choice([1, 100, 101, 5000])]
    if sessions:
        session = rng.choice(sessions)
        choices += [
            str(session.number),
            session.title,
            session.date.isoformat(),
            session_label(session),
        ]
    return rng.choice(choices)


def exercise_sessions(
    data: bytes, rng: random.Random, *, kinds: tuple[str, ...] = NEW_KINDS
) -> None:
    """Validate `data`; when valid, render every new kind it allows (DOCX in memory, the
    page as HTML) for a random `--session`. Raise AssertionError on a defect."""
    _, model, findings = checked(data)
    if model is not None:
        _render(model, rng, kinds)
    assert_well_formed(findings)


def _render(model: Any, rng: random.Random, kinds: tuple[str, ...]) -> None:
    for kind in (kind for kind in available_kinds(model) if kind in kinds):
        try:
            if kind == "web":
                assert_page_is_text(page_html(model, Phrases()))
            else:
                options = RenderOptions(session=_session_wanted(rng, model))
                write_docx(outline(model, kind, options))
        except SessionChoiceError as error:
            assert error.message("zh") and error.message("en")
            assert len(error.message("en")) < 5_000, "a --session value echoed whole"
        except PhraseError as error:  # absurd data can pass a wording bound: said so
            assert error.finding is not None and error.finding.code == "JM903"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


TEMPLATE_TAGS = frozenset(
    re.findall(r"<([a-z0-9]+)", (ROOT / "src/jmctl/data/web/page.html.j2").read_text("utf-8"))
)
_OUTSIDE = re.compile(r"url\(|@import|//", re.IGNORECASE)


def assert_page_is_text(page: str) -> None:
    """Every tag is one the template writes; nothing runs, nothing is fetched."""
    parsed = _Tags()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert tag in TEMPLATE_TAGS, f"<{tag}> from the data"
        for name, value in attrs:
            assert not name.startswith("on"), f"{name} on <{tag}>"
            assert name not in ("src", "srcset", "background", "action", "formaction"), name
            if name == "href":
                assert (value or "").startswith(("#", "mailto:", "tel:")), value
            assert "javascript:" not in (value or "").lower().replace(" ", ""), value
    assert not _OUTSIDE.search(parsed.style), "the style sheet fetches something"


def minutes_text(rng: random.Random) -> bytes:
    """A real 纪要 of the corpus, broken: lines dropped, repeated or made hostile."""
    lines = rng.choice(MINUTES).decode("utf-8").splitlines()
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        at = rng.randrange(len(lines))
        choice = rng.randrange(5)
        if choice == 0:
            del lines[at]
        elif choice == 1:
            lines[at:at] = [lines[at]] * rng.choice([2, 10, 200])
        elif choice == 2:
            lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)] + hostile_text(rng)
        elif choice == 3:
            lines.insert(at, hostile_text(rng))
        else:
            lines[at] = lines[at] * rng.choice([2, 20])
    raw = "\n".join(lines).encode("utf-8")
    return mutate(rng, raw, rounds=2, mutations=SMALL) if rng.random() < 0.3 else raw


def exercise_minutes(raw: bytes, folder: Path, rng: random.Random) -> None:
    """Import `raw` as a 纪要 text; what it imports is exercised as data."""
    path = folder / "纪要.txt"
    path.write_bytes(raw)
    result = import_file(path)
    assert not result.internal, [finding.message("en") for finding in result.findings]
    assert_well_formed(list(result.findings))
    if result.imported is not None:
        exercise_sessions(result.yaml_text().encode("utf-8"), rng)


def exercise_pdf(data: bytes, folder: Path) -> None:
    """Render `data` from a file to PDF (every new kind it allows), as the command does."""
    from jmctl.render.api import render_file

    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    kinds = [kind for kind in NEW_KINDS if kind != "web"]
    result = render_file(path, kinds, RenderOptions(output_format="pdf"), out_dir=folder / "out")
    assert not result.internal, [finding.message("en") for finding in result.findings]
    assert_well_formed(list(result.findings))
    for written in result.written:
        assert written.read_bytes().startswith(b"%PDF"), written
