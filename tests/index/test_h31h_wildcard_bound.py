"""Session h31h: a wildcard or fuzzy term that stands for very many index words (``*e*`` on
ukraine-media: 35,600 words, minutes inside Whoosh) is refused with a sentence by search, compare,
claims and timeline alike; one that stands for fewer is searched as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.errors import QueryError
from desk.index.whoosh import search as whoosh_search
from desk.library import Library

WORDS = ["mortar", "market", "meadow", "mayor", "miller", "motel", "mitten", "museum", "ferry", "fjord"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    for i, w in enumerate(WORDS):
        (f / f"{i}.txt").write_text(f"Story {i}\n\nThe {w} near the harbour was closed on Friday, "
                                    f"officials said, and {i + 3} boats waited.\n", encoding="utf-8")
    return f


@pytest.fixture
def small_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whoosh_search, "MAX_EXPANDED_WORDS", 5)


def test_a_wildcard_of_too_many_words_is_refused(folder: Path, tmp_path: Path, small_bound: None) -> None:
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert lib.search("f*").total == 10  # ferry, fjord, friday: under the bound
        # a fuzzy term allows at most 3 changes (h35h: "mortar~5" is refused for its distance): six of them
        fuzzy = "mortar~3 OR motel~3 OR mitten~3 OR mayor~3 OR miller~3 OR meadow~3"
        for q in ("m*", "*e*", "harbour AND m*", "title:* OR m*", fuzzy):
            with pytest.raises(QueryError, match="stands for more than 5 different words in this folder"):
                lib.search(q)
        with pytest.raises(QueryError, match="'m\\*' stands for more than 5"):
            lib.compare("m*")
        # two wildcards under the bound each, over it together
        with pytest.raises(QueryError, match="with the other wildcards of the query"):
            lib.search("f* OR mo* OR mi*")


@pytest.mark.parametrize("command", ["search", "compare", "claims", "timeline"])
def test_every_command_says_it_in_a_sentence(folder: Path, tmp_path: Path, small_bound: None, command: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", data]) == 0
    capsys.readouterr()
    assert cli.main([command, str(folder), "*e*", "--data-dir", data]) == 2
    err = capsys.readouterr().err
    assert "'*e*' stands for more than 5 different words" in err
    assert "Traceback" not in err
