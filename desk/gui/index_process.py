"""Indexing from the window, in a process of its own.

``Library.update`` is Python from end to end (reading, Whoosh writing and
committing, extraction bookkeeping).  Run on a thread of the window's process it
shares the GIL with the GUI thread, and the window stalled for hundreds of
milliseconds at a time while a folder was indexed.  :class:`IndexJob` runs the
same call in a child process (multiprocessing "spawn": the frozen app hands its
children over through ``freeze_support``; the child imports only
:mod:`desk.gui.index_child`, never Qt) and shows the same face as
:class:`desk.gui.worker.Task`: ``progress``, ``finished(IndexReport)``,
``failed``, ``crashed``, ``canceled`` and ``done``, all on the GUI thread.

The child talks back through a one-way pipe: ``("progress", done, total,
message)`` at most every :data:`~desk.gui.worker.PROGRESS_INTERVAL`, then one
final message.  Cancel is a message on a second pipe; when the window's end of
that pipe closes (the window died) the child cancels itself.  The index is
crash-safe, so a child that does not stop in time is terminated.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
import types
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desk.gui.index_child import child_main
from desk.gui.worker import PROGRESS_INTERVAL, Job

log = logging.getLogger(__name__)

#: seconds a cancelled child gets to stop between batches before it is terminated
STOP_GRACE = 20.0



class _Relay(QObject):
    message = Signal(object)


class IndexJob(Job):
    """``Library.update`` of ``folder`` in a child process (see :class:`Job` for its signals)."""

    def __init__(self, folder: str, data_dir: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = "indexing"
        self.folder = folder
        self.data_dir = data_dir
        self.running = False
        self.result: Any = None
        self._cancelled = False
        self._relay = _Relay()
        self._relay.message.connect(self._on_message)
        self._proc: Any = None
        self._commands: Any = None
        self._reader: threading.Thread | None = None

    def start(self) -> IndexJob:
        ctx = multiprocessing.get_context("spawn")
        cmd_r, cmd_w = ctx.Pipe(duplex=False)
        ev_r, ev_w = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(
            target=child_main,
            args=(cmd_r, ev_w, self.folder, self.data_dir, PROGRESS_INTERVAL),
            name="desk-indexer",
        )
        # "spawn" would re-import the host's main script in the child (the
        # benchmark's, a test runner's...): the child needs nothing of it.
        # The frozen app's entry script is the one that must run there.
        main = sys.modules["__main__"]
        if not getattr(sys, "frozen", False):
            sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            self._proc.start()
        finally:
            sys.modules["__main__"] = main
        self.running = True
        # our copies of the child's ends: the child's death must read as EOF here
        cmd_r.close()
        ev_w.close()
        self._commands = cmd_w
        self._reader = threading.Thread(target=self._read, args=(ev_r,), name="desk-index-events", daemon=True)
        self._reader.start()
        return self

    # -- reader thread: only waits on the pipe and hands each message to the GUI thread
    def _read(self, events: Any) -> None:
        relay = self._relay
        final = False
        try:
            while True:
                try:
                    msg = events.recv()
                except (EOFError, OSError):
                    break
                final = msg[0] != "progress"
                relay.message.emit(msg)
                if final:
                    break
            if final:
                self._proc.join(STOP_GRACE)  # here, not on the GUI thread: a child takes a while to exit
            else:
                self._proc.join(5)
                code = self._proc.exitcode
                relay.message.emit(("crashed", f"The indexing process ended unexpectedly (exit code {code}). "
                                               "The index keeps what was committed; Re-index (F5) to go on."))
        except RuntimeError:
            log.info("indexing ended after its window closed")
        finally:
            events.close()

    # -- GUI thread
    def cancel(self) -> None:
        if self.running and not self._cancelled:
            self._cancelled = True
            try:
                self._commands.send("cancel")
            except (OSError, ValueError):
                pass

    def is_cancelled(self) -> bool:
        return self._cancelled

    def stop(self, grace: float = STOP_GRACE) -> None:
        """Cancel and wait for the child (terminate it after ``grace`` seconds)."""
        self.cancel()
        proc = self._proc
        if proc is None:
            return
        proc.join(grace)
        if proc.is_alive():
            log.warning("the indexing process did not stop within %.0f s: terminating it", grace)
            proc.terminate()
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join(5)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @Slot(object)
    def _on_message(self, msg: tuple[Any, ...]) -> None:
        kind = msg[0]
        if kind == "progress":
            if self.running:
                self.progress.emit(msg[1], msg[2], msg[3])
            return
        if not self.running:
            return
        self.running = False
        try:
            self._commands.close()
        except OSError:
            pass
        if kind == "finished":
            self.result = msg[1]
            self.finished.emit(msg[1])
        elif kind == "failed":
            self.failed.emit(msg[1])
        elif kind == "crashed":
            log.error("indexing crashed:\n%s", msg[1])
            self.crashed.emit(msg[1])
        else:
            self.canceled.emit()
        self.done.emit()

