"""The query language: what parses to what, and the sentence for each mistake."""

from __future__ import annotations

import datetime as dt

import pytest
from whoosh import query as wq

from desk.errors import QueryError
from desk.index.bounds import parse_date, parse_number
from desk.index.whoosh.query import QueryBuilder
from desk.index.whoosh.schema import make_schema


@pytest.fixture(scope="module")
def builder() -> QueryBuilder:
    return QueryBuilder(make_schema())


def test_words_are_stemmed_and_anded(builder):
    assert builder.parse("soldiers killed") == wq.And([wq.Term("body", "soldier"), wq.Term("body", "kill")])


def test_phrase_wildcard_fuzzy_boolean(builder):
    assert isinstance(builder.parse('"prisoner swap"'), wq.Phrase)
    assert isinstance(builder.parse("kil*"), wq.Prefix)
    assert isinstance(builder.parse("zelensky~"), wq.FuzzyTerm)
    q = builder.parse("war AND NOT peace")
    assert isinstance(q, wq.And)
    assert any(isinstance(c, wq.Not) for c in q.subqueries)
    assert isinstance(builder.parse("killed OR wounded"), wq.Or)


def test_field_filters(builder):
    assert builder.parse("outlet:HuffPost") == wq.Term("outlet_key", "huffpost")
    assert builder.parse('outlet:"Kyiv Independent"') == wq.Term("outlet_key", "kyiv independent")
    assert builder.parse("claimant:Zelensky") == wq.Term("claimant", "zelensky")
    assert builder.parse("title:war") == wq.Term("title", "war")


def test_figure_comparisons(builder):
    def rng(q: str) -> tuple[object, object, bool, bool]:
        r = builder.parse(q)
        assert isinstance(r, wq.NumericRange)
        return (r.start, r.end, r.startexcl, r.endexcl)

    assert rng("figure:>1000") == (1000.0, None, True, False)
    assert rng("figure:>=1,000") == (1000.0, None, False, False)
    assert rng("figure:<100") == (None, 100.0, False, True)
    assert rng("figure:<=1.2K") == (None, 1200.0, False, False)
    assert rng("figure:[10000 TO 20000]") == (10000.0, 20000.0, False, False)
    assert rng("figure:{10000 TO 20000}") == (10000.0, 20000.0, True, True)
    assert rng("figure:[TO 5]") == (None, 5.0, False, False)
    assert rng("figure:14,400") == (14400.0, 14400.0, False, False)


def test_iso_date_ranges(builder):
    r = builder.parse("date:[2022-07-01 TO 2022-08-01]")
    assert isinstance(r, wq.DateRange)
    assert r.startdate == dt.datetime(2022, 7, 1)
    assert r.enddate.date() == dt.date(2022, 8, 1)
    month = builder.parse("date:2022-02")
    assert (month.startdate.date(), month.enddate.date()) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
    assert parse_date("1 July 2022") == dt.datetime(2022, 7, 1)


def test_numbers():
    assert parse_number("14,400") == 14400
    assert parse_number("5.7 million") == 5_700_000
    assert parse_number("$2") == 2
    assert parse_number("40%") == 40
    assert parse_number("-3") == -3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ('"prisoner swap', "unbalanced quote"),
        ("(killed OR wounded", "never closed"),
        ("killed)", "no '\\('"),
        ("figure:[1 TO 5", "never closed"),
        ("figure:5]", "no '\\['"),
        ("foo:bar", "unknown field 'foo:'"),
        ("figure:[a TO b]", "'a' is not a number"),
        ("figure:[5 TO 1]", "runs backwards"),
        ("figure:[5]", "LOW TO HIGH"),
        ("date:[2022-13-01 TO 2023]", "'2022-13-01' is not a date"),
        ("date:[2023 TO 2022]", "runs backwards"),
        ("figure:> 5", "needs a value"),
        ("outlet: x", "needs a value"),
        ("the", "no words desk can search for"),
    ],
)
def test_malformed_queries_say_what_is_wrong(builder, text, message):
    with pytest.raises(QueryError, match=message) as info:
        builder.parse(text)
    assert str(info.value).endswith(".")  # a sentence, not a code


def test_wildcards_are_not_stemmed(builder):
    # Porter stems "gas" to "ga": the prefix must stay what the user typed
    assert builder.parse("gas*") == wq.Or([wq.Prefix("body", "gas"), wq.Term("body", "ga")])
    assert builder.parse("prisoner*") == wq.Or([wq.Prefix("body", "prisoner"), wq.Term("body", "prison")])
    assert builder.parse("zel?nsky") == wq.Wildcard("body", "zel?nsky")


def test_fuzzy_terms_keep_their_first_letter(builder):
    q = builder.parse("zelensky~")
    assert isinstance(q, wq.FuzzyTerm)
    assert q.prefixlength == 1
