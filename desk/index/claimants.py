"""``claimant:`` clauses, answered from the library store: sets of passage keys, for any backend.

Pass 2 of the index stores, per passage, the names of the sources attributed
in it (:meth:`desk.index.store.Store.put_extractions`); it writes nothing to
the index backend, because rewriting every passage document to add a
claimant field cost more than the extraction itself.  A query's ``claimant:``
clauses (desk's own query tree, :mod:`desk.index.querytree`) are evaluated
here, over those rows, into a set of ``(article id, passage number)`` keys;
each backend applies that set its own way (the Whoosh backend as a set of
document numbers, :mod:`desk.index.whoosh.search`).

Names are read through the alias book when the rows are loaded, so an alias
edit changes what ``claimant:`` finds at once.  A phrase must fall inside one
name.  Single-machine shortcut: every claimant row is held in memory (see
:mod:`desk.index.backend` for what a server backend would do instead).
"""

from __future__ import annotations

import fnmatch
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.backend import PassageKey


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
    canonical form ("" drops it); ``tokens`` splits a name into words as the
    backend's query parser does (so ``claimant:`` words meet names' words).
    """

    def __init__(
        self,
        rows: Callable[[], Iterable[tuple[str, int, str]]],
        version: Callable[[], Any],
        canon: Callable[[], Callable[[str], str]],
        tokens: Callable[[str], list[str]],
    ) -> None:
        self._rows = rows
        self._version = version
        self._canon = canon
        self._tokens = tokens
        self._lock = threading.Lock()
        self._loaded: Any = object()
        self._words: dict[str, set[PassageKey]] = {}
        self._names: dict[PassageKey, list[list[str]]] = {}
        self._all: frozenset[PassageKey] = frozenset()
        self._cache: dict[qt.Node, frozenset[PassageKey]] = {}

    def tokens(self, text: str) -> list[str]:
        return self._tokens(text)

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

    def passages(self, q: qt.Node) -> frozenset[PassageKey]:
        """The passages whose claimants match ``q`` (a tree of ``claimant:`` clauses only)."""
        with self._lock:
            self._refresh()
            key = q
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

    def _eval(self, q: qt.Node) -> set[PassageKey]:
        if isinstance(q, qt.Every):
            return set(self._all)
        if isinstance(q, qt.Nothing):
            return set()
        if isinstance(q, qt.And):
            parts = [c for c in q.items if not isinstance(c, qt.Not)]
            nots = [c.item for c in q.items if isinstance(c, qt.Not)]
            result = set(self._all) if not parts else self._eval(parts[0])
            for part in parts[1:]:
                result &= self._eval(part)
            for negative in nots:
                result -= self._eval(negative)
            return result
        if isinstance(q, qt.Or):
            result = set()
            for item in q.items:
                result |= self._eval(item)
            return result
        if isinstance(q, qt.Not):
            return set(self._all) - self._eval(q.item)
        if isinstance(q, qt.AndNot):
            return self._eval(q.positive) - self._eval(q.negative)
        if isinstance(q, qt.AndMaybe):
            return self._eval(q.required)
        if isinstance(q, qt.Boost):
            return self._eval(q.item)
        return self._leaf(q)

    def _leaf(self, q: qt.Node) -> set[PassageKey]:
        if isinstance(q, qt.Fuzzy):
            text, limit, prefix = q.text, q.maxdist, q.text[: q.prefix]
            return self._matching_words(lambda w: w.startswith(prefix) and edit_distance(w, text, limit) <= limit)
        if isinstance(q, qt.Prefix):
            start = q.text
            return self._matching_words(lambda w: w.startswith(start))
        if isinstance(q, qt.Wildcard):
            rx = re.compile(fnmatch.translate(q.pattern))
            return self._matching_words(lambda w: rx.match(w) is not None)
        if isinstance(q, qt.Phrase):
            return self._phrase(list(q.words), max(1, q.slop))
        if isinstance(q, qt.Term):
            return set(self._words.get(q.text, ()))
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
