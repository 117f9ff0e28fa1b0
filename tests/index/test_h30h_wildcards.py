"""Hostile queries that used to hang or leak an internal error (session h30h).

``**`` on a folder with a file of 100,000 numbered sentences never finished: a wildcard that
matches every word made one term matcher per word, and every matched passage scanned all of them.
A 100,000-letter word took minutes in Whoosh's tagger; ``NOT NOT x`` answered "list index out of
range".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from whoosh.index import Index

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.whoosh import engine, passage_docs
from desk.index.whoosh.query import MAX_WORD, QueryBuilder, to_tree
from desk.index.whoosh.schema import make_schema
from desk.index.whoosh.search import PassageSearcher, _TermsAt


@pytest.fixture
def builder() -> QueryBuilder:
    return QueryBuilder(make_schema())


@pytest.mark.parametrize("text", ["**", "?*", "*?*", "***"])
def test_a_wildcard_of_wildcards_only_is_every_passage(builder: QueryBuilder, text: str) -> None:
    assert to_tree(builder.parse(text)) == to_tree(builder.parse("*"))


def test_a_field_keeps_its_meaning_under_a_wildcard_of_wildcards(builder: QueryBuilder) -> None:
    assert to_tree(builder.parse("title:**")) == qt.Every("title")
    assert isinstance(to_tree(builder.parse("??")), qt.Wildcard)  # two letters exactly: not every word


def test_a_word_too_long_is_refused_at_once(builder: QueryBuilder) -> None:
    t0 = time.perf_counter()
    with pytest.raises(QueryError, match="word of 100,000 characters"):
        builder.parse("a" * 100_000)
    assert time.perf_counter() - t0 < 1.0
    builder.parse("a" * MAX_WORD)  # the longest word still read


@pytest.mark.parametrize("text", ["NOT NOT people", "people AND NOT NOT x", "NOT  NOT NOT people", "x NOT\tNOT y"])
def test_two_nots_in_a_row_get_a_sentence(builder: QueryBuilder, text: str) -> None:
    with pytest.raises(QueryError) as err:
        builder.parse(text)
    assert "NOT twice in a row" in str(err.value)
    assert "index out of range" not in str(err.value)


@pytest.mark.parametrize("text", ['"NOT NOT" people', "KNOT NOT people", "NOT (NOT people)"])
def test_not_that_is_no_double_negation_still_parses(builder: QueryBuilder, text: str) -> None:
    builder.parse(text)


def _many_words(fresh_index: Index, make_article: Callable[..., Any], n: int) -> Index:
    """One article of ``n`` passages, each with its own word ``wNNNN`` beside a shared one."""
    text = "\n".join(f"officials w{i:05d} evacuated" for i in range(n))
    w = engine.open_writer(fresh_index, wait=1)
    for doc in passage_docs(make_article("a000", text), []):
        w.add_document(**doc)
    engine.commit(w)
    return fresh_index


def test_a_prefix_of_many_words_is_walked_without_a_scan_per_passage(
    fresh_index: Index, make_article: Callable[..., Any]
) -> None:
    """6,000 passages, 6,000 words under ``w*``: the old scan asked 36 million term matchers for their
    document, several times as long as walking the matcher itself; now reading the terms costs about
    as much as the walk."""
    ps = PassageSearcher(_many_words(fresh_index, make_article, 6000))
    q = ps.builder.parse("w*")
    s = ps.searcher
    t0 = time.perf_counter()
    for sub, _offset in s.leaf_searchers():
        m = q.matcher(sub, s.context(needs_current=True))
        while m.is_active():
            m.score()
            m.next()
    walk = time.perf_counter() - t0
    t0 = time.perf_counter()
    top, matched = ps._collect_matcher(q, 10_000, None, None)
    collect = time.perf_counter() - t0
    assert len(matched) == len(top) == 6000
    assert collect < 3 * walk + 0.5, (collect, walk)  # 7.7 s against a walk of 1.4 s before
    ps.close()


def test_terms_at_answers_as_the_scan_does(fresh_index: Index, make_article: Callable[..., Any]) -> None:
    """The heap gives each document the terms the plain scan gives, in the same order."""
    index = _many_words(fresh_index, make_article, 300)
    ps = PassageSearcher(index)
    for text in ("w*", "w0001* OR officials", "officials NOT w0002*", "w00*"):
        q = ps.builder.parse(text)
        s = ps.searcher
        for sub, _offset in s.leaf_searchers():
            plain_m = q.matcher(sub, s.context(needs_current=True))
            heap_m = q.matcher(sub, s.context(needs_current=True))
            plain = list(plain_m.term_matchers())
            terms_at = _TermsAt(list(heap_m.term_matchers()))
            while plain_m.is_active():
                assert heap_m.is_active()
                assert heap_m.id() == plain_m.id()
                doc = plain_m.id()
                assert terms_at(doc) == [tm.term() for tm in plain if tm.is_active() and tm.id() == doc], text
                plain_m.next()
                heap_m.next()
    ps.close()
