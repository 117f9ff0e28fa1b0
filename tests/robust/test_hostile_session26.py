"""Hostile inputs found in session 26: an empty --data-dir, a claimant merged into itself, powers read as counts.

Every text here is written for the test (invented towns, names and numbers).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk import cli
from desk.errors import DeskError
from desk.extract.aliases import AliasBook
from desk.extract.figures import find_figures
from desk.gui import app


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_data_dir_is_refused_not_taken_for_the_default(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Dam\n\nThe dam at Harrowby holds 30 tonnes of silt.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))  # where the default would have gone
    monkeypatch.delenv("DESK_DATA_DIR", raising=False)
    assert cli.main(["index", str(folder), "--data-dir", value]) == 2
    err = capsys.readouterr().err
    assert "--data-dir" in err
    assert "empty" in err
    assert not cache.exists()  # nothing was written to the default folder
    assert os.listdir(folder) == ["a.txt"]
    # the window's command line says the same
    with pytest.raises(SystemExit) as stop:
        app.parse_args(["--data-dir", value])
    assert stop.value.code == 2


def test_a_claimant_is_never_merged_into_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = AliasBook(tmp_path / "aliases.json")
    book.merge("Dallin", "Ferro Dallin")
    with pytest.raises(DeskError, match="one claimant already"):
        book.merge("Ferro Dallin", "FERRO DALLIN")
    assert [e[:2] for e in book.entries()] == [("merge", "Dallin")]  # the earlier alias stays

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Dam\n\nThe dam at Harrowby holds 30 tonnes of silt.\n", encoding="utf-8")
    code = cli.main(["aliases", str(folder), "--merge", "Harrowby council", "HARROWBY COUNCIL",
                     "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 2
    assert "one claimant already" in err


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Engineers at Pell said 10^9 grains passed the sieve, and 14 workers watched.", [14.0]),
        ("The key has 2 ** 128 values; 3 guards keep it.", [3.0]),
        ("A model at Quorn gave 10 ^ -3 as the error, after 25 runs.", [25.0]),
    ],
)
def test_a_power_is_no_figure_nor_is_its_exponent(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Lena Voss, who runs the campaign 480.org, said 16 towns had joined.", [16.0]),
        ("The rumour spread from 77.example.net before 9 editors denied it.", [9.0]),
        ("Readers of 24.news saw it first.", []),
        # a decimal with a unit, and a figure at the end of a sentence, are still figures
        ("The fund holds 12.5bn crowns, up from 40.", [12.5e9, 40.0]),
    ],
)
def test_a_number_that_opens_a_web_address_is_no_figure(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values
