"""The Whoosh 2.7.4 traps desk guards against, each shown to bite and shown guarded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import NumericRange

from desk.errors import IndexBusy, IndexUnavailable
from desk.index.whoosh import engine, passage_docs
from desk.index.whoosh.schema import FORMAT_VERSION
from desk.index.whoosh.search import PassageSearcher


def _disk_full(*_a: object, **_k: object) -> None:
    raise OSError(28, "No space left on device")


def test_failed_commit_keeps_lock_in_plain_whoosh(fresh_index):
    """The bug itself: without desk's guard the lock stays held after a failed commit."""
    w = fresh_index.writer()
    w.add_document(aid="a", number=0, start=0, end=1, body="x")
    w._commit_toc = _disk_full
    with pytest.raises(OSError, match="No space"):
        w.commit()
    with pytest.raises(LockError):
        fresh_index.writer(timeout=0)
    w.writelock.release()


def test_failed_commit_releases_lock_with_guard(fresh_index):
    w = engine.open_writer(fresh_index, wait=1)
    w.add_document(aid="a", number=0, start=0, end=1, body="soldiers")
    w._commit_toc = _disk_full
    with pytest.raises(IndexUnavailable, match="The disk is full"):
        engine.commit(w)
    # the lock is free again and the index still opens with the old (empty) content
    w2 = engine.open_writer(fresh_index, wait=0)
    w2.add_document(aid="b", number=0, start=0, end=8, body="soldiers")
    engine.commit(w2)
    with fresh_index.searcher() as s:
        assert s.doc_count() == 1


def test_lock_wait_reports_and_gives_up(fresh_index):
    holder = fresh_index.writer()
    messages: list[str] = []
    try:
        with pytest.raises(IndexBusy, match="Another desk process"):
            engine.open_writer(fresh_index, wait=0.6, message=messages.append)
    finally:
        holder.cancel()
    assert messages == ["waiting for another desk process to finish writing the index"]
    engine.open_writer(fresh_index, wait=0).cancel()


def test_unsigned_numeric_open_range_bug_and_signed_schema(tmp_path, fresh_index, fill, make_article):
    # the bug: on an unsigned NUMERIC field NumericRange(None, x) matches every document
    d = tmp_path / "unsigned"
    d.mkdir()
    ix = whoosh_index.create_in(str(d), fields.Schema(n=fields.NUMERIC(int, signed=False, stored=True)))
    with ix.writer() as w:
        for v in (5, 500, 15000):
            w.add_document(n=v)
    with ix.searcher() as s:
        assert len(s.search(NumericRange("n", None, 100), limit=None)) == 3
    # desk's field is signed, so figure:<100 finds only the small figure
    fill(
        (make_article("a", "five men were hurt"), [(0, 5.0, None)]),
        (make_article("b", "500 men were hurt"), [(0, 500.0, None)]),
        (make_article("c", "15,000 men were hurt"), [(0, 15000.0, None)]),
        (make_article("d", "men were hurt, minus -3 degrees"), [(0, -3.0, None)]),
    )
    ps = PassageSearcher(fresh_index)
    assert sorted(h.aid for h in ps.search("figure:<100").hits) == ["a", "d"]
    assert sorted(h.aid for h in ps.search("figure:>=500").hits) == ["b", "c"]
    assert [h.aid for h in ps.search("figure:[10000 TO 20000]").hits] == ["c"]
    assert [h.aid for h in ps.search("hurt figure:>1000").hits] == ["c"]
    ps.close()


def test_pinpoint_highlights_point_at_the_matched_words(fill, make_article):
    text = "Officials said 300 soldiers were killed near the bridge on Monday.\nKilling went on; the killers fled."
    ix = fill((make_article("a", text), []))
    assert ix.schema["body"].supports("characters"), "Pinpoint highlighting needs chars=True"
    ps = PassageSearcher(ix)
    hits = ps.search("killed", per_article=0).hits
    assert len(hits) == 2
    for h in hits:
        words = [text[s:e] for s, e in h.highlights]
        assert words
        assert all(w.lower().startswith("kill") for w in words), words
    second = next(h for h in hits if h.number == 1)
    assert [text[s:e] for s, e in second.highlights] == ["Killing"]
    # offsets are into the article text, not into the passage
    assert second.highlights[0][0] == text.index("Killing")
    phrase = ps.search('"soldiers were killed"').hits[0]
    # a phrase is marked as one span where it stands (the stop word inside it included)
    assert [text[s:e] for s, e in phrase.highlights] == ["soldiers were killed"]
    ps.close()


def test_iso_date_ranges_and_filters(fill, make_article):
    ix = fill(
        (make_article("june", "troops advanced", date=dt.date(2022, 6, 30), outlet="Kyiv Post"), []),
        (make_article("july", "troops advanced", date=dt.date(2022, 7, 15), outlet="Meduza"), []),
        (make_article("aug", "troops advanced", date=dt.date(2022, 8, 1), outlet="Meduza"), []),
        (make_article("none", "troops advanced"), []),
    )
    ps = PassageSearcher(ix)
    found = sorted(h.aid for h in ps.search("troops date:[2022-07-01 TO 2022-08-01]").hits)
    assert found == ["aug", "july"]
    assert sorted(h.aid for h in ps.search("troops date:2022-07").hits) == ["july"]
    assert sorted(h.aid for h in ps.search("troops date:<2022-07-01").hits) == ["june"]
    assert sorted(h.aid for h in ps.search("troops", since="2022-07-02").hits) == ["aug", "july"]
    assert sorted(h.aid for h in ps.search("troops", until=dt.date(2022, 7, 15)).hits) == ["july", "june"]
    assert sorted(h.aid for h in ps.search("troops", outlets=["meduza"]).hits) == ["aug", "july"]
    assert sorted(h.aid for h in ps.search('outlet:"kyiv post" troops').hits) == ["june"]
    res = ps.search("troops")
    assert res.outlets == {"Kyiv Post": 1, "Meduza": 2, "Daily Test": 1}
    ps.close()


def test_collapse_keeps_one_article_from_filling_the_list(fill, make_article):
    many = "\n".join(f"the ceasefire held in town {i}" for i in range(10))
    ix = fill((make_article("big", many), []), (make_article("small", "a ceasefire was agreed"), []))
    ps = PassageSearcher(ix)
    hits = ps.search("ceasefire", limit=5).hits
    assert [h.aid for h in hits].count("big") == 2
    assert "small" in [h.aid for h in hits]
    ps.close()


def test_readers_never_see_uncommitted_documents(fill, fresh_index, make_article):
    fill((make_article("a", "grain exports resumed"), []))
    ps = PassageSearcher(fresh_index)
    w = engine.open_writer(fresh_index, wait=1)
    for doc in passage_docs(make_article("b", "grain"), []):
        w.add_document(**doc)
    assert len(ps.search("grain").hits) == 1
    engine.commit(w)
    ps.refresh()
    assert len(ps.search("grain").hits) == 2
    ps.close()


def test_foreign_index_is_refused(tmp_path):
    lib = tmp_path / "lib"
    (lib / "index").mkdir(parents=True)
    (lib / "index" / "_MAIN_1.toc").write_bytes(b"not desk's")
    with pytest.raises(IndexUnavailable, match="did not write"):
        engine.prepare(lib, lib / "index", tmp_path)


def test_other_format_version_is_rebuilt(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    assert engine.prepare(lib, lib / "index", tmp_path) is True
    assert engine.prepare(lib, lib / "index", tmp_path) is False
    marker = json.loads((lib / engine.MARKER).read_text())
    marker["version"] = FORMAT_VERSION + 99
    (lib / engine.MARKER).write_text(json.dumps(marker))
    assert engine.prepare(lib, lib / "index", tmp_path) is True
    assert json.loads((lib / engine.MARKER).read_text())["version"] == FORMAT_VERSION


def test_read_only_place_is_a_desk_error(tmp_path, monkeypatch):
    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(IndexUnavailable, match="cannot write"):
        engine.prepare(tmp_path, tmp_path / "index", tmp_path)


def test_segments_emptied_by_an_update_leave_the_index(tmp_path: Path) -> None:
    # reading every file again (new rules, every file changed) deletes every document of the old segment:
    # Whoosh's default merge weighed it by the documents it once held and kept it, doubling the index
    from desk.library import Library

    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(12):
        (folder / f"n{i}.txt").write_text(f"Note {i}\n\nThe ferry crossed the bay {i} times in May.\n", encoding="utf-8")
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        for i in range(12):
            (folder / f"n{i}.txt").write_text(f"Note {i}\n\nThe tug crossed the bay {i} times in June.\n",
                                              encoding="utf-8")
        lib.update(extract=False)
        segments = list(lib.backend.ix._segments())
        assert segments
        assert all(s.doc_count() > 0 for s in segments), [(s.doc_count(), s.doc_count_all()) for s in segments]
        assert lib.search("tug").total == 12
        assert lib.search("ferry").total == 0


def test_the_merge_leaves_out_only_segments_without_a_live_document() -> None:
    class Segment:
        def __init__(self, live: int, held: int) -> None:
            self.live, self.held = live, held

        def doc_count(self) -> int:
            return self.live

        def doc_count_all(self) -> int:
            return self.held

    emptied, kept, partly = Segment(0, 30000), Segment(31000, 31000), Segment(5, 900)
    assert engine.merge_small_live(None, [emptied, kept, partly]) == [kept, partly]  # type: ignore[arg-type]


def test_a_figure_repeated_in_a_passage_is_indexed_once(fresh_index, fill, make_article):
    text = "Officials said 12 were hurt. " * 40 + "Later 900 were hurt."
    spans = [(i * 28 + 15, 12.0, None) for i in range(40)] + [(len(text) - 19, 900.0, None)]
    article = make_article("a", text)
    docs = list(passage_docs(article, spans))
    values = [v for d in docs for v in d.get("figure", [])]
    # each value once per passage: Whoosh would index every repeat again with all its shifted terms
    for d in docs:
        assert len(d.get("figure", [])) == len(set(d.get("figure", [])))
    assert set(values) == {12.0, 900.0}
    fill((article, spans))
    ps = PassageSearcher(fresh_index)
    assert [h.aid for h in ps.search("figure:12").hits] == ["a"]
    assert [h.aid for h in ps.search("figure:>500").hits] == ["a"]
    ps.close()
