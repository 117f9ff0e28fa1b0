"""The index of an article folder: the library store, the indexer, and the backend behind an interface.

``desk.library.Library`` is the API; the modules here are its machinery:
:mod:`~desk.index.backend` (what an index backend must do, and what a server
backend would have to add), :mod:`~desk.index.whoosh` (the Whoosh backend, the
only package that imports Whoosh), :mod:`~desk.index.store` (the SQLite side
store every backend shares), :mod:`~desk.index.plan` (which files changed and
why: a pure function), :mod:`~desk.index.pools` (worker processes and their
typed context), :mod:`~desk.index.build` (the indexing stages and passes),
:mod:`~desk.index.querytree` (desk's own query tree),
:mod:`~desk.index.claimants` (``claimant:`` clauses as sets of passage keys),
:mod:`~desk.index.bounds` (numbers and dates of the query language) and
:mod:`~desk.index.lock` (one indexer per library).
"""
