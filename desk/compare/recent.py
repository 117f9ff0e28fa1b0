"""A small least-recently-used store of values, shared by threads (comparisons, row descriptions, figure parts)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


class Recent:
    """Values of recent keys, shared by threads; the least recently used goes first."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[Any, ...], value: Any, keep: int) -> None:
        with self._lock:
            self._items[key] = value
            while len(self._items) > keep:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
