"""Word-level differences between two passages of one row."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import Levenshtein

from desk.model import PassageRef, Row, WordDiff

from .recent import Recent
from .tokens import Token, word_tokens

if TYPE_CHECKING:
    from .stored import FeatureFile


@lru_cache(maxsize=8192)
def _text_tokens(text: str) -> tuple[Token, ...]:
    return tuple(word_tokens(text))


def _tokens(ref: PassageRef) -> tuple[Token, ...]:
    return _text_tokens(ref.text)


def word_diff(reference: PassageRef, other: PassageRef) -> list[WordDiff]:
    """How ``other`` differs from ``reference``, word by word.

    Numbers (``14,400``, ``5.7 million``) and multi-word names are single
    tokens; case and punctuation are ignored.  Offsets are into ``other``'s
    article text; a ``delete`` is an empty span where ``other`` lacks the
    reference's words (given in ``WordDiff.other``).
    """
    pair = (reference.text, other.text, other.start)
    known = _STORED.get(pair)
    if known is None:
        known = _text_diff(*pair)
        if _OWED:
            with _OWED_LOCK:
                key = _OWED.pop(pair, None)
                if key is not None:
                    _DONE[key] = known
    return list(known)


@lru_cache(maxsize=32768)
def _text_diff(reference: str, other: str, base: int) -> tuple[WordDiff, ...]:
    """:func:`word_diff` of two passage texts, ``other`` starting at ``base`` in its article (remembered:
    the next queries of a session meet the same pairs of passages in their rows)."""
    ref_toks = _text_tokens(reference)
    oth_toks = _text_tokens(other)
    if not ref_toks and not oth_toks:
        return ()
    ops = Levenshtein.opcodes([t.key for t in ref_toks], [t.key for t in oth_toks])
    out: list[WordDiff] = []
    for op in ops:
        if op.tag == "equal":
            continue
        ref_words = " ".join(t.text for t in ref_toks[op.src_start : op.src_end])
        if op.tag == "delete":
            if op.dest_start < len(oth_toks):
                at = base + oth_toks[op.dest_start].start
            else:
                at = base + (oth_toks[-1].end if oth_toks else 0)
            out.append(WordDiff(at, at, "delete", ref_words))
            continue
        s = base + oth_toks[op.dest_start].start
        e = base + oth_toks[op.dest_end - 1].end
        if op.tag == "insert":
            out.append(WordDiff(s, e, "insert"))
        else:
            out.append(WordDiff(s, e, "replace", ref_words))
    return tuple(_merge(out, other, base))


def row_word_diffs(row: Row) -> dict[tuple[str, int], list[WordDiff]]:
    """``row.word_diffs``: each passage's word differences against the row's first passage, worked out
    here the first time they are asked for (and kept in the row).

    A comparison does not compute them (:func:`desk.compare.compare_query`): the window shows each
    outlet's own text and the differences only on demand, so they are computed where they are shown
    or exported (the window's toggle, ``desk compare --json``, the Markdown export).  Every passage
    after the first gets an entry, so a row of two passages or more with none has not been worked out.
    """
    if row.word_diffs:
        return row.word_diffs
    refs = [r for cell in row.cells.values() for r in cell]
    if len(refs) > 1:
        reference = refs[0]
        row.word_diffs = {r.key: word_diff(reference, r) for r in refs[1:]}
    return row.word_diffs


#: word differences read from the data directory's features file (:func:`prefetch_word_diffs`), by
#: (reference text, other text, other's start): by content, so a changed passage never meets them
_STORED = Recent()
#: pairs :func:`prefetch_word_diffs` did not find in the file: the file's key, by the pair
_OWED: dict[tuple[str, str, int], bytes] = {}
#: ... and, once :func:`word_diff` worked one out, its differences by the file's key (:func:`owed_word_diffs`)
_DONE: dict[bytes, tuple[WordDiff, ...]] = {}
_OWED_LOCK = threading.Lock()
#: pairs kept in memory from the file (a comparison's rows hold some 1,000-3,000)
_STORED_SIZE = 32_768


def diff_key(reference: str, other: str, base: int) -> bytes:
    """The features file's key of :func:`word_diff` of two passage texts (``other`` at ``base``): a digest
    of everything it reads (the file's fingerprint covers the code and settings that compute it)."""
    return hashlib.blake2b(repr(("word_diff", reference, other, base)).encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


def _row_pairs(row: Row) -> list[tuple[str, str, int]]:
    """The (reference text, other text, other's start) of each passage :func:`row_word_diffs` compares."""
    refs = [r for cell in row.cells.values() for r in cell]
    if len(refs) < 2 or row.word_diffs:
        return []
    first = refs[0].text
    return [(first, r.text, r.start) for r in refs[1:]]


def prefetch_word_diffs(rows: Sequence[Row], features: FeatureFile) -> None:
    """Read from ``features`` (:mod:`desk.compare.stored`) the word differences an earlier process worked
    out for the rows' passages (what ``desk compare --json`` and the Markdown export show); the pairs
    not found are owed to the file once worked out (:func:`owed_word_diffs`).  Tokenising both texts
    and aligning them was some 0.1 CPU-s of a ``desk compare --json`` process's output on ukraine-media."""
    pairs = {p: None for row in rows for p in _row_pairs(row) if _STORED.get(p) is None}
    if not pairs:
        return
    keys = {p: diff_key(*p) for p in pairs}
    found = features.read(list(dict.fromkeys(keys.values())))
    with _OWED_LOCK:
        for p, key in keys.items():
            value = found.get(key)
            if value is None:
                _OWED[p] = key
                continue
            try:
                diffs = tuple(WordDiff(s, e, op, other) for s, e, op, other in value)
            except (TypeError, ValueError):  # not the layout this code writes: worked out again
                _OWED[p] = key
                continue
            _STORED.put(p, diffs, _STORED_SIZE)


def owed_word_diffs() -> list[tuple[bytes, Any]]:
    """The word differences worked out since :func:`prefetch_word_diffs` did not find them in the file, as
    the file's (key, value) entries (pairs not worked out since, rows nobody showed, are left out);
    forgotten here."""
    with _OWED_LOCK:
        done = dict(_DONE)
        _DONE.clear()
        if len(_OWED) > _STORED_SIZE:
            _OWED.clear()
    return [(key, tuple((d.start, d.end, d.op, d.other) for d in diffs)) for key, diffs in done.items()]


def _merge(diffs: list[WordDiff], text: str, base: int) -> list[WordDiff]:
    """Join adjacent changes separated only by spaces/punctuation into one."""
    merged: list[WordDiff] = []
    for d in diffs:
        if merged and d.op != "delete" and merged[-1].op != "delete":
            prev = merged[-1]
            gap = text[prev.end - base : d.start - base]
            if not any(ch.isalnum() for ch in gap):
                op = "insert" if prev.op == d.op == "insert" else "replace"
                words = " ".join(w for w in (prev.other, d.other) if w)
                merged[-1] = WordDiff(prev.start, d.end, op, words)
                continue
        merged.append(d)
    return merged


def similarity(reference: PassageRef, other: PassageRef) -> float:
    """Share of words the two passages have in common, in order (0..1)."""
    a = [t.key for t in _tokens(reference)]
    b = [t.key for t in _tokens(other)]
    if not a and not b:
        return 1.0
    return float(Levenshtein.normalized_similarity(a, b))
