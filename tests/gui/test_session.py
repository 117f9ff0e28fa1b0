"""The session: the one place stale results are dropped, and the busy state the window shows."""

from __future__ import annotations

import threading

from desk.errors import QueryError
from desk.gui.session import FOLDER, QUERY, Session


def test_fresh_drops_a_callback_once_its_scope_moved_on(qapp) -> None:  # type: ignore[no-untyped-def]
    s = Session()
    got: list[str] = []
    query_cb = s.fresh(lambda: got.append("query"), QUERY)
    folder_cb = s.fresh(lambda: got.append("folder"), FOLDER)
    s.new_query()
    query_cb()
    folder_cb()  # a newer query does not make the folder's listing stale
    assert got == ["folder"]
    stale: list[object] = []
    folder_cb2 = s.fresh(lambda x: got.append("again"), FOLDER, on_stale=stale.append)
    s.close()
    folder_cb2("old library")
    assert got == ["folder"]
    assert stale == ["old library"]


def test_a_result_started_before_a_newer_query_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = Session()
    gate = threading.Event()
    delivered: list[str] = []
    errors: list[str] = []

    def slow(word: str) -> str:
        gate.wait(5)
        return word

    def fails() -> str:
        gate.wait(5)
        raise QueryError("The query has an opening quote without a closing one.")

    old = s.run(slow, "old", name="search", on_done=delivered.append)
    bad = s.run(fails, name="search", on_done=delivered.append, on_error=errors.append)
    s.new_query()
    new = s.run(slow, "new", name="search", on_done=delivered.append)
    with qtbot.waitSignals([old.done, bad.done, new.done], timeout=5000):
        gate.set()
    assert delivered == ["new"]
    assert errors == []  # the stale query's error is dropped too
    s.close()


def test_busy_changes_once_per_stretch_of_cancellable_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = Session()
    states: list[bool] = []
    s.busyChanged.connect(states.append)
    gate = threading.Event()
    a = s.run(gate.wait, 5, name="comparison", cancellable=True, on_done=lambda _: None)
    b = s.run(gate.wait, 5, name="indexing", cancellable=True, on_done=lambda _: None)
    assert s.busy is b
    with qtbot.waitSignals([a.done, b.done], timeout=5000):
        gate.set()
    assert states == [True, False]
    assert s.busy is None
    s.close()


def test_newest_only_drops_an_older_task_of_the_same_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = Session()
    gate = threading.Event()
    drawn: list[str] = []

    def slow(word: str) -> str:
        gate.wait(5)
        return word

    first = s.run(slow, "first", name="timeline", on_done=drawn.append, newest_only=True)
    other = s.run(slow, "other", name="claims", on_done=drawn.append)
    second = s.run(slow, "second", name="timeline", on_done=drawn.append, newest_only=True)
    with qtbot.waitSignals([first.done, other.done, second.done], timeout=5000):
        gate.set()
    assert sorted(drawn) == ["other", "second"]
    s.close()
