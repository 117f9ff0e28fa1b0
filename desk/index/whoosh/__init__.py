"""The Whoosh backend of desk's index: the only package that imports Whoosh.

:func:`open_whoosh` opens it (:class:`desk.index.backend.BackendFactory`);
:mod:`.backend` holds :class:`WhooshBackend`, :mod:`.schema` the fields,
:mod:`.engine` opening, signing and guarded commits, :mod:`.query` the query
language on Whoosh's parser and desk's query tree to and from Whoosh queries, and
:mod:`.search` scoring, facets, highlights and compare's ranked candidates.
"""

from .backend import WhooshBackend, WhooshWriting, describe, open_whoosh, passage_docs

__all__ = ["WhooshBackend", "WhooshWriting", "describe", "open_whoosh", "passage_docs"]
