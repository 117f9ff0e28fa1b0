"""Session 37: a plain compare query whose words no article holds all of still finds the topic.

Two spellings of one word ("rouble ruble"), or a word that no outlet used in a three-word query, left
the articles that hold every word empty, and the comparison had no row at all.  When fewer than
``FEW_PASSAGES`` passages come from the articles holding every word, the articles that lack one word
come in after them.
"""

from __future__ import annotations

import pytest

import desk.compare as comp
from desk.compare import retrieve
from desk.library import Library

from .helpers import write_article

_FARE = "The harbour board said on Monday that the ferry fare would rise to 400 {coin} from 1 June."


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("one_word_less")
    folder = root / "articles"
    folder.mkdir()
    for i, (outlet, coin) in enumerate([("Harbour Times", "roubles"), ("Valley Post", "rubles"),
                                        ("Coast Herald", "rubles")]):
        write_article(folder, f"fare{i}.md", outlet, _FARE.format(coin=coin) + "\n\nPassengers were angry.",
                      published=f"2023-05-0{i + 1}")
    write_article(folder, "other.md", "Island Ledger", "The island council met on Monday to discuss the new pier.",
                  published="2023-05-04")
    # the ferry is often news, its new hydrofoil only twice: once with "ferry", once without
    for i, outlet in enumerate(["Island Ledger", "Harbour Times", "Valley Post"]):
        write_article(folder, f"ferry{i}.md", outlet, "The ferry was late again on Tuesday, passengers said.",
                      published=f"2023-05-1{i}")
    write_article(folder, "foil0.md", "Coast Herald", "The ferry company will test its hydrofoil in June.",
                  published="2023-05-20")
    write_article(folder, "foil1.md", "Island Ledger", "Sea trials of the hydrofoil begin in June, the yard said.",
                  published="2023-05-21")
    with Library(folder, data_dir=root / "data") as library:
        library.update(extract=True)
        library.remember_comparisons = False
        yield library


def _outlets(comparison: comp.Comparison) -> set[str]:
    return {o for row in comparison.rows for o in row.outlets}


def test_two_spellings_find_every_outlet_on_one_row(lib: Library) -> None:
    comparison = comp.compare_query(lib, "roubles rubles")
    assert _outlets(comparison) == {"Harbour Times", "Valley Post", "Coast Herald"}
    fare_rows = [r for r in comparison.rows if len(r.outlets) == 3]
    assert len(fare_rows) == 1


def test_a_word_no_outlet_used_does_not_empty_the_comparison(lib: Library) -> None:
    comparison = comp.compare_query(lib, "ferry fare zeppelin")
    assert _outlets(comparison) == {"Harbour Times", "Valley Post", "Coast Herald"}


def test_articles_with_every_word_come_first(lib: Library) -> None:
    found = retrieve.ranked_passages(lib, "ferry hydrofoil", (), None, None)
    assert found
    paths = {a.id: a.relpath for a in lib.articles()}
    assert paths[found[0].article_id] == "foil0.md"


def test_enough_passages_with_every_word_take_no_others(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retrieve, "FEW_PASSAGES", 1)
    found = retrieve.ranked_passages(lib, "ferry roubles", (), None, None)
    assert found
    assert {c.article_id for c in found} == {next(a.id for a in lib.articles() if a.outlet == "Harbour Times")}


def test_the_rarest_word_stays_when_some_article_holds_every_word(lib: Library) -> None:
    found = retrieve.ranked_passages(lib, "ferry hydrofoil", (), None, None)
    assert found
    paths = {a.id: a.relpath for a in lib.articles()}
    got = {paths[c.article_id] for c in found}
    assert "foil0.md" in got  # both words
    assert "foil1.md" in got  # the hydrofoil without "ferry"
    assert not got & {"ferry0.md", "ferry1.md", "ferry2.md"}  # the ferry without the hydrofoil
