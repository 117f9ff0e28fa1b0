"""Group candidate passages into rows that report the same fact.

Similarity of two passages = an IDF-weighted Dice overlap of their content
stems (one float32 matrix product for all pairs) plus a bonus when their
figures count the same thing, share a value or a claimant.  rapidfuzz
measures near-duplicates (wire copy) and, in :mod:`.diff`, word differences.  Rows are then
formed by average-linkage agglomeration over that matrix.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from desk.errors import Cancelled
from desk.model import CancelCheck, PassageRef, Progress, Row

from .actors import event_places
from .joining import (
    RowPlaces,
    _index_of,
    _owners,
    join_compatible_figures,
    join_consensus_rows,
    join_lone_statements,
    join_mutual_rows,
    join_near_counts,
    join_rival_rows,
    join_supported_rows,
    stem_counts,
)
from .places import broad_places, place_key
from .profile import (
    FactKey,
    Profile,
    counts_compatible,
    is_distance,
    passage_frames,
    passage_places,
    profile,
    stem_numbers,
    stem_ranks,
)
from .profile import local_entities as _local_entities
from .scope import SCAN_FLOOR, at_least, changed, grouping_scope, remembered, seed_scan
from .scope import active as scope_active
from .tokens import case_odd

#: stems found in more than this share of the candidates say nothing about a fact
COMMON_SHARE = 0.7
#: stems in at most this share weigh 3, in at most MIDDLE_SHARE 2, others 1
RARE_SHARE = 0.1
MIDDLE_SHARE = 0.35
#: weigh stems by 1 + log(n / df) instead of three steps
IDF_WEIGHTS = False
#: bonus when two passages carry figures counting the same thing
FACT_BONUS = 0.30
#: bonus when the same counted outcome appears but one side names no thing ("40 killed")
WEAK_FACT_BONUS = 0.12
#: penalty when the passages count the same outcome of things told apart by a modifier
CONFLICT_PENALTY = 0.25
#: bonus for a figure of the same value in both passages
VALUE_BONUS = 0.3
#: two passages whose tolls (figures of what happened to what they count) lie this many powers of ten apart
#: or more ("one civilian killed" / "5,000 civilians killed") count two quantities: a city's day and a
#: nation's war, not rival figures of one.  Their counted things alike gain no bonus (0: off)
SCALE_APART = 2.0
#: bonus for a shared claimant
CLAIMANT_BONUS = 0.08
#: two clusters merge when the mean similarity between them reaches this
LINK_THRESHOLD = 0.34
#: a neighbour (not a hit) joins a row when its mean similarity to it reaches this
NEIGHBOUR_THRESHOLD = 0.42
#: share of the best pair in the link between two groups (the rest is their mean similarity)
LINK_MAX_SHARE = 0.0
#: passages published further apart than this (in days) never share a row (0: no limit)
DATE_GAP_DAYS = 21
#: measure that gap between the days the texts are about (their as-of), not their publication dates
AS_OF_GAP = True
#: share of the latent-space (LSA) similarity in the text part, and its dimensions
LSA_SHARE = 0.0
LSA_DIM = 64
#: share of the text similarity gained by counting strongly related stems as one (0: off).  Off,
#: measured on compare_dev: with the folder's related words (passage co-occurrence) at 0.5 / pair
#: strength 0.4 and at 0.3 / 0.3 every topic's together stayed as it was (0.543) and only a few
#: rows changed; an earlier version that also merged two stems of one unit lowered together to
#: 0.531-0.537; vectors from +-2-word windows (tried outside desk) kept together at 0.543 and
#: lowered apart to 0.965 and flagged to 0.818
RELATED_BONUS = 0.0
#: two stems count as one when their relatedness reaches this
RELATED_PAIR_MIN = 0.4
#: at most this many of the candidates' stems (the most frequent among them) are looked up
RELATED_LOCAL_MAX = 1200
#: a row's hits span at most this many days, from the last one's first day to the first one's last day
#: (0: no limit): pairs further apart than DATE_GAP_DAYS never link, and this keeps chains of nearer
#: pairs from gathering a season's reports into one row (compare_dev: at 30 apart 0.970 -> 0.974, every
#: other score kept; at 21 together fell 0.864 -> 0.815, retellings of a March event in April; at 45 no change)
SPAN_DAYS = 30
#: passes over the pairs (each pass may merge groups an earlier one could not)
MERGE_PASSES = 3
#: and their best pair reaches this (0.34-0.37 measured alike on compare_dev with the supported-row join:
#: together 0.629, apart 0.983; falseflag 0.000 against 0.037 at 0.38)
EDGE_THRESHOLD = 0.36
#: rapidfuzz ratio above which two passages are syndicated copies of one text
DUPLICATE_RATIO = 90.0
#: similarity kept between passages that name different places (0: they never share a row; 1: off)
PLACE_APART = 1.0
#: bonus for passages that name the same place (not the topic's setting)
PLACE_BONUS = 0.0
#: bonus for passages whose figures count one quantity (strictly) at no different place
CLAIM_BONUS = 0.0
#: penalty for passages whose figures count one quantity at different places (two tolls, two facts)
CLAIM_PLACE_PENALTY = 0.0
#: after linkage, two rows join when a cross-outlet pair of theirs reaches EDGE_THRESHOLD and
#: shares a figure's value or counted thing (and the rows name no different places)
JOIN_STRONG_PAIRS = True
#: ... and the mean similarity between the two rows reaches this (no chaining into grab-bags)
JOIN_MIN_LINK = 0.15
#: ... or, when neither passage of the pair carries a figure, when the pair's similarity reaches this
#: (passages with figures join through a shared value or counted thing only: a text-only join let the
#: seeds' 14,000 row take in other tolls).  At the edge threshold compare_dev together rose 0.560 ->
#: 0.577 (retellings of one statement in other words), every other score kept; at 0.5: 0.560
JOIN_TEXT_ALONE = 0.38
#: ... and one of them holds at most this many passages (a row never absorbs another big row)
JOIN_MAX_SMALLER = 2
#: ... or at most this many when the pair shares a figure's value whose counted things agree
#: ("exchanged ten foreign nationals" / "the release of 10 prisoners") and the rows' mean link reaches
#: JOIN_VALUE_MIN_LINK
JOIN_VALUE_MAX_SMALLER = 5
JOIN_VALUE_MIN_LINK = 0.2
#: a sentence with a figure in a row of one outlet moves to a row of several outlets when its closest
#: sentence from another outlet sits there, reaches EDGE_THRESHOLD and gives the same value for the same
#: outcome (:func:`move_figures_to_shared_rows`)
MOVE_TO_SHARED_ROWS = True
#: bonus for two passages without figures that share a statement frame (one actor, one stance:
#: :func:`desk.compare.frames.statement_frames`) and some words (0: off)
FRAME_BONUS = 0.2
#: ... when their similarity (their shared words) reaches this
FRAME_MIN_SIMILARITY = 0.2
#: ... and the Dice overlap of what the statements are about (their words after the stance verb,
#: :func:`desk.compare.frames.statement_content`) reaches this: the actor's own words never join two
FRAME_MIN_CONTENT = 0.2
#: ... and at most this share of the candidates (at least 3) takes that frame: a frame many take is the
#: topic's standing dispute ("Moscow accuses Kyiv of shelling the plant"), not one statement
FRAME_MAX_SHARE = 0.003


def _incidence(sets: Sequence[frozenset[str]], weights: Callable[[str], float] | None = None) -> np.ndarray:
    """Passages x items matrix (float32), only for items found in two or more passages.

    Items only one passage has cannot be shared, so they never need a column:
    this keeps the matrix narrow enough for one BLAS product per comparison.
    """
    count: dict[str, int] = {}
    for items in sets:
        for it in items:
            count[it] = count.get(it, 0) + 1
    columns: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, items in enumerate(sets):
        for it in items:
            if count[it] < 2:
                continue
            rows.append(i)
            cols.append(columns.setdefault(it, len(columns)))
            vals.append(weights(it) if weights else 1.0)
    out = np.zeros((len(sets), len(columns)), dtype=np.float32)
    if rows:
        out[rows, cols] = vals
    return out


_NONE: frozenset[Any] = frozenset()


def _shares_any(sets: Sequence[frozenset[Any]], cols: np.ndarray | None = None) -> np.ndarray:
    """Which pairs of sets have an element in common (sets x the sets ``cols`` names, default all)."""
    n = len(sets)
    if cols is not None and len(cols) == n and bool((np.asarray(cols) == np.arange(n)).all()):
        cols = None  # every set: no column copy of the n x n answer
    shared = _sharing(sets, cols)
    if shared is None:
        out = np.zeros((n, n), dtype=bool)
    elif isinstance(shared, tuple):
        out = np.zeros((n, n), dtype=bool)
        out[shared[0], shared[1]] = True
    else:
        return shared
    return out if cols is None else out[:, cols]


def _sharing(
    sets: Sequence[frozenset[Any]], cols: np.ndarray | None = None
) -> np.ndarray | tuple[np.ndarray, np.ndarray] | None:
    """:func:`_shares_any`'s pairs: None when no set holds anything; the (rows, columns) of the pairs that
    share an element (of the n x n answer, repeats possible) when they are few; else the answer itself
    (sets x the sets ``cols`` names)."""
    n = len(sets)
    ids: dict[Any, int] = {}
    units: list[int] = []
    items: list[int] = []
    for i, st in enumerate(sets):
        for it in st:
            units.append(i)
            items.append(ids.setdefault(it, len(ids)))
    if not units:
        return None
    item_ids = np.asarray(items, dtype=np.int64)
    pair_count = int((np.bincount(item_ids) ** 2).sum())
    if pair_count > n * n // 8:
        # an item most units carry: one units x items x units product is cheaper than its pairs
        m = _incidence(sets)
        return (m @ (m if cols is None else m[cols]).T) > 0
    # the few pairs that share an item, not a units x items x units product
    rows, cols_, _ = _pair_parts(np.asarray(units, dtype=np.int64), item_ids)
    return rows, cols_


def similarity_matrix(
    profiles: Sequence[Profile],
    common_share: float = COMMON_SHARE,
    columns: np.ndarray | None = None,
    related: Any = None,
) -> np.ndarray:
    """Pairwise passage similarity (about 0..1.7); a passage's similarity to itself is 0.

    With ``columns`` (passage indexes) only those columns are computed:
    every passage against the query hits, the only pairs grouping needs.

    Text part: a weighted Dice overlap of content stems, each stem weighing
    3, 2 or 1 by how rare it is among these passages; stems found in more
    than ``common_share`` of them are left out.

    ``related``: the folder's related words (:class:`desk.compare.related.Related`); with them, a
    pair gains :data:`RELATED_BONUS` times what its text part would gain if each strongly related
    pair of stems were one stem ("Kerch" / "Crimean", "freed" / "released").
    """
    n = len(profiles)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    numbers = [p.stem_ids if p.stem_ids is not None else stem_numbers(p.stems) for p in profiles]
    cols = np.arange(n) if columns is None else np.asarray(columns, dtype=np.int64)
    square = len(cols) == n and bool((cols == np.arange(n)).all())
    limit = max(3, int(common_share * n))
    soft_part = related is not None and RELATED_BONUS
    mapped = _related_numbers(profiles, numbers, related, limit) if soft_part else None
    totals: np.ndarray | None = None
    side = _OnThread(_pair_code, profiles, limit) if PAIRS_ON_THREAD and n >= PAIRS_THREAD_MIN else None
    if mapped is None and not LSA_SHARE:
        # the Dice division is left to the one banded pass below
        sim, totals, _ = _text_shared(numbers, n, cols, square, limit)
    else:
        sim = _text_similarity(numbers, n, cols, square, limit)
        if mapped is not None:
            soft = _text_similarity(mapped, n, cols, square, limit)
            soft -= sim
            np.maximum(soft, np.float32(0.0), out=soft)
            soft *= np.float32(RELATED_BONUS)
            sim += soft
            del soft

    # what each pair gains or loses, as bits of one units x hits matrix (:func:`_pair_code`) added in the
    # banded pass below, in this order: strong: +FACT_BONUS; otherwise +WEAK_FACT_BONUS when weak,
    # -CONFLICT_PENALTY when in conflict (where no named counted thing is shared: one pair of figures
    # told apart by a modifier does not hold apart two passages that another pair of their figures, each
    # naming its thing, counts alike: "84 cruise missiles and 24 Iranian drones" beside "84 cruise
    # missiles and 24 Shahed drones"); +VALUE_BONUS; +CLAIMANT_BONUS
    code = side.result() if side is not None else _pair_code(profiles, limit)
    if code is not None and not square:
        code = np.ascontiguousarray(code[:, cols])
    starts = ends = None
    if DATE_GAP_DAYS:
        # one event is reported within days: passages published far apart never share a row
        # by the days each text is about: its own date ("the 16 March strike"), else its publication
        spans = [p.about if AS_OF_GAP and p.about else _published(p) for p in profiles]
        known = np.array([sp is not None for sp in spans], dtype=bool)
        # day ordinals and the open ends (+-10**7) fit int32, and so do their differences; a text
        # nothing dates spans (-2 * 10**7, 2 * 10**7): never far from anything
        starts = np.array([sp[0] if sp else -_UNDATED for sp in spans], dtype=np.int32)
        ends = np.array([sp[1] if sp else _UNDATED for sp in spans], dtype=np.int32)
        if not (known.any() and (starts[known].max() - ends[known].min()) > DATE_GAP_DAYS):
            starts = ends = None
    if not sim.flags.c_contiguous:
        sim = np.ascontiguousarray(sim)
    # inside a grouping, the matrix's first scan (desk.compare.scope.at_least) is made as it is filled
    scales = _count_scales(profiles) if code is not None and SCALE_APART else None
    scanned = _finish(sim, totals, cols, code, starts, ends, scan=scope_active(), scales=scales)
    if scanned is not None:
        seed_scan(sim, scanned)
    return sim


#: work out :func:`_pair_code` (mostly Python) on a second thread while :func:`similarity_matrix` sums the
#: text part (mostly numpy, which lets go of the interpreter meanwhile), from this many units
PAIRS_ON_THREAD = True
PAIRS_THREAD_MIN = 1000


class _OnThread:
    """``fn(*args)`` on a thread of its own; :meth:`result` waits for it and gives its answer (or raises
    what it raised)."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        self._fn, self._args = fn, args
        self._answer: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="desk-similarity", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._answer = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by result()
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._answer


def _finish(
    sim: np.ndarray,
    totals: np.ndarray | None,
    cols: np.ndarray,
    code: np.ndarray | None,
    starts: np.ndarray | None,
    ends: np.ndarray | None,
    scan: bool = False,
    scales: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray | None:
    """The rest of :func:`similarity_matrix` on ``sim`` (units x hits, in place), a band of rows at a time.

    Each cell goes through the steps the whole-matrix steps took, in their order and with the same
    float32 operations (so the same bits), while the band stays in the processor's cache: the Dice
    division by ``totals`` (None: done), the bonuses or penalty of the bits ``code`` gives the pair
    (:func:`_pair_code`, units x hits; None: no pair has any), then 0 for pairs whose days lie more
    than :data:`DATE_GAP_DAYS` apart (``starts`` / ``ends``: None when no pair does), and 0 on the
    diagonal.  The bonuses touch the few cells holding bits (about one in a hundred on a broad query):
    found once for the whole matrix, then per band gathered, added to in order, put back (a masked add
    over every cell cost a pass of the matrix each).  With ``scan``, returns the flat
    indexes (ascending) of the cells at or above :data:`desk.compare.scope.SCAN_FLOOR`.  ``scales``
    (:func:`_count_scales`): a pair whose tolls lie :data:`SCALE_APART` powers of ten apart gains no
    counted-thing bonus.
    """
    n, width = sim.shape
    band = max(1, _BAND_CELLS // max(1, width))
    rows = min(band, n)
    half = right = None
    if totals is not None:
        # Dice, 2 * shared / (total_a + total_b), as shared / (total_a / 2 + total_b / 2): halving is exact
        # in binary, so the quotient is the same float32; a total of 0 (a unit sharing nothing, whose every
        # shared weight is 0) becomes a tiny one, so no divisor is 0 and 0 / it is 0 as before
        half = totals * np.float32(0.5)
        half[half == 0] = np.float32(1e-9)
        right = half[cols]
    denom = np.empty((rows, width), dtype=np.float32)
    # the cells holding bits, found once (flat, ascending); each band takes its run of them.  A test of
    # the bytes a band at a time cost a call per band and three times the scan (a boolean scan is
    # several times faster than one of the bytes: the test first, in slices, then the boolean scan)
    coded = _nonzero_cells(code) if code is not None else None
    code_flat = code.reshape(-1) if code is not None else None
    late = early = far = before = None
    span_far = span_of = None
    if starts is not None and ends is not None:
        # start_a - end_b > gap, as start_a > end_b + gap (no integer matrix; the sums fit int32)
        late = ends[cols] + np.int32(DATE_GAP_DAYS)
        early = starts[cols] - np.int32(DATE_GAP_DAYS)
        far = np.empty((rows, width), dtype=bool)
        before = np.empty_like(far)
        # units share their days (an article's sentences its date): each distinct (first, last) day's row
        # of the far mask, worked out once and taken for its units (a copy, not two comparisons and an or)
        spans, span_of = np.unique(np.stack([starts, ends], axis=1), axis=0, return_inverse=True)
        if len(spans) * _SPAN_SHARE <= n:
            span_far = np.greater.outer(spans[:, 0], late)
            span_far |= np.less.outer(spans[:, 1], early)
            span_of = span_of.reshape(-1)
    # the diagonal (each hit with itself), by row: set to 0 band by band, before the band's scan
    order = np.argsort(cols, kind="stable")
    diag_rows, diag_cols = cols[order], order
    found: list[np.ndarray] | None = [] if scan else None
    floor = np.float32(SCAN_FLOOR)
    for lo in range(0, n, band):
        hi = min(n, lo + band)
        part = sim[lo:hi]
        if half is not None and right is not None:
            d = denom[: hi - lo]
            np.add.outer(half[lo:hi], right, out=d)
            part /= d
        if coded is not None and code_flat is not None:
            first, last = np.searchsorted(coded, (lo * width, hi * width))
            if last > first:
                cells = coded[first:last]
                at = cells - lo * width  # the band's own flat indexes
                flat = part.reshape(-1)  # a view: ``sim`` is C-ordered (checked by the caller)
                got = flat[at]
                held = code_flat[cells]
                s = (held & STRONG).astype(bool)
                w = (held & WEAK).astype(bool)
                if scales is not None:
                    alike = s | w
                    if alike.any():
                        s &= ~(apart := _scales_apart(scales, at, lo, width, cols))
                        w &= ~apart
                np.add(got, np.float32(FACT_BONUS), out=got, where=s)
                w &= ~s  # weak, not strong
                np.add(got, np.float32(WEAK_FACT_BONUS), out=got, where=w)
                c = (held & CONFLICT).astype(bool)
                c &= ~s
                c &= (held & NAMED) == 0  # no named counted thing shared
                np.add(got, np.float32(-CONFLICT_PENALTY), out=got, where=c)
                np.add(got, np.float32(VALUE_BONUS), out=got, where=(held & VALUE).astype(bool))
                np.add(got, np.float32(CLAIMANT_BONUS), out=got, where=(held & CLAIMANT).astype(bool))
                flat[at] = got
        if far is not None and before is not None and late is not None and early is not None:
            assert starts is not None  # with late and early
            assert ends is not None
            f = far[: hi - lo]
            if span_far is not None and span_of is not None:
                np.take(span_far, span_of[lo:hi], axis=0, out=f)
            else:
                b = before[: hi - lo]
                np.greater.outer(starts[lo:hi], late, out=f)
                np.less.outer(ends[lo:hi], early, out=b)
                f |= b
            np.putmask(part, f, np.float32(0.0))
        a, b_ = np.searchsorted(diag_rows, lo), np.searchsorted(diag_rows, hi)
        part[diag_rows[a:b_] - lo, diag_cols[a:b_]] = 0.0
        if found is not None:
            # the cells at or above the grouping's scan floor, while the band is in the cache
            # (desk.compare.scope.at_least's first scan of the whole matrix, done here)
            hit = np.flatnonzero(part >= floor)
            if len(hit):
                hit += lo * width
                found.append(hit)
    if found is None:
        return None
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _count_scales(profiles: Sequence[Profile]) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's tolls as powers of ten: the lowest and highest log10 of its figures that say what
    happened to what they count (NaN, NaN: none).  The profile keeps the values of 10 and more
    (``counted``); a toll it names without such a value ("one civilian killed") is below 10."""
    n = len(profiles)
    low = np.full(n, np.nan, dtype=np.float32)
    high = np.full(n, np.nan, dtype=np.float32)
    for i, p in enumerate(profiles):
        tolls = {f for f in p.facts if f.outcome}
        if not tolls:
            continue
        big = [(v, k) for v, _kind, k in p.counted if k is not None and k.outcome and v >= 10]
        told = {k for _, k in big}
        high[i] = np.log10(max(v for v, _ in big)) if big else 1.0
        low[i] = 0.0 if tolls - told else np.log10(min(v for v, _ in big))
    return low, high


def _scales_apart(
    scales: tuple[np.ndarray, np.ndarray], at: np.ndarray, lo: int, width: int, cols: np.ndarray
) -> np.ndarray:
    """Of the band's flat cells ``at`` (rows from ``lo``, ``width`` columns of ``cols``), those whose two
    units' tolls (:func:`_count_scales`) lie :data:`SCALE_APART` powers of ten apart or more."""
    low, high = scales
    a = at // width + lo
    b = cols[at % width]
    gap = np.float32(SCALE_APART)
    with np.errstate(invalid="ignore"):
        return (low[a] - high[b] >= gap) | (low[b] - high[a] >= gap)


def _fact_pairs(profiles: Sequence[Profile], fill: Callable[[int, np.ndarray, np.ndarray], None]) -> None:
    """The blocks of pairs of figures that count one thing, each handed to ``fill(mask, rows, columns)`` (mask 0:
    strong, 1: weak, 2: conflict, 3: named; a block of strong pairs is always one of weak pairs too)."""
    by_key: dict[FactKey, list[int]] = {}
    for i, p in enumerate(profiles):
        for f in p.facts:
            # two distances in one unit ("30 miles away", "12 miles north") tell where places lie: no fact
            if (f.outcome or f.head) and not is_distance(f):
                by_key.setdefault(f, []).append(i)
    by_outcome: dict[str, list[tuple[FactKey, np.ndarray]]] = {}
    for key, idx in by_key.items():
        by_outcome.setdefault(key.outcome, []).append((key, np.array(sorted(set(idx)))))

    for items in by_outcome.values():
        # FactKey.matches is symmetric and the same whichever mask asks: each pair of keys tested once;
        # a key's partners in a mask are its partners that the mask keeps
        partners: list[list[int]] = [[] for _ in items]
        clashes: list[list[int]] = [[] for _ in items]
        for a in range(len(items)):
            fa = items[a][0]
            for b in range(a, len(items)):
                fb = items[b][0]
                if fa.matches(fb):
                    partners[a].append(b)
                    if b != a:
                        partners[b].append(a)
                if (
                    fa.outcome and fa.head and fa.modifiers and fb.head and fb.modifiers
                    and fa.head == fb.head and not (fa.modifiers & fb.modifiers)
                ):
                    clashes[a].append(b)
                    if b != a:
                        clashes[b].append(a)
        kinds = [
            (0, lambda f: bool(f.outcome and f.head), partners),
            (1, lambda f: True, partners),
            (2, lambda f: bool(f.outcome and f.head and f.modifiers), clashes),
            (3, lambda f: bool(f.head), partners),
        ]
        for k, keep, pairs in kinds:
            for a, found in enumerate(pairs):
                if not keep(items[a][0]):
                    continue
                found = [b for b in found if keep(items[b][0])]
                if found:
                    ia = items[a][1]
                    ib = items[found[0]][1] if len(found) == 1 else np.concatenate([items[b][1] for b in found])
                    fill(k, ia, ib)


#: the bits of :func:`_pair_code`: a pair's figures count one thing (strong: outcome and head; weak:
#: outcome or head), count things their modifiers tell apart (conflict), name one counted thing (named),
#: share a rare value whose counted things agree, share a claimant
STRONG, WEAK, CONFLICT, NAMED, VALUE, CLAIMANT = 1, 2, 4, 8, 16, 32


def _pair_code(profiles: Sequence[Profile], limit: int) -> np.ndarray | None:
    """Units x units (uint8): the bits (:data:`STRONG` ... :data:`CLAIMANT`) of the pairs that gain or
    lose something in :func:`similarity_matrix`; None when no pair does.

    The pairs of :func:`_fact_pairs`, :func:`_counted_value_blocks` and :func:`_shares_any` (of the
    claimants) in one matrix: one allocation, and one test per cell in :func:`_finish`, where six
    boolean units x units masks took six and four.  A unit's pair with itself may hold bits (the
    similarity's diagonal is 0 whatever they say)."""
    n = len(profiles)
    code: np.ndarray | None = None

    def matrix() -> np.ndarray:
        nonlocal code
        if code is None:
            code = np.zeros((n, n), dtype=np.uint8)
        return code

    bits = (STRONG, WEAK, CONFLICT, NAMED)

    def fill(k: int, ia: np.ndarray, ib: np.ndarray) -> None:
        matrix()[np.ix_(ia, ib)] |= np.uint8(bits[k])

    _fact_pairs(profiles, fill)
    if any(p.values for p in profiles):
        vdf: dict[float, int] = {}
        for p in profiles:
            for v in p.values:
                vdf[v] = vdf.get(v, 0) + 1
        # a value most candidates carry (a round 100, the query's own figure) tells nothing apart
        rare = frozenset(v for v, c in vdf.items() if c <= limit)
        for units, block in _counted_value_blocks(profiles, rare):
            where = np.ix_(units, units)
            part = matrix()[where]
            part[block] |= np.uint8(VALUE)
            matrix()[where] = part
    if any(p.claimants for p in profiles):
        shared = _sharing(list(p.claimants for p in profiles))
        if shared is not None:
            if isinstance(shared, tuple):
                matrix()[shared[0], shared[1]] |= np.uint8(CLAIMANT)
            else:
                matrix()[shared] |= np.uint8(CLAIMANT)
    return code


def _related_numbers(
    profiles: Sequence[Profile], numbers: Sequence[np.ndarray], related: Any, limit: int
) -> list[np.ndarray] | None:
    """The units' stem numbers with each strongly related pair of stems made one; None when no pair is."""
    df = stem_counts(profiles)
    local = [st for st, k in df.items() if k <= limit and st in related]
    if len(local) < 2:
        return None
    local.sort(key=lambda st: (-df[st], st))
    local = local[:RELATED_LOCAL_MAX]
    strength = related.strengths(local)
    best = strength.argmax(axis=1)
    strong = strength[np.arange(len(local)), best] >= RELATED_PAIR_MIN
    if not strong.any():
        return None
    # each stem becomes the more frequent of itself and its most related stem (one step, no chains)
    canon: dict[str, str] = {}
    for i in np.flatnonzero(strong):
        a, b = local[i], local[int(best[i])]
        canon[a] = min(a, b, key=lambda st: (-df[st], st))
    both = frozenset(canon) | frozenset(canon.values())
    ids = stem_numbers(both)
    names = list(both)
    number = dict(zip(names, ids.tolist(), strict=True))
    top = max(int(max((x.max() for x in numbers if len(x)), default=0)), int(ids.max())) + 1
    lut = np.arange(top, dtype=np.int64)
    for a, b in canon.items():
        lut[number[a]] = number[b]
    out = []
    for x in numbers:
        m = lut[x]
        # a unit holding both stems of a pair keeps both: only what another unit says is counted as shared
        inside = np.isin(m, x) & (m != x)
        m[inside] = x[inside]
        # ... and two of its stems made one keep their own after the first: a unit's size never shrinks
        _, first = np.unique(m, return_index=True)
        again = np.ones(len(m), dtype=bool)
        again[first] = False
        m[again] = x[again]
        out.append(m)
    return out


def _nonzero_cells(code: np.ndarray) -> np.ndarray:
    """The flat indexes (ascending, int64) of the cells of ``code`` that are not 0: ``np.flatnonzero(code)``,
    a slice of rows at a time through a boolean test (the boolean scan is the fast one) without a boolean
    matrix the size of ``code``."""
    flat = code.reshape(-1)
    step = max(1, _NONZERO_CELLS)
    test = np.empty(min(step, len(flat)), dtype=bool)
    found: list[np.ndarray] = []
    for lo in range(0, len(flat), step):
        hi = min(len(flat), lo + step)
        t = test[: hi - lo]
        np.not_equal(flat[lo:hi], 0, out=t)
        at = np.flatnonzero(t)
        if len(at):
            at += lo
            found.append(at)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


#: cells of the pair code tested at once by :func:`_nonzero_cells`
_NONZERO_CELLS = 1 << 20


def _text_similarity(numbers: Sequence[np.ndarray], n: int, cols: np.ndarray, square: bool, limit: int) -> np.ndarray:
    """The text part of :func:`similarity_matrix`: weighted Dice overlap of the units' stem numbers."""
    shared, totals, lsa = _text_shared(numbers, n, cols, square, limit)
    # Dice: 2 * shared / (total_a + total_b), in place (the matrices are units x hits, float32);
    # where both totals are 0 nothing is shared either, so any non-zero divisor gives 0
    sim = shared
    # a band of rows at a time: no second units x hits matrix (its allocation cost as much as the sums)
    right = totals[cols]
    band = max(1, _BAND_CELLS // max(1, len(cols)))
    denom = np.empty((min(band, n), len(cols)), dtype=np.float32)
    for lo in range(0, n, band):
        hi = min(n, lo + band)
        d = denom[: hi - lo]
        np.add.outer(totals[lo:hi], right, out=d)
        np.maximum(d, np.float32(1e-9), out=d)
        part = sim[lo:hi]
        part *= np.float32(2.0)
        part /= d
    del denom
    if lsa is not None:
        sim = (1 - LSA_SHARE) * sim + LSA_SHARE * lsa

    return sim


def _text_shared(
    numbers: Sequence[np.ndarray], n: int, cols: np.ndarray, square: bool, limit: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """What :func:`_text_similarity` divides: the summed weights of the stems each pair shares (units x
    hits), each unit's total weight, and the latent-space similarity when :data:`LSA_SHARE` asks for it."""
    # every (unit, stem) incidence as two integer arrays: one Python pass, then numpy
    _vocab, stem_ids = np.unique(np.concatenate(numbers), return_inverse=True)  # numbered 0.. here
    # ... in the stems' alphabetical order, not the order this process met them in: sums over stems in
    # a fixed order give the same rows in every process (see :func:`desk.compare.profile.stem_ranks`)
    stem_ids = stem_ranks(_vocab)[stem_ids]
    unit_ids = np.repeat(np.arange(n, dtype=np.int64), [len(x) for x in numbers])
    df = np.bincount(stem_ids, minlength=len(_vocab))
    rare = max(2, int(RARE_SHARE * n))
    middle = max(3, int(MIDDLE_SHARE * n))
    if IDF_WEIGHTS:
        weight = 1.0 + np.log(n / np.maximum(df, 1))
    else:
        weight = np.where(df <= rare, 3.0, np.where(df <= middle, 2.0, 1.0))
    # stems in more than ``limit`` units say nothing; stems of one unit are never shared
    informative = df[stem_ids] <= limit
    totals = np.bincount(unit_ids[informative], weights=weight[stem_ids[informative]], minlength=n).astype(
        np.float32
    )
    shareable = informative & (df[stem_ids] >= 2)
    units, stems = unit_ids[shareable], stem_ids[shareable]
    lsa = None
    if square and not LSA_SHARE:
        shared = _shared_weights(units, stems, df, weight, n)
    else:
        # square roots of the weights on both sides: the product sums the weights of shared stems
        m = _dense_incidence(units, stems, np.sqrt(weight), n)
        shared = m @ m[cols].T if m.shape[1] else np.zeros((n, len(cols)), dtype=np.float32)
        if LSA_SHARE and m.shape[1] > LSA_DIM * 2 and n > LSA_DIM * 2:
            lsa = _lsa_cosine(m, cols)
    return shared, totals, lsa


#: cells of the Dice denominator computed at once (a band of rows of the units x hits matrix): 1 MB of float32,
#: still in the processor's cache, and a quarter of the numpy calls per matrix of 1 << 16 (on a 3,900-unit
#: square: 61 bands, not 242, each some twenty calls)
_BAND_CELLS = 1 << 18
#: the date gap's far mask is worked out per distinct (first, last) day when the units have at most one such
#: span in this many (on ukraine-media's big queries: ~400 spans for ~3,900 units)
_SPAN_SHARE = 4


#: the open ends of a text nothing dates, in days (beyond the as-of open ends of +-10**7)
_UNDATED = 2 * 10**7


def _add_where(sim: np.ndarray, value: float, mask: np.ndarray) -> None:
    """``sim[mask] += value`` in place, bit for bit as ``np.add(..., where=mask)`` but several times
    faster on a units x hits matrix (adding 0.0 elsewhere changes nothing)."""
    flat = sim.reshape(-1) if sim.flags.c_contiguous else None
    if flat is None or mask.shape != sim.shape:
        add = mask.astype(np.float32)
        add *= np.float32(value)
        sim += add
        return
    # only where the mask holds (a few per cent of the pairs): no float matrix the size of ``sim``
    at = np.flatnonzero(mask)
    if len(at):
        flat[at] += np.float32(value)


#: the size (units x units x stems) above which the frequent stems' product is a general one: below,
#: numpy's OpenBLAS multiplies with its small-matrix kernels, whose last bits may differ from the
#: symmetric product's (seen up to 100 x 100 x 80; from 128 units up, none differed, at up to 400 stems)
_GENERAL_PRODUCT_CELLS = 1 << 22


#: stems in more than this share of the units go through one dense product; rarer ones pair by pair
DENSE_SHARE = 0.03


def _dense_incidence(units: np.ndarray, stems: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """units x (the stems given) float32 matrix holding ``values[stem]`` at each incidence."""
    kept, column = np.unique(stems, return_inverse=True)
    out = np.zeros((n, len(kept)), dtype=np.float32)
    out[units, column] = values[stems]
    return out


def _shared_weights(units: np.ndarray, stems: np.ndarray, df: np.ndarray, weight: np.ndarray, n: int) -> np.ndarray:
    """units x units: the summed weights of the stems each pair shares.

    ``units``/``stems`` are the incidences of the stems that may be shared.
    The incidence matrix is very sparse (a sentence has a dozen content
    stems), so a dense n x stems x n product wastes most of its work: the few
    frequent stems go through one dense product, the many rare ones add their
    weight to the pairs that share them.
    """
    dense_min = max(3, int(DENSE_SHARE * n))
    frequent = df[stems] > dense_min
    m = _dense_incidence(units[frequent], stems[frequent], np.sqrt(weight), n)
    if not m.shape[1]:
        out = np.zeros((n, n), dtype=np.float32)
    elif n * n * m.shape[1] > _GENERAL_PRODUCT_CELLS:
        # a general product (gemm) against a copy of the transpose: ``m @ m.T`` takes numpy's symmetric
        # path (syrk, then one triangle copied over the other), about twice as slow on a real square
        # (a 3,914 x 30 incidence on one thread: 41 against 18 ms) for the same bits
        out = m @ np.ascontiguousarray(m.T)
    else:
        out = m @ m.T
    if not frequent.all():
        rare_units, rare_stems = units[~frequent], stems[~frequent]
        rare_weight = weight[rare_stems]
        if rare_weight.min() == rare_weight.max():
            # one weight for every rare stem (from 30 units on: the rare stems all weigh 3): a cell gains it
            # once per shared stem, and adding one value several times gives the same bits in any order, so
            # each unordered pair of a stem's units is made once and its cell and its mirror's both gain
            np.add.at(out.reshape(-1), _pair_cells(rare_units, rare_stems, n), np.float32(rare_weight[0]))
        else:
            # the rare stems: each adds its weight to every pair of its units (all stems at once)
            rows, cols, stem = _pair_parts(rare_units, rare_stems)
            rows *= n  # the cell of each pair in the flat matrix, without a 2 x pairs array first
            rows += cols
            np.add.at(out.reshape(-1), rows, weight[stem].astype(np.float32))
    return out


def _pair_cells(items: np.ndarray, groups: np.ndarray, n: int) -> np.ndarray:
    """The flat cells (``a * n + b``) of an n x n matrix of every ordered pair (a, b) of items in one group,
    the pair of each item with itself included (:func:`_pair_parts`' pairs, in another order): each
    unordered pair is made once, then mirrored (half the index arrays of every ordered pair).

    In int32 when every cell index and pair count fits it (up to 46,340 units and 2**31 - 1 pairs), else
    int64: the same cells, half the bytes through the several passes over the (million on a broad query)
    pairs."""
    order = np.argsort(groups, kind="stable")
    items, groups = items[order], groups[order]
    m = len(items)
    # the number of pairs made: sum over groups of size * (size + 1) / 2 (bounded by m * m)
    narrow = n * n < 2**31 and m * (m + 1) // 2 < 2**31
    kind = np.int32 if narrow else np.int64
    items = items.astype(kind, copy=False)
    pos = np.arange(m, dtype=kind)
    # where each item's group ends: its run of the sorted groups
    cuts = np.flatnonzero(groups[1:] != groups[:-1]) + 1
    bounds = np.concatenate([cuts, [m]]).astype(kind)
    sizes = np.diff(np.concatenate([[0], bounds]))
    k = np.repeat(bounds, sizes) - pos  # the items from itself to its group's end
    rows = np.repeat(items, k)
    offset = np.arange(len(rows), dtype=kind) - np.repeat(np.cumsum(k, dtype=kind) - k, k)
    cols = items[np.repeat(pos, k) + offset]
    apart = offset > 0  # two positions (a unit listed twice in a group pairs with itself, both ways)
    upper = rows * kind(n)
    upper += cols
    lower = cols[apart] * kind(n)
    lower += rows[apart]
    return np.concatenate([upper, lower])


def _pairs_within_groups(items: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every ordered pair (a, b) of items in one group, the pair of a with itself included.

    Returns ``((a, b), group)``: two index arrays and the group of each pair.
    """
    rows, cols, group = _pair_parts(items, groups)
    return np.stack([rows, cols]), group


def _pair_parts(items: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_pairs_within_groups` as three arrays (a, b, group), not stacked."""
    order = np.argsort(groups, kind="stable")
    items, groups = items[order], groups[order]
    _, first, size = np.unique(groups, return_index=True, return_counts=True)
    # per item: where its group starts and how big it is
    start = np.repeat(first, size)
    k = np.repeat(size, size)
    rows = np.repeat(items, k)
    block = np.repeat(np.cumsum(k) - k, k)  # where each item's run of pairs starts
    cols = items[np.repeat(start, k) + (np.arange(len(rows)) - block)]
    return rows, cols, np.repeat(groups, k)


def _lsa_cosine(m: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Cosine similarity of the units in a latent space learned from these units (randomised SVD).

    Words that occur in the same sentences across the candidates ("denied",
    "rejected") load on the same dimensions, so paraphrases come closer.
    """
    rng = np.random.default_rng(0)
    a = m.astype(np.float32)
    a /= np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-6)
    omega = rng.standard_normal((a.shape[1], LSA_DIM + 10)).astype(np.float32)
    y = a @ omega
    y = a @ (a.T @ y)  # one power iteration
    q, _ = np.linalg.qr(y)
    b = q.T @ a
    ub, sv, _vt = np.linalg.svd(b, full_matrices=False)
    u = (q @ ub[:, :LSA_DIM]) * sv[:LSA_DIM]
    u /= np.maximum(np.linalg.norm(u, axis=1, keepdims=True), 1e-6)
    out = u @ u[cols].T
    return np.clip(out, 0.0, 1.0).astype(np.float32)


def _fact_matrix(
    profiles: Sequence[Profile], keep: Callable[[FactKey], bool], *, conflicts: bool = False
) -> np.ndarray:
    """Which pairs of passages carry figures that count the same thing (FactKey.matches).

    With ``conflicts``: which pairs count the same outcome of things that their
    modifiers tell apart ("Russian soldiers killed" vs "Ukrainian soldiers killed").
    """
    n = len(profiles)
    out = np.zeros((n, n), dtype=bool)
    # distinct keys are far fewer than figures: compare keys, then fill blocks
    by_key: dict[FactKey, list[int]] = {}
    for i, p in enumerate(profiles):
        for f in p.facts:
            if keep(f):
                by_key.setdefault(f, []).append(i)
    by_outcome: dict[str, list[tuple[FactKey, np.ndarray]]] = {}
    for key, idx in by_key.items():
        by_outcome.setdefault(key.outcome, []).append((key, np.array(sorted(set(idx)))))
    for items in by_outcome.values():
        # both tests are symmetric: each key's matching keys, then one block per key (not two per pair)
        partners: list[list[int]] = [[] for _ in items]
        for a in range(len(items)):
            fa = items[a][0]
            for b in range(a, len(items)):
                fb = items[b][0]
                if conflicts:
                    hit = fa.head == fb.head and not (fa.modifiers & fb.modifiers)
                else:
                    hit = fa.matches(fb)
                if hit:
                    partners[a].append(b)
                    if b != a:
                        partners[b].append(a)
        for a, found in enumerate(partners):
            if found:
                ia = items[a][1]
                ib = items[found[0]][1] if len(found) == 1 else np.concatenate([items[b][1] for b in found])
                out[np.ix_(ia, ib)] = True
    np.fill_diagonal(out, False)
    return out


#: count the counted things of figures that share a value (:func:`desk.compare.profile.counts_compatible`):
#: "up to 50 bomblets" and "50 people killed" share a number, not a fact
VALUE_NEEDS_COUNTED = True


def _value_compatible(a: tuple[float, str, FactKey | None], b: tuple[float, str, FactKey | None]) -> bool:
    """Two (value, kind, counted thing) figures of one value may report one fact."""
    if a[0] != b[0] or a[1] != b[1]:
        return False
    return not VALUE_NEEDS_COUNTED or counts_compatible(a[2], b[2])


def _counted_value_blocks(
    profiles: Sequence[Profile], rare: frozenset[float]
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The pairs of passages that carry a figure of one ``rare`` value and kind whose counted things agree
    (:func:`_value_compatible`), one value at a time: (its units, units x units block)."""
    # figures of one value, by what they count: few distinct descriptions per value, so compare
    # descriptions and fill blocks, not pairs of passages
    by_value: dict[float, dict[tuple[float, str, FactKey | None], list[int]]] = {}
    for i, p in enumerate(profiles):
        for item in p.counted:
            if item[0] in rare and not is_distance(item[2]):
                by_value.setdefault(item[0], {}).setdefault(item, []).append(i)
    for described in by_value.values():
        items = list(described.items())
        if len(items) == 1 and len(items[0][1]) < 2:
            continue
        # descriptions x descriptions compatibility, then one units x units block per value
        units = np.array(sorted({u for _, us in items for u in us}), dtype=np.int64)
        where = {int(u): k for k, u in enumerate(units)}
        has = np.zeros((len(items), len(units)), dtype=np.float32)
        for d, (_, us) in enumerate(items):
            has[d, [where[u] for u in us]] = 1.0
        fits = np.array(
            [[_value_compatible(x, y) for y, _ in items] for x, _ in items], dtype=np.float32
        ).reshape(len(items), len(items))
        yield units, (has.T @ fits @ has) > 0


def _at_least(m: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """``np.nonzero(m >= threshold)`` of a 2-d matrix (row-major order), three times faster on the
    units x hits matrices: one flat scan, then rows and columns by division."""
    return at_least(m, threshold)  # scanned once per grouping (desk.compare.scope)


def _group_link(hsim: np.ndarray, harts: np.ndarray | None, ma: list[int], mb: list[int]) -> float:
    """The link :func:`cluster` measures between two groups of hits: their mean similarity (hits x hits
    ``hsim``) over the pairs across articles (``harts``: each hit's article; None: every pair)."""
    ia, ib = np.array(ma), np.array(mb)
    block = hsim[ia[:, None], ib]  # np.ix_'s block without its per-call overhead
    if harts is not None:
        # passages of one article say different things by design: only
        # pairs across articles tell whether two groups report one fact
        cross = harts[ia][:, None] != harts[ib][None, :]
        if not cross.any():
            return 0.0
        block = block[cross]
    # float32 sum, float64 division, float32 result: ``block.mean()`` bit for bit, without its
    # per-call overhead (this runs thousands of times per comparison)
    mean = np.float32(float(block.sum()) / block.size)
    if not LINK_MAX_SHARE:
        return float(mean)
    return float((1 - LINK_MAX_SHARE) * mean + LINK_MAX_SHARE * block.max())


def cluster(
    sim: np.ndarray,
    cancelled: CancelCheck | None = None,
    articles: np.ndarray | None = None,
    hits: np.ndarray | None = None,
    days: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[list[int]]:
    """Average-linkage agglomeration, strongest pairs first.

    ``sim`` is passages x hits (the columns are the passages ``hits`` marks,
    in order; without ``hits`` every passage is a hit and ``sim`` square).
    ``articles`` (one article number per passage) restricts the average to
    pairs of passages from different articles.  Hits are grouped first; each
    other passage (a neighbour) then joins the group it fits best, or none,
    so a neighbour can complete a row but never bridge two.  ``days`` (each
    passage's first and last day, as ordinals) keeps a group's hits within
    :data:`SPAN_DAYS` of each other.
    """
    n = sim.shape[0]
    if hits is None:
        hits = np.ones(n, dtype=bool)
    hit_idx = np.nonzero(hits)[0]
    h = len(hit_idx)
    hsim = sim if h == n else sim[hit_idx]  # hits x hits (read only: no copy when every passage is a hit)
    harts = articles[hit_idx] if articles is not None else None
    owner = list(range(h))
    members: dict[int, list[int]] = {i: [i] for i in range(h)}

    ii, jj = _at_least(hsim, EDGE_THRESHOLD)
    upper = jj > ii  # the pairs above the diagonal, in the same (row-major) order as np.triu would give
    if harts is not None:
        upper &= harts[ii] != harts[jj]  # passages of one article join a row only through other articles
    ii, jj = ii[upper], jj[upper]
    order = np.argsort(-hsim[ii, jj], kind="stable")
    pairs = list(zip(ii[order].tolist(), jj[order].tolist(), strict=True))
    # a link refused between two groups is refused again until one of them grows: each group's
    # version counts its merges, and a refused (group, version, group, version) is not measured again
    # (the later passes, and other pairs across the same two groups, met it ~2 times in 3)
    version = [0] * h
    refused: set[tuple[int, int, int, int]] = set()
    span: list[tuple[int, int]] | None = None
    if days is not None and SPAN_DAYS:
        span = list(zip(days[0][hit_idx].tolist(), days[1][hit_idx].tolist(), strict=True))
    # a merge refused early may be right once both groups have grown: a few passes
    for _ in range(MERGE_PASSES):
        merged = False
        for step, (i, j) in enumerate(pairs):
            if cancelled is not None and step % 256 == 0 and cancelled():
                raise Cancelled()
            a, b = owner[i], owner[j]
            if a == b:
                continue
            ma, mb = members[a], members[b]
            if len(ma) * len(mb) > 1:
                seen = (a, version[a], b, version[b])
                if seen in refused:
                    continue
                if _group_link(hsim, harts, ma, mb) < LINK_THRESHOLD:
                    refused.add(seen)
                    continue
            if span is not None:
                last_start = max(span[a][0], span[b][0])
                first_end = min(span[a][1], span[b][1])
                if last_start - first_end > SPAN_DAYS:
                    continue
            if len(ma) < len(mb):
                a, b, ma, mb = b, a, mb, ma
            if span is not None:
                span[a] = (max(span[a][0], span[b][0]), min(span[a][1], span[b][1]))
            ma.extend(mb)
            for m in mb:
                owner[m] = a
            del members[b]
            version[a] += 1
            merged = True
        if not merged:
            break

    hgroups = list(members.values())
    groups = [[int(hit_idx[i]) for i in g] for g in hgroups]
    neighbours = np.nonzero(~hits)[0]
    if hgroups and len(neighbours):
        member = np.zeros((h, len(hgroups)), dtype=np.float32)
        for g, group in enumerate(hgroups):
            member[group, g] = 1.0
        sub = sim[neighbours]  # neighbours x hits
        if articles is not None and harts is not None:
            cross = (articles[neighbours][:, None] != harts[None, :]).astype(np.float32)
        else:
            cross = np.ones_like(sub)
        sums = (sub * cross) @ member
        counts = cross @ member
        means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
        best_edge = np.stack([sub[:, group].max(axis=1) for group in hgroups], axis=1)
        means[best_edge < EDGE_THRESHOLD] = 0.0
        choice = means.argmax(axis=1)
        for row, nb in enumerate(neighbours):
            g = int(choice[row])
            if means[row, g] >= NEIGHBOUR_THRESHOLD:
                groups[g].append(int(nb))
    return [sorted(m) for m in groups]


def duplicates_in(profiles: Sequence[Profile]) -> dict[tuple[str, int], list[str]]:
    """Syndicated copies: the first passage of each near-identical set -> the other outlets."""
    out: dict[tuple[str, int], list[str]] = {}
    if len(profiles) < 2:
        return out  # (most rows of a comparison hold one passage: nothing to pair)
    taken: set[int] = set()
    for i, p in enumerate(profiles):
        if i in taken:
            continue
        others: list[str] = []
        for j in range(i + 1, len(profiles)):
            q = profiles[j]
            if j in taken or q.ref.article_id == p.ref.article_id:
                continue
            a, b = len(p.norm), len(q.norm)
            shorter, longer = (a, b) if a <= b else (b, a)
            if longer == 0 or shorter / longer < 0.8:
                continue
            if fuzz.ratio(p.norm, q.norm, score_cutoff=DUPLICATE_RATIO):
                taken.add(j)
                if q.ref.outlet != p.ref.outlet and q.ref.outlet not in others:
                    others.append(q.ref.outlet)
        if others:
            out[p.ref.key] = others
    return out


#: the places of the units of the grouping under way on this thread (:func:`places_remembered`): one
#: grouping asks for the places of the same units two or three times (join_strong_pairs, then the
#: supported and consensus joins), ~9 ms each on a warm 2,000-unit comparison
_PLACES_SCOPE = threading.local()


@contextmanager
def places_remembered() -> Iterator[None]:
    """While the body runs, :func:`unit_places` of the same profile objects is computed once (the
    profiles must not change meanwhile; they are kept alive by the caller, so their ids stay theirs)."""
    before = getattr(_PLACES_SCOPE, "memo", None)
    _PLACES_SCOPE.memo = {}
    try:
        with grouping_scope():  # ... and so are the matrix scans and unit numbers of desk.compare.scope
            yield
    finally:
        _PLACES_SCOPE.memo = before


def unit_places(profiles: Sequence[Profile]) -> list[frozenset[str]]:
    """The places each passage names (:func:`desk.compare.places.places_in`), less the topic's setting.

    A place named by many of the candidates (the country at war) is where the
    whole topic happens: it tells no fact from another, so it is left out.
    Inside :func:`places_remembered`, the answer for the same profile objects is given again (a copy).
    """
    return list(_places_and_topic(profiles)[0])


def topic_places(profiles: Sequence[Profile]) -> frozenset[str]:
    """The places many of the passages name (:func:`desk.compare.places.broad_places` of their places): what
    :func:`unit_places` leaves out, remembered with it inside :func:`places_remembered`."""
    return _places_and_topic(profiles)[1]


def _places_and_topic(profiles: Sequence[Profile]) -> tuple[list[frozenset[str]], frozenset[str]]:
    """:func:`unit_places` and :func:`topic_places` (the caller copies the list), once per profile list inside
    :func:`places_remembered`: the setting's filter read every passage's places a second time."""
    memo: dict[tuple[Any, ...], tuple[list[frozenset[str]], frozenset[str]]] | None = getattr(
        _PLACES_SCOPE, "memo", None
    )
    if memo is None:
        return _unit_places(profiles)
    key = tuple(map(id, profiles))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _unit_places(profiles)
    return found


def _unit_places(profiles: Sequence[Profile]) -> tuple[list[frozenset[str]], frozenset[str]]:
    """:func:`unit_places` and :func:`topic_places`, computed."""
    raw = [passage_places(p) for p in profiles]
    broad = broad_places(raw)
    return [ps - broad for ps in raw], broad


def apart_by_place(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``) with pairs naming different places set to :data:`PLACE_APART` of it.

    "18 killed in Ashford" and "8 killed in Brent" count one kind of thing at
    two places: two facts, never one row.  Passages that name no place (or
    only the topic's setting) are not held apart by this.
    """
    if PLACE_APART == 1.0 and not PLACE_BONUS:
        return sim
    places = unit_places(profiles)
    if not any(places):
        return sim
    m = _incidence(places)
    if m.shape[1] == 0:
        return sim
    has = m.sum(axis=1) > 0
    share = (m @ m[cols].T) > 0
    apart = has[:, None] & has[cols][None, :] & ~share
    sim = sim.copy()
    if PLACE_APART != 1.0:
        sim[apart] *= PLACE_APART
    if PLACE_BONUS:
        sim += PLACE_BONUS * share
    sim[cols, np.arange(len(cols))] = 0.0
    return sim


#: similarity kept between two sentences of articles set in different places (:mod:`desk.compare.setting`)
#: when neither names a place of its own (1: off)
SETTING_APART = 0.0


def apart_by_setting(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``, changed in place) with pairs of sentences that name no place (beyond the
    topic's setting) set to :data:`SETTING_APART` of it when their articles' settings (the settlements their
    first paragraphs name: :func:`desk.compare.setting.setting_of`) are known and share no place.

    "Rescuers led 250 people out" of a report on a bar fire in Greyford and "360 people were led out" of one
    on a plane crash in Ostrava are two events.  The settings only keep apart: two sentences of articles
    set in one place gain nothing.
    """
    if SETTING_APART == 1.0:
        return sim
    from .setting import setting_of

    own = unit_places(profiles)
    raw = [setting_of(p.ref.article_id) for p in profiles]
    if not any(raw):
        return sim
    # the topic's setting (the country at war), among the units' places or the articles' settings
    articles: dict[str, frozenset[str]] = {}
    for p, st in zip(profiles, raw, strict=True):
        if st:
            articles.setdefault(p.ref.article_id, st)
    broad = topic_places(profiles) | broad_places(list(articles.values()))
    # sentences that count something (a figure), name no place and come from an article set somewhere
    settings = [
        (st - broad) if st and not ps and (p.values or p.facts) else frozenset()
        for p, st, ps in zip(profiles, raw, own, strict=True)
    ]
    if not any(settings):
        return sim
    has = np.array([bool(st) for st in settings], dtype=bool)
    rows = np.flatnonzero(has)
    across = np.flatnonzero(has[cols])
    if not len(rows) or not len(across):
        return sim
    m = _incidence(settings)  # (a place one unit names alone is shared by no pair: no column)
    if m.shape[1]:
        share = (m[rows] @ m[cols[across]].T) > 0
    else:
        share = np.zeros((len(rows), len(across)), dtype=bool)
    r, c = np.nonzero(~share)
    r, c = rows[r], across[c]
    sim[r, c] *= np.float32(SETTING_APART)
    changed(sim, r * sim.shape[1] + c)  # the grouping's scan, mended
    return sim


#: similarity kept between two sentences that each give a toll of one event (people killed or wounded, under
#: :data:`TOLL_PLACE_MAX`) and name places (beyond the topic's setting) with none in common (1: off).  A day's
#: report lists the toll of each city it names; with the counted thing's bonus, average linkage gathered a month
#: of such small tolls of different cities into one row ("3 killed in A", "5 killed in B", "2 dead in C")
TOLL_PLACE_APART = 0.0
#: ... tolls up to this many: an event's (a country's or a war's total is no one place's)
TOLL_PLACE_MAX = 1000
#: ... outcomes that make a figure a toll (:class:`desk.compare.profile.FactKey`'s, folded)
TOLL_PLACE_OUTCOMES = frozenset({"kill", "wound", "casualty"})


def _event_toll(p: Profile) -> bool:
    """Whether a passage gives a toll of one event (:data:`TOLL_PLACE_OUTCOMES`, under :data:`TOLL_PLACE_MAX`)."""
    if not any(key.outcome in TOLL_PLACE_OUTCOMES for key in p.facts):
        return False
    return not any(
        key is not None and key.outcome in TOLL_PLACE_OUTCOMES and value >= TOLL_PLACE_MAX for value, _, key in p.counted
    )


def apart_tolls_by_place(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``, changed in place) with pairs of sentences that each give an event's toll
    and name different places (:func:`unit_places`) set to :data:`TOLL_PLACE_APART` of it.

    "Two were killed by shelling in Ostrava overnight" and "shelling killed three in Greyford on Monday"
    count one kind of thing at two places: two facts.  Only tolls are held apart so: a passage that names
    a place in passing (where a statement was made) says nothing else of the kind.
    """
    if TOLL_PLACE_APART == 1.0:
        return sim
    places = unit_places(profiles)
    placed = np.array([len(ps) == 1 and _event_toll(p) for p, ps in zip(profiles, places, strict=True)], dtype=bool)
    rows = np.flatnonzero(placed)
    across = np.flatnonzero(placed[cols])
    if len(rows) < 2 or not len(across):
        return sim
    units = np.union1d(rows, cols[across])
    m = _incidence([places[i] for i in units])  # (a place one unit names alone is shared by no pair: no column)
    share = (m[np.searchsorted(units, rows)] @ m[np.searchsorted(units, cols[across])].T) > 0
    r, c = np.nonzero(~share)
    r, c = rows[r], across[c]
    keep = r != cols[c]
    r, c = r[keep], c[keep]
    sim[r, c] *= np.float32(TOLL_PLACE_APART)
    changed(sim, r * sim.shape[1] + c)  # the grouping's scan, mended
    return sim


#: similarity kept between a sentence that threatens a penalty ("faces up to 10 years") and one
#: that reports a penalty handed down ("was sentenced to nine years"): two moments, two facts (1: off)
STANCE_APART = 0.0
_TERM = r"[\w-]+(?:\s+|-)(?:years?|months?|weeks?|days?)\b"
#: a penalty threatened or possible: "faces up to 10 years", "could face 20 years", "if convicted"
_THREATENED_RE = re.compile(
    r"\b(?:faces?|faced|facing|could\s+face|may\s+face|might\s+face|would\s+face|could\s+get|risks?|risking)\s+"
    r"(?:up\s+to\s+|as\s+(?:much|many|long)\s+as\s+|a\s+maximum\s+(?:of\s+)?|at\s+least\s+|a\s+possible\s+)?"
    + _TERM + r"|\bif\s+(?:convicted|found\s+guilty)\b",
    re.IGNORECASE,
)
#: a penalty handed down: "was sentenced to nine years", "jailed for six months"
_IMPOSED_RE = re.compile(
    r"\b(?:sentenced|jailed|imprisoned)\b[^.;:]{0,40}?\b(?:to|for)\s+(?:up\s+to\s+)?" + _TERM, re.IGNORECASE
)


@lru_cache(maxsize=1 << 17)
def penalty_stance(text: str) -> str:
    """"threatened" for a sentence that tells of a penalty someone faces, "imposed" for one handed
    down, "" when it tells of neither or of both ("faced up to ten years but got six").

    Remembered by text: every compare tests the sentences of its 1,000-3,000 units again, most of
    them met by an earlier query (two regular-expression scans each, ~35 ms per warm comparison);
    as many as :data:`desk.compare.profile._CACHE_SIZE` needs (a session's round of queries meets
    ~67,000 sentences: a smaller LRU misses every time).
    """
    if case_odd(text):
        threatened = bool(_THREATENED_RE.search(text))
        imposed = bool(_IMPOSED_RE.search(text))
    else:
        # most sentences hold none of the words either pattern needs: a substring test of their lower case
        low = text.lower()
        term = "year" in low or "month" in low or "week" in low or "day" in low
        threatened = bool(
            ((term and ("fac" in low or "get" in low or "risk" in low)) or "convicted" in low or "guilty" in low)
            and _THREATENED_RE.search(text)
        )
        imposed = bool(
            term and ("sentenced" in low or "jailed" in low or "imprisoned" in low) and _IMPOSED_RE.search(text)
        )
    if threatened == imposed:
        return ""
    return "threatened" if threatened else "imposed"


def apart_by_stance(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``, changed in place) with pairs of a threatened and an imposed penalty set to
    :data:`STANCE_APART` of it (:func:`penalty_stance`)."""
    if STANCE_APART == 1.0:
        return sim
    stances = [penalty_stance(p.ref.text) for p in profiles]
    if "threatened" not in stances or "imposed" not in stances:
        return sim  # no pair to hold apart: no array of every unit's stance
    stance = np.array(stances)
    threatened, imposed = stance == "threatened", stance == "imposed"
    # in place (the matrix is the grouping's own), on the two blocks of such pairs only: no units x hits
    # masks (a passage is never both, so no pair is scaled twice)
    factor = np.float32(STANCE_APART)
    for rows, across in ((threatened, imposed[cols]), (imposed, threatened[cols])):
        r, c = np.flatnonzero(rows), np.flatnonzero(across)
        sim[np.ix_(r, c)] *= factor
        changed(sim, (r[:, None] * sim.shape[1] + c[None, :]).ravel())  # the grouping's scan, mended
    return sim


#: two passages whose days (:attr:`Profile.about`) lie more than this many days apart share a row through what
#: they say, never through who says it: the stems naming a speaker (a person the passage names, the source
#: an attribution gives: "the region's governor Ivo Marek") add nothing to their similarity (0: off).  A
#: frequent speaker's name and title, rare among the candidates and so weighing most, gathered weeks of one
#: official's unrelated statements into one row
SPEAKER_APART_DAYS = 7


def unit_speakers(profiles: Sequence[Profile]) -> list[frozenset[str]]:
    """Each passage's speaker stems: its stems that name a speaker somewhere among the candidates.

    A speaker's stems are those of the people the candidates name (PERSON entities) and of the sources
    their attributions give when a source names a person ("Mayor Ivo Marek"), less the stems of any
    place the candidates name (GPE entities): the parser reads entities only in some sentences, so a
    name it tagged in one sentence counts as a name in every sentence that has it."""
    from .tokens import stem_set

    people: set[str] = set()
    places: set[str] = set()
    for p in profiles:
        ref = p.ref
        if not ref.entities:
            continue
        named: list[tuple[int, int]] = []
        for e in ref.entities:
            if e.label == "PERSON":
                people.update(stem_set(e.text))
                named.append((e.start, e.end))
            elif e.label == "GPE":
                places.update(stem_set(e.text))
        for a in ref.attributions:
            if any(a.source_start < t and s < a.source_end for s, t in named):
                people.update(stem_set(a.source_text))
    vocabulary = frozenset(people - places)
    if not vocabulary:
        return [_NONE] * len(profiles)
    return [p.stems & vocabulary for p in profiles]


def apart_by_speaker(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``, changed in place) less what the speaker stems (:func:`unit_speakers`)
    two passages share add to their text similarity, for pairs whose days lie more than
    :data:`SPEAKER_APART_DAYS` apart.

    "Governor Ivo Marek said the bridge was shut" (1 March) and "Governor Ivo Marek said schools would
    reopen" (20 March) are two statements of one man: his name and title are no evidence of one fact.
    The text part's own weights (:func:`_text_shared`: 3, 2 or 1 by how rare a stem is; stems in more
    than :data:`COMMON_SHARE` of the candidates weigh nothing) are taken away from the Dice overlap.
    Only pairs reaching :data:`desk.compare.scope.SCAN_FLOOR` are read (the grouping's first scan of the
    matrix): a pair below it links nothing, and a name many candidates share pairs them by the million.
    """
    if not SPEAKER_APART_DAYS or not len(cols):
        return sim
    speakers = unit_speakers(profiles)
    if not any(speakers):
        return sim
    ii, kk = at_least(sim, SCAN_FLOOR)
    if not len(ii):
        return sim
    jj = cols[kk]
    has = np.array([bool(ss) for ss in speakers], dtype=bool)
    keep = has[ii] & has[jj] & (ii != jj)
    ii, jj, kk = ii[keep], jj[keep], kk[keep]
    if not len(ii):
        return sim
    spans = [p.about if AS_OF_GAP and p.about else _published(p) for p in profiles]
    starts = np.array([sp[0] if sp else -_UNDATED for sp in spans], dtype=np.int64)
    ends = np.array([sp[1] if sp else _UNDATED for sp in spans], dtype=np.int64)
    far = (starts[ii] > ends[jj] + SPEAKER_APART_DAYS) | (ends[ii] < starts[jj] - SPEAKER_APART_DAYS)
    ii, jj, kk = ii[far], jj[far], kk[far]
    if not len(ii):
        return sim
    n = len(profiles)
    df = stem_counts(profiles)
    limit = max(3, int(COMMON_SHARE * n))
    rare = max(2, int(RARE_SHARE * n))
    middle = max(3, int(MIDDLE_SHARE * n))
    weights: dict[str, float] = {}

    def weight(stem: str) -> float:
        w = weights.get(stem)
        if w is None:
            c = df.get(stem, 0)
            w = weights[stem] = 0.0 if c > limit else 3.0 if c <= rare else 2.0 if c <= middle else 1.0
        return w

    totals: dict[int, float] = {}

    def total(i: int) -> float:
        t = totals.get(i)
        if t is None:
            t = totals[i] = sum(weight(s) for s in profiles[i].stems)
        return t

    rows: list[int] = []
    at: list[int] = []
    less: list[float] = []
    for i, j, k in zip(ii.tolist(), jj.tolist(), kk.tolist(), strict=True):
        common = speakers[i] & speakers[j]
        if not common:
            continue
        shared = sum(weight(s) for s in common)
        if shared:
            rows.append(i)
            at.append(k)
            less.append(2.0 * shared / (total(i) + total(j)))
    if not rows:
        return sim
    r, c = np.array(rows, dtype=np.int64), np.array(at, dtype=np.int64)
    sim[r, c] = np.maximum(sim[r, c] - np.array(less, dtype=np.float32), np.float32(0.0))
    changed(sim, r * sim.shape[1] + c)  # the grouping's scan, mended
    return sim


def unit_frames(profiles: Sequence[Profile]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Each passage's rare statement frames (:func:`desk.compare.frames.statement_frames`) and what its
    statements are about (:func:`desk.compare.frames.statement_content`, for a passage with a frame):
    no frame for a passage with figures or without a stance verb, and none that more than
    :data:`FRAME_MAX_SHARE` of the candidates take.  Worked out once per grouping (the frame bonus and
    the lone-statement join read them)."""
    def compute() -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        # only sentences without figures that hold a stance verb are read (most hold none): each
        # passage's frames and their content, kept with its features (:func:`desk.compare.profile.passage_frames`)
        read = [passage_frames(p) for p in profiles]
        frames = [fs for fs, _ in read]
        df: dict[str, int] = {}
        for fs in frames:
            for f in fs:
                df[f] = df.get(f, 0) + 1
        limit = max(3, int(FRAME_MAX_SHARE * len(profiles)))
        frames = [frozenset(f for f in fs if df[f] <= limit) if fs else fs for fs in frames]
        content = [c if fs else _NONE for (_, c), fs in zip(read, frames, strict=True)]
        return frames, content

    return remembered("unit_frames", profiles, compute)


def link_by_frames(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """``sim`` (passages x ``cols``, changed in place) plus :data:`FRAME_BONUS` for pairs of passages without figures
    that share a statement frame and reach :data:`FRAME_MIN_SIMILARITY` ("Varnia denied shelling the
    depot" / "the Varnian army rejected any part in the depot blast")."""
    if not FRAME_BONUS:
        return sim
    frames, content = unit_frames(profiles)
    if not any(frames):
        return sim
    # the pairs that share a frame, from the frames' few members (each frame is rare): no units x hits
    # matrix of booleans to build and scan
    col_of = {int(c): k for k, c in enumerate(cols)}
    members: dict[str, list[int]] = {}
    for i, fs in enumerate(frames):
        for f in fs:
            members.setdefault(f, []).append(i)
    pairs = sorted({(i, col_of[j]) for us in members.values() for i in us for j in us if j in col_of})
    least = np.float32(FRAME_MIN_SIMILARITY)
    bonus = np.float32(FRAME_BONUS)
    kept = []
    for i, k in pairs:
        if not sim[i, k] >= least:
            continue
        # ... and what the statement is about
        a, b = content[i], content[int(cols[k])]
        if 2 * len(a & b) >= FRAME_MIN_CONTENT * (len(a) + len(b)):
            kept.append((i, k))
    # in place: the matrix is the grouping's own, and a copy of it (units x hits) cost more than the frames
    for i, k in kept:
        sim[i, k] += bonus
    changed(sim, np.array([i * sim.shape[1] + k for i, k in kept], dtype=np.int64))  # the grouping's scan, mended
    return sim


def _claim_keys(p: Profile) -> list[tuple[Any, frozenset[str]]]:
    """(quantity, places near the figure) for each figure of a passage that says what it counts."""
    from .places import places_near
    from .profile import claims_of
    from .quantity import quantity_of

    ref = p.ref
    out: list[tuple[Any, frozenset[str]]] = []
    ents = _local_entities(ref)
    for c in claims_of(ref):
        s, e = ref.local(c.figure.start, c.figure.end)
        if e <= s:
            continue
        q = quantity_of(c.figure, (ref.text, s, e), c.claimant)
        if q is None or not q.kind or q.thing.startswith("other"):
            continue
        out.append((q, frozenset(places_near(ref.text, s, e, ents))))
    return out


def link_by_claims(sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray) -> np.ndarray:
    """Passages whose figures count one quantity: a bonus at no different place, a penalty at different places.

    "Three killed in the blast" and "the blast killed four" report one toll
    in different words; "18 killed in Ashford" and "8 killed in Brent" count
    one kind of thing at two places and are two facts.
    """
    if not (CLAIM_BONUS or CLAIM_PLACE_PENALTY):
        return sim
    keys = [_claim_keys(p) for p in profiles]
    buckets: dict[tuple[str, str, str], list[tuple[int, Any, frozenset[str]]]] = {}
    for i, ks in enumerate(keys):
        for q, places in ks:
            buckets.setdefault((q.kind, q.thing, q.unit), []).append((i, q, places))
    col_of = {int(c): k for k, c in enumerate(cols)}
    bonus = np.zeros(sim.shape, dtype=bool)
    penalty = np.zeros(sim.shape, dtype=bool)
    for items in buckets.values():
        if len(items) < 2 or len(items) > 400:
            continue  # one figure, or a kind so common it tells nothing
        for a in range(len(items)):
            i, qa, pa = items[a]
            for b in range(a + 1, len(items)):
                j, qb, pb = items[b]
                if i == j or not qa.strictly_matches(qb):
                    continue
                different = bool(pa) and bool(pb) and not (pa & pb)
                target = penalty if different else bonus
                if j in col_of:
                    target[i, col_of[j]] = True
                if i in col_of:
                    target[j, col_of[i]] = True
    sim = sim + CLAIM_BONUS * (bonus & ~penalty) - CLAIM_PLACE_PENALTY * penalty
    sim[cols, np.arange(len(cols))] = 0.0
    return np.maximum(sim, 0.0)


def _sides_differ(x: tuple[float, str, FactKey | None], y: tuple[float, str, FactKey | None]) -> bool:
    """Two figures of one value whose counted things name different sides ("200 Ukrainian reservists"
    and "200 Russian paratroopers"): both name some, and none in common."""
    ka, kb = x[2], y[2]
    if ka is None or kb is None or not ka.modifiers or not kb.modifiers:
        return False
    return not ({place_key(m) for m in ka.modifiers} & {place_key(m) for m in kb.modifiers})


def _value_evidence(a: Profile, b: Profile, rare_values: frozenset[float]) -> bool:
    """Whether two passages carry a figure of one rare value whose counted things agree.

    A passage often retells its figure in fewer words ("some 140 Varnian marines died ... the 140
    soldiers"): the short retelling agrees with any count of that value, so a value whose
    figures on the two sides name different sides (Russian, Ukrainian) is no evidence, whatever its
    barer mentions say."""
    return any(
        _value_agrees(a, b, v) and not _value_sides_differ(a, b, v) for v in a.values & b.values & rare_values
    )


def _value_agrees(a: Profile, b: Profile, v: float) -> bool:
    """Some figure of value ``v`` in each passage may count what the other's counts."""
    return any(_value_compatible(x, y) for x in a.counted if x[0] == v for y in b.counted if y[0] == v)


def _value_sides_differ(a: Profile, b: Profile, v: float) -> bool:
    """Some figure of value ``v`` in ``a`` and one of that kind in ``b`` name different sides."""
    return any(x[1] == y[1] and _sides_differ(x, y) for x in a.counted if x[0] == v for y in b.counted if y[0] == v)


def _pair_evidence(a: Profile, b: Profile, rare_values: frozenset[float]) -> bool:
    """Whether two passages carry a figure of one value, or figures counting one named thing."""
    if _value_evidence(a, b, rare_values):
        return True
    if any(_value_sides_differ(a, b, v) for v in a.values & b.values):
        return False  # one value, told of different sides: a like counted thing is no evidence either
    return any(fa.head and fb.head and fa.matches(fb) for fa in a.facts for fb in b.facts)


def _rare_values(profiles: Sequence[Profile]) -> frozenset[float]:
    """The figures' values that few of the candidates give (at most :data:`COMMON_SHARE` of them, or 3):
    a value many sentences share ("two", "100") tells no fact from another.  Counted once per grouping
    (:mod:`desk.compare.scope`: the strong-pair join and the moves to shared rows both ask)."""
    return remembered("rare_values", profiles, lambda: _count_rare_values(profiles))


def _count_rare_values(profiles: Sequence[Profile]) -> frozenset[float]:
    """:func:`_rare_values`, counted."""
    counts: dict[float, int] = {}
    for p in profiles:
        for v in p.values:
            counts[v] = counts.get(v, 0) + 1
    limit = max(3, int(COMMON_SHARE * len(profiles)))
    return frozenset(v for v, c in counts.items() if c <= limit)


def join_strong_pairs(
    groups: list[list[int]], sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray
) -> list[list[int]]:
    """Join rows that average linkage kept apart although two outlets' passages plainly report one fact.

    Average linkage refuses a passage whose best match sits in a larger row
    ("we freed 108 women" vs "released 108 female soldiers"): the mean over
    the row is low.  Here two rows join when a pair across them, from two
    outlets, reaches :data:`EDGE_THRESHOLD` and shares a figure's value or
    counted thing (or, when neither carries a figure, reaches
    :data:`JOIN_TEXT_ALONE`), one of
    the rows is small, their mean link reaches :data:`JOIN_MIN_LINK`, and the
    rows name no different places.  Two larger rows (up to
    :data:`JOIN_VALUE_MAX_SMALLER`) join only through a shared value that each
    row carries in at least half of its passages, at a mean link of
    :data:`JOIN_VALUE_MIN_LINK`.  ``sim`` is
    passages x ``cols``; the date gap already zeroed pairs far apart.
    """
    if len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    owner = _owners(groups, n)  # -1: a neighbour no row took
    outlet = _index_of(profiles, "outlet")
    ii, kk = _at_least(sim, EDGE_THRESHOLD)
    jj = cols[kk]
    keep = (owner[ii] != owner[jj]) & (outlet[ii] != outlet[jj]) & (owner[ii] >= 0) & (owner[jj] >= 0)
    ii, jj, kk = ii[keep], jj[keep], kk[keep]
    if not len(ii):
        return groups
    rare_values = _rare_values(profiles)
    # each row's places, worked out when a pair first asks for them (most rows meet no candidate join)
    row_places = RowPlaces(groups, unit_places(profiles))
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    col_of = np.full(n, -1, dtype=np.int64)
    col_of[cols] = np.arange(len(cols))

    def link(a: list[int], b: list[int]) -> float:
        ca, cb = col_of[a], col_of[b]
        # the blocks alone (np.ix_'s), not every column of the members' rows first
        vals = [sim[np.asarray(a)[:, None], cb[cb >= 0]].ravel(), sim[np.asarray(b)[:, None], ca[ca >= 0]].ravel()]
        flat = np.concatenate(vals)
        return float(flat.mean()) if len(flat) else 0.0

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    for k in np.argsort(-sim[ii, kk], kind="stable"):
        i, j = int(ii[k]), int(jj[k])
        a, b = find(int(owner[i])), find(int(owner[j]))
        if a == b:
            continue
        # (the text alone first: it is cheaper than the figures' evidence, and both only refuse)
        if (
            sim[i, kk[k]] < JOIN_TEXT_ALONE or _counts(profiles[i]) or _counts(profiles[j])
        ) and not _pair_evidence(profiles[i], profiles[j], rare_values):
            continue
        pa, pb = row_places[a], row_places[b]
        if pa and pb and not (pa & pb):
            continue  # two places: two facts
        smaller = min(len(members_of[a]), len(members_of[b]))
        if smaller > JOIN_MAX_SMALLER:
            # two larger rows join through one value only (a counted thing alike is not enough)
            if smaller > JOIN_VALUE_MAX_SMALLER or not _value_evidence(profiles[i], profiles[j], rare_values):
                continue
            # ... a value that each row carries in at least half of its passages (the row's own figure,
            # not one a sentence of two counts brought in: "50 killed and 100 wounded")
            shared = profiles[i].values & profiles[j].values & rare_values
            if not any(
                all(2 * sum(v in profiles[m].values for m in members_of[g]) >= len(members_of[g]) for g in (a, b))
                for v in shared
            ):
                continue
            if link(members_of[a], members_of[b]) < JOIN_VALUE_MIN_LINK:
                continue
        elif link(members_of[a], members_of[b]) < JOIN_MIN_LINK:
            continue
        parent[b] = a
        row_places[a] = pa | pb
        members_of[a].extend(members_of[b])
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(find(g), []).extend(members)
    return [sorted(m) for m in joined.values()]


def move_figures_to_shared_rows(
    groups: list[list[int]], sim: np.ndarray, profiles: Sequence[Profile], cols: np.ndarray
) -> list[list[int]]:
    """Move a sentence with a figure out of a row of one outlet into the row where other outlets give its value.

    Average linkage may first pair two sentences of one outlet's stories (the outlet retells its own
    report: "X said the strike killed 40" beside "X denied the strike and blamed Y"), and that pair's mean
    link to the row where other outlets give the same toll then stays low, so the figure never meets
    them.  A row of one outlet compares nothing: here each of its sentences with a figure whose best
    pair from another outlet reaches :data:`EDGE_THRESHOLD`, gives the same rare value for the same
    outcome (:func:`_told_value`: both say what happened to what they count) and names no different
    place, moves alone into that pair's row when the row holds several outlets.  The rest of the row stays as it was.  ``sim`` is units x ``cols``.
    """
    if not MOVE_TO_SHARED_ROWS or len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    owner = _owners(groups, n)
    outlet_of = [p.ref.outlet for p in profiles]
    outlets = [len({outlet_of[m] for m in members}) for members in groups]
    if not any(o == 1 and len(members) > 1 for o, members in zip(outlets, groups, strict=True)):
        return groups
    # the units that may move (a figure, in a row of one outlet and two or more sentences) and the rows
    # they may move to (several outlets): the pairs with one of each, in numpy before any Python loop
    sizes = np.array([len(members) for members in groups], dtype=np.int64)
    several = np.array(outlets, dtype=np.int64) > 1
    has_values = np.array([bool(p.values) for p in profiles], dtype=bool)
    row = np.maximum(owner, 0)
    movable = (owner >= 0) & ~several[row] & (sizes[row] > 1) & has_values
    shared = (owner >= 0) & several[row]
    ii, kk = _at_least(sim, EDGE_THRESHOLD)
    jj = cols[kk]
    keep = (movable[ii] & shared[jj]) | (movable[jj] & shared[ii])
    ii, jj, kk = ii[keep], jj[keep], kk[keep]
    if not len(ii):
        return groups
    rare_values = _rare_values(profiles)
    places = unit_places(profiles)
    moves: dict[int, int] = {}
    for k in np.argsort(-sim[ii, kk], kind="stable"):
        i, j = int(ii[k]), int(jj[k])
        for x, y in ((i, j), (j, i)):
            gx, gy = int(owner[x]), int(owner[y])
            if x in moves or outlet_of[x] == outlet_of[y] or not profiles[x].values:
                continue
            if outlets[gx] != 1 or len(groups[gx]) < 2 or outlets[gy] < 2:
                continue
            if not _told_value(profiles[x], profiles[y], rare_values):
                continue
            if places[x] and places[y] and not (places[x] & places[y]):
                continue  # two places: two facts
            moves[x] = gy
    if not moves:
        return groups
    out = [[m for m in members if m not in moves] for members in groups]
    for x, g in moves.items():
        out[g].append(x)
    return [sorted(m) for m in out if m]


def _told_value(a: Profile, b: Profile, rare_values: frozenset[float]) -> bool:
    """Whether two passages give one rare value for one outcome, each saying what happened to what it counts
    ("killing at least 40 soldiers" / "40 killed"; not "240 men" / "240 others left")."""
    return any(
        x[0] == y[0] and x[0] in rare_values and x[1] == y[1] and x[2] is not None and y[2] is not None
        and bool(x[2].outcome) and bool(y[2].outcome) and counts_compatible(x[2], y[2], unknown=False)
        for x in a.counted for y in b.counted
    )


def _counts(p: Profile) -> bool:
    """Whether a passage carries a figure (a value or a counted thing): such rows join by figures only."""
    return bool(p.values or p.facts)


def _published(p: Profile) -> tuple[int, int] | None:
    d = p.ref.date
    return (d.toordinal(), d.toordinal()) if d else None


def _far_apart(a: Profile, b: Profile) -> bool:
    da, db = a.ref.date, b.ref.date
    return bool(DATE_GAP_DAYS and da and db and abs((da - db).days) > DATE_GAP_DAYS)


def _copy_order(m: Profile) -> tuple[Any, ...]:
    """The order in which an outlet's copies of one text stand for it: the first published (the
    report; a later copy repeats it), then the best ranked.  Undated copies come last."""
    d = m.ref.date
    return (d is None, d.toordinal() if d else 0, -m.ref.score, m.ref.outlet, m.ref.article_id, m.ref.number)


def rows_from_profiles(
    profiles: Sequence[Profile],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    describe: bool = True,
    related: Any = None,
) -> list[Row]:
    """Rows of passages reporting the same fact, best first; rows of neighbours only are dropped.

    With ``describe=False`` the rows' statements, flags and word differences are
    left for the caller to fill (:func:`desk.compare.statements.describe_row`) on
    only the rows it keeps.

    Identical texts (wire copy, an outlet's repeated copies of one story) are
    grouped once, through one representative, so that copies never form a row
    of their own beside the row of the fact; in the row, an outlet's repeated
    copies collapse into one passage and every outlet that carried the text
    is listed in ``Row.duplicates``.
    """
    if progress:
        progress(0, 3, "measuring similarity")
    reps: list[int] = []
    copies: dict[int, list[int]] = {}
    first: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        same = first.setdefault(p.norm, []) if p.norm else []
        # a copy joins a representative published within the date gap (the same text
        # months later is a new report)
        r = next((j for j in same if not _far_apart(profiles[j], p)), None)
        if r is None:
            same.append(i)
            reps.append(i)
            copies[i] = [i]
        else:
            copies[r].append(i)
    unique = [profiles[i] for i in reps]
    hit_of = {r: any(profiles[j].hit for j in copies[r]) for r in reps}
    is_hit = np.array([hit_of[r] for r in reps], dtype=bool)
    cols = np.nonzero(is_hit)[0]
    sim = similarity_matrix(unique, columns=cols, related=related)
    # the steps below may change ``sim`` in place: all of them before the first scan of it (the
    # clustering's), which desk.compare.scope remembers for the rest of the grouping
    sim = apart_by_place(sim, unique, cols)
    sim = apart_by_stance(sim, unique, cols)
    sim = apart_by_setting(sim, unique, cols)
    sim = apart_tolls_by_place(sim, unique, cols)
    sim = apart_by_speaker(sim, unique, cols)
    sim = link_by_frames(sim, unique, cols)
    sim = link_by_claims(sim, unique, cols)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress:
        progress(1, 3, "grouping passages")
    ids: dict[str, int] = {}
    articles = np.array([ids.setdefault(p.ref.article_id, len(ids)) for p in unique], dtype=np.int64)
    days = None
    if SPAN_DAYS:
        spans = [p.about if AS_OF_GAP and p.about else _published(p) for p in unique]
        days = (np.array([sp[0] if sp else -_UNDATED for sp in spans], dtype=np.int64),
                np.array([sp[1] if sp else _UNDATED for sp in spans], dtype=np.int64))
    groups = cluster(sim, cancelled, articles, is_hit, days)
    groups = move_figures_to_shared_rows(groups, sim, unique, cols)
    if JOIN_STRONG_PAIRS:
        groups = join_strong_pairs(groups, sim, unique, cols)
    where = unit_places(unique)
    # the joins of statements compare where events happened, not the capitals that speak for a side
    # (desk.compare.actors)
    events = event_places(unique, where)
    groups = join_supported_rows(groups, sim, unique, cols, where)
    groups = join_consensus_rows(groups, sim, unique, cols, events)
    groups = join_compatible_figures(groups, sim, unique, cols, where)
    groups = join_rival_rows(groups, sim, unique, cols, where)
    groups = join_near_counts(groups, sim, unique, cols, where)
    groups = join_lone_statements(groups, sim, unique, cols, events, statements=unit_frames(unique), related=related)
    groups = join_mutual_rows(groups, sim, unique, cols, events)
    if progress:
        progress(2, 3, "describing rows")
    from .statements import describe_row

    rows: list[Row] = []
    hit_list = is_hit.tolist()  # (Python bools: indexing the numpy array made a numpy scalar per unit)
    for g in groups:
        if len(g) == 1 and len(copies[reps[g[0]]]) == 1:
            # a row of one passage with no copy (most rows): its one cell, nothing to order or pair
            if not hit_list[g[0]]:
                continue
            ref = profiles[reps[g[0]]].ref
            row = Row(cells={ref.outlet: [ref]}, score=ref.score)
            if describe:
                describe_row(row)
            rows.append(row)
            continue
        if not any(hit_list[i] for i in g):
            continue
        members: list[Profile] = []
        duplicates: dict[tuple[str, int], list[str]] = {}
        for i in g:
            group = [profiles[j] for j in copies[reps[i]]]
            group.sort(key=_copy_order)
            kept: dict[str, Profile] = {}
            for m in group:
                kept.setdefault(m.ref.outlet, m)  # one copy per outlet
            members.extend(kept.values())
            outlets = list(kept)
            if len(group) > 1:
                lead = next(iter(kept.values()))
                others = [o for o in outlets if o != lead.ref.outlet]
                repeats = len(group) - len(kept)
                if repeats:
                    others.append(f"{lead.ref.outlet} ×{repeats + 1}")
                if others:
                    duplicates[lead.ref.key] = others
        members.sort(key=lambda m: (-m.ref.score, m.ref.outlet, m.ref.article_id, m.ref.number))
        cells: dict[str, list[PassageRef]] = {}
        for m in members:
            cells.setdefault(m.ref.outlet, []).append(m.ref)
        for refs in cells.values():
            refs.sort(key=lambda r: (r.article_id, r.number, r.start))
        row = Row(cells=cells, score=max(m.ref.score for m in members))
        row.duplicates = duplicates_in(members)
        for key, others in duplicates.items():
            row.duplicates[key] = list(dict.fromkeys([*row.duplicates.get(key, []), *others]))
        if describe:
            describe_row(row)
        rows.append(row)
    rows.sort(key=lambda r: (-len(r.outlets), -r.score))
    if progress:
        progress(3, 3, "done")
    return rows


def build_rows(
    passages: Sequence[PassageRef],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    hits: set[tuple[str, int]] | None = None,
    describe: bool = True,
    related: Any = None,
) -> list[Row]:
    """Group passages (or sentences) into rows (pure: no index needed).

    ``hits`` names the units that matched the query, as (article id, start
    offset) or (article id, passage number); the others are neighbours that
    may complete a row but never make one on their own.  By default every
    unit counts as a hit.
    """
    seen: set[tuple[str, int, int]] = set()
    profiles: list[Profile] = []
    for p in passages:
        k = (p.article_id, p.start, p.end)
        if k in seen:
            continue
        seen.add(k)
        hit = hits is None or (p.article_id, p.start) in hits or p.key in hits
        profiles.append(profile(p, hit=hit))
    with places_remembered():  # the profiles list keeps every profile alive meanwhile
        return rows_from_profiles(profiles, progress, cancelled, describe=describe, related=related)
