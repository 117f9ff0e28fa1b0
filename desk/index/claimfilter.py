"""``claimant:`` clauses, answered from the store instead of Whoosh.

Pass 2 of the index stores, per passage, the names of the sources attributed
in it (:meth:`Store.put_extractions`); it writes no Whoosh documents, because
rewriting every passage document to add a claimant field cost more than the
extraction itself.  A query's ``claimant:`` clauses are therefore evaluated
here, over those rows, into a set of ``(article id, passage number)`` keys,
which :class:`~desk.index.search.PassageSearcher` turns into a document filter.

Names are read through the alias book when the rows are loaded, so an alias
edit changes what ``claimant:`` finds at once.  Words are the claimant field's
own analyzer tokens; a phrase must fall inside one name.
"""

from __future__ import annotations

import fnmatch
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from whoosh import query as wq

from desk.errors import QueryError

PassageKey = tuple[str, int]
FIELD = "claimant"


def is_claimant_only(q: wq.Query) -> bool:
    """True when every leaf of ``q`` is a ``claimant:`` clause."""
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return bool(leaves) and all(leaf.field() == FIELD for leaf in leaves)


def mentions_claimant(q: wq.Query) -> bool:
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return any(leaf.field() == FIELD for leaf in leaves)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


class ClaimantIndex:
    """Passage claimants of one library, loaded from the store when they change.

    ``rows`` returns every ``(aid, number, name)``; ``version`` returns something
    that changes whenever those rows or the alias book change (checked on every
    query, so another process's writes are seen); ``canon`` maps a name to its
    canonical form ("" drops it).
    """

    def __init__(
        self,
        rows: Callable[[], Iterable[tuple[str, int, str]]],
        version: Callable[[], Any],
        canon: Callable[[], Callable[[str], str]],
        analyzer: Any,
    ) -> None:
        self._rows = rows
        self._version = version
        self._canon = canon
        self._analyzer = analyzer
        self._lock = threading.Lock()
        self._loaded: Any = object()
        self._words: dict[str, set[PassageKey]] = {}
        self._names: dict[PassageKey, list[list[str]]] = {}
        self._all: frozenset[PassageKey] = frozenset()
        self._cache: dict[str, frozenset[PassageKey]] = {}

    def tokens(self, text: str) -> list[str]:
        return [t.text for t in self._analyzer(text, mode="index")]

    def _refresh(self) -> None:
        version = self._version()
        if version == self._loaded:
            return
        canon = self._canon()
        words: dict[str, set[PassageKey]] = defaultdict(set)
        names: dict[PassageKey, list[list[str]]] = defaultdict(list)
        # a few thousand distinct names over tens of thousands of rows: map and split each once
        forms: dict[str, list[list[str]]] = {}
        for aid, number, raw in self._rows():
            key = (aid, int(number))
            split = forms.get(raw)
            if split is None:
                shown = canon(raw) or ""
                split = [] if not shown else [t for t in (self.tokens(raw), self.tokens(shown)) if t]
                if len(split) == 2 and split[0] == split[1]:
                    split.pop()
                forms[raw] = split
            for toks in split:
                if toks not in names[key]:
                    names[key].append(toks)
                    for t in toks:
                        words[t].add(key)
        self._words = dict(words)
        self._names = dict(names)
        self._all = frozenset(self._names)
        self._cache = {}
        self._loaded = version

    def passages(self, q: wq.Query) -> frozenset[PassageKey]:
        """The passages whose claimants match ``q`` (a query of ``claimant:`` clauses only)."""
        with self._lock:
            self._refresh()
            key = repr(q)
            hit = self._cache.get(key)
            if hit is None:
                hit = frozenset(self._eval(q))
                if len(self._cache) > 256:
                    self._cache.clear()
                self._cache[key] = hit
            return hit

    # -- evaluation

    def _matching_words(self, pred: Callable[[str], bool]) -> set[PassageKey]:
        out: set[PassageKey] = set()
        for word, keys in self._words.items():
            if pred(word):
                out |= keys
        return out

    def _eval(self, q: wq.Query) -> set[PassageKey]:
        if isinstance(q, wq.Every):
            return set(self._all)
        if isinstance(q, wq.NullQuery.__class__):
            return set()
        if isinstance(q, wq.And):
            parts = [c for c in q.subqueries if not isinstance(c, wq.Not)]
            nots = [c.query for c in q.subqueries if isinstance(c, wq.Not)]
            result = set(self._all) if not parts else self._eval(parts[0])
            for c in parts[1:]:
                result &= self._eval(c)
            for c in nots:
                result -= self._eval(c)
            return result
        if isinstance(q, wq.Or):
            result = set()
            for c in q.subqueries:
                result |= self._eval(c)
            return result
        if isinstance(q, wq.Not):
            return set(self._all) - self._eval(q.query)
        if isinstance(q, wq.AndNot):
            return self._eval(q.a) - self._eval(q.b)
        if isinstance(q, wq.AndMaybe):
            return self._eval(q.a)
        if isinstance(q, wq.FuzzyTerm):
            text, limit, prefix = q.text, int(q.maxdist), q.text[: q.prefixlength]
            return self._matching_words(lambda w: w.startswith(prefix) and edit_distance(w, text, limit) <= limit)
        if isinstance(q, wq.Prefix):
            return self._matching_words(lambda w: w.startswith(q.text))
        if isinstance(q, wq.Wildcard):
            rx = re.compile(fnmatch.translate(q.text))
            return self._matching_words(lambda w: rx.match(w) is not None)
        if isinstance(q, wq.Phrase):
            return self._phrase([str(w) for w in q.words], max(1, int(q.slop)))
        if isinstance(q, wq.Term):
            return set(self._words.get(str(q.text), ()))
        raise QueryError(
            "desk cannot read this claimant: clause; use words, \"phrases\", wildcards (zel*) "
            "or fuzzy words (zelenski~)."
        )

    def _phrase(self, words: list[str], slop: int) -> set[PassageKey]:
        if not words:
            return set()
        candidates = set(self._words.get(words[0], ()))
        for w in words[1:]:
            candidates &= self._words.get(w, set())
        return {key for key in candidates if any(_in_sequence(toks, words, slop) for toks in self._names[key])}


def _in_sequence(tokens: list[str], words: list[str], slop: int) -> bool:
    """``words`` appear in ``tokens`` in order, each within ``slop`` places of the one before."""
    for i, t in enumerate(tokens):
        if t != words[0]:
            continue
        pos = i
        for w in words[1:]:
            nxt = next((j for j in range(pos + 1, min(len(tokens), pos + slop + 1)) if tokens[j] == w), None)
            if nxt is None:
                break
            pos = nxt
        else:
            return True
    return False


def split_query(q: wq.Query) -> tuple[wq.Query | None, list[wq.Query], list[wq.Query]]:
    """``(rest, required, excluded)``: the claimant-only parts of a query's top level.

    ``required`` clauses must match (filters), ``excluded`` ones must not
    (masks); ``rest`` is what Whoosh searches (None when nothing is left).  A
    claimant clause nested inside an OR or NOT that mixes it with other words
    cannot be a filter and gets a sentence.
    """
    if not mentions_claimant(q):
        return q, [], []
    if isinstance(q, wq.Not) and is_claimant_only(q.query):
        return None, [], [q.query]  # every passage but those, as in "killed NOT claimant:x"
    if is_claimant_only(q):
        return None, [q], []
    if isinstance(q, wq.And):
        rest: list[wq.Query] = []
        required: list[wq.Query] = []
        excluded: list[wq.Query] = []
        for c in q.subqueries:
            if isinstance(c, wq.Not) and is_claimant_only(c.query):
                excluded.append(c.query)
            elif is_claimant_only(c):
                required.append(c)
            elif mentions_claimant(c):
                break
            else:
                rest.append(c)
        else:
            if not rest:
                return None, required, excluded
            return (rest[0] if len(rest) == 1 else wq.And(rest)), required, excluded
    if isinstance(q, wq.AndNot) and is_claimant_only(q.b) and not mentions_claimant(q.a):
        return q.a, [], [q.b]
    raise QueryError(
        "desk can combine claimant: with other words only at the top level of a query "
        "(killed claimant:zelensky, killed NOT claimant:putin), not inside an OR group."
    )
