"""Session h32h: free-form dates (``--since``/``--until``, ``date:``) as python-dateutil reads them.

dateutil fills what a text leaves out from a default: "March 3" and "July" became dates of the
year 2000 without a word, and ``--until "July 2022"`` (the README's own example) ended on 1 July,
leaving out the rest of the month; ``2022/07`` likewise, and ``-2022`` was 1 January only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desk import cli
from desk.errors import QueryError
from desk.index.bounds import parse_date


@pytest.mark.parametrize("text", ["March 3", "July", "5", "Jul 22", "Sat", "29 Feb"])
def test_a_date_without_a_year_is_refused(text: str) -> None:
    with pytest.raises(QueryError, match="has no year; write dates as 2022-07-01"):
        parse_date(text)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("July 2022", dt.datetime(2022, 7, 1), dt.datetime(2022, 7, 31, 23, 59, 59)),
    ("2022/07", dt.datetime(2022, 7, 1), dt.datetime(2022, 7, 31, 23, 59, 59)),
    ("Feb 2024", dt.datetime(2024, 2, 1), dt.datetime(2024, 2, 29, 23, 59, 59)),
    ("-2022", dt.datetime(2022, 1, 1), dt.datetime(2022, 12, 31, 23, 59, 59)),
    ("1 July 2022", dt.datetime(2022, 7, 1), dt.datetime(2022, 7, 1, 23, 59, 59)),
    ("2022-07", dt.datetime(2022, 7, 1), dt.datetime(2022, 7, 31, 23, 59, 59)),
    ("2022", dt.datetime(2022, 1, 1), dt.datetime(2022, 12, 31, 23, 59, 59)),
    ("2022-07-01T10:00", dt.datetime(2022, 7, 1), dt.datetime(2022, 7, 1, 23, 59, 59)),
])
def test_a_date_covers_what_it_names(text: str, first: dt.datetime, last: dt.datetime) -> None:
    assert parse_date(text) == first
    assert parse_date(text, end=True) == last


def test_until_a_month_keeps_the_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "late.md").write_text('---\ntitle: "Locks"\nsite: "Canal Post"\ndate: 2022-07-20\n---\n\n'
                                    "The canal board said 9 locks stayed shut for repairs.\n", encoding="utf-8")
    data = str(tmp_path / "d")
    assert cli.main(["search", str(folder), "locks", "--until", "July 2022", "--data-dir", data]) == 0
    assert "late.md" in capsys.readouterr().out
    assert cli.main(["search", str(folder), "locks", "--since", "March 3", "--data-dir", data]) == 2
    assert "has no year" in capsys.readouterr().err
    assert cli.main(["search", str(folder), "locks date:[July TO 2023]", "--data-dir", data]) == 2
    assert "'July' has no year" in capsys.readouterr().err
