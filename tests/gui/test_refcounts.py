"""PySide6 keeps the reference counts of None, True and False (6.12.0 on CPython 3.11 did not).

PySide6 6.12.0 handed back ``True`` from ``SignalInstance.emit()`` and ``None``
from every void C++ method and from an empty ``QModelIndex.data()`` without the
reference it owed: one reference lost per call, and after a few thousand calls
CPython 3.11 aborted ("bool_dealloc" / "none_dealloc: deallocating None").  A
window indexing ukraine-media died that way.  desk used to repair it with
ctypes; now the lock pins a release without the leak, and these probes fail
if a release with it is ever locked again.  (From Python 3.12 these objects are
immortal and the counts never move, so the probes pass trivially there.)

The probes run in a child process: with the leak, the calls abort the
interpreter, which would take the test run with it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parents[2]

#: calls per probe: 6.12.0 aborted a fresh interpreter within 2,000 emits
CALLS = 5000
#: other references to None/True/False come and go meanwhile (the GC, Qt's own objects)
TOLERANCE = 50

PROBE = r"""
import json, sys
from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

app = QApplication([])

class Source(QObject):
    plain = Signal()
    carrying = Signal(int, str)

source = Source()
source.plain.connect(lambda: None)
source.carrying.connect(lambda n, s: None)
model = QStringListModel(["a"])
index = model.index(0, 0)
label, widget = QLabel(), QWidget()
probes = {
    "emit() keeps True": (True, source.plain.emit),
    "emit(args) keeps True": (True, lambda: source.carrying.emit(1, "x")),
    "QModelIndex.data() of a missing role keeps None": (None, lambda: index.data(Qt.ItemDataRole.UserRole + 9)),
    "QObject.setObjectName() keeps None": (None, lambda: source.setObjectName("p")),
    "QLabel.setText() keeps None": (None, lambda: label.setText("x")),
    "QWidget.update() keeps None": (None, widget.update),
    "QWidget.isVisible() keeps False": (False, widget.isVisible),
}
for calls in (200, int(sys.argv[1])):
    for name, (obj, call) in probes.items():
        before = sys.getrefcount(obj)
        for _ in range(calls):
            call()
        print(json.dumps({"probe": name, "calls": calls, "lost": before - sys.getrefcount(obj)}), flush=True)
"""


def test_pyside6_keeps_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(CALLS)], capture_output=True, text=True, timeout=300, env=env, check=False
    )
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    leaking = [r for r in results if abs(r["lost"]) >= min(TOLERANCE, r["calls"] // 4)]
    import PySide6

    assert proc.returncode == 0, (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}: the probe process died "
        f"(exit {proc.returncode}); references lost before that: {leaking or results}\n{proc.stderr[-2000:]}"
    )
    assert len(results) == 14
    assert not leaking, f"PySide6 {PySide6.__version__} loses references: {leaking}"


def test_no_code_in_desk_writes_reference_counts() -> None:
    """The ctypes repair is gone for good: nothing in desk/ touches interpreter reference counts.

    ctypes itself may call C libraries (glibc's malloc_trim, the BLAS thread count); what is
    banned is the way into the interpreter's own objects: ``pythonapi``, the reference-count
    calls and fields, and objects built over raw addresses."""
    pattern = re.compile(r"\bpythonapi\b|Py_IncRef|Py_DecRef|ob_refcnt|from_address|\bPyDLL\b|py_object")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desk").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
