"""The Whoosh backend of desk's index: the only package that imports Whoosh.

:func:`open_whoosh` opens it (:class:`desk.index.backend.BackendFactory`);
:mod:`.backend` holds :class:`WhooshBackend`, :mod:`.schema` the fields,
:mod:`.engine` opening, signing and guarded commits, :mod:`.query` the query
language on Whoosh's parser and desk's query tree to and from Whoosh queries, and
:mod:`.search` scoring, facets, highlights and compare's ranked candidates.
"""

import sys
import types


def _import_whoosh_without_urllib() -> None:
    """Import Whoosh without the URL opener its ``whoosh.compat`` imports and desk never calls.

    ``whoosh.compat`` takes ``urlretrieve`` from ``urllib.request`` (a Python 2 compatibility name no
    part of Whoosh that desk uses calls), and with it come ``http.client``, ``email``, ``ssl`` and
    ``hmac``: some 30 CPU-ms of every process that opens a library (a 1-second ``desk compare``).
    While Whoosh is imported a stand-in holds ``urllib.request``'s place: its ``urlretrieve`` imports
    the real one when called.  The stand-in is taken out again at once, so any later
    ``import urllib.request`` loads the real module.  Nothing is done when either is loaded already.
    """
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request")

    def urlretrieve(*args: object, **kwargs: object) -> object:
        from urllib.request import urlretrieve as real

        return real(*args, **kwargs)  # type: ignore[arg-type]

    stand_in.urlretrieve = urlretrieve  # type: ignore[attr-defined]
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401 - imported here, once, with the stand-in in place
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]


def _import_whoosh_query_without_morphology() -> None:
    """Import ``whoosh.query`` without the English word variations its ``whoosh.query.terms`` imports.

    ``whoosh.lang.morph_en`` builds some 900 rules and compiles 45 patterns when imported (8-10 CPU-ms
    of every process that opens a library) for ``variations``, which only Whoosh's ``Variations``
    query calls, and desk builds none.  As for ``urllib.request`` above, a stand-in holds its place
    while ``whoosh.query`` is imported: its ``variations`` imports the real module when called, and
    the stand-in is taken out at once, so any later import loads the real module.  Nothing is done
    when either is loaded already.
    """
    name = "whoosh.lang.morph_en"
    if "whoosh.query" in sys.modules or name in sys.modules:
        return
    stand_in = types.ModuleType(name)

    def variations(word: str) -> object:
        from whoosh.lang.morph_en import variations as real

        return real(word)

    stand_in.variations = variations  # type: ignore[attr-defined]
    sys.modules[name] = stand_in
    try:
        import whoosh.query  # noqa: F401 - imported here, once, with the stand-in in place
    finally:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


_import_whoosh_without_urllib()
_import_whoosh_query_without_morphology()

from . import inplace  # noqa: E402 - after the stand-in

inplace.install()  # segment files read from their memory map, not copied at opening

from .backend import WhooshBackend, WhooshWriting, describe, open_whoosh, passage_docs  # noqa: E402 - after the stand-in

__all__ = ["WhooshBackend", "WhooshWriting", "describe", "open_whoosh", "passage_docs"]
