"""Word-level differences between two passages of one row."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desk.model import PassageRef, Row, WordDiff

from .tokens import Token, word_tokens


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
    return list(_text_diff(reference.text, other.text, other.start))


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
