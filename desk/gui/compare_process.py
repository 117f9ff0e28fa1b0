"""Comparing (and searching) from the window, in a process of its own that stays open.

A comparison is Python from end to end (ranking, reading passages and
extractions, grouping).  Run on a thread of the window's process it held the
GIL for most of a second or more, and the GUI thread, idle in its event loop,
waited for it: the window stalled for hundreds of milliseconds while a
comparison ran.  :class:`CoreProcess` keeps one child process per open folder
(multiprocessing "spawn", as :mod:`desk.gui.index_process` does and for the
same reasons: the child imports only :mod:`desk.gui.compare_child` and the
core, never Qt, and the frozen app hands its children over through
``freeze_support``).  The child opens the folder's Library once and keeps it,
caches warm, and answers calls one at a time; each call is a
:class:`ChildCall`, with the face of :class:`desk.gui.worker.Job`.

- Cancel is a message; a call the child does not give up within
  :data:`CANCEL_GRACE_MS` gets the child killed (the next call starts another).
- Re-indexing: :meth:`CoreProcess.refresh` (the child re-reads the store
  before its next call).  Alias edits need nothing: the Library re-reads the
  alias file when it changes.
- The child's death: every call it still had fails with one sentence, and
  the next call starts a new child.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import sys
import threading
import time
import types
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desk.gui.compare_child import METHODS, child_main, whole
from desk.gui.worker import PROGRESS_INTERVAL, Job

log = logging.getLogger(__name__)

#: how long a cancelled call may take to stop before its child is killed
CANCEL_GRACE_MS = 3000
DIED = ("The comparing process ended unexpectedly (exit code {code}); "
        "the next search or comparison starts it again.")


class _Relay(QObject):
    message = Signal(object)


class ChildCall(Job):
    """One ``Library.<method>`` call answered by the child (see :class:`Job` for its signals)."""

    def __init__(self, owner: CoreProcess, rid: int, method: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = method
        #: the Library method (``name`` may be given a label for the status line)
        self.method = method
        self.rid = rid
        self.result: Any = None
        self.running = True
        #: the session's staleness scope of this call (see :mod:`desk.gui.session`)
        self.scope: str | None = None
        self._owner = owner
        self._cancelled = False
        self._quiet = False
        #: what was sent to the child (sent again to a new child when the old one had to be ended)
        self.request: tuple[Any, ...] = ()

    def cancel(self) -> None:
        if self.running and not self._cancelled:
            self._cancelled = True
            self._owner._cancel(self)

    def supersede(self) -> None:
        """Call it off because a newer query came: it ends without ``canceled`` (nobody asked to cancel)."""
        self._quiet = True
        self.cancel()

    def is_cancelled(self) -> bool:
        return self._cancelled

    def _end(self, kind: str, value: Any = None) -> None:
        if not self.running:
            return
        self.running = False
        if kind == "finished":
            self.result = value
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        elif kind == "crashed":
            log.error("%s crashed in the comparing process:\n%s", self.name, value)
            self.crashed.emit(value)
        elif not self._quiet:
            self.canceled.emit()
        self.done.emit()


class CoreProcess(QObject):
    """The open folder's comparing child: started on the first call, again after it died."""

    #: the child ended while no call was waiting: one sentence for the status line
    died = Signal(str)

    def __init__(self, folder: str, data_dir: str | None, parent: QObject | None = None, *,
                 prepare: Callable[[Any], None] | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.data_dir = data_dir
        #: called on the reader thread with each answer, before it goes to the GUI thread: work the
        #: window would otherwise do on its GUI thread (e.g. counting a comparison's claimants)
        self.prepare = prepare
        self._ids = itertools.count(1)
        self._calls: dict[int, ChildCall] = {}
        self._proc: Any = None
        self._requests: Any = None
        self._generation = 0
        self._closed = False
        self._relay = _Relay()
        self._relay.message.connect(self._on_message)
        #: method -> the times (``time.monotonic``) of its last finished call: the child's ``received``,
        #: ``started``, ``computed`` and ``sent`` (:mod:`desk.gui.compare_child`), then this side's
        #: ``arrived`` (the first piece read), ``assembled`` (the answer whole again, off the GUI thread)
        #: and ``handed`` (on the GUI thread): where a call's time goes (the benchmark reports them)
        self.timings: dict[str, dict[str, float]] = {}
        #: when the child was started and when it had warmed up (``time.monotonic``; None till then)
        self.started_at: float | None = None
        self.warmed_at: float | None = None

    # -- GUI thread
    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> None:
        """Start the child now (a folder was opened: the first comparison finds it ready)."""
        if self._closed or self._proc is not None:
            return
        ctx = multiprocessing.get_context("spawn")
        req_r, req_w = ctx.Pipe(duplex=False)
        ev_r, ev_w = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=child_main, args=(req_r, ev_w, self.folder, self.data_dir, PROGRESS_INTERVAL),
                           name="desk-comparer", daemon=True)
        # as in index_process: the host's main script is not the child's business, the frozen app's is
        main = sys.modules["__main__"]
        if not getattr(sys, "frozen", False):
            sys.modules["__main__"] = types.ModuleType("__main__")
        self.started_at, self.warmed_at = time.monotonic(), None
        try:
            proc.start()
        finally:
            sys.modules["__main__"] = main
        req_r.close()
        ev_w.close()
        self._proc = proc
        self._requests = req_w
        self._generation += 1
        threading.Thread(target=self._read, args=(ev_r, proc, self._generation),
                         name="desk-compare-events", daemon=True).start()

    def call(self, method: str, *args: Any, **kwargs: Any) -> ChildCall:
        """``Library.<method>(*args, **kwargs)`` in the child; the answer comes as the call's signals."""
        if method not in METHODS:
            raise ValueError(f"not a method the comparing process answers: {method}")
        job = ChildCall(self, next(self._ids), method, parent=self)
        job.request = ("call", job.rid, method, args, kwargs)
        proc = self._proc
        if proc is not None and not proc.is_alive():
            # it died and its reader has not said so yet: the calls it had are lost, this one goes to a new child
            self._died_now(proc.exitcode)
        self._calls[job.rid] = job
        self.start()
        if not self._send(job.request):
            # the pipe is gone: the child died before its reader told us.  Said on the next turn of the
            # event loop, and only of this child: a second call in this turn finds the pipe gone too, and
            # by its notice's turn the first notice's failures may already have started the next child
            gen = self._generation
            QTimer.singleShot(0, lambda: self._died_if_current(gen))
        return job

    def refresh(self) -> None:
        """The store changed (another process committed): the child re-reads it before its next call."""
        if self._proc is not None:
            self._send(("refresh",))

    def close(self) -> None:
        """End the child (the folder is closed): calls still running are cancelled."""
        self._closed = True
        self._stop_child()
        for job in list(self._calls.values()):
            job._end("cancelled")
        self._calls.clear()

    def kill(self) -> None:
        """End the child now (tests; a cancelled call that does not stop)."""
        proc = self._proc
        if proc is not None and proc.is_alive():
            proc.kill()

    def _send(self, msg: tuple[Any, ...]) -> bool:
        try:
            self._requests.send(msg)
            return True
        except (OSError, ValueError, AttributeError):
            return False

    def _cancel(self, job: ChildCall) -> None:
        self._send(("cancel", job.rid))
        gen = self._generation

        def check() -> None:
            if job.running and gen == self._generation and self._calls.get(job.rid) is job:
                log.warning("the comparing process did not stop %s within %d ms: ending it", job.name, CANCEL_GRACE_MS)
                self._calls.pop(job.rid, None)
                job._end("cancelled")
                self._stop_child()
                # the calls queued behind it go to a new child (those cancelled too end at once)
                for other in list(self._calls.values()):
                    if other.is_cancelled():
                        del self._calls[other.rid]
                        other._end("cancelled")
                if self._calls:
                    self.start()
                    for other in self._calls.values():
                        self._send(other.request)

        QTimer.singleShot(CANCEL_GRACE_MS, check)

    def _stop_child(self) -> None:
        proc, requests = self._proc, self._requests
        self._proc = None
        self._requests = None
        self._generation += 1  # what the old child still says is not heard
        if requests is not None:
            try:
                requests.close()  # the child ends when it reads EOF
            except OSError:
                pass
        if proc is not None and proc.is_alive():
            # the child only reads (the index, the store): ending it mid-call loses nothing
            proc.kill()
            proc.join(2)

    def _died_if_current(self, generation: int) -> None:
        if generation == self._generation:
            self._died_now(None)

    def _died_now(self, code: int | None) -> None:
        self._proc = None
        self._requests = None
        self._generation += 1
        self._fail_all(code)

    def _fail_all(self, code: int | None, quiet: bool = False) -> None:
        calls = list(self._calls.values())
        self._calls.clear()
        if not calls and not quiet:
            self.died.emit(DIED.format(code="unknown" if code is None else code))
        for job in calls:
            if job.is_cancelled() or quiet:
                job._end("cancelled")
            else:
                job._end("failed", DIED.format(code="unknown" if code is None else code))

    # -- reader thread: waits on the pipe and hands each message to the GUI thread
    def _read(self, events: Any, proc: Any, generation: int) -> None:
        relay = self._relay
        parts: dict[int, list[Any]] = {}  # a long answer's pieces, put together here, off the GUI thread
        # unpickling an answer makes as many objects as the child's comparing did (a 1,200-row comparison:
        # some 100,000), and with the collector on, its passes over them held the GIL ~120 ms per answer:
        # it is held off from a message's arrival until no long answer is midway (reference counting still
        # frees what dies; cycles wait for the collector's next pass)
        paused = False  # whether this thread turned the collector off
        arrived: dict[int, float] = {}  # when the first piece of each answer was read
        try:
            while True:
                try:
                    events.poll(None)  # waits without unpickling anything
                    if not paused and gc.isenabled():
                        gc.disable()
                        paused = True
                    msg = events.recv()
                except (EOFError, OSError):
                    if paused:
                        gc.enable()
                        paused = False
                    break
                if msg[0] == "part":
                    arrived.setdefault(msg[1], time.monotonic())
                    parts.setdefault(msg[1], []).extend(msg[2])
                    continue
                if msg[0] == "finished":
                    now = time.monotonic()
                    times = dict(msg[4]) if len(msg) > 4 and isinstance(msg[4], dict) else {}
                    times["arrived"] = arrived.pop(msg[1], now)
                    msg = ("finished", msg[1], whole(msg[2], msg[3], parts.pop(msg[1], [])), times)
                    times["assembled"] = time.monotonic()
                    prepare = self.prepare
                    if prepare is not None:
                        try:
                            prepare(msg[2])
                        except Exception:  # noqa: BLE001 - the GUI thread does it again, and may say what fails
                            log.exception("preparing an answer of the comparing process failed")
                relay.message.emit((generation, msg))
                if not parts and paused:
                    gc.enable()
                    paused = False
            proc.join(5)
            relay.message.emit((generation, ("died", proc.exitcode)))
        except RuntimeError:
            log.info("the comparing process ended after its window closed")
        finally:
            if paused:
                gc.enable()
            events.close()

    @Slot(object)
    def _on_message(self, item: tuple[int, tuple[Any, ...]]) -> None:
        generation, msg = item
        if generation != self._generation:
            return  # a child that was replaced
        kind = msg[0]
        if kind == "ready":
            return
        if kind == "warm":
            self.warmed_at = msg[1]
            return
        if kind == "died":
            log.warning("the comparing process ended (exit code %s)", msg[1])
            self._died_now(msg[1])
            return
        rid = msg[1]
        if rid == 0:  # the child could not open the library
            self._proc = None
            self._requests = None
            self._generation += 1
            calls = list(self._calls.values())
            self._calls.clear()
            for job in calls:
                job._end(kind, msg[2])
            return
        call = self._calls.get(rid)
        if call is None:
            return
        if kind == "progress":
            if call.running:
                call.progress.emit(msg[2], msg[3], msg[4])
            return
        del self._calls[rid]
        if kind == "finished" and len(msg) > 3:
            self.timings[call.method] = {**msg[3], "handed": time.monotonic()}
        call._end(kind, msg[2] if len(msg) > 2 else None)
