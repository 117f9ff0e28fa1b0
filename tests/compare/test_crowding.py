"""One long file whose every passage names the topic does not crowd the other articles out of
compare's candidates, the claims table or the search results (a file of 50,000 such passages
once filled all three, and every other outlet vanished)."""

from __future__ import annotations

import pytest

import desk.compare as comp
from desk.library import Library, article_share

from .helpers import write_article

_OUTLETS = ["Harbour Times", "Valley Post", "Coast Herald", "Island Ledger"]
#: passages of the long log, each denser in the query words than any short report's
_LOG_PASSAGES = 240


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("crowding")
    folder = root / "articles"
    folder.mkdir()
    for i, outlet in enumerate(_OUTLETS):
        write_article(
            folder, f"short{i}.md", outlet,
            "The ferry strike left 1,200 passengers stranded in Port Elm on Tuesday, the port authority said.\n\n"
            "Union leaders said the ferry strike would last until the weekend unless talks resumed.",
            published=f"2023-03-0{i + 1}",
        )
    quays = ["quay", "dock", "berth", "pier", "jetty"]
    log = "\n\n".join(
        f"Ferry strike log entry {k}: ferry strike pickets at {quays[k % 5]} {k % 13} in the ferry strike."
        for k in range(_LOG_PASSAGES)
    )
    write_article(folder, "log.md", "Strike Monitor", log, published="2023-03-10")
    with Library(folder, data_dir=root / "data") as library:
        library.update(extract=True)
        library.remember_comparisons = False
        yield library


def _short_outlets(outlets: object) -> set[str]:
    return {o for o in outlets if o in _OUTLETS}  # type: ignore[attr-defined]


def test_the_long_file_is_ranked_first(lib: Library) -> None:
    found = lib.ranked_passages("ferry strike", depth=40)
    assert found
    log_id = next(a.id for a in lib.articles() if a.relpath == "log.md")
    assert found[0][0] == log_id


def test_no_article_gives_more_than_its_share_of_the_ranked_candidates(lib: Library) -> None:
    found = lib.ranked_passages("ferry strike", depth=40)
    assert found is not None
    per: dict[str, int] = {}
    for aid, _number, _score in found:
        per[aid] = per.get(aid, 0) + 1
    assert max(per.values()) == article_share(40) == 10
    assert len(per) == 1 + len(_OUTLETS)  # every short report comes in


def test_compare_rows_keep_every_outlet_beside_the_long_file(lib: Library) -> None:
    result = comp.compare_query(lib, "ferry strike", limit=20)
    assert _short_outlets(result.outlets) == set(_OUTLETS)
    together = [r for r in result.rows if _short_outlets(r.outlets) == set(_OUTLETS)]
    assert together, [sorted(r.outlets) for r in result.rows]


def test_claims_table_keeps_every_outlet(lib: Library) -> None:
    claims = lib.claims("ferry strike", limit=40)
    assert _short_outlets(s.outlet for s in claims) == set(_OUTLETS)
    assert {s.figure.value for s in claims if s.outlet in _OUTLETS} == {1200}
    log_passages = {s.passage for s in claims if s.outlet == "Strike Monitor"}
    assert len(log_passages) <= article_share(40)


def test_search_results_are_not_all_one_file(lib: Library) -> None:
    result = lib.search("ferry strike", limit=6, per_article=2)
    outlets = [h.outlet for h in result.hits]
    assert len(result.hits) == 6
    assert outlets.count("Strike Monitor") == 2
    assert result.total == _LOG_PASSAGES + 2 * len(_OUTLETS)
