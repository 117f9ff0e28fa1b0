"""The one core API that the CLI and the GUI both call.

A :class:`Library` is one article folder plus what desk keeps about it in its
data directory.  Long operations take ``progress(done, total, message)`` and
``cancelled() -> bool`` callbacks (see :mod:`desk.model`) and never touch Qt.

CONTRACT (owned by the index work; the compare, GUI and packaging work build
against these signatures; extend, do not break them):

- ``Library(folder, data_dir=None)``: raises errors.FolderError for a missing
  folder.  Opening does no indexing (it creates an empty index the first time).
- ``update(progress, cancelled, extract=True, lock_wait=60.0) -> IndexReport``:
  incremental index of the folder (text first, then figures and claimants).
  ``extract=False`` does the text pass only; ``pending_extraction()`` says how
  many articles still wait for figures/claimants.  Cancelling between batches
  keeps the index valid (both passes keep the batches they committed; pass 1
  commits the PDFs after the other files).
- ``search(query, outlets=(), since=None, until=None, limit=20) -> SearchResult``
  raises errors.QueryError with a sentence for a malformed query.  ``since``
  and ``until`` take dates or strings ("2022-07-01").  At most two passages of
  one article are returned (``per_article=``).
- ``articles() -> list[Article]`` (text and passages empty: the library list),
  ``article(article_id) -> Article`` (full; DeskError when unknown),
  ``skipped() -> list[Skipped]``.
- ``extraction(article_id) -> Extraction | None`` (None while pending).
- ``passage(article_id, number) -> PassageRef`` with claims/attributions/entities.
- ``compare(query, outlets=(), since=None, until=None, progress, cancelled) -> Comparison``
- ``collate(article_ids, progress, cancelled) -> Comparison``
- ``timeline(query, outlets=(), since=None, until=None, progress, cancelled) -> Timeline``
  (desk.timeline: the query's claims as series per counted quantity, by as-of date)
- ``claims(query=None) -> list[FigureStatement]`` (the claims table), claimant
  names passed through the folder's alias book.
- ``outlets() -> list[str]``, ``claimants() -> list[str]`` (for completion).
- ``pending_extraction() -> int``, ``aliases_path`` (the alias file), ``notes_path`` (the row notes).
- ``refresh()``: see what another process committed (drops cached extractions).
- ``close()``; usable as a context manager.

Thread use: one Library may be searched from a worker thread while the GUI
thread holds it; ``update`` should run on one worker at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import sys
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from desk import paths
from desk.errors import ArticleGone, DeskError, FolderError, QueryError, check_query_length, dates_reversed
from desk.extract.names import role_prefixed, spelling_key
from desk.index import querytree
from desk.index.backend import BackendFactory, ClaimantSource, IndexBackend, RankedPassage, RawHit
from desk.index.build import MAX_EXTRACT_CHARS, Indexer
from desk.index.lock import UpdateLock
from desk.index.store import SPELLINGS_META, Store
from desk.lazy import collector_held_off
from desk.model import (
    Article,
    Boilerplate,
    CancelCheck,
    Comparison,
    Extraction,
    Figure,
    FigureStatement,
    IndexReport,
    PassageRef,
    Progress,
    SearchResult,
    Skipped,
    never_cancelled,
    no_progress,
)
from desk.passages import article_passage_refs, claim_sentence, passage_ref
from desk.textsafe import CURLY, quoted

if TYPE_CHECKING:
    from desk.api import LibraryAPI

STORE_NAME = "library.sqlite"
#: articles and extractions kept in memory (one comparison reads 300-600 of each; the benchmark's 50 queries
#: some 4,000 of ukraine-media's 6,799, so at 2,048 each round re-read ~70 per comparison, and every passage
#: of a re-read article was split and hashed again: warm CPU median 236 -> 183-200 ms at 8,192, peak +14 MB)
ARTICLES_CACHED = 8192
EXTRACTIONS_CACHED = 8192
#: :meth:`Library.load_ahead` reads at most this many articles (the rest of the caches stays for queries)
AHEAD_ARTICLES = 6144
#: ... this many a step (a request waits at most one step: with their sentences' stored features some 5-10 ms
#: on ukraine-media at 8, 10-25 ms at 24; the whole read-ahead takes 5.6 CPU-s at 8, 4.8 at 24, on a loaded machine)
AHEAD_STEP = 8


#: no article gives more than this share of compare's ranked candidates, nor of the passages
#: a query's claims table reads (at least :data:`ARTICLE_SHARE_MIN`): a file with 50,000 passages
#: that each name the topic filled both, and the other outlets vanished.  On ukraine-media the
#: most passages one article gave to the 800 candidates of 20 queries was 104 ("oil price cap",
#: a live page), the next 36.
ARTICLE_SHARE = 1 / 8
ARTICLE_SHARE_MIN = 10


def article_share(n: int) -> int:
    """The most of ``n`` passages (compare's ranked candidates, the claims table's passages) one article
    may give."""
    return max(ARTICLE_SHARE_MIN, int(n * ARTICLE_SHARE))


def one_per_copy(statements: list[FigureStatement], dates: dict[str, dt.date | None]) -> list[FigureStatement]:
    """Each claim an outlet repeats word for word in several articles, once: from its earliest article
    (undated last, then by id), with ``copies`` set to how many carry it.

    A claim is the same when the outlet, the claimant, the figure as written, what it counts and the
    sentence (spacing and case aside) are; a claim whose sentence was not looked up is never merged.
    """
    groups: dict[tuple[str, ...], list[FigureStatement]] = {}
    alone: list[FigureStatement] = []
    for st in statements:
        sentence = " ".join(st.sentence.split()).casefold()
        if not sentence:
            alone.append(st)
            continue
        key = (st.outlet, st.claimant.casefold(), st.figure.text, st.figure.counted.casefold(), sentence)
        groups.setdefault(key, []).append(st)
    out = alone
    for group in groups.values():
        first = min(group, key=lambda st: (dates.get(st.article_id) is None,
                                           dates.get(st.article_id) or dt.date.min, st.article_id, st.figure.start))
        articles = {st.article_id for st in group}
        out.append(first if len(articles) == 1 else dataclasses.replace(first, copies=len(articles)))
    return out


def comparison_claims(comparison: Comparison, every_copy: bool = False) -> list[FigureStatement]:
    """The figures of a comparison's rows with their claimants: what the window's Claims tab lists after a
    compare, so that it holds the figures the compare view shows (a compare query ranks passages that lack
    a query word, which :meth:`Library.claims`, a search, leaves out) under the same filters.

    Each figure comes once, with its sentence; an outlet's copies of one claim come once, as in
    :meth:`Library.claims` (``every_copy`` lists each).
    """
    from desk.compare.statements import fill_sentences

    out: list[FigureStatement] = []
    seen: set[tuple[str, int]] = set()
    dates: dict[str, dt.date | None] = {}
    for row in comparison.rows:
        if not row.statements:
            continue
        fill_sentences(row)
        for cell in row.cells.values():
            for ref in cell:
                dates[ref.article_id] = ref.date
        for st in row.statements:
            key = (st.article_id, st.figure.start)
            if key not in seen:
                seen.add(key)
                out.append(st)
    if not every_copy:
        out = one_per_copy(out, dates)
    out.sort(key=lambda s: (s.outlet, s.article_id, s.figure.start))
    return out


def _load_extraction(js: str) -> Extraction:
    from desk.extract.store import extraction_from_json

    return extraction_from_json(_json_loads(js))


#: every ASCII digit byte to "0", every other byte to "\x01" (:func:`_long_digits`)
_DIGITS_AS_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else 1 for b in range(256))
#: a run of this many ASCII digits may be an integer beyond 64 bits
_LONG_RUN = b"0" * 19


def _long_digits(text: str) -> bool:
    """Whether ``text`` holds a run of 19 ASCII digits or more: an integer the json module reads exactly
    and orjson, beyond 64 bits, as a float.  A byte table and a substring search, not a regular
    expression: the pattern ``\\d{19}`` was four times the time orjson takes to read the text (14 of
    some 18 ms for the 253 stored extractions a comparison of a common query reads).  Digits of other
    scripts never make a JSON number (only inside a string, which both readers read alike)."""
    return _LONG_RUN in text.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO)


def _json_loads(text: str) -> Any:
    """``json.loads(text)``, through orjson when it reads it the same way (a third of the time: a cold
    comparison decodes some 500 articles' figures and claimants); the json module reads what orjson
    refuses (NaN, a lone surrogate escape) and any text with a run of 19 digits or more (orjson reads an
    integer beyond 64 bits as a float: :func:`_long_digits`), so the values are the same."""
    try:
        import orjson
    except ImportError:  # an install without it
        return json.loads(text)
    if _long_digits(text):
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def default_backend() -> BackendFactory:
    """The index backend a :class:`Library` opens when it is given none: Whoosh."""
    from desk.index.whoosh import open_whoosh

    return open_whoosh


def extract_file(path: str | Path) -> tuple[Article, Extraction]:
    """One loose article file read and its figures and claimants found, with no library
    (``desk extract FILE``), by the rule indexing reads a file by (:func:`desk.corpus.read_named_file`);
    its folder's manifest applies.  DeskError for a file desk cannot read."""
    from desk import corpus
    from desk.extract import extract_article

    path = Path(path)
    if not path.is_file():
        if not os.path.lexists(path):
            raise DeskError(f"{path} does not exist.")
        if path.is_dir():
            raise DeskError(f"{path} is a folder, not an article file.")
        if path.is_symlink() and not path.exists():
            raise DeskError(f"{path} is a symbolic link to nothing (or a loop of links).")
        raise DeskError(f"{path} is not a regular file (a named pipe, a socket or a device).")
    try:
        article = corpus.read_named_file(path)
    except corpus.Unreadable as exc:
        raise DeskError(f"{path}: {exc.reason}") from None
    if len(article.text) > MAX_EXTRACT_CHARS:
        # the limit the index's figures and claimants pass keeps: a Markdown file of one 5 MB line
        # parsed for over ten minutes, its memory past 1.6 GB and growing
        raise DeskError(
            f"{path}: too long for figures and claimants ({len(article.text) / 1e6:.1f} million characters; "
            f"the limit is {MAX_EXTRACT_CHARS / 1e6:.0f} million).",
            hint="Index its folder (desk index) to search its text.",
        )
    return article, extract_article(article)


def check_alias_names(lib: Any, action: str, name: str, new: str = "") -> str:
    """Refuse an alias edit that names no claimant of the folder, for the command line and the window alike.

    A misspelt name (``--rename``/``--delete``) would be stored and change nothing; a merge into a name
    no claimant has is a rename (the window's merge dialog takes a typed name and stored it, then said
    nothing on screen had changed).  Raises :class:`DeskError` with the sentence; returns a note when
    the folder's claimants are not all found yet (the edit goes ahead), else "".  A library that
    cannot tell (no ``is_claimant``) lets every edit through.  The names in the sentences are the
    user's: the face escapes them.
    """
    is_claimant = getattr(lib, "is_claimant", None)
    if is_claimant is None:
        return ""
    names = {"merge": [name, new], "rename": [name], "delete": [name]}.get(action, [])
    for i, each in enumerate(names):
        known = is_claimant(each)
        if known:
            continue
        shown = quoted(each.strip(), 80, CURLY)  # a line break or a tab typed in it shown as such, not a space
        if known is None:
            return (f"desk cannot tell yet whether a claimant is called {shown} (the folder's "
                    "claimants are not all found: run desk index FOLDER); the alias is kept")
        if i == 1:
            raise DeskError(f"No claimant is called {shown}: merge into one that the claims table "
                            f"(`desk claims FOLDER`) lists, or give {quoted(names[0].strip(), 80, CURLY)} "
                            "a new name with Rename (--rename).")
        raise DeskError(f"No claimant is called {shown} in this folder: check the spelling "
                        "(`desk claims FOLDER` lists the claimants); no alias was stored.")
    return ""


#: the most characters of a name a rename gives a claimant (the names desk finds are a few words)
MAX_CLAIMANT_NAME = 200


def _check_new_claimant_name(new: str) -> None:
    """Refuse a new claimant name that holds a control character (an escape sequence, a NUL, a line
    break: pasted by mistake, or a terminal's attack) or is longer than :data:`MAX_CLAIMANT_NAME`.
    Such a name was stored, then shown in every view and export in an altered form (its brackets
    gone, its breaks made spaces), so that it was never the name the user typed."""
    if any(unicodedata.category(ch) == "Cc" for ch in new):
        raise DeskError("A claimant's name cannot hold control characters (a line break, a tab, an escape): "
                        "type the name as it should be shown; no alias was stored.")
    if len(new.strip()) > MAX_CLAIMANT_NAME:
        raise DeskError(f"A claimant's name of {len(new.strip()):,} characters is too long: desk takes at most "
                        f"{MAX_CLAIMANT_NAME}; no alias was stored.")


def check_date(text: str) -> None:
    """Raise :class:`desk.errors.QueryError` with a sentence when ``text`` is no date desk reads
    (``--since``/``--until``, the window's date filters): ``2022``, ``2022-07``, ``2022-07-01``..."""
    from desk.index.bounds import parse_date

    parse_date(text)


def dates_in_order(since: str, until: str) -> bool:
    """Whether some moment lies between two valid dates (``--since 2023 --until 2022`` found
    nothing, and said no more than that no passage matched)."""
    from desk.index.bounds import parse_date

    return parse_date(since) <= parse_date(until, end=True)


def check_date_range(since: dt.date | str | None, until: dt.date | str | None) -> None:
    """Refuse a date range that ends before it starts with the sentence every face gives
    (:func:`desk.errors.dates_reversed`): a search or comparison over it found nothing, and said no
    more than that nothing matched.  A face that names its dates otherwise checks first."""
    if since is None or until is None or not str(since).strip() or not str(until).strip():
        return
    if not dates_in_order(str(since), str(until)):
        raise DeskError(dates_reversed(since, until, since_name="since", until_name="until"))


def index_backend_version() -> str:
    """The default index backend's name and version, for bug reports."""
    from desk.index.whoosh import describe

    return describe()


#: names a canon function (:meth:`Library._canon`) remembers; beyond them it starts afresh
CANON_REMEMBERED = 100_000


def _remembering(canon: Callable[[str], str]) -> Callable[[str], str]:
    """``canon`` remembering its answers: a comparison reads the claimants of some 500 articles, the same
    few hundred names again and again.  Each alias book and spelling table gets a new function
    (:meth:`Library._canon`), so nothing remembered outlives the book it was read from."""
    known: dict[str, str] = {}

    def remembered(name: str) -> str:
        got = known.get(name)
        if got is None:
            got = canon(name)
            if len(known) >= CANON_REMEMBERED:
                known.clear()
            known[name] = got
        return got

    return remembered


def _within(v: float, r: querytree.Range) -> bool:
    low, high = r.low, r.high
    if isinstance(low, int | float) and (v < low or (v == low and not r.include_low)):
        return False
    return not (isinstance(high, int | float) and (v > high or (v == high and not r.include_high)))


def mark_figures(hits: Sequence[PassageRef], tree: querytree.Node) -> None:
    """Add to each hit's marks the figures that a ``figure:`` clause of ``tree`` matched.

    A hit of ``figure:>1000 killed`` matched a figure somewhere in its passage, but only "killed"
    was marked: the Results list then showed a sentence with no figure over 1,000 in it.  The
    figures are found as the index found them (the same finder, its value and a range's upper end);
    one is marked when it satisfies every ``figure:`` clause the whole query ANDs, or any
    one of the others (inside OR groups).
    """
    ranges = [leaf for leaf in querytree.positive_leaves(tree) if isinstance(leaf, querytree.Range)
              and leaf.field == "figure"]
    if not ranges:
        return
    top = tree.items if isinstance(tree, querytree.And) else (tree,)
    needed = [r for r in ranges if r in top]
    either = [r for r in ranges if r not in top]
    from desk.extract.figures import find_figures

    def matched(f: Figure) -> bool:
        values = [f.value] if f.high is None else [f.value, f.high]
        if needed:
            return any(all(_within(v, r) for r in needed) for v in values)
        return any(_within(v, r) for v in values for r in either)

    for ref in hits:
        found = [(ref.start + f.start, ref.start + f.end) for f in find_figures(ref.text) if matched(f)]
        if found:
            ref.highlights = sorted(set(ref.highlights) | set(found))


class Library:
    def __init__(
        self, folder: str | Path, data_dir: str | Path | None = None, *, backend: BackendFactory | None = None
    ) -> None:
        """``backend`` opens the library's index (:mod:`desk.index.backend`); Whoosh when None."""
        given = Path(folder).expanduser()
        problem = paths.folder_problem(given)
        if problem:
            raise FolderError(problem)
        self.folder = given.resolve()
        problem = paths.data_dir_problem(given, data_dir)
        if problem:
            raise FolderError(problem)
        self.data_dir = paths.data_dir(data_dir)
        self.library_dir = paths.library_dir(self.folder, data_dir)
        self.index_dir = paths.index_dir(self.folder, data_dir)
        self.aliases_path = paths.aliases_file(self.folder, data_dir)
        self.notes_path = paths.notes_file(self.folder, data_dir)
        try:
            self.library_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeskError(f"desk cannot create its data directory {self.library_dir}: {exc.strerror}.") from exc
        #: sentences about what desk found wrong when opening (a damaged index it rebuilds)
        self.notices: list[str] = []
        self.backend: IndexBackend = (backend or default_backend())(
            self.library_dir, self.index_dir, self.folder, self.notices
        )
        if self.backend.rebuilt:
            # a new, empty index: the store's rows would claim passages it does not hold
            for suffix in ("", "-wal", "-shm"):
                (self.library_dir / (STORE_NAME + suffix)).unlink(missing_ok=True)
        self.store = Store(self.library_dir / STORE_NAME)
        self.backend.use_claimants(ClaimantSource(self.store.passage_claimants, self._claimants_version, self._canon))
        # a comparison reads 300-600 articles and their extractions: the caches hold a few comparisons' worth
        self._extractions = lru_cache(maxsize=EXTRACTIONS_CACHED)(self._extraction_uncached)
        #: articles read from the store, valid for one store state (any commit, by any connection, drops them)
        self._article_cache: OrderedDict[str, Article] = OrderedDict()
        self._article_state: tuple[int, int, int] | None = None
        self._article_lock = threading.Lock()
        self._canon_cache: tuple[tuple[Any, ...], Callable[[str], str]] | None = None
        #: the store's state and the alias book as a comparison on this thread found them first (:meth:`settled`)
        self._settled = threading.local()
        # extractions with the alias book applied, per article, for the book's current version
        self._aliased: dict[str, tuple[Extraction, Extraction]] = {}
        self._aliased_by: Callable[[str], str] | None = None
        self._claimants: list[str] | None = None
        self._pending: tuple[tuple[int, int, int], int] | None = None  # (store state, count) of search()
        self._field_problems: tuple[tuple[int, int, int], list[Skipped]] | None = None
        self._last_indexer: Indexer | None = None
        self._related: tuple[tuple[int, int, int], Any] | None = None  # (store state, related words)
        self._ahead: tuple[tuple[int, int, int], list[str]] | None = None  # (store state, ids) of load_ahead
        #: whether :func:`desk.compare.compare_query` keeps this library's comparisons for a query asked again
        self.remember_comparisons = True
        #: ... kept only when :meth:`remember_compared` is called (or the next comparison starts), not before
        #: :meth:`compare` returns: for a caller that hands the answer over first (the comparing child)
        self.remember_later = False
        self._alias_edits = 0  # edits made through this library (the file's stat may not move within a tick)
        #: the store's state at the opening or the last :meth:`refresh` that saw it changed
        self._refreshed_state = self._store_state()

    # -- lifecycle

    def close(self) -> None:
        self.write_compare_features()
        self.backend.close()
        self.store.close()

    def write_compare_features(self) -> None:
        """Write what this process's comparisons owe the data directory's features file
        (:mod:`desk.compare.stored`): a comparison returns without writing them, so that its caller
        hands the answer over first, then calls this (the window's comparing child after each answer;
        :meth:`close` and the next comparison write whatever is left)."""
        stored = sys.modules.get("desk.compare.stored")  # nothing owed when no comparison ran
        if stored is not None and isinstance(self.library_dir, Path):
            from desk.compare import collector_paused

            # as when the comparison itself wrote them: no collector pass over what it left alive
            # while some 20,000 entries are pickled
            with collector_paused(set_aside=False):
                diff = sys.modules.get("desk.compare.diff")
                owed = diff.owed_word_diffs() if diff is not None else []
                if owed:  # word differences an export worked out (prefetch_word_diffs did not find them)
                    features = stored.for_library(self)
                    if features is not None:
                        features.owe(owed)
                stored.write_owed(self.library_dir)

    def prefetch_word_diffs(self, comparison: Comparison) -> None:
        """Read the word differences of ``comparison``'s rows that an earlier process worked out from the
        data directory's features file (:func:`desk.compare.diff.prefetch_word_diffs`), before an export
        shows them (``desk compare --json``, ``--markdown``); those it lacks are written by
        :meth:`write_compare_features` once worked out."""
        from desk.compare import stored
        from desk.compare.diff import prefetch_word_diffs

        features = stored.for_library(self)
        if features is not None and comparison.rows:
            prefetch_word_diffs(comparison.rows, features)

    def remember_compared(self) -> None:
        """Keep the copies of this process's comparisons that :meth:`compare` left to keep
        (``remember_later``: :func:`desk.compare.remember_pending`)."""
        compare = sys.modules.get("desk.compare")  # nothing pending when no comparison ran
        if compare is not None:
            with compare.collector_paused(set_aside=False):
                compare.remember_pending()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def refresh(self) -> bool:
        """See what another process (the window's indexing child, a CLI run) committed since.

        Searches already re-open a stale Whoosh snapshot and re-read changed
        claimant rows by themselves; this also drops the cached extractions and
        claimant names, unless the store is as it was at the last refresh (or the opening): no
        commit since, by any connection (a re-index that found nothing to change), so that what a
        long-lived process read ahead stays.  Returns whether the store changed.
        """
        state = self._store_state()
        if state == self._refreshed_state:
            self.backend.refresh()
            return False
        self._refreshed_state = state
        self._committed()
        return True

    def _committed(self) -> None:
        self.backend.refresh()
        self._extractions.cache_clear()
        self._claimants = None

    def _canon(self) -> Callable[[str], str]:
        """The alias book as a function; the file is read again only when it changed."""
        pinned = getattr(self._settled, "canon", None)
        if pinned is not None:
            return pinned  # type: ignore[no-any-return]
        canon = self._canon_now()
        if getattr(self._settled, "state", None) is not None:
            self._settled.canon = canon
        return canon

    @contextmanager
    def settled(self) -> Iterator[None]:
        """One look, on this thread, at the store's state and at the alias book for the whole body (a
        comparison): each article and extraction it reads asked both again (a stat of the alias file and
        a query of the store each time: some 1,900 of them for a comparison of 650 articles, 2-3% of its
        time).  A commit or an alias edit made meanwhile counts from the next comparison on, as one made
        just after it.  Nests: an inner call keeps what the outer one found."""
        local = self._settled
        if getattr(local, "state", None) is not None:
            yield
            return
        local.state = self._store_state()
        local.canon = None
        try:
            yield
        finally:
            local.state = None
            local.canon = None

    def _canon_now(self) -> Callable[[str], str]:
        """:meth:`_canon` looked up afresh."""
        try:
            st = self.aliases_path.stat()
            key: tuple[Any, ...] = (st.st_mtime_ns, st.st_size, self._store_state())
        except OSError:
            key = (None, self._store_state())
        cached = self._canon_cache
        if cached is not None and cached[0] == key:
            return cached[1]
        book = self._alias_book()
        spelling = self._spellings()
        if book is None:
            def canon(name: str) -> str:
                return spelling.get(spelling_key(name), name)
        else:
            def canon(name: str) -> str:
                try:
                    named = book.canonical(name)
                    if named == name:
                        # the user's alias for "Teodor Kalm" also renames "envoy Teodor Kalm"
                        plain = spelling.get(spelling_key(name), name)
                        if plain != name:
                            named = book.canonical(plain)
                except Exception:  # noqa: BLE001 - a broken alias file must not stop indexing
                    named = name
                return spelling.get(spelling_key(named), named) if named else ""

        remembered = _remembering(canon)
        self._canon_cache = (key, remembered)
        return remembered

    def _spellings(self) -> dict[str, str]:
        """One spelling per claimant name that the folder writes in several ways.

        Read from the store when an update kept them there (:meth:`_keep_spellings`: 30-80 CPU-ms of
        every process that shows claimants, a ``desk compare`` among them, on ukraine-media's 6,276
        claimant names), else worked out (:meth:`_spellings_now`).
        """
        try:
            kept = self.store.get_meta(SPELLINGS_META)
        except Exception:  # noqa: BLE001 - a store being rebuilt: no merging this time
            return {}
        if kept:
            try:
                value = json.loads(kept)
            except ValueError:
                value = None
            if isinstance(value, dict):
                return value
        return self._spellings_now() or {}

    def _keep_spellings(self) -> None:
        """Keep :meth:`_spellings_now` in the store, for every process's :meth:`_spellings`, when the
        claimants changed since they were last kept (every write of a passage's claimants drops them,
        in its own transaction: :data:`desk.index.store.SPELLINGS_META`).  Called by :meth:`update`
        under the update lock; an unchanged folder's check writes nothing."""
        try:
            if self.store.get_meta(SPELLINGS_META):
                return
            spelling = self._spellings_now()
            if spelling is not None:
                self.store.set_meta(SPELLINGS_META, json.dumps(spelling, ensure_ascii=False, sort_keys=True))
        except DeskError:  # a full disk or a read-only store: worked out by each process instead
            pass

    def _spellings_now(self) -> dict[str, str] | None:
        """The claimant spellings of :meth:`_spellings`, worked out from the claimant names (None when
        the store cannot give them).

        "UN Refugee Agency" and "UN refugee agency", "Moscow" and "MOSCOW", "Defence Ministry" and
        "Defense Ministry" are one claimant (:func:`desk.extract.names.spelling_key`): each key maps
        to its most frequent spelling (ties: the one with fewer capitals, since a sentence's first
        word is capitalised too).  A person named with and without a role before the name is one
        claimant too, under the bare name (:func:`desk.extract.names.role_prefixed`).  Names written
        only one way are not in the map.
        """
        counts: dict[str, list[tuple[int, int, str]]] = {}
        try:
            rows = self.store.claimant_name_counts()
        except Exception:  # noqa: BLE001 - a store being rebuilt: no merging this time
            return None
        for name, n in rows:
            counts.setdefault(spelling_key(name), []).append((n, -sum(map(str.isupper, name)), name))
        spelling = {k: max(v)[2] for k, v in counts.items() if len(v) > 1}
        # "Octopus Energy chief executive Greg Jackson" is Greg Jackson, whom the folder also names alone
        for long, short in role_prefixed(name for name, _ in rows).items():
            spelling[spelling_key(long)] = spelling.get(spelling_key(short), short)
        return spelling

    def _claimants_version(self) -> tuple[Any, ...]:
        """Changes when any passage's claimants or the alias file change."""
        try:
            st = self.aliases_path.stat()
            aliases: tuple[Any, ...] = (st.st_mtime_ns, st.st_size)
        except OSError:
            aliases = ()
        return (*self.store.claimants_version(), *aliases)

    def _alias_book(self) -> Any:
        try:
            from desk.extract.aliases import AliasBook
        except ImportError:
            return None
        return AliasBook.load(self.aliases_path)

    # -- indexing

    def update(
        self,
        progress: Progress = no_progress,
        cancelled: CancelCheck = never_cancelled,
        extract: bool = True,
        lock_wait: float = 60.0,
    ) -> IndexReport:
        def lock_message(msg: str) -> None:
            progress(0, 0, msg)

        started = time.perf_counter()
        with UpdateLock(self.library_dir / "update.lock") as lock:
            lock.acquire(wait=lock_wait, message=lock_message)
            indexer = Indexer(
                self.folder, self.library_dir, self.data_dir, self.backend, self.store, self._committed
            )
            self._last_indexer = indexer
            report = indexer.text_pass(progress, cancelled, lock_message, lock_wait)
            report.problems[:0] = self.notices
            self.notices = []
            learning: list[threading.Thread] = []
            beside: Callable[[], None] | None = None

            def learn_beside() -> None:
                thread = threading.Thread(target=self._learn_related, args=(no_progress, cancelled),
                                          name="desk-related-words", daemon=True)
                thread.start()
                learning.append(thread)

            with collector_held_off():  # (importing the compare modules, for the check of the cache file's key)
                stale = not report.cancelled and self._related_stale(report)
            if stale:
                if extract and report.pending_extraction:
                    # beside pass 2, on a thread of its own: pass 2's workers are processes, and the
                    # learning (3-5 CPU-s on ukraine-media) left one core idle between the passes.
                    # Pass 2 starts it once its workers have forked: started before, a worker could be
                    # forked while it held SQLite's memory lock, and wait for it for ever (pools.run_extraction)
                    beside = learn_beside
                else:
                    self._learn_related(progress, cancelled)
            report.cancelled = report.cancelled or cancelled()
            try:
                if extract and not report.cancelled and report.pending_extraction:
                    self._extract_pass(indexer, report, progress, cancelled, lock_message, lock_wait, beside)
            finally:
                for thread in learning:
                    thread.join()  # (it stops at its next check when the run was cancelled)
                    report.cancelled = report.cancelled or cancelled()  # (a cancel while it still learned)
            if beside is not None and not learning and not report.cancelled:
                self._learn_related(progress, cancelled)  # pass 2 started no workers (no extractor, nothing left)
            indexer.forget_figures()  # kept for a pass 2 that has run or will not
            if not report.cancelled:
                self._keep_spellings()
        report.seconds = time.perf_counter() - started
        return report

    def _extract_pass(self, indexer: Indexer, report: IndexReport, progress: Progress, cancelled: CancelCheck,
                      lock_message: Callable[[str], None], lock_wait: float,
                      beside: Callable[[], None] | None = None) -> None:
        """Pass 2 of :meth:`update` (figures and claimants), its outcome written into ``report``."""
        try:
            import desk.extract.store  # noqa: F401 - is the extractor here at all?
        except ImportError as exc:
            report.problems.append(f"figures and claimants are not available: {exc}")
            report.extraction_failed = report.pending_extraction
        else:
            _done, problems = indexer.extract_pass(progress, cancelled, lock_message, lock_wait, beside)
            report.problems.extend(problems)
            report.extraction_failed = indexer.extraction_failed
            report.cancelled = cancelled()
        report.pending_extraction = self.store.pending_extraction()

    def pending_extraction(self) -> int:
        return self.store.pending_extraction()

    # -- reading

    def articles(self) -> list[Article]:
        return self.store.articles()

    def article(self, article_id: str) -> Article:
        state = self._store_state()
        cache = self._article_cache
        with self._article_lock:  # the window's worker threads read articles at once
            if state != self._article_state:
                cache.clear()
                self._article_state = state
            a = cache.get(article_id)
            if a is not None:
                cache.move_to_end(article_id)
                return a
        a = self.store.article(article_id)
        if a is None:
            raise ArticleGone(f"There is no article {article_id!r} in this library (was the file removed?).")
        with self._article_lock:
            if self._article_state == state:
                cache[article_id] = a
                if len(cache) > ARTICLES_CACHED:
                    cache.popitem(last=False)
        return a

    def skipped(self) -> list[Skipped]:
        """Every file desk does not index, with its reason, and every indexed file with a field
        desk could not use (malformed front matter, an impossible date), sorted by path."""
        from desk.corpus import FIELD_PROBLEM_MARKERS, field_problems

        # the field problems come from every article's stored notes (77 CPU-ms on ukraine-media's
        # 6,799 articles): look again only when the store changed (the window asks every few seconds)
        changed = self._store_state()
        cached = self._field_problems
        if cached is None or cached[0] != changed:
            found = [Skipped(path, reason, indexed=True) for path, notes in self.store.article_notes(FIELD_PROBLEM_MARKERS)
                     for reason in field_problems(notes)]
            cached = self._field_problems = (changed, found)
        out = self.store.skipped() + cached[1]
        out.sort(key=lambda s: s.path)
        return out

    def _store_state(self) -> tuple[int, int, int]:
        """Changes when any connection commits to the store (SQLite's data_version) or this one writes
        (inside :meth:`settled`: as it was when the body began)."""
        pinned = getattr(self._settled, "state", None)
        if pinned is not None:
            return pinned  # type: ignore[no-any-return]
        db = self.store.db
        return (id(db), db.execute("PRAGMA data_version").fetchone()[0], db.total_changes)

    def outlets(self) -> list[str]:
        return self.store.outlets()

    def _extraction_uncached(self, article_id: str) -> Extraction | None:
        js = self.store.extraction_json(article_id)
        return _load_extraction(js) if js else None

    def extraction(self, article_id: str) -> Extraction | None:
        """An article's figures and claimants, claimant names passed through the alias book.

        Every view (reader, compare cells, collation) shows the names the user
        chose; a deleted claimant's name becomes "".
        """
        ext = self._extractions(article_id)
        if ext is None or (not ext.attributions and not ext.claims):
            return ext
        canon = self._canon()
        # as many as the extraction cache holds: a comparison reads some 500 articles, and a smaller
        # bound emptied this every query
        if self._aliased_by is not canon or len(self._aliased) > EXTRACTIONS_CACHED:
            self._aliased = {}
            self._aliased_by = canon
        hit = self._aliased.get(article_id)
        if hit is not None and hit[0] is ext:
            return hit[1]
        names = {n: canon(n) for n in {a.name for a in ext.attributions} | {c.claimant for c in ext.claims if c.claimant}}
        atts = [a if names[a.name] == a.name else dataclasses.replace(a, name=names[a.name]) for a in ext.attributions]
        claims = [c if not c.claimant or names[c.claimant] == c.claimant
                  else dataclasses.replace(c, claimant=names[c.claimant]) for c in ext.claims]
        out = dataclasses.replace(ext, attributions=atts, claims=claims)
        self._aliased[article_id] = (ext, out)
        return out

    def _ref(self, article: Article, number: int, start: int, end: int, text: str | None = None) -> PassageRef:
        """A passage with its claims, claimant names through the alias book (:func:`desk.passages.passage_ref`)."""
        return passage_ref(article, number, start, end, self.extraction(article.id), text=text)

    def passage_refs(self, article: Article) -> list[PassageRef]:
        """Every passage of ``article`` with its claims, as :meth:`passage` gives each one."""
        return article_passage_refs(article, self.extraction(article.id))

    def passage(self, article_id: str, number: int) -> PassageRef:
        a = self.article(article_id)
        for p in a.passages:
            if p.number == number:
                return self._ref(a, p.number, p.start, p.end)
        raise DeskError(f"The article {a.title!r} has no passage {number}.")

    def search(
        self,
        query: str,
        outlets: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        limit: int = 20,
        per_article: int = 2,
    ) -> SearchResult:
        check_query_length(query)
        check_date_range(since, until)
        tree = self.backend.parse(query)
        raw = self.backend.search(tree, outlets, since, until, limit=limit, per_article=per_article)
        hits = self._hit_refs(raw.hits)
        mark_figures(hits, tree)
        # counting pending articles reads every article row, texts included (5-10 ms on
        # ukraine-media): count again only when the store changed.  SQLite's data_version
        # moves when another connection commits, total_changes when this one writes.
        changed = self._store_state()
        pending = self._pending
        if pending is None or pending[0] != changed:
            pending = (changed, self.store.pending_extraction())
            self._pending = pending
        return SearchResult(
            query=query,
            hits=hits,
            total=raw.total,
            pending_extraction=pending[1],
            outlets=raw.outlets,
        )

    def ranked_passages(
        self,
        query: str,
        groups: Sequence[str] | None = None,
        outlets: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        *,
        depth: int,
    ) -> list[RankedPassage] | None:
        """Compare's candidates: the best ``depth`` passages ``(article id, passage number, score)``
        of the articles in which every word group matches somewhere, ranked by the OR of the groups;
        no article gives more than :func:`article_share` of them (one long report that names the topic
        in every passage took all 800 in a folder of ours, and every other outlet vanished).

        ``groups``: query strings (a word with its synonyms); a group with no word the index
        keeps ("the") is left out, and when none is left ``query`` is read instead and tells
        why in its QueryError (or, if it reads, nothing is found).  None: ``query`` itself is
        the only group.  None is returned for a query with ``claimant:`` clauses, which only
        :meth:`search` answers.
        """
        check_query_length(query)
        if groups is None:
            tree = self.backend.parse(query)
            _rest, required, excluded = querytree.split_claimants(tree)
            if required or excluded:
                return None
            trees = [tree]
        else:
            trees = []
            for group in groups:
                try:
                    trees.append(self.backend.parse(group))
                except QueryError:
                    continue  # a word the index does not keep: it cannot narrow anything
            if not trees:
                self.backend.parse(query)  # the whole query says why in one sentence
                return []
        return self.backend.ranked(trees, depth, outlets, since, until, article_share(depth))

    def _hit_refs(self, raw_hits: Sequence[RawHit]) -> list[PassageRef]:
        """The hits as passage refs, in their order; an article's metadata and text are read once for
        all its hits (a long report with a thousand hits read its whole text and metadata a thousand
        times)."""
        spans: dict[str, list[RawHit]] = {}
        for hit in raw_hits:
            spans.setdefault(hit.aid, []).append(hit)
        current: set[tuple[str, int, int]] = set()
        articles: dict[str, Article] = {}
        for aid, hits in spans.items():
            meta = self.store.meta(aid)
            if meta is None:  # removed between the Whoosh snapshot and now
                continue
            texts = self.store.text_spans(aid, [(h.start, h.end) for h in hits]) or []
            # the store may already hold a newer text than the index (an update is under way, or was
            # killed before its commit): never mix the two
            current.update((aid, h.start, h.end) for h, text in zip(hits, texts, strict=False) if text == h.text)
            articles[aid] = Article(
                id=aid,
                path=meta["path"],
                relpath=meta["relpath"],
                title=meta["title"],
                outlet=meta["outlet"],
                date=dt.date.fromisoformat(meta["date"]) if meta["date"] else None,
                text="",
                boilerplate=[Boilerplate(s, e, r) for s, e, r in json.loads(meta["doc"])["boilerplate"]],
            )
        refs = []
        for hit in raw_hits:
            if (hit.aid, hit.start, hit.end) not in current:
                continue
            ref = self._ref(articles[hit.aid], hit.number, hit.start, hit.end, text=hit.text)
            ref.score = hit.score
            ref.highlights = hit.highlights
            refs.append(ref)
        return refs

    # -- comparing (delegated to desk.compare)

    def compare(
        self,
        query: str,
        outlets: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        *,
        limit: int | None = None,
    ) -> Comparison:
        """Rows of passages from different outlets reporting the same facts (:func:`desk.compare.compare_query`).

        ``limit``: candidate passages to group before their neighbours join
        (None: the measured default).
        """
        from desk.compare import compare_query

        check_query_length(query)  # before the words are widened and looked up, each at a cost
        check_date_range(since, until)
        extra = {"limit": limit} if limit is not None else {}
        return compare_query(
            self, query, outlets=outlets, since=since, until=until, progress=progress, cancelled=cancelled, **extra
        )

    def warm_up(self) -> None:
        """Load what the first comparison would load while the user waits (:meth:`warm_search`, then
        :func:`desk.compare.warm_up`): for a long-lived process that compares later, such as the
        window's comparing child."""
        from desk.compare import warm_up

        self.warm_search()
        warm_up(self)

    def load_ahead(self, count: int = AHEAD_STEP) -> bool:
        """Read the next ``count`` articles a comparison may meet into memory (the article, its
        extraction and its passages' sentences: :func:`desk.compare.retrieve.load_ahead`), newest
        first, as many as the caches hold beside what queries need (:data:`AHEAD_ARTICLES` articles,
        :func:`desk.compare.retrieve.ahead_room` passages).  For a long-lived process that compares
        later, a step at a time while no request waits (the window's comparing child); any commit to
        the store starts the list again (the caches keep only what holds for the store as it is).
        Returns whether articles are left to load."""
        from desk.compare.retrieve import ahead_room, load_ahead

        state = self._store_state()
        if self._ahead is None or self._ahead[0] != state:
            room, ids = ahead_room(), []
            for aid, passages in self.store.newest_first()[:AHEAD_ARTICLES]:
                room -= passages
                if room < 0:
                    break
                ids.append(aid)
            ids.reverse()  # popped from the end: newest first
            self._ahead = (state, ids)
            return bool(ids)  # the list alone is a step
        ids = self._ahead[1]
        step = [ids.pop() for _ in range(min(count, len(ids)))]
        if step:
            from desk.compare import collector_paused

            # what it reads stays (the caches): out of the collector's way, as a comparison's survivors
            with collector_paused():
                load_ahead(self, step)
        return bool(ids)

    def warm_search(self) -> None:
        """Read what the first search of the index as it is now would read (the backend's per-snapshot
        arrays, when it keeps any): after opening, and after :meth:`refresh` saw another process's
        commit, for a process that searches later (the window's comparing child)."""
        warm = getattr(self.backend, "warm", None)
        if warm is not None:
            warm()

    def compare_state(self) -> tuple[Any, ...]:
        """Changes whenever a comparison of this library may: any commit to the store (articles,
        extractions, claimants) by any process, or an edit of the alias book (by this library, or
        by another process when the file's stat moves)."""
        try:
            st = self.aliases_path.stat()
            aliases: tuple[int, ...] = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            aliases = ()
        return (self._store_state(), aliases, self._alias_edits)

    def signing_key(self) -> bytes:
        """This user's key that signs the index, for what the data directory keeps that desk must not
        read unless it wrote it (:mod:`desk.compare.stored`'s pickled features)."""
        from desk.index.whoosh.engine import _key

        return _key()

    def related_words(self, cancelled: CancelCheck | None = None) -> Any:
        """Related words learned from this library's indexed passages (:mod:`desk.compare.related`),
        cached in its data directory and learned again after the index changes (by :meth:`update`,
        else by the first call after it); None when they cannot be learned (too few passages), or
        when ``cancelled`` stopped the learning."""
        from desk.compare.related import for_store

        # for_store's key sums a column of every article row (~16 ms on ukraine-media, asked twice
        # per compare): ask again only when the store changed
        state = self._store_state()
        known = self._related
        if known is not None and known[0] == state:
            return known[1]
        related = for_store(self.store, self.library_dir, cancelled)
        if related is None and cancelled is not None and cancelled():
            return None
        self._related = (state, related)
        return related

    def _related_stale(self, report: IndexReport) -> bool:
        """Whether the related words must be learned after this run: the index changed, or the cache file
        does not match it (an unchanged folder costs a key check)."""
        from desk.compare import related

        return bool(report.added or report.updated or report.removed) or not related.cached(self.store, self.library_dir)

    def _learn_related(self, progress: Progress, cancelled: CancelCheck) -> None:
        """Learn the related words of the passages the text pass left (:meth:`related_words`), and save
        the search's document columns, now rather than in the first comparison after the change
        (on ukraine-media 3-5 CPU-s and 0.3 CPU-s, which the first ``desk compare`` after every
        ``desk index``, or the window's first comparison, used to wait for).  :meth:`update` calls it
        only when :meth:`_related_stale` says so: an unchanged folder costs a key check."""
        progress(0, 0, "learning related words")
        try:
            self.related_words(cancelled)
            if not cancelled():
                self.warm_search()
        except Exception:  # noqa: BLE001 - only a head start: the first comparison works them out and reports
            logging.getLogger(__name__).exception("learning the related words after indexing failed")

    def collate(
        self,
        article_ids: Sequence[str],
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Comparison:
        from desk.compare import collate

        return collate(self, list(article_ids), progress=progress, cancelled=cancelled)

    # -- claims over time (delegated to desk.timeline)

    def timeline(
        self,
        query: str,
        outlets: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Any:
        """A :class:`desk.timeline.Timeline` of the claims in every passage matching ``query``."""
        from desk.timeline import timeline_for_query

        check_query_length(query)
        check_date_range(since, until)
        return timeline_for_query(
            self, query, outlets=outlets, since=since, until=until, progress=progress, cancelled=cancelled
        )

    # -- claims

    def _statements(self, article: Article, ext: Extraction, numbers: Iterable[int] | None) -> list[FigureStatement]:
        canon = self._canon()
        wanted = set(numbers) if numbers is not None else None
        out: list[FigureStatement] = []
        for c in ext.claims:
            passage = next((p for p in article.passages if p.start <= c.figure.start < p.end), None)
            if passage is None or (wanted is not None and passage.number not in wanted):
                continue
            out.append(FigureStatement(
                article.outlet, canon(c.claimant) if c.claimant else "", c.figure, article.id, passage.number,
                sentence=claim_sentence(article, passage, c.figure.start),
            ))
        return out

    def claims(self, query: str | None = None, limit: int = 5000, every_copy: bool = False) -> list[FigureStatement]:
        """Figures with their claimants, for the whole library or for a query's passages.

        An outlet's copies of one claim (the same figure, claimant and sentence in several of its articles)
        come once, from the earliest article, with their number in ``copies``; ``every_copy`` lists each.
        """
        out: list[FigureStatement] = []
        dates: dict[str, dt.date | None] = {}
        if query is None or not query.strip():
            for aid, js in self.store.extractions():
                article = self.store.article(aid)
                if article is not None:
                    dates[aid] = article.date
                    out.extend(self._statements(article, _load_extraction(js), None))
        else:
            check_query_length(query)
            raw = self.backend.search(
                self.backend.parse(query), limit=limit, per_article=article_share(limit), facets=False
            )
            by_article: dict[str, list[int]] = {}
            for h in raw.hits:
                by_article.setdefault(h.aid, []).append(h.number)
            for aid, numbers in by_article.items():
                ext = self.extraction(aid)
                article = self.store.article(aid)
                if ext is not None and article is not None:
                    dates[aid] = article.date
                    out.extend(self._statements(article, ext, numbers))
        if not every_copy:
            out = one_per_copy(out, dates)
        out.sort(key=lambda s: (s.outlet, s.article_id, s.figure.start))
        return out

    def compared_claims(
        self,
        query: str,
        outlets: Sequence[str] = (),
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
        every_copy: bool = False,
    ) -> list[FigureStatement]:
        """The figures of :meth:`compare`'s rows for ``query`` (:func:`comparison_claims`): the comparison
        just made is remembered, so after a compare this costs the listing only."""
        comparison = self.compare(query, outlets, since, until, progress=progress, cancelled=cancelled)
        return comparison_claims(comparison, every_copy)

    def claimants(self) -> list[str]:
        if self._claimants is None:
            canon = self._canon()
            # the passage claimant rows hold every attributed name; reading them is far
            # cheaper than parsing every stored extraction
            names = {canon(n) for n in self.store.claimant_names()}
            names.discard("")
            self._claimants = sorted(names, key=str.casefold)
        return list(self._claimants)

    def is_claimant(self, name: str) -> bool | None:
        """Whether a passage of the folder names ``name`` as a claimant, as found or as an alias
        shows it (case, diacritics and titles aside, as the alias book matches names); None when
        that cannot be told yet (nothing indexed, or articles still wait for figures and claimants).
        An alias for a name no claimant has changes nothing: the command line asks first."""
        from desk.extract.names import canonical_name, fold

        if not self.store.npassages() or self.store.pending_extraction():
            return None
        key = fold(canonical_name(name))
        if not key:
            return False
        canon = self._canon()
        book = self._alias_book()
        known = {n for raw in self.store.claimant_names() for n in (raw, canon(raw)) if n}
        known.update(n for _kind, a, b in (book.entries() if book is not None else []) for n in (a, b) if n)
        return any(fold(canonical_name(n)) == key for n in known)

    #: what :meth:`edit_alias` can do to a claimant name
    ALIAS_ACTIONS = ("merge", "rename", "delete", "forget")

    def edit_alias(self, action: str, name: str, new: str = "") -> list[tuple[str, str, str]]:
        """Change the alias book; every view and export shows the new names from then on.

        ``"merge"``: show claimant ``name`` as claimant ``new``; ``"rename"``:
        show ``name`` under the name ``new``; ``"delete"``: ``name`` is no
        claimant (its figures become the outlet's own); ``"forget"``: drop any
        alias of ``name``.  The file is read, changed and saved under its lock,
        so edits another desk process made meanwhile are kept.  Returns the
        book's entries.
        """
        from desk.extract.aliases import AliasBook

        if action not in self.ALIAS_ACTIONS:
            raise DeskError(f"Unknown alias action {action!r}: use one of {', '.join(self.ALIAS_ACTIONS)}.")
        if action in ("merge", "rename") and not new.strip():
            raise DeskError(f"An alias {action} needs the new name.")
        if action == "rename":
            _check_new_claimant_name(new)
        with AliasBook.editing(self.aliases_path) as book:
            if action == "merge":
                book.merge(name, new)
            elif action == "rename":
                book.rename(name, new)
            elif action == "delete":
                book.delete(name)
            else:
                book.remove(name)
            entries = list(book.entries())
        # the file's (mtime, size) may not move within one clock tick: drop what was read from it
        self._canon_cache = None
        self._claimants = None
        self._alias_edits += 1
        return entries

    def alias_entries(self) -> list[tuple[str, str, str]]:
        """The alias book's entries (kind, name, target), as :meth:`edit_alias` returns them."""
        book = self._alias_book()
        return list(book.entries()) if book is not None else []

    def passage_counts(self) -> dict[str, int]:
        """Article id -> number of passages (for the library list)."""
        return self.store.npassages()


def _as_api(lib: Library) -> LibraryAPI:
    """mypy checks here that :class:`Library` is a :class:`desk.api.LibraryAPI`."""
    return lib
