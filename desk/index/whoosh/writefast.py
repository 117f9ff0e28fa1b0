"""Faster paths through Whoosh 2.7.4's segment writing that write the very same bytes.

A first index spends most of its text pass inside Whoosh's pure-Python
writer.  Four of its costs are overhead repeated per posting or per word:

* Flushing a segment asks the new segment's per-document reader for the
  field length of every posting.  For a field that keeps no lengths (``aid``,
  ``outlet``, ``date``, ``figure``: a tenth of a million postings on a slice of
  600 articles) the reader looks for the column file on disk each time (a
  ``stat``); for one that keeps them it reads one byte through a file object.
  :class:`_SegmentLengths` reads each length column once into a list.
* Analysing a passage for a ``StemmingAnalyzer`` field (``body``, ``title``)
  runs each word through a chain of four generators that set attributes on
  one shared ``Token``; :func:`_stemmed_values` does the same steps in one
  loop (:func:`_index`).
* The stemmer's cache is Whoosh's own least-frequently-used cache, a Python
  wrapper around every token; a plain dict, emptied when it grows large, gives
  the same stems for less (:func:`_stem_memo`).
* A writer's posting pool spills its sorted postings to temporary run files
  when they pass the writer's memory limit (on a first index, every
  sub-writer writes several), one ``pickle.dump`` per posting, and reads them
  back one ``pickle.load`` per posting to merge them (on a slice of 800
  articles written by one process, some 5 of its text pass's 19 CPU-seconds).
  :func:`_write_run` pickles them a block of postings at a time
  and :func:`_merge_runs` unpickles those blocks and merges the postings
  with the very ``heapq.merge`` Whoosh uses, so the same postings come out
  in the same order (the run files are temporary: nothing kept changes).

All four are installed on Whoosh's classes by :func:`install` (called when
:mod:`desk.index.whoosh.engine` is imported), so the sub-writer processes
Whoosh forks for a bulk import use them too.  They copy what Whoosh 2.7.4's
own code does, so :func:`install` first checks that this is the code they
copy (the release, and a fingerprint of each Whoosh function they replace or
repeat, :data:`EXPECTED`); any other Whoosh keeps its own code, slower but
right.  Commits, the lock and crash behaviour are untouched: only how a
segment's postings are computed before Whoosh writes them, in its own order,
and its table of contents last.  A schema is pickled into the
table of contents, so the only thing set on its objects is a stem filter's
stem function, which Whoosh itself leaves out of the pickle; and nothing
written changes: ``tests/index/test_h30i_writefast.py`` compares every
file of an index written with and without them.
"""

from __future__ import annotations

import hashlib
import heapq
import pickle
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any

import whoosh
from whoosh import fields, formats
from whoosh.analysis import morph
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.analysis.filters import LowercaseFilter, StopFilter
from whoosh.analysis.tokenizers import RegexTokenizer
from whoosh.codec import base as codec_base
from whoosh.codec import whoosh3
from whoosh.externalsort import SortingPool
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

#: the Whoosh release whose code this module repeats
WHOOSH_VERSION = (2, 7, 4)

#: a fingerprint (:func:`fingerprint`) of each Whoosh function the fast paths replace or repeat step for
#: step, taken from Whoosh 2.7.4: a different body of any of them keeps Whoosh's own code (:func:`install`)
EXPECTED: dict[str, str] = {
    "SegmentWriter._flush_segment": "e0bad75cbf1bf4b5",
    "StemFilter.clear": "ff3955768e0c078e",
    "StemFilter.__call__": "aaf6acc10ff74512",
    "FieldType.index": "49e8f4fac2f1d447",
    "LowercaseFilter.__call__": "7477da0549fab387",
    "StopFilter.__call__": "90ea02ec0ecac74b",
    "RegexTokenizer.__call__": "dfc32c24c290168d",
    "CompositeAnalyzer.__call__": "52fa8365fadb4f10",
    "Positions.word_values": "5cb08c16a1c5b5a0",
    "Characters.word_values": "824fb71f44a8c729",
    "W3PerDocReader.doc_field_length": "9e493dbcdefa1cc5",
    "FieldWriter.add_postings": "1ceb4b3f092e1c5e",
    "SortingPool._write_run": "45eab5fcd3bb01ce",
    "SortingPool._read_run": "30854383d65a7110",
    "SortingPool._merge_runs": "06017a5c327c9111",
    "SortingPool.save": "0d09a79672c87f8d",
    "SortingPool.items": "2ccd097c2ee74893",
    "SortingPool.reduce_to": "a290a008afa9135d",
    "PostingPool._open_run": "611453f91579c6b9",
    "PostingPool._remove_run": "4ae0f1c5734c58a4",
}


def fingerprint(fn: Any) -> str:
    """Where a function lives and the names its code uses (stable across Python versions, unlike bytecode)."""
    code = fn.__code__
    ident = (fn.__module__, fn.__qualname__, code.co_names, code.co_varnames)
    return hashlib.sha1(repr(ident).encode()).hexdigest()[:16]


def _whoosh_functions() -> dict[str, Any]:
    """Whoosh's own functions that :data:`EXPECTED` fingerprints (``_ORIGINALS`` for the replaced ones)."""
    return {
        "SegmentWriter._flush_segment": _ORIGINALS[(SegmentWriter, "_flush_segment")],
        "StemFilter.clear": _ORIGINALS[(morph.StemFilter, "clear")],
        "StemFilter.__call__": morph.StemFilter.__call__,
        "FieldType.index": _ORIGINALS[(fields.TEXT, "index")],
        "LowercaseFilter.__call__": LowercaseFilter.__call__,
        "StopFilter.__call__": StopFilter.__call__,
        "RegexTokenizer.__call__": RegexTokenizer.__call__,
        "CompositeAnalyzer.__call__": CompositeAnalyzer.__call__,
        "Positions.word_values": formats.Positions.word_values,
        "Characters.word_values": formats.Characters.word_values,
        "W3PerDocReader.doc_field_length": whoosh3.W3PerDocReader.doc_field_length,
        "FieldWriter.add_postings": codec_base.FieldWriter.add_postings,
        "SortingPool._write_run": _ORIGINALS[(PostingPool, "_write_run")],
        "SortingPool._read_run": SortingPool._read_run,
        "SortingPool._merge_runs": _ORIGINALS[(PostingPool, "_merge_runs")],
        "SortingPool.save": SortingPool.save,
        "SortingPool.items": SortingPool.items,
        "SortingPool.reduce_to": SortingPool.reduce_to,
        "PostingPool._open_run": PostingPool._open_run,
        "PostingPool._remove_run": PostingPool._remove_run,
    }


def mismatches() -> list[str]:
    """Why this Whoosh is not the one the fast paths copy (empty: it is)."""
    if tuple(whoosh.__version__) != WHOOSH_VERSION:
        return [f"Whoosh {whoosh.versionstring()}, not {'.'.join(map(str, WHOOSH_VERSION))}"]
    out = []
    for name, fn in _whoosh_functions().items():
        try:
            got = fingerprint(fn)
        except AttributeError:  # not a plain Python function any more
            got = "?"
        if got != EXPECTED[name]:
            out.append(f"{name} changed ({got})")
    return out

#: a stem memo is emptied when it holds this many words (a hostile file's vocabulary is unbounded)
STEM_MEMO_LIMIT = 200_000

#: the field length Whoosh reports for each stored length byte (0: no length, ``None``, as Whoosh does)
_LENGTH_OF_BYTE: list[int | None] = [None] + [byte_to_length(b) for b in range(1, 256)]


class _SegmentLengths:
    """The field lengths of a just-written segment, each field's column read once.

    Stands in for the segment's per-document reader where
    ``FieldWriter.add_postings`` reads one length per posting; it answers as
    ``W3PerDocReader.doc_field_length`` does (``default`` for a field without a
    length column, ``None`` for a stored zero).
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._doccount: int = reader.doc_count_all()
        self._fields: dict[str, list[int | None] | None] = {}

    def _load(self, fieldname: str) -> list[int | None] | None:
        lenfield = whoosh3._lenfield(fieldname)
        if not self._reader.has_column(lenfield):
            return None
        column = self._reader.column_reader(lenfield, whoosh3.LENGTHS_COLUMN)
        return [_LENGTH_OF_BYTE[column[d]] for d in range(self._doccount)]

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        try:
            lengths = self._fields[fieldname]
        except KeyError:
            lengths = self._fields[fieldname] = self._load(fieldname)
        if lengths is None:
            return default
        return lengths[docnum]


def _flush_segment(self: SegmentWriter) -> None:
    """``SegmentWriter._flush_segment`` with the lengths read once per field (see the module)."""
    self.perdocwriter.close()
    pdr = self.per_document_reader() if self.codec.length_stats else None
    postings = self.pool.iter_postings()
    lengths = _SegmentLengths(pdr) if type(pdr) is whoosh3.W3PerDocReader else pdr  # another codec: as Whoosh does
    self.fieldwriter.add_postings(self.schema, lengths, postings)
    self.fieldwriter.close()
    if pdr:
        pdr.close()


def _stem_memo(stemfn: Callable[[str], str]) -> Callable[[str], str]:
    """``stemfn`` remembered in a dict (emptied at :data:`STEM_MEMO_LIMIT` words)."""
    memo: dict[str, str] = {}

    def stem(word: str) -> str:
        try:
            return memo[word]
        except KeyError:
            if len(memo) >= STEM_MEMO_LIMIT:
                memo.clear()
            out = memo[word] = stemfn(word)
            return out

    return stem


_StemmingParts = tuple[Any, frozenset[str], int, "int | None", bool, Callable[[str], str], frozenset[str]]


def _stemming_parts(field: fields.FieldType) -> _StemmingParts | None:
    """The settings of ``field``'s analyzer when it is exactly a ``StemmingAnalyzer`` chain
    (tokenizer, lower case, stop words, stemmer) writing positions; else None (Whoosh's own path)."""
    ana = field.analyzer
    if type(ana) is not CompositeAnalyzer or len(ana.items) != 4:
        return None
    tok, low, stop, stem = ana.items
    if (type(tok) is not RegexTokenizer or tok.gaps or type(low) is not LowercaseFilter
            or type(stop) is not StopFilter or type(stem) is not morph.StemFilter):
        return None
    if type(field.format) not in (formats.Positions, formats.Characters):
        return None
    return tok.expression, stop.stops, stop.min, stop.max, stop.renumber, stem._stem, stem.ignore


def _stemmed_values(fmt: formats.Format, value: str, parts: _StemmingParts) -> Iterator[tuple[bytes, int, float, bytes]]:
    """What ``FieldType.index`` yields for ``value`` through the analyzer ``parts`` describe.

    Step for step as Whoosh: every match of the tokenizer's pattern is a token numbered from 0;
    lower-cased; dropped when shorter than the stop filter's minimum, longer than its maximum
    or a stop word (with ``renumber``, the kept tokens count on from the first kept one's number);
    stemmed unless ignored; then each word's positions (and character spans, for ``Characters``)
    in the order the words first occur, its frequency, its weight (one per token, times the
    field boost) and the format's own encoding of its positions.
    """
    expression, stops, minsize, maxsize, renumber, stemfn, ignore = parts
    chars = type(fmt) is formats.Characters
    seen: dict[str, list[Any]] = {}
    pos: int | None = None
    for i, m in enumerate(expression.finditer(value)):
        text = m.group(0).lower()
        n = len(text)
        if n < minsize or (maxsize is not None and n > maxsize) or text in stops:
            continue
        if not renumber or pos is None:
            pos = i
        else:
            pos += 1
        if text not in ignore:
            text = stemfn(text)
        entry = (pos, m.start(), m.end()) if chars else pos
        got = seen.get(text)
        if got is None:
            seen[text] = [entry]
        else:
            got.append(entry)
    boost = fmt.field_boost
    encode = fmt.encode
    for word, poslist in seen.items():
        yield word.encode("utf-8"), len(poslist), float(len(poslist)) * boost, encode(poslist)


#: postings pickled together in a run file of a writer's posting pool (:func:`_write_run`)
RUN_BLOCK = 4096


def _write_run(self: PostingPool, f: Any, items: Iterable[Any]) -> None:
    """``SortingPool._write_run`` a block of :data:`RUN_BLOCK` postings per pickle, not one each.

    ``items`` is the pool's sorted list (``save``) or a merge of runs (``reduce_to``); the
    file holds the same postings in the same order, which only :func:`_merge_runs` reads.
    """
    it = iter(items)
    dump = pickle.dump
    while True:
        block = list(islice(it, RUN_BLOCK))
        if not block:
            break
        dump(block, f, pickle.HIGHEST_PROTOCOL)
    f.close()


def _run_blocks(pool: PostingPool, path: str) -> Iterator[list[Any]]:
    """The blocks of one run file in order; the file is closed and removed when they are read,
    as ``SortingPool._read_run`` does."""
    f = pool._open_run(path)
    load = pickle.load
    try:
        while True:
            try:
                block = load(f)
            except EOFError:
                return
            yield block
    finally:
        f.close()
        pool._remove_run(path)


def _read_run(self: PostingPool, path: str) -> Iterator[Any]:
    """``SortingPool._read_run`` for a run :func:`_write_run` wrote: its postings one by one."""
    return chain.from_iterable(_run_blocks(self, path))


def _merge_runs(self: PostingPool, paths: list[str]) -> Iterator[Any]:
    """``SortingPool._merge_runs``: Whoosh's ``heapq.merge`` over the runs, each read a block
    at a time (the same postings in the same order, ties taken as Whoosh takes them)."""
    return heapq.merge(*(_read_run(self, path) for path in paths))


_original_index = fields.TEXT.index


def _index(self: fields.FieldType, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
    """``FieldType.index`` for a TEXT field, through :func:`_stemmed_values` where its analyzer allows."""
    parts = None if kwargs or type(value) is not str or not self.format else _stemming_parts(self)
    if parts is None:
        return _original_index(self, value, **kwargs)  # type: ignore[no-any-return]
    return _stemmed_values(self.format, value, parts)


#: Whoosh's own methods, kept for :func:`uninstall` (tests write an index both ways and compare)
_ORIGINALS = {
    (SegmentWriter, "_flush_segment"): SegmentWriter._flush_segment,
    (morph.StemFilter, "clear"): morph.StemFilter.clear,
    (fields.TEXT, "index"): fields.TEXT.index,
    (PostingPool, "_write_run"): PostingPool._write_run,
    (PostingPool, "_read_run"): PostingPool._read_run,
    (PostingPool, "_merge_runs"): PostingPool._merge_runs,
}
_original_clear = morph.StemFilter.clear


def _clear(self: morph.StemFilter) -> None:
    """``StemFilter.clear`` (which sets the filter's stem function) with a dict memo for its cache."""
    _original_clear(self)
    if type(self) is morph.StemFilter and isinstance(self.cachesize, int) and self.cachesize > 1 and not self.lang:
        self._stem = _stem_memo(self.stemfn)


_FAST: dict[tuple[type, str], Any] = {
    (SegmentWriter, "_flush_segment"): _flush_segment,
    (morph.StemFilter, "clear"): _clear,
    (fields.TEXT, "index"): _index,
    (PostingPool, "_write_run"): _write_run,
    (PostingPool, "_read_run"): _read_run,
    (PostingPool, "_merge_runs"): _merge_runs,
}


#: whether :func:`install` put the fast paths in place (False: this Whoosh is not 2.7.4's code)
installed = False


def install() -> bool:
    """Put the faster paths on Whoosh's classes (idempotent), only on the Whoosh code they copy.

    Returns whether they are in place; with any other Whoosh (:func:`mismatches`) Whoosh's own
    methods stay, which write the same index, slower.
    """
    global installed
    if mismatches():
        uninstall()
        return False
    for (cls, name), fn in _FAST.items():
        setattr(cls, name, fn)
    installed = True
    return True


def uninstall() -> None:
    """Put Whoosh's own methods back (filters made meanwhile keep the stem function they got)."""
    global installed
    installed = False
    for (cls, name), fn in _ORIGINALS.items():
        setattr(cls, name, fn)
