"""A package's names loaded from their modules when first asked for (a module ``__getattr__``, PEP 562).

A one-question process (``desk compare``, ``desk search``) imports what it uses: a package that
re-exports its modules' names lists them here instead of importing every module at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


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
