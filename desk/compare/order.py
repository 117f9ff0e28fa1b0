"""The order of a comparison's rows: rows where several outlets speak of the query first.

A row's first key is how many outlets' worth of the query it holds: each outlet counts how fully its
best passage names the query, times how much that passage says besides the query's words (a passage
with fewer than :data:`SUBSTANCE_WORDS` other content words, "Whelan in this prisoner swap now.",
counts for less) (the square of the share of the query's words it names, each word
weighted by how rare it is among the comparison's sentences, so "Snake" outweighs "island"; a word
counts as named through its synonyms and the words the folder relates to it, as the search widened
it), and the sum counts up to :data:`OUTLETS_ENOUGH`
(three outlets side by side already make a comparison).  So six outlets that all write about other
islands, or a credit line three outlets share, rank below two outlets on the island the query names,
and a four-outlet row about something the query only brushes ranks below a three-outlet row that
names every query word.  Then comes how specifically the row's outlets say one thing
(:func:`_shared_specific`: the rare words besides the query's that two or more of them use; outlets whose
sentences share only the query's words, "two civilians killed" in one town and "three" in another, say
nothing in common), then the query words the row's sentences name on average (a row about
the query names them in most of its sentences, not in one), the full outlet count and the search
score.  A row of one outlet compares nothing and stays below every other row.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain

from desk.model import Row

from .profile import claims_of, text_stems
from .tokens import QUERY_OPERATORS, QUERY_SYNONYMS, STOPWORDS, content_stems, stem, stem_set

#: rows with at least this many outlets rank alike by outlet count (then by the query words they name)
OUTLETS_ENOUGH = 3

_WORD = re.compile(r"([^\W\d_][\w'’\-]*)(:?)")
#: a field and its value ("outlet:BBC", 'title:"grain deal"'): search syntax, not words of the topic
_FIELD = re.compile(r"\w+:(?:\"[^\"]*\"|\S*)")


def query_terms(query: str, related: Callable[[str], Sequence[str]] | None = None) -> list[frozenset[str]]:
    """The query's words as stems, each with its synonyms' stems ("troops" also finds "soldiers").

    ``related`` gives the words the folder relates to a query word (those the search added,
    :func:`desk.compare.retrieve.related_alternatives`); their stems name the word too.
    Search syntax is skipped: operators and field names ("outlet:").
    """
    out: list[frozenset[str]] = []
    seen: set[frozenset[str]] = set()
    for m in _WORD.finditer(_FIELD.sub(" ", query)):
        word, field = m.group(1).lower(), m.group(2)
        if field or word in QUERY_OPERATORS or word in STOPWORDS or len(word) < 2:
            continue
        group = next((g for g in QUERY_SYNONYMS if word in g), (word,))
        if related is not None:
            group = (*group, *related(word))
        stems = frozenset(s for w in (word, *group) for s in content_stems(w)) or frozenset({stem(word)})
        if stems not in seen:
            seen.add(stems)
            out.append(stems)
    return out


def _names(text: str, terms: Sequence[frozenset[str]]) -> tuple[bool, ...]:
    """Which of the query's terms a sentence names."""
    return _names_in(stem_set(text), terms)


def _names_in(stems: frozenset[str], terms: Sequence[frozenset[str]]) -> tuple[bool, ...]:
    """:func:`_names` of a sentence's content stems."""
    return tuple(bool(t & stems) for t in terms)


def query_words_named(row: Row, terms: Sequence[frozenset[str]], weights: Sequence[float] | None = None) -> float:
    """How many of the query's terms the row's sentences name, on average (to one decimal).

    With ``weights`` (one per term, see :func:`term_weights`) a term counts its weight, not 1.
    """
    return _named_score([_names(ref.text, terms) for refs in row.cells.values() for ref in refs], terms, weights)


def _named_score(
    named: Sequence[tuple[bool, ...]], terms: Sequence[frozenset[str]], weights: Sequence[float] | None
) -> float:
    if not terms or not named:
        return 0.0
    w = list(weights) if weights is not None else [1.0] * len(terms)
    return round(sum(sum(wt for hit, wt in zip(flags, w, strict=True) if hit) for flags in named) / len(named), 1)


def term_weights(rows: Sequence[Row], terms: Sequence[frozenset[str]]) -> list[float]:
    """Each query term's weight: how rare it is among the comparison's own sentences.

    In "Snake Island" most candidate sentences name "island" (Taiwan's, Crimea's) and few
    "Snake": a row naming only "island" must not rank with the rows about Snake Island.  The
    weight is a smoothed inverse document frequency, ``1 + ln((n + 1) / (df + 1))``: a term
    every sentence names weighs 1, a rare one a few times more.
    """
    return _weights([_names(ref.text, terms) for r in rows for refs in r.cells.values() for ref in refs], terms)


def _weights(named: Sequence[tuple[bool, ...]], terms: Sequence[frozenset[str]]) -> list[float]:
    n = len(named)
    return [1.0 + math.log((n + 1) / (sum(flags[i] for flags in named) + 1)) for i in range(len(terms))]


def _query_share(named: Sequence[tuple[bool, ...]], weights: Sequence[float]) -> float:
    """How fully one sentence of ``named`` names the query, at best (0 to 1): the square of the share of
    the query's weight it names, so a sentence naming every word counts far above one naming one of two
    words ("the withdrawal from another town" for "Kherson withdrawal")."""
    total = sum(weights)
    if not total or not named:
        return 0.0
    best = max(sum(w for hit, w in zip(flags, weights, strict=True) if hit) for flags in named) / total
    return best * best


#: a passage with this many content words besides the query's says something; one with fewer
#: ("Whelan in this prisoner swap now.", a heading "A PRECEDENT FOR A PRISONER SWAP?") counts for less
SUBSTANCE_WORDS = 5


def _substance(stems: frozenset[str], terms: Sequence[frozenset[str]]) -> float:
    """How much a passage (its content stems) says besides the query's words, 0 to 1
    (:data:`SUBSTANCE_WORDS` words or more: 1)."""
    query = frozenset().union(*terms) if terms else frozenset()
    return min(1.0, len(stems - query) / SUBSTANCE_WORDS)


def outlets_on_query(
    row: Row, per_sentence: Sequence[tuple[bool, ...]], weights: Sequence[float],
    substance: Sequence[float] | None = None,
) -> float:
    """How many outlets' worth of the query ``row`` holds (to one decimal): each outlet adds how fully
    its best passage names the query (:func:`_query_share`), times how much that passage says besides
    (``substance``, :func:`_substance`, when given).  ``per_sentence`` is :func:`_names` of the row's
    passages, in the order of ``row.cells``."""
    total = 0.0
    at = 0
    for refs in row.cells.values():
        if substance is None:
            total += _query_share(per_sentence[at : at + len(refs)], weights)
        else:
            total += max(_query_share(per_sentence[i : i + 1], weights) * substance[i]
                         for i in range(at, at + len(refs)))
        at += len(refs)
    return round(total, 1)


def order_rows(
    rows: list[Row], query: str, related: Callable[[str], Sequence[str]] | None = None,
    figure: Callable[[float], bool] | None = None,
) -> list[Row]:
    """``rows`` sorted as the module says (stable: rows alike keep their order).

    ``related`` widens each query word as :func:`query_terms` says.  ``figure`` (a query's ``figure:``
    filter, as a test of a value): rows holding a figure it takes come before the others, which hold
    only the sentences around such figures.
    """
    terms = query_terms(query, related)
    if len(rows) < 2:
        return rows
    # a row of one outlet compares nothing: it stays below the others, in its order (and unmeasured);
    # the other rows' sentences are read once, for the terms' weights and for the rows' scores
    # each sentence's stems once, for its terms and its substance
    stems_of = {id(r): [text_stems(ref) for refs in r.cells.values() for ref in refs]
                for r in rows if len(r.outlets) > 1}
    per_row = {k: [_names_in(st, terms) for st in stems] for k, stems in stems_of.items()}
    weights = _weights([f for flags in per_row.values() for f in flags], terms) if len(terms) > 1 else None
    named = {id(r): _named_score(per_row[id(r)], terms, weights) if id(r) in per_row else 0.0 for r in rows}
    share = weights if weights is not None else [1.0] * len(terms)
    substance = {k: [_substance(st, terms) for st in stems] for k, stems in stems_of.items()}
    worth = {
        id(r): min(outlets_on_query(r, per_row[id(r)], share, substance[id(r)]), float(OUTLETS_ENOUGH))
        if terms else 0.0
        for r in rows if id(r) in per_row
    }
    shared = _shared_specific(rows, stems_of, terms)
    return sorted(
        rows,
        key=lambda r: (
            id(r) not in per_row,
            figure is not None and not _holds_figure(r, figure),
            -worth.get(id(r), 0.0),
            -min(len(r.outlets), OUTLETS_ENOUGH),
            -shared.get(id(r), 0.0),
            -named[id(r)],
            -len(r.outlets),
            -r.score,
        ),
    )


def _holds_figure(row: Row, wanted: Callable[[float], bool]) -> bool:
    """Whether a passage of ``row`` holds a figure of its own (its claims) whose value ``wanted`` takes."""
    return any(
        wanted(c.figure.value) or (c.figure.high is not None and wanted(c.figure.high))
        for refs in row.cells.values() for ref in refs for c in claims_of(ref)
    )


def _shared_specific(
    rows: Sequence[Row], stems_of: dict[int, list[frozenset[str]]], terms: Sequence[frozenset[str]]
) -> dict[int, float]:
    """How specifically each row's outlets say one thing: the words besides the query's that at least two of
    its outlets use, each weighted by how rare it is among the comparison's sentences (``ln(n / df)``,
    words most sentences use weigh nothing), summed and rounded to a whole number (rows alike keep
    their order).  Sentences that only share the query's words ("two civilians killed" in one town,
    "three civilians killed" in another) say nothing in common."""
    query = frozenset().union(*terms) if terms else frozenset()
    every = [st for stems in stems_of.values() for st in stems]
    n = len(every)
    df = Counter(chain.from_iterable(every))
    out: dict[int, float] = {}
    for r in rows:
        row_stems = stems_of.get(id(r))
        if row_stems is None:
            continue
        seen: Counter[str] = Counter()
        at = 0
        for refs in r.cells.values():
            seen.update(frozenset().union(*row_stems[at : at + len(refs)]) - query)
            at += len(refs)
        spread = at / max(1, len(r.cells))  # passages per outlet: a bag of many shares words by chance
        out[id(r)] = float(round(sum(math.log(n / df[w]) for w, c in seen.items() if c > 1) / math.sqrt(spread)))
    return out
