"""Figures, claimants, entities and dates found in an article's text.

``find_figures`` (in :mod:`desk.extract.figures`) is plain Python and runs on
every passage; :func:`extract` adds who asserts each figure, which needs the
spaCy parse of the sentences that carry figures or reporting cues.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desk.lazy import lazy_names
from desk.model import Article, Boilerplate, Claim, Extraction, Figure

if TYPE_CHECKING:
    from spacy.language import Language

    from desk.extract.claimants import load_model
    from desk.extract.figures import find_figures
    from desk.extract.names import canonical_name, same_claimant

#: the package's names from its modules, imported when first used: a process that only reads
#: sentences or stored extractions (``desk compare``, ``desk search``) never loads the claimant
#: rules, the cue lists or the figure patterns (about 70 ms of start-up)
_LAZY = {
    "load_model": "claimants",
    "find_figures": "figures",
    "canonical_name": "names",
    "same_claimant": "names",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

__all__ = [
    "canonical_name",
    "extract",
    "extract_article",
    "extract_articles",
    "extract_many",
    "extract_title",
    "find_figures",
    "load_model",
    "repeated_spans",
    "same_claimant",
]


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def extract(
    text: str,
    *,
    skip: Sequence[tuple[int, int]] = (),
    base_date: dt.date | None = None,
    figures: list[Figure] | None = None,
    nlp: Language | None = None,
    every: bool = True,
) -> Extraction:
    """Figures, attributions, claims (one per figure), entities and dates of ``text``.

    Figures inside a ``skip`` span (a title printed twice) are dropped; their
    sentences are not parsed.  With ``every`` (the default) the attributions of
    every sentence with a cue are found; without it only those the figures
    need, which parses about a third as much.
    """
    return extract_many([(text, skip, base_date, figures)], nlp=nlp, every=every)[0]


def extract_many(
    items: Sequence[tuple[str, Sequence[tuple[int, int]], dt.date | None, list[Figure] | None]],
    *,
    nlp: Language | None = None,
    every: bool = True,
) -> list[Extraction]:
    """:func:`extract` for several texts ``(text, skip, base_date, figures)`` at once.

    The sentences of all texts are parsed in shared batches, which is faster
    than one text at a time (the index's workers hand over a few dozen).
    """
    from desk.extract.claimants import attribute_many
    from desk.extract.dates import find_dates
    from desk.extract.figures import FIGURE_BUDGET, find_figures

    prepared = []
    for text, skip, _, figures in items:
        spans = [(int(s), int(e)) for s, e in skip]
        figs = find_figures(text, limit=FIGURE_BUDGET) if figures is None else list(figures)
        figs = [f for f in figs if not _inside(f.start, f.end, spans)]
        prepared.append((text, figs, spans))
    results = attribute_many(prepared, nlp, every)
    out = []
    for (text, figs, spans), (attributions, fig_attr, entities), item in zip(prepared, results, items, strict=True):
        claims = [
            Claim(figure=f, claimant=attributions[a].name if a is not None else "", attribution=a)
            for f, a in zip(figs, fig_attr, strict=True)
        ]
        dates = [d for d in find_dates(text, item[2]) if not _inside(d.start, d.end, spans)]
        out.append(Extraction(figures=figs, attributions=attributions, claims=claims, entities=entities, dates=dates))
    return out


def repeated_spans(article: Article) -> list[tuple[int, int]]:
    """Boilerplate spans that repeat text shown elsewhere: a title printed twice.

    That is every span the reader marked "repeated ...", and any other
    boilerplate line that carries a copy of the title ("Home / World / <title>").
    """
    title = article.title.strip()
    out = []
    for b in article.boilerplate:
        if b.reason.startswith("repeated") or (
            len(title) >= 15 and title in article.text[b.start : b.end]
        ):
            out.append((b.start, b.end))
    return out


#: boilerplate that names people who are never sources: a picture's credit ("(AP Photo/Jane Roe, Pool, File)")
_UNREAD_BOILERPLATE = ("photo credit",)


def _inside_a_line(text: str, b: Boilerplate) -> bool:
    """Whether the span ``b`` has text on its own line both before and after it."""
    before = text[text.rfind("\n", 0, b.start) + 1 : b.start]
    line_end = text.find("\n", b.end)
    after = text[b.end : line_end if line_end >= 0 else len(text)]
    return bool(before.strip()) and bool(after.strip())


def parsed_text(article: Article) -> str:
    """The body as the parser reads it: picture credits blanked out, and a byline inside a line read as a
    paragraph break (offsets unchanged).

    A credit run into the story ("... in May. (AP Photo/Jane Roe, Pool, File) She said ...") gave the next
    "she" a photographer, or "Pool, File", as her name."""
    from desk.corpus.boilerplate import picture_credits

    text = article.text
    spans = [(b.start, b.end) for b in article.boilerplate if b.reason in _UNREAD_BOILERPLATE]
    spans += picture_credits(text)
    breaks = {(b.start, b.end) for b in article.boilerplate if b.reason == "byline" and _inside_a_line(text, b)}
    spans += breaks
    if not spans:
        return text
    parts, at = [], 0
    for s, e in sorted(spans):
        if s < at:
            s = at
        if e <= s:
            continue
        parts.append(text[at:s])
        # a byline run in between a headline and the first sentence ("... near the river By Ann Lowe for
        # QuayOnline Army gunners ...") parts them as a blank line would: the headline is no part of the
        # sentence the lead's cue ends
        parts.append("\n\n" + " " * (e - s - 2) if (s, e) in breaks and e - s >= 2 else " " * (e - s))
        at = e
    parts.append(text[at:])
    return "".join(parts)


def extract_article(article: Article, nlp: Language | None = None, every: bool = True) -> Extraction:
    """:func:`extract` on an article's body (:func:`parsed_text`), skipping its repeated title."""
    return extract(parsed_text(article), skip=repeated_spans(article), base_date=article.date, nlp=nlp, every=every)


def _title_in_body(article: Article) -> bool:
    """Whether the body shows the title itself, outside every repeated-title span."""
    title = article.title.strip()
    skip = repeated_spans(article)
    at = article.text.find(title)
    while at >= 0:
        if not _inside(at, at + len(title), skip):
            return True
        at = article.text.find(title, at + 1)
    return False


def extract_title(article: Article, nlp: Language | None = None) -> Extraction:
    """:func:`extract` on an article's title alone; its spans are offsets into ``article.title``.

    The guide counts a headline figure like any other, and a headline tag
    ("..., officials say", "... – Russian official") names its claimant.  The
    title is read as one headline line.  A title that the body itself carries
    (a plain-text file's first line) gives nothing here, and a copy of it that
    the body repeats is skipped there by :func:`extract_article`: it counts once.
    """
    title = article.title
    if not title.strip() or _title_in_body(article):
        return Extraction()
    return extract(title, base_date=article.date, nlp=nlp, every=True)


def extract_articles(
    articles: Sequence[Article],
    nlp: Language | None = None,
    every: bool = True,
    figures: Sequence[list[Figure] | None] | None = None,
) -> list[Extraction]:
    """:func:`extract_article` for several articles, parsed in shared batches (faster).

    ``figures``: for each article, its figures when the caller has already found them in its very
    text (``find_figures(text, limit=FIGURE_BUDGET)``, as the index's first pass does), else None.
    """
    found = list(figures) if figures is not None else [None] * len(articles)
    return extract_many(
        [(parsed_text(a), repeated_spans(a), a.date, f) for a, f in zip(articles, found, strict=True)], nlp=nlp,
        every=every,
    )
