"""What one grouping asks for several times, computed once while it runs.

A grouping (:func:`desk.compare.grouping.build_rows`) hands one similarity matrix and one list of
profiles to the clustering and to each of its joins, and each of them used to scan the whole
units x hits matrix for the pairs above its own threshold (five scans of some 16 million cells on a
broad query) and to number the units' outlets and articles again.  Inside :func:`grouping_scope`
the matrix is scanned once, at the lowest threshold any step asks for (:data:`SCAN_FLOOR`), and each
step's pairs are picked from that scan; the numbering is made once per profile list.

The answers are the ones computed afresh: the pairs come in the same (row-major) order, compared in
the matrix's own precision.  The scope holds a reference to each object it remembers an answer for,
so no other object can take its id meanwhile; the objects must not change while the scope lasts
(the grouping builds its matrix before the first scan and only reads it after).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")

#: the lowest threshold the grouping's steps scan the similarity matrix for (the lone-statement join's
#: edge, :data:`desk.compare.joining.LONE_EDGE`); a step asking for less scans again, so this only decides
#: how much the first scan keeps
SCAN_FLOOR = 0.26

_SCOPE = threading.local()


@contextmanager
def grouping_scope() -> Iterator[None]:
    """While the body runs, :func:`remembered` and :func:`at_least` answer again what they answered on this
    thread for the same objects."""
    before = getattr(_SCOPE, "memo", None)
    _SCOPE.memo = {}
    try:
        yield
    finally:
        _SCOPE.memo = before


def remembered(kind: str, obj: Any, compute: Callable[[], T]) -> T:
    """``compute()``, given again for the same ``kind`` and object inside :func:`grouping_scope` (the same
    answer object: callers must not change it)."""
    memo: dict[tuple[str, int], tuple[Any, Any]] | None = getattr(_SCOPE, "memo", None)
    if memo is None:
        return compute()
    key = (kind, id(obj))
    found = memo.get(key)
    if found is not None and found[0] is obj:
        answer: T = found[1]
        return answer
    answer = compute()
    memo[key] = (obj, answer)  # the object kept alive: its id is nobody else's while the scope lasts
    return answer


def active() -> bool:
    """Whether a :func:`grouping_scope` is open on this thread."""
    return getattr(_SCOPE, "memo", None) is not None


def seed_scan(m: np.ndarray, flat: np.ndarray) -> None:
    """Give :func:`at_least` the scan of ``m`` at :data:`SCAN_FLOOR` made while ``m`` was filled: the flat
    indexes (row-major, ascending) of its cells at or above the floor.  Cells changed after that must be
    named to :func:`changed`.  Outside a grouping scope this does nothing."""
    memo: dict[tuple[str, int], tuple[Any, Any]] | None = getattr(_SCOPE, "memo", None)
    if memo is None or not m.flags.c_contiguous:
        return
    memo[("at_least", id(m))] = (m, [SCAN_FLOOR, flat, None])  # the values read at the first use


def changed(m: np.ndarray, flat: np.ndarray) -> None:
    """Cells of ``m`` (flat indexes) changed since its scan was made or seeded: the scan is mended (each
    such cell is in it if and only if it now reaches the scan's floor)."""
    memo: dict[tuple[str, int], tuple[Any, Any]] | None = getattr(_SCOPE, "memo", None)
    if memo is None or not len(flat):
        return
    found = memo.get(("at_least", id(m)))
    if found is None or found[0] is not m:
        return
    entry = found[1]
    floor, scanned = entry[0], entry[1]
    cells = np.unique(np.asarray(flat, dtype=np.int64))
    view = m.reshape(-1)
    reach = cells[view[cells] >= floor]
    entry[1] = np.union1d(np.setdiff1d(scanned, cells, assume_unique=True), reach)
    entry[2] = None


def at_least(m: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """``np.nonzero(m >= threshold)`` of a 2-d matrix (row-major order): rows and columns.

    Inside :func:`grouping_scope` a C-ordered matrix is scanned once at ``min(threshold, SCAN_FLOOR)``
    and higher thresholds pick their pairs from that scan."""
    flat_view = m.reshape(-1) if m.flags.c_contiguous else None
    if flat_view is None or getattr(_SCOPE, "memo", None) is None:
        return _rows_cols(np.flatnonzero(m >= threshold), m.shape[1])

    def scan() -> list[Any]:
        floor = min(threshold, SCAN_FLOOR)
        flat = np.flatnonzero(m >= floor)
        return [floor, flat, flat_view[flat]]

    entry = remembered("at_least", m, scan)
    if entry[2] is None:  # seeded or mended (seed_scan, changed): the values now
        entry[2] = flat_view[entry[1]]
    floor, flat, values = entry
    if threshold < floor:  # lower than any step asked before: scan again, and keep the wider scan
        entry[:] = scan()
        floor, flat, values = entry
    if threshold != floor:
        flat = flat[values >= threshold]
    return _rows_cols(flat, m.shape[1])


def _rows_cols(flat: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.divmod(flat, width)
    return rows, cols
