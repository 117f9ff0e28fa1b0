"""The Whoosh index of an article folder: schema, incremental build, queries, search.

``desk.library.Library`` is the API; the modules here are its machinery:
:mod:`~desk.index.schema` (fields), :mod:`~desk.index.engine` (opening, locks,
guarded commits), :mod:`~desk.index.store` (SQLite side store),
:mod:`~desk.index.build` (the two indexing passes), :mod:`~desk.index.query`
(the query language) and :mod:`~desk.index.search` (hits, highlights, facets).
"""
