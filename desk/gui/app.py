"""Start the window: arguments, QApplication, palette, crash handler.

``desk [FOLDER] [--data-dir DIR] [--no-err-windows]`` opens the reader;
``--smoke-test FOLDER`` and ``--long-version`` are probes for the packaged app
(their code lives in desk.gui.smoke and desk.gui.versions).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from desk import __version__, paths

log = logging.getLogger("desk")
#: the window process's GIL switch interval (Python's default is 0.005 s)
GIL_SWITCH_S = 0.0005
_state: dict[str, Any] = {"err_windows": True, "data_dir": None, "in_dialog": False}


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="desk", description="Compare how news outlets report the same facts.")
    p.add_argument("folder", nargs="?", help="a folder of articles to open (default: the last one, or the demo)")
    p.add_argument("--data-dir", metavar="DIR", help="where desk keeps its indexes, settings and logs")
    p.add_argument("--no-err-windows", action="store_true", help="report errors on stderr only, no dialogs")
    p.add_argument("--smoke-test", metavar="FOLDER", help="index FOLDER in the window, search, compare, exit")
    p.add_argument("--long-version", action="store_true", help="print the versions of desk and its libraries")
    p.add_argument("--version", action="version", version=f"desk {__version__}")
    return p.parse_args(argv)


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
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([argv0])
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

    if data_dir or os.environ.get(paths.ENV_DATA_DIR):
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.long_version:
        from desk.gui.versions import long_version

        sys.stdout.write(long_version() + "\n")
        return 0
    if args.smoke_test:
        from desk.gui.smoke import run_smoke_test

        return run_smoke_test(args.smoke_test, args.data_dir)

    setup_logging(args.data_dir)
    install_crash_handler(args.data_dir, not args.no_err_windows)
    app = make_app()
    from desk.gui.main_window import MainWindow

    settings = settings_for(args.data_dir)
    window = MainWindow(settings, data_dir=args.data_dir, err_windows=not args.no_err_windows)
    folder = initial_folder(args.folder, settings.get("folders/last"))
    if folder:
        # after the first paint: the window shows at once, the folder opens next
        window.firstPainted.connect(lambda: window.open_folder(folder))
    window.show()
    return int(app.exec())
