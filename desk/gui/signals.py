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


# Worse, the same build returns ``None`` from *every* C++ method that returns
# void (``QPainter.save()``, ``QLabel.setText()``, ``QWidget.update()``...)
# without its reference (measured: one reference per call; ``None`` starts with
# about 5,000 in a bare QApplication).  The compare delegate makes eight such
# calls per painted cell: scrolling a large comparison, or some thirty compares
# in a row, aborted the window with "none_dealloc: deallocating None".  Every
# call site cannot be repaired, so when this build has the bug ``None`` is given
# a reference count no leak can use up (what Python 3.12 calls immortal).
_PIN = 1 << 40 if sys.maxsize > 2**32 else 1 << 28


def _void_call_loses_none() -> bool:
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(50):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return lost >= 40


def _pin(obj: object) -> None:
    """Add ``_PIN`` references to ``obj`` (CPython < 3.12: ``ob_refcnt`` is the object's first field)."""
    count = ctypes.c_ssize_t.from_address(id(obj))
    count.value += _PIN


VOID_LOSES_NONE = _void_call_loses_none()
if VOID_LOSES_NONE and sys.implementation.name == "cpython":
    _pin(None)
