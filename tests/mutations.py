"""Mutations of real data files, the way files really break: for the fuzz tests and
bench/fuzz.py."""

from __future__ import annotations

import random
from collections.abc import Callable

from jmctl.catalogue import CODES
from jmctl.diff import Edition, compare
from jmctl.domain import builtin_renames
from jmctl.findings import fails
from jmctl.loading import load_bytes
from jmctl.render.api import RenderOptions, available_kinds, outline
from jmctl.render.docx_writer import write_docx
from jmctl.validation import check_document

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def reindent(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines[index] = b" " * rng.choice((0, 1, 3, 5, 8)) + lines[index].lstrip(b" ")
    return b"\n".join(lines)


def insert_tab(rng: random.Random, data: bytes) -> bytes:
    position = rng.randrange(len(data) + 1)
    return data[:position] + b"\t" + data[position:]


STRAY_TOKENS = (
    b"&a ",
    b"*a ",
    b"!!python/object:os.system ",
    b"!tag ",
    b"<<: *a\n",
    b"? ",
    b"- ",
    b": ",
    b"{",
    b"]",
    b"'",
    b'"',
    b"|\n",
    b"---\n",
    b"%YAML 1.1\n",
    b"&x [*x]",
    b"!!binary ",
    b"~",
    b"2021-02-30",
    b"0x1F",
    b".inf",
    b"null",
)


def stray_yaml(rng: random.Random, data: bytes) -> bytes:
    token = rng.choice(STRAY_TOKENS)
    position = rng.randrange(len(data) + 1)
    return data[:position] + token + data[position:]


def random_unicode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    position = rng.randrange(len(text) + 1)
    pool = "\u0000\u0007\u200b\ufeff\u3000\u2028\ud7ff\U0001f600\u00e9繁體字，,()（）〔〕[]"
    piece = "".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
    return (text[:position] + piece + text[position:]).encode("utf-8", "surrogatepass")


def wrong_encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(["gb18030", "utf-16", "utf-32", "big5", "latin-1", "utf-8-sig"])
    return text.encode(encoding, "replace")


def empty(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([b"", b"\n", b"# only a comment\n", b"---\n", b"~\n", b"[]\n", b"x\n"])


def deep_nesting(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice((30, 70, 500, 5000))
    return b"a: " + b"[" * depth + b"]" * depth + b"\n" + data


MUTATIONS: tuple[Mutation, ...] = (
    delete_line,
    duplicate_line,
    truncate,
    reindent,
    insert_tab,
    stray_yaml,
    random_unicode,
    wrong_encoding,
    empty,
    deep_nesting,
)


def mutate(rng: random.Random, data: bytes, rounds: int = 3) -> bytes:
    """Return `data` after 1 to `rounds` random mutations."""
    for _ in range(rng.randint(1, rounds)):
        data = rng.choice(MUTATIONS)(rng, data) or data
    return data


def exercise(data: bytes) -> None:
    """Validate `data`; when it is valid, render every document and diff it against itself."""
    loaded = load_bytes(data, "fuzz.yaml")
    findings = list(loaded.findings)
    if loaded.document is not None:
        report = check_document(loaded.document, builtin_renames())
        findings += report.findings
        if report.model is not None and not fails(report.findings):
            for kind in available_kinds(report.model):
                write_docx(outline(report.model, kind, RenderOptions()))
            edition = Edition(loaded.document, report.model)
            assert compare(edition, edition, builtin_renames()) == []
    for finding in findings:
        assert finding.code in CODES
        assert finding.mark.line >= 1 and finding.mark.column >= 1
        assert finding.message("zh") and finding.message("en")
