"""desk.index.whoosh.writefast writes the same index files as Whoosh's own code, byte for byte."""

from __future__ import annotations

import datetime as dt
import pickle
import random
import struct
from pathlib import Path

from whoosh.analysis import StemmingAnalyzer

from desk.index.whoosh import engine, writefast
from desk.index.whoosh.backend import passage_docs
from desk.index.whoosh.schema import make_schema
from desk.model import Article, Passage

_PROSE = (
    "the harbour council voted on Tuesday to widen a ferry lane near the old grain quay while "
    "three aldermen abstained and a spokeswoman said repairs would cost 4.5 million crowns over "
    "two winters the opposition called it reckless running runner runs ran quickly quicker "
    "fishermen's nets 1,200 tonnes of herring 12 percent a.m. U.S.-made cranes e-mail co-operation"
)
WORDS = _PROSE.split(" ")


def _article(n: int, rnd: random.Random) -> tuple[Article, list[tuple[int, float, float | None]]]:
    lines = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randrange(1, 60))) for _ in range(rnd.randrange(1, 6))]
    text = "\n".join(lines)
    passages, pos = [], 0
    for i, line in enumerate(lines):
        passages.append(Passage(i, pos, pos + len(line)))
        pos += len(line) + 1
    figures = [(rnd.randrange(max(1, len(text))), float(rnd.randrange(1, 5000)), None) for _ in range(rnd.randrange(4))]
    date = dt.date(2021, 1 + n % 12, 1 + n % 28) if n % 5 else None
    article = Article(id=f"a{n:04d}", path=f"/x/a{n}.txt", relpath=f"a{n}.txt", title=" ".join(WORDS[n % 9 : n % 9 + 6]),
                      outlet=("Quay Post", "Harbour Daily", "North Wire")[n % 3], date=date, text=text, passages=passages)
    return article, sorted(figures)


def _write(root: Path, fast: bool, seed: int = 7) -> dict[str, bytes]:
    """Every file of an index of 300 invented articles, written in two commits (so the second merges)."""
    if fast:
        writefast.install()
    else:
        writefast.uninstall()
    try:
        lib = root / "lib"
        lib.mkdir(parents=True)
        random.seed(seed)  # Whoosh names its segments with the random module: the same names both ways
        engine.prepare(lib, lib / "index", root)
        ix = engine.open_index(lib / "index")
        rnd = random.Random(seed)
        for batch in range(2):
            w = ix.writer(limitmb=1)  # small runs: the pool spills to disk and merges them back
            for n in range(batch * 150, batch * 150 + 150):
                for doc in passage_docs(*_article(n, rnd)):
                    w.add_document(**doc)
            if batch:
                w.delete_by_term("aid", "a0003")
            w.commit(merge=False) if not batch else w.commit(optimize=True)
        ix.close()
        return {
            p.name: p.read_bytes()
            for p in sorted((lib / "index").iterdir())
            if p.is_file() and not p.name.endswith("WRITELOCK")
        }
    finally:
        writefast.install()


def _without_clock(name: str, data: bytes) -> tuple[bytes, object]:
    """A file's bytes; for a compound segment, its sub-files' bytes and its directory without
    the one thing Whoosh writes from the clock (each sub-file's modification time)."""
    if not name.endswith(".seg"):
        return data, None
    (diroffset,) = struct.unpack("!q", data[:8])
    directory = pickle.loads(data[diroffset:])
    for entry in directory.values():
        entry.pop("modified")
    return data[:diroffset], (directory, len(data) - diroffset)


def test_the_fast_paths_write_every_index_file_byte_for_byte_as_whoosh_does(tmp_path: Path) -> None:
    slow = _write(tmp_path / "slow", fast=False)
    fast = _write(tmp_path / "fast", fast=True)
    assert any(name.endswith(".seg") for name in slow)
    assert slow.keys() == fast.keys()
    for name in slow:
        assert _without_clock(name, slow[name]) == _without_clock(name, fast[name]), name


def test_a_stem_memo_gives_the_stemmer_s_own_answers_even_after_it_is_emptied(monkeypatch) -> None:
    monkeypatch.setattr(writefast, "STEM_MEMO_LIMIT", 5)
    analyzer = StemmingAnalyzer()
    text = " ".join(WORDS * 3)
    ours = [t.text for t in analyzer(text)]
    writefast.uninstall()
    try:
        theirs = [t.text for t in StemmingAnalyzer()(text)]
    finally:
        writefast.install()
    assert ours == theirs
    assert "run" in ours
    assert "running" not in ours


def test_lengths_answer_as_whoosh_s_reader_does_for_fields_with_and_without_lengths(tmp_path: Path) -> None:
    _write(tmp_path / "w", fast=True)
    ix = engine.open_index(tmp_path / "w" / "lib" / "index")
    seg = ix._segments()[0]
    reader = seg.codec().per_document_reader(ix.storage, seg)
    ours = writefast._SegmentLengths(reader)
    try:
        for field in ("body", "title", "aid", "figure", "date"):
            for doc in range(reader.doc_count_all()):
                assert ours.doc_field_length(doc, field) == reader.doc_field_length(doc, field), (field, doc)
    finally:
        reader.close()
        ix.close()


def test_a_text_field_indexes_tricky_text_as_whoosh_s_analyzer_chain_does() -> None:
    """Stop words first and last, one-letter words, dotted and hyphenated words, digits, accents,
    capitals, apostrophes, underscores, an empty text: the postings are Whoosh's own."""
    from whoosh import fields

    schema = make_schema()
    pieces = [*WORDS, "The", "a", "I", "of", "ÉCLAIR", "Größe", "naïve", "x_y", "3.14", "e.g.", "U.S.", "—", "",
              "don't", "it's", "O'Neil", "AND", "to", "be", "ΚΑΛΗΜΕΡΑ", "東京", "50%", "...", "\n\n", "Running"]
    rnd = random.Random(11)
    texts = ["", "the", "the of and", " ".join(pieces)]
    texts += [" ".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 80))) for _ in range(300)]
    for name in ("body", "title"):
        field = schema[name]
        assert writefast._stemming_parts(field) is not None
        for text in texts:
            ours = list(field.index(text))
            theirs = list(writefast._ORIGINALS[(fields.TEXT, "index")](field, text))
            assert ours == theirs, (name, text)
    # a field whose analyzer is no stemming chain keeps Whoosh's own path
    assert writefast._stemming_parts(schema["claimant"]) is None
