"""Property tests: random input never makes desk's text machinery raise or lie about offsets."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from desk.corpus import FolderContext, Unreadable, cut_passages, read_article
from desk.errors import QueryError
from desk.export import escape_markdown
from desk.export.markdown import _clean
from desk.extract.figures import find_figures
from desk.index.whoosh import engine
from desk.index.whoosh.query import QueryBuilder
from desk.index.whoosh.schema import make_schema
from desk.index.whoosh.search import PassageSearcher
from desk.model import Boilerplate

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: text that looks like news: words, digits, separators, currency, quotes, odd Unicode
_ALPHABET = st.sampled_from(
    list("abcdefghij klmnop ABC XYZ 0123456789 .,;:!?-–—%$€£()[]\"'“”‘’\n\n\t")
    + ["million", "billion", " about ", " more than ", "thousand", " said ", "Ukraine", " 1,200 ", "\u00a0", "\u200f",
       "\u202e", "\ufffd", "\x00", "\x1b", "é", "ж", "東", "😀", "\r\n", "2.5", "1.2K", "40%", "$3bn", "-7", "½"]
)
newsy = st.lists(_ALPHABET, max_size=120).map("".join)
anytext = st.one_of(newsy, st.text(max_size=400))


@FUZZ
@given(anytext, st.data())
def test_figure_finder_never_raises_and_spans_are_in_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    figures = find_figures(text, start, end)
    for f in figures:
        assert start <= f.start < f.end <= end, f
        assert text[f.start : f.end] == f.text
        assert not math.isnan(f.value)
        if f.high is not None:
            assert not math.isnan(f.high)


@FUZZ
@given(anytext, st.lists(st.tuples(st.integers(0, 500), st.integers(0, 60)), max_size=4))
def test_passage_cutter_covers_only_text_outside_boilerplate(text: str, spans: list[tuple[int, int]]) -> None:
    boiler = sorted(
        {(min(s, len(text)), min(s + n, len(text))) for s, n in spans if min(s + n, len(text)) > min(s, len(text))}
    )
    merged: list[tuple[int, int]] = []
    for s, e in boiler:  # boilerplate spans as the corpus hands them over: sorted, not overlapping
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    passages = cut_passages(text, [Boilerplate(s, e, "fuzz") for s, e in merged])
    last_end = -1
    for i, p in enumerate(passages):
        assert p.number == i
        assert 0 <= p.start < p.end <= len(text)
        assert p.start >= last_end, "passages overlap or go backwards"
        assert text[p.start : p.end].strip(), "an empty passage"
        for s, e in merged:
            assert p.end <= s or p.start >= e, f"passage {p} covers boilerplate {(s, e)}"
        last_end = p.end


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> PassageSearcher:
    lib = tmp_path_factory.mktemp("fuzz-index")
    index_dir = lib / "index"
    engine.prepare(lib, index_dir, lib)
    ix = engine.open_index(index_dir)
    writer = engine.open_writer(ix)
    writer.add_document(aid="a1", number=0, start=0, end=40, body="Officials said 1,200 people fled on Tuesday.",
                        title="Flood", outlet="Example", outlet_key="Example")
    engine.commit(writer)
    return PassageSearcher(ix)


query_text = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            ['"', "(", ")", "[", "]", "{", "}", "AND", "OR", "NOT", "outlet:", "date:", "figure:", "title:",
             "claimant:", "body:", ">", "<", ">=", "TO", "*", "?", "~", "~2", "^", "-", "+", ":", "\\", "people",
             "1,200", "2022", "2022-07-01", "1.2K", "40%", "x", " ", "'", "/", "ж", "\x00", "nope:"]
        ),
        max_size=12,
    ).map(" ".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query_text)
def test_any_query_gives_results_or_a_query_error(searcher: PassageSearcher, text: str) -> None:
    builder = QueryBuilder(make_schema())
    messages = []
    try:
        builder.parse(text)
    except QueryError as exc:
        messages.append(str(exc))
    try:
        result = searcher.search(text, limit=5)
    except QueryError as exc:
        messages.append(str(exc))
    else:
        assert result.total >= 0
    assert all(m.strip() for m in messages)


_md = MarkdownIt("commonmark").enable("table")


def _inline_kinds(tokens: list) -> set[str]:  # type: ignore[type-arg]
    kinds = set()
    for t in tokens:
        kinds.add(t.type)
        if t.children:
            kinds |= _inline_kinds(t.children)
    return kinds


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=200), newsy, st.lists(st.sampled_from(
    ["#", "-", "*", "**", "_", "`", "```", "[", "](", ")", "<", ">", "<script>", "</script>", "&amp;", "|", "!", "![",
     "1.", "1)", "+", "=", "---", "~~~", "\\", "\n", "  ", "\t", "http://x.example", "javascript:alert(1)", "<img src=x>",
     "<!--", "-->", "{", "}", "a", "word"]), max_size=20).map("".join)))
def test_markdown_escaper_leaves_one_plain_paragraph(text: str) -> None:
    escaped = escape_markdown(text)
    assert "\n" not in escaped
    tokens = _md.parse(escaped)
    if not escaped.strip():
        assert tokens == []
        return
    # one paragraph of plain inline text: no heading, list, code, quote, table, link, image, HTML or emphasis
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], (text, escaped)
    assert _inline_kinds(tokens[1].children or []) <= {"text", "softbreak"}, (text, escaped)
    # and nothing is lost: the parsed text is the input, white space collapsed, control characters dropped
    rendered = "".join(c.content for c in tokens[1].children or [])
    assert rendered == _clean(text), (text, escaped)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.binary(max_size=3000),
        newsy.map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.tuples(st.sampled_from([b"---\n", b"\xef\xbb\xbf---\n", b"\xff\xfe", b"%PDF-1.4\n", b"<!doctype html><p>",
                                   b"<html>", b"Title: x\nSource: y\n\n"]),
                  st.binary(max_size=2000)).map(b"".join),
    ),
    st.sampled_from([".md", ".txt", ".html", ".pdf"]),
)
def test_ingest_of_random_bytes_reads_or_says_why(tmp_path: Path, data: bytes, suffix: str) -> None:
    folder = tmp_path / "fuzz"
    folder.mkdir(exist_ok=True)
    path = folder / f"f{suffix}"
    path.write_bytes(data)
    try:
        article = read_article(path, folder, FolderContext.load(folder))
    except Unreadable as exc:
        reason = exc.reason
        article = None
    finally:
        os.unlink(path)
    if article is None:
        assert reason.strip()
        return
    assert article.text.strip()
    assert "\x00" not in article.text
    article.text.encode("utf-8")  # storable: no lone surrogates
    for p in article.passages:
        assert 0 <= p.start < p.end <= len(article.text)
    for b in article.boilerplate:
        assert 0 <= b.start <= b.end <= len(article.text)
