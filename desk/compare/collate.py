"""Collation: whole articles aligned in reading order, like a diff."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from desk.errors import Cancelled
from desk.extract.sentences import sentences
from desk.model import Article, CancelCheck, Comparison, Extraction, PassageRef, Progress, Row
from desk.passages import passage_ref

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


# -- photo captions and credit lines: not text of the article, so never a row of a collation
#: a line that only credits a picture: "Photograph: A. Name/Agency", "Image caption: ...", "Credit: ..."
_CREDIT_LINE = re.compile(
    r"(?im)^[ \t>*_]*(?:photo(?:graph)?s?|image(?: caption| source)?|picture[ds]?|illustration|video|credit)"
    r"(?:\s+by)?\s*[:|,\u2013\u2014-]\s*\S[^\n]*$"
)
#: a short line "Name Name/Agency Name" with no sentence in it (a credit under a picture)
_SLASH_CREDIT = re.compile(r"(?m)^[ \t]*[A-Z][\w.'\u2019-]*(?:[ ,]+[\w.'\u2019&-]+){0,6}/[A-Z][\w.'\u2019 &,-]{1,60}$")
#: a credit in brackets that ends a caption: "(Agency Photo/Name, File)", "(Name/Agency via Agency)"
_BRACKET_CREDIT = re.compile(
    r"\((?=[^()]{0,120}\)(?:\s|$))(?:[^()]*\b(?:Photo|PHOTO|Photograph|Image)\b[^()]*|[^()]*\bvia [A-Z][^()]*)\)"
)
#: the marker that starts an agency's caption of an archive picture ("FILE - A man walks ...")
_FILE_MARK = re.compile(r"\bFILE\s*[-\u2013\u2014]\s+")
#: a caption is a sentence or two: a marker further back than this does not start it
CAPTION_REACH = 600
#: a credit line has at most this many words
CREDIT_WORDS = 14


def caption_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of photo captions and credit lines in ``text`` (sorted, not overlapping).

    Shapes, not words of any one outlet: a line that only credits a picture
    (``Photo: ...``, ``Image caption ...``, ``Name/Agency``); and a sentence
    (from an archive marker ``FILE -`` if one is near) closed by a bracketed
    credit such as ``(Agency Photo/Name)`` or ``(Name/Agency via Agency)``.
    """
    spans: list[tuple[int, int]] = []
    for rx in (_CREDIT_LINE, _SLASH_CREDIT):
        for m in rx.finditer(text):
            if len(m.group().split()) <= CREDIT_WORDS and not m.group().rstrip().endswith((".", "?", "!", ":")):
                spans.append((m.start(), m.end()))
    prev_end = 0
    for m in _BRACKET_CREDIT.finditer(text):
        # look back within the line, after the last credit, at most CAPTION_REACH characters
        lo = max(prev_end, text.rfind("\n", 0, m.start()) + 1, m.start() - CAPTION_REACH)
        rule = text.rfind("___", lo, m.start())  # a rule of underscores ends the story before the pictures
        if rule >= 0:
            lo = rule + 3 + len(text[rule + 3:m.start()]) - len(text[rule + 3:m.start()].lstrip("_ \t"))
        prev_end = m.end()
        marks = list(_FILE_MARK.finditer(text, lo, m.start()))
        if marks:
            start = marks[-1].start()
        else:
            # the sentence the credit closes (abbreviations such as "Aug." do not end it)
            found = sentences(text, lo, m.start())
            if not found or (found[0][0] == lo and len(found) == 1 and lo == m.start() - CAPTION_REACH):
                continue  # no sentence start in reach: too long to be a caption
            start = found[-1][0]
        spans.append((start, m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _without_captions(article: Article, extraction: Extraction | None) -> list[PassageRef]:
    """The article's passages in reading order, with captions and credit lines cut out of them.

    A passage that is all caption goes; one with a caption inside becomes the
    pieces around it (each keeps its passage number).
    """
    captions = caption_spans(article.text)
    out: list[PassageRef] = []
    for p in article.passages:
        if p.end <= p.start:
            continue
        pieces = [(p.start, p.end)]
        for cs, ce in captions:
            if ce <= p.start or cs >= p.end:
                continue
            cut: list[tuple[int, int]] = []
            for s, e in pieces:
                cut.extend(r for r in ((s, min(e, cs)), (max(s, ce), e)) if r[1] > r[0])
            pieces = cut
        for s, e in pieces:
            seg = article.text[s:e]
            lead = len(seg) - len(seg.lstrip())
            s, e = s + lead, s + len(seg.rstrip())
            if any(ch.isalnum() for ch in article.text[s:e]):
                out.append(passage_ref(article, p.number, s, e, extraction))
    return out


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
    per_article = [_without_captions(a, e) for a, e in zip(articles, exts, strict=False)]
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
