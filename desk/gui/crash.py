"""The window process's crash handler: a bug goes to stderr first, then the log, then a dialog.

As qutebrowser's crash handler: ``sys.excepthook`` and ``threading.excepthook``
route every uncaught exception here; the dialog can be silenced
(``--no-err-windows``) and is never shown from a non-GUI thread.  This module
imports Qt only when it shows the dialog, and imports nothing else of
``desk.gui`` but :mod:`desk.gui.plain`, so any module of the window may use
it without an import cycle.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from desk import __version__, paths

_state: dict[str, Any] = {"err_windows": True, "data_dir": None, "in_dialog": False}


def log_file(data_dir: str | None) -> Path:
    return paths.log_dir(data_dir) / "desk.log"


def setup_logging(data_dir: str | None) -> None:
    try:
        path = log_file(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def report_crash(tb: str, data_dir: str | None = None, *, parent: Any = None, dialog: bool = True) -> Path | None:
    """A bug: traceback to stderr first, then the log, then (unless silenced) a dialog."""
    from desk.textsafe import visible

    shown = visible(tb, newlines=True)  # an exception can quote a title or a file name
    sys.stderr.write(shown if shown.endswith("\n") else shown + "\n")
    sys.stderr.flush()
    written: Path | None = None
    try:
        path = log_file(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- crash {dt.datetime.now().isoformat(timespec='seconds')} desk {__version__}\n{tb}\n")
        written = path
    except OSError:
        pass
    if dialog and not _state["in_dialog"]:
        from PySide6.QtWidgets import QApplication, QMessageBox

        from desk.gui.plain import tip

        if QApplication.instance() is not None:
            _state["in_dialog"] = True
            try:
                box = QMessageBox(parent)
                box.setIcon(QMessageBox.Icon.Critical)
                box.setWindowTitle("desk: something went wrong")
                box.setText(tip(
                    "desk hit a bug. Your articles are untouched."
                    + (f"\nThe details were written to {written}." if written else "")
                ))
                box.setDetailedText(tb)
                box.exec()
            finally:
                _state["in_dialog"] = False
    return written


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    report_crash("".join(traceback.format_exception(kind, value, tb)), _state["data_dir"],
                 dialog=_state["err_windows"])


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    # never a dialog from a non-GUI thread
    report_crash(text, _state["data_dir"], dialog=False)


def install_crash_handler(data_dir: str | None, err_windows: bool) -> None:
    _state["data_dir"] = data_dir
    _state["err_windows"] = err_windows
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook

