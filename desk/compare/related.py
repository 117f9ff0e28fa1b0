"""Related words learned from the indexed folder itself: which content stems share passages.

Nothing is downloaded and no word list is shipped: the associations come
from the articles the library holds.  Each indexed passage is a context;
each content stem (:func:`desk.compare.tokens.content_stems`) that occurs in
at least :data:`MIN_DF` passages, and in at most :data:`MAX_SHARE` of them,
gets a *context vector* by random indexing: every passage draws a sparse
random ternary vector (:data:`NONZERO` entries of +-1 in :data:`DIM`
dimensions), and a stem's vector is the sum of the vectors of the passages
it occurs in, each passage weighted by one over the square root of its
number of stems.  Two stems that occur in the same passages get vectors
pointing the same way, so the cosine of two vectors estimates how much the
two stems share their contexts (the noise of the estimate is about
``1 / sqrt(DIM)``); stems that never meet stay near 0.

This is a random projection of the passages x stems matrix: numpy only,
memory ``vocabulary x DIM`` halves (about 20 MB for 6,800 articles), a few
CPU-seconds to learn.  The result is cached in the library's data directory
(never in the article folder) with a key of the store's state, and learned
again when the index changes.  When it cannot be learned (an empty or tiny
library, a damaged cache, no room to write) there are simply no related
words.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .tokens import STOPWORDS, stem

#: dimensions of the context vectors, and their non-zero entries per passage
DIM = 512
NONZERO = 10
#: a stem must occur in this many passages to have related words
MIN_DF = 5
#: stems found in more than this share of the passages relate to everything
MAX_SHARE = 0.05
#: fewer passages than this teach nothing reliable
MIN_PASSAGES = 50
#: stems whose vectors are summed at once while learning (bounds the temporaries)
_BLOCK = 1024
_BLOCK_INCIDENCES = 100_000
#: the cache file in the library's data directory
CACHE_NAME = "related.npz"
#: version of the learning rule: a cache written by another version is learned again
#: (3: each passage's random vector comes from its text's hash, so no order or build changes the model)
VERSION = 3


class Related:
    """Context vectors of a folder's content stems; cosine between them is their relatedness."""

    def __init__(self, stems: Sequence[str], words: Sequence[str], vectors: np.ndarray, key: str = "") -> None:
        self.stems = list(stems)
        #: the commonest surface word of each stem (what a query can search for)
        self.words = list(words)
        self.index = {s: i for i, s in enumerate(self.stems)}
        #: len(stems) x DIM float32, rows of unit length (float16 in the cache file)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.key = key

    def __len__(self) -> int:
        return len(self.stems)

    def __contains__(self, stem_: object) -> bool:
        return stem_ in self.index

    def related(self, stem_: str, k: int = 5, min_strength: float = 0.3) -> list[tuple[str, float]]:
        """The ``k`` stems most related to ``stem_`` (strength = cosine, >= ``min_strength``), strongest first."""
        i = self.index.get(stem_)
        if i is None or k <= 0:
            return []
        sims = self.vectors @ self.vectors[i]
        sims[i] = -1.0
        top = np.argpartition(-sims, min(k, len(sims) - 1))[: k + 1] if len(sims) > k + 1 else np.arange(len(sims))
        out = sorted(((self.stems[j], float(sims[j])) for j in top if sims[j] >= min_strength), key=lambda t: -t[1])
        return out[:k]

    def word(self, stem_: str) -> str | None:
        i = self.index.get(stem_)
        return None if i is None else self.words[i]

    def strengths(self, stems: Sequence[str]) -> np.ndarray:
        """``len(stems)`` square float32 matrix of cosines; 0 for a stem without a vector and on the diagonal."""
        n = len(stems)
        rows = np.array([self.index.get(s, -1) for s in stems], dtype=np.int64)
        known = rows >= 0
        out = np.zeros((n, n), dtype=np.float32)
        if known.sum() >= 2:
            v = self.vectors[rows[known]]
            idx = np.flatnonzero(known)
            out[np.ix_(idx, idx)] = v @ v.T
        np.fill_diagonal(out, 0.0)
        return out


_ALPHA = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def passage_words(text: str) -> set[str]:
    """The distinct content words of ``text`` (lower case, letters only, 3+ letters, no stop words)."""
    words = set(_ALPHA.findall(text.lower()))
    words -= STOPWORDS
    return words


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: 64 well-mixed bits from any 64 (uint64 arithmetic wraps)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _index_vectors(hashes: np.ndarray, dim: int, nonzero: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each passage's ``nonzero`` random dimensions and signs, a function of its hash and ``seed`` alone."""
    golden = np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        base = hashes ^ _mix(np.array([seed], dtype=np.uint64) * golden)
        steps = (np.arange(1, nonzero + 1, dtype=np.uint64) * golden)[None, :]
        bits = _mix(base[:, None] + steps)
    dims = (bits % np.uint64(dim)).astype(np.int32)
    signs = np.where((bits >> np.uint64(63)) == 1, np.float32(-1.0), np.float32(1.0)).astype(np.float32)
    return dims, signs


def learn(passages: Iterable[str], *, dim: int = DIM, nonzero: int = NONZERO, min_df: int | None = None,
          max_share: float | None = None, seed: int = 0, key: str = "") -> Related | None:
    """Context vectors of the stems of ``passages`` (texts); None when there are too few passages.

    ``min_df``/``max_share``: :data:`MIN_DF`/:data:`MAX_SHARE` when None.
    """
    min_df = MIN_DF if min_df is None else min_df
    max_share = MAX_SHARE if max_share is None else max_share
    ids: dict[str, int] = {}
    word_df: Counter[str] = Counter()
    incidences = array("q")  # stem numbers, passage after passage
    sizes = array("q")  # stems per passage
    hashes = array("Q")  # each passage's text, hashed: the seed of its random vector
    for text in passages:
        words = passage_words(text)
        if not words:
            continue
        hashes.append(int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                                     "little"))
        word_df.update(words)
        stems = {stem(w) for w in words}
        incidences.extend([ids.setdefault(st, len(ids)) for st in stems])
        sizes.append(len(stems))
    npass = len(sizes)
    if npass < MIN_PASSAGES:
        return None
    all_stems = np.frombuffer(incidences, dtype=np.int64)
    df = np.bincount(all_stems, minlength=len(ids))
    keep = (df >= min_df) & (df <= max(min_df, int(max_share * npass)))
    if keep.sum() < 2:
        return None
    column = np.full(len(ids), -1, dtype=np.int32)
    column[keep] = np.arange(int(keep.sum()), dtype=np.int32)
    # only the kept stems' incidences, as int32 (stem column, passage), the array of all freed at once
    inc = keep[all_stems]
    unit_of = np.repeat(np.arange(npass, dtype=np.int32), np.frombuffer(sizes, dtype=np.int64))[inc]
    flat = column[all_stems[inc]]
    del all_stems, inc, incidences
    kept_per_unit = np.bincount(unit_of, minlength=npass)
    weight = 1.0 / np.sqrt(np.maximum(kept_per_unit, 1))
    # every passage's index vector: ``nonzero`` random dimensions (a repeat only doubles one) with random
    # signs, drawn from its own text's hash: the same passage gets the same vector in any order and beside
    # any other passages, so adding an article moves only the words it uses
    dims, signs = _index_vectors(np.frombuffer(hashes, dtype=np.uint64), dim, nonzero, seed)
    signs *= weight.astype(np.float32)[:, None]
    vocab = int(keep.sum())
    vectors = np.zeros((vocab, dim), dtype=np.float32)
    # each incidence (stem, passage) adds the passage's vector to the stem's: one bincount per block
    # of stems, so the temporaries stay a few MB whatever the folder's size
    order = np.argsort(flat, kind="stable")
    flat, unit_of = flat[order], unit_of[order]
    del order
    starts = np.searchsorted(flat, np.arange(vocab + 1))  # where each stem's incidences begin
    first = 0
    while first < vocab:
        # a block of at most _BLOCK stems and _BLOCK_INCIDENCES incidences (one stem at least)
        last = int(np.searchsorted(starts, starts[first] + _BLOCK_INCIDENCES, side="right")) - 1
        last = max(first + 1, min(last, first + _BLOCK, vocab))
        lo, hi = int(starts[first]), int(starts[last])
        count = last - first
        u = unit_of[lo:hi]
        target = ((flat[lo:hi].astype(np.int64) - first)[:, None] * dim + dims[u]).ravel()
        vectors[first:last] = np.bincount(target, weights=signs[u].ravel(), minlength=count * dim).reshape(
            count, dim
        )
        first = last
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.maximum(norms, 1e-12)
    # the commonest word of each kept stem: what a query searches for
    best: dict[str, tuple[int, str]] = {}
    for w, n in word_df.items():
        st = stem(w)
        j = ids.get(st)
        if j is not None and keep[j] and (n, w) > best.get(st, (0, "")):
            best[st] = (n, w)
    names = [""] * len(ids)
    for st, j in ids.items():
        names[j] = st
    stems_kept = [names[j] for j in np.flatnonzero(keep)]
    words_kept = [best[st][1] for st in stems_kept]
    return Related(stems_kept, words_kept, vectors, key)


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


def _load(path: Path, key: str) -> Related | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["key"]) != key:
                return None
            meta = json.loads(str(data["meta"]))
            vectors = data["vectors"]
            if vectors.shape != (len(meta["stems"]), DIM) or len(meta["words"]) != len(meta["stems"]):
                return None
            return Related(meta["stems"], meta["words"], vectors, key)
    except (OSError, KeyError, ValueError, TypeError, json.JSONDecodeError, EOFError):
        return None


def _save(path: Path, related: Related) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            np.savez(
                fh, key=np.array(related.key), vectors=related.vectors.astype(np.float16),
                meta=np.array(json.dumps({"stems": related.stems, "words": related.words}, ensure_ascii=False)),
            )
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # no room or no right to write: learned again next time


_MEMO: dict[str, Related | None] = {}
_LOCK = threading.Lock()


def for_store(store: Any, cache_dir: Path) -> Related | None:
    """The related words of a store's indexed passages: from memory, the cache file, or learned now.

    None (no related words) when the library is too small to learn from or learning fails.
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
                related = learn(store_passages(store), key=key)
            except (MemoryError, ValueError, json.JSONDecodeError, KeyError):
                related = None
            if related is not None:
                _save(path, related)
        for k in [k for k in _MEMO if k.startswith(f"{cache_dir}|")]:
            del _MEMO[k]
        _MEMO[memo_key] = related
        return related
