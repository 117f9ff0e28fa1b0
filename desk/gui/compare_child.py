"""The comparing child process: one Library, kept open, answering the window's queries.

Started by :class:`desk.gui.compare_process.CoreProcess` (which explains why);
the child imports only this module and the core, never Qt.

Requests come on ``requests`` as tuples:

- ``("call", id, method, args, kwargs)``: ``Library.<method>(*args, **kwargs)``,
  ``method`` one of :data:`METHODS`;
- ``("cancel", id)``: that call stops at its next check (or is never started);
- ``("refresh",)``: another process committed to the store (re-indexing), see
  :meth:`desk.library.Library.refresh`; it runs before any call sent after it (one that finds the
  store unchanged neither delays reading ahead nor re-reads the search snapshot).

Answers go back on ``events``: ``("ready",)`` once the Library is open (or
``("failed", 0, message)`` and the child ends), ``("warm", when)`` once it has loaded what
the first comparison needs (``time.monotonic``; calls sent meanwhile waited; while no call waits and no
refresh came for :data:`AHEAD_AFTER` seconds, it then reads the folder's articles ahead, a step at a time:
:meth:`desk.library.Library.load_ahead`), then for each call
``("progress", id, done, total, message)`` at most every ``interval`` seconds
and one of ``("finished", id, value, field)``, ``("failed", id, message)``,
``("crashed", id, traceback)`` or ``("cancelled", id)``.  When the window's
end of ``requests`` closes, the child ends.

A ``"finished"`` message ends with the call's times in the child (``time.monotonic``, one clock
for both processes on Linux and Windows): ``received`` (the request read from the pipe),
``started``, ``computed`` (the Library method returned) and ``sent`` (every piece written), so
the window can tell the comparing from the handing over (:attr:`CoreProcess.timings`).

A long answer (a comparison's rows, a list of claims) comes in pieces: first
``("part", id, items)`` messages of at most :data:`ITEMS_PER_MESSAGE` items,
then the ``"finished"`` message with the value emptied of them and ``field``
naming where they go (``"rows"``; ``""`` for a list that is the value itself;
None when nothing came in pieces).  Unpickling a 1,200-row comparison in one
piece held the window's GIL for about 100 ms; a piece takes a few ms.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
import queue
import threading
import time
import traceback
from typing import Any

log = logging.getLogger(__name__)

#: the Library methods the window may call in the child (all return plain, picklable data)
METHODS = frozenset({"compare", "collate", "search", "compared_claims"})
#: of those, the ones that take ``progress`` and ``cancelled``
WITH_PROGRESS = frozenset({"compare", "collate", "compared_claims"})
#: rows (or list items) per message of a long answer
ITEMS_PER_MESSAGE = 100
#: seconds without a request after a refresh before the child reads the new search snapshot (re-indexing
#: commits one batch after another: warming after each would compete with the indexer for the CPUs)
REWARM_AFTER = 2.0
#: seconds without a refresh before the child reads the folder's articles ahead (:meth:`desk.library.Library.load_ahead`):
#: while a folder is indexed the window refreshes every few seconds
AHEAD_AFTER = 10.0


def in_pieces(value: Any) -> tuple[Any, str | None, list[Any]]:
    """``value`` emptied of its long list, where that list goes, and the list (see the module docstring)."""
    if isinstance(value, list) and len(value) > ITEMS_PER_MESSAGE:
        return [], "", value
    rows = getattr(value, "rows", None)
    if (dataclasses.is_dataclass(value) and not isinstance(value, type) and isinstance(rows, list)
            and len(rows) > ITEMS_PER_MESSAGE):
        return dataclasses.replace(value, rows=[]), "rows", rows
    return value, None, []


def whole(value: Any, field: str | None, items: list[Any]) -> Any:
    """The answer put together again (the window's side of :func:`in_pieces`)."""
    if field is None:
        return value
    if field == "":
        return items
    return dataclasses.replace(value, **{field: items})


def send_answer(events: Any, answer: tuple[Any, ...], times: dict[str, float] | None = None) -> None:
    """Send one answer, a long one in pieces; a finished one carries ``times`` and when it was sent."""
    if answer[0] != "finished":
        events.send(answer)
        return
    rid, value = answer[1], answer[2]
    shell, field, items = in_pieces(value)
    for i in range(0, len(items), ITEMS_PER_MESSAGE):
        events.send(("part", rid, items[i:i + ITEMS_PER_MESSAGE]))
    events.send(("finished", rid, shell, field, {**(times or {}), "sent": time.monotonic()}))


def child_main(requests: Any, events: Any, folder: str, data_dir: str | None, interval: float) -> None:
    """The child process: open the Library once, then answer calls until the window goes away."""
    from desk.errors import Cancelled, DeskError

    inbox: queue.Queue[tuple[tuple[Any, ...], float] | None] = queue.Queue()
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
                    inbox.put((msg, time.monotonic()))
        except (EOFError, OSError):
            pass
        inbox.put(None)  # the window went away

    try:
        from desk.library import Library

        lib = Library(folder, data_dir=data_dir)
        lib.remember_later = True  # the copy of a comparison for the query asked again: once it is sent
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
    _warm_up(lib)
    events.send(("warm", time.monotonic()))
    stale = False  # refreshed since the search snapshot was last warmed
    ahead = True  # articles left to read ahead while no request waits (Library.load_ahead)
    refreshed_at = float("-inf")  # when the last refresh came (time.monotonic)
    try:
        while True:
            if stale:
                # after a re-index, once no request came for a while: the next query finds the new
                # snapshot read (a request in the meantime goes first, and reads it itself)
                try:
                    item = inbox.get(timeout=REWARM_AFTER)
                except queue.Empty:
                    stale = False
                    _warm_search(lib)
                    ahead = True  # the store changed: what was read ahead is gone
                    continue
            elif ahead:
                # a step at a time, while nothing waits: a request waits at most one step; and only once no
                # refresh came for AHEAD_AFTER seconds (re-indexing refreshes every few seconds: reading
                # ahead meanwhile would compete with the indexer, and each commit empties what it read)
                wait = refreshed_at + AHEAD_AFTER - time.monotonic()
                try:
                    item = inbox.get(timeout=wait) if wait > 0 else inbox.get_nowait()
                except queue.Empty:
                    if wait <= 0:
                        ahead = _load_ahead(lib)
                    continue
            else:
                item = inbox.get()
            if item is None:
                break
            msg, received = item
            if msg[0] == "refresh":
                try:
                    changed = lib.refresh() is not False
                except Exception:  # noqa: BLE001 - the next call reports what is wrong
                    log.exception("refreshing the comparing child's library failed")
                    changed = True
                if changed:
                    # (a re-index that committed nothing, such as opening an indexed folder, changes
                    # nothing read: reading ahead goes on at once)
                    refreshed_at = time.monotonic()
                    stale = True
                continue
            _, rid, method, args, kwargs = msg
            with lock:
                if rid in cancelled:
                    cancelled.discard(rid)
                    events.send(("cancelled", rid))
                    continue
            started = time.monotonic()
            answer = _answer(lib, rid, method, args, kwargs, cancelled, lock, events, interval, Cancelled, DeskError)
            times = {"received": received, "started": started, "computed": time.monotonic()}
            try:
                send_answer(events, answer, times)
            except (pickle.PicklingError, TypeError, AttributeError):  # a value that cannot cross: a bug
                events.send(("crashed", rid, traceback.format_exc()))
            if method == "compare":
                _settle(lib)
            with lock:
                cancelled.discard(rid)
    finally:
        try:
            lib.close()
        except Exception:  # noqa: BLE001 - ending anyway
            log.exception("closing the comparing child's library failed")
        events.close()


def _warm_up(lib: Any) -> None:
    """Load what the first comparison needs before any call comes (:meth:`desk.library.Library.warm_up`):
    calls sent meanwhile wait in the inbox; the first one then finds the compare modules, the
    related words and the alias book loaded (0.2-0.25 s of a cold comparison on ukraine-media)."""
    try:
        lib.warm_up()
    except Exception:  # noqa: BLE001 - the first call loads it again and reports what is wrong
        log.exception("warming up the comparing child failed")


def _load_ahead(lib: Any) -> bool:
    """One step of :meth:`desk.library.Library.load_ahead`; whether more are left (False after a failure)."""
    try:
        return bool(lib.load_ahead())
    except Exception:  # noqa: BLE001 - only a head start: the comparisons read what they need themselves
        log.exception("reading ahead in the comparing child failed")
        return False


def _settle(lib: Any) -> None:
    """Once a comparison's answer is out, so that the window paints it sooner: keep its copy for the
    query asked again (:meth:`desk.library.Library.remember_compared`), then write what it owes the
    features file (:meth:`desk.library.Library.write_compare_features`)."""
    try:
        lib.remember_compared()
    except Exception:  # noqa: BLE001 - the query asked again is compared again
        log.exception("keeping the comparing child's comparison failed")
    try:
        lib.write_compare_features()
    except Exception:  # noqa: BLE001 - the features are only ever recomputed; the next comparison writes them
        log.exception("writing the comparing child's features file failed")


def _warm_search(lib: Any) -> None:
    """Read the refreshed index's search snapshot (:meth:`desk.library.Library.warm_search`)."""
    try:
        lib.warm_search()
    except Exception:  # noqa: BLE001 - the next search reads it again and reports what is wrong
        log.exception("warming up the comparing child's search failed")


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
