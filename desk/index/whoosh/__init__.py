"""The Whoosh backend of desk's index: the only package that imports Whoosh.

:func:`open_whoosh` opens it (:class:`desk.index.backend.BackendFactory`);
:mod:`.backend` holds :class:`WhooshBackend`, :mod:`.schema` the fields,
:mod:`.engine` opening, signing and guarded commits, :mod:`.query` the query
language on Whoosh's parser, :mod:`.claimfilter` the ``claimant:`` clauses and
:mod:`.search` scoring, facets and highlights.
"""

from .backend import WhooshBackend, WhooshWriting, describe, open_whoosh, passage_docs

__all__ = ["WhooshBackend", "WhooshWriting", "describe", "open_whoosh", "passage_docs"]
