"""Turn one YAML scalar into plain data, or say in the user's terms why it cannot be.

PyYAML's constructors raise KeyError, IndexError or ValueError for values that an
explicit tag makes them read (`!!bool maybe`, `!!int ""`), and Python refuses to
print integers of more than 4,300 digits: both must become located findings, not
internal errors, so every scalar goes through here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from jmctl.catalogue import Text
from jmctl.errors import JmctlError

CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(
    f"{CORE}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
MERGE_TAG = f"{CORE}merge"
# No count, year or number of copies has more than a few digits; 18 keeps every value a
# machine integer and far below Python's 4,300-digit printing limit.
MAX_INT_DIGITS = 18
_MAX_INT = 10**MAX_INT_DIGITS


class ScalarProblem(JmctlError):
    """A scalar that is no value: `code` and `args` make its finding."""

    def __init__(self, code: str, args: dict[str, object]) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


def construct(loader: Any, tag: str, value: str, explicit: bool) -> Any:
    """Return the plain value of a scalar of core `tag` (not str or timestamp).

    An implicit tag that does not fit keeps the text (the schema then says what is
    wrong with it); an explicit one that does not fit is the user's mistake, said so.
    """
    if tag == f"{CORE}int" and _digits(value) > MAX_INT_DIGITS:
        raise _too_long(value)
    constructor: Callable[[yaml.ScalarNode], Any] = {
        f"{CORE}int": loader.construct_yaml_int,
        f"{CORE}float": loader.construct_yaml_float,
        f"{CORE}bool": loader.construct_yaml_bool,
        f"{CORE}null": loader.construct_yaml_null,
    }[tag]
    try:
        result = constructor(yaml.ScalarNode(tag, value))
    except (ValueError, KeyError, IndexError, TypeError, yaml.YAMLError):
        if not explicit:
            return value
        raise ScalarProblem("JM010", {"value": _excerpt(value), "tag": short_tag(tag)}) from None
    if isinstance(result, int) and not isinstance(result, bool) and abs(result) >= _MAX_INT:
        raise _too_long(value)  # 1:59:59:… (base 60) or 0x… reach it with fewer digits
    return result


def _digits(value: str) -> int:
    return sum(char.isalnum() for char in value)


def _too_long(value: str) -> ScalarProblem:
    return ScalarProblem(
        "JM009",
        {
            "value": _excerpt(value),
            "limit": Text(f"{MAX_INT_DIGITS} 位", f"{MAX_INT_DIGITS} digits"),
        },
    )


def _excerpt(value: str, size: int = 24) -> str | Text:
    if len(value) <= size:
        return value
    return Text(
        f"{value[:size]}…（共 {len(value)} 个字符）", f"{value[:size]}… ({len(value)} characters)"
    )


def short_tag(tag: str | None) -> str:
    """Return `!!int` for the core tag of int, the tag itself otherwise."""
    if tag and tag.startswith(CORE):
        return "!!" + tag[len(CORE) :]
    return tag or "?"
