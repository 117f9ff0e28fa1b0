"""Plain-Python data that every part of desk passes around.

Nothing here imports Qt or Whoosh.  The GUI's models only present these
objects; the CLI prints them; the exporters write them.

One rule for offsets: every ``start``/``end`` pair in an :class:`Article`, an
:class:`Extraction` or a :class:`PassageRef` is a character offset into
``Article.text`` (the decoded, repaired body text), end exclusive.  Use
:meth:`PassageRef.local` to turn one into an offset into the passage's own text.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

#: ``progress(done, total, message)``; ``total`` may be 0 when unknown.
Progress = Callable[[int, int, str], None]
#: ``cancelled() -> bool``: long work checks it and stops with errors.Cancelled.
CancelCheck = Callable[[], bool]


_T = TypeVar("_T", bound=type)


def pickled_by_fields(cls: _T) -> _T:
    """Pickle a dataclass as ``cls(*its field values)``.

    A slotted dataclass is otherwise pickled with a dictionary of its slots (or, frozen, through
    Python-level ``__getstate__``/``__setstate__``), which is slow to write and to read: a comparison of
    some 1,000 rows, its passages, figures and claims, pickled in the comparing child and unpickled in
    the window, took about twice as long.  The class must take every field in ``__init__`` (no
    ``init=False`` field) and do nothing else there; pickles written the old way still load.
    """
    names = tuple(f.name for f in fields(cls))
    if not names or any(not f.init for f in fields(cls)) or "__post_init__" in vars(cls):
        raise TypeError(f"{cls.__name__} cannot be pickled by its fields")
    # attrgetter of several names gives their tuple in C; of one name, the bare value
    get: Callable[[Any], Any] = operator.attrgetter(*names) if len(names) > 1 else (lambda o: (getattr(o, names[0]),))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:  # noqa: N807 - pickle's name
        return (cls, get(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


def no_progress(done: int, total: int, message: str = "") -> None:
    """A progress callback that ignores everything."""


def never_cancelled() -> bool:
    """A cancel check that never cancels."""
    return False


# --------------------------------------------------------------------------
# Articles


@pickled_by_fields
@dataclass(slots=True)
class Boilerplate:
    """A span of page furniture: kept and shown dimmed, never a passage."""

    start: int
    end: int
    reason: str  # e.g. "also-read link", "donation appeal", "repeated title", "repeated across folder"


@pickled_by_fields
@dataclass(slots=True)
class Passage:
    """A paragraph, or a window of 2-4 whole sentences, of one article."""

    number: int  # 0-based position in the article
    start: int
    end: int


@pickled_by_fields
@dataclass(slots=True)
class Article:
    id: str  # stable: a hash of the path relative to the folder
    path: str  # absolute path of the file
    relpath: str  # path relative to the article folder, with "/" separators
    title: str
    outlet: str
    date: dt.date | None
    text: str  # the body text shown in the reader (title line included when the file has it)
    url: str = ""
    author: str = ""
    boilerplate: list[Boilerplate] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    #: where each metadata field came from: {"outlet": "front matter", "date": "dateline", ...}
    provenance: dict[str, str] = field(default_factory=dict)
    #: things the user should know: "date 2024-01-02 from the dateline contradicts 2025-06-11 from the wire id"
    notes: list[str] = field(default_factory=list)
    size: int = 0
    mtime: float = 0.0
    sha1: str = ""

    def passage_text(self, passage: Passage) -> str:
        return self.text[passage.start : passage.end]


@dataclass(slots=True)
class Skipped:
    """A file that was not indexed, and why, in words for the user.

    ``indexed`` marks a file that *was* indexed but with a field desk could not
    use (malformed front matter, an impossible date): a note, not a skip.
    """

    path: str
    reason: str
    indexed: bool = False


# --------------------------------------------------------------------------
# Figures and claimants

QUALIFIERS = ("", "about", "more than", "at least", "less than", "nearly", "up to")


@pickled_by_fields
@dataclass(slots=True)
class Figure:
    start: int  # span of the number as written ("14,400", "three", "$2", "40%")
    end: int
    text: str
    value: float
    qualifier: str = ""  # one of QUALIFIERS
    kind: str = "count"  # "count", "money" or "percent"
    high: float | None = None  # upper end of a range ("between 500 and 700")
    qualifier_start: int | None = None  # where the hedge starts, when there is one
    counted: str = ""  # the noun phrase it quantifies: "Russian soldiers killed"

    def interval(self, tolerance: float = 0.05) -> tuple[float, float]:
        """The values the figure admits, given its qualifier.

        ``about 14400`` -> 14,400 +/- tolerance; ``more than 14,400`` ->
        (14,400, inf); ``nearly 100`` -> [100*(1-tolerance), 100]; a range
        -> [value, high].
        """
        v = self.value
        hi = self.high if self.high is not None else v
        q = self.qualifier
        if q == "about":
            return (v * (1 - tolerance), hi * (1 + tolerance))
        if q in ("more than",):
            return (math.nextafter(v, math.inf), math.inf)
        if q == "at least":
            return (v, math.inf)
        if q == "less than":
            return (-math.inf, math.nextafter(v, -math.inf))
        if q == "up to":
            return (0.0, hi)
        if q == "nearly":
            return (v * (1 - tolerance), hi)
        return (v, hi)


@pickled_by_fields
@dataclass(slots=True)
class Attribution:
    """Who the text says asserts something, and which span it covers."""

    name: str  # canonical claimant name: "Ihor Terekhov", "General Staff of the Armed Forces of Ukraine"
    source_start: int  # the source as written: "Mayor Ihor Terekhov", "he"
    source_end: int
    source_text: str
    cue: str  # "said", "according to", "headline tag", ...
    cue_start: int
    cue_end: int
    content_start: int  # the reported content the attribution covers
    content_end: int


@pickled_by_fields
@dataclass(slots=True)
class Claim:
    """A figure and who stands behind it ("" when the outlet says it itself)."""

    figure: Figure
    claimant: str = ""
    attribution: int | None = None  # index into Extraction.attributions


@pickled_by_fields
@dataclass(slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str  # "PERSON", "ORG", "GPE", "NORP"


@pickled_by_fields
@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date | None  # resolved against the article date when relative ("on Saturday")


@pickled_by_fields
@dataclass(slots=True)
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)


# --------------------------------------------------------------------------
# Search, comparison


@pickled_by_fields
@dataclass(slots=True)
class PassageRef:
    """One passage of one article, with what a reader needs to show and cite it."""

    article_id: str
    number: int
    start: int  # offsets into the article text
    end: int
    text: str  # article.text[start:end]
    outlet: str
    title: str
    date: dt.date | None
    path: str
    relpath: str = ""
    score: float = 0.0
    #: matched query terms, offsets into the article text
    highlights: list[tuple[int, int]] = field(default_factory=list)
    #: claims whose figure lies in this passage (offsets into the article text)
    claims: list[Claim] = field(default_factory=list)
    #: attributions and entities overlapping this passage
    attributions: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    #: boilerplate spans inside the passage (normally none)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    #: the article's address as its metadata gives it (front matter ``source:``, ``url:``), or ""
    url: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.number)

    def local(self, start: int, end: int) -> tuple[int, int]:
        """An article-text span as offsets into ``self.text``, clipped to it."""
        s = min(max(start - self.start, 0), len(self.text))
        e = min(max(end - self.start, 0), len(self.text))
        return (s, e)


@dataclass(slots=True)
class SearchResult:
    query: str
    hits: list[PassageRef]
    total: int  # every matching passage (exact: desk scores all matches)
    pending_extraction: int = 0  # articles whose figures/claimants are not in yet
    #: matched articles per outlet, for facets
    outlets: dict[str, int] = field(default_factory=dict)


@pickled_by_fields
@dataclass(slots=True)
class WordDiff:
    """Word-level difference of one passage against its row's reference passage."""

    start: int  # offsets into the article text
    end: int
    op: str  # "insert", "replace", "delete" (delete: where the reference has words this one lacks)
    other: str = ""  # the reference passage's words for a replace/delete


@pickled_by_fields
@dataclass(slots=True)
class FigureStatement:
    """One outlet's figure in a row, with its claimant: "Zelensky: 14,000"."""

    outlet: str
    claimant: str
    figure: Figure
    article_id: str
    passage: int
    #: when the claim holds (desk.compare.asof): one day when equal, None where the text leaves it open
    as_of_start: dt.date | None = None
    as_of_end: dt.date | None = None
    #: what the figure counts, readable ("Russian soldiers killed"); "" when unknown
    quantity: str = ""
    #: the sentence the figure stands in, as the article has it ("" where not looked up)
    sentence: str = ""
    #: how many of the outlet's articles carry this claim in this sentence (its repeated copies of one story,
    #: a live page saved each day): the claims table lists it once, from the earliest copy
    copies: int = 1


def more_copies(copies: int) -> str:
    """The note after a claim's date when its outlet repeated it in more articles: " (+2 copies)"."""
    return f" (+{copies - 1} {'copy' if copies == 2 else 'copies'})" if copies > 1 else ""


@pickled_by_fields
@dataclass(slots=True)
class Row:
    """Passages from different outlets that report the same fact."""

    #: outlet -> the passages of that outlet in this row (several may share a cell)
    cells: dict[str, list[PassageRef]]
    #: figures in the row, per outlet and claimant
    statements: list[FigureStatement] = field(default_factory=list)
    disagreement: bool = False  # the outlets' figures or claimants disagree
    #: "Zelensky: 14,000 · General Staff: about 14,400 · Moscow: 500"
    summary: str = ""
    #: differences in words: "Zelensky says 14,000; the General Staff about 14,400"
    differences: list[str] = field(default_factory=list)
    score: float = 0.0
    #: collation: "match", "only" (one outlet has it), "moved" (order differs)
    kind: str = "match"
    #: (article_id, passage number) -> word differences against the row's first passage
    word_diffs: dict[tuple[str, int], list[WordDiff]] = field(default_factory=dict)
    #: syndicated copies: passage key -> other outlets carrying near-identical text
    duplicates: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    #: figures that take part in a disagreement: (article_id, figure start offset)
    clashing: list[tuple[str, int]] = field(default_factory=list)
    #: the user's note on this row (kept per folder by desk.notes), exported with it
    note: str = ""

    @property
    def outlets(self) -> list[str]:
        return [o for o, ps in self.cells.items() if ps]


@pickled_by_fields
@dataclass(slots=True)
class Comparison:
    query: str  # the query, or "collate: <titles>"
    outlets: list[str]  # column order
    rows: list[Row]
    mode: str = "query"  # "query" or "collate"
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    #: filters applied, for the export heading
    filters: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class IndexReport:
    """What one indexing run did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    pending_extraction: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    #: things the user should know that are not skipped files (e.g. an extraction that failed)
    problems: list[str] = field(default_factory=list)
    #: articles whose figures and claimants could not be found at all (the extractor failed or is
    #: missing), of those :attr:`problems` names: the rest of it is notes (a field desk could not use,
    #: a file too long for claimants), which say how a file was read, not that a step failed
    extraction_failed: int = 0
