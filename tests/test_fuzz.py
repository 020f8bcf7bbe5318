"""Fuzzing (a fast subset; bench/fuzz.py runs the long one): no input, however broken,
makes jmctl raise, and every rejection is a located, catalogued finding."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from hostile_templates import exercise_template, hostile_template
from jmctl.catalogue import CODES
from jmctl.loading import load_text, strings_in
from session_fuzz import (
    HOSTILE,
    assert_page_is_text,
    exercise_minutes,
    exercise_sessions,
    minutes_text,
    session_data,
)

from conftest import CORPUS, EXAMPLES
from mutations import SMALL, exercise, mutate

SOURCES = {path.name: path.read_bytes() for path in sorted(EXAMPLES.glob("*.yaml"))}
FUZZ = settings(
    max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.slow
@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), name=st.sampled_from(sorted(SOURCES)))
def test_mutated_examples_never_raise(seed: int, name: str) -> None:
    exercise(mutate(random.Random(seed), SOURCES[name], mutations=SMALL))


@pytest.mark.slow
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    exercise(data)


@pytest.mark.slow
@FUZZ
@given(text=st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    exercise(text.encode("utf-8", "surrogatepass"))


@pytest.mark.slow
@FUZZ
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "jmctl",
                        "units",
                        "members",
                        "name",
                        "roster",
                        "notice",
                        "date",
                        "unit",
                        "items",
                    ]
                ),
                children,
                max_size=4,
            )
        ),
        max_leaves=30,
    )
)
def test_any_yaml_shape_gets_schema_findings_not_exceptions(value: object) -> None:
    import yaml

    exercise(yaml.safe_dump({"jmctl": 1, "x": value}, allow_unicode=True).encode())


@pytest.mark.parametrize("depth", [63, 64, 65, 10_000])
def test_nesting_at_and_past_the_limit(depth: int) -> None:
    loaded = load_text("a: " + "[" * depth + "]" * depth)
    assert (loaded.document is None) == (depth >= 64)


CORPUS_TEXTS = [path.read_bytes() for path in sorted(CORPUS.glob("*.txt"))]


@pytest.mark.slow
@settings(FUZZ, max_examples=20)  # each imports and checks a whole notice twice
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_import_and_check_never_raise_on_broken_documents(seed: int) -> None:
    import tempfile
    from pathlib import Path

    from jmctl.importing.api import import_file
    from jmctl.importing.checking import check_file

    rng = random.Random(seed)
    data = mutate(rng, rng.choice(CORPUS_TEXTS), rounds=6, mutations=SMALL)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.txt"
        path.write_bytes(data)
        result = import_file(path)
        if result.imported is not None:
            exercise(result.yaml_text().encode("utf-8"))
        for finding in check_file(path).findings + result.findings:
            assert finding.code in CODES and finding.mark.line >= 1


@pytest.mark.slow
@settings(max_examples=25, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_hostile_templates_end_in_located_findings(seed: int) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        exercise_template(hostile_template(random.Random(seed)), Path(folder))


@pytest.mark.slow
@settings(max_examples=10, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), name=st.sampled_from(sorted(SOURCES)))
def test_mutated_files_render_to_disk_and_check(seed: int, name: str) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        exercise(mutate(random.Random(seed), SOURCES[name], mutations=SMALL), Path(folder))


@pytest.mark.slow
@settings(max_examples=30, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_hostile_sessions_validate_and_render_every_session_document(seed: int) -> None:
    rng = random.Random(seed)
    exercise_sessions(session_data(rng), rng)


@pytest.mark.slow
@settings(max_examples=15, deadline=None, derandomize=True)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_broken_minutes_import_without_internal_errors(seed: int) -> None:
    import tempfile
    from pathlib import Path

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        exercise_minutes(minutes_text(rng), Path(folder), rng)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_text_hostile_still_makes_a_page_of_text(hostile: str) -> None:
    from jmctl.model import build
    from jmctl.render.phrases import Phrases
    from jmctl.render.web import page_html

    source = (EXAMPLES / "fujian-2020.yaml").read_text("utf-8")
    loaded = load_text(source)
    assert loaded.document is not None
    data = loaded.document.data
    for path, _ in list(strings_in(data)):
        if path[0] not in ("jmctl", "jurisdiction", "notice", "publish") and path[-1] != "date":
            _set(data, path, "县" + hostile)
    data["publish"] = {"roster": True, "contact": hostile}
    page = page_html(build(data), Phrases())
    assert_page_is_text(page)
    if "<" in hostile:  # markup is printed as the text it is, escaped
        assert str(escape("县" + hostile)) in page


def test_the_page_check_catches_markup() -> None:
    for injected in ("<script>alert(1)</script>", '<a href="javascript:x">', "<img src=x>"):
        with pytest.raises(AssertionError):
            assert_page_is_text(f"<!DOCTYPE html><html><body>{injected}</body></html>")


def _set(data: object, path: tuple[object, ...], value: str) -> None:
    for step in path[:-1]:
        data = data[step]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]
