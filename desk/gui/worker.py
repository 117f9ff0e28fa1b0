"""The one helper that runs core work off the GUI thread.

``Task`` lives in the GUI thread.  The work runs on a QThreadPool thread and
talks back through a private relay object whose signals are *queued* into the
GUI thread, where ``Task`` re-emits its public signals.  Everything a caller
connects to therefore fires on the GUI thread (pytest-qt can wait on it, a
slot may touch widgets).  The core sees only plain callbacks:
``progress(done, total, message)`` and ``cancelled() -> bool``.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desk.errors import Cancelled, DeskError

log = logging.getLogger(__name__)

#: progress reports closer together than this are folded into the next one
PROGRESS_INTERVAL = 0.05
_ALIVE: set[Task] = set()


class _Relay(QObject):
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(str)
    crash = Signal(str)
    cancelled = Signal()


class Job(QObject):
    """The face of any background work the window starts; its signals fire on the GUI thread.

    ``progress(done, total, message)``; then ``finished(result)``,
    ``failed(message)`` for a DeskError, ``crashed(traceback)`` for a bug or
    ``canceled()``; ``done()`` after any of them.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    crashed = Signal(str)
    canceled = Signal()
    done = Signal()

    #: True from start until one of the ending signals
    running = False
    name = ""

    def cancel(self) -> None:
        """Ask the work to stop; ``canceled`` follows when it has (each kind of job says how)."""
        raise NotImplementedError


class Task(Job):
    """One call of a core function on the pool (see :class:`Job` for its signals)."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str = "",
        with_progress: bool = False,
        parent: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(parent)
        self.name = name or getattr(fn, "__name__", "task")
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._with_progress = with_progress
        self._cancel = threading.Event()
        self.running = False
        self.result: Any = None
        # The relay is created here (GUI thread) and emitted from the pool
        # thread: the connections below are therefore queued.
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.result.connect(self._on_result)
        self._relay.error.connect(self._on_error)
        self._relay.crash.connect(self._on_crash)
        self._relay.cancelled.connect(self._on_cancelled)

    # -- called on the GUI thread
    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> Task:
        self.running = True
        _ALIVE.add(self)  # the pool thread needs us until done
        self.done.connect(lambda: _ALIVE.discard(self))
        (pool or QThreadPool.globalInstance()).start(_Runner(self))
        return self

    # -- called on the pool thread
    def _run(self) -> None:
        relay = self._relay
        last = [0.0]

        def progress(done: int, total: int, message: str = "") -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_INTERVAL or (total and done >= total):
                last[0] = now
                relay.progress.emit(int(done), int(total), str(message))

        kwargs = dict(self._kwargs)
        if self._with_progress:
            kwargs["progress"] = progress
            kwargs["cancelled"] = self._cancel.is_set
        try:
            result = self._fn(*self._args, **kwargs)
        except Cancelled:
            relay.cancelled.emit()
        except DeskError as e:
            relay.error.emit(str(e))
        except Exception:  # noqa: BLE001 - a bug in the core: shown, logged, never lost
            relay.crash.emit(traceback.format_exc())
        else:
            relay.result.emit(result)

    # -- slots, GUI thread
    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.running:
            self.progress.emit(done, total, message)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.result = result
        self._finish()
        self.finished.emit(result)
        self.done.emit()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
        self.done.emit()

    @Slot(str)
    def _on_crash(self, tb: str) -> None:
        self._finish()
        log.error("%s crashed:\n%s", self.name, tb)
        self.crashed.emit(tb)
        self.done.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        if not self.running:
            return
        self._finish()
        self.canceled.emit()
        self.done.emit()

    def _finish(self) -> None:
        self.running = False


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._task._run()
        except RuntimeError:
            # the window (and with it the task's relay) went away while the work ran:
            # nobody is left to tell, and the work itself has ended
            log.info("%s finished after its window closed", self._task.name)
