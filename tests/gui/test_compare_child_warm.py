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
    compare_child.child_main(Pipe(), Pipe(), str(tmp_path), str(tmp_path / "data"), 0.1)
    assert order[:2] == ["ready", "warm"]


def test_a_library_warms_up_its_related_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desk.library import Library

    asked: list[str] = []
    with Library(str(tmp_path), data_dir=str(tmp_path / "data")) as lib:
        lib.related_words = lambda: asked.append("related")  # type: ignore[method-assign]
        lib.warm_up()
    assert asked == ["related"]
