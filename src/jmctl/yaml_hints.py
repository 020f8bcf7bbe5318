"""Name the YAML mistakes people really make, at the line and character where they are.

A Chinese input method gives a full-width colon (：), full-width spaces (U+3000) and
full-width dashes (－ —); an editor gives tabs. libyaml then reports a generic
error, often one line late, or the file parses into the wrong shape and the schema
complains. These functions look at the source lines near such a report and, when
one of these mistakes is there, say that instead. Each line is scanned once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from jmctl.findings import Finding, Mark

_DASHES = "－—–"  # full-width hyphen-minus, em dash, en dash
_WINDOW = 2  # lines before an error where its cause may stand


def line_mistake(path: str, number: int, line: str) -> Finding | None:
    """Return the finding for the first of these mistakes on line `number`, if any."""
    indent = 0
    while indent < len(line) and line[indent] in " \t\u3000":
        if line[indent] == "\t":
            return Finding(path, Mark(number, indent + 1), "JM044")
        if line[indent] == "\u3000":
            return Finding(path, Mark(number, indent + 1), "JM042")
        indent += 1
    rest = line[indent:]
    if rest[:1] in tuple(_DASHES) and rest[1:2] in (" ", "\u3000", ""):
        return Finding(path, Mark(number, indent + 1), "JM043", {"char": rest[0]})
    if rest.startswith("-\u3000"):
        return Finding(path, Mark(number, indent + 2), "JM042")
    if rest.startswith("- "):
        indent += 2
        rest = rest[2:]
    return _key_mistake(path, number, indent, rest)


def _key_mistake(path: str, number: int, indent: int, rest: str) -> Finding | None:
    """A key of the schema written `name：value` or `name:value`."""
    end = 0
    while end < len(rest) and (rest[end].isascii() and (rest[end].isalnum() or rest[end] == "_")):
        end += 1
    if end == 0 or end >= len(rest) or rest[:end] not in schema_keys():
        return None  # `http://…` or `- 1：负责…` are text, not keys
    key, after = rest[:end], rest[end]
    if after == "：":
        return Finding(path, Mark(number, indent + end + 1), "JM041", {"key": key})
    if after == ":" and end + 1 < len(rest) and rest[end + 1] not in " \t":
        return Finding(path, Mark(number, indent + end + 1), "JM045", {"key": key})
    return None


def refine_syntax_error(text: str, finding: Finding) -> Finding:
    """Return a named mistake on the line of a YAML syntax error or just above it, else
    the error itself."""
    lines = text.splitlines()
    last = min(finding.mark.line, len(lines))
    for number in range(last, max(last - _WINDOW, 0), -1):
        found = line_mistake(finding.path, number, lines[number - 1])
        if found is not None:
            return found
    return finding


def refine_located(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """Replace each finding whose line holds one of these mistakes by the mistake
    (a `- 县民政局` written `－ 县民政局` is text where a list was expected)."""
    lines = text.splitlines()
    refined: list[Finding] = []
    seen: set[int] = set()
    for finding in findings:
        number = finding.mark.line
        found = (
            line_mistake(finding.path, number, lines[number - 1]) if number <= len(lines) else None
        )
        if found is None:
            refined.append(finding)
        elif number not in seen:
            seen.add(number)
            refined.append(found)
    return refined


def mistakes(path: str, lines: Iterable[str]) -> list[Finding]:
    """Return every such mistake in `lines` (for tools that want them all)."""
    found = (line_mistake(path, number, line) for number, line in enumerate(lines, 1))
    return [finding for finding in found if finding is not None]


@cache
def schema_keys() -> frozenset[str]:
    """Every key the data file's schema names, at any depth."""
    from jmctl.schema import schema_text  # here: the schema module imports the loader

    return frozenset(_property_names(json.loads(schema_text())))


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        yield from node.get("properties", {})
        for child in node.values():
            yield from _property_names(child)
    elif isinstance(node, list):
        for child in node:
            yield from _property_names(child)
