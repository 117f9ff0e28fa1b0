"""Group candidate passages into rows that report the same fact.

Similarity of two passages = Dice overlap of their informative content stems
(rapidfuzz Indel similarity over sorted stem lists, computed for all pairs at
once by ``rapidfuzz.process.cdist``) plus a bonus when their figures count
the same thing and a smaller one when they share a claimant.  Rows are then
formed by average-linkage agglomeration over that matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from desk.errors import Cancelled
from desk.model import CancelCheck, PassageRef, Progress, Row

from .profile import FactKey, Profile, profile

#: stems found in more than this share of the candidates say nothing about a fact
COMMON_SHARE = 0.7
#: stems in at most this share weigh 3, in at most MIDDLE_SHARE 2, others 1
RARE_SHARE = 0.1
MIDDLE_SHARE = 0.35
#: bonus when two passages carry figures counting the same thing
FACT_BONUS = 0.30
#: bonus when the same counted outcome appears but one side names no thing ("40 killed")
WEAK_FACT_BONUS = 0.12
#: penalty when the passages count the same outcome of things told apart by a modifier
CONFLICT_PENALTY = 0.25
#: bonus for a figure of the same value in both passages
VALUE_BONUS = 0.3
#: bonus for a shared claimant
CLAIMANT_BONUS = 0.08
#: two clusters merge when the mean similarity between them reaches this
LINK_THRESHOLD = 0.34
#: a neighbour (not a hit) joins a row when its mean similarity to it reaches this
NEIGHBOUR_THRESHOLD = 0.42
#: passes over the pairs (each pass may merge groups an earlier one could not)
MERGE_PASSES = 3
#: and their best pair reaches this
EDGE_THRESHOLD = 0.38
#: rapidfuzz ratio above which two passages are syndicated copies of one text
DUPLICATE_RATIO = 90.0


def _encode(items: Sequence[frozenset[str]], vocab: dict[str, str]) -> list[str]:
    """Each set as a string of one private character per element, sorted.

    Over sorted, duplicate-free strings the LCS is the intersection, so
    Indel similarity is exactly the Dice coefficient of the sets.
    """
    out = []
    for s in items:
        chars = []
        for w in s:
            c = vocab.get(w)
            if c is None:
                c = vocab[w] = chr(0x4E00 + len(vocab))
            chars.append(c)
        out.append("".join(sorted(chars)))
    return out


def similarity_matrix(profiles: Sequence[Profile], common_share: float = COMMON_SHARE) -> np.ndarray:
    """Pairwise passage similarity (about 0..1.7); the diagonal is 0.

    Stems found in more than ``common_share`` of the passages are left out.
    """
    n = len(profiles)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    df: dict[str, int] = {}
    for p in profiles:
        for s in p.stems:
            df[s] = df.get(s, 0) + 1
    limit = max(3, int(common_share * n))
    # weight each stem by how rare it is among the candidates (1-3 copies of
    # it in the set): Dice over these multisets is an IDF-weighted overlap
    rare = max(2, int(RARE_SHARE * n))
    middle = max(3, int(MIDDLE_SHARE * n))

    def copies(stem: str) -> int:
        d = df[stem]
        return 3 if d <= rare else 2 if d <= middle else 1

    informative = [frozenset(f"{s}\x00{c}" for s in p.stems if df[s] <= limit for c in range(copies(s))) for p in profiles]
    vocab: dict[str, str] = {}
    strings = _encode(informative, vocab)
    sim = process.cdist(strings, strings, scorer=Indel.normalized_similarity, dtype=np.float32, workers=1)
    empty = np.array([not s for s in strings])
    if empty.any():
        sim[empty, :] = 0.0  # two passages with no informative words are not alike
        sim[:, empty] = 0.0

    strong = _fact_matrix(profiles, lambda f: bool(f.outcome and f.head))
    weak = _fact_matrix(profiles, lambda f: bool(f.outcome or f.head))
    conflict = _fact_matrix(profiles, lambda f: bool(f.outcome and f.head and f.modifiers), conflicts=True)
    sim += FACT_BONUS * strong + WEAK_FACT_BONUS * (weak & ~strong) - CONFLICT_PENALTY * (conflict & ~strong)
    if any(p.values for p in profiles):
        vdf: dict[float, int] = {}
        for p in profiles:
            for v in p.values:
                vdf[v] = vdf.get(v, 0) + 1
        # a value most candidates carry (a round 100, the query's own figure) tells nothing apart
        vvocab: dict[str, str] = {}
        vs = _encode([frozenset(str(v) for v in p.values if vdf[v] <= limit) for p in profiles], vvocab)
        sim += VALUE_BONUS * (process.cdist(vs, vs, scorer=Indel.similarity, dtype=np.int32, workers=1) > 0)
    if any(p.claimants for p in profiles):
        cvocab: dict[str, str] = {}
        cs = _encode([p.claimants for p in profiles], cvocab)
        shared = process.cdist(cs, cs, scorer=Indel.similarity, dtype=np.int32, workers=1) > 0
        sim += CLAIMANT_BONUS * shared
    np.fill_diagonal(sim, 0.0)
    return sim


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
        for a in range(len(items)):
            fa, ia = items[a]
            for b in range(a, len(items)):
                fb, ib = items[b]
                if conflicts:
                    hit = fa.head == fb.head and not (fa.modifiers & fb.modifiers)
                else:
                    hit = fa.matches(fb)
                if hit:
                    out[np.ix_(ia, ib)] = True
                    out[np.ix_(ib, ia)] = True
    np.fill_diagonal(out, False)
    return out


def cluster(
    sim: np.ndarray,
    cancelled: CancelCheck | None = None,
    articles: np.ndarray | None = None,
    hits: np.ndarray | None = None,
) -> list[list[int]]:
    """Average-linkage agglomeration, strongest pairs first.

    ``articles`` (one article number per passage) restricts the average to
    pairs of passages from different articles.  ``hits`` (booleans) marks the
    passages that matched the query: they are grouped first, and each other
    passage (a neighbour) then joins the group it fits best, or none; so a
    neighbour can complete a row but never bridge two.
    """
    n = sim.shape[0]
    if hits is None:
        hits = np.ones(n, dtype=bool)
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def link(ma: list[int], mb: list[int]) -> float:
        block = sim[np.ix_(ma, mb)]
        if articles is not None:
            # passages of one article say different things by design: only
            # pairs across articles tell whether two groups report one fact
            cross = articles[ma][:, None] != articles[mb][None, :]
            return float(block[cross].mean()) if cross.any() else 0.0
        return float(block.mean())

    both = hits[:, None] & hits[None, :]
    ii, jj = np.nonzero(np.triu((sim >= EDGE_THRESHOLD) & both, k=1))
    order = np.argsort(-sim[ii, jj], kind="stable")
    # a merge refused early may be right once both groups have grown: a few passes
    for _ in range(MERGE_PASSES):
        merged = False
        for step, k in enumerate(order):
            if cancelled is not None and step % 256 == 0 and cancelled():
                raise Cancelled()
            i, j = int(ii[k]), int(jj[k])
            if articles is not None and articles[i] == articles[j]:
                continue  # passages of one article join a row only through other articles
            a, b = owner[i], owner[j]
            if a == b:
                continue
            ma, mb = members[a], members[b]
            if len(ma) * len(mb) > 1 and link(ma, mb) < LINK_THRESHOLD:
                continue
            if len(ma) < len(mb):
                a, b, ma, mb = b, a, mb, ma
            ma.extend(mb)
            for m in mb:
                owner[m] = a
            del members[b]
            merged = True
        if not merged:
            break

    groups = {r: list(m) for r, m in members.items() if hits[m].any()}
    for found in np.nonzero(~hits)[0]:
        nb = int(found)
        best, best_link = None, NEIGHBOUR_THRESHOLD
        for r, group in groups.items():
            if float(sim[nb, group].max()) < EDGE_THRESHOLD:
                continue
            value = link([nb], group)
            if value >= best_link:
                best, best_link = r, value
        if best is not None:
            groups[best].append(nb)
    return [sorted(m) for m in groups.values()]


def duplicates_in(profiles: Sequence[Profile]) -> dict[tuple[str, int], list[str]]:
    """Syndicated copies: the first passage of each near-identical set -> the other outlets."""
    out: dict[tuple[str, int], list[str]] = {}
    taken: set[int] = set()
    for i, p in enumerate(profiles):
        if i in taken:
            continue
        others: list[str] = []
        for j in range(i + 1, len(profiles)):
            q = profiles[j]
            if j in taken or q.ref.article_id == p.ref.article_id:
                continue
            shorter, longer = sorted((len(p.norm), len(q.norm)))
            if longer == 0 or shorter / longer < 0.8:
                continue
            if fuzz.ratio(p.norm, q.norm, score_cutoff=DUPLICATE_RATIO):
                taken.add(j)
                if q.ref.outlet != p.ref.outlet and q.ref.outlet not in others:
                    others.append(q.ref.outlet)
        if others:
            out[p.ref.key] = others
    return out


def rows_from_profiles(
    profiles: Sequence[Profile],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Row]:
    """Rows of passages reporting the same fact, best first; rows of neighbours only are dropped."""
    if progress:
        progress(0, 3, "measuring similarity")
    sim = similarity_matrix(profiles)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress:
        progress(1, 3, "grouping passages")
    ids: dict[str, int] = {}
    articles = np.array([ids.setdefault(p.ref.article_id, len(ids)) for p in profiles], dtype=np.int64)
    is_hit = np.array([p.hit for p in profiles], dtype=bool)
    groups = cluster(sim, cancelled, articles, is_hit)
    if progress:
        progress(2, 3, "describing rows")
    from .statements import describe_row

    rows: list[Row] = []
    for g in groups:
        members = [profiles[i] for i in g]
        if not any(m.hit for m in members):
            continue
        members.sort(key=lambda m: (-m.ref.score, m.ref.outlet, m.ref.article_id, m.ref.number))
        cells: dict[str, list[PassageRef]] = {}
        for m in members:
            cells.setdefault(m.ref.outlet, []).append(m.ref)
        for refs in cells.values():
            refs.sort(key=lambda r: (r.article_id, r.number))
        row = Row(cells=cells, score=max(m.ref.score for m in members))
        row.duplicates = duplicates_in(members)
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
) -> list[Row]:
    """Group passages into rows (pure: no index needed).

    ``hits`` names the passages that matched the query; the others are
    neighbours that may complete a row but never make one on their own.
    By default every passage counts as a hit.
    """
    seen: set[tuple[str, int]] = set()
    profiles: list[Profile] = []
    for p in passages:
        if p.key in seen:
            continue
        seen.add(p.key)
        profiles.append(profile(p, hit=hits is None or p.key in hits))
    return rows_from_profiles(profiles, progress, cancelled)
