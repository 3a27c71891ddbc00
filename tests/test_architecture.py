"""The package's shape, read from its source with ``ast``: small modules, no module reaching into another's
private names, no import circle.

- Every module under paldocs/ has at most 400 lines (the house rule: a module that grows past it has two
  jobs and is split along the seam between them).
- No module imports or reads a name starting with "_" from another module (``from x import _name``,
  ``x._name``): what a module offers others is its public names; tests may reach privates, the package not.
- The import graph of paldocs (imports run when a module is loaded: module level, not inside functions or
  ``if TYPE_CHECKING``; importing ``a.b.c`` also runs ``a.b`` unless it is a package around the importer;
  ``from a.b import name`` depends on ``a.b`` itself when ``name`` is not a submodule) has no cycle — neither
  among the command-line modules nor anywhere else.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "paldocs"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
TREES = {name: ast.parse(path.read_text(encoding="utf-8"), str(path)) for name, path in MODULES.items()}


def absolute(module: str, node: ast.ImportFrom) -> str:
    """The module an ``ImportFrom`` names, relative imports resolved against ``module``."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def private_uses(module: str, tree: ast.Module) -> Iterator[str]:
    """``from x import _name`` and ``x._name`` (``x`` bound by an import) of another paldocs module."""
    imported: dict[str, str] = {}  # local name → module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("paldocs"):
                    imported[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else "paldocs"
        elif isinstance(node, ast.ImportFrom):
            source = absolute(module, node)
            if not source.startswith("paldocs"):
                continue
            for alias in node.names:
                if _private(alias.name) and source != module:
                    yield f"line {node.lineno}: from {source} import {alias.name}"
                full = f"{source}.{alias.name}"
                if full in MODULES:  # "from paldocs.writers import pdf": a module bound to a name
                    imported[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            dotted = _dotted(node.value)
            root, _, rest = (dotted or "").partition(".")
            if root in imported:
                target = imported[root] + (f".{rest}" if rest else "")
                if target != module:
                    yield f"line {node.lineno}: {dotted}.{node.attr}"


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and (base := _dotted(node.value)):
        return f"{base}.{node.attr}"
    return None


def load_time_imports(module: str, tree: ast.Module) -> set[str]:
    """The paldocs modules importing ``module`` loads (module level; TYPE_CHECKING blocks and function bodies
    excluded), each with its parent packages."""
    found: set[str] = set()  # modules named by the imports, without the packages Python loads on the way
    ancestors = {".".join(module.split(".")[:end]) for end in range(1, module.count(".") + 1)}

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                source = absolute(module, node)
                submodules = {f"{source}.{alias.name}" for alias in node.names} & MODULES.keys()
                found.update(submodules)
                if len(submodules) < len(node.names):  # a name defined in ``source`` itself
                    found.add(source)
            elif isinstance(node, ast.If) and not _type_checking(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.If):
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                for block in (node.body, node.orelse, node.finalbody, *(handler.body for handler in node.handlers)):
                    visit(block)
            elif isinstance(node, ast.With):
                visit(node.body)

    visit(tree.body)
    edges: set[str] = set()
    for name in found:
        # Importing a.b.c loads a and a.b first — except the packages around ``module``, which are already
        # being loaded when it runs (a package's own submodules importing each other is no circle through it).
        parts = name.split(".")
        packages = {".".join(parts[:end]) for end in range(1, len(parts))} - ancestors
        edges.update(name for name in {*packages, name} if name in MODULES and name != module)
    return edges


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


GRAPH = {name: load_time_imports(name, tree) for name, tree in TREES.items()}


def cycles(graph: dict[str, set[str]], within: str = "paldocs") -> list[list[str]]:
    """Every strongly connected group of two or more modules (or a module importing itself) under ``within``."""
    nodes = [name for name in graph if name == within or name.startswith(within + ".")]
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in nodes:
                continue
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                groups.append(sorted(group))

    for node in nodes:
        if node not in index:
            connect(node)
    return groups


def test_no_module_is_over_400_lines() -> None:
    long = {name: count for name, path in MODULES.items()
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"modules over {MAX_LINES} lines (split each along its seam): {long}"


def test_no_module_uses_another_modules_private_names() -> None:
    uses = {name: found for name, tree in TREES.items() if (found := list(private_uses(name, tree)))}
    assert uses == {}, f"private names used across modules: {uses}"


@pytest.mark.parametrize("within", ["paldocs.cli", "paldocs"])
def test_no_import_cycle(within: str) -> None:
    assert cycles(GRAPH, within) == []


def test_the_checks_above_can_fail() -> None:
    """The scanners see what they look for (a test that cannot fail proves nothing)."""
    tree = ast.parse("from paldocs.api import _compose\nimport paldocs.writers.pdf as pdf\npdf._resources()\n")
    assert len(list(private_uses("paldocs.batch", tree))) == 2
    assert cycles({"paldocs.a": {"paldocs.b"}, "paldocs.b": {"paldocs.a"}, "paldocs.c": {"paldocs.a"}}) == [
        ["paldocs.a", "paldocs.b"]]
    lazy = ast.parse("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import paldocs.api\n"
                     "def f():\n    import paldocs.batch\nimport paldocs.cli.errors\n")
    assert load_time_imports("paldocs.cli.build", lazy) == {"paldocs.cli.errors"}
    parent = ast.parse("from paldocs.checks import rule\n")  # a name of the package around it: a real edge
    assert load_time_imports("paldocs.checks.rules_data", parent) == {"paldocs.checks"}
    assert GRAPH["paldocs.cli.build"] >= {"paldocs.cli.errors", "paldocs.cli.options"}  # the real graph is read


HELP_PROBE = """
import json, sys
from paldocs.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.startswith(("paldocs", "pydantic", "jinja2", "yaml")))),
      file=sys.stderr)
"""


def loaded_by(*args: str) -> tuple[str, set[str]]:
    """The output of ``paldocs ARGS`` and the modules it loaded, in a fresh interpreter."""
    import json
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", HELP_PROBE, *args], capture_output=True, text=True, cwd=REPO,
                            check=True)
    return result.stdout, set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_help_lists_every_command_without_loading_the_pipeline() -> None:
    from paldocs.cli import COMMANDS

    shown, loaded = loaded_by("--help")
    listed = shown.split("Commands:")[1]
    assert all(f"\n  {name} " in listed for name in COMMANDS), listed
    assert not loaded & {"paldocs.api", "paldocs.batch", "paldocs.compose", "paldocs.context", "pydantic", "jinja2",
                         "yaml"}, sorted(loaded)


def test_a_command_loads_its_own_module_only() -> None:
    _, loaded = loaded_by("kinds", "--help")
    assert "paldocs.cli.info" in loaded
    assert not loaded & {"paldocs.cli.build", "paldocs.cli.check", "paldocs.cli.files", "paldocs.cli.acts",
                         "paldocs.cli.import_command"}, sorted(loaded)
