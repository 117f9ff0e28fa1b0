"""Related words learned from the indexed folder itself: which content stems share passages.

Nothing is downloaded and no word list is shipped: the associations come
from the articles the library holds.  Each indexed passage is a context;
each content stem (:func:`desk.compare.tokens.content_stems`) that occurs in
at least :data:`MIN_DF` passages, and in at most :data:`MAX_SHARE` of them,
is the column of the passages it occurs in, each passage weighted by one over
the square root of its number of kept stems.  The relatedness of two stems
is the cosine of their columns: how much they share their passages (1 when
they always occur together, 0 when they never meet).

The cosines are computed exactly, from the sparse passages x stems incidence
itself, when they are asked for: one stem's related words read only the
passages that stem occurs in (a few thousand at most), a few milliseconds.
(Until version 3 they were estimated by random indexing, a 512-dimension
random projection of the same matrix: its noise, about 0.05 on every cosine,
decided which words crossed a threshold, so a change of seed or hash moved
the compare_dev scores by about 0.03.)  Exact cosines have no seed, do not
depend on the passages' order, and a new passage changes only the
relatedness of the stems it holds.

Learning is one pass over the passages (a few CPU-seconds for 6,800
articles); the incidence (about 1.7 million stem numbers for them, 7 MB) is
cached in the library's data directory (never in the article folder) with a
key of the store's state, and learned again when the index changes.  When it
cannot be learned (an empty or tiny library, a damaged cache, no room to
write) there are simply no related words.
"""

from __future__ import annotations

import json
import os
import re
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .tokens import STOPWORDS, stem

#: a stem must occur in this many passages to have related words
MIN_DF = 5
#: stems found in more than this share of the passages relate to everything
MAX_SHARE = 0.05
#: fewer passages than this teach nothing reliable
MIN_PASSAGES = 50
#: co-occurring pairs summed at once by :meth:`Related.strengths` (bounds its temporaries)
_PAIR_BLOCK = 1 << 20
#: the cache file in the library's data directory
CACHE_NAME = "related.npz"
#: version of the learning rule: a cache written by another version is learned again
#: (3: random vectors from each passage's hash; 4: exact cosines of the incidence, no random vectors;
#: 5: each stem's norm and passage count kept beside the incidence)
VERSION = 5


#: stems :class:`Related` looks up by scanning its incidences (some 3 ms each on ukraine-media) before it sorts
#: them by stem once (some 40 ms) for every later lookup
SCANS_BEFORE_INDEX = 8


class Related:
    """The passages x stems incidence of a folder; the cosine of two stems' columns is their relatedness.

    ``stems``: the kept stems, in alphabetical order; ``unit_stems``: the stem numbers of every
    passage, passage after passage; ``unit_sizes``: how many stems each passage holds.
    """

    def __init__(self, stems: Sequence[str], words: Sequence[str], unit_stems: np.ndarray,
                 unit_sizes: np.ndarray, key: str = "") -> None:
        self.stems = list(stems)
        #: the commonest surface word of each stem (what a query can search for)
        self.words = list(words)
        self.index = {s: i for i, s in enumerate(self.stems)}
        self.key = key
        self.unit_stems = np.asarray(unit_stems, dtype=np.int32)
        self.unit_sizes = np.asarray(unit_sizes, dtype=np.int32)
        #: stems looked up by a scan of the incidences before the by-stem index is built (:meth:`_incidences`)
        self._scans = 0

    # the derived arrays are made on first use: a process that asks for the related words of a query's two
    # or three words (``desk compare``) scans for them, and never sorts 1.7 million incidences (40 ms)

    @cached_property
    def _unit_of(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.unit_sizes), dtype=np.int32), self.unit_sizes)

    @cached_property
    def _unit_starts(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self.unit_sizes, dtype=np.int64)])

    @cached_property
    def _unit_weight(self) -> np.ndarray:
        # each passage's weight (that of each of its incidences): one over the square root of its size;
        # an incidence's is looked up through its passage where needed, never spread over all 1.7 million
        return 1.0 / np.sqrt(np.maximum(self.unit_sizes, 1))

    @cached_property
    def _by_stem(self) -> np.ndarray:
        # the incidences stem after stem (the passages each stem occurs in)
        # (a stable sort of 16-bit keys is a radix sort: 6x faster than of 32-bit ones, on every load)
        keys = self.unit_stems.astype(np.uint16) if len(self.stems) <= 1 << 16 else self.unit_stems
        return np.argsort(keys, kind="stable")

    @cached_property
    def _stem_starts(self) -> np.ndarray:
        return np.searchsorted(self.unit_stems[self._by_stem], np.arange(len(self.stems) + 1))

    @cached_property
    def _norm(self) -> np.ndarray:
        # each incidence's squared weight, passage after passage (the same values as the weight of each
        # incidence squared): summed per stem
        squared = np.repeat(self._unit_weight**2, self.unit_sizes)
        return np.sqrt(np.bincount(self.unit_stems, weights=squared, minlength=len(self.stems)))

    def _incidences(self, i: int) -> np.ndarray:
        """Where stem ``i`` occurs among the incidences, in their order: by a scan for the first
        :data:`SCANS_BEFORE_INDEX` stems, then through the by-stem index (the same positions)."""
        if "_by_stem" not in self.__dict__ and self._scans < SCANS_BEFORE_INDEX:
            self._scans += 1
            return np.flatnonzero(self.unit_stems == i)
        return self._by_stem[self._stem_starts[i]:self._stem_starts[i + 1]]

    def __len__(self) -> int:
        return len(self.stems)

    def __contains__(self, stem_: object) -> bool:
        return stem_ in self.index

    def _cosines(self, i: int) -> np.ndarray:
        """Stem ``i``'s cosine with every stem (float64, its own included)."""
        mine = self._incidences(i)
        units = self._unit_of[mine]
        lo, hi = self._unit_starts[units], self._unit_starts[units + 1]
        # every incidence of the passages stem i occurs in (the passages' stems lie side by side)
        sizes = hi - lo
        picked = np.repeat(lo - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes) + np.arange(int(sizes.sum()))
        # the picked incidences' weights through their passages (units, each spread over its incidences)
        weights = np.repeat(self._unit_weight[units], sizes)
        dots = np.bincount(self.unit_stems[picked], weights=weights**2, minlength=len(self.stems))
        return dots / np.maximum(self._norm * self._norm[i], 1e-300)

    def related(self, stem_: str, k: int = 5, min_strength: float = 0.3) -> list[tuple[str, float]]:
        """The ``k`` stems most related to ``stem_`` (strength = cosine, >= ``min_strength``), strongest first.

        Ties go to the alphabetically first stem.
        """
        i = self.index.get(stem_)
        if i is None or k <= 0:
            return []
        sims = self._cosines(i)
        sims[i] = -1.0
        order = np.lexsort((np.arange(len(sims)), -np.round(sims, 12)))[:k]
        return [(self.stems[j], float(sims[j])) for j in order if sims[j] >= min_strength]

    @cached_property
    def _passage_counts(self) -> np.ndarray:
        return np.bincount(self.unit_stems, minlength=len(self.stems))

    def share(self, stem_: str) -> float | None:
        """The share of the folder's passages that hold ``stem_``; None for a stem not kept (one of fewer than
        :data:`MIN_DF` passages, or of more than :data:`MAX_SHARE` of them)."""
        i = self.index.get(stem_)
        return None if i is None else float(self._passage_counts[i]) / max(1, len(self.unit_sizes))

    def word(self, stem_: str) -> str | None:
        i = self.index.get(stem_)
        return None if i is None else self.words[i]

    def strengths(self, stems: Sequence[str]) -> np.ndarray:
        """``len(stems)`` square float32 matrix of cosines; 0 for an unknown stem and on the diagonal."""
        out = np.zeros((len(stems), len(stems)), dtype=np.float32)
        distinct = list(dict.fromkeys(stems))
        if len(distinct) < len(stems):  # a stem asked twice: the matrix of each stem once, spread out
            at = {st: i for i, st in enumerate(distinct)}
            where = np.array([at[st] for st in stems], dtype=np.int64)
            once = self.strengths(distinct)
            np.fill_diagonal(once, 1.0)
            out[:] = once[np.ix_(where, where)]
            out[:, [st not in self.index for st in stems]] = 0.0
            out[[st not in self.index for st in stems], :] = 0.0
            np.fill_diagonal(out, 0.0)
            return out
        n = len(stems)
        rows = np.array([self.index.get(s, -1) for s in stems], dtype=np.int64)
        if (rows >= 0).sum() < 2:
            return out
        local = np.full(len(self.stems), -1, dtype=np.int64)
        local[rows[rows >= 0]] = np.flatnonzero(rows >= 0)
        # the incidences of the asked stems, passage after passage
        mine = np.flatnonzero(local[self.unit_stems] >= 0)
        who, unit = local[self.unit_stems[mine]], self._unit_of[mine]
        weight = self._unit_weight[unit]
        starts = np.flatnonzero(np.diff(unit, prepend=-1))
        counts = np.diff(np.append(starts, len(unit)))
        # every ordered pair of asked stems in one passage, a block of passages at a time
        per = counts.astype(np.int64) ** 2
        total = np.zeros(n * n, dtype=np.float64)
        first = 0
        while first < len(starts):
            last = int(np.searchsorted(np.cumsum(per[first:]), _PAIR_BLOCK, side="right")) + first
            last = max(first + 1, min(last, len(starts)))
            c, s0 = counts[first:last], starts[first:last]
            a = np.repeat(np.repeat(s0, c) + _ranks(c), np.repeat(c, c))  # each member, once per partner
            b = np.repeat(s0, c * c) + _ranks(np.repeat(c, c))  # ... and each partner
            total += np.bincount(who[a] * n + who[b], weights=weight[a] * weight[b], minlength=n * n)
            first = last
        norm = np.zeros(n)
        norm[rows >= 0] = self._norm[rows[rows >= 0]]
        cos = total.reshape(n, n) / np.maximum(np.outer(norm, norm), 1e-300)
        out[:] = cos
        np.fill_diagonal(out, 0.0)
        return out


def _ranks(counts: np.ndarray) -> np.ndarray:
    """0..c-1 for every c of ``counts``, one run after another."""
    total = int(counts.sum())
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)


_ALPHA = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def passage_words(text: str) -> set[str]:
    """The distinct content words of ``text`` (lower case, letters only, 3+ letters, no stop words)."""
    words = set(_ALPHA.findall(text.lower()))
    words -= STOPWORDS
    return words


def learn(passages: Iterable[str], *, min_df: int | None = None, max_share: float | None = None,
          key: str = "", cancelled: Callable[[], bool] | None = None) -> Related | None:
    """The stem incidence of ``passages`` (texts); None when there are too few passages, or when
    ``cancelled`` (asked every :data:`_CANCEL_EVERY` passages) says to stop.

    ``min_df``/``max_share``: :data:`MIN_DF`/:data:`MAX_SHARE` when None.

    One Python step per passage (its distinct words, numbered through a dict); the stems, the
    passages each stem occurs in and the counts are then worked out with numpy over all of them at
    once.  (Stemming each word of each passage and building its set of stems one passage at a time
    took 4-5 CPU-s of ukraine-media's 63,500 passages, which the first comparison after every index
    change paid.)
    """
    min_df = MIN_DF if min_df is None else min_df
    max_share = MAX_SHARE if max_share is None else max_share
    word_ids: dict[str, int] = {}
    number_of = word_ids.__getitem__
    incidences = array("q")  # word numbers, passage after passage
    sizes = array("q")  # distinct words per passage
    for n, text in enumerate(passages):
        if cancelled is not None and n % _CANCEL_EVERY == 0 and cancelled():
            return None
        words = passage_words(text)
        if not words:
            continue
        for w in words.difference(word_ids):
            word_ids[w] = len(word_ids)
        incidences.extend(map(number_of, words))
        sizes.append(len(words))
    npass = len(sizes)
    if npass < MIN_PASSAGES:
        return None
    # each word's stem, numbered: a passage holds a stem once however many of its words share it
    stem_ids: dict[str, int] = {}
    word_list = list(word_ids)
    stem_of_word = np.fromiter(
        (stem_ids.setdefault(stem(w), len(stem_ids)) for w in word_list), dtype=np.int64, count=len(word_list)
    )
    all_words = np.frombuffer(incidences, dtype=np.int64)
    unit_of_word = np.repeat(np.arange(npass, dtype=np.int64), np.frombuffer(sizes, dtype=np.int64))
    nstems = len(stem_ids)
    # (passage, stem), passage after passage, each once (a sort and a mask: numpy 2's np.unique hashes,
    # some 30 times slower on these 2 million numbers)
    pairs = np.sort(unit_of_word * nstems + stem_of_word[all_words])
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    word_df = np.bincount(all_words, minlength=len(word_list))
    del all_words, unit_of_word, incidences
    all_units, all_stems = np.divmod(pairs, nstems)
    del pairs
    df = np.bincount(all_stems, minlength=nstems)
    keep = (df >= min_df) & (df <= max(min_df, int(max_share * npass)))
    vocab = int(keep.sum())
    if vocab < 2:
        return None
    names = list(stem_ids)
    # the kept stems numbered in alphabetical order: the numbers do not depend on the passages' order
    kept = np.flatnonzero(keep)
    kept = kept[np.argsort(np.array([names[j] for j in kept]), kind="stable")]
    column = np.full(nstems, -1, dtype=np.int64)
    column[kept] = np.arange(vocab, dtype=np.int64)
    inc = keep[all_stems]
    unit_of = all_units[inc]
    unit_stems = column[all_stems[inc]]
    del all_units, all_stems, inc
    # each passage's stems in column order (the cosines' sums then run in one order whatever the process)
    order = np.lexsort((unit_stems, unit_of))
    unit_of, unit_stems = unit_of[order], unit_stems[order]
    # passages left without a kept stem hold no incidence
    unit_sizes = np.bincount(unit_of, minlength=npass)
    unit_sizes = unit_sizes[unit_sizes > 0].astype(np.int32)
    # the commonest word of each kept stem (ties: the alphabetically last): what a query searches for
    best: dict[int, tuple[int, str]] = {}
    for j, w in enumerate(word_list):
        number = int(stem_of_word[j])
        if keep[number]:
            item = (int(word_df[j]), w)
            if item > best.get(number, (0, "")):
                best[number] = item
    stems_kept = [names[j] for j in kept]
    words_kept = [best[int(j)][1] for j in kept]
    return Related(stems_kept, words_kept, unit_stems.astype(np.int32), unit_sizes, key)


#: :func:`learn` asks whether to stop once every this many passages
_CANCEL_EVERY = 2000


# -- the library's cache


def store_key(store: Any) -> str:
    """Changes whenever an article is indexed, re-indexed or removed (by any process)."""
    row = store.db.execute(
        "SELECT COUNT(*), COALESCE(MAX(rowid), 0), COALESCE(TOTAL(size), 0), COALESCE(TOTAL(mtime), 0)"
        " FROM articles WHERE indexed=1"
    ).fetchone()
    return f"v{VERSION}:{int(row[0])}:{int(row[1])}:{int(row[2])}:{float(row[3])!r}"


def store_passages(store: Any) -> Iterable[str]:
    """The text of every indexed passage of the store, in article-id order.

    Each passage's random vector comes from its own text (:func:`learn`), so
    the order does not change the model; a fixed order keeps the cache file
    and every tie the same from one build to the next.
    """
    for text, doc in store.db.execute("SELECT text, doc FROM articles WHERE indexed=1 ORDER BY aid"):
        for _n, s, e in json.loads(doc)["passages"]:
            yield text[s:e]


def cached(store: Any, cache_dir: Path) -> bool:
    """Whether the cache file in ``cache_dir`` holds the related words of the store as it is now (its key
    alone is read: a few milliseconds, where loading the incidences takes some 100)."""
    try:
        key = store_key(store)
        with np.load(cache_dir / CACHE_NAME, allow_pickle=False) as data:
            return str(data["key"]) == key
    except Exception:  # noqa: BLE001 - missing, damaged or unreadable: not cached
        return False


def _load(path: Path, key: str) -> Related | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["key"]) != key:
                return None
            meta = json.loads(str(data["meta"]))
            unit_stems, unit_sizes = data["unit_stems"], data["unit_sizes"]
            vocab = len(meta["stems"])
            if (len(meta["words"]) != vocab or unit_stems.ndim != 1 or unit_sizes.ndim != 1
                    or int(unit_sizes.sum()) != len(unit_stems) or (unit_sizes < 1).any()
                    or (len(unit_stems) and not 0 <= int(unit_stems.min()) <= int(unit_stems.max()) < vocab)):
                return None
            related = Related(meta["stems"], meta["words"], unit_stems, unit_sizes, key)
            _take_derived(related, data, vocab)
            return related
    except (OSError, KeyError, ValueError, TypeError, json.JSONDecodeError, EOFError):
        return None


#: the per-stem arrays :func:`_save` keeps beside the incidence, each worked out from it on first use
#: otherwise (a process that compares once spent some 40 ms of its first comparison on them); the file's
#: copy holds the very values (the same float64 bits) the incidence gives
_DERIVED = ("_norm", "_passage_counts")


def _take_derived(related: Related, data: Any, vocab: int) -> None:
    """Set ``related``'s per-stem arrays (:data:`_DERIVED`) from the cache file's ``data`` where it holds them
    whole (one value per stem, finite); an array missing or of another shape is worked out when first used."""
    for name in _DERIVED:
        if name.lstrip("_") not in data.files:
            continue
        values = data[name.lstrip("_")]
        if values.shape == (vocab,) and values.dtype.kind in "fi" and bool(np.isfinite(values).all()):
            related.__dict__[name] = values  # a cached_property's slot: the property is not run


def _save(path: Path, related: Related) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            np.savez(
                fh, key=np.array(related.key), unit_stems=related.unit_stems, unit_sizes=related.unit_sizes,
                meta=np.array(json.dumps({"stems": related.stems, "words": related.words}, ensure_ascii=False)),
                **{name.lstrip("_"): getattr(related, name) for name in _DERIVED},
            )
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # no room or no right to write: learned again next time


_MEMO: dict[str, Related | None] = {}
_LOCK = threading.Lock()


def for_store(store: Any, cache_dir: Path, cancelled: Callable[[], bool] | None = None) -> Related | None:
    """The related words of a store's indexed passages: from memory, the cache file, or learned now.

    None (no related words) when the library is too small to learn from, learning fails, or
    ``cancelled`` stopped it (then nothing is remembered: the next call learns them).
    """
    try:
        key = store_key(store)
    except Exception:  # noqa: BLE001 - a store desk cannot read has no related words
        return None
    memo_key = f"{cache_dir}|{key}"
    with _LOCK:
        if memo_key in _MEMO:
            return _MEMO[memo_key]
        path = cache_dir / CACHE_NAME
        related = _load(path, key)
        if related is None:
            try:
                related = learn(store_passages(store), key=key, cancelled=cancelled)
            except (MemoryError, ValueError, json.JSONDecodeError, KeyError):
                related = None
            if related is None and cancelled is not None and cancelled():
                return None
            if related is not None:
                _save(path, related)
        for k in [k for k in _MEMO if k.startswith(f"{cache_dir}|")]:
            del _MEMO[k]
        _MEMO[memo_key] = related
        return related
