"""Session h36h: Ctrl+C during ``desk index`` prints one line, not the sub-writers' tracebacks.

Ctrl+C reaches every process of the terminal's process group.  While the parallel Whoosh writer's
sub-writer processes were writing, each printed its own "Process SubWriterTask-3: Traceback ...
KeyboardInterrupt" above desk's "desk: interrupted" (the index itself stayed whole).  The sub-writers now
ignore SIGINT; desk's own process stops them (:func:`desk.index.whoosh.engine.abandon`).
"""

from __future__ import annotations

import os
import signal
import time

from whoosh.index import Index

from desk.index.whoosh import engine


def test_sub_writers_ignore_ctrl_c_and_are_stopped_by_desk(fresh_index: Index) -> None:
    w = engine.open_writer(fresh_index, wait=1, procs=2, multisegment=True, batchsize=10)
    try:
        task = w._new_task()  # type: ignore[attr-defined]
        deadline = time.monotonic() + 10
        while task.pid is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # past the child's start, where it sets what SIGINT does
        os.kill(task.pid, signal.SIGINT)
        time.sleep(0.5)
        assert task.is_alive(), "the sub-writer died of Ctrl+C (printing its traceback)"
    finally:
        engine.abandon(w)
    task.join(5)
    assert not task.is_alive()


def test_a_single_process_writer_is_left_as_it_is(fresh_index: Index) -> None:
    w = engine.open_writer(fresh_index, wait=1)
    try:
        assert not hasattr(w, "tasks") or not w.tasks
    finally:
        engine.abandon(w)
