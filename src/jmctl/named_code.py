"""Code a registry names as `package.module:function`, imported when first used.

The registries under data/ (render_kinds.yaml, change_kinds.yaml) name the code of each
of their entries this way, so that a new entry is its registry line plus its own code,
and reading a registry (for `jmctl --help`) loads none of that code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from typing import Any, cast


@cache
def named_code(spec: str) -> Callable[..., Any]:
    """Return the function or class `spec` (`package.module:name`) names, importing it."""
    module, colon, name = spec.partition(":")
    if not colon or not module or not name:
        raise ValueError(f"{spec!r} is not module:name")
    found = getattr(import_module(module), name)
    if not callable(found):
        raise ValueError(f"{spec!r} names no function")
    return cast(Callable[..., Any], found)
