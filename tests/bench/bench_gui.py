"""Benchmark section: the window's responsiveness.

``run(report, args)`` reports
- launch to first painted window: ``python -m desk`` in a subprocess, offscreen,
  the window writes ``desk-first-paint <time>`` on its first paint (target < 1.5 s);
- the longest GUI-thread stall while the corpus (default ../shared/corpus/
  ukraine-media) is indexed from the window: a QTimer ticks every 10 ms and
  the longest gap between ticks, minus the 10 ms, is the stall (target < 100 ms);
- search + compare painted: from pressing Enter in the search field to the
  compare table's first paint with the new rows (target < 500 ms).

Optional attributes of ``args``: ``corpus`` (the folder), ``data_dir`` (an
index to reuse; default a fresh temporary one, so the stall covers a full
index with figures and claimants), ``starts`` (launches to time),
``gui_index_seconds`` (or the environment variable DESK_BENCH_GUI_INDEX_SECONDS:
press Cancel after that long; a full index with figures of ukraine-media takes
the better part of an hour on 2 busy CPUs).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
UKRAINE = ROOT.parent / "shared" / "corpus" / "ukraine-media"
FIRST_PAINT = "desk-first-paint "
TICK_MS = 10
QUERIES = ("soldiers killed", "grain deal", "sanctions oil", "ceasefire talks", "drone attack Kyiv", "refugees")

Report = Callable[..., None]


def first_paint_seconds(folder: Path, data_dir: Path) -> float:
    env = dict(os.environ, DESK_REPORT_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    started = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desk", str(folder), "--data-dir", str(data_dir), "--no-err-windows"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith(FIRST_PAINT):
                return float(line[len(FIRST_PAINT) :]) - started
        raise RuntimeError(f"desk exited ({proc.wait()}) without painting a window")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class StallMeter:
    """Ticks on the GUI thread every TICK_MS; remembers the longest gap."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000 - TICK_MS)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def worst(self) -> float:
        return max(self.gaps, default=0.0)

    def quantile(self, q: float) -> float:
        if not self.gaps:
            return 0.0
        s = sorted(self.gaps)
        return s[min(len(s) - 1, int(q * len(s)))]


def run(report: Report, args: Any) -> None:
    corpus = Path(getattr(args, "corpus", None) or UKRAINE)
    if not corpus.is_dir():
        report(f"gui: no corpus at {corpus}", 0.0, "skipped")
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    own = not getattr(args, "data_dir", None)
    data = Path(tempfile.mkdtemp(prefix="desk-bench-gui-")) if own else Path(args.data_dir)
    try:
        _run(report, args, corpus, data)
    finally:
        if own:
            shutil.rmtree(data, ignore_errors=True)


def _run(report: Report, args: Any, corpus: Path, data: Path) -> None:
    from desk.paths import demo_folder

    # 1. launch to first paint (the demo folder, as a new user gets it)
    starts = int(getattr(args, "starts", 3) or 3)
    launch_dir = data / "launch"
    times = [first_paint_seconds(demo_folder(), launch_dir) for _ in range(starts)]
    report("gui: launch to first painted window (median)", statistics.median(times), "s")
    report("gui: launch to first painted window (first)", times[0], "s")

    # 2. GUI-thread stall while the corpus is indexed from the window
    from PySide6.QtCore import QEvent, QObject

    from desk.gui import settings as settings_mod
    from desk.gui.app import make_app
    from desk.gui.main_window import MainWindow
    from desk.gui.smoke import wait_for_signal

    app = make_app()
    settings_mod.use_path(str(data / "settings"))
    window = MainWindow(settings_mod.Settings(), data_dir=str(data), err_windows=False)
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    meter = StallMeter()
    meter.start()
    t0 = time.perf_counter()
    limit = getattr(args, "gui_index_seconds", None) or os.environ.get("DESK_BENCH_GUI_INDEX_SECONDS")
    if limit:
        from PySide6.QtCore import QTimer

        # the Cancel button, as a user would press it
        QTimer.singleShot(int(float(limit) * 1000), window.cancel_btn.click)
    window.open_folder(corpus)
    wait_for_signal(window.indexed, window, "indexing the corpus", 3 * 3600)
    index_s = time.perf_counter() - t0
    meter.stop()
    rep = window.last_report
    report("gui: index from the window (wall)", index_s, "s")
    if rep is not None:
        report("gui: articles indexed while measuring", float(rep.added + rep.updated + rep.unchanged), "")
        report(f"gui: articles still without figures (cancelled: {rep.cancelled})", float(rep.pending_extraction), "")
    report("gui: longest GUI-thread stall while indexing", meter.worst, "ms")
    report("gui: 99th percentile GUI-thread stall while indexing", meter.quantile(0.99), "ms")

    # 3. search + compare, from Enter to the compare table painted
    class PaintSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.armed = False
            self.painted_at = 0.0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if self.armed and event.type() == QEvent.Type.Paint:
                self.painted_at = time.perf_counter()
                self.armed = False
            return False

    spy = PaintSpy()
    window.compare_view.table.viewport().installEventFilter(spy)
    timings: list[float] = []
    stalls: list[float] = []
    for q in QUERIES:
        meter.start()
        window.search_field.setText(q)
        start = time.perf_counter()
        window.compare(q)
        comparison = wait_for_signal(window.compared, window, f"comparing {q!r}", 120)
        spy.armed = True
        spy.painted_at = 0.0
        window.compare_view.table.viewport().update()
        while spy.armed and time.perf_counter() - start < 120:
            app.processEvents()
        meter.stop()
        timings.append((spy.painted_at - start) * 1000)
        stalls.append(meter.worst)
        report(f"gui: search+compare painted {q!r} ({len(comparison.rows)} rows)", timings[-1], "ms")
    report("gui: search+compare painted (median)", statistics.median(timings), "ms")
    report("gui: search+compare painted (max)", max(timings), "ms")
    report("gui: longest GUI-thread stall during search+compare", max(stalls), "ms")
    window.close()
    app.processEvents()
