"""Comparing from the window in a child process (desk.gui.compare_process) on the real core."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.gui import compare_process
from desk.gui.compare_process import ChildCall, CoreProcess
from desk.gui.compare_view import row_claimants
from desk.gui.main_window import MainWindow
from desk.library import Library

posix_only = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="SIGSTOP/SIGKILL are POSIX")


@pytest.fixture
def window(qtbot, settings, data_dir: Path):  # type: ignore[no-untyped-def]
    w = MainWindow(settings, data_dir=str(data_dir), err_windows=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_library()


def open_indexed(qtbot, w: MainWindow, folder: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.indexed, timeout=300_000):
        assert w.open_folder(folder)


def running_child(qtbot, w: MainWindow, folder: Path) -> CoreProcess:  # type: ignore[no-untyped-def]
    """Open ``folder`` (indexed) and wait for its comparing child to run."""
    open_indexed(qtbot, w, folder)
    core = w.session.core
    assert core is not None
    qtbot.waitUntil(lambda: core.alive, timeout=30_000)
    return core


def compare(qtbot, w: MainWindow, query: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(w.compared, timeout=120_000) as blocker:
        w.compare(query)
    return blocker.args[0]


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:  # a zombie child is dead too
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return True


def _fingerprint(comparison):  # type: ignore[no-untyped-def]
    return [
        (sorted((o, [(r.article_id, r.number) for r in refs]) for o, refs in row.cells.items()),
         bool(row.disagreement))
        for row in comparison.rows
    ]


def test_the_child_compares_as_the_library_does(qtbot, window: MainWindow, seeds: Path, data_dir: Path) -> None:
    w = window
    core = running_child(qtbot, w, seeds)
    assert core.pid != os.getpid()

    def not_here(*_a, **_k):  # type: ignore[no-untyped-def]
        raise AssertionError("the window's own Library compared")

    w.library.compare = not_here  # type: ignore[union-attr, method-assign]
    got = compare(qtbot, w, "soldiers killed")
    with Library(str(seeds), data_dir=str(data_dir)) as lib:
        want = lib.compare("soldiers killed")
    assert got.rows, "no rows compared"
    assert _fingerprint(got) == _fingerprint(want)
    assert [row_claimants(r) for r in got.rows] == [row_claimants(r) for r in want.rows]
    # the results list came from the child too (the follow-up search)
    qtbot.waitUntil(lambda: w.results.model.result is not None, timeout=60_000)
    assert w.results.model.result.query == "soldiers killed"
    # asked again: the copy the child kept once the first answer was out, with the same rows
    again = compare(qtbot, w, "soldiers killed")
    assert _fingerprint(again) == _fingerprint(want)
    assert [row_claimants(r) for r in again.rows] == [row_claimants(r) for r in want.rows]


def test_a_query_error_reads_as_the_same_sentence(qtbot, window: MainWindow, seeds: Path, data_dir: Path) -> None:
    w = window
    open_indexed(qtbot, w, seeds)
    errors: list[str] = []
    w.errorShown.connect(errors.append)
    w.compare('"soldiers killed')
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    with Library(str(seeds), data_dir=str(data_dir)) as lib, pytest.raises(DeskError) as info:
        lib.compare('"soldiers killed')
    assert errors[0] == str(info.value)
    assert w.compare_view.model.comparison is None


@posix_only
def test_cancel_reaches_the_child_and_it_stays(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    core = running_child(qtbot, w, seeds)
    pid = core.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # both the call and its cancel wait in the pipe
    try:
        w.compare("soldiers killed")
        job = w.session.busy
        assert isinstance(job, ChildCall)
        assert w.cancel_btn.isVisible()
        w.cancel_busy()
    finally:
        os.kill(pid, signal.SIGCONT)
    with qtbot.waitSignal(job.done, timeout=compare_process.CANCEL_GRACE_MS - 500):
        pass
    qtbot.waitUntil(lambda: "cancelled" in w.status.text().lower(), timeout=5_000)
    assert not w.cancel_btn.isVisible()
    assert core.pid == pid
    assert core.alive
    assert compare(qtbot, w, "soldiers killed").rows


@posix_only
def test_a_child_that_ignores_cancel_is_ended_and_replaced(qtbot, window: MainWindow, seeds: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare_process, "CANCEL_GRACE_MS", 300)
    w = window
    core = running_child(qtbot, w, seeds)
    pid = core.pid
    os.kill(pid, signal.SIGSTOP)  # a child that answers nothing
    w.compare("soldiers killed")
    job = w.session.busy
    assert isinstance(job, ChildCall)
    searched: list[object] = []
    queued = w.session.call("search", "soldiers", name="search", scope=None, on_done=searched.append)
    with qtbot.waitSignal(job.done, timeout=5_000):
        w.cancel_busy()
    assert "cancelled" in w.status.text().lower()
    qtbot.waitUntil(lambda: not _alive(pid), timeout=5_000)
    # the call queued behind the cancelled one is answered by the new child
    qtbot.waitUntil(lambda: not queued.running, timeout=60_000)
    assert len(searched) == 1
    assert searched[0].hits  # type: ignore[attr-defined]
    assert compare(qtbot, w, "soldiers killed").rows
    assert core.pid != pid


@posix_only
def test_child_death_is_one_sentence_and_the_next_compare_recovers(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    core = running_child(qtbot, w, seeds)
    pid = core.pid
    errors: list[str] = []
    crashes: list[str] = []
    w.errorShown.connect(errors.append)
    w.crashShown.connect(crashes.append)
    os.kill(pid, signal.SIGSTOP)
    w.compare("soldiers killed")
    job = w.session.busy
    assert isinstance(job, ChildCall)
    with qtbot.waitSignal(job.done, timeout=10_000):
        os.kill(pid, signal.SIGKILL)
    assert not crashes
    assert len(errors) == 1
    assert "ended unexpectedly" in errors[0]
    assert errors[0].count(".") == 1
    assert errors[0].endswith(".")
    assert "ended unexpectedly" in w.status.text()
    assert not w.cancel_btn.isVisible()
    assert compare(qtbot, w, "soldiers killed").rows
    assert core.pid != pid
    assert core.alive
    # dying while idle: said in the status line, and the next compare starts another
    pid = core.pid
    with qtbot.waitSignal(w.errorShown, timeout=10_000) as blocker:
        os.kill(pid, signal.SIGKILL)
    assert "ended unexpectedly" in blocker.args[0]
    assert compare(qtbot, w, "soldiers killed").rows
    assert core.pid != pid


@posix_only
def test_a_late_death_notice_leaves_the_next_child_alone(qtbot, window: MainWindow, seeds: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two calls in one turn find the pipe gone (the child died, its reader has not said so yet): each
    leaves a death notice for the next turn.  The first notice's failure starts a call at once, in a new
    child; the second notice is about the old child and must not fail that call (it once did: the
    compare after an idle child's death never answered)."""
    w = window
    core = running_child(qtbot, w, seeds)
    old_pid = core.pid
    real_send = core._send
    broken = [True]
    monkeypatch.setattr(core, "_send", lambda msg: False if broken[0] else real_send(msg))
    first = core.call("search", "soldiers")
    second = core.call("search", "killed")
    failures: list[str] = []
    later: list[ChildCall] = []

    def again(message: str) -> None:
        failures.append(message)
        if not later:
            broken[0] = False
            later.append(core.call("search", "soldiers"))

    first.failed.connect(again)
    second.failed.connect(failures.append)
    qtbot.waitUntil(lambda: bool(later) and not later[0].running, timeout=60_000)
    assert len(failures) == 2
    assert all("ended unexpectedly" in f for f in failures)
    assert later[0].result is not None, "the new child's call was failed by the old child's notice"
    assert later[0].result.hits
    assert core.alive
    assert core.pid != old_pid


def test_an_alias_edit_reaches_the_next_compare(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    open_indexed(qtbot, w, seeds)
    comp = compare(qtbot, w, "soldiers killed")
    names = sorted({n for row in comp.rows for n in row_claimants(row)})
    assert names, "the seeds' comparison names no claimant"
    old = names[0]
    new = "Quentin Vexley-Arbogast"
    with qtbot.waitSignal(w.compared, timeout=120_000) as blocker:
        w.alias_action("rename", old, new)
    after = {n for row in blocker.args[0].rows for n in row_claimants(row)}
    assert new in after
    assert old not in after
    # and a fresh compare (not only the re-shown one) sees it
    again = compare(qtbot, w, "soldiers killed")
    assert new in {n for row in again.rows for n in row_claimants(row)}


def test_reindexing_and_folder_switches_reach_the_child(qtbot, window: MainWindow, seeds: Path,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    w = window
    open_indexed(qtbot, w, folder)
    word = "zorbulation"
    assert not compare(qtbot, w, word).rows
    (folder / "900_new.txt").write_text(
        "Harbour authority reports zorbulation of the pier\n\n"
        "The harbour authority said on Monday that the zorbulation of the old pier had cost 12 boats.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(w.indexed, timeout=300_000):
        w.reindex()
    rows = compare(qtbot, w, word).rows
    assert rows
    assert any(ref.relpath == "900_new.txt" for row in rows for refs in row.cells.values() for ref in refs)
    assert 12 in {s.figure.value for row in rows for s in row.statements}
    # the same article changed: the child must not answer from what it cached before
    (folder / "900_new.txt").write_text(
        "Harbour authority reports zorbulation of the pier\n\n"
        "The harbour authority said on Monday that the zorbulation of the old pier had cost 31 boats.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(w.indexed, timeout=300_000):
        w.reindex()
    figures = {s.figure.value for row in compare(qtbot, w, word).rows for s in row.statements}
    assert 31 in figures
    assert 12 not in figures
    # another folder: a new child for it, the old one ended
    old = w.session.core
    assert old is not None
    old_pid = old.pid
    open_indexed(qtbot, w, seeds)
    core = w.session.core
    assert core is not None
    assert core is not old
    assert core.folder == str(seeds.resolve())
    assert not compare(qtbot, w, word).rows
    qtbot.waitUntil(lambda: not _alive(old_pid), timeout=10_000)


def test_off_by_setting_runs_on_the_pool(qtbot, window: MainWindow, seeds: Path) -> None:
    w = window
    w.compare_in_process = False
    open_indexed(qtbot, w, seeds)
    assert w.session.core is None
    assert compare(qtbot, w, "soldiers killed").rows


def test_a_long_answer_goes_in_pieces_and_comes_back_whole() -> None:
    import dataclasses

    from desk.gui.compare_child import ITEMS_PER_MESSAGE, send_answer, whole

    @dataclasses.dataclass(slots=True)
    class Table:
        title: str
        rows: list[int]

    class Pipe:
        def __init__(self) -> None:
            self.sent: list[tuple] = []  # type: ignore[type-arg]

        def send(self, msg: tuple) -> None:  # type: ignore[type-arg]
            self.sent.append(msg)

    n = 2 * ITEMS_PER_MESSAGE + 7
    for value in (Table("t", list(range(n))), [f"item {i}" for i in range(n)], Table("short", [1, 2])):
        pipe = Pipe()
        send_answer(pipe, ("finished", 5, value))
        *parts, last = pipe.sent
        assert all(m[0] == "part" and m[1] == 5 and len(m[2]) <= ITEMS_PER_MESSAGE for m in parts)
        assert last[:2] == ("finished", 5)
        items = [x for m in parts for x in m[2]]
        assert whole(last[2], last[3], items) == value
        expected_parts = 0 if isinstance(value, Table) and value.title == "short" else 3
        assert len(parts) == expected_parts


def test_the_child_collates_as_the_library_does(qtbot, window: MainWindow, seeds: Path, data_dir: Path) -> None:
    w = window
    open_indexed(qtbot, w, seeds)
    with Library(str(seeds), data_dir=str(data_dir)) as lib:
        ids = sorted(a.id for a in lib.articles())[:3]
    assert len(ids) == 3
    with qtbot.waitSignal(w.compared, timeout=120_000) as blocker:
        w.collate(ids)
    got = blocker.args[0]
    with Library(str(seeds), data_dir=str(data_dir)) as lib:
        want = lib.collate(ids)
    assert got.mode == "collate"
    assert got.rows
    assert _fingerprint(got) == _fingerprint(want)


def test_a_comparison_is_prepared_on_the_reader_thread_and_the_model_uses_it(qtbot, window: MainWindow,
                                                                               seeds: Path) -> None:
    import threading

    from desk.gui import compare_view

    w = window
    seen: list[tuple[int, int]] = []  # (thread, id of the answer)
    prepare = w.session.prepare
    assert prepare is compare_view.prepare_comparison

    def watched(value):  # type: ignore[no-untyped-def]
        seen.append((threading.get_ident(), id(value)))
        prepare(value)

    w.session.prepare = watched
    open_indexed(qtbot, w, seeds)
    used: list[object] = []
    original = compare_view.prepared_facts

    def taken(comparison):  # type: ignore[no-untyped-def]
        facts = original(comparison)
        used.append(facts)
        return facts

    compare_view.prepared_facts = taken  # type: ignore[assignment]
    try:
        got = compare(qtbot, w, "soldiers killed")
    finally:
        compare_view.prepared_facts = original  # type: ignore[assignment]
    assert got.rows
    assert id(got) in {i for _, i in seen}
    assert all(t != threading.get_ident() for t, _ in seen)  # never on the GUI thread
    assert used
    assert used[0] == compare_view.comparison_facts(got)  # the model took the facts counted off the GUI thread


def test_the_reader_holds_the_collector_off_while_a_long_answer_comes_in(qtbot) -> None:  # type: ignore[no-untyped-def]
    import dataclasses
    import gc

    from desk.gui.compare_child import ITEMS_PER_MESSAGE, send_answer

    @dataclasses.dataclass(slots=True)
    class Table:
        title: str
        rows: list[int]

    class Sent:
        def __init__(self) -> None:
            self.sent: list[tuple] = []  # type: ignore[type-arg]

        def send(self, msg: tuple) -> None:  # type: ignore[type-arg]
            self.sent.append(msg)

    out = Sent()
    out.send(("progress", 3, 1, 2, "grouping"))
    send_answer(out, ("finished", 3, Table("t", list(range(2 * ITEMS_PER_MESSAGE + 5)))))
    collector_on_at_recv: list[tuple[str, bool]] = []
    collector_on_at_poll: list[bool] = []

    class Events:  # the window's end of the pipe: each message read in turn, then the child's end closes
        def __init__(self, messages: list[tuple]) -> None:  # type: ignore[type-arg]
            self.messages = list(messages)

        def poll(self, timeout: float | None = None) -> bool:
            collector_on_at_poll.append(gc.isenabled())
            return True

        def recv(self) -> tuple:  # type: ignore[type-arg]
            if not self.messages:
                collector_on_at_recv.append(("eof", gc.isenabled()))
                raise EOFError
            msg = self.messages.pop(0)
            collector_on_at_recv.append((msg[0], gc.isenabled()))
            return msg

        def close(self) -> None:
            pass

    class Proc:
        exitcode = 0

        def join(self, timeout: float | None = None) -> None:
            collector_on_at_recv.append(("join", gc.isenabled()))

    core = compare_process.CoreProcess("folder", None)
    on_prepare: list[bool] = []
    core.prepare = lambda value: on_prepare.append(gc.isenabled())
    answers: list[tuple] = []  # type: ignore[type-arg]
    core._relay.message.connect(lambda item: answers.append(item[1]))
    assert gc.isenabled()
    core._read(Events(out.sent), Proc(), 1)
    qtbot.wait(10)
    assert gc.isenabled()
    # off while each message is read, and on again between answers
    assert [k for k, _ in collector_on_at_recv] == ["progress", "part", "part", "part", "finished", "eof", "join"]
    assert [on for _, on in collector_on_at_recv] == [False, False, False, False, False, False, True]
    # waiting for the child with the collector on: off from a message's arrival till its answer is whole
    assert collector_on_at_poll == [True, True, False, False, False, True]
    assert on_prepare == [False]
    assert answers[0][0] == "progress"
    assert answers[1][0] == "finished"
    assert answers[1][2] == Table("t", list(range(2 * ITEMS_PER_MESSAGE + 5)))
    assert answers[-1] == ("died", 0)


def test_a_finished_call_keeps_where_its_time_went(qtbot) -> None:  # type: ignore[no-untyped-def]
    import time

    from desk.gui.compare_child import ITEMS_PER_MESSAGE, send_answer

    class Sent:
        def __init__(self) -> None:
            self.sent: list[tuple] = []  # type: ignore[type-arg]

        def send(self, msg: tuple) -> None:  # type: ignore[type-arg]
            self.sent.append(msg)

    out = Sent()
    t0 = time.monotonic()
    send_answer(out, ("finished", 4, list(range(ITEMS_PER_MESSAGE + 3))),
                {"received": t0 - 0.003, "started": t0 - 0.002, "computed": t0 - 0.001})

    class Events:
        def __init__(self, messages: list[tuple]) -> None:  # type: ignore[type-arg]
            self.messages = list(messages)

        def poll(self, timeout: float | None = None) -> bool:
            return True

        def recv(self) -> tuple:  # type: ignore[type-arg]
            if not self.messages:
                raise EOFError
            return self.messages.pop(0)

        def close(self) -> None:
            pass

    class Proc:
        exitcode = 0

        def join(self, timeout: float | None = None) -> None:
            pass

    core = compare_process.CoreProcess("folder", None)
    core._generation = 1
    job = compare_process.ChildCall(core, 4, "compare", parent=core)
    job.name = "comparison"  # the session labels its calls: the times stay under the method
    core._calls[4] = job
    got: list[object] = []
    job.finished.connect(got.append)
    items: list[tuple] = []  # type: ignore[type-arg]
    core._relay.message.connect(items.append)
    core._read(Events(out.sent), Proc(), 1)
    qtbot.waitUntil(lambda: len(items) >= 2, timeout=5000)
    for item in items:
        core._on_message(item)
    assert got == [list(range(ITEMS_PER_MESSAGE + 3))]
    times = core.timings["compare"]
    stages = ("received", "started", "computed", "sent", "arrived", "assembled", "handed")
    assert set(stages) <= set(times)
    assert [times[k] for k in stages] == sorted(times[k] for k in stages)
    # the child's "warm" message: when it had loaded what the first comparison needs (no call ends)
    assert core.warmed_at is None
    core._on_message((core._generation, ("warm", 1234.5)))
    assert core.warmed_at == 1234.5
    assert core.timings["compare"] is times
    core.close()
