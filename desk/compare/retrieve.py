"""Candidates for a comparison: ranked passages, widened to their neighbours, cut into sentences.

A compare query is a researcher's words, not a boolean filter.  For a query
of plain words every article that holds each word (or one of its synonyms)
somewhere, in its title or body, is eligible; its passages are then ranked by
BM25 over *any* of the words, so a passage that lacks a query word ("the
Belarusian side" for "Belarus talks") still comes in when its article is on
the topic.  When those articles give fewer than :data:`FEW_PASSAGES` passages
(two spellings, "rouble ruble", rarely share an article), the articles that
lack one of the words come in after them (never the rarest word, when some
article holds them all).  The best :data:`DEPTH` passages are kept with
:data:`NEIGHBOURS` passages either side, and every sentence of those
passages becomes a unit of comparison (:func:`sentence_units`): a claim is
compared with claims, and two facts in one window no longer travel together.

The depth was chosen by measured recall on the development set (see
``/work/notes`` in the report): 400 passages placed 132 of the 148 gold
quotes that sit in a matching passage, 600 only one more, at half again the
cost.  Passages ranked below that, down to twice the depth, join as supporting
candidates that complete rows and never make one (``SUPPORT_FACTOR`` in
:mod:`desk.compare`, measured there).

Each plain query word is also widened with the words the folder itself
relates to it most strongly (:mod:`.related`, learned from the indexed
passages on the first comparison after the index changes): up to
:data:`RELATED_WORDS` of them, at least :data:`RELATED_MIN` related.  On the
development set this kept coverage (0.903) and every other score as they
were; it is there for the held-out wording ("military aid" / "security
assistance").

Queries with operators, fields, quotes or wildcards keep their boolean
meaning (``desk search``'s language) and are ranked the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from desk.errors import ArticleGone
from desk.extract.sentences import sentences
from desk.model import Article, Claim, Extraction, PassageRef
from desk.passages import attribution_in, passage_ref

from .setting import remember as remember_setting
from .tokens import QUERY_OPERATORS, QUERY_SYNONYMS, expand_query, stem

#: passages kept, best first, before neighbours are added
DEPTH = 400
#: passages either side of a kept passage that join the candidates
NEIGHBOURS = 1
#: when the topic has few passages, neighbours further out join until the candidates reach this many passages
PASSAGE_BUDGET = 800
#: sentences with fewer words are headings, captions or fragments, not claims
MIN_WORDS = 6

_PLAIN = re.compile(r"[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)*", re.UNICODE)
_WORD_RE = re.compile(r"\w+")


@dataclass(slots=True)
class Candidate:
    article_id: str
    number: int
    score: float
    hit: bool  # matched the query (a neighbour otherwise)


def plain_words(query: str) -> list[str]:
    """The words of a plain query ("soldiers killed"), or [] when it uses the query language."""
    q = query.strip()
    if not q or not _PLAIN.fullmatch(q):
        return []
    words = q.split()
    if any(w.lower() in QUERY_OPERATORS for w in words):
        return []
    return words


#: a plain query word is widened with at most this many words the folder relates to it
#: (:mod:`.related`), each at least this strongly related (0: no widening)
RELATED_WORDS = 2
RELATED_MIN = 0.35


def related_alternatives(library: Any, word: str, query_words: Sequence[str] = ()) -> list[str]:
    """Words of the folder strongly related to ``word`` (a query word), strongest first; [] without any.

    A word of ``query_words`` (the query's other words) is never an alternative: "snake" and "island"
    relate strongly, and "Snake OR island" for "Snake" would find every island.
    """
    if not RELATED_WORDS:
        return []
    learned = getattr(library, "related_words", None)
    related = learned() if learned is not None else None
    if related is None:
        return []
    out = []
    asked = {stem(w) for w in query_words}
    for st, _strength in related.related(stem(word), RELATED_WORDS, RELATED_MIN):
        w = related.word(st)
        if w and _SAFE_WORD.fullmatch(w) and st not in asked:
            out.append(w)
    return out


_SAFE_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _group(word: str, extra: Sequence[str] = ()) -> str:
    group = next((g for g in QUERY_SYNONYMS if word.lower() in g), ())
    alts = list(dict.fromkeys([word, *group, *extra]))
    return "(" + " OR ".join(f"{a} OR title:{a}" for a in alts) + ")"


def ranked_passages(
    library: Any,
    query: str,
    outlets: Sequence[str],
    since: dt.date | str | None,
    until: dt.date | str | None,
    depth: int = DEPTH,
) -> list[Candidate] | None:
    """The best ``depth`` passages of the articles on the topic (:meth:`desk.library.Library.ranked_passages`);
    None for a library without that call, or a query with ``claimant:`` clauses (search answers those)."""
    ranked = getattr(library, "ranked_passages", None)
    if ranked is None:
        return None
    words = plain_words(query)
    if words:
        groups = [_group(w, related_alternatives(library, w, words)) for w in words]
        found = ranked(query, groups, outlets, since, until, depth=depth)
        if found is not None and len(groups) > 1 and len(found) < FEW_PASSAGES:
            found = found + _with_one_word_less(ranked, query, groups, outlets, since, until, depth, found)
    else:
        found = ranked(expand_query(query), None, outlets, since, until, depth=depth)
    if found is None:
        return None
    return [Candidate(aid, number, score, True) for aid, number, score in found]


#: when fewer passages than this come from the articles that hold every word of a plain query, the articles
#: that lack one of its words come in after them.  Two spellings ("rouble ruble") or two names of one thing
#: rarely share an article, and a three-word query with one word no outlet used found nothing at all
FEW_PASSAGES = 20


def _with_one_word_less(
    ranked: Any, query: str, groups: Sequence[str], outlets: Sequence[str], since: dt.date | str | None,
    until: dt.date | str | None, depth: int, found: Sequence[tuple[str, int, float]],
) -> list[tuple[str, int, float]]:
    """The passages, best first, of the articles that hold every word group of ``groups`` but one, that are
    not in ``found`` already: at most ``depth`` in all with ``found``.

    When some articles hold every word, the rarest word (the group with the fewest passages) is never the one
    left out: "tanks Leopard" takes the articles on the Leopard that never say "tanks", not every article on
    tanks, which buried the few on the topic.  When none does ("rouble ruble"), any word may be."""
    seen = {(aid, number) for aid, number, _ in found}
    best: dict[tuple[str, int], float] = {}
    left_out = list(range(len(groups)))
    if found:
        sizes = [len(ranked(query, [g], outlets, since, until, depth=depth) or ()) for g in groups]
        left_out.remove(min(left_out, key=lambda k: sizes[k]))
    for k in left_out:
        for aid, number, score in ranked(query, [*groups[:k], *groups[k + 1:]], outlets, since, until, depth=depth) or ():
            if (aid, number) not in seen and score > best.get((aid, number), float("-inf")):
                best[(aid, number)] = score
    more = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[: max(0, depth - len(found))]
    return [(aid, number, score) for (aid, number), score in more]


def article_ref(library: Any, article: Article, number: int, start: int, end: int) -> PassageRef:
    """A passage with its claims (:func:`desk.passages.passage_ref`), through ``library.extraction``
    (the alias book's names)."""
    return passage_ref(article, number, start, end, library.extraction(article.id))


def _in_boilerplate(article: Article, start: int, end: int) -> bool:
    return any(b.start <= start and end <= b.end for b in article.boilerplate)


def sentence_units(
    library: Any,
    candidates: Sequence[Candidate],
    neighbours: int = NEIGHBOURS,
    budget: int = PASSAGE_BUDGET,
    *,
    split: Collection[tuple[str, int]] = (),
) -> list[tuple[PassageRef, bool]]:
    """Every sentence of the candidate passages and their neighbours, as passage references.

    A unit keeps its passage's number; its ``score`` is its passage's (a
    neighbour's is halved); the flag says whether its passage matched the query.
    The passages of ``split`` (article id, number), which the caller holds the sentences of, give
    none: the others come in the order they would among all (articles by their first candidate).
    """
    by_article: dict[str, dict[int, tuple[float, bool]]] = {}
    order: list[str] = []
    for c in candidates:
        if c.article_id not in by_article:
            by_article[c.article_id] = {}
            order.append(c.article_id)
        numbers = by_article[c.article_id]
        numbers[c.number] = max(numbers.get(c.number, (0.0, False)), (c.score, c.hit))
    total = sum(len(v) for v in by_article.values())
    # neighbours at distance 1 always; further out while the budget allows (a small topic is read whole)
    d = 1
    while d <= max(neighbours, 12) and (d <= neighbours or total < budget):
        for c in candidates:
            numbers = by_article[c.article_id]
            for n in (c.number - d, c.number + d):
                if n >= 0 and n not in numbers:
                    numbers[n] = (c.score * 0.5, False)
                    total += 1
        d += 1
    if split:
        # left out after the neighbours were counted (the budget reads them) and the articles ordered
        for aid in order:
            numbers = by_article[aid]
            for n in [n for n in numbers if (aid, n) in split]:
                del numbers[n]
        order = [aid for aid in order if by_article[aid]]
    articles: list[Article] = []
    for aid in order:
        try:
            articles.append(library.article(aid))
        except ArticleGone:  # removed since the search; any other error reaches the user
            continue
    _prefetch_sentences(library, [(a, by_article[a.id]) for a in articles])
    units: list[tuple[PassageRef, bool]] = []
    for article in articles:
        aid = article.id
        extraction = library.extraction(article.id)  # once per article, not once per sentence
        remember_setting(article)  # where its story happens, for its sentences that name no place
        passages = {p.number: p for p in article.passages}
        for number, (score, hit) in sorted(by_article[aid].items()):
            p = passages.get(number)
            if p is None:
                continue
            for ref in _passage_units(article, number, p.start, p.end, extraction):
                ref.score = score
                units.append((ref, hit))
    return units


def _within(extraction: Extraction, start: int, end: int) -> Extraction:
    """The claims, attributions and entities of ``extraction`` that :func:`desk.passages.passage_ref`
    could give any sentence inside ``[start, end)`` (in their order)."""
    return Extraction(
        claims=[c for c in extraction.claims if start <= c.figure.start < end],
        attributions=[a for a in extraction.attributions if attribution_in(a, start, end)],
        entities=[x for x in extraction.entities if x.start < end and x.end > start],
    )


#: sentences of recent passages (a compare, its re-runs and the next queries meet the same passages)
_SENTENCES: OrderedDict[tuple[str, int, int, int], tuple[tuple[int, int], ...]] = OrderedDict()
#: passages, not sentences: the benchmark's 57 queries meet some 24,000 (an LRU smaller than a session's
#: round of queries misses every time); an entry is a key and a few offsets (~0.3 KB); room as well for
#: what a long-lived process splits ahead while idle (:func:`load_ahead`: ukraine-media has 63,428 passages)
_SENTENCES_SIZE = 100_000
#: :func:`load_ahead` splits at most this share of :data:`_SENTENCES_SIZE` (the rest stays for queries)
AHEAD_SHARE = 0.75
_SENTENCES_LOCK = threading.Lock()


def _sentences_key(article: Article, start: int, end: int) -> tuple[str, int, int, int]:
    """The memory's key of :func:`_claim_sentences` (article, a hash of its text and boilerplate, span)."""
    return (article.id, hash((article.text, *((b.start, b.end) for b in article.boilerplate))), start, end)


def _article_digest(article: Article) -> bytes:
    """A digest of everything :func:`_claim_sentences` reads of ``article`` whatever the span: its text
    and its boilerplate spans (the span itself joins it in :func:`_sentences_file_key`)."""
    h = hashlib.blake2b(repr(tuple((b.start, b.end) for b in article.boilerplate)).encode(), digest_size=16)
    h.update(b"\0")
    h.update(article.text.encode("utf-8", "surrogatepass"))  # the text's bytes, not its repr: a third of the time
    return h.digest()


def _sentences_file_key(digest: bytes, start: int, end: int) -> bytes:
    """The features file's key of one passage's claim sentences (:func:`_prefetch_sentences`)."""
    return hashlib.blake2b(b"sentences:%b:%d:%d" % (digest, start, end), digest_size=16).digest()


#: split passages owed to the features file: the file's key and the memory's (:func:`owed_sentences`)
_OWED_SENTENCES: dict[bytes, tuple[str, int, int, int]] = {}


def _prefetch_sentences(
    library: Any, articles: Sequence[tuple[Article, dict[int, Any]]], *, owe: bool = True
) -> None:
    """Read the claim sentences of these passages (of each article, the numbers given) that the memory
    lacks from the data directory's features file (:mod:`desk.compare.stored`), where an earlier
    process kept them; those it lacks are owed to it (:func:`owed_sentences`) unless ``owe`` is False.

    Splitting the passages a cold comparison of ukraine-media meets (some 1,000-1,500) was a third of
    reading its candidates; the file's entry is keyed by a digest of the article's text and boilerplate
    and the passage's span, so a re-indexed article never meets another text's sentences (and the
    file's fingerprint covers the splitter's code and settings)."""
    from . import stored

    features = stored.for_library(library)
    if features is None:
        return
    missing: dict[bytes, tuple[str, int, int, int]] = {}
    with _SENTENCES_LOCK:
        for article, numbers in articles:
            spans = {p.number: (p.start, p.end) for p in article.passages}
            digest = None
            for number in numbers:
                span = spans.get(number)
                if span is None:
                    continue
                key = _sentences_key(article, *span)
                if key in _SENTENCES:
                    continue
                if digest is None:
                    digest = _article_digest(article)
                missing[_sentences_file_key(digest, *span)] = key
    if not missing:
        return
    found = features.read(list(missing))
    with _SENTENCES_LOCK:
        for file_key, key in missing.items():
            value = found.get(file_key)
            if type(value) is tuple and all(type(x) is tuple and len(x) == 2 for x in value):
                _SENTENCES[key] = value
                if len(_SENTENCES) > _SENTENCES_SIZE:
                    _SENTENCES.popitem(last=False)
            elif owe:
                _OWED_SENTENCES[file_key] = key
        if len(_OWED_SENTENCES) > _SENTENCES_SIZE:
            _OWED_SENTENCES.clear()


def owed_sentences() -> list[tuple[bytes, Any]]:
    """The claim sentences split since :func:`_prefetch_sentences` did not find them in the file, as the
    file's (key, value) entries; forgotten here."""
    with _SENTENCES_LOCK:
        owed = dict(_OWED_SENTENCES)
        _OWED_SENTENCES.clear()
        return [(file_key, _SENTENCES[key]) for file_key, key in owed.items() if key in _SENTENCES]


def _claim_sentences(article: Article, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentences of ``article.text[start:end]`` long enough to be claims, outside boilerplate.

    Remembered by article, text, boilerplate and span: a re-indexed article whose text
    or boilerplate changed is split again.
    """
    key = _sentences_key(article, start, end)
    with _SENTENCES_LOCK:
        found = _SENTENCES.get(key)
        if found is not None:
            _SENTENCES.move_to_end(key)
            return found
    text = article.text
    found = tuple(
        (s, e)
        for s, e in sentences(text, start, end, single_quotes=False, tagged_quotes=True)
        if _has_words(text, s, e, MIN_WORDS) and not _in_boilerplate(article, s, e)
    )
    with _SENTENCES_LOCK:
        _SENTENCES[key] = found
        if len(_SENTENCES) > _SENTENCES_SIZE:
            _SENTENCES.popitem(last=False)
    return found


_RUNS_RE: dict[int, re.Pattern[str]] = {}


def _in_word(ch: str) -> bool:
    """Whether ``ch`` is one ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


def _has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds ``n`` words (runs of :data:`_WORD_RE`) or more: one search for
    ``n`` runs with what separates them, not a list of every word.

    The search starts only where a word starts (``\\b``) and never gives back what a run took
    (possessive ``++``): tried at every letter of a long word and backtracking through it, the
    pattern took time quadratic in the word's length (a 100,000-letter word, such as an inline
    base64 image, held a comparison for hours)."""
    if n <= 0:
        return True
    pattern = _RUNS_RE.get(n)
    if pattern is None:
        pattern = _RUNS_RE[n] = re.compile(r"\b\w++(?:\W++\w++){" + str(n - 1) + "}")
    if 0 < start < end and _in_word(text[start - 1]) and _in_word(text[start]):
        # a span that starts inside a word: its tail is a word of the span (``\b`` looks before ``start``)
        return pattern.search(text[start:end]) is not None
    return pattern.search(text, start, end) is not None


def load_ahead(library: Any, article_ids: Sequence[str]) -> int:
    """Read now what :func:`sentence_units` reads of these articles when a comparison meets them: the
    article, its extraction (through the alias book) and the sentences of each passage, each kept in
    the library's and this module's memory; then what the comparison reads of those sentences from
    the data directory's features file (:func:`desk.compare.profile.prefetch`,
    :func:`desk.compare.statements.prefetch_parts`), when there is one.  For a long-lived process while
    it waits for a query (the window's comparing child, :meth:`desk.library.Library.load_ahead`): a
    comparison of ukraine-media reads some 600 articles new to the process, and splitting and loading
    them was a fifth of its time; reading their sentences' features from the file a further 100-130 ms.
    Returns the passages split; an article gone meanwhile is skipped."""
    split = 0
    units: list[PassageRef] = []
    articles: list[Article] = []
    for aid in article_ids:
        try:
            articles.append(library.article(aid))
        except ArticleGone:
            continue
    _prefetch_sentences(library, [(a, {p.number: None for p in a.passages}) for a in articles], owe=False)
    for article in articles:
        aid = article.id
        extraction = library.extraction(aid)
        for p in article.passages:
            units += _passage_units(article, p.number, p.start, p.end, extraction)
        split += len(article.passages)
    if units:
        from . import stored
        from .profile import prefetch
        from .statements import prefetch_parts

        features = stored.for_library(library)
        if features is not None:
            prefetch_parts(prefetch(units, features, owe=False), features, owe=False)
    return split


def _passage_units(
    article: Article, number: int, start: int, end: int, extraction: Extraction | None
) -> list[PassageRef]:
    """The sentences of passage ``number`` (``start``..``end``) of ``article`` as passage references
    (:func:`_claim_sentences`, :func:`desk.passages.passage_ref`), as :func:`sentence_units` makes them."""
    spans = _claim_sentences(article, start, end)
    # what belongs to each sentence belongs to its passage: look through the passage's share only
    local = _within(extraction, start, end) if extraction is not None and len(spans) > 1 else extraction
    units = [passage_ref(article, number, s, e, local) for s, e in spans]
    if len(units) > 1 and article.date is not None and any(_GOES_ON.match(u.text) for u in units[1:]):
        units = _past_lead_ins(units, article, number, local)
    return units


#: a sentence that goes on with the one before it: its subject a pronoun for what that one named
#: and its verb in the past tense
_GOES_ON = re.compile(
    r"[\s\"'“‘(]*(?:They|He|She|It|These|Those)\s+(?:also\s+|then\s+|later\s+|soon\s+)?"
    r"(?:[a-z]+ed|was|were|had|did|made|took|fought|led|left|lost|won|fell|gave|held|kept|ran|sent|shot|saw|"
    r"stood|struck|threw|went|came|became|began|brought|built|drove|fled|flew|laid|met|paid|rose|sank|sold|"
    r"spent|told|wrote|tore|slew|hid|sought|caught|bore|forced)\b"
)
#: ... but speaks of the present somewhere: not the past sentence's time ("..., which also produces 10 million")
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remain|remains|says|say|now|today|still|currently)\b|\b(?:which|who|that)\s+(?:also\s+)?"
    r"[a-z]+s\b(?<!\bwas)",
    re.IGNORECASE,
)


def _past_lead_ins(
    units: list[PassageRef], article: Article, number: int, extraction: Extraction | None
) -> list[PassageRef]:
    """``units`` with a sentence that goes on, in the past tense, with a sentence before it whose figures all
    count a past year's or era's event joined to that sentence: "Partisans burned 310 villages during World
    War II. They also killed 9,000 villagers." -- the second names no time, and on its own would be dated by
    the article (and sit beside this year's tolls)."""
    from .asof import resolve_as_of
    from .profile import _past_span, claims_of

    out: list[PassageRef] = []
    for ref in units:
        prev = out[-1] if out else None
        if (prev is not None and _GOES_ON.match(ref.text) and not _PRESENT.search(ref.text)
                and claims_of(ref) and claims_of(prev)
                and resolve_as_of(ref.text, ref.date).basis == "article date"
                and _past_span(prev.text, prev, claims_of(prev)) is not None):
            out[-1] = passage_ref(article, number, prev.start, ref.end, extraction)
            continue
        out.append(ref)
    return out


def ahead_room() -> int:
    """Passages :func:`load_ahead` may split in all (:data:`AHEAD_SHARE` of the sentence memory)."""
    return int(AHEAD_SHARE * _SENTENCES_SIZE)


def clear_cache() -> None:
    """Forget the remembered sentences (the benchmark's cold runs)."""
    with _SENTENCES_LOCK:
        _SENTENCES.clear()
        _OWED_SENTENCES.clear()


def claims_in(ref: PassageRef) -> list[Claim]:
    return [c for c in ref.claims if ref.start <= c.figure.start < ref.end]
