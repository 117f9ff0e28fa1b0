"""Reading real articles for compare tests, through the ingest and extraction code when present."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from desk.errors import DeskError
from desk.model import Article, Claim, Comparison, Extraction, Figure, Passage, PassageRef, SearchResult

if TYPE_CHECKING:
    from desk.compare.disagree import ClaimFact
    from desk.compare.profile import FactKey


def load_article(path: Path) -> Article:
    """The article as desk reads it (desk.corpus), or a plain paragraph split without it."""
    try:
        from desk.corpus import FolderContext, read_article  # type: ignore[attr-defined]
    except ImportError:
        return _plain_article(path)
    folder = path.parent
    return read_article(path, folder, FolderContext.load(folder))  # type: ignore[no-any-return]


def _plain_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    passages = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        passages.append(Passage(len(passages), m.start(), m.end()))
    outlet = path.stem.split("_")[0]
    return Article(
        id=hashlib.sha1(path.name.encode()).hexdigest()[:16],
        path=str(path),
        relpath=path.name,
        title=text.strip().splitlines()[0] if text.strip() else path.name,
        outlet=f"outlet-{outlet}",
        date=None,
        text=text,
        passages=passages,
    )


def extract(article: Article) -> Extraction:
    try:
        from desk.extract import extract_article  # type: ignore[attr-defined]
    except ImportError:
        from desk.extract.figures import find_figures

        return Extraction(claims=[Claim(f) for f in find_figures(article.text)])
    return extract_article(article)  # type: ignore[no-any-return]


def fact_key_in(sentence: str, written: str, counted: str) -> FactKey | None:
    """:func:`desk.compare.profile.fact_key` of the figure ``written`` in ``sentence`` that counts ``counted``."""
    from desk.compare.profile import fact_key

    at = sentence.index(written)
    return fact_key(Figure(at, at + len(written), written, 0.0, counted=counted), (sentence, at, at + len(written)))


def make_ref(
    text: str,
    outlet: str,
    *,
    article: str | None = None,
    number: int = 0,
    figures: list[tuple[str, float, str, str, str]] = (),  # type: ignore[assignment]
    offset: int = 0,
    score: float = 1.0,
) -> PassageRef:
    """A hand-made passage; figures are (text as written, value, qualifier, counted, claimant)."""
    aid = article or f"{outlet}-{number}"
    claims = []
    for written, value, qualifier, counted, claimant in figures:
        at = text.index(written) + offset
        f = Figure(at, at + len(written), written, value, qualifier=qualifier, counted=counted)
        claims.append(Claim(f, claimant))
    return PassageRef(
        article_id=aid,
        number=number,
        start=offset,
        end=offset + len(text),
        text=text,
        outlet=outlet,
        title=f"{outlet} story",
        date=None,
        path=f"/articles/{aid}.md",
        relpath=f"{aid}.md",
        score=score,
        claims=claims,
    )


class FakeLibrary:
    """Just enough of desk.library.Library for compare_query: a term-AND search over passages."""

    def __init__(self, articles: list[Article], extractions: list[Extraction | None]) -> None:
        from desk.passages import article_passage_refs as passage_refs

        self._articles = {a.id: a for a in articles}
        self._ext = {a.id: e for a, e in zip(articles, extractions, strict=True)}
        self._refs = {r.key: r for a, e in zip(articles, extractions, strict=True) for r in passage_refs(a, e)}

    def search(self, query: str, outlets=(), since=None, until=None, limit: int = 20) -> SearchResult:  # type: ignore[no-untyped-def]
        from desk.compare.tokens import content_stems

        # each word, or each parenthesised group of OR-ed words, must match
        groups = [set(content_stems(g)) for g in re.findall(r"\([^)]*\)|\S+", query)]
        groups = [g for g in groups if g]
        terms = set().union(*groups) if groups else set()
        hits = []
        for ref in self._refs.values():
            stems = content_stems(ref.text)
            if all(g & set(stems) for g in groups) and (not outlets or ref.outlet in outlets):
                hit = dataclasses.replace(ref, score=float(sum(s in terms for s in stems)))
                hits.append(hit)
        hits.sort(key=lambda r: -r.score)
        return SearchResult(query, hits[:limit], len(hits))

    def passage(self, article_id: str, number: int) -> PassageRef:
        ref = self._refs.get((article_id, number))
        if ref is None:
            raise DeskError(f"no passage {number}")
        return dataclasses.replace(ref)

    def article(self, article_id: str) -> Article:
        return self._articles[article_id]

    def extraction(self, article_id: str) -> Extraction | None:
        return self._ext[article_id]


def soldiers_comparison() -> Comparison:
    """Two outlets, two claimants, 14,000 against more than 14,400 soldiers killed."""
    from desk.compare import build_rows

    refs = [
        make_ref(
            "Zelensky says 14,000 Russian soldiers have been killed in the war.",
            "Daily Times",
            figures=[("14,000", 14000, "", "Russian soldiers killed", "Volodymyr Zelensky")],
        ),
        make_ref(
            "The General Staff says more than 14,400 Russian soldiers have been killed in the war.",
            "The Independent",
            figures=[("14,400", 14400, "more than", "Russian soldiers killed", "General Staff")],
        ),
    ]
    return Comparison("soldiers killed", ["Daily Times", "The Independent"], build_rows(refs))


def write_article(folder: Path, name: str, outlet: str, body: str, published: str = "2021-05-04") -> None:
    """A Markdown article with front matter (title = file name) in ``folder``, for tests that index a folder."""
    (folder / name).write_text(
        f'---\ntitle: "{name}"\nsite: "{outlet}"\npublished: "{published}"\n---\n\n{body}\n', encoding="utf-8"
    )


def write_ferry_articles(folder: Path, second_count: str = "412") -> None:
    """Two outlets' reports of one ferry crossing (a.md, b.md); ``second_count`` is the second report's
    passenger count (a different one makes the reports disagree)."""
    write_article(folder, "a.md", "North Post", "Harbour master Ilse Varga said the ferry carried 412 passengers "
                  "across the lake before the storm closed the harbour on Tuesday.")
    write_article(folder, "b.md", "Lake Daily", f"Ilse Varga told reporters the ferry carried {second_count} "
                  "passengers across the lake before the storm closed the harbour.")


def figure_claim(text: str, written: str, outlet: str, day: dt.date) -> ClaimFact:
    """The claim of the figure written ``written`` in ``text``, as ``outlet`` told it on ``day`` (no claimant),
    for tests of :func:`desk.compare.disagree.judge`."""
    from desk.compare.asof import AsOf
    from desk.compare.disagree import ClaimFact
    from desk.compare.quantity import quantity_of
    from desk.extract.figures import find_figures

    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None, text
    return ClaimFact.from_figure(fig, "", q, AsOf(day, day), outlet, key=(outlet, written), document=outlet + written)


def lead_and_body(aid: str, outlet: str, lead: str, body: str, day: dt.date) -> Article:
    """An article of two passages, a lead (where its story happens: desk.compare.setting) and a body."""
    text = lead + "\n\n" + body
    return Article(
        id=aid, path=f"/articles/{aid}.md", relpath=f"{aid}.md", title=f"{outlet} report", outlet=outlet,
        date=day, text=text, passages=[Passage(0, 0, len(lead)), Passage(1, len(lead) + 2, len(text))],
    )


def body_unit(article: Article, figures: list[tuple[str, float, str, str, str]]) -> PassageRef:
    """The body passage of a :func:`lead_and_body` article as a dated passage with ``figures`` (see :func:`make_ref`)."""
    body = article.text[article.passages[1].start :]
    ref = make_ref(body, article.outlet, article=article.id, number=1, offset=article.passages[1].start,
                   figures=figures)
    return dataclasses.replace(ref, date=article.date)


def told_claim(text: str, written: str, claimant: str, outlet: str, day: dt.date, as_of: object = None) -> ClaimFact:
    """The figure ``written`` of ``text`` as one outlet's claim, with its places and running count as the compare
    view reads them (``as_of``: an :class:`desk.compare.asof.AsOf`, else the day ``day``)."""
    from desk.compare.asof import AsOf
    from desk.compare.disagree import ClaimFact, running_count
    from desk.compare.places import places_in
    from desk.compare.quantity import quantity_of
    from desk.extract.figures import find_figures

    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), claimant)
    assert q is not None
    when = as_of if isinstance(as_of, AsOf) else AsOf(day, day)
    return ClaimFact.from_figure(fig, claimant, q, when, outlet, key=(outlet, text[:16]),
                                 document=outlet + text[:16], places=places_in(text),
                                 running=running_count(text, fig.start, fig.end), told_in=(text, fig.start))


def flagged_claims(claims: list[ClaimFact]) -> bool:
    """Whether :func:`desk.compare.disagree.judge` flags ``claims`` (tolls two days apart may clash)."""
    from desk.compare.disagree import judge

    return any(v.disagreement for v in judge(claims, toll_gap_days=2, max_rivals=3))
