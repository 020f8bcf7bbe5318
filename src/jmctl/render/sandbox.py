"""A Jinja sandbox with bounds: a user's wording template can neither read what it is
not given (Jinja's immutable sandbox) nor run without end or fill the memory.

Each macro call (and the loading of a template) runs under a `budget.Budget`: time and
steps (every loop turn, call and lookup counts one), and what it writes. The sizes of
the values it builds are checked by `sizes`, before the operations that multiply sizes.
Here: the environment that routes every operation through those checks, and the code
generator that counts every piece of output and checks every `~`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from jmctl.render.budget import MAX_VALUE, TemplateLimit, bounded, current_budget
from jmctl.render.sizes import (
    bounded_filter,
    check_format,
    check_format_method,
    check_replace,
    check_size,
    check_width,
    joined,
    product_size,
    safe_range,
    too_big,
)

__all__ = ["BoundedSandbox", "TemplateLimit", "bounded"]

V = TypeVar("V")


class _Generator(CodeGenerator):
    """Jinja's code generator with every output counted and every `~` checked."""

    def _output_const_repr(self, group: Iterable[object]) -> str:
        return f"environment.jmctl_out({super()._output_const_repr(group)})"

    def _output_child_pre(
        self, node: nodes.Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo
    ) -> None:
        self.write("environment.jmctl_out(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(
        self, node: nodes.Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo
    ) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
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
        self.globals["range"] = safe_range
        del self.globals["lipsum"]  # lipsum(10**6) writes a million paragraphs of filler
        self.filters = {name: bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters["jmctl_steps"] = _steps

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse, then make every loop count its iterations against the budget."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "jmctl_steps", [], [], None, None)
        return tree

    def call_binop(self, context: Context, operator: str, left: object, right: object) -> object:
        current_budget().step()
        product_size(operator, left, right)
        return check_size(super().call_binop(context, operator, left, right))

    def getattr(self, obj: object, attribute: str) -> object:
        current_budget().step()
        check_format_method(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: object, argument: object) -> object:
        current_budget().step()
        check_format_method(obj, argument)
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: object, *args: Any, **kwargs: Any) -> object:
        current_budget().step()
        if __obj is not safe_range:
            for value in (*args, *kwargs.values()):
                check_width(value)
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            if name == "join" and args:
                args = (joined(args[0], owner), *args[1:])
            elif name == "replace" and len(args) >= 2:
                check_replace(owner, str(args[0]), str(args[1]))
            elif name in ("format", "format_map"):
                check_format(owner)
            elif name == "expandtabs":
                width = args[0] if args else 8
                if isinstance(width, int) and owner.count("\t") * width > MAX_VALUE:
                    raise too_big(owner.count("\t") * width)
        return check_size(super().call(__context, __obj, *args, **kwargs))

    @staticmethod
    def jmctl_out(value: V) -> V:
        current_budget().write(len(value) if isinstance(value, str) else 1)
        return value

    @staticmethod
    def jmctl_concat(parts: tuple[object, ...]) -> str:
        return "".join(str(part) for part in joined(parts))


def _steps(iterable: Iterable[V]) -> Iterator[V]:
    """Yield the items of a loop, one budget step each."""
    budget = current_budget()
    for item in iterable:
        budget.step()
        yield item
