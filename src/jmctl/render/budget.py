"""The budget a wording template runs under: time, steps and output, per macro call.

Checked cooperatively at every step (loop turn, call, lookup), so the bound holds in any
thread or worker process; in a process's main thread an alarm also interrupts what the
steps cannot see (a filter busy in pure Python on a large value).
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from jmctl.catalogue import Text
from jmctl.errors import JmctlError
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


class TemplateLimit(JmctlError):
    """A template passed one of the bounds; says which, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(Text(zh, en))
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


# What signal.signal returns: the handler to put back.
Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


@dataclass(frozen=True)
class _Armed:
    """The alarm is ours until disarmed; then `previous` handles SIGALRM again."""

    previous: Handler


def _arm_alarm() -> _Armed | None:
    """Start the alarm when this thread may and no one else uses it; return what to restore."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        return None
    previous = signal.signal(signal.SIGALRM, _out_of_time)
    signal.setitimer(signal.ITIMER_REAL, TEMPLATE_SECONDS * 1.5)
    return _Armed(previous)


def _disarm_alarm(armed: _Armed | None) -> None:
    if armed is not None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, armed.previous)


def _out_of_time(signum: int, frame: object) -> None:
    raise TemplateLimit(
        f"运行超过 {TEMPLATE_SECONDS:g} 秒", f"ran longer than {TEMPLATE_SECONDS:g} s"
    )


def current_budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:  # outside `bounded()` (constant folding while compiling): a fresh one
        return Budget(time.monotonic() + TEMPLATE_SECONDS)
    return budget
