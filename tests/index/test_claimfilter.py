"""claimant: clauses answered from the store (desk.index.claimants)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh.analysis import StandardAnalyzer

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.claimants import ClaimantIndex, edit_distance
from desk.index.whoosh.query import QueryBuilder, to_tree
from desk.index.whoosh.schema import make_schema
from desk.library import Library

ROWS = [
    ("a1", 0, "President Volodymyr Zelensky"),
    ("a1", 1, "General Staff of the Armed Forces of Ukraine"),
    ("a1", 1, "Zelensky"),
    ("a2", 0, "Russian Defence Ministry"),
    ("a2", 3, "Staff General Smith"),  # both words, wrong order: not the phrase "general staff"
    ("a3", 2, "Vladimir Putin"),
]


def make_index(rows: list[tuple[str, int, str]], aliases: dict[str, str] | None = None) -> tuple[ClaimantIndex, dict]:
    state = {"rows": list(rows), "version": 1, "aliases": dict(aliases or {}), "loads": 0}

    def load() -> list[tuple[str, int, str]]:
        state["loads"] += 1
        return list(state["rows"])

    def canon() -> object:
        return lambda name: state["aliases"].get(name, name)

    analyzer = StandardAnalyzer(stoplist=None)
    return ClaimantIndex(load, lambda: state["version"], canon, lambda t: [x.text for x in analyzer(t, mode="index")]), state


@pytest.fixture(scope="module")
def builder() -> QueryBuilder:
    return QueryBuilder(make_schema())


def keys(idx: ClaimantIndex, builder: QueryBuilder, text: str) -> set[tuple[str, int]]:
    rest, required, excluded = qt.split_claimants(to_tree(builder.parse(text)))
    assert rest is None
    assert not excluded
    assert len(required) == 1
    return set(idx.passages(required[0]))


def test_words_phrases_wildcards_and_fuzzy(builder):
    idx, _ = make_index(ROWS)
    assert keys(idx, builder, "claimant:zelensky") == {("a1", 0), ("a1", 1)}
    assert keys(idx, builder, "claimant:Zelensky") == {("a1", 0), ("a1", 1)}
    assert keys(idx, builder, 'claimant:"general staff"') == {("a1", 1)}
    assert keys(idx, builder, "claimant:zel*") == {("a1", 0), ("a1", 1)}
    assert keys(idx, builder, "claimant:p?tin") == {("a3", 2)}
    assert keys(idx, builder, "claimant:zelenski~") == {("a1", 0), ("a1", 1)}
    assert keys(idx, builder, "claimant:nobody") == set()
    assert keys(idx, builder, "claimant:(putin OR ministry)") == {("a2", 0), ("a3", 2)}
    assert keys(idx, builder, "claimant:(zelensky AND staff)") == {("a1", 1)}
    assert keys(idx, builder, "claimant:(zelensky NOT staff)") == {("a1", 0)}


def test_a_phrase_must_fall_inside_one_name(builder):
    idx, _ = make_index([("x", 0, "Ukraine"), ("x", 0, "Armed Forces")])
    assert keys(idx, builder, "claimant:ukraine") == {("x", 0)}
    assert keys(idx, builder, 'claimant:"ukraine armed"') == set()


def test_aliases_apply_when_read_and_a_new_version_reloads(builder):
    idx, state = make_index(ROWS)
    assert keys(idx, builder, "claimant:kremlin") == set()
    state["aliases"] = {"Vladimir Putin": "The Kremlin"}
    assert keys(idx, builder, "claimant:kremlin") == set()  # same version: the cached rows stand
    state["version"] = 2
    assert keys(idx, builder, "claimant:kremlin") == {("a3", 2)}
    assert keys(idx, builder, "claimant:putin") == {("a3", 2)}  # the name as found still matches
    loads = state["loads"]
    keys(idx, builder, "claimant:kremlin")
    assert state["loads"] == loads  # not reloaded while nothing changed
    state["rows"].append(("a4", 0, "Vladimir Putin"))
    state["version"] = 3
    assert keys(idx, builder, "claimant:kremlin") == {("a3", 2), ("a4", 0)}
    state["aliases"] = {"Vladimir Putin": ""}  # deleted: its figures become the outlets' own
    state["version"] = 4
    assert keys(idx, builder, "claimant:kremlin") == set()
    assert keys(idx, builder, "claimant:putin") == set()


def test_split_query_shapes(builder):
    rest, required, excluded = qt.split_claimants(to_tree(builder.parse("killed claimant:zelensky")))
    assert rest == qt.Term("body", "kill")
    assert required == [qt.Term("claimant", "zelensky")]
    assert not excluded
    rest, required, excluded = qt.split_claimants(to_tree(builder.parse("killed NOT claimant:putin")))
    assert rest == qt.Term("body", "kill")
    assert not required
    assert excluded == [qt.Term("claimant", "putin")]
    rest, required, excluded = qt.split_claimants(to_tree(builder.parse("NOT claimant:putin")))
    assert rest is None
    assert not required
    assert excluded == [qt.Term("claimant", "putin")]
    rest, required, excluded = qt.split_claimants(to_tree(builder.parse("killed soldiers")))
    assert required == []
    assert excluded == []
    assert rest is not None
    with pytest.raises(QueryError, match="top level"):
        qt.split_claimants(to_tree(builder.parse("killed OR claimant:zelensky")))


def test_edit_distance():
    assert edit_distance("zelensky", "zelenskyy", 2) == 1
    assert edit_distance("zelensky", "zelenski", 2) == 1
    assert edit_distance("kyiv", "kiev", 2) == 2
    assert edit_distance("putin", "zelensky", 2) == 3  # cut off past the limit


def test_search_filters_by_claimant_and_pass_two_writes_no_whoosh_documents(seeds: Path, tmp_path: Path):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert lib.search("claimant:zelensky").hits == []  # nothing extracted yet
        generation = lib.backend.ix.latest_generation()
        lib.update(extract=True)
        assert lib.backend.ix.latest_generation() == generation  # claimants went to the store only

        both = lib.search("claimant:zelensky", limit=50)
        assert both.hits
        for hit in both.hits:
            ext = lib.extraction(hit.article_id)
            assert ext is not None
            names = {a.name for a in ext.attributions if a.source_start < hit.end and a.content_end > hit.start}
            assert any("Zelensk" in n for n in names), (hit.text, names)
        killed = lib.search("killed claimant:zelensky", limit=50)
        assert killed.hits
        assert all("kill" in h.text.lower() for h in killed.hits)
        assert {(h.article_id, h.number) for h in killed.hits} <= {(h.article_id, h.number) for h in both.hits}
        without = lib.search("killed NOT claimant:zelensky", limit=50)
        assert not {(h.article_id, h.number) for h in without.hits} & {(h.article_id, h.number) for h in both.hits}
        everything = lib.search("killed", limit=50)
        assert everything.total == killed.total + without.total  # the two split the passages exactly
        anything = lib.search("claimant:*", limit=1000, per_article=0)
        nobody = lib.search("NOT claimant:zelensky", limit=1000, per_article=0)
        with lib.backend.ix.searcher() as s:
            passages = s.doc_count()
        assert nobody.total == passages - both.total  # passages without any claimant count too
        assert {(h.article_id, h.number) for h in both.hits} <= {(h.article_id, h.number) for h in anything.hits}
        with pytest.raises(QueryError, match="top level"):
            lib.search("killed OR claimant:zelensky")


def test_claimant_only_fast_path_matches_the_array_path(seeds: Path, tmp_path: Path):
    """A claimant-only query skips Every's matcher; what it keeps and how it ranks must not change."""
    with Library(seeds, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        searcher = lib.backend.searcher
        searcher.refresh()
        live = sorted(searcher.searcher.reader().all_doc_ids())
        flt, mask = set(live[::2]), set(live[::6])
        for f, m in ((flt, None), (flt, mask)):
            fast_top, fast_all = searcher._collect(wq.Every(), 3, f, m)
            slow_top, slow_all = searcher._collect_arrays(wq.Every(), 3, f, m)
            assert sorted(fast_all.tolist()) == sorted(slow_all.tolist())
            assert [(t.docnum, t.score) for t in fast_top] == [(t.docnum, t.score) for t in slow_top]
