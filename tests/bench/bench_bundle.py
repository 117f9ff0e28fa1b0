"""Benchmark section: the frozen app (packaging/dist/desk).

``run(report, args)`` reports
- bundle size: the unpacked folder and the .tar.gz (target: folder < 350 MB);
- start to first painted window of the frozen ``desk`` (target: < 2 s), on a
  private Xvfb display when Xvfb is installed, else offscreen; the first run
  after the build and the median of the following ones;
- peak memory of the frozen app opening ../shared/corpus/ukraine-media
  (target: < 600 MB): once indexing it from scratch (``--smoke-test``: index,
  search, compare, export, window), once opening the indexed library in the
  window and waiting for it to settle.

Builds the bundle first when packaging/dist/desk is missing.  Optional
attributes of ``args``: ``bundle`` (a bundle folder), ``ukraine`` or
``corpus`` (the corpus folder, as tests/bench/benchmark.py passes it), ``skip_ukraine`` (bool), ``starts`` (number of start-up runs).
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
BUNDLE = ROOT / "packaging" / "dist" / "desk"
UKRAINE = ROOT.parent / "shared" / "corpus" / "ukraine-media"
FIRST_PAINT = "desk-first-paint "

Report = Callable[[str, float, str], None]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "DESK_", "VIRTUAL_ENV"))}
    env.update(extra)
    return env


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _ensure_bundle(bundle: Path, report: Report) -> None:
    if (bundle / "desk").is_file():
        return
    started = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT, check=True)
    report("bundle build (PyInstaller + tar.gz)", time.monotonic() - started, "s")


class _Display:
    """A private Xvfb server for the start-up runs (offscreen when Xvfb is absent)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.env: dict[str, str] = _env(QT_QPA_PLATFORM="offscreen")
        self.name = "offscreen"

    def __enter__(self) -> _Display:
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            return self
        for number in range(140, 180):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            self.proc = subprocess.Popen(
                [xvfb, f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not Path(f"/tmp/.X11-unix/X{number}").exists():
                time.sleep(0.05)
            self.env = _env(DISPLAY=f":{number}")
            self.name = "Xvfb"
            break
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def _peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start_window(
    bundle: Path, env: dict[str, str], args: list[str], data_dir: Path, timeout: float = 60
) -> tuple[subprocess.Popen[str], float]:
    """Start the frozen desk; return the process and the seconds to its first paint."""
    env = dict(env, DESK_REPORT_FIRST_PAINT="1")
    started = time.time()
    proc = subprocess.Popen(
        [str(bundle / "desk"), *args, "--data-dir", str(data_dir), "--no-err-windows"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if line.startswith(FIRST_PAINT):
            return proc, float(line[len(FIRST_PAINT):]) - started
    _stop(proc)
    raise RuntimeError("the frozen desk never painted its window")


def _stop(proc: subprocess.Popen[str]) -> None:
    # the indexer's forked workers outlive a terminated window: stop them too
    workers = _tree(proc.pid) - {proc.pid}
    proc.terminate()
    for pid in workers:
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _first_window(bundle: Path, report: Report, starts: int) -> None:
    with _Display() as display, tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        times = []
        for i in range(starts):
            proc, seconds = _start_window(bundle, display.env, [], Path(tmp) / f"run{i}")
            _stop(proc)
            times.append(seconds)
        report(f"frozen desk: first painted window, first run ({display.name})", times[0], "s")
        if len(times) > 1:
            report(f"frozen desk: first painted window, median of {len(times) - 1} more ({display.name})",
                   statistics.median(times[1:]), "s")


def _ukraine_memory(bundle: Path, report: Report, corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        data = Path(tmp)
        started = time.monotonic()
        proc = subprocess.Popen(
            [str(bundle / "desk"), "--smoke-test", str(corpus), "--data-dir", str(data)],
            env=_env(QT_QPA_PLATFORM="offscreen"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        # indexing may fork workers: sample the whole process tree's resident
        # memory as well as the largest single process (ru_maxrss)
        tree_peak = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            tree_peak = max(tree_peak, _tree_rss_mb(proc.pid))
            time.sleep(0.5)
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors = proc.stderr.read() if proc.stderr else ""
        report("frozen desk --smoke-test ukraine-media: wall time (index from scratch)", time.monotonic() - started, "s")
        report("frozen desk --smoke-test ukraine-media: peak memory, largest process", usage.ru_maxrss / 1024, "MB")
        report("frozen desk --smoke-test ukraine-media: peak memory, all processes (sampled)", tree_peak, "MB")
        if proc.returncode != 0:
            report(f"frozen desk --smoke-test ukraine-media FAILED: {errors.strip()[-200:]}", proc.returncode, "exit")
            return

        # the window opening the library indexed above, left to settle
        with _Display() as display:
            window, seconds = _start_window(bundle, display.env, [str(corpus)], data, timeout=120)
            try:
                settle_deadline = time.monotonic() + 600
                last = -1.0
                tree_peak = 0.0
                while time.monotonic() < settle_deadline:
                    time.sleep(2.0)
                    tree_peak = max(tree_peak, _tree_rss_mb(window.pid))
                    cpu = _cpu_seconds(window.pid)
                    if last >= 0 and cpu - last < 0.1:
                        break  # idle: the folder is open, listed and up to date
                    last = cpu
                report(f"frozen desk: window on indexed ukraine-media, first paint ({display.name})", seconds, "s")
                report("frozen desk: window on indexed ukraine-media, peak memory (window process)",
                       _peak_rss_mb(window.pid), "MB")
                report("frozen desk: window on indexed ukraine-media, peak memory, all processes (sampled)",
                       tree_peak, "MB")
            finally:
                _stop(window)


def _processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, resident bytes) for every process we can read."""
    table: dict[int, tuple[int, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            table[int(entry.name)] = (int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE"))
        except (OSError, IndexError, ValueError):
            continue
    return table


def _tree(root: int, table: dict[int, tuple[int, int]] | None = None) -> set[int]:
    table = _processes() if table is None else table
    members = {root}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _) in table.items():
            if ppid in members and pid not in members:
                members.add(pid)
                grew = True
    return members


def _tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    table = _processes()
    return sum(table[pid][1] for pid in _tree(root, table) if pid in table) / 1e6


def _cpu_seconds(root: int) -> float:
    """CPU seconds used so far by a process and its descendants (workers included)."""
    total = 0
    for pid in _tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime, and the waited-for children's cutime, cstime
        total += sum(int(f) for f in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def run(report: Report, args: Any) -> None:
    bundle = Path(getattr(args, "bundle", None) or BUNDLE)
    _ensure_bundle(bundle, report)
    report("bundle size, unpacked folder", _folder_size(bundle) / 1e6, "MB")
    tarballs = sorted(bundle.parent.glob("desk-*-linux-*.tar.gz"))
    if tarballs:
        report(f"bundle size, {tarballs[-1].name}", tarballs[-1].stat().st_size / 1e6, "MB")
    _first_window(bundle, report, max(2, int(getattr(args, "starts", 0) or 6)))
    corpus = Path(getattr(args, "ukraine", None) or getattr(args, "corpus", None) or UKRAINE)
    if getattr(args, "skip_ukraine", False) or not corpus.is_dir():
        return
    _ukraine_memory(bundle, report, corpus)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="benchmark the frozen desk bundle")
    parser.add_argument("--bundle")
    parser.add_argument("--ukraine")
    parser.add_argument("--skip-ukraine", action="store_true")
    parser.add_argument("--starts", type=int, default=6)

    def _print(name: str, value: float, unit: str) -> None:
        print(f"{name}: {value:.2f} {unit}", flush=True)

    run(_print, parser.parse_args())
