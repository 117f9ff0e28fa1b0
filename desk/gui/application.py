"""The QApplication and what the window needs before it opens: style, icon, settings, first folder.

Imports no window module, so the start-up (:mod:`desk.gui.app`), the smoke
test and the benchmark build the application the same way without importing
each other.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any, cast

from desk import __version__, paths

#: the window process's GIL switch interval (Python's default is 0.005 s)
GIL_SWITCH_S = 0.0005
_frozen = False


def freeze_long_lived() -> bool:
    """Keep the objects alive now out of every later cyclic garbage collection (once per process).

    Called when the first folder is open: the modules, classes and functions of
    Qt, the core and its index (some 86,000 objects on ukraine-media) live as
    long as the process.  A full collection walked them all, holding the GIL
    for the whole walk, and one came every few comparisons, usually while the
    comparing child's reader thread unpickled an answer: the GUI thread, idle,
    could not take the GIL for 73-148 ms (a loaded machine; 14 ms once frozen).
    Reference counting still frees these objects should any die.  Once only:
    a later freeze would also keep any unreachable cycle of the moment for good.
    Returns whether it froze now.
    """
    global _frozen
    if _frozen:
        return False
    _frozen = True
    gc.freeze()
    return True


def make_app(argv0: str = "desk") -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    # The GUI thread needs the GIL for every Python slot, model call and
    # delegate paint; while a worker thread runs core Python (search, compare,
    # claims) each of those waited up to the default 5 ms switch interval.
    # Measured on ukraine-media compares (12 each, one run): median longest
    # GUI stall 36 ms at 5 ms, 25 ms at 0.5 ms.
    sys.setswitchinterval(GIL_SWITCH_S)
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([argv0])
    else:
        app = cast(QApplication, existing)  # the window's process makes no bare QCoreApplication
    app.setApplicationName("desk")
    app.setOrganizationName("desk")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("desk")
    app.setStyle("Fusion")
    icon = paths.resource_dir() / "icons" / "desk.svg"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    return app


def settings_for(data_dir: str | None) -> Any:
    """Settings below the data dir when one was chosen (tests, --data-dir), else the user's config."""
    from desk.gui import settings

    if paths.chosen_data_dir(data_dir) is not None:
        settings.use_path(str(paths.data_dir(data_dir) / "settings"))
    return settings.Settings()


def initial_folder(arg: str | None, last: str) -> str | None:
    """The folder to open: the argument, else the last one (if it still exists), else the demo."""
    if arg:
        return arg
    if last and Path(last).is_dir():
        return last
    demo = paths.demo_folder()
    return str(demo) if demo.is_dir() else None

