"""Emit a Qt signal from Python without eating a reference to ``True``.

PySide6 6.12.0 on Python 3.11 returns ``True`` from ``SignalInstance.emit()``
without the reference it owes: every emit lowers ``True``'s reference count
by one, and after some ten thousand emits the interpreter aborts with
"bool_dealloc: deallocating True or False" (measured: a window indexing
ukraine-media died after ~25 minutes).  From Python 3.12 ``True`` is immortal
and the bug is harmless.  ``emit`` measures once whether this build has the
bug and, only then, gives the reference back after each emit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_loses_true() -> bool:
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(50):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):  # give back what the probe took
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= 40  # other references to True come and go meanwhile


_LOSES_TRUE = _emit_loses_true()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, repaired for the PySide6 builds that leak ``True``."""
    result = signal.emit(*args)
    if _LOSES_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


# The same build hands back ``None`` from ``QModelIndex.data()`` (an empty
# QVariant) without its reference: a delegate asking for a role a cell does
# not have, on every paint, drains ``None`` the same way.
def _data_loses_none() -> bool:
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QStringListModel

    model = QStringListModel(["probe"])
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(50):
        index.data(Qt.ItemDataRole.UserRole + 99)
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return lost >= 40  # other references to None come and go meanwhile


_LOSES_NONE = _data_loses_none()


def data(index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """``index.data(role)``, repaired for the PySide6 builds that leak ``None``."""
    value = index.data(role)
    if _LOSES_NONE and value is None:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return value
