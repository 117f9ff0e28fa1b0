"""The open folder's working state: its library, the folder watcher, the index job and the running tasks.

:class:`Session` is the window's one door to the core.  Comparisons,
collations, searches and claims go through :meth:`Session.call` to the
comparing child (:class:`~desk.gui.compare_process.CoreProcess`, which keeps
one Library open in its own process, so a long compare never holds the GUI
thread's GIL); indexing runs as an :class:`~desk.gui.index_process.IndexJob`
in a child process; other work runs as a :class:`~desk.gui.worker.Task` on
the session's pool.  Every result comes back through :meth:`Session.track`,
the one place a stale result is dropped: a call started for one query or one
folder does not deliver into the window once the user has moved on.

Two scopes say what "moved on" means:

- ``FOLDER``: the folder was closed or another one opened (the listing, the
  article shown, the library being opened);
- ``QUERY``: also a newer search, comparison or collation was started
  (:meth:`Session.new_query`).

The window keeps the layout and the wiring; it hears about running work
through the session's signals (``busyChanged``, ``progress``, ``failed``,
``crashed``, ``cancelled``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal

from desk.api import LibraryAPI
from desk.gui.compare_process import ChildCall, CoreProcess
from desk.gui.index_process import IndexJob
from desk.gui.worker import Job, Task
from desk.model import IndexReport
from desk.paths import folder_identity, folder_moved

log = logging.getLogger(__name__)

#: the result belongs to the folder that was open when the task started
FOLDER = "folder"
#: the result belongs to the query (search, comparison, collation) that started it
QUERY = "query"
#: changes in the folder are gathered this long before a re-index
WATCH_DEBOUNCE_MS = 1500
#: folders watched at most (a watch per sub-folder: Qt's watcher is not recursive)
MAX_WATCHED = 500
#: how often the open folder is checked for still lying at its path (the watcher misses a rename)
PLACE_CHECK_MS = 2000

Token = tuple[int, int]


def _close_quietly(library: Any) -> None:
    try:
        library.close()
    except Exception:  # noqa: BLE001 - closing must never stop the window
        log.exception("closing a superseded library failed")


def is_core_library(lib: object) -> bool:
    """The real core Library (which can be indexed in a child process), not a test fake."""
    from desk.library import Library

    return isinstance(lib, Library)


class Session(QObject):
    """Library, watcher, index job and tasks of the open folder (see the module docstring)."""

    #: True while cancellable work runs (the window shows progress and Cancel)
    busyChanged = Signal(bool)
    #: (done, total, message) of the newest cancellable task
    progress = Signal(int, int, str)
    #: a user error of a task without its own error handler: (message, show a dialog)
    failed = Signal(str, bool)
    #: a bug in a task: its traceback
    crashed = Signal(str)
    #: a task was cancelled: its name
    cancelled = Signal(str)
    #: the folder changed on disk (debounced): time to re-index
    folderChanged = Signal()
    #: the open folder is no longer at its path (renamed, moved, removed): the sentence to show
    folderLost = Signal(str)

    def __init__(self, parent: QObject | None = None, *, threads: int = 3) -> None:
        super().__init__(parent)
        self.library: LibraryAPI | None = None
        self.folder: Path | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.index_task: Task | IndexJob | None = None
        #: the open folder's comparing child process (None: calls run on the pool)
        self.core: CoreProcess | None = None
        self.busy_tasks: list[Job] = []  # cancellable work, newest last
        self.tasks: set[Job] = set()
        self._folder_gen = 0
        self._query_gen = 0
        self._newest: dict[str, int] = {}  # tasks started "newest only", by name
        #: run on the comparing child's reader thread with each answer (see CoreProcess.prepare)
        self.prepare: Callable[[Any], None] | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watch_timer = QTimer(self)
        self._watch_timer.setSingleShot(True)
        self._watch_timer.setInterval(WATCH_DEBOUNCE_MS)
        self._watch_timer.timeout.connect(lambda: self._check_place(changed=True))
        self._watcher.directoryChanged.connect(lambda _p: self._watch_timer.start())
        self._watcher.fileChanged.connect(lambda _p: self._watch_timer.start())
        #: the open folder's device and inode when it was opened (None: no folder, or not known)
        self._identity: tuple[int, int] | None = None
        self._place_timer = QTimer(self)
        self._place_timer.setInterval(PLACE_CHECK_MS)
        self._place_timer.timeout.connect(lambda: self._check_place(changed=False))
        self._checking_place = False

    # ------------------------------------------------------------------ staleness: the one place
    def token(self) -> Token:
        return (self._folder_gen, self._query_gen)

    def new_query(self) -> None:
        """A newer search, comparison or collation starts: what the older ones still deliver is dropped.

        Calls of the older queries still waiting in the comparing child are called off
        (their results would be dropped anyway, and the child answers one call at a time).
        """
        self._query_gen += 1
        for t in list(self.tasks):
            if isinstance(t, ChildCall) and t.scope == QUERY:
                t.supersede()

    def is_current(self, token: Token, scope: str) -> bool:
        if scope == FOLDER:
            return token[0] == self._folder_gen
        return token == self.token()

    def fresh(self, callback: Callable[..., None], scope: str = QUERY,
              on_stale: Callable[..., None] | None = None, newest_of: str = "") -> Callable[..., None]:
        """``callback``, to be called later, that does nothing (or ``on_stale``) once the scope has moved on.

        With ``newest_of`` it is also stale once a later callback was made with the same name
        (a timeline asked for twice: only the last one is drawn).
        """
        token = self.token()
        mine = 0
        if newest_of:
            mine = self._newest[newest_of] = self._newest.get(newest_of, 0) + 1

        def call(*args: Any) -> None:
            if self.is_current(token, scope) and (not newest_of or self._newest.get(newest_of) == mine):
                callback(*args)
            elif on_stale is not None:
                on_stale(*args)

        return call

    # ------------------------------------------------------------------ running work
    @property
    def busy(self) -> Job | None:
        return self.busy_tasks[-1] if self.busy_tasks else None

    @property
    def indexing(self) -> bool:
        return self.index_task is not None and bool(self.index_task.running)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        name: str,
        scope: str | None = QUERY,
        cancellable: bool = False,
        quiet_errors: bool = False,
        on_error: Callable[[str], None] | None = None,
        on_stale: Callable[[Any], None] | None = None,
        newest_only: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` on the pool; ``on_done(result)`` on the GUI thread unless stale.

        ``scope`` (FOLDER, QUERY, or None for "always deliver") decides when a
        result is stale; a stale result goes to ``on_stale`` (to close what it
        holds), a stale error is dropped too.  ``newest_only``: a later task of the same
        name makes this one's result stale as well.
        """
        task = Task(fn, *args, name=name, with_progress=cancellable, parent=self, **kwargs)
        self.track(task, on_done=on_done, name=name, scope=scope, cancellable=cancellable,
                   quiet_errors=quiet_errors, on_error=on_error, on_stale=on_stale, newest_only=newest_only)
        task.start(self.pool)
        return task

    def call(
        self,
        method: str,
        *args: Any,
        on_done: Callable[[Any], None],
        name: str,
        scope: str | None = QUERY,
        cancellable: bool = False,
        quiet_errors: bool = False,
        on_error: Callable[[str], None] | None = None,
        on_stale: Callable[[Any], None] | None = None,
        newest_only: bool = False,
        **kwargs: Any,
    ) -> Job:
        """``library.<method>(*args, **kwargs)``: in the comparing child when there is one, else as :meth:`run`.

        ``method`` is one of :data:`desk.gui.compare_child.METHODS` (compare, collate, search,
        compared_claims); the rest is as in :meth:`run`.
        """
        if self.core is None:
            if self.library is None:
                raise RuntimeError("no folder is open")
            return self.run(getattr(self.library, method), *args, on_done=on_done, name=name, scope=scope,
                            cancellable=cancellable, quiet_errors=quiet_errors, on_error=on_error,
                            on_stale=on_stale, newest_only=newest_only, **kwargs)
        job = self.core.call(method, *args, **kwargs)
        job.name = name
        job.scope = scope
        self.track(job, on_done=on_done, name=name, scope=scope, cancellable=cancellable,
                   quiet_errors=quiet_errors, on_error=on_error, on_stale=on_stale, newest_only=newest_only)
        return job

    def refresh_child(self) -> None:
        """The store changed (re-indexing): the comparing child re-reads it before its next call."""
        if self.core is not None:
            self.core.refresh()

    def track(
        self,
        task: Job,
        *,
        on_done: Callable[[Any], None],
        name: str,
        scope: str | None = QUERY,
        cancellable: bool = False,
        quiet_errors: bool = False,
        on_error: Callable[[str], None] | None = None,
        on_stale: Callable[[Any], None] | None = None,
        newest_only: bool = False,
    ) -> None:
        """Connect a task's signals (result, error, crash, cancel, progress) through the staleness check."""
        if scope is not None:
            on_done = self.fresh(on_done, scope, on_stale, newest_of=name if newest_only else "")
            if on_error is not None:
                on_error = self.fresh(on_error, scope)
        task.finished.connect(on_done)
        task.failed.connect(on_error or (lambda msg: self.failed.emit(msg, not quiet_errors)))
        task.crashed.connect(self.crashed)
        task.canceled.connect(lambda: self.cancelled.emit(name))
        self.tasks.add(task)
        task.done.connect(lambda: self._task_done(task))
        if cancellable:
            self.busy_tasks.append(task)
            task.progress.connect(self.progress)
            if len(self.busy_tasks) == 1:
                self.busyChanged.emit(True)

    def _task_done(self, task: Job) -> None:
        self.tasks.discard(task)
        if task in self.busy_tasks:
            self.busy_tasks.remove(task)
            if not self.busy_tasks:
                self.busyChanged.emit(False)
        if task is self.index_task:
            self.index_task = None
        task.deleteLater()

    def cancel_busy(self) -> bool:
        """Cancel the newest cancellable task; False when none runs."""
        if self.busy is None:
            return False
        self.busy.cancel()
        return True

    # ------------------------------------------------------------------ the folder
    def attach(self, library: LibraryAPI, folder: Path, *, data_dir: str | None = None,
               child: bool = False) -> None:
        """``library`` of ``folder`` is now the open one; the folder is watched from now on.

        ``child``: comparisons, searches and claims of the core Library run in a
        child process of their own (:mod:`desk.gui.compare_process`), started now.
        """
        self.library = library
        self.folder = folder
        self._identity = folder_identity(folder)
        self._place_timer.start()
        if child and is_core_library(library):
            self.core = CoreProcess(str(folder), data_dir, parent=self, prepare=self.prepare)
            self.core.died.connect(lambda message: self.failed.emit(message, False))
            self.core.start()
        self._watch(folder)

    def index(self, on_done: Callable[[IndexReport], None], data_dir: str | None, *,
              in_process: bool = True, on_error: Callable[[str], None] | None = None) -> Job | None:
        """Index the open folder (the core Library in a child process); None when no folder is open.
        ``on_error``: the sentence of a run that failed (else it goes to :attr:`failed`)."""
        lib = self.library
        if lib is None or self.folder is None:
            return None
        if in_process and is_core_library(lib):
            # a process of its own: the indexer's Python never holds the GUI's GIL
            job = IndexJob(str(self.folder), data_dir, parent=self)
            done = on_done

            def refreshed(report: IndexReport) -> None:
                # the window's Library sees the child's last commits before anyone hears "indexed"
                self.refresh_child()
                self.run(lib.refresh, name="refreshing", scope=FOLDER, quiet_errors=True,
                         on_done=lambda _: done(report))

            self.track(job, on_done=refreshed, name="indexing", scope=FOLDER, cancellable=True, on_error=on_error)
            self.index_task = job
            job.start()
            return job
        def updated(report: IndexReport) -> None:
            self.refresh_child()
            on_done(report)

        self.index_task = self.run(lib.update, name="indexing", scope=FOLDER, cancellable=True, on_done=updated,
                                   on_error=on_error)
        return self.index_task

    def close(self) -> None:
        """Stop every task, close the library, stop watching; what is still on its way is dropped."""
        self._watch_timer.stop()
        self._place_timer.stop()
        self._identity = None
        self._checking_place = False
        for t in list(self.tasks):
            t.cancel()
        for t in list(self.tasks):
            if isinstance(t, IndexJob):
                t.stop()
        if self.core is not None:
            self.core.close()
            self.core.deleteLater()
            self.core = None
        self.pool.waitForDone(30000)
        self._folder_gen += 1
        if self.library is not None:
            _close_quietly(self.library)
        self.library = None
        watched = self._watcher.directories() + self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)

    def close_superseded(self, library: Any) -> None:
        """A library that was opened after the user had chosen another folder."""
        _close_quietly(library)

    def _watch(self, folder: Path) -> None:
        """Watch ``folder`` now and its sub-folders once a pool thread has found them.

        The walk lists every entry of the tree (ukraine-media: one flat folder of 6,799 files, a
        92 ms stall of the GUI thread when it ran here); the folder itself is watched at once, so a
        file added meanwhile is still seen.  A walk that ends after the folder was closed or another
        one opened is dropped (scope FOLDER).
        """
        self._watcher.addPath(str(folder))
        self.run(sub_folders, folder, name="watching", scope=FOLDER, quiet_errors=True,
                 on_done=self._watch_more)

    def _watch_more(self, found: list[str]) -> None:
        if self.folder is None:
            return
        watched = self._watcher.directories()
        room = max(0, MAX_WATCHED - len(watched))
        new = sorted(set(found) - set(watched))[:room]
        if new:
            self._watcher.addPaths(new)

    def _watch_new_folders(self) -> None:
        """The folder changed: watch the sub-folders made since it was opened too (Qt's watcher is not
        recursive, so a file saved into a sub-folder made after the opening went unseen)."""
        if self.folder is not None:
            self.run(sub_folders, self.folder, name="watching", scope=FOLDER, quiet_errors=True,
                     on_done=self._watch_more)

    def _check_place(self, *, changed: bool) -> None:
        """Is the open folder still at its path?  Asked every :data:`PLACE_CHECK_MS` and before a change
        the watcher saw is passed on (a pool task: a stat can hang on a network folder).

        Qt's watcher says nothing when the folder itself is renamed or moved, and after it is removed
        the index run failed: the window went on showing a live index of a folder that was gone.  A
        folder gone emits :attr:`folderLost`; one put back in its place (another folder at the same
        path: a sync tool's restore) is watched again and re-indexed; a change is passed on as
        :attr:`folderChanged`.
        """
        folder = self.folder
        if folder is None or self.library is None:
            return
        if self._checking_place and not changed:
            return
        self._checking_place = True
        identity = self._identity
        self.run(_place_of, folder, identity, name="checking the folder", scope=FOLDER, quiet_errors=True,
                 on_done=lambda found: self._placed(found, changed))

    def _placed(self, found: tuple[str | None, tuple[int, int] | None], changed: bool) -> None:
        self._checking_place = False
        lost, identity = found
        if self.folder is None or self.library is None:
            return
        if lost:
            self._place_timer.stop()
            self._watch_timer.stop()
            self.folderLost.emit(lost)
            return
        if identity is not None and identity != self._identity:
            # another folder now lies at the path: the watches were on the one that left
            self._identity = identity
            watched = self._watcher.directories() + self._watcher.files()
            if watched:
                self._watcher.removePaths(watched)
            self._watcher.addPath(str(self.folder))
            changed = True
        if changed:
            self.folderChanged.emit()
            self._watch_new_folders()


def _place_of(folder: Path, identity: tuple[int, int] | None) -> tuple[str | None, tuple[int, int] | None]:
    """The sentence for ``folder`` gone from its path (or None), and the identity of what lies there now."""
    return folder_moved(folder, identity), folder_identity(folder)


def sub_folders(folder: Path, limit: int = MAX_WATCHED - 1) -> list[str]:
    """The visible sub-folders of ``folder``, at most ``limit`` (run on a pool thread: it lists the tree)."""
    found: list[str] = []
    try:
        for root, subdirs, _ in os.walk(folder):
            subdirs[:] = [d for d in subdirs if not d.startswith(".")]
            found.extend(os.path.join(root, d) for d in subdirs)
            if len(found) >= limit:
                break
    except OSError:
        pass
    return found[:limit]
