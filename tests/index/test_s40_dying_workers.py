"""Session 40: pass 2 survives a worker process that dies.

Before, a worker killed for memory or by a crash in the parser broke the whole pool:
``BrokenProcessPool`` came out of ``Library.update`` as an internal error, and no article
said why.  Now the chunks the dead worker's pool had out are read again one article at a
time; the article that kills its worker again is listed as failed, with how it died, and
every other article is read.  Desk's own process never reads a suspect (it would die too).

The fake chunks below decide by article id, in whichever process runs them: the pools
after a death are spawned, and a spawned worker has none of the test's patches, only
the function handed to it (by name) and the environment.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from desk.index import pools
from desk.index.store import Store
from desk.model import Skipped

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork (and /proc exists) on Linux")

_ENV = "DESK_TEST_S40_MARKERS"


def _markers() -> Path:
    return Path(os.environ[_ENV])


def _where() -> str:
    desk_pid = int((_markers() / "desk.pid").read_text())
    return "desk" if os.getpid() == desk_pid else "worker"


def _first_time(name: str) -> bool:
    """True once over all processes (the marker file is made atomically)."""
    try:
        os.close(os.open(_markers() / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def _dying_chunk(store_path: str, aids: list[str], max_chars: int) -> list[pools.Extracted]:
    """A worker given ``exit3`` ends with exit code 3, one given ``sigkill`` is killed, each every time;
    one given ``once`` dies only the first time (as a worker the system killed for memory once)."""
    here = _where()
    if here == "worker":
        if "exit3" in aids:
            os._exit(3)
        if "sigkill" in aids:
            os.kill(os.getpid(), signal.SIGKILL)
        if "once" in aids and _first_time("once"):
            os._exit(5)
    return [(aid, None, f"read by {here}", []) for aid in aids]


@pytest.fixture
def markers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "markers"
    folder.mkdir()
    (folder / "desk.pid").write_text(str(os.getpid()))
    monkeypatch.setenv(_ENV, str(folder))
    monkeypatch.setattr(pools, "extract_chunk", _dying_chunk)
    # the fake chunks need no spaCy pipeline: none is loaded for the workers
    monkeypatch.setattr(pools, "model_shared_with_workers", contextlib.nullcontext)
    return folder


def _chunks(n: int, bad: str = "", at: int = 3) -> list[list[str]]:
    chunks = [[f"a{i:02d}", f"b{i:02d}", f"c{i:02d}"] for i in range(n)]
    if bad:
        chunks[at][1] = bad
    return chunks


def _run(tmp_path: Path, chunks: list[list[str]]) -> tuple[bool, list[pools.Extracted], list[str], Any]:
    """run_extraction on a thread, given at most 120 s: (finished, results, trouble lines, its value)."""
    got: list[pools.Extracted] = []
    told: list[str] = []
    out: list[Any] = []

    def go() -> None:
        try:
            out.append(pools.run_extraction(Store(tmp_path / "store.sqlite"), chunks, 1000, got.extend,
                                            lambda: False, False, trouble=told.append))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out.append(exc)

    thread = threading.Thread(target=go, name="s40-bounded", daemon=True)
    thread.start()
    thread.join(120)
    return (not thread.is_alive(), got, told, out[0] if out else None)


def test_an_article_that_kills_its_worker_is_listed_with_why_and_the_others_are_read(
    tmp_path: Path, markers: Path, caplog: pytest.LogCaptureFixture
) -> None:
    chunks = _chunks(10, "exit3")
    with caplog.at_level(logging.WARNING, logger="desk.index.pools"):
        finished, got, told, value = _run(tmp_path, chunks)
    assert finished, "pass 2 did not end after a worker died"
    assert value is None  # no BrokenProcessPool out of the run
    assert sorted(r[0] for r in got) == sorted(a for c in chunks for a in c)  # every article once
    failed = {r[0]: r[2] for r in got if r[2].startswith(pools.EXTRACTION_FAILED)}
    assert failed == {"exit3": (
        "figures/claimants failed (the worker process reading it ended unexpectedly (exit code 3)); "
        "its text is searchable"
    )}
    assert {r[2] for r in got if r[0] != "exit3"} == {"read by worker"}  # desk itself read no suspect
    assert [r[1] for r in got if r[0] == "exit3"] == [None]
    assert len(told) == 1
    assert told[0].startswith("figures and claimants: a worker process ended unexpectedly (exit code 3); desk reads the ")
    assert told[0].endswith(" articles it had in hand again, one at a time")
    assert [r.getMessage() for r in caplog.records] == told


def test_a_worker_killed_by_a_signal_says_so(tmp_path: Path, markers: Path) -> None:
    finished, got, told, value = _run(tmp_path, _chunks(6, "sigkill", at=0))
    assert finished
    assert value is None
    failed = [r for r in got if r[2].startswith(pools.EXTRACTION_FAILED)]
    assert [(r[0], r[2]) for r in failed] == [("sigkill", (
        "figures/claimants failed (the worker process reading it was killed (SIGKILL; out of memory?)); "
        "its text is searchable"
    ))]
    assert len(got) == 18
    assert "was killed (SIGKILL; out of memory?)" in told[0]


def test_a_worker_that_died_once_costs_no_article(tmp_path: Path, markers: Path) -> None:
    finished, got, told, value = _run(tmp_path, _chunks(8, "once", at=5))
    assert finished
    assert value is None
    assert sorted(r[0] for r in got) == sorted(a for c in _chunks(8, "once", at=5) for a in c)
    assert {r[2] for r in got} == {"read by worker"}  # the suspects were read again, by a new worker
    assert len(told) == 1
    assert "exit code 5" in told[0]


def test_how_workers_died_names_the_dead_worker_not_the_ones_the_pool_ended() -> None:
    assert pools.how_workers_died([-signal.SIGTERM, -signal.SIGKILL]) == "was killed (SIGKILL; out of memory?)"
    assert pools.how_workers_died([3, -signal.SIGTERM]) == "ended unexpectedly (exit code 3)"
    assert pools.how_workers_died([-signal.SIGSEGV]) == "was killed (SIGSEGV)"
    assert pools.how_workers_died([-signal.SIGTERM]) == "was killed (SIGTERM)"
    assert pools.how_workers_died([None]) == "ended unexpectedly"
    assert pools.how_workers_died([]) == "ended unexpectedly"


# -- pass 1: reading ---------------------------------------------------------------------------------


def _dying_read(job: tuple[str, str]) -> pools.ReadResult:
    """A reader given ``boom.md`` ends with exit code 7 every time; ``once.md`` kills its reader the first time only."""
    path, relpath = job
    here = _where()
    if here == "worker":
        if relpath == "boom.md":
            os._exit(7)
        if relpath == "once.md" and _first_time("once-read"):
            os.kill(os.getpid(), signal.SIGKILL)
    return pools.ReadResult(relpath, None, [], [], Skipped(path, f"read by {here}"))


def _jobs(tmp_path: Path, n: int, bad: dict[int, str]) -> list[tuple[str, str]]:
    names = [bad.get(i, f"note{i:03d}.md") for i in range(n)]
    return [(str(tmp_path / "articles" / name), name) for name in names]


@pytest.fixture
def reading(tmp_path: Path, markers: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pools, "read_one", _dying_read)
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def test_a_file_that_kills_its_reader_is_skipped_with_why_and_the_others_are_read_in_order(
    tmp_path: Path, reading: Path, caplog: pytest.LogCaptureFixture
) -> None:
    jobs = _jobs(tmp_path, 120, {70: "boom.md"})
    with caplog.at_level(logging.WARNING, logger="desk.index.pools"):
        results = list(pools.read_all(reading, jobs, pool_threshold=10))
    assert [r.relpath for r in results] == [j[1] for j in jobs]  # each file once, in order
    reasons = {r.relpath: r.skipped.reason for r in results if r.skipped is not None}
    assert reasons.pop("boom.md") == (
        "desk's reading process ended unexpectedly (exit code 7) on this file; it is not indexed"
    )
    assert set(reasons.values()) == {"read by worker"}  # desk's own process read none of them
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 1
    assert warned[0].startswith("reading: a worker process ended unexpectedly (exit code 7); desk reads the next ")


def test_a_reader_killed_once_costs_no_file(tmp_path: Path, reading: Path) -> None:
    jobs = _jobs(tmp_path, 60, {5: "once.md"})
    results = list(pools.read_all(reading, jobs, pool_threshold=10))
    assert [r.relpath for r in results] == [j[1] for j in jobs]
    assert {r.skipped.reason for r in results if r.skipped is not None} == {"read by worker"}
