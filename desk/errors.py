"""The one user-facing error type.

Anything the user can cause and fix (a bad folder, a malformed query, a locked
index, a target file that exists) is raised as :class:`DeskError` with a
sentence written for the user.  The CLI catches it once in ``main()`` and the
GUI once in its controller; everything else is a bug and gets a traceback.
"""

from __future__ import annotations


class DeskError(Exception):
    """An error whose message is meant for the user, not the developer."""

    #: exit status the CLI uses for this error
    exit_code = 2

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


def dates_reversed(since: object, until: object, *, since_name: str = "--since", until_name: str = "--until") -> str:
    """The sentence for a date range that ends before it starts, in every face: ``desk search --since 2023
    --until 2022`` and the window's date filter (From after To, which showed "0 of 120 articles" and
    nothing more).  ``since_name``/``until_name``: what the face calls the two dates.  The caller
    escapes the dates for where it shows them (they are the user's)."""
    return f"{since_name} {since} is after {until_name} {until}: no date lies between them."


class QueryError(DeskError):
    """The search query cannot be parsed."""


#: the longest query desk reads, in characters.  A researcher's longest queries (a pasted paragraph, an OR
#: list of twenty synonyms with outlets and dates) stay under 1,000; a comparison's cost grows with the
#: query's words (ukraine-media, 2 cores: 2,000 characters of 360 words OR'ed compared in 2 s, 10,000 in
#: 8 s, a pasted 120,000 in over two minutes, with the window's comparing child busy and the CLI
#: unstoppable but by Ctrl+C)
MAX_QUERY_CHARS = 2_000


def query_too_long(length: int) -> str:
    """The sentence for a query longer than :data:`MAX_QUERY_CHARS`, in every face (the CLI, the window's
    search field): said before anything is searched, indexed or kept in the search history."""
    return (
        f"The query is {length:,} characters long; desk reads queries of at most {MAX_QUERY_CHARS:,}: "
        "keep the words that name what you look for."
    )


def check_query_length(query: str) -> None:
    """Raise :class:`QueryError` with :func:`query_too_long` for a query over :data:`MAX_QUERY_CHARS`
    (white space around it not counted, as no face searches for it)."""
    length = len(query.strip())
    if length > MAX_QUERY_CHARS:
        raise QueryError(query_too_long(length))


class ArticleGone(DeskError):
    """An article the index listed is no longer in the library (its file was removed or re-indexed since).

    The one error a reader of search results may pass over: the article went
    away between the search and the read.  Anything else (a bug, a broken
    index) reaches the user.
    """


class FolderError(DeskError):
    """The article folder does not exist or cannot be listed."""


class IndexBusy(DeskError):
    """Another desk process holds the index's write lock for too long."""


class IndexUnavailable(DeskError):
    """The index cannot be opened or written (read-only place, disk full ...)."""


class DiskFull(IndexUnavailable):
    """The disk under the data directory is full: writing stops, reading goes on."""


class ExportError(DeskError):
    """An export cannot be written (target exists, disk full ...)."""


class Cancelled(Exception):
    """Raised inside long work when the caller's ``cancelled()`` returns True."""
