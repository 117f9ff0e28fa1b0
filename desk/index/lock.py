"""A per-library lock so that only one desk process updates a library at a time.

An OS file lock (flock / msvcrt): released by the OS when the holder dies, so a
killed run never leaves the library locked.  Readers never take it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from desk.errors import IndexBusy

#: lock file descriptors this process holds
_HELD: set[int] = set()


def _forget_in_child() -> None:
    """A forked child (a reader or Whoosh writer worker) must not keep the lock alive.

    flock belongs to the open file, which a forked child shares: if desk itself
    were killed, its orphaned workers would hold the library's lock for good.
    Closing the child's copy leaves the parent's lock as it is.
    """
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


class UpdateLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def _try(self, fd: int) -> bool:
        if sys.platform == "win32":
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def acquire(self, wait: float = 60.0, message: Callable[[str], None] | None = None) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        told = False
        while not self._try(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise IndexBusy(
                    "Another desk process is indexing this folder.",
                    hint="Wait for it to finish, or search while it runs.",
                )
            if message is not None and not told:
                message("waiting for another desk process that is indexing this folder")
                told = True
            time.sleep(0.2)
        self._fd = fd
        _HELD.add(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        _HELD.discard(fd)
        if sys.platform == "win32":
            import msvcrt

            try:
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

    def __enter__(self) -> UpdateLock:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
