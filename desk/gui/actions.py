"""Every command of the window, declared as data, and the one place that turns them into QActions.

As in Picard's ``actions.py``: an action is an id, its menu text, its
shortcuts, a tip, the name of the window method it calls, and when it is
enabled.  :data:`MENUS` and :data:`TOOLBAR` list the ids in the order they are
shown; an entry starting with ``@`` is a place the window fills itself (a
submenu filled on opening, the dock toggles, the search field).  Adding a
command is one :class:`ActionSpec` here and one method on the window.

Every text here is a literal written in desk, never article text: the
plain-text rule (``tests/gui/test_plain_text_rule.py``) trusts them, and
``tests/gui/test_actions.py`` checks that they stay literals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

Shortcut = str | QKeySequence.StandardKey

#: when an action can be used; the window says which of these hold (:func:`update_enabled`)
ALWAYS = ""
FOLDER = "folder"  # a folder is open
COMPARISON = "comparison"  # a comparison or collation with rows is on screen
BUSY = "busy"  # cancellable work is running
CONDITIONS = (ALWAYS, FOLDER, COMPARISON, BUSY)


@dataclass(frozen=True)
class ActionSpec:
    """One command: ``handler`` is a dotted attribute path from the window, called with ``args``."""

    id: str
    text: str
    handler: str
    shortcuts: tuple[Shortcut, ...] = ()
    tip: str = ""
    enabled_when: str = ALWAYS
    args: tuple[Any, ...] = ()
    #: a check box: ``group`` makes the ones sharing it exclusive; ``pass_checked`` appends the new state to args
    checkable: bool = False
    group: str = ""
    pass_checked: bool = False
    #: the label on a toolbar button (Qt's icon text; a button re-reads it whenever the action changes)
    short: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", "&Open Folder\u2026", "choose_folder", (QKeySequence.StandardKey.Open,),
               "Choose a folder of articles to index and compare"),
    ActionSpec("demo", "Open the &Demo Folder", "open_demo", (), "Open the bundled example articles"),
    ActionSpec("reindex", "&Re-index", "reindex", ("F5",), "Index new and changed files now", FOLDER),
    ActionSpec("export", "&Export\u2026", "export", ("Ctrl+E",),
               "Preview and save the ticked compare rows as Markdown"),
    ActionSpec("copy_markdown", "Copy as &Markdown", "copy_markdown", ("Ctrl+Shift+C",),
               "Copy the ticked compare rows to the clipboard as Markdown", COMPARISON),
    ActionSpec("quit", "&Quit", "close", ("Ctrl+Q",)),
    # Edit
    ActionSpec("find", "&Find\u2026", "focus_search", ("Ctrl+F", "Ctrl+L"), "Type a query; Enter compares the outlets"),
    ActionSpec("tick_all", "Tick &All Rows", "compare_view.model.set_all_checked", ("Ctrl+Shift+A",),
               enabled_when=COMPARISON, args=(True,)),
    ActionSpec("untick_all", "&Untick All Rows", "compare_view.model.set_all_checked", enabled_when=COMPARISON,
               args=(False,)),
    ActionSpec("cancel", "&Cancel Running Work", "cancel_busy", ("Esc",), enabled_when=BUSY),
    ActionSpec("save_search", "&Save This Search", "save_search", ("Ctrl+D",),
               "Keep the query in the search field under Edit > Saved Searches"),
    # View
    ActionSpec("show_compare", "&Compare", "tabs.setCurrentIndex", ("Ctrl+1",), args=(0,)),
    ActionSpec("show_reader", "&Reader", "tabs.setCurrentIndex", ("Ctrl+2",), args=(1,)),
    ActionSpec("show_claims", "C&laims", "tabs.setCurrentIndex", ("Ctrl+3",), args=(2,)),
    ActionSpec("show_timeline", "&Timeline", "tabs.setCurrentIndex", ("Ctrl+4",), args=(3,)),
    ActionSpec("theme_system", "Follow the &System", "set_theme", args=("system",), checkable=True, group="theme"),
    ActionSpec("theme_light", "&Light", "set_theme", args=("light",), checkable=True, group="theme"),
    ActionSpec("theme_dark", "&Dark", "set_theme", args=("dark",), checkable=True, group="theme"),
    ActionSpec("lock_rows", "&Lock Aligned Rows", "compare_view.lock.setChecked", checkable=True, pass_checked=True),
    # Go
    ActionSpec("compare", "&Compare Outlets", "compare_field", ("Ctrl+Return",),
               "Compare the outlets for the query in the search field", FOLDER, short="Compare"),
    ActionSpec("collate", "C&ollate Chosen Articles", "collate", ("Ctrl+K",),
               "Align two or more articles chosen in the Library, in reading order", FOLDER, short="Collate"),
    ActionSpec("next_disagreement", "&Next Disagreement", "compare_view.next_disagreement", ("F8",),
               enabled_when=COMPARISON),
    ActionSpec("previous_disagreement", "&Previous Disagreement", "compare_view.previous_disagreement", ("Shift+F8",),
               enabled_when=COMPARISON),
    ActionSpec("next_match", "Next &Match", "reader.next_match", (QKeySequence.StandardKey.FindNext,)),
    ActionSpec("previous_match", "Previous M&atch", "reader.previous_match", (QKeySequence.StandardKey.FindPrevious,)),
    # Help
    ActionSpec("help", "&How to Compare and Export", "show_help", (QKeySequence.StandardKey.HelpContents,)),
    ActionSpec("about", "&About desk", "show_about"),
)

#: menus in order: (title, entries); "-" is a separator, "@name" a place the window fills,
#: "name>Title" a submenu of that title the window fills when it opens
MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("open", "@recent>Open &Recent", "demo", "-", "reindex", "-", "export", "copy_markdown", "-", "quit")),
    ("&Edit", ("find", "tick_all", "untick_all", "cancel", "-", "save_search", "@saved>Sa&ved Searches",
               "@history>Recent Searc&hes")),
    ("&View", ("show_compare", "show_reader", "show_claims", "show_timeline", "-", "@docks", "-",
               "theme>&Theme", "lock_rows")),
    ("&Go", ("compare", "collate", "-", "next_disagreement", "previous_disagreement", "next_match", "previous_match")),
    ("&Help", ("help", "about")),
)
#: the toolbar: "@search" is the search bar, "@compare" a button for the compare action with a short label
TOOLBAR: tuple[str, ...] = ("open", "@search", "@compare", "collate", "export")
#: the actions of a submenu that is declared by its group ("theme>&Theme")
SUBMENU_GROUPS = {"theme": ("theme_system", "theme_light", "theme_dark")}

SPECS: dict[str, ActionSpec] = {s.id: s for s in ACTIONS}


def resolve(owner: object, dotted: str) -> Callable[..., Any]:
    """``owner.a.b.c`` for ``"a.b.c"``, looked up when called (a model can be replaced meanwhile)."""
    target: Any = owner
    for part in dotted.split("."):
        target = getattr(target, part)
    if not callable(target):
        raise TypeError(f"{dotted} is not callable")
    return target  # type: ignore[no-any-return]


def build_actions(owner: QObject, specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """One QAction per spec, parented to ``owner``, its trigger calling ``owner``'s handler."""
    built: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        act = QAction(spec.text, owner)  # text-safe: ActionSpec texts are literals (tests/gui/test_actions.py)
        act.setObjectName(f"action_{spec.id}")
        if spec.shortcuts:
            act.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.tip:
            act.setToolTip(spec.tip)  # text-safe: a literal, as above
            act.setStatusTip(spec.tip)  # text-safe: a literal, as above
        if spec.short:
            act.setIconText(spec.short)  # text-safe: a literal, as above
        if spec.checkable:
            act.setCheckable(True)
        if spec.group:
            group = groups.setdefault(spec.group, QActionGroup(owner))
            group.addAction(act)
        act.triggered.connect(_caller(owner, spec))
        built[spec.id] = act
    return built


def _caller(owner: object, spec: ActionSpec) -> Callable[[bool], None]:
    def call(checked: bool = False) -> None:
        args = (*spec.args, checked) if spec.pass_checked else spec.args
        resolve(owner, spec.handler)(*args)

    return call


def update_enabled(actions: Mapping[str, QAction], holds: Mapping[str, bool],
                   specs: Mapping[str, ActionSpec] = SPECS) -> None:
    """Enable each action whose condition holds (an unconditional one always is)."""
    for key, act in actions.items():
        when = specs[key].enabled_when
        act.setEnabled(not when or bool(holds.get(when, False)))


def populate_menus(menubar: Any, built: Mapping[str, QAction], fillers: Mapping[str, Callable[[], None]],
                   places: Mapping[str, Iterable[QAction]]) -> dict[str, Any]:
    """Fill ``menubar`` from :data:`MENUS`; returns the submenus by name ("recent", "theme" ...).

    ``fillers[name]`` fills the submenu "@name>Title" each time it opens;
    ``places[name]`` are the actions the window puts at "@name".
    """
    submenus: dict[str, Any] = {}
    for menu_title, entries in MENUS:
        menu = menubar.addMenu(menu_title)  # text-safe: MENUS titles are literals
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif ">" in entry:
                key, sub_title = entry.lstrip("@").split(">", 1)
                sub = menu.addMenu(sub_title)  # text-safe: MENUS titles are literals
                submenus[key] = sub
                if entry.startswith("@"):
                    sub.aboutToShow.connect(fillers[key])
                else:
                    for member in SUBMENU_GROUPS[key]:
                        sub.addAction(built[member])
            elif entry.startswith("@"):
                for act in places[entry[1:]]:
                    menu.addAction(act)
            else:
                menu.addAction(built[entry])
    return submenus


def populate_toolbar(toolbar: Any, built: Mapping[str, QAction], widgets: Mapping[str, Any]) -> None:
    """Fill ``toolbar`` from :data:`TOOLBAR`: actions by id, the window's widgets at "@name"."""
    for entry in TOOLBAR:
        if entry.startswith("@"):
            toolbar.addWidget(widgets[entry[1:]])
        else:
            toolbar.addAction(built[entry])
