"""The comparing child loads what the first comparison needs before any call comes."""

from __future__ import annotations

import logging

import pytest

from desk.gui import compare_child


def test_the_child_warms_up_its_library_and_a_failure_only_logs(caplog: pytest.LogCaptureFixture) -> None:
    asked: list[str] = []

    class Library:
        def warm_up(self) -> None:
            asked.append("warm")
            raise OSError("the alias book is unreadable")

    with caplog.at_level(logging.ERROR, logger=compare_child.__name__):
        compare_child._warm_up(Library())
    assert asked == ["warm"]
    assert "warming up the comparing child failed" in caplog.text


def test_the_child_warms_up_after_saying_it_is_ready(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    events: list[tuple[object, ...]] = []
    order: list[str] = []

    class Pipe:
        def send(self, msg: tuple[object, ...]) -> None:
            events.append(msg)
            order.append(str(msg[0]))

        def recv(self) -> tuple[object, ...]:
            raise EOFError  # the window went away at once

        def close(self) -> None:
            pass

    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: order.append("warm"))
    compare_child.child_main(Pipe(), Pipe(), str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    assert order[:3] == ["ready", "warm", "warm"]  # the warm-up, then its "warm" message


def test_a_library_warms_up_its_related_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desk.library import Library

    asked: list[str] = []
    with Library(str(tmp_path), data_dir=str(tmp_path.with_name(tmp_path.name + "-data"))) as lib:
        lib.related_words = lambda: asked.append("related")  # type: ignore[method-assign]
        lib.warm_up()
    assert asked == ["related"]


def test_a_library_warms_up_its_search_snapshot(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desk.library import Library

    asked: list[str] = []
    with Library(str(tmp_path), data_dir=str(tmp_path.with_name(tmp_path.name + "-data"))) as lib:
        real = lib.backend.warm  # type: ignore[attr-defined]
        lib.backend.warm = lambda: (asked.append("search"), real())  # type: ignore[attr-defined]
        lib.related_words = lambda: asked.append("related")  # type: ignore[method-assign]
        lib.warm_up()
        assert asked == ["search", "related"]
        lib.warm_search()
        assert asked == ["search", "related", "search"]


class _Requests:
    """The child's end of the window's requests: the scripted messages, then (after ``linger`` s) EOF."""

    def __init__(self, messages: list[tuple[object, ...]], linger: float) -> None:
        self.messages = list(messages)
        self.linger = linger

    def recv(self) -> tuple[object, ...]:
        import time

        if self.messages:
            return self.messages.pop(0)
        time.sleep(self.linger)
        raise EOFError


class _Events:
    def __init__(self, order: list[str]) -> None:
        self.order = order
        self.sent: list[tuple[object, ...]] = []

    def send(self, msg: tuple[object, ...]) -> None:
        self.sent.append(msg)
        self.order.append(str(msg[0]))

    def close(self) -> None:
        pass


def _child_with(monkeypatch: pytest.MonkeyPatch, tmp_path, messages, linger, changed=True):  # type: ignore[no-untyped-def]
    from desk.library import Library

    order: list[str] = []
    monkeypatch.setattr(compare_child, "REWARM_AFTER", 0.05)
    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: order.append("warm_up"))
    monkeypatch.setattr(Library, "warm_search", lambda self: order.append("warm_search"))
    monkeypatch.setattr(Library, "refresh", lambda self: changed)  # whether another process committed
    events = _Events(order)
    compare_child.child_main(_Requests(messages, linger), events, str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    return order, events


def test_the_child_reads_the_new_search_snapshot_once_a_refresh_is_quiet(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    order, _ = _child_with(monkeypatch, tmp_path, [("refresh",), ("refresh",)], linger=0.5)
    # two refreshes in a row: one warm-up, after the quiet spell, not one per refresh
    assert order == ["ready", "warm_up", "warm", "warm_search"]
    order, _ = _child_with(monkeypatch, tmp_path, [], linger=0.3)
    assert order == ["ready", "warm_up", "warm"]  # no refresh: nothing read again


def test_a_request_after_a_refresh_is_answered_before_the_warm_up(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    order, events = _child_with(
        monkeypatch, tmp_path, [("refresh",), ("call", 7, "search", ("grain",), {})], linger=0.5
    )
    assert order == ["ready", "warm_up", "warm", "finished", "warm_search"]
    finished = events.sent[-1]
    assert finished[:2] == ("finished", 7)
    times = finished[4]
    assert isinstance(times, dict)
    # the call's times in the child, in the order they happen
    assert times["received"] <= times["started"] <= times["computed"] <= times["sent"]


def test_the_child_reads_ahead_while_idle_and_a_request_waits_at_most_one_step(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desk.library import Library

    order: list[str] = []
    steps = {"left": 3}

    def load_ahead(self, count=None):  # type: ignore[no-untyped-def]
        order.append("ahead")
        steps["left"] -= 1
        return steps["left"] > 0

    monkeypatch.setattr(Library, "load_ahead", load_ahead)
    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: order.append("warm_up"))
    events = _Events(order)
    compare_child.child_main(_Requests([], linger=0.3), events, str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    # after the warm-up, step after step till nothing is left, then it waits
    assert order == ["ready", "warm_up", "warm", "ahead", "ahead", "ahead"]


def test_a_request_is_answered_between_two_steps_of_reading_ahead(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import threading

    from desk.library import Library

    order: list[str] = []
    sent = threading.Event()

    class Requests(_Requests):
        def recv(self):  # type: ignore[no-untyped-def]
            if self.messages:
                sent.wait(5)  # once the child reads ahead
                sent.clear()
            return super().recv()

    def load_ahead(self, count=None):  # type: ignore[no-untyped-def]
        order.append("ahead")
        sent.set()
        import time

        time.sleep(0.02)
        return order.count("ahead") < 50

    monkeypatch.setattr(Library, "load_ahead", load_ahead)
    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: order.append("warm_up"))
    events = _Events(order)
    compare_child.child_main(Requests([("call", 3, "search", ("grain",), {})], linger=2.0), events,
                             str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    # the call came in during a step; the child answered it after that step, then read on
    at = order.index("finished")
    assert 3 <= at < 8
    assert order[at - 1] == "ahead"
    assert order.count("ahead") == 50


def test_a_failure_to_read_ahead_only_logs_and_stops_reading(caplog: pytest.LogCaptureFixture) -> None:
    asked: list[str] = []

    class Library:
        def load_ahead(self) -> bool:
            asked.append("ahead")
            raise OSError("the store is locked")

    with caplog.at_level(logging.ERROR, logger=compare_child.__name__):
        assert compare_child._load_ahead(Library()) is False
    assert asked == ["ahead"]
    assert "reading ahead in the comparing child failed" in caplog.text


def test_after_a_refresh_the_child_reads_ahead_only_once_no_refresh_came_for_a_while(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # re-indexing sends a refresh every few seconds: reading ahead meanwhile would compete with the indexer
    # for the CPUs, and each commit empties what it read
    import time

    from desk.library import Library

    marks: list[tuple[str, float]] = []

    def load_ahead(self, count=None):  # type: ignore[no-untyped-def]
        marks.append(("ahead", time.monotonic()))
        return False  # nothing left (till the next refresh)

    monkeypatch.setattr(Library, "load_ahead", load_ahead)
    monkeypatch.setattr(Library, "refresh", lambda self: marks.append(("refresh", time.monotonic())))
    monkeypatch.setattr(compare_child, "REWARM_AFTER", 0.05)
    monkeypatch.setattr(compare_child, "AHEAD_AFTER", 0.4)
    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: None)
    compare_child.child_main(_Requests([("refresh",), ("refresh",)], linger=1.2), _Events([]),
                             str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    refreshed = [t for kind, t in marks if kind == "refresh"]
    after = [t for kind, t in marks if kind == "ahead" and t > refreshed[0]]
    assert len(refreshed) == 2
    assert len(after) == 1  # once, after the quiet spell
    assert after[0] - refreshed[-1] >= 0.4


def test_a_refresh_that_finds_the_store_unchanged_reads_nothing_again(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # (opening a folder indexed already: its re-index commits nothing, and the window refreshes the child all the same)
    order, _ = _child_with(monkeypatch, tmp_path, [("refresh",)], linger=0.4, changed=False)
    assert order == ["ready", "warm_up", "warm"]


def test_a_refresh_that_finds_the_store_unchanged_does_not_delay_reading_ahead(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    from desk.library import Library

    marks: list[tuple[str, float]] = []

    def load_ahead(self, count=None):  # type: ignore[no-untyped-def]
        marks.append(("ahead", time.monotonic()))
        time.sleep(0.01)
        return len(marks) < 40  # more left, a step at a time

    def refresh(self):  # type: ignore[no-untyped-def]
        marks.append(("refresh", time.monotonic()))
        time.sleep(0.01)
        return False  # nothing committed since

    monkeypatch.setattr(Library, "load_ahead", load_ahead)
    monkeypatch.setattr(Library, "refresh", refresh)
    monkeypatch.setattr(compare_child, "AHEAD_AFTER", 5.0)
    monkeypatch.setattr(compare_child, "_warm_up", lambda lib: None)
    compare_child.child_main(_Requests([("refresh",)], linger=0.5), _Events([]),
                             str(tmp_path), str(tmp_path.with_name(tmp_path.name + "-data")), 0.1)
    refreshed = [t for kind, t in marks if kind == "refresh"]
    after = [t for kind, t in marks if kind == "ahead" and t > refreshed[0]]
    assert len(refreshed) == 1
    # reading ahead went on at once, not AHEAD_AFTER seconds later
    assert after
    assert after[0] - refreshed[0] < 1.0
