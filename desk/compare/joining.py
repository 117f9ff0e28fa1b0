"""Join rows that average linkage kept apart although most of their sentences have a match across.

Average linkage asks the *mean* similarity of every pair across two rows to
reach the threshold.  Two rows that each hold several outlets' retellings
of one fact ("the plant was cut off from the grid", "power to the facility
was severed") fail it: each sentence matches a few sentences of the other
row well and the rest weakly, so the mean stays low.  Here two rows join
when the link is *broadly supported*: the sentences of the smaller row, on
average, find a close sentence in the other row (from another article), the
larger row's sentences at least a related one,
the rows share a strong pair from two outlets, and they name no different
places.  One good pair alone never joins two rows (that is
:func:`desk.compare.grouping.join_strong_pairs`' narrower rule), and the
support is measured on the merged rows as they grow, so chains of loosely
related rows do not form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from itertools import chain
from typing import Any

import numpy as np

from desk.model import Figure, PassageRef

from .disagree import ClaimFact
from .profile import FactKey, Profile, claims_of, counts_compatible, is_measure, ref_fact_key
from .quantity import HARM_KINDS
from .scope import at_least, remembered
from .statements import judge_claims, passage_claims


def stem_counts(profiles: Sequence[Profile]) -> dict[str, int]:
    """In how many of ``profiles`` each content stem occurs: counted once per grouping
    (:mod:`desk.compare.scope`) for the similarity matrix and the joins that weigh words by it.  The
    answer is shared: callers must not change it."""
    return remembered("stem_counts", profiles, lambda: Counter(chain.from_iterable(p.stems for p in profiles)))


#: two rows join when the mean of the smaller row's sentences' best match in the other row reaches this
SUPPORT_THRESHOLD = 0.35
#: ... and a pair across them, from two outlets, reaches this
SUPPORT_EDGE = 0.38
#: ... and the merged row holds at most this many sentences (0: no limit).  Without a limit the rows of a
#: topic chained: on ukraine-media "bridge" made a row of 159 sentences (the blast, the strikes after it,
#: the reactions to both) and "grain deal" rows of 84 and 74; at 40 they are 67 and 57 with every compare_dev
#: score kept; at 25 together fell 0.769 -> 0.742
SUPPORT_MAX_SIZE = 40
#: ... and at most this share of the merged row's sentences carry a figure (rows of figures join
#: through their figures: two tolls or two cargoes in like words are two facts)
SUPPORT_MAX_FIGURES = 0.35
#: ... and the larger row's mean best match in the smaller row reaches this (a larger row may hold
#: retellings that the smaller row lacks, but most of its sentences must still relate)
SUPPORT_LARGER = 0.2


def _cross_article_mean(sim: np.ndarray, col_of: np.ndarray, article: np.ndarray, a: list[int], b: list[int]) -> float:
    """The mean similarity of units ``a`` and ``b`` across articles, in either side's columns (``sim``
    is units x hits; ``col_of``: each unit's column, -1 for no hit; ``article``: each unit's article)."""
    ai, bi = np.asarray(a), np.asarray(b)
    vals = []
    for x, y in ((ai, bi), (bi, ai)):
        cy = col_of[y]
        if (cy >= 0).any():
            block = sim[np.ix_(x, cy[cy >= 0])]
            vals.append(block[article[x][:, None] != article[y[cy >= 0]][None, :]])
    flat = np.concatenate(vals) if vals else np.zeros(0, dtype=np.float32)
    return float(flat.mean()) if len(flat) else 0.0


#: a unit nothing dates spans these days (beyond the as-of open ends of +-10**7): never far from anything
_UNDATED = 2 * 10**7


def unit_days(profiles: Sequence[Profile]) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's first and last day (ordinals): the days its text is about, else its publication day
    (as :func:`desk.compare.grouping.similarity_matrix` measures the date gap); a unit nothing dates spans
    (-2 * 10**7, 2 * 10**7).  Worked out once per grouping (:mod:`desk.compare.scope`)."""
    from .grouping import AS_OF_GAP

    def compute() -> tuple[np.ndarray, np.ndarray]:
        spans = [
            p.about if AS_OF_GAP and p.about else (d.toordinal(), d.toordinal()) if (d := p.ref.date) else _NO_DAYS
            for p in profiles
        ]
        both = np.array(spans, dtype=np.int64).reshape(len(profiles), 2)
        starts, ends = both[:, 0].copy(), both[:, 1].copy()
        starts.flags.writeable = False
        ends.flags.writeable = False
        return starts, ends

    return remembered("unit_days", profiles, compute)


_NO_DAYS = (-_UNDATED, _UNDATED)


def _gap_days() -> int:
    from .grouping import DATE_GAP_DAYS

    return int(DATE_GAP_DAYS)


class RowDays:
    """Whether two rows of one join, joined, would hold two units further apart in time than
    :data:`desk.compare.grouping.DATE_GAP_DAYS`: one event is reported within days, and a row never joins
    two events weeks apart, however its members were linked (each pair of a chain may lie within the gap
    while its ends lie months apart).  Kept per row as rows join: the latest first day and the earliest
    last day of each row's units (two integers per row, not a pass over its members)."""

    def __init__(self, groups: Sequence[list[int]], profiles: Sequence[Profile]) -> None:
        self.gap = _gap_days()
        if not self.gap or not groups:
            self.latest: list[int] = []
            self.earliest: list[int] = []
            return
        starts, ends = unit_days(profiles)
        sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
        if not sizes.all():  # an empty row (none comes from the grouping): its days span nothing
            self.latest = [int(starts[g].max()) if g else -_UNDATED for g in groups]
            self.earliest = [int(ends[g].min()) if g else _UNDATED for g in groups]
            return
        members = np.fromiter(chain.from_iterable(groups), dtype=np.int64, count=int(sizes.sum()))
        at = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.latest = np.maximum.reduceat(starts[members], at).tolist()
        self.earliest = np.minimum.reduceat(ends[members], at).tolist()

    def apart(self, a: int, b: int) -> bool:
        """Rows ``a`` and ``b``, joined, would hold two units further apart than the date gap."""
        if not self.gap:
            return False
        return max(self.latest[a], self.latest[b]) - min(self.earliest[a], self.earliest[b]) > self.gap

    def join(self, a: int, b: int) -> None:
        """Row ``b`` has joined row ``a``."""
        if self.gap:
            self.latest[a] = max(self.latest[a], self.latest[b])
            self.earliest[a] = min(self.earliest[a], self.earliest[b])


def _root(parent: list[int], g: int) -> int:
    """The row ``g`` has joined (union-find with path halving over ``parent``)."""
    while parent[g] != g:
        parent[g] = parent[parent[g]]
        g = parent[g]
    return g


def _regrouped(groups: Sequence[list[int]], parent: list[int]) -> list[list[int]]:
    """The rows after the joins recorded in ``parent``: each joined row's members, sorted."""
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        # (most rows joined nothing: their own root, without a call)
        root = g if parent[g] == g else _root(parent, g)
        got = joined.get(root)
        if got is None:
            joined[root] = list(members)
        else:
            got.extend(members)
    return [sorted(m) for m in joined.values()]


def _index_of(profiles: Sequence[Profile], key: str) -> np.ndarray:
    """Each unit's outlet (``key="outlet"``) or article (``"article_id"``) as a small integer."""
    def numbered() -> np.ndarray:
        seen: dict[str, int] = {}
        out = np.array([seen.setdefault(getattr(p.ref, key), len(seen)) for p in profiles], dtype=np.int64)
        out.flags.writeable = False  # one answer for every join of the grouping (desk.compare.scope)
        return out

    return remembered(f"index_of {key}", profiles, numbered)


def _owners(groups: Sequence[list[int]], n: int) -> np.ndarray:
    """The row of each of ``n`` units (-1: in none)."""
    owner = np.full(n, -1, dtype=np.int64)
    if groups:
        # one assignment for every row (rows never share a unit), not one numpy call per row
        sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
        members = np.fromiter(chain.from_iterable(groups), dtype=np.int64, count=int(sizes.sum()))
        owner[members] = np.repeat(np.arange(len(groups), dtype=np.int64), sizes)
    return owner


def _cross_row_pairs(
    sim: np.ndarray, cols: np.ndarray, owner: np.ndarray, outlet: np.ndarray, edge: float,
    wanted: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (unit i, unit j, column k of j) reaching ``edge`` that link two rows from two outlets
    (both units ``wanted``, when given)."""
    ii, kk = at_least(sim, edge)  # np.nonzero's pairs, from one scan per grouping
    jj = cols[kk]
    keep = (owner[ii] >= 0) & (owner[jj] >= 0) & (owner[ii] != owner[jj]) & (outlet[ii] != outlet[jj])
    if wanted is not None:
        keep &= wanted[ii] & wanted[jj]
    return ii[keep], jj[keep], kk[keep]


class RowPlaces:
    """The places each row's units name (``places[m]`` of its members), worked out for a row when a join
    first asks for it (most rows meet no candidate join, and a unit's places may cost a look at its text:
    :class:`desk.compare.actors.EventPlaces`); a join sets the joined row's places."""

    def __init__(self, groups: Sequence[list[int]], places: Sequence[frozenset[str]]) -> None:
        self.groups = groups
        self.places = places
        self.known: dict[int, frozenset[str]] = {}

    def __getitem__(self, g: int) -> frozenset[str]:
        found = self.known.get(g)
        if found is None:
            found = self.known[g] = frozenset().union(*(self.places[m] for m in self.groups[g]))
        return found

    def __setitem__(self, g: int, value: frozenset[str]) -> None:
        self.known[g] = value


def _row_places(groups: Sequence[list[int]], places: Sequence[frozenset[str]] | None) -> RowPlaces | None:
    """The places each row's units name (as the rows are before any join), or None without ``places``."""
    if places is None:
        return None
    return RowPlaces(groups, places)


def _places_apart(row_places: RowPlaces | None, a: int, b: int) -> bool:
    """Rows ``a`` and ``b`` both name places, and none in common: two facts."""
    if row_places is None:
        return False
    pa, pb = row_places[a], row_places[b]
    return bool(pa and pb and not (pa & pb))


def _settled_places(places: Sequence[frozenset[str]], members: Sequence[int]) -> frozenset[str]:
    """The places a row names in two or more of its sentences (a row of one or two: every place it names).

    One sentence of a row of several may name a place in passing, where a statement was made rather
    than where the counted thing happened ("in Brussels, the president will announce aid for the 3.5
    million who fled"): that alone does not make the row a fact of another place.
    """
    if len(members) <= 2:
        return frozenset().union(*(places[m] for m in members))
    count: dict[str, int] = {}
    for m in members:
        for place in places[m]:
            count[place] = count.get(place, 0) + 1
    return frozenset(place for place, c in count.items() if c >= 2)


def _join(parent: list[int], ma: list[int], mb: list[int], row_places: RowPlaces | None,
          a: int, b: int) -> None:
    """Row ``b`` (members ``mb``) joins row ``a`` (members ``ma``), with its places."""
    parent[b] = a
    ma.extend(mb)
    if row_places is not None:
        row_places[a] = row_places[a] | row_places[b]


def _column_of(n: int, cols: np.ndarray) -> np.ndarray:
    """Each of ``n`` units' column in a units x ``cols`` similarity matrix, or -1 where it has none."""
    col_of = np.full(n, -1, dtype=np.int64)
    col_of[cols] = np.arange(len(cols))
    return col_of


def _best_mean(block: np.ndarray, valid: np.ndarray) -> float:
    """Mean over the block's rows of each row's best valid value (a row with none counts 0)."""
    masked = np.where(valid, block, np.float32(0.0))
    return float(masked.max(axis=1).mean()) if masked.size else 0.0


def join_supported_rows(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Rows joined where :data:`SUPPORT_THRESHOLD` is reached (see the module); ``sim`` is units x ``cols``."""
    if not SUPPORT_THRESHOLD or len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    col_of = _column_of(n, cols)
    # a square view over the hits: the similarity of two units when one of them is a hit
    owner = _owners(groups, n)
    article = _index_of(profiles, "article_id")
    ii, jj, kk = _cross_row_pairs(sim, cols, owner, _index_of(profiles, "outlet"), SUPPORT_EDGE)
    if not len(ii):
        return groups
    row_places = _row_places(groups, places)
    counts = np.array([bool(p.values or p.facts) for p in profiles], dtype=bool)
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]

    find = partial(_root, parent)

    def pair_sim(a: list[int], b: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """a x b similarities (from either side's hit column) and which pairs are across articles."""
        ai, bi = np.asarray(a), np.asarray(b)
        block = np.zeros((len(a), len(b)), dtype=np.float32)
        cb, ca = col_of[bi], col_of[ai]
        if (cb >= 0).any():
            block[:, cb >= 0] = sim[np.ix_(ai, cb[cb >= 0])]
        if (ca >= 0).any():
            other = sim[np.ix_(bi, ca[ca >= 0])].T
            block[ca >= 0] = np.maximum(block[ca >= 0], other)
        return block, article[ai][:, None] != article[bi][None, :]

    for k in np.argsort(-sim[ii, kk], kind="stable"):
        a, b = find(int(owner[ii[k]])), find(int(owner[jj[k]]))
        if a == b:
            continue
        ma, mb = members_of[a], members_of[b]
        if SUPPORT_MAX_SIZE and len(ma) + len(mb) > SUPPORT_MAX_SIZE:
            continue
        if _places_apart(row_places, a, b):
            continue  # two places: two facts
        if counts[ma].sum() + counts[mb].sum() > SUPPORT_MAX_FIGURES * (len(ma) + len(mb)):
            continue
        block, cross = pair_sim(ma, mb)
        sa, sb = _best_mean(block, cross), _best_mean(block.T, cross.T)
        if len(ma) < len(mb):
            small, large = sa, sb
        else:
            small, large = sb, sa
        if small < SUPPORT_THRESHOLD or large < SUPPORT_LARGER:
            continue
        _join(parent, ma, mb, row_places, a, b)
    return _regrouped(groups, parent)


#: two rows join when the cosine of their consensus words reaches this (see :func:`join_consensus_rows`; 0: off)
CONSENSUS_THRESHOLD = 0.4
#: ... and they share at least this many consensus words (one shared word is a coincidence)
CONSENSUS_MIN_SHARED = 3
#: ... and the mean similarity of their sentences across articles reaches this
CONSENSUS_MIN_LINK = 0.15
#: ... and the joined row holds at most this many sentences
CONSENSUS_MAX_SIZE = 16
#: words found in more than this share of the candidates are the topic's, not a fact's
CONSENSUS_COMMON = 0.35
#: a consensus word weighs ``log(n / df)`` times the share of the row's sentences that use it, to this power
#: (0: every word two sentences use weighs alike).  A row's consensus is what most of its sentences say:
#: two rows of four and five retellings of one claim ("Russia claimed Ukraine used U.S.-supplied rocket
#: launchers to strike the prison" / "Kiev used US-supplied HIMARS multiple rocket launchers for the attack")
#: each hold two or three sentences that another retelling pulled in, and the words *two* of those share in
#: passing (a president's name, "dozens", "denied") weighed as much as the claim's own words: cosine 0.265.
#: Measured on compare_dev at 1: together 0.747 -> 0.769 (139 -> 143 of 186 pairs, the rocket-launcher
#: claim in the prison topic), apart 0.972, flagged 0.917, falseflag 0.000 unchanged; powers 0.5 and 2
#: measured alike.  (Lowering CONSENSUS_THRESHOLD to 0.3 or 0.25 instead placed the same pairs but made
#: many more joins: 80 over the twelve topics at 0.25, against 23 before and 28 with this weight.)
CONSENSUS_BY_SHARE = 1.0


def consensus_words(
    groups: Sequence[Sequence[int]], profiles: Sequence[Profile], common: float = CONSENSUS_COMMON
) -> dict[int, dict[str, float]]:
    """Per row of two or more sentences (few of them with figures): the words at least two of its
    sentences use, weighed by how rare they are among all candidates (``log(n / df)``) and by the share of
    the row's sentences that use them (:data:`CONSENSUS_BY_SHARE`)."""
    n = len(profiles)
    df = stem_counts(profiles)
    limit = max(3, int(common * n))
    out: dict[int, dict[str, float]] = {}
    # a row's words hang on its members alone: the rows that no join changed since the last call of the
    # grouping are not counted again (this dict is this function's own, filled as rows are met)
    known: dict[tuple[int, ...], dict[str, float]] = remembered(f"consensus_words {common}", profiles, dict)
    for g, members in enumerate(groups):
        if len(members) < 2:
            continue
        key = tuple(members)
        if key in known:
            if known[key]:
                out[g] = known[key]
            continue
        known[key] = {}
        if sum(bool(profiles[m].values or profiles[m].facts) for m in members) > SUPPORT_MAX_FIGURES * len(members):
            continue  # rows of figures join through their figures
        count = Counter(chain.from_iterable(profiles[m].stems for m in members))
        # ... each weighed by the share of the row's sentences that use it (:data:`CONSENSUS_BY_SHARE`)
        size = float(len(members))
        words = {st: float(np.log(n / df[st])) * (c / size) ** CONSENSUS_BY_SHARE
                 for st, c in count.items() if c >= 2 and df[st] <= limit}
        if words:
            out[g] = known[key] = words
    return out


def _consensus_dots(
    words: dict[int, dict[str, float]], keys: Sequence[int]
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], int]]:
    """For each pair of rows (of ``keys``, in their order) that share a consensus word: the dot product of
    their words' weights, and how many words they share."""
    # the rows each word is a consensus word of; only words of two or more rows can be shared
    rows_with: dict[str, list[int]] = {}
    for g in keys:
        for st in words[g]:
            rows_with.setdefault(st, []).append(g)
    dot: dict[tuple[int, int], float] = {}
    common: dict[tuple[int, int], int] = {}
    for st, rows in rows_with.items():
        # each row's weight of the word looked up once, not once per pair (the same products, summed in
        # the same order)
        weights = [words[r][st] for r in rows]
        for x in range(len(rows)):
            rx, wx = rows[x], weights[x]
            for y in range(x + 1, len(rows)):
                pair = (rx, rows[y])
                dot[pair] = dot.get(pair, 0.0) + wx * weights[y]
                common[pair] = common.get(pair, 0) + 1
    return dot, common


def join_consensus_rows(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Join rows whose sentences, each row taken together, retell one statement in other words.

    Two rows of retellings ("Russia claimed Ukraine's military used U.S.-supplied
    rocket launchers to strike the prison" / "Ukrainian troops used US-supplied
    HIMARS launchers for the attack, the ministry said") may share no close pair
    of sentences, yet the words *several* sentences of each row use -- its
    consensus -- are the same.  Two rows join when the cosine of their consensus
    words (:func:`consensus_words`) reaches :data:`CONSENSUS_THRESHOLD` with at
    least :data:`CONSENSUS_MIN_SHARED` words in common, the mean similarity of
    their sentences across articles reaches :data:`CONSENSUS_MIN_LINK`, they
    name no different places, no two of their sentences lie weeks apart
    (:class:`RowDays`), and the joined row stays within
    :data:`CONSENSUS_MAX_SIZE`.  Rows of figures are left to the joins by
    figures.  ``sim`` is units x ``cols`` (the date gap has zeroed pairs far apart).
    """
    if not CONSENSUS_THRESHOLD or len(groups) < 2 or not len(cols):
        return groups
    words = consensus_words(groups, profiles)
    keys = list(words)
    if len(keys) < 2:
        return groups
    dot, common = _consensus_dots(words, keys)
    norm = {g: float(np.sqrt(sum(w * w for w in words[g].values()))) for g in keys}
    candidates = sorted(
        (-cos, pair)
        for pair, d in dot.items()
        if common[pair] >= CONSENSUS_MIN_SHARED and (cos := d / (norm[pair[0]] * norm[pair[1]])) >= CONSENSUS_THRESHOLD
    )
    if not candidates:
        return groups
    n = len(profiles)
    col_of = _column_of(n, cols)
    article = _index_of(profiles, "article_id")
    # the places of the rows that may join only (most rows have no candidate)
    row_places: dict[int, frozenset[str]] = {}

    def places_of(g: int) -> frozenset[str]:
        if g not in row_places:
            row_places[g] = frozenset().union(*(places[m] for m in members_of[g])) if places is not None else frozenset()
        return row_places[g]

    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]

    find = partial(_root, parent)

    link = partial(_cross_article_mean, sim, col_of, article)
    days = RowDays(groups, profiles)

    merged = False
    for _, (ga, gb) in candidates:
        a, b = find(ga), find(gb)
        if a == b:
            continue
        ma, mb = members_of[a], members_of[b]
        if len(ma) + len(mb) > CONSENSUS_MAX_SIZE:
            continue
        pa, pb = places_of(a), places_of(b)
        if pa and pb and not (pa & pb):
            continue  # two places: two facts
        if days.apart(a, b):
            continue  # two events weeks apart
        if link(ma, mb) < CONSENSUS_MIN_LINK:
            continue
        parent[b] = a
        ma.extend(mb)
        days.join(a, b)
        row_places[a] = pa | pb
        merged = True
    if not merged:
        return groups
    # each row where its first sentence's row was; only the joined ones sorted again
    out: list[list[int]] = []
    seen: set[int] = set()
    for g in range(len(groups)):
        r = find(g)
        if r not in seen:
            seen.add(r)
            out.append(sorted(members_of[r]) if len(members_of[r]) != len(groups[r]) else groups[r])
    return out



#: two rows join when a pair across them, from two outlets, reaches this similarity and gives compatible
#: figures for one counted thing (see :func:`join_compatible_figures`; 0: off)
COMPATIBLE_EDGE = 0.36
#: ... figures no further apart than this ratio (their nearest ends)
COMPATIBLE_RATIO = 1.25
#: ... and one of the rows holds at most this many sentences
COMPATIBLE_MAX_SMALLER = 6
#: ... and the mean similarity of the two rows' sentences across articles reaches this
COMPATIBLE_MIN_LINK = 0.2
#: ... measured between the sentences of each row that carry a figure compatible with the other side's
COMPATIBLE_LINK_CARRIERS = True
#: ... and rows that name different places held apart only when each names a place in two or more of its
#: sentences (:func:`_settled_places`), not when one row's places are each named in passing by one sentence
COMPATIBLE_SETTLED_PLACES = True


def _bounded_figures(p: Profile) -> list[tuple[Figure, FactKey]]:
    """The figures of 10 and more of a passage that say what they count, each with its counted thing."""
    out = []
    for c in claims_of(p.ref):
        if c.figure.value < 10:
            continue
        k = ref_fact_key(c.figure, p.ref)
        if k is not None and (k.head or k.outcome):
            out.append((c.figure, k))
    return out


def compatible_figures(a: Figure, ka: FactKey, b: Figure, kb: FactKey) -> bool:
    """Whether two different figures may both be true of one quantity and are near: "more than 100" and
    "108", "as many as 75,000" and "between 70,000 and 80,000", but not "20 million" and "22 million"
    (two exact values: rivals) nor "more than 100" and "500" (too far apart)."""
    if a.kind != b.kind or not counts_compatible(ka, kb, unknown=False):
        return False
    if not ((a.qualifier or a.high is not None) or (b.qualifier or b.high is not None)):
        return False  # two plain values: the same (joined by value) or rivals
    la, ha = a.interval()
    lb, hb = b.interval()
    if max(la, lb) > min(ha, hb):
        return False
    ends_a = (a.value, a.high if a.high is not None else a.value)
    ends_b = (b.value, b.high if b.high is not None else b.value)
    near = min(max(x, y) / min(x, y) for x in ends_a for y in ends_b if min(x, y) > 0)
    return near <= COMPATIBLE_RATIO


def join_compatible_figures(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Join rows whose sentences give compatible figures for one quantity in like words.

    "Ukraine swapped more than 100 prisoners" and "Moscow released 108
    female soldiers" share no value, so the joins by value miss them, yet
    both figures may be true of one swap.  Two rows join when a pair across
    them, from two outlets, reaches :data:`COMPATIBLE_EDGE` and carries
    figures that :func:`compatible_figures` finds compatible, one row holds at
    most :data:`COMPATIBLE_MAX_SMALLER` sentences, their mean link reaches
    :data:`COMPATIBLE_MIN_LINK` and they name no different places.  With
    :data:`COMPATIBLE_LINK_CARRIERS` that link is the one of the sentences of each
    row that carry a figure compatible with (or equal to) the other side's: a row
    that also holds other counts of the kind ("up to 40 evacuated from a boat")
    is judged by its sentences about this count, as :func:`join_rival_rows`
    judges the sentences carrying the rival figures.  Rival
    values (two plain figures) are not joined here.  ``sim`` is units x
    ``cols``; the date gap has zeroed pairs far apart.
    """
    if not COMPATIBLE_EDGE or len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    owner = _owners(groups, n)
    hasfig = np.array([bool(p.values) for p in profiles], dtype=bool)
    ii, jj, kk = _cross_row_pairs(sim, cols, owner, _index_of(profiles, "outlet"), COMPATIBLE_EDGE, hasfig)
    if not len(ii):
        return groups
    figures: dict[int, list[tuple[Figure, FactKey]]] = {}

    def figures_of(i: int) -> list[tuple[Figure, FactKey]]:
        if i not in figures:
            figures[i] = _bounded_figures(profiles[i])
        return figures[i]

    col_of = _column_of(n, cols)
    article = _index_of(profiles, "article_id")
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    row_places = _row_places(groups, places)
    find = partial(_root, parent)

    link = partial(_cross_article_mean, sim, col_of, article)

    for k in np.argsort(-sim[ii, kk], kind="stable"):
        i, j = int(ii[k]), int(jj[k])
        a, b = find(int(owner[i])), find(int(owner[j]))
        if a == b:
            continue
        ma, mb = members_of[a], members_of[b]
        if min(len(ma), len(mb)) > COMPATIBLE_MAX_SMALLER:
            continue
        fi, fj = figures_of(i), figures_of(j)
        if len(fi) != 1 or len(fj) != 1 or not compatible_figures(*fi[0], *fj[0]):
            continue  # a sentence of two counts ("30 killed and 100 wounded") may belong to either's row
        # ... and most sentences of each row count that thing (a row of tolls never takes a row of injuries)
        if not all(
            2 * sum(any(f.kind == fig.kind and counts_compatible(k, key, unknown=False) for f, k in figures_of(m)) for m in g)
            >= len(g)
            for g, (fig, key) in ((ma, fi[0]), (mb, fj[0]))
        ):
            continue
        if _places_apart(row_places, a, b) and not (
            COMPATIBLE_SETTLED_PLACES and places is not None
            and not (_settled_places(places, ma) and _settled_places(places, mb))
        ):
            continue  # two places: two facts (unless one row names its places only in passing)
        if COMPATIBLE_LINK_CARRIERS:
            # the link of the sentences that carry a figure compatible with the pair's (a row of several
            # counts is measured by the sentences of this count, not by its others)
            carriers = [[m for m in g if any(compatible_figures(*f, *fig) or f[0].value == fig[0].value
                                             for f in figures_of(m))] for g, fig in ((ma, fj[0]), (mb, fi[0]))]
            if link(carriers[0], carriers[1]) < COMPATIBLE_MIN_LINK:
                continue
        elif link(ma, mb) < COMPATIBLE_MIN_LINK:
            continue
        _join(parent, ma, mb, row_places, a, b)
    return _regrouped(groups, parent)


#: two rows join when a pair across them, from two outlets, gives nearly the same specific count of one named
#: thing ("at least 63 projectiles" / "64 cruise missiles": values within :data:`NEAR_COUNT_RATIO`, neither a
#: round figure) about the same days and reaches this similarity (see :func:`join_near_counts`; 0: off).  A
#: specific number told alike is the strongest sign of one fact, and retellings of a count often share few
#: other words ("a spokesman counted 63 projectiles in all" / "the 64 cruise missiles it fired overnight")
NEAR_COUNT_EDGE = 0.15
#: ... the two values lie within this factor of each other (63 and 64; not 55 and 64)
NEAR_COUNT_RATIO = 1.05
#: ... and each is at least this (small counts recur by chance: "three killed" in two towns)
NEAR_COUNT_MIN = 20
#: ... and the days the two sentences are about lie at most this many days apart
NEAR_COUNT_DAYS = 1


def _specific(f: Figure) -> bool:
    """A count written to the unit ("83", "1,351", "at least 84"), not a round figure ("80", "1,300",
    "2 million", "a dozen"): two outlets do not meet on such a number by chance."""
    v = f.value
    return (f.kind == "count" and v >= NEAR_COUNT_MIN and v == int(v) and int(v) % 10 != 0 and f.high is None
            and any(ch.isdigit() for ch in f.text))


def join_near_counts(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Join two rows whose sentences give nearly the same specific count of one named thing.

    "a spokesman counted at least 63 projectiles in all" and "air defences downed 41 of the 64 cruise
    missiles fired" count one barrage in different words: their similarity stays far below
    the joins by words, and their values differ, so the joins by value miss them.  A number such as 63 or
    64 is not met by chance, though: two rows join when a pair of their sentences from two outlets carries
    counts within :data:`NEAR_COUNT_RATIO` of each other, both specific (:func:`_specific`: written to the
    unit, at least :data:`NEAR_COUNT_MIN`; no measures such as a range in miles), of one kind and one named thing (:meth:`FactKey.matches`, both
    with a head: "projectiles" takes in "missiles"), about days at most :data:`NEAR_COUNT_DAYS` apart, the
    pair reaches :data:`NEAR_COUNT_EDGE`, one of the rows holds at most :data:`COMPATIBLE_MAX_SMALLER`
    sentences, the rows name no different places and lie within the date gap (:class:`RowDays`).  ``sim``
    is units x ``cols``.
    """
    if not NEAR_COUNT_EDGE or len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    # the units with a specific count, by value (few: most figures are round or small)
    carriers: list[tuple[float, int, Figure, FactKey]] = []
    for i, p in enumerate(profiles):
        if not p.values or not any(v >= NEAR_COUNT_MIN and v % 10 for v in p.values):
            continue
        carriers.extend((f.value, i, f, k) for f, k in _bounded_figures(p)
                        if k.head and not is_measure(k) and _specific(f))
    if len(carriers) < 2:
        return groups
    carriers.sort(key=lambda c: (c[0], c[1]))
    owner = _owners(groups, n)
    col_of = _column_of(n, cols)
    starts, ends = unit_days(profiles)
    pairs: list[tuple[float, int, int]] = []
    for x, (va, i, fa, ka) in enumerate(carriers):
        for vb, j, fb, kb in carriers[x + 1:]:
            if vb > NEAR_COUNT_RATIO * va:
                break
            if owner[i] < 0 or owner[j] < 0 or owner[i] == owner[j]:
                continue
            if profiles[i].ref.outlet == profiles[j].ref.outlet or fa.kind != fb.kind or not ka.matches(kb):
                continue
            if max(starts[i], starts[j]) - min(ends[i], ends[j]) > NEAR_COUNT_DAYS:
                continue
            s = max(sim[i, col_of[j]] if col_of[j] >= 0 else 0.0, sim[j, col_of[i]] if col_of[i] >= 0 else 0.0)
            if s >= NEAR_COUNT_EDGE:
                pairs.append((float(s), i, j))
    if not pairs:
        return groups
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    row_places = _row_places(groups, places)
    days = RowDays(groups, profiles)
    find = partial(_root, parent)
    for _, i, j in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        a, b = find(int(owner[i])), find(int(owner[j]))
        if a == b:
            continue
        ma, mb = members_of[a], members_of[b]
        if min(len(ma), len(mb)) > COMPATIBLE_MAX_SMALLER:
            continue
        if _places_apart(row_places, a, b):
            continue  # two places: two facts
        if days.apart(a, b):
            continue  # two events weeks apart
        _join(parent, ma, mb, row_places, a, b)
        days.join(a, b)
    return _regrouped(groups, parent)


#: two rows whose own figures are rival estimates of one quantity join when a pair of passages carrying
#: them, from two outlets, reaches this similarity (the same event told in like words) ...
RIVAL_EDGE = 0.3
#: ... and the mean similarity of those passages across the rows (other articles) reaches this
RIVAL_MIN_LINK = 0.25
#: ... and their values lie within this factor of each other: rival estimates of one stock or toll
#: ("20 million" / "22 million"), not the loads of two ships ("26,000" / "58,000 tonnes of corn")
RIVAL_MAX_RATIO = 1.5
#: ... or this factor for two tolls of people (killed, wounded, casualties) of at least
#: :data:`RIVAL_TOLL_MIN` each: rival estimates of one toll in the hundreds ("300 people killed" / "as many
#: as 600") differ more than rival loads of one stock, while a first count in the tens still grows by half
#: within a day ("ten dead" on the evening, "18 killed" the next morning), so small tolls keep
#: :data:`RIVAL_MAX_RATIO`.  Measured on compare_dev (with Quantity.same_toll): together 0.812 -> 0.844 (151 ->
#: 157 of 186 pairs: Mariupol's 300 / 400 / 600), apart 0.972 -> 0.968, flagged and falseflag unchanged; the
#: flag survey unchanged (58 rows).  At 2.0 for every count: together 0.849 (158) but falseflag 0.030 (a first
#: toll of ten joined its row of 16-19 dead and flagged it); at 2.0 for tolls unless the smaller was told on
#: an earlier day: the same (ten and "at least 16" were told the same evening)
#: The same ratio holds for tolls of any size when the larger was told on a day before the smaller
#: (:func:`_toll_fell`): a toll that falls is a dispute or a correction, not a count growing.  Measured on
#: compare_dev: together 0.844 -> 0.849 (157 -> 158: Chaplyne's "about 50 wounded" joins the 22 and 31
#: wounded of the next day), apart, flagged and falseflag unchanged; the flag survey unchanged (59 rows)
RIVAL_TOLL_RATIO = 2.0
RIVAL_TOLL_MIN = 100


def _own_claims(claims: Sequence[tuple[int, ClaimFact]]) -> list[tuple[int, ClaimFact]]:
    """A row's own figures: the claims whose value the most documents of the row admit for that quantity
    (at least two documents, or the row's only one), not a figure one sentence brought in beside them."""
    documents = {c.document for _, c in claims}
    support: list[int] = []
    # (each pair's intervals are compared before its quantities: the same answer, and the interval test,
    # two float comparisons, spares most of the quantity tests of a row of many figures)
    for _, c in claims:
        support.append(len({d.document for _, d in claims
                            if d.low <= c.high and c.low <= d.high and d.quantity.same_toll(c.quantity)}))
    if not support:
        return []
    best = max(support)
    if best < 2 and len(documents) > 1:
        return []
    top = [c for (_, c), s in zip(claims, support, strict=True) if s == best]
    # ... and the claims that admit the same value ("20 million" beside "about 20 million")
    return [(m, c) for m, c in claims
            if any(t.low <= c.high and c.low <= t.high and t.quantity.same_toll(c.quantity) for t in top)]


def _toll_fell(x: ClaimFact, y: ClaimFact) -> bool:
    """Two tolls of people (killed, wounded, casualties) of which the larger was told on a day before the
    smaller: a toll only grows as the dead and hurt are found, so "about 50 wounded" on the 24th and "31
    wounded" on the 25th are rival counts of one toll (or a count corrected), never a first count and its
    growth ("ten dead" in the evening, "18 killed" the next morning: the smaller told first)."""
    if x.quantity.kind not in HARM_KINDS or x.quantity.unit != "count" or x.value == y.value:
        return False
    large, small = (x, y) if x.value > y.value else (y, x)
    return large.as_of.before(small.as_of)


def _close_rivals(x: ClaimFact, y: ClaimFact) -> bool:
    """Two claims count one thing (:meth:`Quantity.same_toll`), cannot both hold and lie within
    :data:`RIVAL_MAX_RATIO` of each other (:data:`RIVAL_TOLL_RATIO` for tolls of people in the hundreds,
    and for tolls of which the larger was told on an earlier day, :func:`_toll_fell`)."""
    if x.low <= y.high and y.low <= x.high:
        return False
    low = min(x.value, y.value)
    toll = (low >= RIVAL_TOLL_MIN or _toll_fell(x, y)) and x.quantity.kind in HARM_KINDS and x.quantity.unit == "count"
    if low <= 0 or max(x.value, y.value) > (RIVAL_TOLL_RATIO if toll else RIVAL_MAX_RATIO) * low:
        return False
    return x.quantity.same_toll(y.quantity)


def join_rival_rows(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Join two rows whose own figures are rival estimates of one quantity (see :func:`_own_claims`).

    "An estimated 20 million tonnes of grain are stuck" and "the deal clears the way to export 22
    million tonnes of grain" report one quantity, but their different numbers keep the passages apart
    (a shared value is what joins rows of figures).  Two rows join when their own figures, for one
    counted thing, kind, subject and unit at overlapping times, cannot all hold (a pair of them
    clashes, :func:`desk.compare.disagree.judge`), the passages carrying them tell one event in like
    words (:data:`RIVAL_EDGE`, :data:`RIVAL_MIN_LINK`), the rows name no different places, and the
    joined row shows the disagreement (not a "mixed" row of many figures).  ``sim`` is units x ``cols``.
    """
    if len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    col_of = _column_of(n, cols)
    owner = _owners(groups, n)
    has_values = np.array([bool(p.values) for p in profiles], dtype=bool)
    ii, jj, kk = _cross_row_pairs(sim, cols, owner, _index_of(profiles, "outlet"), RIVAL_EDGE, has_values)
    if not len(ii):
        return groups
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    find = partial(_root, parent)
    claims_of_unit: dict[int, list[ClaimFact]] = {}

    def row_claims(members: list[int]) -> list[tuple[int, ClaimFact]]:
        out: list[tuple[int, ClaimFact]] = []
        for m in members:
            if m not in claims_of_unit:
                claims_of_unit[m] = passage_claims([profiles[m].ref]) if has_values[m] else []
            out.extend((m, c) for c in claims_of_unit[m])
        return out

    def link(a: list[int], b: list[int]) -> tuple[float, float]:
        """The best and the mean similarity of units ``a`` and ``b`` across articles (either side's column)."""
        values = []
        for x in a:
            for y in b:
                if profiles[x].ref.article_id == profiles[y].ref.article_id:
                    continue
                s = max(sim[x, col_of[y]] if col_of[y] >= 0 else 0.0, sim[y, col_of[x]] if col_of[x] >= 0 else 0.0)
                values.append(float(s))
        return (max(values), sum(values) / len(values)) if values else (0.0, 0.0)

    tried: set[tuple[int, int]] = set()
    own_of: dict[int, list[tuple[int, ClaimFact]]] = {}
    for k in np.argsort(-sim[ii, kk], kind="stable"):
        a, b = find(int(owner[ii[k]])), find(int(owner[jj[k]]))
        if a == b or (min(a, b), max(a, b)) in tried:
            continue
        tried.add((min(a, b), max(a, b)))
        ma, mb = members_of[a], members_of[b]
        if places is not None:
            pa = frozenset().union(*(places[m] for m in ma))
            pb = frozenset().union(*(places[m] for m in mb))
            if pa and pb and not (pa & pb):
                continue  # two places: two facts
        for g in (a, b):
            if g not in own_of:
                own_of[g] = _own_claims(row_claims(members_of[g]))
        own_a, own_b = own_of[a], own_of[b]
        if not any(_close_rivals(x, y) for _, x in own_a for _, y in own_b):
            continue  # no pair of the rows' own figures can be rivals: the full judgement is not needed
        rivals = [
            (x, y) for v in judge_claims([c for _, c in own_a + own_b]) if v.disagreement for x, y in v.clashes
        ]
        keys_a = {c.key for _, c in own_a}
        keys_b = {c.key for _, c in own_b}
        across = [(x, y) for x, y in rivals if (x.key in keys_a) != (y.key in keys_a)
                  and (x.key in keys_b) != (y.key in keys_b) and _close_rivals(x, y)]
        if not across:
            continue
        units_a = sorted({m for m, c in own_a if any(c.key in (x.key, y.key) for x, y in across)})
        units_b = sorted({m for m, c in own_b if any(c.key in (x.key, y.key) for x, y in across)})
        best, mean = link(units_a, units_b)
        if best < RIVAL_EDGE or mean < RIVAL_MIN_LINK:
            continue
        in_a = {c.key for _, c in row_claims(ma)}
        joined_claims = passage_claims([profiles[m].ref for m in ma + mb])
        if not any((x.key in in_a) != (y.key in in_a)
                   for v in judge_claims(joined_claims) if v.disagreement for x, y in v.clashes):
            continue  # the joined row would not show the rivals' disagreement (too many figures to be rivals)
        parent[b] = a
        ma.extend(mb)
        del own_of[a], own_of[b]
    return _regrouped(groups, parent)


#: a sentence without figures that no row took joins the row of its closest sentence without figures from
#: another outlet when their similarity reaches this (see :func:`join_lone_statements`; 0: off)
LONE_EDGE = 0.26
#: ... and the two share at least this many words that at most :data:`LONE_COMMON_SHARE` of the candidates
#: use (a short sentence reaches the edge through one shared word: "my story is not unique")
LONE_MIN_SHARED = 3
LONE_COMMON_SHARE = 0.35
#: ... or this lower similarity when the two take one rare statement frame (one actor, one stance:
#: "the buyer in Varnia refused the cargo" / "the cargo was rejected by buyers in Varnia"; 0: off)
LONE_FRAME_EDGE = 0.15
#: a lone sentence joins no row that already holds this many (0: no limit): such a row compares widely
#: already, and the joins swelled topic rows (with SUPPORT_MAX_SIZE: "bridge" 67 -> 40 sentences, "grain
#: deal" 57 -> 40; compare_dev unchanged at 12, 20 and 30)
LONE_MAX_ROW = 20
#: a sentence whose figures are all below 10 (it counts "two women", "five nationals": no value that joins rows
#: of figures) takes part as a statement (False: only sentences without any figure).  A retelling such as "two
#: women slated for the exchange chose to stay" stayed alone beside the row of its fact; measured on compare_dev:
#: together 0.769 -> 0.774 (143 -> 144 of 186 pairs), apart 0.972, flagged 0.917, falseflag 0.000 unchanged.
#: (Letting the lone sentence's match carry values too, as well: together 0.774, apart 0.972 -> 0.968.)
LONE_SMALL_FIGURES = True
#: a row of at most this many sentences, each a statement (no figure of 10 or more), joins the row of its
#: closest match as a lone sentence does (1: lone sentences only).  Two or three outlets' retellings of one
#: statement often make a small row beside the row of the same statement told in other words ("Varnia has
#: not claimed the attack" / "nobody in Varnia owned up to the blast"), and average linkage and the joins by support ask more of
#: them than one close pair.  Measured on compare_dev (with LONE_SMALL_FIGURES): 1 -> 2 -> 3 -> 4: together
#: 0.774 -> 0.780 -> 0.790 -> 0.796 (144 -> 145 -> 147 -> 148 of 186), apart 0.972 until 3, 0.963 at 4;
#: flagged 0.917 and falseflag 0.000 throughout.  On 9 real queries at 3: 3-4% fewer rows, the largest row
#: of each query as before (LONE_MAX_ROW), 26 -> 25 flagged rows.
LONE_ROW_SIZE = 3
#: with the folder's related words (:mod:`desk.compare.related`), the two must also share at least
#: :data:`LONE_FOLDER_WORDS` words that at most :data:`LONE_FOLDER_SHARE` of the folder's passages hold, or one
#: fewer when one of them is in at most :data:`LONE_FOLDER_RARE` of them (0: off; :func:`_folder_evidence`).
#: Words a tenth of the candidates use pass :data:`LONE_COMMON_SHARE`, yet the president, the war, the army or a
#: city are in one passage of the folder in ten or more, and three of them joined any two statements of a broad
#: query ("the president vowed to retake the land" / "Western leaders take the president at his word"); two
#: retellings of one statement share words of the fact itself (a name, a thing, a step: "certification",
#: "blankets", "summoned").  Read on 14 queries not in compare_dev (874 joined rows, 1,586 joins): of 40 joins
#: drawn at random, 17 right and 23 wrong before; 16 right and 9 wrong of them are left (631 joined rows).
#: compare_dev unchanged (0.932 / 0.864 / 0.974 / 0.917 / 0.000) with :data:`LONE_SAME_NEWS_DAYS`; without it,
#: together 0.853 (two pairs of one day's news lost: "accused the Russians of shelling" told two ways).
LONE_FOLDER_WORDS = 3
LONE_FOLDER_SHARE = 0.05
LONE_FOLDER_RARE = 0.01
#: ... and the rule is not asked of two sentences published within this many days of each other (one day's
#: news, whose retellings share the event's words however common they are in the folder; -1: of any two)
LONE_SAME_NEWS_DAYS = 1
#: a lone sentence and its match whose days (:func:`unit_days`) lie more than this many days apart link only
#: at :data:`LONE_FAR_EDGE` (0: off): a statement retold weeks later keeps its words, while two statements
#: weeks apart that share a few of the topic's words ("the port of Varnia", "the grain corridor") are two
#: events, and one such pair was all the join asked of them
LONE_FAR_DAYS = 7
LONE_FAR_EDGE = 0.34
#: a sentence joins a row only through a match that was in the row before these joins (not one that joined it
#: here): "dam may flood the city" took "the city is a fortress", which took "the city fell early in the war"
LONE_NO_CHAIN = True


def _frame_pairs(
    sim: np.ndarray, cols: np.ndarray, owner: np.ndarray, outlet: np.ndarray, lone: np.ndarray,
    frames: Sequence[frozenset[str]], content: Sequence[frozenset[str]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (unit i, unit j, column k of j) of a ``lone`` unit and a unit of another row and outlet,
    without figures, that take one of its ``frames`` about one same thing (a stem of their ``content``
    in common) and reach :data:`LONE_FRAME_EDGE` but not :data:`LONE_EDGE` (those come from the
    matrix's scan already)."""
    members: dict[str, list[int]] = {}
    for i, fs in enumerate(frames):
        for f in fs:
            members.setdefault(f, []).append(i)
    col_of = _column_of(len(frames), cols)
    found: set[tuple[int, int, int]] = set()
    for us in members.values():
        if len(us) < 2 or not lone[us].any():
            continue
        for i in us:
            for j in us:
                k = int(col_of[j])
                if (i == j or k < 0 or not (lone[i] or lone[j]) or owner[i] < 0 or owner[j] < 0
                        or owner[i] == owner[j] or outlet[i] == outlet[j]):
                    continue
                if LONE_FRAME_EDGE <= sim[i, k] < LONE_EDGE and content[i] & content[j]:
                    found.add((i, j, k))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    ii, jj, kk = (np.array(x, dtype=np.int64) for x in zip(*sorted(found), strict=True))
    return ii, jj, kk


def _told_together(a: Profile, b: Profile) -> bool:
    """Both published within :data:`LONE_SAME_NEWS_DAYS` of each other: one day's news, whose retellings
    share the words of the event (the prison, the shelling) however common they are in the folder."""
    da, db = a.ref.date, b.ref.date
    return da is not None and db is not None and abs((da - db).days) <= LONE_SAME_NEWS_DAYS


def _folder_evidence(shared: Iterable[str], df: Mapping[str, int], related: Any) -> bool:
    """Of the ``shared`` stems, :data:`LONE_FOLDER_WORDS` are in at most :data:`LONE_FOLDER_SHARE` of the
    folder's passages and one in at most :data:`LONE_FOLDER_RARE` (``related.share``; a stem it does not keep
    counts as rare when fewer than :data:`desk.compare.related.MIN_DF` candidates (``df``) hold it, else as
    common)."""
    if not LONE_FOLDER_WORDS:
        return True
    from .related import MIN_DF

    kept = rare = 0
    for st in shared:  # (a share of None: a stem of too few passages, or of too many; the candidates tell)
        share = related.share(st)
        if share is None:
            share = 0.0 if df.get(st, 0) < MIN_DF else 1.0
        if share <= LONE_FOLDER_SHARE:
            kept += 1
            rare += share <= LONE_FOLDER_RARE
    return kept >= LONE_FOLDER_WORDS or (kept >= LONE_FOLDER_WORDS - 1 and rare >= 1)


def join_lone_statements(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
    *,
    statements: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]] | None = None,
    related: Any = None,
) -> list[list[int]]:
    """A sentence without figures that stayed alone joins the row of its closest match from another outlet.

    Average linkage and the joins above ask a row for broad support, which a retelling in other words
    ("the Varnian side did not claim the blast" / "Varnia stopped short of claiming the attack") rarely
    has: it shares a few words with one sentence of the row, and fewer with the rest.  A row of one
    sentence compares nothing, so here such a sentence (no figure, from the first grouping's rows of one)
    joins the row of its best match when that match, from another outlet and without figures either,
    reaches :data:`LONE_EDGE`, the two share :data:`LONE_MIN_SHARED` words that are not the topic's,
    they name no different places, and the sentence lies within the date gap of every sentence of the row
    (:class:`RowDays`: close in time to its match, it may still lie weeks from the row's other sentences).  A row
    of up to :data:`LONE_ROW_SIZE` such sentences (a statement retold by two or three outlets) moves as one
    sentence does, the smaller row into the larger; larger rows are never joined to each other here.  ``sim`` is units x ``cols`` (the date gap has zeroed pairs far apart).

    With ``statements`` (each unit's rare statement frames and what they are about,
    :func:`desk.compare.grouping.unit_frames`), a pair that takes one frame -- the same actor in the same
    stance -- about at least one same thing needs only :data:`LONE_FRAME_EDGE`: a retelling in the
    passive ("the cargo was rejected by the buyers in Varnia") shares the actor, the stance and the
    cargo with "the buyer in Varnia refused the cargo" but few other words.  The shared words and places
    are asked of it as of any pair.

    With ``related`` (the folder's :class:`desk.compare.related.Related`), the shared words must also be
    the fact's, not the folder's commonest (:data:`LONE_FOLDER_WORDS`, :func:`_folder_evidence`).
    """
    if not LONE_EDGE or len(groups) < 2 or not len(cols):
        return groups
    n = len(profiles)
    owner = _owners(groups, n)
    # statements: no figure, or (:data:`LONE_SMALL_FIGURES`) no figure of 10 or more
    plain = np.array([not (p.values or (p.facts and not LONE_SMALL_FIGURES)) for p in profiles], dtype=bool)
    # the rows that may move: at most LONE_ROW_SIZE sentences, each a statement (counted per row at once)
    sizes = np.fromiter(map(len, groups), dtype=np.int64, count=len(groups))
    figured = np.bincount(owner[(owner >= 0) & ~plain], minlength=len(groups))
    small = ((sizes <= LONE_ROW_SIZE) & (figured == 0)).tolist()
    lone = (owner >= 0) & np.asarray(small, dtype=bool)[np.maximum(owner, 0)]
    if not lone.any():
        return groups
    outlet = _index_of(profiles, "outlet")
    ii, jj, kk = _cross_row_pairs(sim, cols, owner, outlet, LONE_EDGE, plain)
    if statements is not None and LONE_FRAME_EDGE and LONE_FRAME_EDGE < LONE_EDGE:
        fi, fj, fk = _frame_pairs(sim, cols, owner, outlet, lone, *statements)
        ii, jj, kk = np.concatenate([ii, fi]), np.concatenate([jj, fj]), np.concatenate([kk, fk])
    keep = lone[ii] | lone[jj]
    ii, jj, kk = ii[keep], jj[keep], kk[keep]
    if not len(ii):
        return groups
    df = stem_counts(profiles)
    limit = max(3, int(LONE_COMMON_SHARE * n))
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    row_places = _row_places(groups, places)
    days = RowDays(groups, profiles)
    find = partial(_root, parent)
    moved: set[int] = set()  # the units of the rows that joined another here
    if LONE_FAR_DAYS:
        starts, ends = unit_days(profiles)
        far = (starts[ii] > ends[jj] + LONE_FAR_DAYS) | (ends[ii] < starts[jj] - LONE_FAR_DAYS)
        keep = ~far | (sim[ii, kk] >= np.float32(LONE_FAR_EDGE))
        ii, jj, kk = ii[keep], jj[keep], kk[keep]
    for k in np.argsort(-sim[ii, kk], kind="stable"):
        i, j = int(ii[k]), int(jj[k])
        a, b = find(int(owner[i])), find(int(owner[j]))
        if a == b:
            continue
        # the small row must still be as it was (it joins one row, its best; a row it took does not move)
        moves_a = small[a] and len(members_of[a]) == len(groups[a])
        moves_b = small[b] and len(members_of[b]) == len(groups[b])
        if not (moves_a or moves_b):
            continue
        shared = profiles[i].stems & profiles[j].stems
        if sum(df[st] <= limit for st in shared) < LONE_MIN_SHARED:
            continue  # one or two shared words: a coincidence of short sentences
        if (related is not None and not _told_together(profiles[i], profiles[j])
                and not _folder_evidence(shared, df, related)):
            continue  # only the folder's common words in common ("the president", "the war"): two statements
        if _places_apart(row_places, a, b):
            continue  # two places: two facts
        if days.apart(a, b):
            continue  # two events weeks apart
        if not moves_b or (moves_a and len(members_of[a]) < len(members_of[b])):
            a, b = b, a  # the small row (the smaller, when both are) joins the other
        if LONE_MAX_ROW and len(members_of[a]) >= LONE_MAX_ROW:
            continue
        if LONE_NO_CHAIN and (i if find(int(owner[i])) == a else j) in moved:
            continue  # its match came in here itself: a chain of statements, each like the last, not one fact
        moved.update(members_of[b])
        _join(parent, members_of[a], members_of[b], row_places, a, b)
        days.join(a, b)
    return _regrouped(groups, parent)


#: two rows of statements join when each is the other's closest row by the cosine of their consensus words
#: (:func:`join_mutual_rows`; 0: off), and that cosine reaches this.  Measured on compare_dev (with the joins of
#: statements comparing event places, desk.compare.actors): together 0.801 -> 0.812 (149 -> 151 of 186 pairs: "Kyiv
#: has not claimed the blast" told in two rows of 20 and 10 sentences), apart 0.972, flagged 0.917, falseflag 0.000
#: unchanged.  At 0.2 with MUTUAL_MIN_LINK 0.1 the same pairs and 86 joins over 20 real queries, among them rows
#: of background on a topic (war-crimes reactions 222 days apart); at 0.24 and 0.14, 65 joins, none over 26
#: sentences.  Run once, after the lone statements (run after the consensus join as well, it placed no more pairs)
MUTUAL_THRESHOLD = 0.24
#: ... with at least this many consensus words in common
MUTUAL_MIN_SHARED = 4
#: ... and the mean similarity of their sentences across articles reaches this
MUTUAL_MIN_LINK = 0.14
#: ... and the joined row holds at most this many sentences (:data:`SUPPORT_MAX_SIZE`'s limit)
MUTUAL_MAX_SIZE = 40


def join_mutual_rows(
    groups: list[list[int]],
    sim: np.ndarray,
    profiles: Sequence[Profile],
    cols: np.ndarray,
    places: Sequence[frozenset[str]] | None = None,
) -> list[list[int]]:
    """Join two rows of statements that are each other's closest row: one event retold in two rows.

    Two outlets' retellings of one statement often end up in two coherent rows of several sentences
    each ("the military denied the strike, saying the rebels shelled the depot to hide the looting" / "the
    army said the rebels burned the depot so no one would see what was taken"), which no pair of
    sentences, no mean of best matches and no consensus cosine of :data:`CONSENSUS_THRESHOLD` joins.
    Here each row of statements (:func:`consensus_words`) finds its closest row by consensus cosine; two
    rows join when each is the other's closest (so a row never joins a row that is closer to a third),
    the cosine reaches :data:`MUTUAL_THRESHOLD` with :data:`MUTUAL_MIN_SHARED` words in common, the mean
    similarity of their sentences across articles reaches :data:`MUTUAL_MIN_LINK`, they name no different
    event places (``places``: :func:`desk.compare.actors.event_places`), no two of their sentences lie
    weeks apart (:class:`RowDays`), the joined row stays within :data:`MUTUAL_MAX_SIZE`, and neither
    row nor the joined one shows a disagreement of figures (:func:`_new_disagreement`).  Rows are compared
    with their places named in two or more of their sentences (:func:`_settled_places`): one sentence that a
    lone statement brought in may name a place in passing.  One round: the closest rows are those of the
    grouping before it, and a row has one closest row, so rows do not chain.  ``sim`` is units x ``cols``.
    """
    if not MUTUAL_THRESHOLD or len(groups) < 2 or not len(cols):
        return groups
    words = consensus_words(groups, profiles)
    if len(words) < 2:
        return groups
    # every (row, word, weight) of the rows' consensus; pairs of entries of one word give the rows' dot products
    vocab: dict[str, int] = {}
    number = vocab.setdefault
    row_of = np.fromiter(chain.from_iterable([g] * len(ws) for g, ws in words.items()), dtype=np.int64)
    word_of = np.fromiter((number(st, len(vocab)) for ws in words.values() for st in ws), dtype=np.int64)
    weight = np.fromiter(chain.from_iterable(ws.values() for ws in words.values()), dtype=np.float64)
    shared = np.bincount(word_of, minlength=len(vocab))[word_of] >= 2  # words of two rows or more
    from .grouping import _pair_parts

    ea, eb, _ = _pair_parts(np.nonzero(shared)[0], word_of[shared])
    keep = row_of[ea] < row_of[eb]
    ea, eb = ea[keep], eb[keep]
    if not len(ea):
        return groups
    size = len(groups)
    pair_keys, at, common = np.unique(row_of[ea] * size + row_of[eb], return_inverse=True, return_counts=True)
    dot = np.bincount(at, weights=weight[ea] * weight[eb], minlength=len(pair_keys))
    norm = np.zeros(size, dtype=np.float64)
    np.add.at(norm, row_of, weight * weight)
    norm = np.sqrt(norm)
    ga, gb = pair_keys // size, pair_keys % size
    cos = dot / (norm[ga] * norm[gb])
    ok = common >= MUTUAL_MIN_SHARED
    ga, gb, cos = ga[ok], gb[ok], cos[ok]
    # each row's closest row (ties to the lower row, for one answer whatever the order)
    side = np.concatenate([ga, gb])
    other = np.concatenate([gb, ga])
    both = np.concatenate([cos, cos])
    order = np.lexsort((other, -both, side))
    side, other, both = side[order], other[order], both[order]
    first = np.ones(len(side), dtype=bool)
    first[1:] = side[1:] != side[:-1]
    best = dict(zip(side[first].tolist(), zip(both[first].tolist(), other[first].tolist(), strict=True), strict=True))
    pairs = sorted((-c, g, o) for g, (c, o) in best.items()
                   if g < o and c >= MUTUAL_THRESHOLD and best.get(o, (0.0, -1))[1] == g)
    if not pairs:
        return groups
    n = len(profiles)
    col_of = _column_of(n, cols)
    link = partial(_cross_article_mean, sim, col_of, _index_of(profiles, "article_id"))
    days = RowDays(groups, profiles)
    outlet = _index_of(profiles, "outlet")
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]
    for _, a, b in pairs:
        ma, mb = members_of[a], members_of[b]
        if len(ma) + len(mb) > MUTUAL_MAX_SIZE:
            continue
        if len(set(outlet[ma].tolist()) | set(outlet[mb].tolist())) < 2:
            continue  # one outlet's sentences: nothing to compare
        if places is not None:
            pa, pb = _settled_places(places, ma), _settled_places(places, mb)
            if pa and pb and not (pa & pb):
                continue  # two places: two facts
        if days.apart(a, b):
            continue  # two events weeks apart
        if link(ma, mb) < MUTUAL_MIN_LINK:
            continue
        if _new_disagreement(profiles, ma, mb):
            continue  # figures that disagree: left to the joins by figures
        parent[b] = a
        ma.extend(mb)
        days.join(a, b)
    return _regrouped(groups, parent)


def _new_disagreement(profiles: Sequence[Profile], a: list[int], b: list[int]) -> bool:
    """Rows ``a`` and ``b`` show a disagreement of figures, either alone or joined: a row that shows one
    is a row of figures (the joins by figures decide on it, and a row joined to it may hide the flag among
    more figures), and two rows that show none must not show one joined."""
    refs_a = [profiles[m].ref for m in a if profiles[m].values or profiles[m].facts]
    refs_b = [profiles[m].ref for m in b if profiles[m].values or profiles[m].facts]

    def flagged(refs: list[PassageRef]) -> bool:
        return len(refs) > 1 and any(v.disagreement for v in judge_claims(passage_claims(refs)))

    return flagged(refs_a) or flagged(refs_b) or (bool(refs_a) and bool(refs_b) and flagged(refs_a + refs_b))
