"""Session h35h: a query holds at most :data:`MAX_FUZZY_TERMS` fuzzy terms.

Each fuzzy term (``cranes~``) is compared with every word of its field, whatever it stands for, so the
bound on the words wildcards and fuzzy terms expand to (:data:`MAX_EXPANDED_WORDS`) did not bound them:
2,000 characters of ``word~1 OR ...`` (151 terms, under the query length limit) searched ukraine-media for
6 s and compared it for 10 s, with no way to stop the search.  A query with more is refused with a
sentence; one with as many is read.
"""

from __future__ import annotations

import pytest

from desk.errors import QueryError
from desk.index.whoosh.search import MAX_FUZZY_TERMS
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
