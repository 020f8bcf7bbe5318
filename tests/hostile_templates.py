"""Random hostile wording templates: loops, huge numbers and strings, recursion, bad
characters, sandbox escapes, nested at random. For the fuzz tests and bench/fuzz.py."""

from __future__ import annotations

import random
import time
from functools import cache
from pathlib import Path

from jmctl.model import JointMeeting
from jmctl.render.api import RenderOptions, outline
from jmctl.render.budget import TEMPLATE_SECONDS
from jmctl.render.phrases import PhraseError
from jmctl.validation import validate_file

NUMBERS = ("0", "1", "7", "100", "9999", "10**6", "10**9", "9**(9**9)", "-1")
EXPRESSIONS = (
    "m.meeting.name",
    "m.member_names|join('、')",
    "'x' * {n}",
    "{n} ** {n}",
    "{n} * {n} * {n}",
    "1 // 0",
    "'%{n}d' % 1",
    "'{:>{n}}'.format(1)",
    "'x'|center({n})",
    "'x\\n'|indent({n}, true)",
    "(['ab' * {n}] * {n})|join",
    "('x' * 1000)|replace('x', 'y' * {n})",
    "inline_lead_in(m)",
    "m.__class__.__mro__",
    "''.__class__.__subclasses__()",
    "nothing.here",
    "'\\x00\\x0b'",
    "range({n})|list|length",
    "(range({n})|batch({n}))|list",
    "lipsum({n})",
    "('x ' * {n})|wordwrap(1)",
    "m|tojson",
    "cycler(1, 2).next()",
    "{n}|filesizeformat",
    "('<!--' * {n})|striptags",
    "('a' * {n})|urlize",
)
OPEN_BLOCKS = (
    ("{% for i in range({n}) %}", "{% endfor %}"),
    ("{% for u in m.member_names %}", "{% endfor %}"),
    ("{% for c in 'x' * 100 %}", "{% endfor %}"),
    ("{% if m %}", "{% endif %}"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(70) %}",
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    ),
    ("{% macro inner(k) %}{{ inner(k) }}", "{% endmacro %}{{ inner(1) }}"),
)
TOP_LEVEL = (
    "",
    '{% import "phrases.j2" as again %}',
    "{% set big = 'x' * {n} %}",
    "{% include 'phrases.j2' %}",
)


def _number(rng: random.Random) -> str:
    return rng.choice(NUMBERS)


def _body(rng: random.Random, depth: int) -> str:
    parts = []
    for _ in range(rng.randint(1, 3)):
        if depth < 3 and rng.random() < 0.4:
            opening, closing = rng.choice(OPEN_BLOCKS)
            parts.append(opening.replace("{n}", _number(rng)) + _body(rng, depth + 1) + closing)
        else:
            expression = rng.choice(EXPRESSIONS).replace("{n}", _number(rng))
            parts.append("{{ " + expression + " }}" if rng.random() < 0.8 else "文字")
    return "".join(parts)


def hostile_template(rng: random.Random) -> str:
    """Return a phrases.j2 that overrides one macro with a random hostile body."""
    top = rng.choice(TOP_LEVEL).replace("{n}", _number(rng)) if rng.random() < 0.2 else ""
    return f"{top}\n{{% macro inline_lead_in(m) -%}}\n{_body(rng, 0)}\n{{%- endmacro %}}\n"


@cache
def _model() -> JointMeeting:
    model = validate_file(
        Path(__file__).resolve().parents[1] / "examples" / "dushan-2017.yaml"
    ).model
    assert model is not None
    return model


def exercise_template(text: str, folder: Path) -> float:
    """Render the Dushan notice with `text` as the user's phrases.j2; return the seconds it
    took. Only a PhraseError (with a finding when the template is at fault) may come out."""
    (folder / "phrases.j2").write_text(text, "utf-8")
    start = time.perf_counter()
    try:
        outline(_model(), "notice", RenderOptions(phrases=folder))
    except PhraseError as error:
        assert error.finding is not None and error.finding.code in ("JM902", "JM903", "JM904")
        assert error.finding.mark.line >= 1
    elapsed = time.perf_counter() - start
    assert elapsed < TEMPLATE_SECONDS * 4, f"{elapsed:.1f} s"
    return elapsed
