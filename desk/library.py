"""The one core API that the CLI and the GUI both call.

A :class:`Library` is one article folder plus what desk keeps about it in its
data directory.  Long operations take ``progress(done, total, message)`` and
``cancelled() -> bool`` callbacks (see :mod:`desk.model`) and never touch Qt.

CONTRACT (owned by the index work; the compare, GUI and packaging work build
against these signatures; extend, do not break them):

- ``Library(folder, data_dir=None)``: raises errors.FolderError for a missing
  folder.  Opening does no indexing.
- ``update(progress, cancelled, extract=True, lock_wait=...) -> IndexReport``:
  incremental index of the folder (text first, then figures and claimants).
- ``search(query, outlets=(), since=None, until=None, limit=20) -> SearchResult``
  raises errors.QueryError with a sentence for a malformed query.
- ``articles() -> list[Article]`` (text and passages empty: the library list),
  ``article(article_id) -> Article`` (full), ``skipped() -> list[Skipped]``.
- ``extraction(article_id) -> Extraction | None`` (None while pending).
- ``passage(article_id, number) -> PassageRef`` with claims/attributions/entities.
- ``compare(query, outlets=(), since=None, until=None, progress, cancelled) -> Comparison``
- ``collate(article_ids, progress, cancelled) -> Comparison``
- ``claims(query=None) -> list[FigureStatement]`` (the claims table).
- ``outlets() -> list[str]``, ``claimants() -> list[str]`` (for completion).
- ``close()``; usable as a context manager.
"""

from __future__ import annotations
