"""Benchmark section: the window's responsiveness.

``run(report, args)`` reports
- launch to first painted window: ``python -m desk`` in a subprocess, offscreen,
  the window writes ``desk-first-paint <time>`` on its first paint (target < 1.5 s);
- the longest GUI-thread stall while the corpus (default ../shared/corpus/
  ukraine-media) is indexed from the window, from scratch, figures and
  claimants included: a QTimer ticks every 10 ms and the longest gap between
  ticks, minus the 10 ms, is the stall (target < 100 ms).  The stalls of 50 ms
  or more are listed with what coincided with them (a watchdog thread samples
  the GUI thread's stack and where the window's other threads are in desk or
  Whoosh), and with the CPU time the GUI thread and the whole process used
  during the gap (a stall the GUI thread spent no CPU in was waiting: for the
  GIL, or on a loaded machine for a CPU).  ``DESK_BENCH_GUI_MODES`` (or ``args.gui_modes``) lists the ways
  to index, each measured in its own fresh data folder: ``process`` (the
  window's way: a child process) and ``thread`` (the former way: a thread of
  the window's process), e.g. ``thread,process`` for an A/B in one run;
- search + compare painted: from pressing Enter in the search field to the
  compare table's first paint with the new rows (target: median <= 300 ms, issue 13), with the
  part of it spent before the comparison reached the window's GUI thread
  (the child's comparing, pickling and the pipe) and the window's share after;
  then the longest GUI-thread stall until the follow-ups (results list, claims
  table) are in as well;
  ``DESK_BENCH_GUI_COMPARE=thread`` compares on a thread of the window's
  process (the former way) instead of its child process.

Optional attributes of ``args``: ``corpus`` (the folder), ``data_dir`` (an
index to reuse; default a fresh temporary one, so the stall covers a full
index with figures and claimants), ``starts`` (launches to time; or DESK_BENCH_GUI_STARTS),
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
import threading
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
#: gaps at least this long are kept with what coincided with them
LONG_MS = 50
QUERIES = ("soldiers killed", "grain deal", "sanctions oil", "ceasefire talks", "drone attack Kyiv", "refugees")
#: then, after the window idled for PAUSE_S seconds (DESK_BENCH_GUI_PAUSE; 0: not measured), other queries
#: new to the session (a comparison asked again is remembered): what a user who paused to read waits
QUERIES_AFTER_PAUSE = ("civilians killed", "prisoner swap", "Nord Stream", "missile strike", "Mariupol", "oil price cap")
PAUSE_S = 15.0

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
    """Ticks on the GUI thread every TICK_MS; remembers the gaps and what coincided with the long ones.

    A watchdog thread looks at the GUI thread's stack (and the innermost desk or
    Whoosh frame of every other thread of this process) while a tick is late,
    so the report can say where the longest stalls were spent.
    """

    def __init__(self, label: Callable[[], str] = lambda: "") -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.long: list[tuple[float, float, str, str]] = []  # (gap ms, at s, label, stacks)
        self._label = label
        self._last = time.perf_counter()
        self._t0 = self._last
        self._cpu = time.thread_time()
        self._proc = time.process_time()
        self._sample = ""
        self._main = threading.get_ident()
        self._watching = 0  # the run whose watchdog may go on
        self._run = 0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        cpu, proc = time.thread_time(), time.process_time()
        gap = (now - self._last) * 1000 - TICK_MS
        self.gaps.append(gap)
        if gap >= LONG_MS:
            # the GUI thread's own CPU time in the gap tells its work from waiting (for the GIL, or
            # for a CPU on a loaded machine); the process's tells whether any of its threads ran
            used = f"[GUI thread CPU {(cpu - self._cpu) * 1000:.0f} ms, process CPU {(proc - self._proc) * 1000:.0f} ms] "
            self.long.append((gap, self._last - self._t0, self._label(), used + self._sample))
        self._sample = ""
        self._last = now
        self._cpu, self._proc = cpu, proc

    def _watch(self, run: int) -> None:
        while self._watching == run:
            time.sleep(0.005)
            last = self._last
            if not self._sample and time.perf_counter() - last > (TICK_MS + LONG_MS * 0.6) / 1000:
                sample = _stacks(self._main)
                if self._last == last:  # still the same late tick
                    self._sample = sample

    def start(self) -> None:
        self.gaps.clear()
        self.long.clear()
        self._last = self._t0 = time.perf_counter()
        self._cpu, self._proc = time.thread_time(), time.process_time()
        self.timer.start()
        self._run += 1
        self._watching = self._run
        threading.Thread(target=self._watch, args=(self._run,), name="stall-watchdog", daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._watching = 0

    @property
    def worst(self) -> float:
        return max(self.gaps, default=0.0)

    def quantile(self, q: float) -> float:
        if not self.gaps:
            return 0.0
        s = sorted(self.gaps)
        return s[min(len(s) - 1, int(q * len(s)))]

    def longest(self, n: int = 5) -> list[tuple[float, float, str, str]]:
        return sorted(self.long, reverse=True)[:n]


def _stacks(main: int) -> str:
    """The GUI thread's innermost frames, and where every other thread is in desk or Whoosh."""
    frames = sys._current_frames()
    out = []
    f = frames.get(main)
    trail = []
    while f is not None and len(trail) < 6:
        trail.append(f"{Path(f.f_code.co_filename).name}:{f.f_lineno} {f.f_code.co_name}")
        f = f.f_back
    out.append("GUI: " + " < ".join(trail))
    for ident, f in frames.items():
        if ident in (main, threading.get_ident()):
            continue
        where = ""
        while f is not None:
            name = f.f_code.co_filename
            if "/desk/" in name or "/whoosh/" in name:
                where = f"{Path(name).parent.name}/{Path(name).name}:{f.f_lineno} {f.f_code.co_name}"
                break
            f = f.f_back
        if where:
            out.append("thread: " + where)
    return "; ".join(out)


#: the stages of a comparison from Enter to the window's GUI thread, each ending at a time of
#: CoreProcess.timings (the first starts at Enter)
_STAGES = (
    ("Enter to the request read in the child", "received"),
    ("waiting in the child's inbox", "started"),
    ("Library.compare in the child", "computed"),
    ("pickling and sending the rows", "sent"),
    ("reading and unpickling them (reader thread)", "assembled"),
    ("reaching the GUI thread", "handed"),
)
_STAGES_FROM = tuple(k for _name, k in _STAGES)


def _child_memory_mb(pid: int) -> tuple[float, float]:
    """(peak, current) resident size of process ``pid`` in MB (Linux /proc; 0 elsewhere)."""
    peak = now = 0.0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
                elif line.startswith("VmRSS:"):
                    now = int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return peak, now


def run(report: Report, args: Any) -> None:
    corpus = Path(getattr(args, "corpus", None) or UKRAINE)
    if not corpus.is_dir():
        report(f"gui: no corpus at {corpus}", 0.0, "skipped")
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    own = not getattr(args, "data_dir", None)
    data = Path(tempfile.mkdtemp(prefix="desk-bench-gui-")) if own else Path(args.data_dir)
    try:
        _run(report, args, corpus, data, reused=not own)
    finally:
        if own:
            shutil.rmtree(data, ignore_errors=True)


def _run(report: Report, args: Any, corpus: Path, data: Path, reused: bool) -> None:
    from desk.paths import demo_folder

    # 1. launch to first paint (the demo folder, as a new user gets it)
    starts = int(getattr(args, "starts", None) or os.environ.get("DESK_BENCH_GUI_STARTS") or 3)
    launch_dir = data / "launch"
    times = [first_paint_seconds(demo_folder(), launch_dir) for _ in range(starts)]
    report("gui: launch to first painted window (median)", statistics.median(times), "s")
    report("gui: launch to first painted window (first)", times[0], "s")

    # 2. GUI-thread stall while the corpus is indexed from the window, once per mode
    #    (each from scratch in its own data folder, unless a data_dir is reused)
    from PySide6.QtCore import QEvent, QObject, QTimer

    from desk.gui import settings as settings_mod
    from desk.gui.application import make_app
    from desk.gui.main_window import MainWindow
    from desk.gui.smoke import SmokeFailure, wait_for_signal

    app = make_app()
    settings_mod.use_path(str(data / "settings"))
    modes = str(getattr(args, "gui_modes", None) or os.environ.get("DESK_BENCH_GUI_MODES") or "process").split(",")
    limit = getattr(args, "gui_index_seconds", None) or os.environ.get("DESK_BENCH_GUI_INDEX_SECONDS")
    window = None
    closed = []  # kept, not deleted: deleting a window waits for its thread pool, and a hung index never ends
    for mode in modes:
        if window is not None:
            window.close()
            closed.append(window)
            app.processEvents()
        window = MainWindow(settings_mod.Settings(), data_dir=str(data if reused else data / f"index-{mode}"),
                            err_windows=False)
        window.index_in_process = mode == "process"
        # where the window compares: "process" (its way: a child process) or "thread" (the former way)
        window.compare_in_process = os.environ.get("DESK_BENCH_GUI_COMPARE", "process") != "thread"
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        status = window.status
        meter = StallMeter(lambda status=status: status.text()[:60])
        meter.start()
        t0 = time.perf_counter()
        if limit:
            # the Cancel button, as a user would press it
            QTimer.singleShot(int(float(limit) * 1000), window.cancel_btn.click)
        window.open_folder(corpus)
        try:
            wait_for_signal(window.indexed, window, "indexing the corpus", float(limit) + 300 if limit else 3 * 3600)
        except SmokeFailure as e:
            # the thread mode forks the core's pool workers from a thread of this
            # Qt process: a worker can hang for ever on a lock copied mid-use
            report(f"gui[{mode}]: indexing did not finish ({e})", time.perf_counter() - t0, "s")
        index_s = time.perf_counter() - t0
        meter.stop()
        rep = window.last_report
        report(f"gui[{mode}]: index from the window (wall)", index_s, "s")
        if rep is not None:
            report(f"gui[{mode}]: articles indexed while measuring", float(rep.added + rep.updated + rep.unchanged), "")
            report(f"gui[{mode}]: articles still without figures (cancelled: {rep.cancelled})",
                   float(rep.pending_extraction), "")
        report(f"gui[{mode}]: longest GUI-thread stall while indexing", meter.worst, "ms")
        report(f"gui[{mode}]: 99th percentile GUI-thread stall while indexing", meter.quantile(0.99), "ms")
        report(f"gui[{mode}]: GUI-thread stalls >= {LONG_MS} ms while indexing", float(len(meter.long)), "")
        for gap, at, label, stacks in meter.longest(5):
            print(f"    stall {gap:6.0f} ms at {at:7.1f} s [{label}] {stacks}", flush=True)
    assert window is not None

    # 3. search + compare, from Enter to the compare table painted
    class PaintSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.armed = False
            self.painted_at = 0.0
            self.cpu_at = 0.0  # the GUI thread's CPU time then

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if self.armed and event.type() == QEvent.Type.Paint:
                self.painted_at = time.perf_counter()
                self.cpu_at = time.thread_time()
                self.armed = False
            return False

    spy = PaintSpy()
    window.compare_view.table.viewport().installEventFilter(spy)
    arrived: list[tuple[float, float]] = []  # when the comparison reached the window's GUI thread (wall, CPU)
    on_compared = window._compared

    def compared_arrived(comparison: Any) -> None:
        arrived.append((time.perf_counter(), time.thread_time()))
        on_compared(comparison)

    window._compared = compared_arrived  # type: ignore[method-assign]
    timings: list[float] = []
    waits: list[float] = []
    shares_cpu: list[float] = []
    stalls: list[float] = []
    follow_stalls: list[float] = []
    # where the comparing child's time goes (desk.gui.compare_process.CoreProcess.timings), per query, in ms
    stages: dict[str, list[float]] = {}
    core = window.session.core
    pause = float(getattr(args, "gui_pause", None) or os.environ.get("DESK_BENCH_GUI_PAUSE") or PAUSE_S)
    paused: list[float] = []  # the painted times of the queries after the pause
    try:
        for q in (*QUERIES, *QUERIES_AFTER_PAUSE):
            if q == QUERIES_AFTER_PAUSE[0]:
                if not pause:
                    break
                # a user who reads for a while before the next query: the window idles (the comparing
                # child reads ahead meanwhile, when it does)
                idle = time.perf_counter()
                while time.perf_counter() - idle < pause:
                    app.processEvents()
                    time.sleep(0.01)
            arrived.clear()
            meter.start()
            window.search_field.setText(q)
            start = time.perf_counter()
            start_mono = time.monotonic()
            kept: dict[str, Any] | None = getattr(core, "timings", None)  # None: a tree without them
            if kept is not None:
                kept.pop("compare", None)
            window.compare(q)
            comparison = wait_for_signal(window.compared, window, f"comparing {q!r}", 120)
            spy.armed = True
            spy.painted_at = 0.0
            window.compare_view.table.viewport().update()
            while spy.armed and time.perf_counter() - start < 120:
                app.processEvents()
            worst_to_paint = meter.worst
            long_to_paint = meter.longest(2)
            # then the follow-ups a user waits for next (the results list, the claims table):
            # the GUI thread must not stall while they come in either
            try:
                wait_for_signal(window.claimsLoaded, window, f"the claims of {q!r}", 120)
            except SmokeFailure as e:  # the claims failed (quietly): the stalls until then still count
                report(f"gui: the claims of {q!r} did not come ({e})", 0.0, "")
            settle = time.perf_counter()
            while time.perf_counter() - settle < 0.3:
                app.processEvents()
            meter.stop()
            timings.append((spy.painted_at - start) * 1000)
            waits.append(((arrived[0][0] if arrived else spy.painted_at) - start) * 1000)
            shares_cpu.append((spy.cpu_at - arrived[0][1]) * 1000 if arrived else 0.0)
            stalls.append(worst_to_paint)
            follow_stalls.append(meter.worst)
            for gap, at, _label, stacks in long_to_paint:
                print(f"    stall {gap:6.0f} ms at {at * 1000:5.0f} ms after Enter: {stacks}", flush=True)
            for gap, at, _label, stacks in [x for x in meter.longest(4) if x not in long_to_paint][:2]:
                print(f"    stall {gap:6.0f} ms at {at * 1000:5.0f} ms after Enter (follow-ups): {stacks}",
                          flush=True)
            times = kept.get("compare") if kept is not None else None
            if times and all(k in times for k in _STAGES_FROM) and q not in QUERIES_AFTER_PAUSE:
                marks = [start_mono] + [times[k] for k in _STAGES_FROM]
                for (name, _k), a, b in zip(_STAGES, marks[:-1], marks[1:], strict=True):
                    stages.setdefault(name, []).append((b - a) * 1000)
            if q in QUERIES_AFTER_PAUSE:
                paused.append(timings.pop())
                waits.pop()
                shares_cpu.pop()
                stalls.pop()
                follow_stalls.pop()
                report(f"gui: after {pause:.0f} s idle, search+compare painted {q!r} ({len(comparison.rows)} rows)",
                       paused[-1], "ms")
                continue
            report(f"gui: search+compare painted {q!r} ({len(comparison.rows)} rows)", timings[-1], "ms")
            report(f"gui:   of which comparing and handing over (Enter to the window's GUI thread) {q!r}",
                   waits[-1], "ms")
    finally:
        del window._compared
    report("gui: search+compare painted (median)", statistics.median(timings), "ms")
    if paused:
        report(f"gui: after {pause:.0f} s idle, search+compare painted (median)", statistics.median(paused), "ms")
        report(f"gui: after {pause:.0f} s idle, search+compare painted (max)", max(paused), "ms")
    report("gui: search+compare painted (max)", max(timings), "ms")
    report("gui: comparing and handing over (median)", statistics.median(waits), "ms")
    report("gui: the window's share, comparison handed over to painted (median)",
           statistics.median(t - w for t, w in zip(timings, waits, strict=True)), "ms")
    report("gui: the window's share in GUI-thread CPU time (median)", statistics.median(shares_cpu), "ms")
    report("gui: the window's share in GUI-thread CPU time (max)", max(shares_cpu), "ms")
    report("gui: longest GUI-thread stall during search+compare", max(stalls), "ms")
    report("gui: longest GUI-thread stall until the claims are listed", max(follow_stalls), "ms")
    for name, values in stages.items():
        report(f"gui:   comparing child, {name} (median)", statistics.median(values), "ms")
    started, warmed = getattr(core, "started_at", None), getattr(core, "warmed_at", None)
    if started is not None and warmed is not None:
        # the queries above were typed without waiting for it (the first may have waited in the child's inbox)
        report("gui: comparing child's warm-up ended, after its start", warmed - started, "s")
    if core is not None and core.pid is not None:
        peak, now = _child_memory_mb(core.pid)
        report("gui: comparing child's peak RSS (VmHWM, after the queries)", peak, "MB")
        report("gui: comparing child's RSS after the queries", now, "MB")
    window.close()
    app.processEvents()
