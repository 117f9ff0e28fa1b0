"""Session h35h: a query holds at most :data:`MAX_FUZZY_TERMS` fuzzy terms, each of at most
:data:`MAX_FUZZY_DISTANCE` changes; and a word is weighed (``^``) by at most ``MAX_BOOST``.

Each fuzzy term (``cranes~``) is compared with every word of its field, whatever it stands for, so the
bound on the words wildcards and fuzzy terms expand to (:data:`MAX_EXPANDED_WORDS`) did not bound them:
2,000 characters of ``word~1 OR ...`` (151 terms, under the query length limit) searched ukraine-media for
6 s and compared it for 10 s, with no way to stop the search.  A query with more is refused with a
sentence; one with as many is read.
"""

from __future__ import annotations

import pytest

from desk.errors import QueryError
from desk.index.whoosh.search import MAX_FUZZY_DISTANCE, MAX_FUZZY_TERMS
from desk.library import Library

WORDS = ["ferry", "berth", "crane", "tugboat", "pilot", "quay", "harbour", "dock", "mooring", "anchor",
         "hull", "stern", "bow", "keel", "deck", "mast", "sail", "rudder", "cargo", "vessel"]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("fuzzy")
    f = root / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Quay\n\nThe port office said 40 cranes stood idle at the ferry berth on Friday.\n")
    (f / "b.txt").write_text("Hull\n\nThe pilot said the vessel's rudder and keel were damaged at the dock.\n")
    library = Library(f, data_dir=root / "data")
    library.update(extract=False)
    return library


def test_more_fuzzy_terms_than_desk_reads_are_refused(lib: Library) -> None:
    assert len(WORDS) > MAX_FUZZY_TERMS
    query = " OR ".join(f"{w}~" for w in WORDS[: MAX_FUZZY_TERMS + 1])
    for call in (lib.search, lib.compare):
        with pytest.raises(QueryError) as exc:
            call(query)
        said = str(exc.value)
        assert said.startswith(f"The query has {MAX_FUZZY_TERMS + 1} fuzzy words (~); desk reads at most "
                               f"{MAX_FUZZY_TERMS}")


def test_as_many_fuzzy_terms_as_desk_reads_are_read(lib: Library) -> None:
    query = " OR ".join(f"{w}~" for w in WORDS[:MAX_FUZZY_TERMS])
    assert lib.search(query).total >= 2
    # one term written twice is one term
    assert lib.search(query + " OR " + WORDS[0] + "~").total >= 2


@pytest.mark.parametrize("query", ["ferry~4", "berth~9", "harbour~99999999999999999999", "quay OR crane~5"])
def test_a_fuzzy_term_of_more_changes_than_desk_reads_is_refused(lib: Library, query: str) -> None:
    """``zelensky~9 OR quarantine~9 OR yesterday~9 OR xenophobia~9`` stood for a few hundred words of
    ukraine-media, under the bound on words, and searched for 32 CPU-s: Whoosh's automaton for a term
    grows steeply with the changes it allows."""
    for call in (lib.search, lib.compare):
        with pytest.raises(QueryError, match=f"changes to the word; desk reads at most {MAX_FUZZY_DISTANCE}"):
            call(query)


def test_a_fuzzy_term_of_as_many_changes_is_read(lib: Library) -> None:
    assert lib.search(f"ferry~{MAX_FUZZY_DISTANCE}").total >= 1
    assert lib.search("ferry~").total >= 1


@pytest.mark.parametrize("weight", ["1" + "0" * 400, "1" + "0" * 300, "1001"])
def test_a_weight_beyond_what_desk_reads_is_refused(lib: Library, weight: str) -> None:
    """``grain^1000…`` (400 digits) weighed every passage of the word by infinity: they all scored
    inf, tied in any order, and ``--json`` gave their scores as null."""
    with pytest.raises(QueryError, match=r"\(\^\); desk reads weights from -1,000 to 1,000"):
        lib.search(f"cranes^{weight} OR pilot")


def test_a_weight_desk_reads_ranks_as_before(lib: Library) -> None:
    plain = lib.search("cranes OR pilot")
    weighed = lib.search("cranes^1000 OR pilot")
    assert weighed.total == plain.total
    assert all(h.score == h.score and h.score < float("inf") for h in weighed.hits)  # no NaN, no infinity
