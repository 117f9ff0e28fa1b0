"""Collation: whole articles aligned in reading order, like a diff."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from desk.errors import Cancelled
from desk.model import Article, CancelCheck, Comparison, Extraction, PassageRef, Progress, Row
from desk.passages import article_passage_refs

from .grouping import duplicates_in, similarity_matrix
from .profile import Profile, profile
from .statements import describe_row

#: two passages of different articles match in order when their similarity reaches this
MATCH_THRESHOLD = 0.28
#: two articles on one event share their topic words: only drop the very commonest
COMMON_SHARE = 0.6
#: subtracted from every similarity in the alignment
ALIGN_OFFSET = 0.2
#: and out of order (moved) when it reaches this
MOVED_THRESHOLD = 0.35


def _column_names(articles: Sequence[Article]) -> list[str]:
    names: list[str] = []
    for a in articles:
        base = a.outlet or a.title or a.relpath or "article"
        name = base
        n = 2
        while name in names:
            name = f"{base} ({n})"
            n += 1
        names.append(name)
    return names


def collate_articles(
    articles: Sequence[Article],
    extractions: Sequence[Extraction | None],
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Comparison:
    """Align two or more articles in the reading order of the first.

    Rows: matching passages side by side (``kind="match"``), passages that
    match out of order (``"moved"``), passages only one article has
    (``"only"``), each placed after the passage it follows in its article.
    """
    if len(articles) < 2:
        from desk.errors import DeskError

        raise DeskError("Collation needs at least two articles.")
    exts = list(extractions) + [None] * (len(articles) - len(extractions))
    columns = _column_names(articles)
    per_article = [article_passage_refs(a, e) for a, e in zip(articles, exts, strict=False)]
    for refs, col in zip(per_article, columns, strict=True):
        for r in refs:
            r.score = 0.0
            r.outlet = col  # two articles of one outlet get two columns
    spine = per_article[0]
    n_spine = len(spine)
    # spine index -> {column: [refs]}, and whether the row is moved
    cells: list[dict[str, list[PassageRef]]] = [{columns[0]: [r]} for r in spine]
    moved = [False] * n_spine
    scores = [0.0] * n_spine
    # rows of passages only one non-spine article has, anchored after a spine index (-1: at the top)
    only_after: dict[int, list[PassageRef]] = {}
    total = len(articles) - 1
    for k in range(1, len(articles)):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress:
            progress(k - 1, total, f"aligning {columns[k]}")
        other = per_article[k]
        profiles: list[Profile] = [profile(r) for r in spine] + [profile(r) for r in other]
        sim = similarity_matrix(profiles, COMMON_SHARE, columns=np.arange(n_spine, len(profiles)))[:n_spine]
        in_order = _align(sim)
        matched_other = {j: i for i, j in in_order}
        used_spine = {i for i, _ in in_order}
        pairs = sorted(in_order)
        # out-of-order matches: strong pairs among what the alignment left over
        for i, j in _greedy_match(sim, MOVED_THRESHOLD, used_spine, set(matched_other)):
            pairs.append((i, j))
            matched_other[j] = i
            moved[i] = True
        for i, j in pairs:
            cells[i].setdefault(columns[k], []).append(other[j])
            scores[i] = max(scores[i], float(sim[i, j]))
        # a passage split in two by the other article: its neighbour joins the cell
        for j, ref in enumerate(other):
            if j in matched_other:
                continue
            for nb in (j - 1, j + 1):
                at = matched_other.get(nb)
                if at is not None and sim[at, j] >= MATCH_THRESHOLD:
                    cells[at][columns[k]].append(ref)
                    matched_other[j] = at
                    break
        anchor = -1
        order_anchor = {j: i for i, j in in_order}
        for j, ref in enumerate(other):
            if j in order_anchor:
                anchor = order_anchor[j]
            elif j not in matched_other:
                only_after.setdefault(anchor, []).append(ref)
    if progress:
        progress(total, total, "describing rows")

    rows: list[Row] = []

    def add_only(anchor: int) -> None:
        for ref in only_after.get(anchor, []):
            rows.append(_row({ref.outlet: [ref]}, "only", 0.0))

    add_only(-1)
    for i in range(n_spine):
        c = cells[i]
        for refs in c.values():
            refs.sort(key=lambda r: r.number)
        kind = "only" if len(c) == 1 else ("moved" if moved[i] else "match")
        rows.append(_row(c, kind, scores[i]))
        add_only(i)
    titles = " | ".join(a.title or a.relpath for a in articles)
    return Comparison(query=f"collate: {titles}", outlets=columns, rows=rows, mode="collate")


def _greedy_match(sim: np.ndarray, threshold: float, used_i: set[int], used_j: set[int]) -> list[tuple[int, int]]:
    """One-to-one pairs, strongest first, above ``threshold``, avoiding used indexes."""
    if sim.size == 0:
        return []
    ii, jj = np.nonzero(sim >= threshold)
    order = np.argsort(-sim[ii, jj], kind="stable")
    used_i, used_j = set(used_i), set(used_j)
    out: list[tuple[int, int]] = []
    for k in order:
        i, j = int(ii[k]), int(jj[k])
        if i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        out.append((i, j))
    return out


def _align(sim: np.ndarray) -> set[tuple[int, int]]:
    """The in-order matching with the greatest total similarity (a weighted LCS).

    Only pairs at or above MATCH_THRESHOLD may match; the result keeps both
    articles' reading order, so whatever else matches has moved.
    """
    n, m = sim.shape
    if n == 0 or m == 0:
        return set()
    # the offset makes one strong match worth more than two weak ones around it
    w = np.where(sim >= MATCH_THRESHOLD, sim - ALIGN_OFFSET, 0.0).astype(np.float64)
    best = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(1, n + 1):
        row_w = w[i - 1]
        prev = best[i - 1]
        cur = best[i]
        diag = prev[:-1] + row_w  # best[i-1][j-1] + w(i-1, j-1) for every j
        for j in range(1, m + 1):
            v = prev[j] if prev[j] > cur[j - 1] else cur[j - 1]
            if row_w[j - 1] > 0.0 and diag[j - 1] > v:
                v = diag[j - 1]
            cur[j] = v
    out: set[tuple[int, int]] = set()
    i, j = n, m
    while i > 0 and j > 0:
        if w[i - 1, j - 1] > 0.0 and best[i, j] == best[i - 1, j - 1] + w[i - 1, j - 1]:
            out.add((i - 1, j - 1))
            i -= 1
            j -= 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return out


def _row(cells: dict[str, list[PassageRef]], kind: str, score: float) -> Row:
    row = Row(cells=cells, kind=kind, score=score)
    refs = [r for c in cells.values() for r in c]
    if len(refs) > 1:
        row.duplicates = duplicates_in([profile(r) for r in refs])
    describe_row(row)
    return row
