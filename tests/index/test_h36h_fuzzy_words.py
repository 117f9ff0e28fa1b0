"""Session h36h: the sentences that refuse a fuzzy term name the word the user typed.

They named the word's stem, which the user never wrote: ``killed~5`` was refused as "'kill~5' allows 5
changes to the word ... (kill~2 finds words two letters apart)", ``Evacuations~9`` as "evacu~9".
"""

from __future__ import annotations

import pytest

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.whoosh import search as whoosh_search
from desk.library import Library


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("fuzzywords")
    f = root / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Quay\n\nThe port office said 40 dockers were sacked after the cranes stopped.\n")
    (f / "b.txt").write_text("Hull\n\nA pilot said the moorings parted and two barges drifted into the channel.\n")
    library = Library(f, data_dir=root / "data")
    library.update(extract=False)
    return library


@pytest.mark.parametrize(("query", "shown", "hint"), [
    ("moorings~5", "'moorings~5'", "(moorings~2 finds"),
    ("Drifted~9", "'Drifted~9'", "(Drifted~2 finds"),
    ("title:Dockers~4", "'title:Dockers~4'", "(Dockers~2 finds"),
    ("quay OR barges~6", "'barges~6'", "(barges~2 finds"),
])
def test_a_far_fuzzy_term_is_named_as_typed(lib: Library, query: str, shown: str, hint: str) -> None:
    for call in (lib.search, lib.compare):
        with pytest.raises(QueryError) as exc:
            call(query)
        said = str(exc.value)
        assert said.startswith(f"{shown} allows "), said
        assert hint in said, said


def test_a_fuzzy_term_of_many_words_is_named_as_typed(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whoosh_search, "MAX_EXPANDED_WORDS", 1)
    with pytest.raises(QueryError) as exc:
        lib.search("sacked~3")
    assert str(exc.value).startswith("'sacked~3' stands for more than 1 different words"), str(exc.value)


def test_the_typed_word_is_no_part_of_what_the_term_means() -> None:
    assert qt.Fuzzy("body", "sack", 2, 1, "sacked") == qt.Fuzzy("body", "sack", 2, 1, "sacking")
    assert hash(qt.Fuzzy("body", "sack", 2, 1, "sacked")) == hash(qt.Fuzzy("body", "sack", 2, 1))
