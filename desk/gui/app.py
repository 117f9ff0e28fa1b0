"""Start the window: arguments, crash handler, QApplication, the main window.

``desk [FOLDER] [--data-dir DIR] [--no-err-windows]`` opens the reader;
``--smoke-test FOLDER`` and ``--long-version`` are probes for the packaged app
(their code lives in desk.gui.smoke and desk.gui.versions).

The start-up imports in one direction only: ``app`` → ``crash``,
``application``, ``main_window``, ``smoke``; none of those imports ``app``
(``tests/gui/test_startup_imports.py`` keeps the window's imports acyclic).
"""

from __future__ import annotations

import argparse
import sys

from desk import __version__
from desk.gui.application import initial_folder, make_app, settings_for
from desk.gui.crash import install_crash_handler, setup_logging
from desk.paths import data_dir_argument, data_dir_problem, folder_argument, folder_problem
from desk.textsafe import visible


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="desk", description="Compare how news outlets report the same facts.")
    p.add_argument("folder", nargs="?", type=folder_argument,
                   help="a folder of articles to open (default: the last one, or the demo)")
    p.add_argument("--data-dir", metavar="DIR", type=data_dir_argument, help="where desk keeps its indexes, settings and logs")
    p.add_argument("--no-err-windows", action="store_true", help="report errors on stderr only, no dialogs")
    p.add_argument("--smoke-test", metavar="FOLDER", type=folder_argument,
                   help="index FOLDER in the window, search, compare, exit")
    p.add_argument("--long-version", action="store_true", help="print the versions of desk and its libraries")
    p.add_argument("--version", action="version", version=f"desk {__version__}")
    return p.parse_args(argv)


def _refused(problem: str | None) -> bool:
    """Say ``problem`` on stderr (escaped: it holds the user's path); whether there was one."""
    if problem:
        sys.stderr.write(f"desk: {visible(problem)}\n")
    return bool(problem)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.long_version:
        from desk.gui.versions import long_version

        sys.stdout.write(long_version() + "\n")
        return 0
    if args.smoke_test:
        from desk.gui.smoke import run_smoke_test

        # its index and exports go into the data folder
        if _refused(data_dir_problem(args.smoke_test, args.data_dir)):
            return 2
        return run_smoke_test(args.smoke_test, args.data_dir)

    # Before any Qt: without a display, Qt aborted the process on ``desk nosuch`` (a misspelt command,
    # taken for a folder) before the window could say what was wrong.  And before the settings and
    # the log are written into a data folder that lies inside the article folder.
    if args.folder is not None and _refused(
        folder_problem(args.folder, maybe_command=True) or data_dir_problem(args.folder, args.data_dir)
    ):
        return 2
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
