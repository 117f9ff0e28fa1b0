"""A one-question process's start-up (``desk compare``, ``desk search``): what it may leave undone.

- :func:`lazy_names`: a package's names loaded from their modules when first asked for (a module
  ``__getattr__``, PEP 562): a package that re-exports its modules' names lists them here instead of
  importing every module at start-up;
- :func:`collector_held_off`: Python's cyclic collector held off over a bounded step of start-up;
- :func:`set_aside_start_up`: what start-up left alive out of the collector's way.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any


@contextmanager
def collector_held_off(set_aside: bool = False) -> Iterator[None]:
    """The cyclic garbage collector held off while the body runs, then set back as it was.

    For a bounded step of start-up that makes tens of thousands of objects and keeps them: importing
    modules, opening the library, the change check's scan and plan (one entry per file of the folder).
    The collector's young passes walked them each time they filled a generation: some 100 passes,
    25-30 CPU-ms of an unchanged folder's ``desk compare``, that freed nothing.  Reference counting
    frees as usual; never hold it off over work that grows with what is read (indexing the files the
    plan names).  Nests, with itself and with :func:`desk.compare.collector_paused`: only the
    outermost body that found the collector on turns it on again.

    ``set_aside``: what is alive at the end goes to the collector's permanent generation first
    (:func:`set_aside_start_up`), else the collector's next pass, at once, walks all the body made."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if set_aside:
            set_aside_start_up()
        if was_on:
            gc.enable()


def set_aside_start_up() -> None:
    """Move every object alive now to the collector's permanent generation (``gc.freeze``), for a process
    that answers one question and ends (the command line), after a step of start-up.  Reference counting
    still frees them as usual; a long-lived process (the window's children) must not call it, or a
    garbage cycle made before it stays for good."""
    gc.freeze()


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: each name of ``homes`` (name -> module of the
    package) is imported from its module when first asked for and kept in ``namespace`` (the
    package's globals), so the next use costs nothing."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
