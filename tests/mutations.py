"""Mutations of real data files, the way files really break: for the fuzz tests and
bench/fuzz.py."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from jmctl.catalogue import CODES
from jmctl.change import Edition
from jmctl.diff import compare
from jmctl.domain import builtin_renames
from jmctl.findings import Finding, fails
from jmctl.importing.checking import check_file
from jmctl.loading import Document, load_bytes
from jmctl.model import JointMeeting
from jmctl.names import MAX_NAME_BYTES
from jmctl.render.api import RenderOptions, available_kinds, outline, render_file
from jmctl.render.docx_writer import write_docx
from jmctl.render.phrases import PhraseError, Phrases
from jmctl.render.web import page_html
from jmctl.render_kinds import render_kinds
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


def _replace_value(rng: random.Random, data: bytes, value: bytes) -> bytes:
    """Replace the value of a random `key: value` line with `value`."""
    lines = _lines(data)
    candidates = [
        i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")
    ]
    if not candidates:
        return data + b"\nx: " + value + b"\n"
    index = rng.choice(candidates)
    key = lines[index].split(b": ", 1)[0]
    lines[index] = key + b": " + value
    return b"\n".join(lines)


def huge_number(rng: random.Random, data: bytes) -> bytes:
    """Integers of thousands of digits, in every form YAML reads as one."""
    digits = rng.choice((19, 400, 4301, 6000))
    value = rng.choice(
        (
            b"9" * digits,
            b"-" + b"1" * digits,
            b"0x" + b"f" * digits,
            b"0o" + b"7" * digits,
            b"1_" * digits + b"0",
            b":".join([b"59"] * (digits // 3 + 2)),
            b'"' + b"3" * digits + "个部门和单位组成".encode() + b'"',
        )
    )
    return _replace_value(rng, data, value)


BAD_TAGS = (
    b"!!bool maybe",
    b'!!int ""',
    b'!!float ""',
    b"!!int 12abc",
    b"!!float x",
    b"!!null nothing",
    b"!!int 0x",
    b"!!bool",
    b"!!timestamp 2021-02-30",
    b"!!str",
    b"!!merge x",
)


def bad_core_tag(rng: random.Random, data: bytes) -> bytes:
    return _replace_value(rng, data, rng.choice(BAD_TAGS))


def bad_date(rng: random.Random, data: bytes) -> bytes:
    value = rng.choice(
        (
            b"2022-03-0.",
            b"2022-3-1",
            b"2022-02-29",
            b"0000-01-01",
            b"9999-12-31",
            "２０２２-03-01".encode(),
            b"2022-W01-1",
            b"20220301",
            b"2022-03-01T00:00",
        )
    )
    return _replace_value(rng, data, value)


def long_text(rng: random.Random, data: bytes) -> bytes:
    """A title, name or line far longer than any real one (document properties hold 255)."""
    piece = rng.choice(("困难群众", "a", "，", "(", ",", " ,", "、", "〔2017〕"))
    return _replace_value(rng, data, (piece * rng.choice((60, 300, 3000, 40_000))).encode())


def punctuation_flood(rng: random.Random, data: bytes) -> bytes:
    """Long text full of half-width marks and spaces beside Chinese: the linear-time rules."""
    unit = rng.choice(("中,", "中 , ", ",,,,", "中" + " " * 50 + ",", "(中)", "１个部门"))
    return _replace_value(rng, data, ('"' + unit * rng.choice((100, 5000, 60_000)) + '"').encode())


def alias_text(rng: random.Random, data: bytes) -> bytes:
    """Aliases of one long string: few values, much text."""
    size = rng.choice((1000, 100_000, 400_000))
    copies = rng.choice((2, 10, 50))
    extra = f'zz: &long "{"长" * size}"\nzy: [{", ".join(["*long"] * copies)}]\n'
    return data + b"\n" + extra.encode()


def quoted_merge(rng: random.Random, data: bytes) -> bytes:
    token = rng.choice((b'"<<": {jmctl: 2}\n', b"'<<': [1]\n", b"<<: {x: 1}\n", b"? <<\n: {}\n"))
    return token + data


def odd_name(rng: random.Random, data: bytes) -> bytes:
    """Names (that become file names) with line breaks, bidi controls, slashes, dots."""
    piece = rng.choice(("\\n", "\\u202E", "\\u2066", "/", "\\\\", "..", "\\t", "CON", "\\u200b"))
    lines = _lines(data)
    for index, line in enumerate(lines):
        if line.strip().startswith((b"name:", b"doc_number:", b"title:")):
            key, _, value = line.partition(b": ")
            text = value.decode("utf-8", "replace").strip('"')
            lines[index] = key + b': "' + (piece + text + piece * 3).encode() + b'"'
            if rng.random() < 0.5:
                break
    return b"\n".join(lines)


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
    huge_number,
    bad_core_tag,
    bad_date,
    long_text,
    punctuation_flood,
    alias_text,
    quoted_merge,
    odd_name,
)


# Those that make inputs of hundreds of kilobytes: the long run's, not the test suite's.
LARGE = (long_text, punctuation_flood, alias_text)
SMALL = tuple(mutation for mutation in MUTATIONS if mutation not in LARGE)


def mutate(
    rng: random.Random, data: bytes, rounds: int = 3, mutations: tuple[Mutation, ...] = MUTATIONS
) -> bytes:
    """Return `data` after 1 to `rounds` random `mutations`."""
    for _ in range(rng.randint(1, rounds)):
        data = rng.choice(mutations)(rng, data) or data
    return data


def checked(data: bytes) -> tuple[Document | None, JointMeeting | None, list[Finding]]:
    """Load and validate `data` as a data file: its document, its model when it is valid
    (no error), and every finding of both steps."""
    loaded = load_bytes(data, "fuzz.yaml")
    findings = list(loaded.findings)
    if loaded.document is None:
        return None, None, findings
    report = check_document(loaded.document, builtin_renames())
    findings += report.findings
    valid = report.model is not None and not fails(report.findings)
    return loaded.document, report.model if valid else None, findings


def assert_well_formed(findings: list[Finding]) -> None:
    """Every finding is a catalogued one (never JM000), located, in both languages."""
    for finding in findings:
        assert finding.code in CODES and finding.code != "JM000", finding.message("en")
        assert finding.mark.line >= 1 and finding.mark.column >= 1
        assert finding.message("zh") and finding.message("en")


def exercise(data: bytes, folder: Path | None = None, *, render: bool = True) -> None:
    """Validate `data`; when it is valid, render every document (unless not `render`)
    and diff it against itself.

    With a `folder`, also run it the way the commands do: written to a file, rendered
    to files there (default names, atomic writes), and checked as a data file.
    """
    document, model, findings = checked(data)
    if document is not None and model is not None:
        for kind in available_kinds(model) if render else ():
            try:
                if render_kinds()[kind].writes == "html":
                    page_html(model, Phrases())
                else:
                    write_docx(outline(model, kind, RenderOptions()))
            except PhraseError as error:  # absurd data can pass a wording bound: said so
                assert error.finding is not None and error.finding.code == "JM903"
        edition = Edition(document, model)
        assert compare(edition, edition, builtin_renames()) == []
    if folder is not None:
        findings += _through_files(data, folder)
    assert_well_formed(findings)


def _through_files(data: bytes, folder: Path) -> list[Finding]:
    """Render `data` from a file into `folder`/out and check it; return the findings."""
    path = folder / "fuzz.yaml"
    path.write_bytes(data)
    result = render_file(path, None, RenderOptions(), out_dir=folder / "out")
    assert not result.internal, [finding.message() for finding in result.findings]
    for written in result.written:
        name = written.name
        assert len(name.encode("utf-8")) <= MAX_NAME_BYTES and name.isprintable(), name
        assert written.parent == folder / "out"
        written.unlink()
    return [*result.findings, *check_file(path).findings]
