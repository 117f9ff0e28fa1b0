"""Searching the passage index: hits, highlights, outlet facets, filters.

One long-lived Whoosh searcher per library (opening one per query costs ~15x
more); ``refresh()`` after every commit.  Outlet/date filters are turned into
document sets once per distinct filter and cached until the next refresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3PerDocReader, _lenfield
from whoosh.columns import NumericColumn
from whoosh.index import Index
from whoosh.matching.binary import AndNotMatcher, IntersectionMatcher, UnionMatcher
from whoosh.matching.mcore import ListMatcher, NullMatcherClass
from whoosh.matching.wrappers import FilterMatcher, InverseMatcher
from whoosh.query.spans import SpanNear2
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.backend import RawHit, RawResult
from desk.index.bounds import as_datetime
from desk.index.claimants import ClaimantIndex

from .query import QueryBuilder, from_tree, to_tree

#: the most index words the wildcards and fuzzy terms of one query may stand for together; each word
#: is a posting list Whoosh opens and walks in Python.  On ukraine-media (37,700 words), measured on
#: the shared 2-core machine at load 12 (2026-12-06): ``kill*`` (5 words) 0.3 s, ``k*`` (1,379) 4 s,
#: ``s*`` (3,759) 21 s, ``?a*`` (5,964) 33 s, ``*e*`` (35,600 over body and title) 46 s
MAX_EXPANDED_WORDS = 2000
#: the most fuzzy terms (``killed~``) one query may hold: each is matched against every word of its field
#: however few words it stands for (ukraine-media, 2 cores: 33 ms a term to search, 80 ms to compare), so
#: a query of 2,000 characters of them (158 terms) searched for 6 s and compared for 10 s
MAX_FUZZY_TERMS = 12
#: the most changes a fuzzy term may allow (``killed~3``): Whoosh's automaton for a term grows steeply with
#: them (ukraine-media, 2 cores: ``~3`` 0.07 s a term, ``~4`` 0.23 s, ``~9`` up to 8 s, however few words
#: it then stands for: four terms of ``~9`` searched for 32 CPU-s); ``~`` alone allows 1
MAX_FUZZY_DISTANCE = 3


def _expansions(q: wq.Query) -> list[wq.Query]:
    """The leaves of ``q`` that Whoosh expands into many index words when it matches."""
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return [leaf for leaf in leaves if isinstance(leaf, wq.Prefix | wq.Wildcard | wq.FuzzyTerm)]


def _typed(leaf: wq.FuzzyTerm) -> str:
    """A fuzzy term's word as the user typed it ("killed"), its stem ("kill") where the parser did not say."""
    return getattr(leaf, "typed", "") or leaf.text


def _shown(leaf: wq.Query) -> str:
    """A wildcard or fuzzy term as the user wrote it (``*e*``, ``killed~9``, ``title:gas*``)."""
    field = "" if leaf.fieldname == "body" else f"{leaf.fieldname}:"
    if isinstance(leaf, wq.FuzzyTerm):
        return f"{field}{_typed(leaf)}~{leaf.maxdist}"
    return f"{field}{leaf.text}{'*' if isinstance(leaf, wq.Prefix) else ''}"


@dataclass(slots=True)
class _Scored:
    """One collected document: its score, number and matched (field, term) pairs."""

    score: float
    docnum: int
    terms: list[tuple[str, Any]]


#: the docnum -> article id / outlet columns, saved beside the index (never in the
#: article folder) so that a new process need not walk two Whoosh columns again
_COLUMNS_FILE = "doc-columns.npz"


def _snapshot_key(reader: Any) -> str:
    """What names one index snapshot: its generation, document count and segment ids.

    Segment ids are random per segment, so a rebuilt or updated index never
    shares a key with the snapshot a saved file was made from.
    """
    try:
        segs = sorted(sub.segment().segment_id() for sub, _ in reader.leaf_readers())
    except AttributeError:
        return ""
    return f"{reader.generation()}|{reader.doc_count_all()}|{','.join(segs)}"


def _columns_path(ix: Index) -> str | None:
    import os

    folder = getattr(getattr(ix, "storage", None), "folder", None)
    return os.path.join(os.path.dirname(os.path.abspath(folder)), _COLUMNS_FILE) if folder else None


def _load_columns(ix: Index, key: str) -> tuple[list[str], list[str], np.ndarray] | None:
    path = _columns_path(ix)
    if not key or path is None:
        return None
    try:
        with np.load(path, allow_pickle=False) as z:
            if str(z["key"]) != key:
                return None
            aids = z["aid_names"][z["aid_of_doc"]].tolist()
            outlets = z["outlet_names"][z["outlet_of_doc"]].tolist()
            days = np.asarray(z["day_of_doc"], dtype=np.int64)
    except (OSError, KeyError, ValueError, IndexError):
        return None  # missing, older or damaged: read the columns again
    return aids, outlets, days


def _days(searcher: Any) -> np.ndarray:
    """docnum -> the article's date as a day number (:data:`_UNDATED` for none), from the date column,
    a segment at a time (a segment whose documents have no date has no column)."""
    out = np.full(searcher.doc_count_all(), _UNDATED, np.int64)
    if "date" not in searcher.schema:
        return out
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        n = reader.doc_count_all()
        try:
            if not n or not reader.has_column("date"):
                continue
            # raw values: microseconds since 0001-01-01, the largest 64-bit value where a document has
            # no date (decoding that one as a datetime raises OverflowError)
            raw = np.fromiter(reader.column_reader("date", translate=False), np.uint64)[:n]
        except NotImplementedError:  # a reader of no segment (an empty index) has no columns
            continue
        dated = raw < np.uint64(2**63)
        part = np.full(len(raw), _UNDATED, np.int64)
        part[dated] = (raw[dated] // np.uint64(86_400_000_000)).astype(np.int64)
        out[offset : offset + len(part)] = part
    return out


#: the day number of an undated article: after every date, so undated articles come last among ties
_UNDATED = 10**7


def _save_columns(ix: Index, key: str, aids: list[str], outlets: list[str], days: np.ndarray) -> None:
    import os
    import tempfile

    path = _columns_path(ix)
    if not key or path is None or not aids:
        return
    aid_names, aid_of_doc = np.unique(np.array(aids, dtype=str), return_inverse=True)
    outlet_names, outlet_of_doc = np.unique(np.array(outlets, dtype=str), return_inverse=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".doc-columns-", suffix=".npz", dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as f:
            np.savez(
                f, key=np.array(key), aid_names=aid_names, aid_of_doc=aid_of_doc.astype(np.int32),
                outlet_names=outlet_names, outlet_of_doc=outlet_of_doc.astype(np.int32),
                day_of_doc=days.astype(np.int32),
            )
        os.replace(tmp, path)
    except OSError:
        # a read-only data folder: the cache is only a speed-up
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


def _body_phrases(tree: qt.Node | None) -> tuple[list[qt.Phrase], set[str]]:
    """The phrases of a query's body text that a hit may match, and the words found only inside them.

    A hit on ``"grain deal"`` shows where the phrase stands, not every "deal" and "grain" of the
    passage: those words are marked only as part of the phrase, unless the query also asks for one
    of them alone.  A prefix, wildcard or fuzzy word may match any of them: then every matched word
    keeps its marks.
    """
    if tree is None:
        return [], set()
    leaves = [leaf for leaf in qt.positive_leaves(tree) if getattr(leaf, "field", "") == "body"]
    phrases = [leaf for leaf in leaves if isinstance(leaf, qt.Phrase) and len(leaf.words) > 1]
    if not phrases or any(isinstance(leaf, qt.Prefix | qt.Wildcard | qt.Fuzzy) for leaf in leaves):
        return phrases, set()
    alone = {leaf.text for leaf in leaves if isinstance(leaf, qt.Term)}
    alone |= {leaf.words[0] for leaf in leaves if isinstance(leaf, qt.Phrase) and len(leaf.words) == 1}
    return phrases, {w for p in phrases for w in p.words} - alone


def _phrase_spans(toks: Sequence[tuple[str, int, int]], words: Sequence[str], slop: int) -> list[tuple[int, int]]:
    """Where ``words`` occur in order in ``toks`` (kept tokens: indexed form, start, end), each word
    1 to ``slop`` positions after the one before, as Whoosh's phrase matches them."""
    out: list[tuple[int, int]] = []
    for i, (w, start, _) in enumerate(toks):
        if w != words[0]:
            continue
        at = i
        for word in words[1:]:
            nxt = next((k for k in range(at + 1, min(len(toks), at + slop + 1)) if toks[k][0] == word), -1)
            if nxt < 0:
                break
            at = nxt
        else:
            out.append((start, toks[at][2]))
    return out


class PassageSearcher:
    def __init__(self, ix: Index, claimants: ClaimantIndex | None = None) -> None:
        self.ix = ix
        self.claimants = claimants
        # Index.schema re-reads and unpickles the TOC on every access (Whoosh
        # 2.7.4): read it once.  The schema only changes with FORMAT_VERSION,
        # which rebuilds the index and makes a new searcher.
        schema = ix.schema
        self._schema = schema
        self.builder = QueryBuilder(schema)
        self._body_analyzer = schema["body"].analyzer
        self._lock = threading.RLock()
        self._searcher: Searcher = ix.searcher()
        self._filters: dict[tuple[Any, ...], Any] = {}

    def refresh(self) -> None:
        with self._lock:
            new = self._searcher.refresh()
            if new is not self._searcher:
                self._searcher = new
                self._filters.clear()

    def close(self) -> None:
        with self._lock:
            self._searcher.close()

    def warm(self) -> None:
        """Read now what the first search of this snapshot would read while its user waits: the
        document columns and their arrays, which documents are live, the body and title lengths
        (for a long-lived process that searches later: the window's comparing child)."""
        with self._lock:
            if not self._searcher.doc_count_all():
                return  # an empty index: nothing to read (and its reader has no columns)
            self._doc_arrays()
            self._live()
            for field in ("body", "title"):
                if field in self._schema:
                    self._lengths(field)

    @property
    def searcher(self) -> Searcher:
        return self._searcher

    def filter_set(
        self,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
    ) -> Any:
        lo = as_datetime(since) if since else None
        hi = as_datetime(until, end=True) if until else None
        key = (tuple(sorted(o.lower() for o in outlets)), lo, hi)
        if key == ((), None, None):
            return None
        with self._lock:
            cached = self._filters.get(key)
            if cached is None:
                parts: list[wq.Query] = []
                if outlets:
                    parts.append(wq.Or([wq.Term("outlet_key", o.lower()) for o in outlets]))
                if lo or hi:
                    parts.append(wq.DateRange("date", lo, hi))
                q = parts[0] if len(parts) == 1 else wq.And(parts)
                cached = set(self._searcher.docs_for_query(q))
                self._filters[key] = cached
            return cached

    def _claimant_set(self, q: qt.Node) -> set[int]:
        """The documents of the passages whose claimants match ``q`` (claimant: clauses only)."""
        if self.claimants is None:
            return set()
        docnum = self._passage_docnums()
        return {d for d in (docnum.get(k) for k in self.claimants.passages(q)) if d is not None}

    def _passage_docnums(self) -> dict[tuple[str, int], int]:
        """(article id, passage number) -> document number of the live documents, once per snapshot."""
        cached = self._filters.get(("pnum",))
        if cached is None:
            reader = self._searcher.reader()
            aids, _outlets = self._doc_columns()
            numbers = list(reader.column_reader("pnum"))
            cached = {(aids[d], numbers[d]): d for d in reader.all_doc_ids()}
            self._filters[("pnum",)] = cached
        return cast(dict[tuple[str, int], int], cached)

    def _range_set(self, q: wq.Query) -> set[int]:
        key = ("range", repr(q))
        cached = self._filters.get(key)
        if cached is None:
            cached = set(self._searcher.docs_for_query(q))
            self._filters[key] = cached
        return cast(set[int], cached)

    def _split_ranges(self, q: wq.Query) -> tuple[wq.Query, list[set[int]]]:
        """Top-level ``figure:``/``date:`` clauses of an AND become cached filter sets.

        Whoosh 2.7.4 trips an assertion (``a_id != b_id`` in its intersection
        matcher) when a multi-valued NUMERIC range is intersected with terms on a
        large index; as filters they are also faster (WHOOSH.md: cached sets).
        """
        if isinstance(q, wq.And):
            ranges = [c for c in q.subqueries if isinstance(c, wq.NumericRange | wq.DateRange)]
            rest = [c for c in q.subqueries if not isinstance(c, wq.NumericRange | wq.DateRange)]
            if ranges and rest:
                query = rest[0] if len(rest) == 1 else wq.And(rest)
                return query, [self._range_set(r) for r in ranges]
            if ranges:
                return ranges[0], [self._range_set(r) for r in ranges[1:]]
        return q, []

    def parse(self, text: str) -> qt.Node:
        """The user's query as desk's query tree; QueryError with a sentence when it is malformed."""
        return to_tree(self.builder.parse(text))

    def search(
        self,
        query: qt.Node | str,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        limit: int = 20,
        per_article: int = 2,
        facets: bool = True,
    ) -> RawResult:
        tree = self.parse(query) if isinstance(query, str) else query
        rest, required, excluded = qt.split_claimants(tree)
        self.refresh()  # another process may have committed since: never search a stale snapshot
        with self._lock:
            flt = self.filter_set(outlets, since, until)
            mask = None
            if required or excluded:
                for part in required:
                    docs = self._claimant_set(part)
                    flt = docs if flt is None else flt & docs
                mask = set().union(*(self._claimant_set(part) for part in excluded)) if excluded else None
                if mask and flt is not None:
                    flt, mask = flt - mask, None  # one set: the facet counts then see it too
            q = from_tree(rest) if rest is not None else wq.Every()
            q, range_sets = self._split_ranges(q)
            self._bound_expansion(q)
            for docs in range_sets:
                flt = docs if flt is None else flt & docs
            if flt is not None and not flt:
                return RawResult([], 0, {})
            s = self._searcher
            # at most ``per_article`` per article, chosen among *every* match (Whoosh's collapse= would
            # hide matches from the counts; a deeper top list collapsed afterwards, as before, was filled
            # by one long file whose every passage matched, and the other articles vanished)
            limit = max(1, limit)
            try:
                chosen, matched = self._collect(q, limit, flt, mask, per_article)
            except AssertionError as exc:  # 2.7.4's intersection matcher, see _split_ranges
                raise QueryError(
                    "desk cannot combine figure: or date: inside OR/NOT groups on this library; "
                    "use them at the top level of the query (they are ANDed with the rest)."
                ) from exc
            phrases, phrase_only = _body_phrases(rest)
            hits: list[RawHit] = []
            for item in chosen:
                fields = s.stored_fields(item.docnum)
                start = fields["start"]
                spans: list[tuple[int, int]] = []
                words = {
                    t.decode("utf-8") if isinstance(t, bytes) else str(t)
                    for f, t in item.terms if f == "body"
                }
                if words:
                    spans = self._spans(fields["body"], words - phrase_only, phrases)
                hits.append(
                    RawHit(
                        aid=fields["aid"],
                        number=fields["number"],
                        start=start,
                        end=fields["end"],
                        text=fields["body"],
                        outlet=fields["outlet"],
                        score=item.score,
                        highlights=[(start + a, start + b) for a, b in spans],
                    )
                )
            counts = self._facets(matched) if facets and hits else {}
            return RawResult(hits, len(matched), counts)

    def ranked(
        self,
        groups: Sequence[qt.Node],
        depth: int,
        outlets: Sequence[str] = (),
        since: dt.date | dt.datetime | str | None = None,
        until: dt.date | dt.datetime | str | None = None,
        per_article: int = 0,
    ) -> list[tuple[str, int, float]]:
        """The best ``depth`` passages ``(article id, passage number, score)`` of the articles in
        which every group matches somewhere, ranked by the OR of the groups (one group: itself);
        at most ``per_article`` of one article when it is positive.

        Top-level ``figure:``/``date:`` clauses of a group filter every group (as in :meth:`search`).
        """
        if not groups:
            return []
        self.refresh()
        with self._lock:
            flt = self.filter_set(outlets, since, until)
            if flt is not None and not flt:
                return []
            art = self._doc_arrays()[0]
            aids = self._doc_columns()[0]
            queries = []
            for group in groups:
                q, ranges = self._split_ranges(from_tree(group))
                self._bound_expansion(q)
                for docs in ranges:
                    flt = docs if flt is None else flt & docs
                queries.append(q)
            ranking = queries[0] if len(queries) == 1 else wq.Or(queries).normalize()
            try:
                eligible: np.ndarray | None = None
                for q in queries:
                    _top, matched = self._collect(q, 1, flt, None)
                    arts = np.unique(art[matched])
                    eligible = arts if eligible is None else np.intersect1d(eligible, arts)
                if eligible is None or not len(eligible):
                    return []
                # ranked among the passages of the eligible articles only: the best ``depth`` of the whole
                # index (it once fetched depth * 8) could leave out eligible passages that rank below
                # passages of other articles ("fighting" of "Bakhmut fighting": 207 of 212 came back)
                keep = np.zeros(int(art.max()) + 1 if len(art) else 0, dtype=bool)
                keep[eligible] = True
                pool = np.flatnonzero(keep[art])
                if flt is not None:
                    pool = pool[self._member(flt)[pool]]
                allowed = set(pool.tolist())
                top, matched = self._collect(ranking, depth, allowed, None, per_article)
                if len(top) == depth < len(matched) and top[0].score == top[-1].score:
                    top = self._spread_ties(ranking, depth, allowed, len(matched))
            except AssertionError as exc:  # 2.7.4's intersection matcher, see _split_ranges
                raise QueryError(
                    "desk cannot combine figure: or date: inside OR/NOT groups; use them at the top level."
                ) from exc
            # the passage numbers from their column (the stored fields: a decompression per hit, ~9 ms for 400)
            numbers = self._number_column()
            return [(aids[item.docnum], int(numbers[item.docnum]), float(item.score)) for item in top]

    def _bound_expansion(self, q: wq.Query) -> None:
        """QueryError with a sentence when the query's wildcards and fuzzy terms stand for more than
        :data:`MAX_EXPANDED_WORDS` index words (``*e*``, ``?a*``, ``s*``, ``killed~9``): Whoosh would
        walk every one's postings, for minutes, with no way to stop it.  Counted once per word and
        snapshot (the count reads the word list, as the search would)."""
        reader = self._searcher.reader()
        leaves = _expansions(q)
        fuzzy_terms = {(leaf.fieldname, leaf.text, leaf.maxdist) for leaf in leaves if isinstance(leaf, wq.FuzzyTerm)}
        far = next((leaf for leaf in leaves if isinstance(leaf, wq.FuzzyTerm) and leaf.maxdist > MAX_FUZZY_DISTANCE),
                   None)
        if far is not None:
            raise QueryError(
                f"{_shown(far)!r} allows {far.maxdist} changes to the word; desk reads at most {MAX_FUZZY_DISTANCE} "
                f"({_typed(far)}~2 finds words two letters apart)."
            )
        if len(fuzzy_terms) > MAX_FUZZY_TERMS:
            raise QueryError(
                f"The query has {len(fuzzy_terms):,} fuzzy words (~); desk reads at most {MAX_FUZZY_TERMS} in one "
                "query, since each is compared with every word of the folder: keep the ~ for the words "
                "whose spelling varies."
            )
        total = 0
        for leaf in leaves:
            key = ("expansion", type(leaf).__name__, leaf.fieldname, leaf.text,
                   getattr(leaf, "maxdist", 0), getattr(leaf, "prefixlength", 0))
            n = self._filters.get(key)
            if n is None:
                n = sum(1 for _ in zip(range(MAX_EXPANDED_WORDS + 1), leaf._btexts(reader), strict=False))  # noqa: SLF001
                self._filters[key] = n
            total += n
            if total > MAX_EXPANDED_WORDS:
                fuzzy = isinstance(leaf, wq.FuzzyTerm)
                raise QueryError(
                    f"{_shown(leaf)!r} stands for more than {MAX_EXPANDED_WORDS:,} different words in this folder"
                    f"{' (with the other wildcards of the query)' if n <= MAX_EXPANDED_WORDS else ''}, "
                    "too many to search in reasonable time: "
                    + ("allow fewer changes (killed~2)." if fuzzy else "write more of the word (ukrain*, *grain).")
                )

    def _spread_ties(self, ranking: wq.Query, depth: int, allowed: set[int], matched: int) -> list[_Scored]:
        """The ``depth`` passages of a query that ranks nothing, taken from every outlet in turn.

        A date, a figure range, an outlet or ``*`` gives every passage one score, and the best
        ``depth`` by score were the first in the index's order: "date:2022-03-01" compared 4 of
        the 14 outlets that wrote that day.  Here the passages that tie with the best are dealt
        out one outlet at a time, each outlet's in index order, until ``depth`` are taken.
        """
        scored, _ = self._collect(ranking, matched, allowed, None)
        best = scored[0].score
        outlet_of = self._doc_columns()[1]
        queues: dict[str, list[_Scored]] = {}
        for item in scored:
            if item.score == best:
                queues.setdefault(outlet_of[item.docnum], []).append(item)
        taken: list[_Scored] = []
        turn = 0
        while len(taken) < depth:
            row = [q[turn] for q in queues.values() if turn < len(q)]
            if not row:
                break
            taken.extend(row[: depth - len(taken)])
            turn += 1
        return taken

    def _number_column(self) -> Any:
        """docnum -> passage number (the ``pnum`` column, read per document as asked), once per snapshot."""
        cached = self._filters.get(("pnum column",))
        if cached is None:
            cached = self._searcher.reader().column_reader("pnum")
            self._filters[("pnum column",)] = cached
        return cached

    def _spans(
        self, text: str, words: set[str], phrases: Sequence[qt.Phrase] = ()
    ) -> list[tuple[int, int]]:
        """Character spans of the tokens of ``text`` whose indexed form is one of ``words``, and of
        each place where one of ``phrases`` occurs (one span from its first word to its last).

        Whoosh's Pinpoint path (chars=True) first loads the positions of every matched
        term in *every* matching document; for a wildcard over ukraine-media that was
        2 s.  Re-analysing just the shown passage (a few hundred characters) with the
        field's own analyzer gives the same spans in well under a millisecond.
        """
        # (indexed form, start, end) of each token the index keeps, in order: the index numbers these
        # positions without the stop words between them (StopFilter renumbers), and so does a phrase
        toks = [
            (tok.text, tok.startchar, tok.endchar)
            for tok in self._body_analyzer(text, chars=True, mode="index", removestops=False)
            if not tok.stopped
        ]
        spans = [(a, b) for w, a, b in toks if w in words]
        for phrase in phrases:
            spans += _phrase_spans(toks, phrase.words, phrase.slop)
        return sorted(set(spans))

    def _doc_columns(self) -> tuple[list[str], list[str]]:
        """docnum -> article id and docnum -> outlet, read once per searcher snapshot."""
        cols = self._filters.get(("columns",))
        if cols is None:
            reader = self._searcher.reader()

            def text(v: Any) -> str:
                return v.decode("utf-8") if isinstance(v, bytes) else str(v)

            key = _snapshot_key(reader)
            cols = _load_columns(self.ix, key) if reader.doc_count_all() else ([], [], np.zeros(0, np.int64))
            if cols is None:
                aids = [text(v) for v in reader.column_reader("aid")]
                outlets = [text(v) for v in reader.column_reader("outlet")]
                days = _days(self._searcher)
                cols = (aids, outlets, days)
                _save_columns(self.ix, key, aids, outlets, days)
            self._filters[("columns",)] = cols[:2]
            self._filters[("days",)] = cols[2]
        return cast(tuple[list[str], list[str]], cols[:2])

    def _doc_arrays(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """docnum -> article number, article number -> outlet number, outlet names.

        Numbered once per searcher snapshot from the cached columns, so that the
        facet counts are a few array operations however many passages match.
        """
        cached = self._filters.get(("arrays",))
        if cached is None:
            aids, outlets = self._doc_columns()
            cached = _numbered(aids, outlets, self._filters.get(("days",)))
            self._filters[("arrays",)] = cached
        return cast(tuple[np.ndarray, np.ndarray, list[str]], cached)

    def _facets(self, matched: np.ndarray) -> dict[str, int]:
        """Matched articles per outlet, from every matching passage (not only the top ones).

        Whoosh's ``groupedby`` made every search collect and categorise all
        matches (2.7 s for "ukraine" on ukraine-media under load); the matched
        document numbers and two cached arrays give the same counts in about a
        millisecond.
        """
        if not len(matched):
            return {}
        art, outlet_of_article, names = self._doc_arrays()
        per_outlet = np.bincount(outlet_of_article[np.unique(art[matched])], minlength=len(names))
        return {names[i]: int(n) for i, n in enumerate(per_outlet.tolist()) if n}

    # -- collecting: every match counted, the best ``fetch`` kept

    def _collect(
        self, q: wq.Query, fetch: int, flt: set[int] | None, mask: set[int] | None, per_article: int = 0
    ) -> tuple[list[_Scored], np.ndarray]:
        """The ``fetch`` best documents (score descending, then article and docnum ascending: see :func:`_numbered`)
        and all matched docnums;
        with ``per_article`` positive, no more than that many of one article's passages among them
        (each article's best), the rest of the ``fetch`` going to the next best of other articles.

        Whoosh's own collectors were the slow part of broad queries: with
        ``terms=True`` every match went through the TermsCollector, the matcher
        tree was rebuilt (``replace``) every 10 documents (for ``coun*``, an OR
        of ~100 terms, that was most of the time), and block-quality skipping
        left the skipped documents out of ``docterms``, so the outlet counts
        missed matches ("ukraine": 22,905 of 23,033 passages; "coun*": 3,872 of
        12,100).  Here every match is scored once, which also gives exact
        counts: in bulk with numpy when the matcher tree is made of terms,
        OR, AND and NOT (:meth:`_collect_arrays`), else by walking Whoosh's
        matcher (:meth:`_collect_matcher`, phrases for example).
        """
        if isinstance(q, wq.Every) and q.fieldname in (None, "", "*") and flt is not None:
            # a claimant-only query: Every's own matcher lists the live documents with one
            # is_deleted() call each (~65 ms on ukraine-media) only for the filter to keep a few
            docs = np.fromiter(sorted(flt), np.int64, len(flt))
            docs = docs[self._live()[docs]]
            if mask is not None:
                docs = docs[~self._member(mask)[docs]]
            # one score for all: in desk's order of ties (article number, then docnum)
            shown = docs[np.lexsort((docs, self._doc_arrays()[0][docs]))]
            if per_article > 0:
                shown = docs[self._capped(docs, np.full(len(docs), float(q.boost)), per_article)]
            top = [_Scored(float(q.boost), d, []) for d in shown[:fetch].tolist()]
            return top, docs
        found = self._collect_arrays(q, fetch, flt, mask, per_article)
        if found is not None:
            return found
        if per_article <= 0:
            return self._collect_matcher(q, fetch, flt, mask)
        # every match scored and kept, then capped per article (the walk keeps terms as it goes)
        everything, matched = self._collect_matcher(q, max(1, len(self._live())), flt, mask)
        docs = np.fromiter((t.docnum for t in everything), np.int64, len(everything))
        scores = np.fromiter((t.score for t in everything), np.float64, len(everything))
        keep = self._capped(docs, scores, per_article)[:fetch]
        return [everything[i] for i in keep.tolist()], matched

    def _capped(self, docs: np.ndarray, scores: np.ndarray, per_article: int) -> np.ndarray:
        """Indices into ``docs`` of each article's best ``per_article`` matches, all of them best first
        (score descending, then article and docnum ascending)."""
        article = self._doc_arrays()[0]
        order = np.lexsort((docs, article[docs], -scores))
        if not len(order):
            return order
        art = article[docs[order]]
        by_article = np.argsort(art, kind="stable")  # each article's matches together, best first
        grouped = art[by_article]
        first = np.ones(len(grouped), bool)
        first[1:] = grouped[1:] != grouped[:-1]
        starts = np.flatnonzero(first)
        rank = np.empty(len(order), np.int64)
        rank[by_article] = np.arange(len(order)) - starts[np.cumsum(first) - 1]
        return order[rank < per_article]

    def _collect_matcher(
        self, q: wq.Query, fetch: int, flt: set[int] | None, mask: set[int] | None
    ) -> tuple[list[_Scored], np.ndarray]:
        """Whoosh's matcher walked once: what its TopCollector keeps, plus every match.

        The heap keeps what ``TopCollector`` keeps, except that ties of score go to the lower article
        number, then the lower docnum (:func:`_numbered`: the same order from every build of the index,
        where ``TopCollector`` gives them to the lower docnum), and the matched terms are read from the
        term matchers when a document enters the heap, as ``TermsCollector`` reads them.
        """
        s = self._searcher
        article = self._doc_arrays()[0]
        heap: list[tuple[float, int, int, list[tuple[str, Any]]]] = []
        matched: list[int] = []
        context = s.context(needs_current=True)
        for sub, offset in s.leaf_searchers():
            m = q.matcher(sub, context)
            terms_at = _TermsAt(list(m.term_matchers()))
            while m.is_active():
                docnum = m.id() + offset
                if (flt is None or docnum in flt) and (mask is None or docnum not in mask):
                    matched.append(docnum)
                    score = m.score()
                    key = (score, -int(article[docnum]), -docnum)
                    if len(heap) < fetch:
                        heapq.heappush(heap, (*key, terms_at(docnum - offset)))
                    elif key > heap[0][:3]:
                        heapq.heapreplace(heap, (*key, terms_at(docnum - offset)))
                m.next()
        heap.sort(key=lambda item: (-item[0], -item[1], -item[2]))
        top = [_Scored(float(score), -neg, terms) for score, _, neg, terms in heap]
        return top, np.array(matched, dtype=np.int64)

    def _collect_arrays(
        self, q: wq.Query, fetch: int, flt: set[int] | None, mask: set[int] | None, per_article: int = 0
    ) -> tuple[list[_Scored], np.ndarray] | None:
        """Whoosh's matcher tree evaluated over whole posting lists with numpy; None if it cannot be.

        "ukraine" matches 23,033 of 63,546 passages, and Whoosh scores them one
        Python call chain at a time.  Here each term's posting blocks are read as
        arrays and scored with BM25F's formula in Whoosh's operation order, and
        OR/AND/NOT nodes add the scores in the order the matcher tree adds them,
        so the scores are the same IEEE doubles (tests/index/test_search_arrays.py
        compares them with Whoosh's own search).  Any other node (a phrase, a
        boost, another weighting) returns None and the matcher walk takes over.
        """
        s = self._searcher
        if not isinstance(s.weighting, BM25F):
            return None
        context = s.context(needs_current=True)
        docs_parts: list[np.ndarray] = []
        score_parts: list[np.ndarray] = []
        leaves: list[tuple[tuple[str, Any], np.ndarray]] = []
        for sub, offset in s.leaf_searchers():
            m = q.matcher(sub, context)
            found = _arrays(m, offset, _Arrays(self._lengths, self._live(), leaves, self._postings()))
            if found is None:
                return None
            docs_parts.append(found[0] + offset)
            score_parts.append(found[1])
        docs = np.concatenate(docs_parts) if docs_parts else np.zeros(0, np.int64)
        scores = np.concatenate(score_parts) if score_parts else np.zeros(0, np.float64)
        keep = self._live()[docs]  # a segment's postings still list its deleted documents
        if flt is not None:
            keep &= self._member(flt)[docs]
        if mask is not None:
            keep &= ~self._member(mask)[docs]
        docs, scores = docs[keep], scores[keep]
        if per_article > 0:
            order = self._capped(docs, scores, per_article)[:fetch]
        else:
            order = self._best(docs, scores, fetch, self._doc_arrays()[0])
        best = docs[order]
        top = [_Scored(sc, d, []) for sc, d in zip(scores[order].tolist(), best.tolist(), strict=True)]
        for term, ids in leaves:  # one array operation per term (coun* has ~100), not per document
            for i in np.flatnonzero(np.isin(best, ids)).tolist():
                top[i].terms.append(term)
        return top, docs

    @staticmethod
    def _best(docs: np.ndarray, scores: np.ndarray, fetch: int, article: np.ndarray) -> np.ndarray:
        """Indices into ``docs`` of the ``fetch`` best matches, best first (score descending, then article
        number ``article[docnum]`` and docnum ascending)."""
        n = min(fetch, len(docs))
        if n < len(docs):
            # the n-th best score; everything above it, and the first of those equal to it
            cut = np.partition(scores, len(scores) - n)[len(scores) - n]
            cand = np.flatnonzero(scores >= cut)
        else:
            cand = np.arange(len(docs))
        return cand[np.lexsort((docs[cand], article[docs[cand]], -scores[cand]))][:n]

    def _lengths(self, field: str) -> np.ndarray:
        """docnum -> the field length BM25F uses (Whoosh's one-byte approximation), once per snapshot."""
        key = ("lengths", field)
        cached = self._filters.get(key)
        if cached is None:
            s = self._searcher
            cached = np.zeros(s.doc_count_all(), np.float64)
            for sub, offset in s.leaf_searchers():
                reader = sub.reader()
                cached[offset : offset + reader.doc_count_all()] = _segment_lengths(reader, field)
            self._filters[key] = cached
        return cast(np.ndarray, cached)

    def _postings(self) -> _Postings:
        """The scored posting lists read from this snapshot (:func:`_leaf`)."""
        cached = self._filters.get(("postings",))
        if cached is None:
            cached = self._filters[("postings",)] = _Postings(POSTINGS_KEPT)
        return cast(_Postings, cached)

    def _live(self) -> np.ndarray:
        """docnum -> not deleted, once per snapshot."""
        cached = self._filters.get(("live",))
        if cached is None:
            s = self._searcher
            cached = np.zeros(s.doc_count_all(), bool)
            for sub, offset in s.leaf_searchers():
                reader = sub.reader()
                if not reader.has_deletions():
                    # every document of the segment is live: no call per document (63,000 on
                    # ukraine-media, a tenth of a one-question process's search)
                    cached[offset : offset + reader.doc_count_all()] = True
                    continue
                cached[np.fromiter(reader.all_doc_ids(), np.int64) + offset] = True
            self._filters[("live",)] = cached
        return cast(np.ndarray, cached)

    def _member(self, docs: set[int]) -> np.ndarray:
        """A filter set as a boolean array over docnums (about 1 ms for 40,000 documents)."""
        arr = np.zeros(self._searcher.doc_count_all(), bool)
        arr[np.fromiter(docs, np.int64, len(docs))] = True
        return arr


class _TermsAt:
    """The terms of a matcher tree's term matchers that stand on a document, asked in docnum order.

    What ``TermsCollector`` reads: ``[tm.term() for tm in term_matchers if tm.is_active() and tm.id() ==
    doc]``, in the term matchers' order.  That scan costs one Python call per term matcher per
    document, and a wildcard that matches every word of the index (``**``, ``?*``) has one term
    matcher per word: 100,000 words times 25,000 passages never finished (28 s for ``**`` on 300
    articles of ukraine-media).  With more than :data:`SCAN` term matchers they wait in a heap keyed
    by the document each last stood on, so a document looks only at the matchers that can stand on
    it: each matcher is looked at about once per document it moves to.  Asked for documents in
    ascending order (the matcher walk's order), as the walk asks.
    """

    #: up to this many term matchers the plain scan is cheaper than the heap
    SCAN = 64

    def __init__(self, termmatchers: list[Any]) -> None:
        self.termmatchers = termmatchers
        self.waiting: list[tuple[int, int]] | None = None
        if len(termmatchers) > self.SCAN:
            self.waiting = [(tm.id(), i) for i, tm in enumerate(termmatchers) if tm.is_active()]
            heapq.heapify(self.waiting)

    def __call__(self, doc: int) -> list[tuple[str, Any]]:
        tms = self.termmatchers
        waiting = self.waiting
        if waiting is None:
            return [tm.term() for tm in tms if tm.is_active() and tm.id() == doc]
        on: list[int] = []
        behind: list[tuple[int, int]] = []  # not moved up to ``doc`` (a matcher the tree did not advance)
        while waiting and waiting[0][0] <= doc:
            _, i = heapq.heappop(waiting)
            tm = tms[i]
            if not tm.is_active():
                continue
            at = tm.id()
            if at == doc:
                on.append(i)
                behind.append((at, i))
            elif at < doc:
                behind.append((at, i))
            else:
                heapq.heappush(waiting, (at, i))
        for item in behind:
            heapq.heappush(waiting, item)
        return [tms[i].term() for i in sorted(on)]


def _numbered(
    aids: Sequence[str], outlets: Sequence[str], days: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """docnum -> article number, article number -> outlet number, outlet names (:meth:`PassageSearcher._doc_arrays`).

    Articles are numbered by date, earliest first (``days``: docnum -> day number, undated last), then by
    id, which names the file; not in the order their documents were written, which a rebuild of the index
    may change.  Ranking breaks ties of score by article number, then by document: equal scores come out
    in the same order from every build of one folder, and of copies that score alike (a wire story many
    outlets ran) the first published comes first.  Outlets are numbered in the order of their first
    document; an article's outlet is its last document's.  Built with dicts (C loops) rather than a
    Python step and a numpy element write per document, which were most of the first search of a process.
    """
    day_of: dict[str, int] = {}
    if days is not None and len(days) == len(aids):
        day_of = dict(zip(aids, days.tolist(), strict=True))
    article_of = {a: i for i, a in enumerate(sorted(set(aids), key=lambda a: (day_of.get(a, _UNDATED), a)))}
    outlet_no = {o: i for i, o in enumerate(dict.fromkeys(outlets))}
    art = np.fromiter(map(article_of.__getitem__, aids), np.int64, len(aids))
    last = {a: d for d, a in enumerate(aids)}  # the last document of each article
    outlet_of_article = np.zeros(len(article_of), np.int64)
    outlet_of_article[np.fromiter(map(article_of.__getitem__, last), np.int64, len(last))] = np.fromiter(
        (outlet_no[outlets[d]] for d in last.values()), np.int64, len(last)
    )
    return art, outlet_of_article, list(outlet_no)


#: length byte -> field length, as Whoosh decodes it (0 -> 0: no length stored)
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], np.float64)


def _segment_lengths(reader: Any, field: str) -> np.ndarray:
    """One segment's field lengths, as ``doc_field_length`` gives them (0 where it gives None).

    Whoosh stores them as one byte per document in a column; reading that column
    in one piece takes about a millisecond for 63,000 documents, against 60 ms for
    63,000 ``doc_field_length`` calls (the first search after every commit paid it).
    """
    n = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    col: Any = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if perdoc is not None else None
    if perdoc is not None and col is None and type(perdoc) is W3PerDocReader:
        # no document of the segment has the field (a segment of one long article's passages holds no
        # title): each ``doc_field_length`` would look for the column's file again (a stat per document:
        # 12 s for the 173,000 passages of a 48 MB article, at the first search after each commit) to
        # give the default
        return np.ones(n, np.float64)
    if type(col) is NumericColumn.Reader and col._typecode == "B":
        raw = np.frombuffer(bytes(col._dbfile.get(col._basepos, min(n, col._count))), np.uint8)
        out = np.zeros(n, np.float64)
        out[: len(raw)] = _LENGTH_OF_BYTE[raw]
        return out
    return np.array([reader.doc_field_length(d, field, 1) or 0 for d in range(n)], np.float64)


def _leaf(m: Any, offset: int, ctx: _Arrays, values: list[Any] | None) -> tuple[np.ndarray, np.ndarray] | None:
    """One term's whole posting list: docnums and scores (and, into ``values``, the raw posting values).

    Without ``values`` the answer is kept in ``ctx.postings`` (the snapshot's, :class:`_Postings`): a
    compare searches each group of its query twice (which articles match, then the ranking), and a
    session's queries share their frequent words, whose posting lists were most of a warm compare's
    search (decompressing and unpickling "russia"'s blocks again each time)."""
    scorer = m.scorer
    if not isinstance(scorer, BM25FScorer | WeightScorer):
        return None
    key: tuple[Any, ...] | None = None
    if values is None and ctx.postings is not None:
        if isinstance(scorer, WeightScorer):
            key = (offset, m.term(), "weight")
        else:
            key = (offset, m.term(), "bm25", scorer.idf, scorer.avgfl, scorer.B, scorer.K1)
        known = ctx.postings.get(key)
        if known is not None:
            return known
    found = _read_leaf(m, offset, ctx, values, scorer)
    if key is not None and ctx.postings is not None:
        ctx.postings.put(key, found)
    return found


class _Postings:
    """Scored posting lists of one index snapshot, the least recently used dropped first when they hold more
    than :data:`POSTINGS_KEPT` postings.  The arrays are read-only: every caller gets the same ones."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self._kept: OrderedDict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> tuple[np.ndarray, np.ndarray] | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: tuple[Any, ...], value: tuple[np.ndarray, np.ndarray]) -> None:
        n = len(value[0])
        if n > self.limit or key in self._kept:
            return
        for a in value:
            a.flags.writeable = False
        self._kept[key] = value
        self.size += n
        while self.size > self.limit:
            _, old = self._kept.popitem(last=False)
            self.size -= len(old[0])


#: postings (docnum and score, 16 bytes each) kept per snapshot for searches to come (:class:`_Postings`):
#: the longest list of ukraine-media ("ukraine") holds 23,000
POSTINGS_KEPT = 1_000_000


def _read_leaf(
    m: Any, offset: int, ctx: _Arrays, values: list[Any] | None, scorer: Any
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_leaf`'s answer read from the index."""
    field = m.term()[0]
    m.reset()
    ids: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    while m.is_active():
        m._read_ids()
        m._read_weights()
        ids.append(np.asarray(m._ids, dtype=np.int64))
        weights.append(np.asarray(m._weights, dtype=np.float64))
        if values is not None:
            m._read_values()
            values.extend(m._values)
        m._next_block()
    docs = np.concatenate(ids) if ids else np.zeros(0, np.int64)
    tf = np.concatenate(weights) if weights else np.zeros(0, np.float64)
    if isinstance(scorer, WeightScorer):
        return docs, tf
    fl = ctx.lengths(field)[docs + offset]
    # whoosh.scoring.bm25, operation for operation
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    return docs, idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))


def _merge_sorted(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The sorted union of two sorted arrays of distinct docnums (what ``np.union1d`` gives).

    ``union1d`` hashes or sorts its input afresh: an OR of a few hundred frequent words ("said OR we OR
    they ..."), whose union tree merges every level's postings again, spent most of its search there
    (ukraine-media, 270 words: 1.5 of 2.9 s).  The stable sort of two sorted runs is one linear merge."""
    if not len(a):
        return b
    if not len(b):
        return a
    docs = np.concatenate((a, b))
    docs.sort(kind="stable")
    keep = np.empty(len(docs), dtype=bool)
    keep[0] = True
    np.not_equal(docs[1:], docs[:-1], out=keep[1:])
    return docs[keep]


def _tree_sum(parts: list[np.ndarray]) -> np.ndarray:
    """Scores added in the order of Whoosh's make_binary_tree of intersection matchers."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _tree_sum(parts[:half]) + _tree_sum(parts[half:])


def _phrase(m: Any, offset: int, ctx: _Arrays) -> tuple[np.ndarray, np.ndarray] | None:
    """A phrase (Whoosh's SpanNear2 matcher: ordered, each word 1..slop positions after the previous).

    The documents holding every word are found and scored with arrays, as an
    intersection of the words' postings (which is how Whoosh scores a phrase); only
    their positions are then decoded and checked, one candidate at a time.
    """
    if not (m.ordered and m.mindist == 1 and m.slop >= 1 and m.boost == 1.0):
        return None
    docs: np.ndarray | None = None
    at: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    values: list[list[Any]] = []
    decoders = []
    terms = []
    for leaf in m.ms:
        if type(leaf) is FilterMatcher and leaf.boost == 1.0:
            leaf = leaf.child  # deleted documents: ``live`` drops them later
        if type(leaf) is not W3LeafMatcher or not leaf.supports("positions"):
            return None
        terms.append(leaf.term())
        vals: list[Any] = []
        found = _leaf(leaf, offset, ctx, vals)
        if found is None:
            return None
        values.append(vals)
        decoders.append(leaf.format.decoder("positions"))
        scores.append(found[1])
        if docs is None:
            docs, at = found[0], [np.arange(len(found[0]))]
        else:
            docs, ia, ib = np.intersect1d(docs, found[0], assume_unique=True, return_indices=True)
            at = [a[ia] for a in at] + [ib]
    if docs is None:
        return None
    slop = m.slop
    keep = np.zeros(len(docs), bool)
    rows = [a.tolist() for a in at]
    for r in range(len(docs)):
        ends = decoders[0](values[0][rows[0][r]])
        for k in range(1, len(rows)):
            positions = decoders[k](values[k][rows[k][r]])
            if slop == 1:
                before = set(ends)
                ends = [p for p in positions if p - 1 in before]
            else:
                ends = [p for p in positions if any(1 <= p - e <= slop for e in ends)]
            if not ends:
                break
        keep[r] = bool(ends)
    total = _tree_sum([sc[a] for sc, a in zip(scores, at, strict=True)])
    docs, total = docs[keep], total[keep]
    for term in terms:
        ctx.leaves.append((term, docs + offset))
    return docs, total


@dataclass(slots=True)
class _Arrays:
    """What :func:`_arrays` needs besides the matcher: per-snapshot arrays, and where terms go."""

    lengths: Callable[[str], np.ndarray]  # field -> docnum -> length
    live: np.ndarray  # docnum -> not deleted
    leaves: list[tuple[tuple[str, Any], np.ndarray]]  # (field, term) -> its global docnums
    postings: _Postings | None = None  # the snapshot's scored posting lists (:func:`_leaf`)


def _arrays(m: Any, offset: int, ctx: _Arrays) -> tuple[np.ndarray, np.ndarray] | None:
    """(sorted segment docnums, scores) of everything matcher ``m`` matches; None for an unknown node.

    Each node adds scores exactly as its ``score()`` does: union ``a + b`` where
    both match, intersection ``a + b``, and-not ``a``, NOT its weight; a term is
    scored by BM25F (or by its weight in a field without lengths).  Every term
    leaf is also recorded in ``ctx.leaves``, to tell which terms a shown
    document matched.
    """
    kind = type(m)
    if kind is W3LeafMatcher:
        leaf = _leaf(m, offset, ctx, None)
        if leaf is None:
            return None
        ctx.leaves.append((m.term(), leaf[0] + offset))
        return leaf
    if kind is SpanNear2.SpanNear2Matcher:
        return _phrase(m, offset, ctx)
    if kind is FilterMatcher and m.boost == 1.0:
        # deleted documents of a segment; ``live`` drops them again later, which is harmless
        inner = _arrays(m.child, offset, ctx)
        if inner is None:
            return None
        docs, scores = inner
        listed = np.isin(docs, np.fromiter(m._ids, np.int64, len(m._ids)))
        keep = ~listed if m._exclude else listed
        return docs[keep], scores[keep]
    if kind is UnionMatcher or kind is IntersectionMatcher or kind is AndNotMatcher:
        a = _arrays(m.a, offset, ctx)
        if a is None:
            return None
        b = _arrays(m.b, offset, ctx)
        if b is None:
            return None
        if kind is UnionMatcher:
            docs = _merge_sorted(a[0], b[0])
            scores = np.zeros(len(docs), np.float64)
            scores[np.searchsorted(docs, a[0])] = a[1]
            scores[np.searchsorted(docs, b[0])] += b[1]
            return docs, scores
        if kind is IntersectionMatcher:
            docs, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
            return docs, a[1][ia] + b[1][ib]
        keep = ~np.isin(a[0], b[0])
        return a[0][keep], a[1][keep]
    if kind is InverseMatcher and getattr(m.missing, "__name__", "") == "is_deleted":
        # NOT x: every live document of the segment that x does not match, scored by its weight
        child = _arrays(m.child, offset, ctx)
        if child is None:
            return None
        docs = np.flatnonzero(ctx.live[offset : offset + m.limit])
        docs = docs[~np.isin(docs, child[0])]
        return docs, np.full(len(docs), float(m._weight))
    if kind is ListMatcher and m._scorer is None and m._i == 0:
        # Every(): all live documents, each scored by its weight
        docs = np.asarray(m._ids, dtype=np.int64)
        if m._all_weights:
            return docs, np.full(len(docs), float(m._all_weights))
        if m._weights:
            return docs, np.asarray(m._weights, dtype=np.float64)
        return docs, np.ones(len(docs), np.float64)
    if isinstance(m, NullMatcherClass):
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    return None
