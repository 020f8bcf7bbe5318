"""A Jinja sandbox with bounds: a user's wording template can neither read what it is
not given (Jinja's immutable sandbox) nor run without end or fill the memory.

Each macro call (and the loading of a template) runs under a `Budget`:
- wall-clock time (TEMPLATE_SECONDS) and steps (MAX_STEPS: loop iterations, calls,
  attribute lookups), checked cooperatively at every step, so the bound holds in any
  thread or worker process, without signals;
- the size of every value a template builds (MAX_VALUE characters or items), checked
  *before* the operations that multiply sizes (`*`, `**`, `%`, join, replace, widths
  of center/indent/…), so that `'x' * 10**10` or `9**(9**9)` never starts;
- the size of its output (MAX_OUTPUT characters), counted as it is written.
"""

from __future__ import annotations

import contextvars
import math
import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jmctl.loading import MAX_CHARS

TEMPLATE_SECONDS = 2.0  # per macro call: the built-in wording takes well under a millisecond
MAX_STEPS = 200_000  # loop iterations, calls and lookups per macro call
# Characters of a string or items of a list a template builds, and characters a macro
# call writes: as much as a data file may hold (loading.MAX_CHARS), so that any data
# passes through once, and no more.
MAX_VALUE = MAX_CHARS
MAX_OUTPUT = MAX_CHARS
MAX_RANGE = 10_000  # items of range()
MAX_INT_DIGITS = 1_000  # of an integer a template computes
_CHECK_CLOCK_EVERY = 256  # steps


class TemplateLimit(Exception):
    """A template passed one of the bounds; says which, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass
class Budget:
    deadline: float
    steps: int = 0
    written: int = 0
    _next_clock: int = field(default=_CHECK_CLOCK_EVERY)

    def step(self) -> None:
        self.steps += 1
        if self.steps >= self._next_clock:
            self._next_clock += _CHECK_CLOCK_EVERY
            if self.steps > MAX_STEPS:
                raise TemplateLimit(f"超过 {MAX_STEPS:,} 步", f"more than {MAX_STEPS:,} steps")
            if time.monotonic() > self.deadline:
                raise TemplateLimit(
                    f"运行超过 {TEMPLATE_SECONDS:g} 秒", f"ran longer than {TEMPLATE_SECONDS:g} s"
                )

    def write(self, size: int) -> None:
        self.written += size
        if self.written > MAX_OUTPUT:
            raise TemplateLimit(
                f"输出超过 {MAX_OUTPUT:,} 个字符", f"wrote more than {MAX_OUTPUT:,} characters"
            )


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)


@contextmanager
def bounded() -> Iterator[Budget]:
    """Run the template code inside the `with` under a fresh budget.

    In the main thread of a process (the command line, and each batch worker) an alarm
    also interrupts what the cooperative checks cannot see: a filter busy in pure
    Python on a large value (wordwrap of a million words).
    """
    budget = Budget(time.monotonic() + TEMPLATE_SECONDS)
    token = _BUDGET.set(budget)
    previous = _arm_alarm()
    try:
        yield budget
    finally:
        _disarm_alarm(previous)
        _BUDGET.reset(token)


_NOT_ARMED = object()


def _arm_alarm() -> Any:
    """Start the alarm when this thread may and no one else uses it; return what to restore."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        return _NOT_ARMED
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, TEMPLATE_SECONDS * 1.5)
    return previous


def _disarm_alarm(previous: Any) -> None:
    if previous is not _NOT_ARMED:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _out_of_time(signum: int, frame: object) -> None:
    raise TemplateLimit(
        f"运行超过 {TEMPLATE_SECONDS:g} 秒", f"ran longer than {TEMPLATE_SECONDS:g} s"
    )


def _budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:  # outside `bounded()` (constant folding while compiling): a fresh one
        return Budget(time.monotonic() + TEMPLATE_SECONDS)
    return budget


def _too_big(size: int) -> TemplateLimit:
    return TemplateLimit(
        f"生成的值过大（{size:,}，上限 {MAX_VALUE:,} 个字符或项）",
        f"builds a value too large ({size:,}; at most {MAX_VALUE:,} characters or items)",
    )


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, dict, set, bytes)) and len(value) > MAX_VALUE:
        raise _too_big(len(value))
    if isinstance(value, int) and not isinstance(value, bool):
        _check_int_size(value)
    return value


_MAX_INT_BITS = int(MAX_INT_DIGITS * math.log2(10))


def _check_int_size(value: int) -> None:
    if value.bit_length() > _MAX_INT_BITS:
        raise _int_too_big()


def _int_too_big() -> TemplateLimit:
    return TemplateLimit(
        f"整数超过 {MAX_INT_DIGITS} 位", f"an integer of more than {MAX_INT_DIGITS} digits"
    )


def _check_width(value: Any) -> None:
    """Refuse a count or width (center(n), indent(n), 'x' * n …) beyond MAX_VALUE."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE:
        raise _too_big(abs(value))


_FORMAT_NUMBER = re.compile(r"\d{7,}")  # a width or precision of a million or more


def _check_format(pattern: Any) -> None:
    if isinstance(pattern, str) and _FORMAT_NUMBER.search(pattern):
        raise _too_big(int(_FORMAT_NUMBER.search(pattern).group()[:18]))  # type: ignore[union-attr]


def _check_format_method(obj: Any, attribute: Any) -> None:
    """str.format reaches templates wrapped by Jinja (no longer a method of its string):
    check the widths in its pattern when it is looked up."""
    if isinstance(obj, str) and attribute in ("format", "format_map"):
        _check_format(obj)


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 1


def _product_size(operator: str, left: Any, right: Any) -> None:
    """Refuse, before computing it, a result of `left operator right` over the bounds."""
    numbers = isinstance(left, int) and isinstance(right, int)
    if operator == "*" and numbers:
        if left.bit_length() + right.bit_length() > _MAX_INT_BITS:
            raise _int_too_big()
    elif operator == "*":
        for sequence, count in ((left, right), (right, left)):
            repeated = isinstance(sequence, (str, list, tuple)) and isinstance(count, int)
            if repeated and len(sequence) * max(count, 0) > MAX_VALUE:
                raise _too_big(len(sequence) * count)
    elif operator == "**" and numbers and abs(left) > 1 and right > 0:
        if right * math.log2(abs(left)) > _MAX_INT_BITS:
            raise _int_too_big()
    elif operator == "+" and isinstance(left, (str, list, tuple)):
        if _sized(left) + _sized(right) > MAX_VALUE:
            raise _too_big(_sized(left) + _sized(right))
    elif operator == "%":
        _check_format(left)


def _safe_range(*args: int) -> range:
    span = range(*args)
    if len(span) > MAX_RANGE:
        raise TemplateLimit(
            f"range 超过 {MAX_RANGE:,} 项", f"range() of more than {MAX_RANGE:,} items"
        )
    return span


def _joined(parts: Iterable[Any], separator: str = "") -> list[Any]:
    """Return `parts` as a list after checking that joining them stays within MAX_VALUE."""
    items = list(parts)
    size = sum(len(str(item)) for item in items) + len(separator) * max(len(items) - 1, 0)
    if size > MAX_VALUE:
        raise _too_big(size)
    return items


def _bounded_filter(name: str, function: Any) -> Any:
    """Wrap a filter: count a step, check its widths before and its result after."""

    # A filter marked pass_context (or _environment, _eval_context) gets that first.
    skip = 1 if hasattr(function, "jinja_pass_arg") else 0

    def run(*given: Any, **kwargs: Any) -> Any:
        _budget().step()
        passed, args = given[:skip], given[skip:]
        for value in (*args[1:], *kwargs.values()):
            _check_width(value)
        if name == "join" and args:
            separator = args[1] if len(args) > 1 else kwargs.get("d", "")
            args = (_joined(args[0], str(separator)), *args[1:])
        elif name == "replace" and len(args) >= 3 and isinstance(args[0], str):
            _check_replace(args[0], str(args[1]), str(args[2]))
        elif name == "indent" and args and isinstance(args[0], str):
            width = args[1] if len(args) > 1 else kwargs.get("width", 4)
            if isinstance(width, int) and (args[0].count("\n") + 1) * width > MAX_VALUE:
                raise _too_big((args[0].count("\n") + 1) * width)
        elif name == "format" and args:
            _check_format(args[0])
        return _check_size(function(*passed, *args, **kwargs))

    run.__name__ = getattr(function, "__name__", name)
    if skip:
        run.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return run


def _check_replace(text: str, old: str, new: str) -> None:
    count = text.count(old) if old else len(text) + 1
    if len(text) + count * max(len(new) - len(old), 0) > MAX_VALUE:
        raise _too_big(len(text) + count * len(new))


class _Generator(CodeGenerator):
    """Jinja's code generator with every output counted and every `~` checked."""

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.jmctl_out({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        self.write("environment.jmctl_out(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Any, finalize: Any) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        self.write("environment.jmctl_concat((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with the bounds of this module."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _safe_range
        del self.globals["lipsum"]  # lipsum(10**6) writes a million paragraphs of filler
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters["jmctl_steps"] = _steps

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse, then make every loop count its iterations against the budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "jmctl_steps", [], [], None, None)
        return tree

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _budget().step()
        _product_size(operator, left, right)
        return _check_size(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().step()
        _check_format_method(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget().step()
        _check_format_method(obj, argument)
        return super().getitem(obj, argument)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _budget().step()
        if __obj is not _safe_range:
            for value in (*args, *kwargs.values()):
                _check_width(value)
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            if name == "join" and args:
                args = (_joined(args[0], owner), *args[1:])
            elif name == "replace" and len(args) >= 2:
                _check_replace(owner, str(args[0]), str(args[1]))
            elif name in ("format", "format_map"):
                _check_format(owner)
            elif name == "expandtabs":
                width = args[0] if args else 8
                if isinstance(width, int) and owner.count("\t") * width > MAX_VALUE:
                    raise _too_big(owner.count("\t") * width)
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    @staticmethod
    def jmctl_out(value: Any) -> Any:
        _budget().write(len(value) if isinstance(value, str) else 1)
        return value

    @staticmethod
    def jmctl_concat(parts: tuple[Any, ...]) -> str:
        return "".join(str(part) for part in _joined(parts))


def _steps(iterable: Any) -> Iterator[Any]:
    """Yield the items of a loop, one budget step each."""
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item
