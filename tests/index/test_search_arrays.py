"""The collecting paths of PassageSearcher against Whoosh's own search.

desk scores every match itself (numpy over whole posting lists, or one walk of
Whoosh's matcher for phrases); these tests hold both paths to what Whoosh's
TopCollector + TermsCollector return: the same documents in the same order with
the same scores (exact float equality), the same matched terms, and every match
counted for the totals and the outlet counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.index import Index

from desk.index.whoosh import engine, passage_docs
from desk.index.whoosh.search import PassageSearcher

OUTLETS = ["Kyiv Post", "Meduza", "BBC", "Daily Test"]
WORDS = [
    "grain", "ship", "port", "odesa", "ukraine", "russia", "ukrainian", "russian", "sanctions", "council",
    "country", "counter", "counteroffensive", "shelling", "moscow", "kyiv", "talks", "peace", "white", "house",
    "minister", "foreign", "nuclear", "plant", "power",
]

QUERIES = [
    "grain",
    "ukraine",
    "russia ukraine",
    "grain OR sanctions",
    "grain OR sanctions OR shelling OR peace",
    "moscow NOT kyiv",
    "ukraine NOT (grain OR peace)",
    "coun*",
    "ukrain*",
    "moskow~",
    "(grain OR port) AND (ukraine OR russia)",
    'outlet:"kyiv post" grain',
    '"white house"',
    '"nuclear power plant"',
    '"peace talks" ukraine',
    '"white house"~3',
    '"house white"',
    '"white house" OR grain',
    '"power nosuchword"',
    "title:grain",
    "nosuchword",
]


def _corpus(make_article: Callable[..., Any], n_articles: int = 60, seed: int = 3) -> list[Any]:
    rnd = np.random.default_rng(seed)
    arts = []
    for i in range(n_articles):
        lines = []
        for _p in range(int(rnd.integers(1, 6))):
            n = int(rnd.integers(3, 30))
            words = [WORDS[int(k)] for k in rnd.integers(0, len(WORDS), n)]
            if rnd.random() < 0.3:
                words[1:1] = ["white", "house"]
            if rnd.random() < 0.2:
                words[-1:] = ["nuclear", "power", "plant"]
            lines.append(" ".join(words))
        arts.append(make_article(f"a{i:03d}", "\n".join(lines), outlet=OUTLETS[i % len(OUTLETS)],
                                 date=dt.date(2022, 1 + i % 12, 1), title=f"{WORDS[i % len(WORDS)]} report"))
    return arts


@pytest.fixture
def multi(fresh_index: Index, make_article: Callable[..., Any]) -> Index:
    """Three segments (two commits without merging, one with), and deleted documents."""
    arts = _corpus(make_article)
    for part in (arts[:25], arts[25:45], arts[45:]):
        w = engine.open_writer(fresh_index, wait=1)
        for a in part:
            for doc in passage_docs(a, []):
                w.add_document(**doc)
        w.commit(merge=False)
    w = engine.open_writer(fresh_index, wait=1)
    for aid in ("a003", "a030", "a031", "a050"):
        w.delete_by_term("aid", aid)
    w.commit(merge=False)
    with fresh_index.searcher() as s:
        assert len(s.leaf_searchers()) >= 3
        assert s.doc_count() < s.doc_count_all()
    return fresh_index


def _whoosh(ps: PassageSearcher, q: wq.Query, fetch: int, flt: set[int] | None) -> tuple[list[Any], set[int]]:
    """What Whoosh itself returns: (docnum, score, matched terms) of the top ``fetch``, and all matches.

    Its ties of score are put in desk's order (the article numbers of :func:`_numbered`, by date and id,
    then docnum), where Whoosh gives them to the lower docnum."""
    s = ps.searcher
    article = ps._doc_arrays()[0]
    r = s.search(q, limit=None, terms=True, filter=flt)
    ranked = sorted(r, key=lambda h: (-h.score, int(article[h.docnum]), h.docnum))[:fetch]
    top = [(h.docnum, h.score, set(h.matched_terms() or ())) for h in ranked]
    every = set(s.docs_for_query(q))
    if flt is not None:
        every &= flt
    return top, every


@pytest.mark.parametrize("fetch", [3, 100])
def test_both_paths_return_what_whoosh_returns(multi: Index, fetch: int) -> None:
    ps = PassageSearcher(multi)
    arrays_used = []
    for text in QUERIES:
        q, _ranges = ps._split_ranges(ps.builder.parse(text))
        expected, every = _whoosh(ps, q, fetch, None)
        walked, walked_all = ps._collect_matcher(q, fetch, None, None)
        assert [(t.docnum, t.score, set(t.terms)) for t in walked] == expected, text
        assert set(walked_all.tolist()) == every, text
        found = ps._collect_arrays(q, fetch, None, None)
        if found is None:
            continue
        arrays_used.append(text)
        top, matched = found
        assert [(t.docnum, t.score, set(t.terms)) for t in top] == expected, text
        assert sorted(matched.tolist()) == sorted(every), text
    assert arrays_used == QUERIES  # every form of query here is scored with arrays
    ps.close()


def test_filters_and_masks_on_both_paths(multi: Index) -> None:
    ps = PassageSearcher(multi)
    flt = ps.filter_set(outlets=["meduza", "bbc"], since="2022-03-01")
    assert flt
    mask = set(sorted(flt)[::3])
    for text in ("ukraine", "grain OR peace", "moscow NOT kyiv", "coun*", '"white house"'):
        q = ps.builder.parse(text)
        expected, every = _whoosh(ps, q, 10, flt - mask)
        for top, matched in (ps._collect_matcher(q, 10, flt, mask), ps._collect_arrays(q, 10, flt, mask)
                             or ps._collect_matcher(q, 10, flt, mask)):
            assert [(t.docnum, t.score) for t in top] == [(d, sc) for d, sc, _t in expected], text
            assert set(matched.tolist()) == every, text
    ps.close()


def test_every_match_is_counted_in_total_and_outlets(multi: Index) -> None:
    """Whoosh's block-quality skipping left skipped matches out of docterms; desk counts them all."""
    ps = PassageSearcher(multi)
    s = ps.searcher
    aids, outlets = ps._doc_columns()
    for text in ("ukraine", "coun*", "grain OR sanctions", '"white house"', "moscow NOT kyiv"):
        q = ps.builder.parse(text)
        docs = set(s.docs_for_query(q))
        articles = {aids[d]: outlets[d] for d in docs}
        expected: dict[str, int] = {}
        for outlet in articles.values():
            expected[outlet] = expected.get(outlet, 0) + 1
        res = ps.search(text, limit=5)
        assert res.total == len(docs), text
        assert res.outlets == expected, text
        flt = ps.filter_set(outlets=["Kyiv Post"])
        res = ps.search(text, outlets=["Kyiv Post"], limit=5)
        assert res.total == len(docs & flt), text
        assert res.outlets == ({"Kyiv Post": expected["Kyiv Post"]} if "Kyiv Post" in expected else {}), text
    ps.close()


def test_highlights_come_from_the_matched_terms(multi: Index) -> None:
    ps = PassageSearcher(multi)
    for text, stems in (("ukraine", {"ukrain"}), ("grain OR sanctions", {"grain", "sanction"}),
                        ("moscow NOT kyiv", {"moscow"}), ("coun*", None)):
        hits = ps.search(text, per_article=0).hits
        assert hits, text
        for h in hits:
            words = {h.text[a - h.start : b - h.start].lower() for a, b in h.highlights}
            assert words, (text, h.text)
            if stems is None:
                assert all(w.startswith("coun") for w in words), words
            else:
                assert {ps._body_analyzer(w).__next__().text for w in words} <= stems, words
            assert "kyiv" not in words
    ps.close()


def test_stale_arrays_are_dropped_on_refresh(multi: Index, make_article: Callable[..., Any]) -> None:
    ps = PassageSearcher(multi)
    before = ps.search("ukraine", limit=5)
    w = engine.open_writer(multi, wait=1)
    for doc in passage_docs(make_article("new", "ukraine ukraine ukraine", outlet="Newcomer"), []):
        w.add_document(**doc)
    engine.commit(w)
    after = ps.search("ukraine", limit=5)  # search() refreshes
    assert after.total == before.total + 1
    assert after.outlets["Newcomer"] == 1
    assert after.hits[0].aid == "new"  # three times the term in a three-word passage
    ps.close()


def test_lengths_read_in_one_piece_equal_whoosh_doc_field_length(multi: Index) -> None:
    ps = PassageSearcher(multi)
    s = ps.searcher
    for field in ("body", "title"):
        lengths = ps._lengths(field)
        expected = [sub.reader().doc_field_length(d, field, 1) or 0
                    for sub, _offset in s.leaf_searchers() for d in range(sub.reader().doc_count_all())]
        assert lengths.tolist() == expected
        assert max(expected) > 1
    ps.close()


def test_phrase_slop_and_order_matter(multi: Index) -> None:
    """The phrase check is a real one: a wider slop finds more, the reversed phrase other documents."""
    ps = PassageSearcher(multi)
    near = {h.docnum for h in ps._collect(ps.builder.parse('"white house"'), 1000, None, None)[0]}
    loose = {h.docnum for h in ps._collect(ps.builder.parse('"white house"~3'), 1000, None, None)[0]}
    both = {h.docnum for h in ps._collect(ps.builder.parse("white house"), 1000, None, None)[0]}
    reverse = {h.docnum for h in ps._collect(ps.builder.parse('"house white"'), 1000, None, None)[0]}
    assert near < loose < both
    assert reverse
    assert reverse - near
    ps.close()


def test_live_documents_are_whooshs_own_in_segments_with_deletions(multi: Index) -> None:
    # segments with deleted documents: exactly the documents Whoosh lists as live
    ps = PassageSearcher(multi)
    s = ps.searcher
    expected = np.zeros(s.doc_count_all(), bool)
    for sub, offset in s.leaf_searchers():
        for d in sub.reader().all_doc_ids():
            expected[d + offset] = True
    live = ps._live()
    assert live.dtype == bool
    assert np.array_equal(live, expected)
    assert 0 < int(live.sum()) < len(live)  # the fixture deleted some
    ps.close()


def test_live_documents_of_segments_without_deletions_are_all(fresh_index: Index,
                                                              make_article: Callable[..., Any]) -> None:
    ix = fresh_index
    w = engine.open_writer(ix, wait=1)
    for a in _corpus(make_article, n_articles=8):
        for doc in passage_docs(a, []):
            w.add_document(**doc)
    w.commit()
    ps = PassageSearcher(ix)
    n = ps.searcher.doc_count_all()
    assert n > 8
    assert np.array_equal(ps._live(), np.ones(n, bool))
    ps.close()


def test_documents_numbered_by_article_and_outlet() -> None:
    from desk.index.whoosh.search import _numbered

    # a re-indexed article keeps its deleted old document: its outlet is its last document's
    aids = ["k7", "k7", "m2", "k7", "z9", "m2", "q4"]
    outlets = ["North Wire", "North Wire", "Hill Daily", "South Post", "Hill Daily", "Hill Daily", "North Wire"]
    art, outlet_of_article, names = _numbered(aids, outlets)
    # articles numbered in the order of their ids (k7 m2 q4 z9), not of their documents: a rebuild that
    # writes the documents in another order numbers them alike
    assert art.tolist() == [0, 0, 1, 0, 3, 1, 2]
    assert art.dtype == np.int64
    assert outlet_of_article.dtype == np.int64
    # outlets numbered in the order of their first document, an article's outlet its last document's
    assert names == ["North Wire", "Hill Daily", "South Post"]
    assert outlet_of_article.tolist() == [2, 1, 0, 1]
    # with the articles' days: the earliest first, undated last, ids breaking ties of day
    days = np.array([738_900, 738_900, 738_950, 738_900, 10**7, 738_950, 738_800], np.int64)
    by_day = _numbered(aids, outlets, days)[0]
    assert by_day.tolist() == [1, 1, 2, 1, 3, 2, 0]  # q4 (earliest), k7, m2, z9 (undated)
    empty = _numbered([], [])
    assert empty[0].tolist() == []
    assert empty[1].tolist() == []
    assert empty[2] == []


def test_warming_reads_what_the_first_search_reads_and_the_same(multi: Index) -> None:
    cold = PassageSearcher(multi)
    warm = PassageSearcher(multi)
    warm.warm()
    assert {("columns",), ("arrays",), ("live",), ("lengths", "body"), ("lengths", "title")} <= set(warm._filters)
    assert not cold._filters
    q = cold.builder.parse("grain OR peace")
    # the first search of the warmed searcher finds the same documents with the same scores
    a = cold._collect_arrays(q, 10, None, None)
    b = warm._collect_arrays(q, 10, None, None)
    assert a is not None
    assert b is not None
    assert [(t.docnum, t.score) for t in a[0]] == [(t.docnum, t.score) for t in b[0]]
    for key in (("live",), ("lengths", "body"), ("lengths", "title")):
        assert np.array_equal(cold._filters.get(key, warm._filters[key]), warm._filters[key])
    assert np.array_equal(cold._doc_arrays()[0], warm._doc_arrays()[0])
    cold.close()
    warm.close()


def test_ties_of_score_come_out_alike_from_every_build_of_one_folder(tmp_path: Any,
                                                                   make_article: Callable[..., Any]) -> None:
    """Wire copies score alike: which of them a depth or a limit keeps must not hang on the order in
    which a build happened to write the documents (a rebuild of one folder once changed which passages
    a comparison met, and with them its rows)."""
    text = "Dock cranes at Velmora stood idle on Tuesday.\nThe harbour board fined two shipping firms."
    articles = [make_article(f"a{i:02d}", text, outlet=OUTLETS[i % len(OUTLETS)]) for i in range(12)]
    # the copy published first comes first among equals, then the others by id
    articles[7] = make_article("a07", text, outlet=OUTLETS[3], date=dt.date(2031, 5, 1))

    def built(name: str, order: list[Any]) -> PassageSearcher:
        lib = tmp_path / name
        lib.mkdir()
        engine.prepare(lib, lib / "index", tmp_path)
        ix = engine.open_index(lib / "index")
        w = engine.open_writer(ix, wait=1)
        for a in order:
            for doc in passage_docs(a, []):
                w.add_document(**doc)
        w.commit()
        return PassageSearcher(ix)

    one, other = built("one", articles), built("other", articles[::-1])
    try:
        ranked = [ps.ranked([ps.parse("harbour fined")], depth=5) for ps in (one, other)]
        assert len({score for _, _, score in ranked[0]}) == 1  # twelve copies, one score: all ties
        assert ranked[0] == ranked[1]
        assert [aid for aid, _, _ in ranked[0]] == ["a07", "a00", "a01", "a02", "a03"]
        for q in ("dock cranes", '"dock cranes"'):  # the numpy path and the matcher walk
            found = [[ps._doc_columns()[0][t.docnum] for t in ps._collect(ps.builder.parse(q), 4, None, None)[0]]
                     for ps in (one, other)]
            assert found[0] == found[1] == ["a07", "a00", "a01", "a02"], q
    finally:
        one.close()
        other.close()


def test_posting_lists_read_once_per_snapshot_give_whooshs_answers(
    multi: Index, make_article: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A term's scored posting list is read from the index once per snapshot: searched again (a compare
    searches each group twice; a session's queries share words), the same documents and exact scores
    come back without reading it; after a commit the new snapshot reads it afresh."""
    from desk.index.whoosh import search as search_module

    reads: list[Any] = []
    real = search_module._read_leaf

    def counted(m: Any, *args: Any) -> Any:
        reads.append((m.term(), args[0]))  # (term, the segment's offset)
        return real(m, *args)

    monkeypatch.setattr(search_module, "_read_leaf", counted)
    ps = PassageSearcher(multi)
    for round_ in range(2):
        for text in QUERIES:
            q, _ranges = ps._split_ranges(ps.builder.parse(text))
            expected, every = _whoosh(ps, q, 100, None)
            found = ps._collect_arrays(q, 100, None, None)
            assert found is not None, text
            top, matched = found
            assert [(t.docnum, t.score, set(t.terms)) for t in top] == expected, (round_, text)
            assert sorted(matched.tolist()) == sorted(every), (round_, text)
        if round_ == 0:
            first = len(reads)
            assert first
            # phrases read their positions each time; plain terms only once
            phrase_reads = len(reads)
    again = len(reads) - first
    assert again < phrase_reads / 2
    grain = [r for r in reads if r[0] == ("body", b"grain")]
    assert grain
    assert len(grain) == len(set(grain))  # once per segment
    before = ps.search("grain", limit=5)
    w = engine.open_writer(multi, wait=1)
    for doc in passage_docs(make_article("fresh", "grain grain grain", outlet="Newcomer"), []):
        w.add_document(**doc)
    engine.commit(w)
    after = ps.search("grain", limit=5)  # a new snapshot: its postings read again
    assert after.total == before.total + 1
    assert after.hits[0].aid == "fresh"
    assert len([r for r in reads if r[0] == ("body", b"grain")]) > len(grain)
    ps.close()


def test_kept_posting_lists_stay_within_their_limit() -> None:
    from desk.index.whoosh.search import _Postings

    kept = _Postings(10)
    arrays = {k: (np.arange(4, dtype=np.int64), np.ones(4)) for k in "abcd"}
    kept.put(("a",), arrays["a"])
    kept.put(("b",), arrays["b"])
    assert kept.get(("a",)) is arrays["a"]  # used: "b" is now the oldest
    kept.put(("c",), arrays["c"])
    assert kept.size <= 10
    assert kept.get(("b",)) is None
    assert kept.get(("a",)) is not None
    assert kept.get(("c",)) is not None
    kept.put(("big",), (np.arange(11, dtype=np.int64), np.ones(11)))  # longer than the limit: never kept
    assert kept.get(("big",)) is None
    with pytest.raises(ValueError, match="read-only"):
        arrays["a"][1][0] = 2.0  # shared by every caller: read-only
