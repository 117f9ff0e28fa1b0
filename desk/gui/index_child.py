"""The indexing child process: one ``Library.update`` of a folder, for the window.

Started by :class:`desk.gui.index_process.IndexJob` (which explains why); the
child imports only this module and the core, never Qt.  Messages go back on
``events`` as tuples: ``("progress", done, total, message)`` at most every
``interval`` seconds, then one of ``("finished", IndexReport)``,
``("failed", message)``, ``("crashed", traceback)`` or ``("cancelled",)``.
``"cancel"`` on ``commands``, or that pipe closing, cancels at the next batch.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from typing import Any

log = logging.getLogger(__name__)

#: how much lower than the window the indexing child (and its workers) is scheduled
NICENESS = 5


def _yield_to_the_window() -> None:
    """Let the window have the CPU first while this child and its workers index.

    Indexing keeps three processes busy (this one and two workers) on a
    2-core machine; at equal priority the window waited for a core for 100 ms
    and more at a time.  Workers forked or spawned from here inherit it.
    """
    if hasattr(os, "nice"):
        try:
            os.nice(NICENESS)
        except OSError:  # not allowed here: index at the normal priority
            log.debug("could not lower the indexing child's priority", exc_info=True)


def child_main(commands: Any, events: Any, folder: str, data_dir: str | None, interval: float) -> None:
    """The child process: one ``Library.update`` with progress and cancel over pipes."""
    from desk.errors import Cancelled, DeskError

    _yield_to_the_window()
    cancel = threading.Event()

    def listen() -> None:
        try:
            while True:
                if commands.recv() == "cancel":
                    cancel.set()
        except (EOFError, OSError):
            cancel.set()  # the window went away: stop at the next batch

    threading.Thread(target=listen, name="desk-index-commands", daemon=True).start()
    last = [0.0]

    def progress(done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if now - last[0] >= interval or (total and done >= total):
            last[0] = now
            events.send(("progress", int(done), int(total), str(message)))

    lib = None
    try:
        from desk.library import Library

        lib = Library(folder, data_dir=data_dir)
        report = lib.update(progress=progress, cancelled=cancel.is_set)
    except Cancelled:
        events.send(("cancelled",))
    except DeskError as e:
        events.send(("failed", str(e)))
    except Exception:  # noqa: BLE001 - a bug in the core: shown in the window, never lost
        events.send(("crashed", traceback.format_exc()))
    else:
        events.send(("finished", report))
    finally:
        if lib is not None:
            try:
                lib.close()
            except Exception:  # noqa: BLE001 - the report is sent; closing must not turn it into a crash
                log.exception("closing the indexing child's library failed")
        events.close()


