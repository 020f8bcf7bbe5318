"""Check a document against the JSON Schema and say each error where it stands."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jmctl.catalogue import Text
from jmctl.findings import Finding, Mark
from jmctl.loading import Document, TreePath
from jmctl.resources import resource

SCHEMA_FILE = "jmctl-v1.schema.json"
FORMAT_VERSION = 1

_TYPE_NAMES = {
    "string": ("文字", "text"),
    "integer": ("整数", "a whole number"),
    "number": ("数字", "a number"),
    "array": ("列表", "a list"),
    "object": ("映射（键: 值）", "a mapping"),
    "boolean": ("true 或 false", "true or false"),
    "null": ("空值", "empty"),
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def schema_text() -> str:
    """Return the JSON Schema of the data file, as shipped."""
    return resource("schemas", SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    return json.loads(schema_text())


@cache
def _validator() -> Any:
    # Imported here: jsonschema costs start-up time that --help and --version need not pay.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_validator() -> Any:
    """A compiled validator that answers valid-or-not about a thousand times faster."""
    import jsonschema_rs

    # Its own date check lets 2022-03-0. through; the model reads dates with Python's.
    return jsonschema_rs.validator_for(
        _schema(), validate_formats=True, formats={"date": is_iso_date}
    )


def is_iso_date(value: str) -> bool:
    """Whether `value` is a real day written YYYY-MM-DD (what the model can read)."""
    import datetime

    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_schema(document: Document) -> list[Finding]:
    """Return the schema findings of `document`, each located at its value or key.

    Most files are valid, and jsonschema-rs says so in microseconds; only a file it
    rejects goes through jsonschema, whose errors carry what the messages explain.
    """
    data = document.data
    if isinstance(data, dict) and "jmctl" in data and data["jmctl"] != FORMAT_VERSION:
        mark = document.locate(("jmctl",))
        return [Finding(document.path, mark, "JM107", {"value": data["jmctl"]})]
    if _fast_validator().is_valid(data):
        return []
    findings: dict[tuple[Mark, str, str], Finding] = {}
    for error in _validator().iter_errors(data):
        for finding in _explain(error, document):
            findings.setdefault((finding.mark, finding.code, str(finding.args)), finding)
    return list(findings.values())


def _explain(error: Any, document: Document) -> Iterator[Finding]:
    path: TreePath = tuple(error.absolute_path)
    keyword = error.validator
    if keyword in ("anyOf", "oneOf") and error.context:
        yield from _explain_choice(error, document, path)
        return
    handler = _HANDLERS.get(keyword, _other)
    yield from handler(error, document, path)


def _required(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    present = error.instance if isinstance(error.instance, dict) else {}
    for key in error.validator_value:
        if key not in present:
            args = {"where": _where(path), "key": key, "title": _title((*path, key), bare=True)}
            yield Finding(document.path, document.locate_key(path), "JM101", args)


def _additional(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    known = list(error.schema.get("properties", {}))
    for key in error.instance:
        if key in known:
            continue
        meant = key_for_title(key, error.schema.get("properties", {}))
        if meant is not None:
            args = {"where": _where(path), "key": key, "suggestion": meant[0], "title": meant[1]}
            yield Finding(document.path, document.locate_key((*path, key)), "JM108", args)
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = Text(f"，是否应为“{close[0]}”？", f"; did you mean '{close[0]}'?") if close else ""
        args = {"where": _where(path), "key": key, "hint": hint}
        yield Finding(document.path, document.locate_key((*path, key)), "JM102", args)


def key_for_title(key: str, properties: dict[str, Any]) -> tuple[str, str] | None:
    from jmctl.schema_hints import key_for_title as meant  # the hint lives with the others

    return meant(key, properties)


def _type(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    expected = error.validator_value
    names = [expected] if isinstance(expected, str) else list(expected)
    actual = _json_type(error.instance)
    args = {
        "title": _title(path),
        "expected": "或".join(_TYPE_NAMES[name][0] for name in names),
        "expected_en": " or ".join(_TYPE_NAMES[name][1] for name in names),
        "actual": _TYPE_NAMES[actual][0],
        "actual_en": _TYPE_NAMES[actual][1],
    }
    yield Finding(document.path, document.locate(path), "JM103", args)


def _enum(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
    args = {"title": _title(path), "value": error.instance, "allowed": "、".join(map(str, allowed))}
    yield Finding(document.path, document.locate(path), "JM104", args)


def _size(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    limit = error.validator_value
    details = {
        "minItems": (f"至少需要 {limit} 项", f"needs at least {limit} item(s)"),
        "minLength": ("不能为空", "must not be empty"),
        "minimum": (f"不能小于 {limit}", f"must be at least {limit}"),
    }
    zh, en = details[error.validator]
    args = {"title": _title(path), "detail": zh, "detail_en": en}
    yield Finding(document.path, document.locate(path), "JM105", args)


def _format(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    value = str(error.instance)
    if _ISO_DATE.fullmatch(value):
        detail = ("：这一天不存在", ": no such day")
    else:
        detail = ("：应写作 YYYY-MM-DD，如 2017-02-23", ": write it as YYYY-MM-DD, e.g. 2017-02-23")
    args = {"value": value, "detail": detail[0], "detail_en": detail[1]}
    yield Finding(document.path, document.locate(path), "JM301", args)


def _other(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    args = {"title": _title(path), "detail": error.message}
    yield Finding(document.path, document.locate(path), "JM106", args)


def _explain_choice(error: Any, document: Document, path: TreePath) -> Iterator[Finding]:
    """Explain a failed anyOf/oneOf: "one of these keys", or the closest alternative's error."""
    if all(sub.validator == "required" for sub in error.context):
        keys = [key for sub in error.context for key in sub.validator_value]
        titles = [_title((*path, key), bare=True) for key in keys]
        args = {
            "where": _where(path),
            "key": Text(" 或 ".join(keys), "' or '".join(keys)),
            "title": Text("或".join(t.zh for t in titles), " or ".join(t.en for t in titles)),
        }
        yield Finding(document.path, document.locate_key(path), "JM101", args)
        return
    from jsonschema.exceptions import best_match

    yield from _explain(best_match(error.context), document)


_HANDLERS = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "minItems": _size,
    "minLength": _size,
    "minimum": _size,
    "format": _format,
}


# --- naming the place of an error -------------------------------------------------------


def dotted(path: TreePath) -> str:
    """Return a path as users write it: notice.recipients[2]."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _title(path: TreePath, *, bare: bool = False) -> Text:
    """Return the schema title of the value at `path`, followed by its dotted path unless bare."""
    node: dict[str, Any] = _schema()
    title = ""
    for step in path:
        node = _deref(node)
        if isinstance(step, int):
            node = node.get("items", {})
            title = f"{title}第 {step + 1} 项"
        else:
            node = node.get("properties", {}).get(step, {})
            title = node.get("title") or _deref(node).get("title") or step
    if not path:
        return Text("文件顶层", "the top level")
    if bare:
        return Text(title, str(path[-1]))
    return Text(f"{title}（{dotted(path)}）", dotted(path))


def field_title(path: TreePath) -> str:
    """Return the Chinese title of the key at `path`, as the schema names it (成文日期)."""
    return _title(path, bare=True).zh


def field_description(path: TreePath) -> tuple[str, str]:
    """Return the Chinese title and description the schema gives the key at `path`."""
    node: dict[str, Any] = _schema()
    for step in path:
        node = _deref(node)
        node = node.get("items", {}) if isinstance(step, int) else node.get("properties", {})
        if not isinstance(step, int):
            node = node.get(step, {})
    resolved = _deref(node)
    title = node.get("title") or resolved.get("title") or ""
    return title, node.get("description") or resolved.get("description") or ""


def _where(path: TreePath) -> Text:
    if not path:
        return Text("文件顶层", "the file ")
    title = _title(path)
    return Text(f"{title.zh}中", f"{title.en} ")


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**_schema()["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    if "oneOf" in node and "type" not in node:
        arrays = [
            _deref(choice) for choice in node["oneOf"] if _deref(choice).get("type") == "array"
        ]
        if arrays:
            return {**arrays[0], "title": node.get("title")}
    return node


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
