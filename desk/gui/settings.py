"""Every option the window remembers, declared once, typed, versioned.

QSettings hands back strings, ``None`` for an empty list, and whatever an older
version wrote; so nothing reads QSettings directly except the typed getters
here.  Tests point QSettings at a temporary directory with :func:`use_path`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

#: bump when an option changes meaning; older values are then dropped
VERSION = 1
ORGANIZATION = "desk"
APPLICATION = "desk"
MAX_RECENT = 10
MAX_HISTORY = 30


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type
    doc: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("window/geometry", QByteArray(), QByteArray, "main window geometry"),
        Option("window/state", QByteArray(), QByteArray, "toolbars and docks"),
        Option("folders/last", "", str, "the folder open when the window closed"),
        Option("folders/recent", [], list, "recently opened folders, newest first"),
        Option("search/history", [], list, "queries, newest first"),
        Option("search/saved", [], list, "queries the user saved, newest first"),
        Option("compare/locked", True, bool, "rows aligned and scrolled together"),
        Option("compare/hidden_outlets", [], list, "outlet columns the user hid"),
        Option("view/theme", "system", str, "system, light or dark"),
        Option("export/last_dir", "", str, "where the last export was saved"),
    )
}


def use_path(directory: str) -> None:
    """Keep settings as an INI file below ``directory`` (tests, --data-dir)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, directory)


class Settings:
    """Typed access to the declared options."""

    def __init__(self) -> None:
        self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
        stored = self._q.value("meta/version")
        try:
            stored_version = int(stored) if stored is not None else None
        except (TypeError, ValueError):
            stored_version = None
        if stored_version != VERSION:
            self._q.clear()
            self._q.setValue("meta/version", VERSION)

    @property
    def path(self) -> str:
        return self._q.fileName()

    def get(self, key: str) -> Any:
        opt = OPTIONS[key]
        raw = self._q.value(key)
        if raw is None:
            return _copy(opt.default)
        try:
            if opt.type is bool:
                if isinstance(raw, str):
                    return raw.strip().lower() in ("1", "true", "yes", "on")
                return bool(raw)
            if opt.type is list:
                if isinstance(raw, str):
                    return [raw] if raw else []
                return [str(x) for x in raw] if isinstance(raw, (list, tuple)) else _copy(opt.default)
            if opt.type is QByteArray:
                return raw if isinstance(raw, QByteArray) else QByteArray(bytes(raw))
            return opt.type(raw)
        except (TypeError, ValueError):
            return _copy(opt.default)

    def set(self, key: str, value: Any) -> None:
        opt = OPTIONS[key]
        if opt.type is list:
            value = [str(x) for x in value]
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    # convenience for the two ordered lists
    def push(self, key: str, item: str, limit: int) -> list[str]:
        items = [x for x in self.get(key) if x != item]
        items.insert(0, item)
        del items[limit:]
        self.set(key, items)
        return items

    def remove(self, key: str, item: str) -> list[str]:
        items = [x for x in self.get(key) if x != item]
        self.set(key, items)
        return items


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, QByteArray):
        return QByteArray(value)
    return value
