"""Session h39c: pass 2 never waits for ever on worker processes that stopped answering.

A CI run's fixture build hung in pass 2 (issues 12/15): the parent waited for results that its
forked workers never sent.  The related-words learning thread ran beside pass 2 and was already
running when the workers forked, so each worker started with a copy of the locks that thread held
at that instant (SQLite's among them), held for ever.  Now (1) that thread starts only once the
workers have forked, (2) workers that return nothing and do no work are ended and their chunks are
extracted in desk's own process, with one line saying so, and (3) reading a few files in desk's own
process no longer starts the workers' parent watch there.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desk.index import pools
from desk.index.store import Store
from desk.library import Library

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork (and /proc exists) on Linux")

#: the test's own process (set by each test before its workers fork)
_PARENT = [0]
#: a lock the tests hold in desk's own process while its workers fork (as the learning thread held SQLite's)
_HELD = threading.Lock()
_REAL_EXTRACT_CHUNK = pools.extract_chunk


def _in_worker() -> bool:
    return os.getpid() != _PARENT[0]


def _where() -> str:
    return "worker" if _in_worker() else "desk"


def _fake_chunk(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    return [(aid, None, f"read by {_where()}", []) for aid in aids]


#: the marker file of :func:`_first_worker_task_blocks` (set by each test before its workers fork)
_MARKER = [Path()]


def _first_worker_task_blocks(marker: Path) -> bool:
    """True once, in the first worker that asks (the marker file is made atomically)."""
    if not _in_worker():
        return False
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def _blocking_chunk(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    """The first worker's first task waits for ever, using no CPU (as on a lock copied in the held state)."""
    if _first_worker_task_blocks(_MARKER[0]):
        _MARKER[0].with_suffix(".pid").write_text(str(os.getpid()))
        threading.Event().wait()
    return _fake_chunk(store_path, aids, max_chars)


def _slow_chunk(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    """The first worker's first task computes for four CPU-seconds: slow, never stuck."""
    if _first_worker_task_blocks(_MARKER[0]):
        end = time.process_time() + 4.0
        while time.process_time() < end:
            pass
    return _fake_chunk(store_path, aids, max_chars)


def _blocking_real_chunk(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    """As :func:`_blocking_chunk`, around desk's own extraction."""
    if _first_worker_task_blocks(_MARKER[0]):
        threading.Event().wait()
    return _REAL_EXTRACT_CHUNK(store_path, aids, max_chars)


@pytest.fixture
def no_model_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake chunks need no spaCy pipeline: none is loaded for the workers."""
    monkeypatch.setattr(pools, "model_shared_with_workers", contextlib.nullcontext)


def _bounded(run: Callable[[], Any], seconds: float = 90.0) -> tuple[bool, Any]:
    """``run()`` on a thread, waited for ``seconds`` at most: (finished, its value or exception)."""
    out: list[Any] = []

    def go() -> None:
        try:
            out.append(run())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out.append(exc)

    thread = threading.Thread(target=go, name="h39c-bounded", daemon=True)
    thread.start()
    thread.join(seconds)
    return (not thread.is_alive(), out[0] if out else None)


def _chunks(n: int) -> list[list[str]]:
    return [[f"a{i:02d}", f"b{i:02d}"] for i in range(n)]


def test_a_worker_that_waits_for_ever_is_ended_and_its_chunk_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, no_model_here: None
) -> None:
    _PARENT[0] = os.getpid()
    _MARKER[0] = tmp_path / "blocked"
    monkeypatch.setattr(pools, "extract_chunk", _blocking_chunk)
    monkeypatch.setattr(pools, "STALL_SECONDS", 1.5)
    store = Store(tmp_path / "store.sqlite")
    got: list[pools.Extracted] = []
    with caplog.at_level(logging.WARNING, logger="desk.index.pools"):
        finished, value = _bounded(lambda: pools.run_extraction(
            store, _chunks(8), 1000, got.extend, lambda: False, False))
    assert finished, "pass 2 waited for ever on a worker that never answered"
    assert value is None
    assert sorted(r[0] for r in got) == sorted(a for c in _chunks(8) for a in c)  # each once
    here = [r[0] for r in got if r[2] == "read by desk"]
    assert len(here) >= 2  # at least the blocked chunk was read in desk's own process
    assert [r.getMessage() for r in caplog.records if "stopped answering" in r.getMessage()]
    blocked = int((tmp_path / "blocked.pid").read_text())
    assert not Path(f"/proc/{blocked}").exists()  # ended (and reaped), not left waiting


def test_a_slow_worker_that_computes_is_not_taken_for_stuck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, no_model_here: None
) -> None:
    _PARENT[0] = os.getpid()
    _MARKER[0] = tmp_path / "slow"
    monkeypatch.setattr(pools, "extract_chunk", _slow_chunk)
    monkeypatch.setattr(pools, "STALL_SECONDS", 1.0)
    monkeypatch.setattr(pools, "STALL_CPU", 0.05)
    got: list[pools.Extracted] = []
    stalls: list[str] = []
    with caplog.at_level(logging.WARNING, logger="desk.index.pools"):
        finished, value = _bounded(lambda: pools.run_extraction(
            Store(tmp_path / "store.sqlite"), _chunks(4), 1000, got.extend, lambda: False, False,
            trouble=stalls.append))
    assert finished
    assert value is None
    assert stalls == []
    assert not [r for r in caplog.records if "stopped answering" in r.getMessage()]
    assert {r[2] for r in got} == {"read by worker"}
    assert len(got) == 8


def test_the_watch_waits_its_time_and_starts_again_after_a_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pools, "STALL_SECONDS", 1.5)
    monkeypatch.setattr(pools, "STALL_GAP", 1.0)
    quiet = subprocess.Popen(["sleep", "60"])  # a process that uses no CPU
    try:
        watch = pools.StallWatch(lambda: [quiet.pid])
        time.sleep(1.3)  # this process did not look for longer than STALL_GAP (as when stopped by Ctrl+Z)
        assert not watch.stalled()  # the watch starts again here
        restarted = time.monotonic()
        verdicts: list[tuple[float, bool]] = []
        while time.monotonic() - restarted < 2.5:
            verdicts.append((time.monotonic() - restarted, watch.stalled()))
            time.sleep(0.1)
        assert not [t for t, v in verdicts if v and t < 1.4]  # not before STALL_SECONDS
        assert verdicts[-1][1]  # quiet for longer: stuck
    finally:
        quiet.kill()
        quiet.wait()


def test_a_worker_that_ignores_sigterm_is_killed_when_the_workers_stop(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    started = tmp_path / "started"
    with ProcessPoolExecutor(max_workers=1, mp_context=pools.mp_context()) as pool:
        assert pool.submit(_deaf_to_sigterm).result(timeout=60) == "deaf"
        pool.submit(_wait_for_ever, str(started))
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        procs = pools.worker_processes(pool)
        pools.stop_workers(pool)
    assert len(procs) == 1
    assert not procs[0].is_alive()
    assert procs[0].exitcode == -signal.SIGKILL


def _deaf_to_sigterm() -> str:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return "deaf"


def _wait_for_ever(started: str) -> None:
    Path(started).touch()
    threading.Event().wait()


def test_reading_a_few_files_here_starts_no_parent_watch_in_desk_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(3):
        (folder / f"n{i}.md").write_text(f"# Ferry timetable {i}\n\nThe late ferry left the pier at ten past nine.\n")
    monkeypatch.setattr(pools.WORKER, "watched_pid", 0)
    watches = {t.ident for t in threading.enumerate() if t.name == "desk-parent-watch"}
    jobs = [(str(folder / f"n{i}.md"), f"n{i}.md") for i in range(3)]
    results = list(pools.read_all(folder, jobs, pool_threshold=64))
    assert [r.article is not None for r in results] == [True, True, True]
    assert {t.ident for t in threading.enumerate() if t.name == "desk-parent-watch"} == watches
    assert pools.WORKER.watched_pid != os.getpid()


# -- the whole run, on articles written for these tests ------------------------------------------

_TOWNS = ["Harlow Bay", "Kestrel Point", "Dunmere", "Ashcombe", "Larkfield"]
_DESKS = ["Coast Desk", "Valley Post", "Morning Ledger"]


def _folder(tmp_path: Path, n: int = 40) -> Path:
    """``n`` short articles (enough for pass 2 to use its workers), each with a figure and a source."""
    f = tmp_path / "articles"
    f.mkdir()
    for i in range(n):
        town = _TOWNS[i % len(_TOWNS)]
        body = (
            f"The council of {town} said {12 + i} families had moved into the new flats by Friday.\n\n"
            f"Mayor Odile Frant told reporters that another {30 + 2 * i} homes would open in spring.\n\n"
            f"Builders on the site counted {3 + i % 7} cranes at work, a spokesman for the firm added."
        )
        (f / f"flats{i:02d}.md").write_text(
            f'---\ntitle: "Flats in {town} {i}"\nsite: "{_DESKS[i % 3]}"\npublished: "2022-03-{1 + i % 27:02d}"\n---\n\n'
            f"{body}\n",
            encoding="utf-8",
        )
    return f


def _pool_workers() -> list[Any]:
    """This process's forked pool workers alive now (named ForkProcess-N by multiprocessing)."""
    return [p for p in multiprocessing.active_children() if p.name.startswith("ForkProcess")]


@contextlib.contextmanager
def _lock_held_until_workers_fork() -> Iterator[None]:
    """Hold :data:`_HELD` until this process has forked its pool workers, and a moment more."""
    with _HELD:
        deadline = time.monotonic() + 150
        while not _pool_workers() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)
        yield


def _chunk_after_the_lock(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    with _HELD:  # what a worker needs that the learning thread may hold (SQLite's own locks, in the hang)
        pass
    return _REAL_EXTRACT_CHUNK(store_path, aids, max_chars)


def test_the_learning_thread_starts_only_once_the_workers_have_forked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _PARENT[0] = os.getpid()
    learned: list[tuple[str, bool]] = []

    def learning(self: Library, progress: Any, cancelled: Any) -> None:
        workers_there = bool(_pool_workers())
        with _lock_held_until_workers_fork():
            learned.append((threading.current_thread().name, workers_there))

    monkeypatch.setattr(Library, "_learn_related", learning)
    monkeypatch.setattr(pools, "extract_chunk", _chunk_after_the_lock)
    monkeypatch.setattr(pools, "STALL_SECONDS", 5.0)  # a regression shows as a stall, not a long wait
    with Library(_folder(tmp_path), data_dir=tmp_path / "data") as lib:
        finished, report = _bounded(lambda: lib.update(extract=True), 240.0)
        assert finished, "the workers forked while the learning thread held a lock, and waited for it for ever"
        assert not isinstance(report, BaseException), report
        assert report.added == 40
        assert report.pending_extraction == 0
        assert not [p for p in report.problems if "stopped answering" in p]
        assert learned == [("desk-related-words", True)]  # on its own thread, started after the workers forked
        assert lib.search("cranes").hits


def test_a_run_whose_worker_stops_answering_ends_complete_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _PARENT[0] = os.getpid()
    _MARKER[0] = tmp_path / "blocked"
    monkeypatch.setattr(pools, "extract_chunk", _blocking_real_chunk)
    monkeypatch.setattr(pools, "STALL_SECONDS", 2.0)
    messages: list[str] = []
    with Library(_folder(tmp_path), data_dir=tmp_path / "data") as lib:
        finished, report = _bounded(lambda: lib.update(lambda _d, _t, m="": messages.append(m), extract=True))
        assert finished
        assert not isinstance(report, BaseException), report
        said = [p for p in report.problems if "stopped answering" in p]
        assert len(said) == 1
        assert said[0] in messages  # in the report, and told while it ran
        assert report.pending_extraction == 0  # every article has its figures and claimants
        assert lib.store.pending_extraction() == 0
        assert lib.search("families").hits  # the index is whole and searchable
    with Library(tmp_path / "articles", data_dir=tmp_path / "data") as again:
        assert again.update(extract=True).unchanged == 40  # and the next run finds nothing to do
