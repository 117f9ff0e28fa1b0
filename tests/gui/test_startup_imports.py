"""The window's modules import each other in one direction only (issue 17: app, main_window and smoke were a cycle).

Every import is counted, the ones inside functions too: a lazy import that
closes a cycle still ties the modules together at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import desk.gui

GUI = Path(desk.gui.__file__).parent


def _imports(path: Path) -> set[str]:
    """The ``desk.gui`` modules that ``path`` imports anywhere in its body."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "desk.gui":
                found.update(f"desk.gui.{a.name}" for a in node.names)
            elif node.module.startswith("desk.gui."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("desk.gui."))
    return found


def import_graph() -> dict[str, set[str]]:
    return {f"desk.gui.{p.stem}": _imports(p) - {f"desk.gui.{p.stem}"} for p in GUI.glob("*.py") if p.stem != "__init__"}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as a list of nodes (first repeated last), or [] when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return []


def test_find_cycle_sees_a_lazy_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_imports_are_read_inside_functions_too(tmp_path: Path) -> None:
    mod = tmp_path / "m.py"
    mod.write_text("def f():\n    from desk.gui.app import main\n    from desk.gui import crash\n", encoding="utf-8")
    assert _imports(mod) == {"desk.gui.app", "desk.gui.crash"}


def test_window_modules_form_no_cycle() -> None:
    graph = import_graph()
    assert {"desk.gui.app", "desk.gui.crash", "desk.gui.application", "desk.gui.main_window"} <= set(graph)
    assert find_cycle(graph) == []


def test_nothing_imports_the_start_up() -> None:
    """Only launch.py starts the window: no module of the window imports ``desk.gui.app``."""
    assert [m for m, deps in import_graph().items() if "desk.gui.app" in deps] == []
