"""Kept for :mod:`desk.compare.retrieve`, which reads the Whoosh backend's searcher directly
(its document arrays) and asks whether a parsed query holds ``claimant:`` clauses.

The module is :mod:`desk.index.whoosh.claimfilter`; new code asks the library.
"""

from desk.index.whoosh.claimfilter import split_query

__all__ = ["split_query"]
