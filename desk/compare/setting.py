"""Where an article's story happens: the settlements its first paragraph names.

A sentence of a report often names no place ("Rescuers led 250 people out of the building"): the
headline, the dateline or the first paragraph named it ("A fire in a bar in the town of Greyford
...").  Two such sentences of articles about two towns are two events, however alike their words
("360 people were led out" after a plane crash elsewhere).  The grouping reads an article's
setting for a sentence that names no place of its own, and only to keep events apart, never to
join (:func:`desk.compare.grouping.apart_by_setting`).

API (Qt-free):

- :func:`lead_places` ``(article)`` -- the place keys of the settlements the first
  paragraph names ("the town of X", :func:`desk.compare.places.place_key` of each word), pure;
- :func:`gathered` -- a context for one comparison: the settings :func:`remember` finds inside it are
  the only ones :func:`setting_of` sees there (outside any, it sees none, so that
  :func:`desk.compare.grouping.build_rows` on its own stays pure and no earlier comparison's article of
  the same id leaks in);
- :func:`remember` ``(article)`` -- the same, kept for the article's id, as
  :func:`desk.compare.retrieve.sentence_units` meets the articles of a comparison;
- :func:`setting_of` ``(article_id)`` -- what :func:`remember` kept in this comparison, or None.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from desk.model import Article

from .places import place_key

__all__ = ["gathered", "lead_places", "remember", "setting_of"]

#: the first paragraph is the first passage with at least this many characters (a byline or a
#: one-line caption before it names no setting)
LEAD_MIN_CHARS = 80
#: the first paragraph is read up to this many characters (its first two or three sentences)
LEAD_MAX_CHARS = 400
#: articles remembered (a comparison meets a few hundred; a session's round of queries some thousands)
_SIZE = 20_000

_KNOWN: OrderedDict[str, tuple[int, frozenset[str]]] = OrderedDict()
_LOCK = threading.Lock()
#: the settings of the comparison this thread is making (:func:`gathered`)
_CURRENT = threading.local()


@contextmanager
def gathered() -> Iterator[None]:
    """One comparison's settings: what :func:`remember` finds in the body is what :func:`setting_of` sees there."""
    outer = getattr(_CURRENT, "seen", None)
    _CURRENT.seen = {}
    try:
        yield
    finally:
        _CURRENT.seen = outer


#: a named settlement: "the city of Greyford", "the town of Olm", "the port of Varna"
_SETTLEMENT_RE = re.compile(
    r"\b(?:city|town|village|port|settlement)\s+of\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)"
)


def lead_places(article: Article) -> frozenset[str]:
    """The place keys of the settlements the article's first paragraph names ("a fire at a bar in the town of
    Greyford").  Only settlements named as such: a lead names agencies, courts, airports and people beside
    the place, which a looser reading takes for places, and a region or a country holds many towns (with no
    gazetteer, "the Varna region" cannot be told to hold Greyford)."""
    lead = next((p for p in article.passages if p.end - p.start >= LEAD_MIN_CHARS), None)
    if lead is None and article.passages:
        lead = article.passages[0]
    if lead is None:
        return frozenset()
    text = article.text[lead.start : min(lead.end, lead.start + LEAD_MAX_CHARS)]
    names = [m.group(1) for m in _SETTLEMENT_RE.finditer(text)]
    return frozenset(place_key(w) for name in names for w in name.split() if w.lower() not in _NOT_NAMES)


#: capitalised words of a name that never tell a place apart
_NOT_NAMES = frozenset({"the", "city", "region", "oblast", "province", "district", "of"})


def remember(article: Article) -> frozenset[str]:
    """:func:`lead_places` of the article, kept for :func:`setting_of` in the comparison being made (and for
    later ones, worked out again when its text changed)."""
    found = _lead_places_known(article)
    seen = getattr(_CURRENT, "seen", None)
    if seen is not None:
        seen[article.id] = found
    return found


def _lead_places_known(article: Article) -> frozenset[str]:
    stamp = hash((article.title, article.text[:LEAD_MAX_CHARS * 4]))
    with _LOCK:
        known = _KNOWN.get(article.id)
        if known is not None and known[0] == stamp:
            _KNOWN.move_to_end(article.id)
            return known[1]
    found = lead_places(article)
    with _LOCK:
        _KNOWN[article.id] = (stamp, found)
        _KNOWN.move_to_end(article.id)
        if len(_KNOWN) > _SIZE:
            _KNOWN.popitem(last=False)
    return found


def setting_of(article_id: str) -> frozenset[str] | None:
    """The places :func:`remember` kept for the article in this thread's comparison, or None (an article
    the comparison did not meet, or no comparison under way)."""
    seen = getattr(_CURRENT, "seen", None)
    return None if seen is None else seen.get(article_id)
