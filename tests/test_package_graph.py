# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The packages under ``welkom`` form a directed graph (docs/architecture: the layers).

grimp reads every import of every module, late (function-level) and ``TYPE_CHECKING`` imports
included; an import between two modules is an edge between their top-level packages
(``welkom.core``, ``welkom.auth``, …; a top-level module such as ``welkom.tables`` counts as a
package). A cycle is a strongly connected set of two or more packages.

- ``core`` imports no other package: domains fill its registries at start.
- Nothing imports the shell (the app factory, the CLI, the demo, the table list), which may
  import everything.
- No cycle but those in :data:`ALLOWED_CYCLES`, a list that can only shrink: the test fails on a
  new cycle, and on an allowed one that is gone (remove it from the list then).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp
import pytest

ROOT = "welkom"
#: Modules and packages that wire every domain together; they may import anything, nothing may
#: import them (but each other: ``__main__`` runs the CLI, the CLI starts the app).
SHELL = frozenset({"app", "cli", "__main__", "demo", "tables"})

#: Cycles still to break, each the full set of packages in it: empty, and it may only stay so
#: (or shrink, should a cycle ever have to be allowed for a while with a comment on how to break
#: it). The test fails on a cycle not listed here and on a listed one that is gone.
ALLOWED_CYCLES: frozenset[frozenset[str]] = frozenset()


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(ROOT, cache_dir=None)


def package_edges(graph: grimp.ImportGraph, root: str = ROOT) -> dict[str, set[str]]:
    """For each top-level package under ``root``, the other top-level packages it imports."""
    edges: dict[str, set[str]] = defaultdict(set)
    depth = root.count(".") + 1
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) <= depth:
            continue
        importer = parts[depth]
        edges[importer]  # every package is a node, importing or not
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")
            if len(target) > depth and target[depth] != importer:
                edges[importer].add(target[depth])
    return dict(edges)


def cycles(edges: Mapping[str, Iterable[str]]) -> set[frozenset[str]]:
    """The strongly connected sets of two or more nodes (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def chains(graph: grimp.ImportGraph, cycle: frozenset[str]) -> list[str]:
    """The module imports that make up a cycle, to name in a failure."""
    lines = []
    for importer in sorted(cycle):
        for imported in sorted(cycle - {importer}):
            for found in graph.find_matching_direct_imports(
                import_expression=f"{ROOT}.{importer}.** -> {ROOT}.{imported}.**"
            ):
                lines.append(f"{found['importer']} -> {found['imported']}")
    return sorted(lines)


def test_no_cycle_between_packages_but_the_allowed_ones(graph: grimp.ImportGraph) -> None:
    found = cycles(package_edges(graph))
    new = found - ALLOWED_CYCLES
    assert not new, "import cycles between packages:\n" + "\n".join(
        f"{sorted(cycle)}:\n  " + "\n  ".join(chains(graph, cycle)) for cycle in new
    )
    gone = ALLOWED_CYCLES - found
    assert not gone, f"these cycles are gone: remove them from ALLOWED_CYCLES: {gone}"


def test_core_imports_no_other_package(graph: grimp.ImportGraph) -> None:
    imported = package_edges(graph)["core"]
    assert imported == set(), sorted(
        f"{found['importer']} -> {found['imported']}"
        for package in imported
        for found in graph.find_matching_direct_imports(
            import_expression=f"{ROOT}.core.** -> {ROOT}.{package}.**"
        )
    )


def test_nothing_imports_the_shell(graph: grimp.ImportGraph) -> None:
    edges = package_edges(graph)
    assert set(edges) >= SHELL
    offending = {
        package: sorted(targets & SHELL)
        for package, targets in edges.items()
        if package not in SHELL and targets & SHELL
    }
    assert offending == {}


def test_the_cycle_finder_finds_cycles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: a package graph with a cycle closed by a function-level import
    is caught, and the same graph without that import is not."""
    root = tmp_path / "cyclic"
    for name, body in {
        "__init__.py": "",
        "a/__init__.py": "from cyclic.b import thing\n",
        "b/__init__.py": "from cyclic.c import thing\n",
        "c/__init__.py": "thing = 1\n\n\ndef late():\n    from cyclic import a\n\n    return a\n",
        "d/__init__.py": "from cyclic.a import thing\n",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(body)
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("cyclic", cache_dir=None)
    edges = package_edges(graph, "cyclic")
    assert cycles(edges) == {frozenset({"a", "b", "c"})}
    graph.remove_import(importer="cyclic.c", imported="cyclic.a")
    assert cycles(package_edges(graph, "cyclic")) == set()
