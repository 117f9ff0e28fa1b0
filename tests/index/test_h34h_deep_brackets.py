"""Session h34h: 500 brackets nested round one word, with no space ("((((...boats))))"), were refused as
"a word of 1,005 characters without a space", not for their nesting, which a query nested 100 deep
with spaces is told.  The nesting is named first; a long run that is no deep nesting is still a word."""

from __future__ import annotations

import pytest

from desk.errors import QueryError
from desk.index.whoosh.query import MAX_NESTING, check_syntax


def test_deep_brackets_without_spaces_are_told_as_nesting() -> None:
    with pytest.raises(QueryError, match=f"nests brackets 500 deep; desk reads at most {MAX_NESTING}"):
        check_syntax("(" * 500 + "tugs" + ")" * 500)


@pytest.mark.parametrize("query", ["(q)" * 400, "w" * 1200, "(" * 20 + "z" * 1200 + ")" * 20])
def test_a_long_run_is_still_a_long_word(query: str) -> None:
    with pytest.raises(QueryError, match="without a space"):
        check_syntax(query)
