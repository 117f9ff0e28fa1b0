"""The comparing child process: one Library, kept open, answering the window's queries.

Started by :class:`desk.gui.compare_process.CoreProcess` (which explains why);
the child imports only this module and the core, never Qt.

Requests come on ``requests`` as tuples:

- ``("call", id, method, args, kwargs)``: ``Library.<method>(*args, **kwargs)``,
  ``method`` one of :data:`METHODS`;
- ``("cancel", id)``: that call stops at its next check (or is never started);
- ``("refresh",)``: another process committed to the store (re-indexing), see
  :meth:`desk.library.Library.refresh`; it runs before any call sent after it.

Answers go back on ``events``: ``("ready",)`` once the Library is open (or
``("failed", 0, message)`` and the child ends), then for each call
``("progress", id, done, total, message)`` at most every ``interval`` seconds
and one of ``("finished", id, value)``, ``("failed", id, message)``,
``("crashed", id, traceback)`` or ``("cancelled", id)``.  When the window's
end of ``requests`` closes, the child ends.
"""

from __future__ import annotations

import logging
import pickle
import queue
import threading
import time
import traceback
from typing import Any

log = logging.getLogger(__name__)

#: the Library methods the window may call in the child (all return plain, picklable data)
METHODS = frozenset({"compare", "collate", "search", "claims"})
#: of those, the ones that take ``progress`` and ``cancelled``
WITH_PROGRESS = frozenset({"compare", "collate"})


def child_main(requests: Any, events: Any, folder: str, data_dir: str | None, interval: float) -> None:
    """The child process: open the Library once, then answer calls until the window goes away."""
    from desk.errors import Cancelled, DeskError

    inbox: queue.Queue[tuple[Any, ...] | None] = queue.Queue()
    cancelled: set[int] = set()
    lock = threading.Lock()

    def listen() -> None:
        try:
            while True:
                msg = requests.recv()
                if msg[0] == "cancel":
                    with lock:
                        cancelled.add(int(msg[1]))
                else:
                    inbox.put(msg)
        except (EOFError, OSError):
            pass
        inbox.put(None)  # the window went away

    try:
        from desk.library import Library

        lib = Library(folder, data_dir=data_dir)
    except DeskError as e:
        events.send(("failed", 0, str(e)))
        events.close()
        return
    except Exception:  # noqa: BLE001 - a bug in the core: shown in the window, never lost
        events.send(("crashed", 0, traceback.format_exc()))
        events.close()
        return
    threading.Thread(target=listen, name="desk-compare-requests", daemon=True).start()
    events.send(("ready",))
    try:
        while True:
            msg = inbox.get()
            if msg is None:
                break
            if msg[0] == "refresh":
                try:
                    lib.refresh()
                except Exception:  # noqa: BLE001 - the next call reports what is wrong
                    log.exception("refreshing the comparing child's library failed")
                continue
            _, rid, method, args, kwargs = msg
            with lock:
                if rid in cancelled:
                    cancelled.discard(rid)
                    events.send(("cancelled", rid))
                    continue
            answer = _answer(lib, rid, method, args, kwargs, cancelled, lock, events, interval, Cancelled, DeskError)
            try:
                events.send(answer)
            except (pickle.PicklingError, TypeError, AttributeError):  # a value that cannot cross: a bug
                events.send(("crashed", rid, traceback.format_exc()))
            with lock:
                cancelled.discard(rid)
    finally:
        try:
            lib.close()
        except Exception:  # noqa: BLE001 - ending anyway
            log.exception("closing the comparing child's library failed")
        events.close()


def _answer(lib: Any, rid: int, method: str, args: tuple[Any, ...], kwargs: dict[str, Any],
            cancelled: set[int], lock: threading.Lock, events: Any, interval: float,
            cancelled_error: type[BaseException], user_error: type[BaseException]) -> tuple[Any, ...]:
    if method not in METHODS:
        return ("crashed", rid, f"The comparing process has no method {method!r}.")
    last = [0.0]

    def progress(done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if now - last[0] >= interval or (total and done >= total):
            last[0] = now
            events.send(("progress", rid, int(done), int(total), str(message)))

    def is_cancelled() -> bool:
        with lock:
            return rid in cancelled

    kwargs = dict(kwargs)
    if method in WITH_PROGRESS:
        kwargs["progress"] = progress
        kwargs["cancelled"] = is_cancelled
    try:
        value = getattr(lib, method)(*args, **kwargs)
    except cancelled_error:
        return ("cancelled", rid)
    except user_error as e:
        return ("failed", rid, str(e))
    except Exception:  # noqa: BLE001 - a bug in the core: shown in the window, never lost
        return ("crashed", rid, traceback.format_exc())
    return ("finished", rid, value)
