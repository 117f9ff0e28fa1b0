"""What the faces (the CLI and the window) may call on a library: :class:`LibraryAPI`.

:class:`desk.library.Library` is the implementation; mypy checks that it
satisfies this Protocol (``desk.library._as_api``) and that the CLI uses
nothing else (``desk.cli.open_library`` returns a ``LibraryAPI``).  A face
that needs a new call adds it here first, then to ``Library``.

Qt-free, like the rest of the core.  (Not yet done: the window is typed
against it only by annotation, since mypy skips ``desk/gui/``.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from desk.model import (
    Article,
    CancelCheck,
    Comparison,
    Extraction,
    FigureStatement,
    IndexReport,
    PassageRef,
    Progress,
    SearchResult,
    Skipped,
)

__all__ = ["LibraryAPI"]


@runtime_checkable
class LibraryAPI(Protocol):
    """One article folder and what desk keeps about it (see :mod:`desk.library` for the contract)."""

    folder: Path
    aliases_path: Path
    #: the user's row notes (desk.notes), beside the aliases
    notes_path: Path
    #: things the user should be told once (a damaged index being rebuilt)
    notices: list[str]
    #: whether a comparison is kept for the same query asked again of the unchanged library
    #: (:func:`desk.compare.compare_query`); a one-question process turns it off
    remember_comparisons: bool

    # -- lifetime
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    # -- indexing
    def update(self, progress: Progress = ..., cancelled: CancelCheck = ..., extract: bool = True,
               lock_wait: float = 60.0) -> IndexReport: ...
    def pending_extraction(self) -> int: ...
    def refresh(self) -> bool | None: ...  # whether the store changed (None: not known)

    # -- reading
    def articles(self) -> list[Article]: ...
    def article(self, article_id: str) -> Article: ...
    def skipped(self) -> list[Skipped]: ...
    def outlets(self) -> list[str]: ...
    def passage_counts(self) -> dict[str, int]: ...
    def extraction(self, article_id: str) -> Extraction | None: ...
    def passage(self, article_id: str, number: int) -> PassageRef: ...

    # -- searching, comparing, claims over time
    def search(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
               until: dt.date | str | None = None, limit: int = 20, per_article: int = 2) -> SearchResult: ...
    def ranked_passages(self, query: str, groups: Sequence[str] | None = None, outlets: Sequence[str] = (),
                        since: dt.date | str | None = None, until: dt.date | str | None = None,
                        *, depth: int) -> list[tuple[str, int, float]] | None: ...
    def compare(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                until: dt.date | str | None = None, progress: Progress | None = None,
                cancelled: CancelCheck | None = None, *, limit: int | None = None) -> Comparison: ...
    def collate(self, article_ids: Sequence[str], progress: Progress | None = None,
                cancelled: CancelCheck | None = None) -> Comparison: ...
    def timeline(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                 until: dt.date | str | None = None, progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> Any: ...

    # -- claims and the alias book
    def claims(self, query: str | None = None, limit: int = 5000, every_copy: bool = False) -> list[FigureStatement]: ...
    def compared_claims(self, query: str, outlets: Sequence[str] = (), since: dt.date | str | None = None,
                        until: dt.date | str | None = None, progress: Progress | None = None,
                        cancelled: CancelCheck | None = None, every_copy: bool = False) -> list[FigureStatement]: ...
    def claimants(self) -> list[str]: ...
    def edit_alias(self, action: str, name: str, new: str = "") -> list[tuple[str, str, str]]: ...
    def alias_entries(self) -> list[tuple[str, str, str]]: ...
