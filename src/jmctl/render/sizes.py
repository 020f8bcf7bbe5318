"""Sizes a wording template may build, checked before the operation that would build
them (`'x' * 10**10` and `9**(9**9)` never start) and after every other one."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from jmctl.render.budget import MAX_INT_DIGITS, MAX_RANGE, MAX_VALUE, TemplateLimit, current_budget


def too_big(size: int) -> TemplateLimit:
    return TemplateLimit(
        f"生成的值过大（{size:,}，上限 {MAX_VALUE:,} 个字符或项）",
        f"builds a value too large ({size:,}; at most {MAX_VALUE:,} characters or items)",
    )


V = TypeVar("V")


def check_size(value: V) -> V:
    if isinstance(value, (str, list, tuple, dict, set, bytes)) and len(value) > MAX_VALUE:
        raise too_big(len(value))
    if isinstance(value, int) and not isinstance(value, bool):
        check_int_size(value)
    return value


_MAX_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))


def check_int_size(value: int) -> None:
    if value.bit_length() > _MAX_INT_BITS:
        raise _inttoo_big()


def _inttoo_big() -> TemplateLimit:
    return TemplateLimit(
        f"整数超过 {MAX_INT_DIGITS} 位", f"an integer of more than {MAX_INT_DIGITS} digits"
    )


def check_width(value: object) -> None:
    """Refuse a count or width (center(n), indent(n), 'x' * n …) beyond MAX_VALUE."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
        raise too_big(abs(value))


_FORMAT_NUMBER = re.compile(r"\d{7,}")  # a width or precision of a million or more


def check_format(pattern: object) -> None:
    if isinstance(pattern, str) and (number := _FORMAT_NUMBER.search(pattern)):
        raise too_big(int(number.group()[:18]))


def check_format_method(obj: object, attribute: object) -> None:
    """str.format reaches templates wrapped by Jinja (no longer a method of its string):
    check the widths in its pattern when it is looked up."""
    if isinstance(obj, str) and attribute in ("format", "format_map"):
        check_format(obj)


def _sized(value: object) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 1


def product_size(operator: str, left: object, right: object) -> None:
    """Refuse, before computing it, a result of `left operator right` over the bounds."""
    if isinstance(left, int) and isinstance(right, int):
        _number_size(operator, left, right)
    elif operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if (
                isinstance(sequence, (str, list, tuple))
                and isinstance(count, int)
                and len(sequence) * max(count, 0) > MAX_VALUE
            ):
                raise too_big(len(sequence) * count)
    elif operator == "+" and isinstance(left, (str, list, tuple)):
        if _sized(left) + _sized(right) > MAX_VALUE:
            raise too_big(_sized(left) + _sized(right))
    elif operator == "%":
        check_format(left)


def _number_size(operator: str, left: int, right: int) -> None:
    if operator == "*" and left.bit_length() + right.bit_length() > _MAX_INT_BITS:
        raise _inttoo_big()
    growing = operator == "**" and abs(left) > 1 and right > 0
    if growing and right * math.log2(abs(left)) > _MAX_INT_BITS:
        raise _inttoo_big()


def safe_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_RANGE:
        raise TemplateLimit(
            f"range 超过 {MAX_RANGE:,} 项", f"range() of more than {MAX_RANGE:,} items"
        )
    return span


def joined(parts: Iterable[V], separator: str = "") -> list[V]:
    """Return `parts` as a list after checking that joining them stays within MAX_VALUE."""
    items = list(parts)
    size = sum(len(str(item)) for item in items) + len(separator) * max(len(items) - 1, 0)
    if size > MAX_VALUE:
        raise too_big(size)
    return items


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter: count a step, check its widths before and its result after."""

    # A filter marked pass_context (or _environment, _eval_context) gets that first.
    skip = 1 if hasattr(function, "jinja_pass_arg") else 0

    def run(*given: Any, **kwargs: Any) -> object:
        current_budget().step()
        passed, args = given[:skip], given[skip:]
        for value in (*args[1:], *kwargs.values()):
            check_width(value)
        if name == "join" and args:
            separator = args[1] if len(args) > 1 else kwargs.get("d", "")
            args = (joined(args[0], str(separator)), *args[1:])
        elif name == "replace" and len(args) >= 3 and isinstance(args[0], str):
            check_replace(args[0], str(args[1]), str(args[2]))
        elif name == "indent" and args and isinstance(args[0], str):
            width = args[1] if len(args) > 1 else kwargs.get("width", 4)
            if isinstance(width, int) and (args[0].count("\n") + 1) * width > MAX_VALUE:
                raise too_big((args[0].count("\n") + 1) * width)
        elif name == "format" and args:
            check_format(args[0])
        return check_size(function(*passed, *args, **kwargs))

    run.__name__ = getattr(function, "__name__", name)
    if skip:
        # the marker Jinja reads on a filter function; functions have no declared attributes
        run.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return run


def check_replace(text: str, old: str, new: str) -> None:
    count = text.count(old) if old else len(text) + 1
    if len(text) + count * max(len(new) - len(old), 0) > MAX_VALUE:
        raise too_big(len(text) + count * len(new))
