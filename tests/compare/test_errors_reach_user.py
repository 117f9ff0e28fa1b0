"""compare_query passes over only an article that went away since the search; every other error reaches the user.

(It used to swallow DeskError, KeyError and LookupError while reading the
candidates' articles: a bug or a broken index gave a comparison with rows
silently missing.)  The sentences are written for this test.
"""

from __future__ import annotations

import pytest

from desk.compare import compare_query
from desk.errors import ArticleGone, IndexUnavailable
from desk.model import Article, Extraction, Passage

from .helpers import FakeLibrary


def _article(aid: str, outlet: str, text: str) -> Article:
    return Article(id=aid, path=f"/f/{aid}.txt", relpath=f"{aid}.txt", title=f"Report {aid}", outlet=outlet,
                   date=None, text=text, passages=[Passage(0, 0, len(text))])


ARTICLES = [
    _article("x1", "Harbour Post", "Flooding closed the old quay road for nine days. The ferry waited offshore."),
    _article("x2", "Valley Courier", "Flooding closed the quay road for ten days, the council said on Monday."),
]


class Breaking(FakeLibrary):
    """Reading article ``bad`` raises ``error``; the search still lists it."""

    def __init__(self, bad: str, error: Exception) -> None:
        super().__init__(ARTICLES, [Extraction(), Extraction()])
        self.bad, self.error = bad, error

    def article(self, article_id: str) -> Article:
        if article_id == self.bad:
            raise self.error
        return super().article(article_id)


def _outlets(library: FakeLibrary) -> set[str]:
    comp = compare_query(library, "flooding quay road")
    return {o for row in comp.rows for o in row.outlets}


def test_both_articles_compared_when_nothing_breaks() -> None:
    assert _outlets(FakeLibrary(ARTICLES, [Extraction(), Extraction()])) == {"Harbour Post", "Valley Courier"}


def test_an_article_removed_since_the_search_is_passed_over() -> None:
    assert _outlets(Breaking("x2", ArticleGone("There is no article 'x2' in this library."))) == {"Harbour Post"}


@pytest.mark.parametrize("error", [KeyError("x2"), IndexError("list index out of range"), LookupError("x2"),
                                   IndexUnavailable("The index cannot be read: disk I/O error.")])
def test_any_other_error_reaches_the_caller(error: Exception) -> None:
    with pytest.raises(type(error)):
        compare_query(Breaking("x2", error), "flooding quay road")
