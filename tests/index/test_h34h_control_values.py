"""Session h34h: a control character that Python counts as white space (``\\x1f``, ``\\x1c``, ``\\x85``,
``\\u2028``) typed as the value of ``figure:`` or ``date:`` was taken for no value at all ("'figure:'
in the query needs a value after it"), while ``figure:>\\x00`` named the character. Both now say what
is wrong and show the character escaped."""

from __future__ import annotations

import pytest

from desk.errors import QueryError
from desk.index.whoosh.query import check_syntax


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("figure:>\x1f", "'\\x1f' is not a number"),
        ("figure:\x1c", "'\\x1c' is not a number"),
        ("figure:>=\x1fabc", "'\\x1fabc' is not a number"),
        ("figure:<\x85", "'\\x85' is not a number"),
        ("date:<\u2028 ferry", "'\\u2028' is not a date"),
        ("date:\x1f2021-03-04", "'date:\\x1f2021-03-04' holds the control character \\x1f"),
    ],
)
def test_a_control_value_is_named_escaped(query: str, says: str) -> None:
    with pytest.raises(QueryError) as err:
        check_syntax(query)
    assert says in str(err.value)
    assert "needs a value" not in str(err.value)


@pytest.mark.parametrize("query", ["figure:> 12", "figure:>\t", "date:\u3000"])
def test_plain_white_space_still_needs_a_value(query: str) -> None:
    with pytest.raises(QueryError, match="needs a value"):
        check_syntax(query)
