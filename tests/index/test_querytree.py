"""desk's own query tree: the Whoosh parser builds it, and claimant: clauses are answered from it
with no index library involved."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.claimants import ClaimantIndex
from desk.index.whoosh.query import QueryBuilder, from_tree, to_tree
from desk.index.whoosh.schema import make_schema


@pytest.fixture(scope="module")
def builder() -> QueryBuilder:
    return QueryBuilder(make_schema())


def test_the_parser_builds_the_tree(builder: QueryBuilder) -> None:
    t = to_tree(builder.parse('flooded "river bank" gaug* dredger~ NOT ferry'))
    assert isinstance(t, qt.And)
    kinds = [type(x).__name__ for x in t.items]
    assert kinds == ["Term", "Phrase", "Prefix", "Fuzzy", "Not"]
    term, phrase, prefix, fuzzy, neg = t.items
    assert term == qt.Term("body", "flood")  # stemmed, as indexed
    assert isinstance(phrase, qt.Phrase)
    assert phrase.words == ("river", "bank")
    assert prefix == qt.Prefix("body", "gaug")
    assert isinstance(fuzzy, qt.Fuzzy)
    assert (fuzzy.text, fuzzy.maxdist, fuzzy.prefix) == ("dredger", 1, 1)
    assert neg == qt.Not(qt.Term("body", "ferri"))


def test_ranges_or_and_fields(builder: QueryBuilder) -> None:
    t = to_tree(builder.parse("(levee OR dyke) figure:>300 date:[2021-03-01 TO 2021-03-31]"))
    assert isinstance(t, qt.And)
    ors = [x for x in t.items if isinstance(x, qt.Or)]
    assert ors == [qt.Or((qt.Term("body", "leve"), qt.Term("body", "dyke")))]
    ranges = {x.field: x for x in t.items if isinstance(x, qt.Range)}
    assert ranges["figure"].low == 300
    assert ranges["figure"].include_low is False
    assert ranges["date"].low == dt.datetime(2021, 3, 1)
    assert qt.fields(t) == {"body", "figure", "date"}
    assert to_tree(builder.parse("*")) == qt.Every()


def _index(rows: list[tuple[str, int, str]]) -> ClaimantIndex:
    return ClaimantIndex(lambda: rows, lambda: 1, lambda: (lambda n: n), lambda text: text.lower().split())


def test_claimant_clauses_from_a_hand_built_tree() -> None:
    idx = _index([("a", 0, "Harbour Master Lina Oduya"), ("a", 1, "Port Authority"), ("b", 3, "Lina Varga")])
    assert idx.passages(qt.Term("claimant", "lina")) == {("a", 0), ("b", 3)}
    assert idx.passages(qt.Phrase("claimant", ("lina", "oduya"))) == {("a", 0)}
    assert idx.passages(qt.Phrase("claimant", ("oduya", "lina"))) == frozenset()  # order counts
    assert idx.passages(qt.Prefix("claimant", "auth")) == {("a", 1)}
    assert idx.passages(qt.Wildcard("claimant", "v?rga")) == {("b", 3)}
    assert idx.passages(qt.Fuzzy("claimant", "odoya", 1, 1)) == {("a", 0)}
    assert idx.passages(qt.And((qt.Term("claimant", "lina"), qt.Not(qt.Term("claimant", "varga"))))) == {("a", 0)}
    assert idx.passages(qt.Or((qt.Term("claimant", "port"), qt.Term("claimant", "varga")))) == {("a", 1), ("b", 3)}
    assert idx.passages(qt.Every()) == {("a", 0), ("a", 1), ("b", 3)}
    with pytest.raises(QueryError):
        idx.passages(qt.Range("claimant", 1, 2))


ROUND_TRIP = [
    "ferry",
    'flooded "river bank" gaug* dredger~ NOT ferry',
    "(levee OR dyke) figure:>300 date:[2021-03-01 TO 2021-03-31]",
    "pump^3 OR (sluice AND gate)^0.5",
    "lock ANDNOT keeper",
    "barge ANDMAYBE tug",
    'title:"weir repairs" outlet:"River Gazette"',
    "title:* canal",
    "dred?er OR lock*",
    "figure:[10 TO 20] date:<2020-01-01",
    "claimant:oduya sluice",
    "*",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_the_tree_gives_the_same_whoosh_query_back(builder: QueryBuilder, text: str) -> None:
    """The backend searches from_tree(tree): it must be the query Whoosh's parser built, boosts and all."""
    q = builder.parse(text)
    back = from_tree(to_tree(q))
    assert back == q
    assert repr(back) == repr(q)


def test_boost_and_andmaybe_are_kept_in_the_tree(builder: QueryBuilder) -> None:
    t = to_tree(builder.parse("pump^3 ANDMAYBE sluice"))
    assert t == qt.AndMaybe(qt.Boost(qt.Term("body", "pump"), 3.0), qt.Term("body", "sluic"))
    assert qt.fields(to_tree(builder.parse("title:*"))) == {"title"}
    assert to_tree(builder.parse("title:*")) == qt.Every("title")


def test_claimant_clauses_split_from_the_tree() -> None:
    tree = qt.And((qt.Term("body", "flood"), qt.Term("claimant", "oduya"), qt.Not(qt.Term("claimant", "varga"))))
    rest, required, excluded = qt.split_claimants(tree)
    assert rest == qt.Term("body", "flood")
    assert required == [qt.Term("claimant", "oduya")]
    assert excluded == [qt.Term("claimant", "varga")]
    with pytest.raises(QueryError, match="top level"):
        qt.split_claimants(qt.Or((qt.Term("body", "flood"), qt.Term("claimant", "oduya"))))


def test_the_figure_ranges_a_query_asks_for(builder: QueryBuilder) -> None:
    """What the compare view's row order reads of a ``figure:`` filter: the ranges wanted, not those
    under a NOT, each with its open or closed ends."""
    ranges = qt.wanted_ranges(to_tree(builder.parse("levee figure:>300 NOT figure:[1000 TO 2000]")), "figure")
    assert len(ranges) == 1
    (r,) = ranges
    assert [qt.in_range(r, v) for v in (299, 300, 301, 1500, 10**9)] == [False, False, True, True, True]
    (closed,) = qt.wanted_ranges(to_tree(builder.parse("figure:[10 TO 20]")), "figure")
    assert [qt.in_range(closed, v) for v in (9, 10, 20, 21)] == [False, True, True, False]
    assert qt.wanted_ranges(to_tree(builder.parse("levee date:>2021-03-01")), "figure") == []
