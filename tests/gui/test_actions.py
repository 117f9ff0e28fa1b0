"""The window's commands are data (desk.gui.actions): every one reachable, callable, safe, enabled when it should be."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtGui import QKeySequence

from desk.gui import actions
from desk.gui.actions import ACTIONS, MENUS, SPECS, SUBMENU_GROUPS, TOOLBAR, ActionSpec, resolve


def _ids(entries: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for e in entries:
        if e == "-" or e.startswith("@"):
            continue
        if ">" in e:
            out.update(SUBMENU_GROUPS[e.split(">", 1)[0]])
        else:
            out.add(e)
    return out


def test_every_declared_action_is_in_a_menu_or_the_toolbar_and_every_entry_is_declared() -> None:
    placed = set().union(*(_ids(entries) for _, entries in MENUS)) | _ids(TOOLBAR)
    assert placed == set(SPECS)
    assert len(SPECS) == len(ACTIONS), "two actions share an id"


def test_no_two_actions_share_a_shortcut(qapp) -> None:  # type: ignore[no-untyped-def]
    """(Standard keys are looked up in the platform theme: the application must exist.)"""
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for sc in spec.shortcuts:
            for key in QKeySequence.keyBindings(sc) if isinstance(sc, QKeySequence.StandardKey) else [QKeySequence(sc)]:
                text = key.toString()
                assert text not in seen, f"{spec.id} and {seen[text]} both use {text}"
                seen[text] = spec.id


def test_action_texts_are_literals() -> None:
    """The plain-text rule trusts ActionSpec texts: each is written in desk, never built from data."""
    tree = ast.parse(Path(actions.__file__).read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "ActionSpec"]
    assert len(calls) == len(ACTIONS)
    for call in calls:
        shown = call.args[1:2] + call.args[4:5] + [k.value for k in call.keywords if k.arg in ("text", "tip", "short")]
        assert all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in shown), ast.unparse(call)
    assert all(c in actions.CONDITIONS for c in (s.enabled_when for s in ACTIONS))


def test_every_handler_resolves_on_the_window(fake_window) -> None:  # type: ignore[no-untyped-def]
    for spec in ACTIONS:
        assert callable(resolve(fake_window, spec.handler)), spec.id
    assert {m.title() for m in fake_window.menuBar().findChildren(type(fake_window.recent_menu))} >= {
        t for t, _ in MENUS}


def test_a_declared_action_calls_its_handler_with_its_arguments(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    class Owner(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[tuple[object, ...]] = []

        def go(self, *args: object) -> None:
            self.calls.append(args)

    owner = Owner()
    built = actions.build_actions(owner, [
        ActionSpec("a", "&A", "go", ("Ctrl+Alt+F12",), args=(3,)),
        ActionSpec("b", "&B", "go", checkable=True, pass_checked=True, args=("x",)),
        ActionSpec("c", "&C", "go", enabled_when=actions.FOLDER),
    ])
    built["a"].trigger()
    built["b"].trigger()
    assert owner.calls == [(3,), ("x", True)]
    assert built["a"].shortcut().toString() == "Ctrl+Alt+F12"
    specs = {"a": ActionSpec("a", "&A", "go"), "b": ActionSpec("b", "&B", "go"),
             "c": ActionSpec("c", "&C", "go", enabled_when=actions.FOLDER)}
    actions.update_enabled(built, {actions.FOLDER: False}, specs)
    assert (built["a"].isEnabled(), built["c"].isEnabled()) == (True, False)
    actions.update_enabled(built, {actions.FOLDER: True}, specs)
    assert built["c"].isEnabled()


def test_actions_are_enabled_when_their_condition_holds(qtbot, fake_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = fake_window
    acts = w.commands
    assert not acts["reindex"].isEnabled()
    assert not acts["copy_markdown"].isEnabled()
    assert acts["export"].isEnabled()  # Ctrl+E says what to do first instead of doing nothing
    w.library_factory_orig = w.library_factory

    def held(f: str, d: str | None):  # type: ignore[no-untyped-def]
        lib = w.library_factory_orig(f, d)
        lib.gate.clear()
        return lib

    w.library_factory = held
    with qtbot.waitSignal(w.folderOpened, timeout=10000):
        assert w.open_folder(tmp_path)
    assert acts["reindex"].isEnabled()
    assert acts["cancel"].isEnabled()  # the index runs
    # the toolbar keeps its short labels when the actions change state (screenshot: "Compare Outlets" crept in)
    from PySide6.QtWidgets import QToolButton

    button = w.findChild(QToolButton, "compareButton")
    assert button.text() == "Compare"
    assert w.toolbar.widgetForAction(acts["collate"]).text() == "Collate"
    with qtbot.waitSignal(w.indexed, timeout=10000):
        w.library.gate.set()
    assert not acts["cancel"].isEnabled()
    with qtbot.waitSignal(w.compared, timeout=10000):
        w.compare("soldiers killed")
    assert acts["copy_markdown"].isEnabled()
    assert acts["next_disagreement"].isEnabled()
    acts["theme_dark"].trigger()
    assert w.settings.get("view/theme") == "dark"
    assert acts["theme_dark"].isChecked()
    assert not acts["theme_light"].isChecked()
    acts["lock_rows"].trigger()
    assert w.compare_view.lock.isChecked() == acts["lock_rows"].isChecked()
    w.close_library()
    assert not acts["reindex"].isEnabled()
