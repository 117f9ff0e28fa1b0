"""A phrase query marks where the phrase stands in a hit, not each of its words wherever it occurs.

Issue 13 asks the Results list to show "the matching sentence with the hit marked": for
``"ferry pass"`` it showed the passage's first sentence with a stray "passes" and "ferry", while
the phrase itself stood two sentences later, unmarked as a phrase.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.index import querytree as qt
from desk.index.whoosh.search import _body_phrases, _phrase_spans
from desk.library import Library

BODY = (
    "The passes let farmers ship barley by ferry to the coast. "
    "Harbour clerks checked every cargo twice before noon. "
    "Officials said the ferry pass would be renewed each month, and a second ferry pass was planned for winter."
)


def _one_article(folder: Path, title: str, site: str, published: str, body: str) -> Path:
    """``folder`` holding one Markdown article."""
    folder.mkdir()
    (folder / "one.md").write_text(
        f'---\ntitle: "{title}"\nsite: "{site}"\npublished: "{published}"\n---\n\n{body}\n', encoding="utf-8"
    )
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return _one_article(tmp_path / "articles", "Harbour news", "Lakeside Herald", "2023-03-04", BODY)


def _marked(lib: Library, query: str) -> list[str]:
    res = lib.search(query)
    assert res.hits, query
    hit = res.hits[0]
    text = lib.article(hit.article_id).text
    return [text[s:e] for s, e in hit.highlights]


def test_a_phrase_is_marked_where_it_stands(folder: Path, tmp_path: Path) -> None:
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert _marked(lib, '"ferry pass"') == ["ferry pass", "ferry pass"]


def test_a_word_asked_for_alone_keeps_its_marks(folder: Path, tmp_path: Path) -> None:
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        marked = _marked(lib, 'barley "ferry pass"')
        assert marked == ["barley", "ferry pass", "ferry pass"]
        # "ferry" asked for alone too: every ferry is marked, and the phrases as well
        marked = _marked(lib, 'ferry "ferry pass"')
        assert marked.count("ferry") == 3
        assert marked.count("ferry pass") == 2


def test_a_wildcard_keeps_the_old_marks(folder: Path, tmp_path: Path) -> None:
    # ``pas*`` may match "passes" and "pass": the words stay marked wherever they are
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        marked = _marked(lib, '"ferry pass" pas*')
        assert "passes" in marked
        assert "ferry pass" in marked


def test_phrases_under_not_are_not_marked() -> None:
    tree = qt.And((qt.Term("body", "barley"), qt.Not(qt.Phrase("body", ("ferri", "pass")))))
    assert _body_phrases(tree) == ([], set())
    tree = qt.AndNot(qt.Phrase("body", ("ferri", "pass")), qt.Phrase("body", ("second", "ferri")))
    phrases, only = _body_phrases(tree)
    assert phrases == [qt.Phrase("body", ("ferri", "pass"))]
    assert only == {"ferri", "pass"}


def test_phrase_spans_follow_the_slop() -> None:
    toks = [("red", 0, 3), ("old", 4, 7), ("boat", 8, 12), ("red", 13, 16), ("boat", 17, 21)]
    assert _phrase_spans(toks, ("red", "boat"), 1) == [(13, 21)]
    assert _phrase_spans(toks, ("red", "boat"), 2) == [(0, 12), (13, 21)]
    assert _phrase_spans(toks, ("boat", "red"), 1) == [(8, 16)]
    assert _phrase_spans(toks, ("red", "ship"), 3) == []


FIGURES = (
    "Rangers counted 40 elk near the lake in spring. "
    "By autumn the herd had grown, and 2,300 elk grazed the valley, the rangers said."
)


@pytest.fixture
def elk(tmp_path: Path) -> Path:
    return _one_article(tmp_path / "elk", "Valley herd", "Ridge Courier", "2023-09-01", FIGURES)


def test_a_figure_clause_marks_the_figures_it_matched(elk: Path, tmp_path: Path) -> None:
    with Library(elk, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert _marked(lib, "figure:>1000 elk") == ["elk", "2,300", "elk"]
        assert _marked(lib, "figure:<100 elk") == ["40", "elk", "elk"]
        # both clauses ANDed: a figure must satisfy both to be marked
        assert _marked(lib, "figure:>10 figure:<100 rangers") == ["Rangers", "40", "rangers"]
        # inside an OR group, either will do
        assert _marked(lib, "elk (figure:<50 OR figure:>2000)") == ["40", "elk", "2,300", "elk"]
        # no figure clause, no figure marked
        assert _marked(lib, "elk") == ["elk", "elk"]
