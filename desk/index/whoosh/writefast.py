"""Faster paths through Whoosh 2.7.4's segment writing that write the very same bytes.

A first index spends most of its text pass inside Whoosh's pure-Python
writer.  Three of its costs are overhead repeated per posting or per word:

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

All three are installed on Whoosh's classes by :func:`install` (called when
:mod:`desk.index.whoosh.engine` is imported), so the sub-writer processes
Whoosh forks for a bulk import use them too.  A schema is pickled into the
table of contents, so the only thing set on its objects is a stem filter's
stem function, which Whoosh itself leaves out of the pickle; and nothing
written changes: ``tests/index/test_h30i_writefast.py`` compares every
file of an index written with and without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import morph
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.analysis.filters import LowercaseFilter, StopFilter
from whoosh.analysis.tokenizers import RegexTokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

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
        lenfield = _lenfield(fieldname)
        if not self._reader.has_column(lenfield):
            return None
        column = self._reader.column_reader(lenfield, LENGTHS_COLUMN)
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
    self.fieldwriter.add_postings(self.schema, _SegmentLengths(pdr) if pdr else None, postings)
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
}


def install() -> None:
    """Put the faster paths on Whoosh's classes (idempotent)."""
    for (cls, name), fn in _FAST.items():
        setattr(cls, name, fn)


def uninstall() -> None:
    """Put Whoosh's own methods back (filters made meanwhile keep the stem function they got)."""
    for (cls, name), fn in _ORIGINALS.items():
        setattr(cls, name, fn)
