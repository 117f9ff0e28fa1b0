"""The rule: text reaches a widget of desk/gui only as a literal or through desk.gui.plain.

Qt reads tool tips, labels, message boxes and input dialog text as HTML when
it looks like HTML, and loads the local files an ``<img>`` names.  So every
call below, anywhere in ``desk/gui``, must pass each text argument as a string
literal, or through :mod:`desk.gui.plain` (``tip``, ``title``, ``menu_text``;
``set_plain`` for labels).  A model's ``ToolTipRole`` branch must return the
same.  A line that is safe for another reason (the clipboard, a line edit, rich
text built with ``escape_text``) says why with a ``# text-safe:`` comment.
The rule is a pure AST walk: no Qt needed.
"""

from __future__ import annotations

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "desk" / "gui"

#: method calls whose string arguments a widget shows (some of them as guessed rich text)
SINKS = {
    "setToolTip", "setStatusTip", "setWhatsThis", "showMessage", "setWindowTitle", "setText",
    "setLabelText", "setInformativeText", "setTitle", "setTabText", "setTabToolTip", "addAction", "addMenu",
}
#: constructors whose first argument is shown
SHOWN_BY = {"QLabel", "QAction", "QMenu", "QCheckBox", "QPushButton", "QToolButton", "QRadioButton", "QGroupBox"}
#: static dialogs, by class: their title and text arguments are shown
DIALOGS = {
    "QMessageBox": {"warning", "information", "critical", "question", "about"},
    "QInputDialog": {"getText", "getItem", "getInt", "getDouble", "getMultiLineText"},
}
#: functions that make untrusted text safe for a widget
HELPERS = {"tip", "title", "menu_text", "legend_html"}
PRAGMA = "# text-safe:"


def _allowed(node: ast.expr) -> bool:
    """A string literal, a helper's result, or something that is no text at all."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name) and node.id.isupper():
        return True  # a module constant: a literal written in desk
    if isinstance(node, ast.Call):
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        return name in HELPERS
    if isinstance(node, ast.JoinedStr):
        # f-string: each value a helper's result, or formatted as a number (":d", ":.1f" ...)
        for v in node.values:
            if isinstance(v, ast.FormattedValue) and not _allowed(v.value):
                spec = v.format_spec
                numeric = (
                    isinstance(spec, ast.JoinedStr)
                    and len(spec.values) == 1
                    and isinstance(spec.values[0], ast.Constant)
                    and str(spec.values[0].value)[-1:] in "dfgeb%xX"
                )
                if not numeric:
                    return False
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _allowed(node.left) and _allowed(node.right)
    if isinstance(node, ast.IfExp):
        return _allowed(node.body) and _allowed(node.orelse)
    if isinstance(node, ast.Lambda | ast.Attribute | ast.Name | ast.Subscript):
        # callbacks, enums, QIcons, objects ... are passed by name too: only text matters,
        # and text held in a variable is text we cannot see: a Name is accepted only for
        # arguments that cannot be text (see _text_args)
        return False
    return False


def _text_args(call: ast.Call, name: str) -> list[ast.expr]:
    """The arguments of ``call`` that can be shown as text."""
    if any(name in names for names in DIALOGS.values()):
        return list(call.args[1:3])  # (parent, title, text, ...); a default answer is a line edit's
    if name == "_action":  # the main window's action factory: (text, slot, shortcut, tip)
        return list(call.args[:1]) + list(call.args[3:4]) + [k.value for k in call.keywords if k.arg == "tip"]
    args = list(call.args) + [k.value for k in call.keywords if k.arg in ("text", "label", "title")]
    if name in ("setToolTip", "setTabText", "setTabToolTip") and len(args) == 2:
        return args[1:]  # (index/column, text)
    if name in ("addAction", "addMenu") or name in SHOWN_BY:
        # the first argument is the text unless it is an icon, an action or a parent
        return [a for a in args[:1] if _looks_like_text(a)]
    return args


def _looks_like_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp | ast.IfExp):
        return True
    if isinstance(node, ast.Name):
        return node.id not in ("self", "menu", "parent", "icon", "act") and not node.id.endswith(
            ("_act", "action", "menu"))
    if isinstance(node, ast.Call):
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        return name in HELPERS or name in ("str", "format", "join")
    if isinstance(node, ast.Attribute):
        return not node.attr.endswith(("_act", "action", "menu", "icon")) and node.attr not in ("parent",)
    return False


def _mentions_tooltip(test: ast.expr) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "ToolTipRole" for n in ast.walk(test))


def violations(source: str, filename: str = "<src>") -> list[str]:
    tree = ast.parse(source)
    lines = source.splitlines()
    found: list[str] = []

    def pragma(node: ast.AST) -> bool:
        end = getattr(node, "end_lineno", node.lineno)  # type: ignore[attr-defined]
        return any(PRAGMA in lines[i - 1] for i in range(node.lineno, end + 1))  # type: ignore[attr-defined]

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
            if owner in DIALOGS and name in DIALOGS[owner]:
                pass
            elif name not in SINKS and name not in SHOWN_BY and name != "_action":
                continue
            args = _text_args(node, name)
            bad = [a for a in args if not _allowed(a)]
            if bad and not pragma(node):
                found.append(f"{filename}:{node.lineno}: {name}({ast.unparse(bad[0])}) shows text not made safe")
        if isinstance(node, ast.If) and _mentions_tooltip(node.test):
            is_eq = isinstance(node.test, ast.Compare | ast.BoolOp)
            if isinstance(node.test, ast.Compare) and any(isinstance(op, ast.In) for op in node.test.ops):
                if not pragma(node):
                    found.append(f"{filename}:{node.lineno}: a tool tip shares a branch with other roles")
                continue
            if not is_eq:
                continue
            for stmt in node.body:
                for ret in ast.walk(stmt):
                    if isinstance(ret, ast.Return) and ret.value is not None and not _allowed(ret.value) \
                            and not pragma(ret):
                        found.append(f"{filename}:{ret.lineno}: a ToolTipRole returns {ast.unparse(ret.value)}")
    return found


def test_every_text_a_widget_shows_is_made_safe() -> None:
    found: list[str] = []
    for path in sorted(GUI.glob("*.py")):
        found += violations(path.read_text(encoding="utf-8"), path.name)
    assert not found, "untrusted text may reach a widget as rich text:\n" + "\n".join(found)


def test_the_rule_catches_new_unescaped_uses() -> None:
    bad = '''
def f(self, item, name, path, box, role):
    self.setToolTip(f"From {name}")
    self.status.showMessage("reading " + path)
    self.setWindowTitle(name)
    item.setToolTip(0, path)
    self.label.setText(f"Opened {path}")
    QMessageBox.warning(self, "desk", message)
    QInputDialog.getText(self, "Rename", f"New name for {name}:")
    menu.addAction(f"Merge {name}", callback)
    QLabel(path, self)
    self._action(name, callback, None, f"Open {path}")
    if role == Qt.ItemDataRole.ToolTipRole:
        return f"{name}"
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return name
'''
    found = violations(bad)
    assert len(found) == 12, "\n".join(found)


def test_the_rule_accepts_safe_uses() -> None:
    good = '''
def f(self, item, name, path, role, n):
    self.setToolTip(tip(f"From {name}"))
    self.setToolTip("Previous match (Shift+F3)")
    self.setWindowTitle(title(name))
    item.setToolTip(0, tip(path))
    set_plain(self.label, f"Opened {path}")
    self.label.setText(f"{n:d} articles")
    QMessageBox.warning(self, "desk", tip(message))
    menu.addAction(menu_text(f"Merge {name}"), callback)
    menu.addAction(self.open_act)
    QGuiApplication.clipboard().setText(markdown)  # text-safe: the clipboard is no widget
    if role == Qt.ItemDataRole.ToolTipRole:
        return tip(name)
'''
    assert violations(good) == []
