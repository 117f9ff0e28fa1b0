"""``desk --smoke-test FOLDER --data-dir DIR``: prove a build works end to end.

Indexes FOLDER through the core, searches it, compares the hits, exports the
comparison as Markdown into DIR, then opens the real main window on the
folder, searches through the window and closes it.  Exit status 0 when every
step worked; 1 (with one line on stderr) when a step found nothing or timed
out; 2 for a user error (a missing folder ...).  On success it prints one
summary line on stdout and nothing on stderr: the packaging tests fail on any
stderr line outside a short allow-list.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from desk import paths
from desk.errors import DeskError
from desk.textsafe import visible

#: how long the window may take to index, list and search the folder
WINDOW_TIMEOUT_S = 300.0
EXPORT_NAME = "smoke-test.md"

_WORD = re.compile(r"[A-Za-z][a-z]{5,}")
_COMMON = frozenset(
    [
        "before",
        "about",
        "after",
        "their",
        "there",
        "which",
        "would",
        "could",
        "should",
        "people",
        "during",
        "against",
        "between",
        "because",
        "through",
        "according",
        "percent",
        "reported",
        "another",
        "several",
        "including",
        "official",
        "officials",
    ]
)


class SmokeFailure(Exception):
    """A step of the smoke test did not produce what it should."""


def pick_query(library: Any, sample: int = 40) -> str:
    """A word most articles share, so the search and the comparison have material."""
    seen: Counter[str] = Counter()
    for summary in library.articles()[:sample]:
        try:
            text = library.article(summary.id).text
        except DeskError:
            continue
        seen.update({w.lower() for w in _WORD.findall(text)} - _COMMON)
    if not seen:
        raise SmokeFailure("no article in the folder has any words to search for")
    return seen.most_common(1)[0][0]


def _core_steps(folder: Path, data_dir: Path) -> tuple[str, list[str]]:
    from desk.export.markdown import write_markdown
    from desk.library import Library

    with Library(folder, data_dir=data_dir) as library:
        report = library.update()
        articles = library.articles()
        if not articles:
            raise SmokeFailure(f"indexing {folder} found no articles ({report})")
        # figures and claimants come from spaCy: a bundle without the model or
        # its registries indexes the text but reports the extraction as failed.  The report's
        # other problems are notes on how a file was read (a date it could not use, a file
        # too long for claimants): the folder's business, not a fault of the build
        if report.extraction_failed or report.pending_extraction:
            failed = [p for p in report.problems if "figures" in p] or report.problems
            first = failed[0] if failed else f"{report.pending_extraction} articles pending"
            raise SmokeFailure(f"figures and claimants were not extracted: {first}")
        if all(library.extraction(a.id) is None for a in articles):
            raise SmokeFailure("no article has figures and claimants after indexing")
        query = pick_query(library)
        result = library.search(query)
        if not result.hits:
            raise SmokeFailure(f"a search for {query!r} found nothing")
        comparison = library.compare(query)
        if not comparison.rows:
            raise SmokeFailure(f"comparing the hits for {query!r} gave no rows")
        target = write_markdown(comparison, data_dir / EXPORT_NAME, force=True, folder=folder)
        if target.stat().st_size == 0:
            raise SmokeFailure(f"the Markdown export {target} is empty")
        notes = f" ({len(report.problems)} notes: see desk index)" if report.problems else ""
        summary = [
            f"{len(articles)} articles{notes}",
            f"{len(result.hits)} hits for {query!r}",
            f"{len(comparison.rows)} comparison rows",
            f"exported {target}",
        ]
    return query, summary


def wait_for_signal(signal: Any, window: Any, what: str, timeout: float = WINDOW_TIMEOUT_S) -> Any:
    """Run the event loop until ``signal`` fires and return its value.

    A message or crash dialog the window shows meanwhile, or the timeout,
    raises SmokeFailure.  The benchmark waits on the window the same way.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    got: list[Any] = []
    errors: list[str] = []
    loop = QEventLoop()

    def done(value: Any = None) -> None:
        got.append(value)
        loop.quit()

    def failed(message: str) -> None:
        errors.append(message)
        loop.quit()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(done)
    window.errorShown.connect(failed)
    window.crashShown.connect(failed)
    timer.start(int(timeout * 1000))
    try:
        loop.exec()
    finally:
        timer.stop()
        signal.disconnect(done)
        window.errorShown.disconnect(failed)
        window.crashShown.disconnect(failed)
    if errors:
        raise SmokeFailure(f"the window showed an error while {what}: {errors[0]}")
    if not got:
        raise SmokeFailure(f"the window did not finish {what} within {timeout:.0f} s")
    return got[0]


def _window_steps(folder: Path, data_dir: Path, query: str) -> None:
    from desk.gui.application import make_app, settings_for
    from desk.gui.main_window import MainWindow

    app = make_app()
    window = MainWindow(settings_for(str(data_dir)), data_dir=str(data_dir), err_windows=False)
    try:
        window.show()
        if not window.open_folder(folder):
            raise SmokeFailure(f"the window could not open {folder}")
        wait_for_signal(window.indexed, window, "indexing the folder")
        window.search(query)
        result = wait_for_signal(window.searched, window, f"searching for {query!r}")
        if not getattr(result, "hits", None):
            raise SmokeFailure(f"the window's search for {query!r} found nothing")
    finally:
        window.close()
        window.deleteLater()
        deadline = time.monotonic() + 5.0
        # let worker threads finish and deferred deletes run before Qt goes away
        while time.monotonic() < deadline and window.pool.activeThreadCount():
            app.processEvents()
            time.sleep(0.01)
        window.pool.waitForDone(5000)
        app.processEvents()


def run_smoke_test(folder: str | Path, data_dir: str | Path | None) -> int:
    """Index, search, compare, export, show the window; 0 when all of it worked."""
    try:
        root = Path(folder).expanduser()
        out = paths.data_dir(data_dir)
        out.mkdir(parents=True, exist_ok=True)
        query, summary = _core_steps(root, out)
        _window_steps(root, out, query)
    except DeskError as exc:
        sys.stderr.write(f"desk: {visible(str(exc), newlines=True)}\n")
        return exc.exit_code
    except SmokeFailure as exc:
        sys.stderr.write(f"desk smoke test failed: {visible(str(exc), newlines=True)}\n")
        return 1
    sys.stdout.write("smoke test passed: " + ", ".join(summary) + "\n")
    return 0
