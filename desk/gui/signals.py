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

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_loses_true() -> bool:
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(4):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):  # give back what the probe took
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost == 4


_LOSES_TRUE = _emit_loses_true()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, repaired for the PySide6 builds that leak ``True``."""
    result = signal.emit(*args)
    if _LOSES_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
