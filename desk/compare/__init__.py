"""Compare: rows of passages from different outlets that report the same fact.

Public API (used by :class:`desk.library.Library`, the CLI and the GUI):

- :func:`compare_query` -- rows for a search query over an indexed library;
- :func:`collate` / :func:`collate_articles` -- whole articles aligned like a diff;
- :func:`build_rows` -- the pure grouping step;
- :func:`word_diff` -- word differences of one passage against a reference.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import PurePosixPath
from typing import Any

from desk.corpus import UNKNOWN_OUTLET
from desk.errors import ArticleGone, Cancelled, QueryError
from desk.model import CancelCheck, Comparison, PassageRef, Progress, Row

from . import setting, stored
from .collate import collate_articles
from .diff import word_diff
from .grouping import build_rows
from .order import order_rows
from .profile import has_claims, owed_features, prefetch
from .recent import Recent as _Recent
from .retrieve import (
    DEPTH,
    Candidate,
    article_ref,
    owed_sentences,
    plain_words,
    ranked_passages,
    related_alternatives,
    sentence_units,
)
from .statements import owed_parts, prefetch_parts
from .tokens import expand_query

__all__ = [
    "build_rows",
    "collate",
    "collate_articles",
    "compare_query",
    "word_diff",
    "column_order",
    "warm_up",
]

#: every sentence of the candidates may start a row (not only those of matching passages)
ALL_HITS = True
#: keep rows of one outlet whose sentences all come from passages around the matches (such a row, joined
#: instead to the row of other outlets it resembles most, when that resemblance reaches the edge threshold,
#: placed one more compare_dev quote and lowered apart 0.972 -> 0.970: not done)
KEEP_LONE_NEIGHBOURS = False
#: passages ranked below the first ``limit`` and above ``SUPPORT_FACTOR * limit`` join as supporting
#: candidates: grouped like the others (without neighbours), kept only in rows that also hold a sentence of
#: the first ``limit`` passages or their neighbours, so they complete rows and never make one.  Chosen by
#: measured recall on compare_dev: of the 176 gold quotes, the quote's passage or a neighbour ranks within
#: 400: 157, 600: 162, 800: 168, 1000: 169, 1200: 170 (1,212 and 4,868 passages match two of the queries,
#: and BM25 over one or two words orders them mostly by length).  At 2 (800) coverage rose 0.886 -> 0.920;
#: a plain depth of 800 (every passage may make a row) placed as many but nearly doubled the rows of the
#: three broad topics (2,925 -> 5,487) and together fell to 0.464 on them (0.548 here).  Measured again on
#: the rules-8 index (coverage / together): limit 400 with factor 1.5: 0.909 / 0.690, 2: 0.926 / 0.689,
#: 2.5: 0.949 / 0.663, 3: 0.955 / 0.663; limit 300 x 2.67: 0.943 / 0.644, 500 x 1.6: 0.932 / 0.676,
#: 600 x 1.33: 0.943 / 0.668.  Deeper candidates do find the quotes whose passages rank 800-1,074 (long
#: passages that name the query word once), but the grouping gives them rows of their own, so together
#: falls; so does a support tier ranked with feedback words from the best 50 passages (0.943 / 0.658)
SUPPORT_FACTOR = 2.0


def separate_unknown_sources(refs: Sequence[PassageRef]) -> None:
    """Give each article of unknown outlet a column of its own.

    Two articles whose outlet could not be found are not one source; sharing
    the "Unknown outlet" column would make their figures look like one
    outlet contradicting itself.
    """
    for ref in refs:
        if ref.outlet == UNKNOWN_OUTLET:
            name = PurePosixPath(ref.relpath or ref.path).stem or ref.article_id
            ref.outlet = f"{UNKNOWN_OUTLET} · {name}"


def column_order(rows: Sequence[Row]) -> list[str]:
    """Outlets in the order of the first row they appear in, then by how many rows, then by name.

    Rows come ordered by how many outlets they span, so the outlets of the
    strongest comparison sit side by side on the left.
    """
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for i, r in enumerate(rows):
        for o in r.outlets:
            first.setdefault(o, i)
            counts[o] = counts.get(o, 0) + 1
    return sorted(counts, key=lambda o: (first[o], -counts[o], o.casefold()))


def compare_query(
    library: Any,
    query: str,
    outlets: Sequence[str] = (),
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    limit: int = DEPTH,
) -> Comparison:
    """Rows of sentences from different outlets that report the same fact (see :mod:`.retrieve`).

    A query asked again of an unchanged library (same filters, same alias book, same settings) is
    answered from :func:`_remembered` without grouping again.
    """
    key = _result_key(library, query, outlets, since, until, limit)
    # unpickling a remembered comparison makes as many objects as grouping does: held off for both
    with collector_paused():
        remember_pending()  # what an earlier comparison left to keep, before this one looks it up
        if key is not None:
            known = _remembered(key)
            if known is not None:
                return known
        # one look at the store's state and the alias book for the whole comparison (not one per article read)
        settled = getattr(library, "settled", None)
        with setting.gathered(), (settled() if settled is not None else nullcontext()):
            # (the settings: the articles' this comparison meets, for its grouping and flags only)
            comparison = _compare(library, query, outlets, since, until, progress, cancelled, limit)
        if key is not None:
            if getattr(library, "remember_later", False):
                with _PENDING_LOCK:
                    _PENDING.append((key, comparison))
            else:
                _remember(key, comparison)
    return comparison


#: comparisons still to be kept (their library's ``remember_later``): (key, comparison), pickled by
#: :func:`remember_pending` once the caller has handed the answer over, or by the next compare_query
_PENDING: list[tuple[tuple[Any, ...], Comparison]] = []
_PENDING_LOCK = threading.Lock()


def remember_pending() -> None:
    """Keep a copy of each comparison :func:`compare_query` returned before keeping it (a library with
    ``remember_later``: the window's comparing child sends the answer first, then calls this through
    :meth:`desk.library.Library.remember_compared`; pickling a 1,000-row comparison takes some 20 ms).
    The caller must not have changed the comparison meanwhile: the copy is what it holds now."""
    with _PENDING_LOCK:
        pending = list(_PENDING)
        _PENDING.clear()
    for key, comparison in pending:
        _remember(key, comparison)


_PAUSE_LOCK = threading.Lock()
#: how many callers hold the collector off, and whether it ran before the first (a dict, not module
#: integers: :func:`_settings` keys remembered comparisons by this module's plain values)
_PAUSE: dict[str, Any] = {"depth": 0, "resume": False}


@contextmanager
def collector_paused(set_aside: bool = True) -> Iterator[None]:
    """Python's cyclic garbage collector held off while the body runs (threads may nest it).

    A comparison makes hundreds of thousands of small objects (profiles, passage references, rows)
    and holds most of them till it returns, so the collector's full passes, each walking every object
    of the process (the open library's too), found nothing to free and took a third of a warm
    comparison's time.  Reference counting still frees everything as usual; cycles made meanwhile
    wait for the collector's next pass after the body.  ``set_aside=False``: what the body leaves
    alive is not moved out of the collector's generations (work that makes no comparison, such as
    writing the features file after one: :meth:`desk.library.Library.write_compare_features`).
    """
    with _PAUSE_LOCK:
        if _PAUSE["depth"] == 0:
            _PAUSE["resume"] = gc.isenabled()
            gc.disable()
        _PAUSE["depth"] += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _PAUSE["depth"] -= 1
            if _PAUSE["depth"] == 0 and _PAUSE["resume"]:
                if set_aside:
                    _set_aside_survivors()
                gc.enable()


#: move what a comparison leaves alive out of the collector's generations (:func:`_set_aside_survivors`)
FREEZE_SURVIVORS = True
#: ... and give the collector back everything frozen so after this many comparisons
UNFREEZE_EVERY = 64
#: comparisons whose survivors were frozen since the collector last saw them (a dict, as ``_PAUSE``)
_FROZEN: dict[str, int] = {"runs": 0}


def _set_aside_survivors() -> None:
    """What a comparison leaves alive goes to the collector's permanent generation (``gc.freeze``).

    A comparison's survivors are its answer and the new entries of the caches (profiles, row
    descriptions, articles and extractions): on ukraine-media 15,000-36,000 objects.  Left to the
    collector, the first young collection after each comparison walked them all (12-28 ms), every
    tenth comparison a middle collection walked some 350,000 (100-240 ms) and now and then a full
    one every object of the process (250-530 ms): the slowest warm comparisons.  Frozen objects are
    still freed by reference counting as usual, and a comparison leaves no garbage cycles (none
    found in 20 comparisons); so that any other cycle frozen meanwhile is found all the same, every
    :data:`UNFREEZE_EVERY` comparisons the frozen objects go back to the oldest generation, which
    the collector's next full pass walks.  Called with ``_PAUSE_LOCK`` held.
    """
    if not FREEZE_SURVIVORS:
        return
    _FROZEN["runs"] += 1
    if _FROZEN["runs"] >= UNFREEZE_EVERY:
        _FROZEN["runs"] = 0
        gc.unfreeze()
        return
    gc.freeze()


def _split_passages(units: Sequence[tuple[PassageRef, bool]]) -> set[tuple[str, int]]:
    """The passages (article id, number) that gave one of ``units`` (the best passages' sentences and their
    neighbours'): a supporting passage among them is split the same way again, so each of its sentences
    is one ``units`` holds, which the supporting sentences leave out (:func:`sentence_units` ``split``).
    On ukraine-media a tenth to a half of the supporting passages, each read, split and made into
    references for nothing."""
    return {(u.article_id, u.number) for u, _ in units}


def _compare(
    library: Any,
    query: str,
    outlets: Sequence[str],
    since: dt.date | str | None,
    until: dt.date | str | None,
    progress: Progress | None,
    cancelled: CancelCheck | None,
    limit: int,
) -> Comparison:
    """:func:`compare_query` without the remembered results."""
    if progress:
        progress(0, 0, "searching")
    deep = ranked_passages(library, query, tuple(outlets), since, until, depth=max(limit, int(limit * SUPPORT_FACTOR)))
    if deep is None:
        deep = _searched(library, query, outlets, since, until, limit)
    ranked, support = deep[:limit], deep[limit:]
    if cancelled is not None and cancelled():
        raise Cancelled()
    units = sentence_units(library, ranked)
    primary = {(u.article_id, u.start) for u, _ in units}
    if support:
        units += [
            (u, hit) for u, hit in sentence_units(library, support, neighbours=0, budget=0, split=_split_passages(units))
            if (u.article_id, u.start) not in primary
        ]
    if cancelled is not None and cancelled():
        raise Cancelled()
    refs = [u for u, _ in units]
    separate_unknown_sources(refs)
    features = stored.for_library(library)
    if features is not None:
        features.write_owed()  # what an earlier comparison left unwritten, before this one reads the file
        fresh = prefetch(refs, features)  # what earlier processes profiled (the data directory's features file)
        # ... and the parts they found of the figures, of the passages new to this process (the others' parts
        # are in memory since this process met them, or worked out again when a comparison needs them)
        prefetch_parts(fresh, features)
    hit_keys = {(u.article_id, u.start) for u, hit in units if hit or ALL_HITS}
    # rows are described (figures, flags; word differences on demand) once, after the filter and the cell merge below
    learned = getattr(library, "related_words", None)
    rows = build_rows(
        refs, progress, cancelled, hits=hit_keys, describe=False, related=learned() if learned is not None else None
    )
    if not KEEP_LONE_NEIGHBOURS or support:
        # a row of one outlet made only of sentences around the matches, without a figure,
        # says nothing to compare
        # (by the sentences of the best passages only: a supporting passage never keeps a row);
        # supporting passages complete rows, never make one (the rows stay those of the best passages)
        matched = {(u.article_id, u.start) for u, hit in units if hit and (u.article_id, u.start) in primary}
        rows = [r for r in rows if _kept_row(r, primary, matched, lone=not KEEP_LONE_NEIGHBOURS, support=bool(support))]
    # the words the search added to a plain query name it in the row order too
    words = plain_words(query)
    widened = (lambda w: related_alternatives(library, w, words)) if words else None
    rows = order_rows([_merge_cells(library, r) for r in rows], query, widened, _figure_filter(library, query))
    # a row without figures has nothing to describe: describe_row leaves a new row's fields as they are
    # (no statements, flags or summary), and its word differences are worked out on demand
    # (desk.compare.diff.row_word_diffs); so no key, no digest and no entry
    keys = [_row_key(r) if _has_claims(r) else None for r in rows]
    if features is not None:
        _prefetch_described([k for k in keys if k is not None], features)
    owed: list[tuple[bytes, Any]] = []
    for r, key in zip(rows, keys, strict=True):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if key is None:
            continue
        value = _describe(r, key)
        if value is not None and features is not None:
            owed.append((stored.row_digest(key), value))
    if features is not None:
        # written once the answer is out (the caller's Library.write_compare_features, else the next comparison)
        features.owe([*owed_sentences(), *owed_features(), *owed_parts(), *owed])
    filters: dict[str, str] = {}
    if outlets:
        filters["outlets"] = ", ".join(outlets)
    if since:
        filters["since"] = since if isinstance(since, str) else since.isoformat()
    if until:
        filters["until"] = until if isinstance(until, str) else until.isoformat()
    return Comparison(query=query, outlets=column_order(rows), rows=rows, mode="query", filters=filters)


#: whole comparisons remembered (pickled: each caller gets its own copy to change)
RESULTS_KEPT = 12
_RESULTS = _Recent()
#: the modules whose settings and functions make a comparison (a test or a session may change one)
_MAKERS = (
    "desk.compare", "desk.compare.asof", "desk.compare.diff", "desk.compare.disagree", "desk.compare.grouping",
    "desk.compare.frames", "desk.compare.joining",
    "desk.compare.order", "desk.compare.places", "desk.compare.profile", "desk.compare.quantity", "desk.compare.related",
    "desk.compare.retrieve", "desk.compare.statements", "desk.compare.stored", "desk.compare.tokens",
)
_PLAIN = (bool, int, float, str)


def _settings() -> tuple[Any, ...]:
    """Every top-level name of the modules that make a comparison: its value when plain, else
    which object it is, so a changed setting or a replaced function never meets a remembered result."""
    import importlib

    # all imported first, not lazily during the first compare (an import adds a name to its package)
    modules = [importlib.import_module(name) for name in _MAKERS]
    out: list[Any] = []
    for module in modules:
        out.append(
            tuple((k, v if type(v) in _PLAIN else id(v)) for k, v in vars(module).items() if not k.startswith("__"))
        )
    return tuple(out)


def _result_key(
    library: Any,
    query: str,
    outlets: Sequence[str],
    since: dt.date | str | None,
    until: dt.date | str | None,
    limit: int,
) -> tuple[Any, ...] | None:
    """What a comparison depends on, or None when the library cannot say when it changed."""
    state = getattr(library, "compare_state", None)
    if state is None or not RESULTS_KEPT or not getattr(library, "remember_comparisons", True):
        return None
    return (id(library), state(), query, tuple(outlets), str(since), str(until), limit, _settings())


def _remembered(key: tuple[Any, ...]) -> Comparison | None:
    import pickle

    data = _RESULTS.get(key)
    if data is None:
        return None
    comparison: Comparison = pickle.loads(data)
    comparison.created = dt.datetime.now(dt.UTC)
    return comparison


def _remember(key: tuple[Any, ...], comparison: Comparison) -> None:
    import pickle

    data = pickle.dumps(comparison, protocol=pickle.HIGHEST_PROTOCOL)
    _RESULTS.put(key, data, RESULTS_KEPT)


def clear_results() -> None:
    """Forget the remembered comparisons (the benchmark's cold runs)."""
    with _PENDING_LOCK:
        _PENDING.clear()
    _RESULTS.clear()


def _searched(
    library: Any,
    query: str,
    outlets: Sequence[str],
    since: dt.date | str | None,
    until: dt.date | str | None,
    limit: int,
) -> list[Candidate]:
    """Candidates through ``library.search`` (a library without the ranked path, or claimant: queries)."""
    expanded = expand_query(query)
    try:
        result = library.search(expanded, outlets=tuple(outlets), since=since, until=until, limit=limit)
    except QueryError:
        if expanded == query:
            raise
        result = library.search(query, outlets=tuple(outlets), since=since, until=until, limit=limit)
    return [Candidate(h.article_id, h.number, h.score, True) for h in result.hits]


#: descriptions of recent rows, by everything describe_row reads (a re-run of a query, the GUI's
#: refresh after an alias edit and the export meet the same rows again)
_DESCRIBED = _Recent()
#: rows, not passages: the benchmark's 50 queries describe some 35,000 (at 8,192 a round of them
#: re-read most descriptions from the features file, ~11 ms a warm comparison); ~1.5 KB each with the
#: key's texts (35,000 of them: +50 MB peak), so at most ~75 MB
_DESCRIBED_SIZE = 50_000


def _figure_filter(library: Any, query: str) -> Callable[[float], bool] | None:
    """The query's ``figure:`` clauses as a test of a value (None without any), for the row order."""
    from desk.index import querytree

    parse = getattr(getattr(library, "backend", None), "parse", None)
    if parse is None or "figure:" not in query.lower():
        return None
    try:
        ranges = querytree.wanted_ranges(parse(query), "figure")
    except QueryError:
        return None
    if not ranges:
        return None
    return lambda value: any(querytree.in_range(r, value) for r in ranges)


def _row_key(row: Row) -> tuple[Any, ...]:
    """What :func:`desk.compare.statements.describe_row` reads of a row: its cells in order and, per
    passage, its text, date, claims (figure and claimant), entities and its article's setting."""
    from .profile import claims_of

    return tuple(
        (
            outlet,
            tuple(
                (
                    r.article_id, r.number, r.start, r.end, r.text, r.date,
                    tuple(
                        (f.start, f.end, f.text, f.value, f.qualifier, f.kind, f.high, f.qualifier_start,
                         f.counted, c.claimant)
                        for c in claims_of(r)
                        for f in (c.figure,)
                    ),
                    tuple((e.start, e.end, e.text, e.label) for e in r.entities),
                    tuple(sorted(setting.setting_of(r.article_id) or ())),
                )
                for r in refs
            ),
        )
        for outlet, refs in row.cells.items()
    )


def _prefetch_described(keys: Sequence[tuple[Any, ...]], features: stored.FeatureFile) -> None:
    """Read the descriptions of rows (by :func:`_row_key`) not in memory from ``features`` into the
    memory :func:`_describe` reads (an earlier process described them)."""
    missing = {k: stored.row_digest(k) for k in keys if _DESCRIBED.get(k) is None}
    if not missing:
        return
    found = features.read(list(dict.fromkeys(missing.values())))
    for key, digest in missing.items():
        value = found.get(digest)
        if value is not None:
            _DESCRIBED.put(key, value, _DESCRIBED_SIZE)


def _describe(row: Row, key: tuple[Any, ...] | None = None) -> Any:
    """:func:`desk.compare.statements.describe_row`, remembered for rows met again (same passages,
    same claims): the warm re-run of a query describes nothing twice.  Returns the description when
    it was computed here (None when it was remembered)."""
    from .statements import describe_row

    if key is None:
        key = _row_key(row)
    hit = _DESCRIBED.get(key)
    if hit is not None:
        statements, disagreement, clashing, differences, summary = hit
        row.statements = list(statements)
        row.disagreement = disagreement
        row.clashing = list(clashing)
        row.differences = list(differences)
        row.summary = summary
        return None
    # word differences on demand (desk.compare.diff.row_word_diffs): the window shows each outlet's own
    # text and the differences only when asked; the exports work them out as they write
    describe_row(row, word_diffs=False)
    value = (tuple(row.statements), row.disagreement, tuple(row.clashing), tuple(row.differences), row.summary)
    _DESCRIBED.put(key, value, _DESCRIBED_SIZE)
    return value


def clear_described() -> None:
    """Forget the remembered row descriptions (the benchmark's cold runs)."""
    _DESCRIBED.clear()


def _kept_row(
    row: Row, primary: set[tuple[str, int]], matched: set[tuple[str, int]], *, lone: bool, support: bool
) -> bool:
    """Whether :func:`_compare` keeps ``row`` (keys: (article id, start) of the sentences of the best passages
    and of those that matched, ``matched`` within ``primary``).  ``lone``: a row of one outlet stays only when a
    sentence of the best passages in it matched or holds a figure; ``support``: a row stays only when it holds a
    sentence of the best passages.  One look at each sentence for both tests (they were two passes over the
    rows, each making the sentences' keys, and ``Row.outlets`` a list per row)."""
    several = sum(1 for cell in row.cells.values() if cell) > 1
    if not support and (several or not lone):
        return True
    in_primary = False
    for cell in row.cells.values():
        for p in cell:
            key = (p.article_id, p.start)
            if key in primary:
                if key in matched or has_claims(p):
                    return True  # (a sentence of the best passages: both tests pass)
                in_primary = True
    return (several or not lone) and (in_primary or not support)


def _has_claims(row: Row, among: set[tuple[str, int]] | None = None) -> bool:
    """Whether any passage of the row (of those ``among`` names by (article id, start), default all) holds
    a figure (what ``describe_row`` turns into statements)."""
    return any(
        has_claims(p) for cell in row.cells.values() for p in cell if among is None or (p.article_id, p.start) in among
    )


def _merge_cells(library: Any, row: Row) -> Row:
    """Sentences of one passage in one row become one reference spanning them."""
    for outlet, refs in row.cells.items():
        by_key: dict[tuple[str, int], list[PassageRef]] = {}
        for r in refs:
            by_key.setdefault(r.key, []).append(r)
        if all(len(v) == 1 for v in by_key.values()):
            continue
        merged: list[PassageRef] = []
        for key, group in by_key.items():
            if len(group) == 1:
                merged.append(group[0])
                continue
            s, e = min(r.start for r in group), max(r.end for r in group)
            try:
                article = library.article(key[0])
            except ArticleGone:  # removed since the search; any other error reaches the user
                merged.extend(group)
                continue
            ref = article_ref(library, article, key[1], s, e)
            ref.outlet = group[0].outlet
            ref.score = max(r.score for r in group)
            merged.append(ref)
        row.cells[outlet] = merged
    return row


def warm_up(library: Any) -> None:
    """Load now what the first comparison of a process would otherwise load while the user waits:
    the compare modules (numpy, rapidfuzz, dateutil and desk's own), the folder's related words
    (:meth:`desk.library.Library.related_words`, read from their cache file) and the alias book's
    names.  For a long-lived process that compares later (the window's comparing child); what
    cannot be loaded now is left for the comparison, which reports it."""
    _settings()  # imports every module that makes a comparison
    import importlib

    # ... and what its first steps import on their first call: numpy's masked arrays (np.unique asks
    # for them), the reading of stored figures and claimants (~15 ms of a first comparison)
    for name in ("numpy.ma", "desk.extract.store"):
        importlib.import_module(name)
    learned = getattr(library, "related_words", None)
    if learned is not None:
        learned()
    canon = getattr(library, "_canon", None)
    if canon is not None:
        canon()


def collate(
    library: Any,
    article_ids: Sequence[str],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """Collate indexed articles by id (see :func:`collate_articles`)."""
    articles = [library.article(a) for a in article_ids]
    extractions = [library.extraction(a) for a in article_ids]
    return collate_articles(articles, extractions, progress, cancelled)
