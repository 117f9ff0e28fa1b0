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

from collections.abc import Sequence

import numpy as np

from .profile import Profile

#: two rows join when the mean of the smaller row's sentences' best match in the other row reaches this
SUPPORT_THRESHOLD = 0.35
#: ... and a pair across them, from two outlets, reaches this
SUPPORT_EDGE = 0.38
#: ... and the merged row holds at most this many sentences (0: no limit)
SUPPORT_MAX_SIZE = 0
#: ... and at most this share of the merged row's sentences carry a figure (rows of figures join
#: through their figures: two tolls or two cargoes in like words are two facts)
SUPPORT_MAX_FIGURES = 0.35
#: ... and the larger row's mean best match in the smaller row reaches this (a larger row may hold
#: retellings that the smaller row lacks, but most of its sentences must still relate)
SUPPORT_LARGER = 0.2


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
    col_of = np.full(n, -1, dtype=np.int64)
    col_of[cols] = np.arange(len(cols))
    # a square view over the hits: the similarity of two units when one of them is a hit
    owner = np.full(n, -1, dtype=np.int64)
    for g, members in enumerate(groups):
        owner[members] = g
    outlets: dict[str, int] = {}
    outlet = np.array([outlets.setdefault(p.ref.outlet, len(outlets)) for p in profiles], dtype=np.int64)
    articles: dict[str, int] = {}
    article = np.array(
        [articles.setdefault(p.ref.article_id, len(articles)) for p in profiles], dtype=np.int64
    )
    ii, kk = np.divmod(np.flatnonzero(sim >= SUPPORT_EDGE), sim.shape[1])  # np.nonzero's pairs, 3x faster
    jj = cols[kk]
    keep = (owner[ii] >= 0) & (owner[jj] >= 0) & (owner[ii] != owner[jj]) & (outlet[ii] != outlet[jj])
    ii, jj, kk = ii[keep], jj[keep], kk[keep]
    if not len(ii):
        return groups
    row_places = (
        [frozenset().union(*(places[m] for m in members)) for members in groups]
        if places is not None
        else None
    )
    counts = np.array([bool(p.values or p.facts) for p in profiles], dtype=bool)
    parent = list(range(len(groups)))
    members_of = [list(m) for m in groups]

    def find(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

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
        if row_places is not None:
            pa, pb = row_places[a], row_places[b]
            if pa and pb and not (pa & pb):
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
        parent[b] = a
        ma.extend(mb)
        if row_places is not None:
            row_places[a] = row_places[a] | row_places[b]
    joined: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        joined.setdefault(find(g), []).extend(members)
    return [sorted(m) for m in joined.values()]
