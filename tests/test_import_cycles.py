"""No import cycle among jmctl's modules: each module's module-level imports of other
jmctl modules form a graph without cycles (read from the source, nothing imported).

Imports inside functions are allowed and not part of the graph: they are how a command
stays light (`jmctl --help` loads no YAML parser, no renderer) and how an optional
component (LibreOffice's helpers, a spreadsheet library) is loaded only when used.
Imports under `if TYPE_CHECKING:` never run and are left out too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SOURCE = Path(__file__).parents[1] / "src"
PACKAGE = SOURCE / "jmctl"


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Yield the imports that run when the module is imported (try/if included)."""
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            pending.extend([*node.body, *node.orelse])
        elif isinstance(node, ast.Try):
            pending.extend([*node.body, *node.orelse, *node.finalbody])
            for handler in node.handlers:
                pending.extend(handler.body)


def targets(node: ast.Import | ast.ImportFrom, importer: str) -> set[str]:
    """Return the jmctl modules an import statement loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    base = node.module or ""
    if node.level:  # a relative import, from the importer's package
        package = importer.split(".")
        is_package = MODULES[importer].name == "__init__.py"
        anchor = package if is_package else package[:-1]
        anchor = anchor[: len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    found = {base} if base in MODULES else set()
    # `from jmctl.render import styles` loads the module jmctl.render.styles.
    found |= {f"{base}.{alias.name}" for alias in node.names} & set(MODULES)
    return found


@cache
def syntax_tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text("utf-8"))


@cache
def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        tree = syntax_tree(name)
        edges = {t for node in module_level(tree) for t in targets(node, name)}
        graph[name] = edges - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan's)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


# The imports inside functions that would close a cycle if moved to the top, and why
# each module needs the other. Every other import inside a function is there to keep
# a command light (cli.py imports each command's library when it runs) or to load an
# optional component when used; moving it up would make no cycle.
CYCLE_BREAKERS = {
    # A workbook is read as a data file: loading hands .xlsx to the workbook reader,
    # which builds its located document with loading's types.
    ("jmctl.loading", "jmctl.workbook.reading"),
    # The model builds its sessions with sessions.py, whose types name the model's.
    ("jmctl.model", "jmctl.sessions"),
    # A schema finding's hint (schema_hints) reads the schema's titles back.
    ("jmctl.schema", "jmctl.schema_hints"),
    # A YAML syntax hint reads the schema; the schema imports the loader, which hints.
    ("jmctl.yaml_hints", "jmctl.schema"),
}


def function_level_edges() -> set[tuple[str, str]]:
    edges = set()
    for name in MODULES:
        tree = syntax_tree(name)
        top = {id(node) for node in module_level(tree)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top:
                edges |= {(name, target) for target in targets(node, name) if target != name}
    return edges


def reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, pending = {start}, [start]
    while pending:
        node = pending.pop()
        if node == goal:
            return True
        fresh = graph[node] - seen
        seen |= fresh
        pending.extend(fresh)
    return False


@pytest.mark.slow
def test_each_import_that_breaks_a_cycle_is_known() -> None:
    graph = import_graph()
    closing = {(a, b) for a, b in function_level_edges() if reaches(graph, b, a)}
    assert closing == CYCLE_BREAKERS


@pytest.mark.slow
def test_no_module_imports_itself_back() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_the_graph_reads_every_kind_of_import() -> None:
    graph = import_graph()
    assert "jmctl.render.styles" in graph["jmctl.render.decisions_table"]  # from pkg import mod
    assert "jmctl.render_kinds" in graph["jmctl.render.api"]
    assert len(graph) == len(MODULES) > 100
