"""Passage references with their claims: the one place that assembles them.

Search hits, ``Library.passage``, compare cells, collation columns and the
timeline all get their :class:`~desk.model.PassageRef` from
:func:`passage_ref`, so they agree on what belongs to a passage:

- a claim belongs to the passage its figure starts in;
- an attribution belongs to every passage its source (the claimant as
  written) or its reported content overlaps, so a claimant named in one
  passage whose words run on into the next is shown in both;
- an entity or a boilerplate span belongs to every passage it overlaps;
- a claim's sentence (the claims table's) is the passage's sentence its figure starts in.

The extraction passed in is the one :meth:`desk.library.Library.extraction`
returns, claimant names already passed through the alias book; nothing here
renames anyone.
"""

from __future__ import annotations

from desk.extract.sentences import sentence_at
from desk.model import Article, Attribution, Extraction, Passage, PassageRef

__all__ = ["article_passage_refs", "attribution_in", "claim_sentence", "passage_ref"]


def attribution_in(a: Attribution, start: int, end: int) -> bool:
    """Whether attribution ``a`` belongs to the passage ``[start, end)`` (its source or its content overlaps it)."""
    return (a.source_start < end and a.source_end > start) or (a.content_start < end and a.content_end > start)


def passage_ref(
    article: Article,
    number: int,
    start: int,
    end: int,
    extraction: Extraction | None,
    text: str | None = None,
) -> PassageRef:
    """Passage ``number`` (``[start, end)`` of ``article``) with what belongs to it of ``extraction``.

    ``text`` is the passage's text when the caller has it and ``article.text``
    is not loaded (a search hit).
    """
    ref = PassageRef(
        article_id=article.id,
        number=number,
        start=start,
        end=end,
        text=text if text is not None else article.text[start:end],
        outlet=article.outlet,
        title=article.title,
        date=article.date,
        path=article.path,
        relpath=article.relpath,
        url=article.url,
    )
    if extraction is not None:
        ref.claims = [c for c in extraction.claims if start <= c.figure.start < end]
        ref.attributions = [a for a in extraction.attributions if attribution_in(a, start, end)]
        ref.entities = [e for e in extraction.entities if e.start < end and e.end > start]
    ref.boilerplate = [b for b in article.boilerplate if b.start < end and b.end > start]
    return ref


def article_passage_refs(article: Article, extraction: Extraction | None) -> list[PassageRef]:
    """Every non-empty passage of ``article`` in reading order (see :func:`passage_ref`)."""
    return [passage_ref(article, p.number, p.start, p.end, extraction) for p in article.passages if p.end > p.start]


def claim_sentence(article: Article, passage: Passage, at: int) -> str:
    """The sentence of ``passage`` holding offset ``at`` (the passage itself when it has no break): the
    sentence the compare rows and the timeline show for a figure there."""
    start, end = sentence_at(article.text, at, passage.start, passage.end)
    return article.text[start:end]
