"""Compare's candidates are ranked among the passages of the eligible articles only: passages of other
articles that score higher never crowd an eligible passage out of the depth."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from desk.library import Library

#: more passages of one ineligible article than the old fetch window (the best 2,000 of the whole index)
NOISE_PASSAGES = 2100


def test_an_eligible_passage_is_ranked_though_many_others_score_higher(tmp_path: Path) -> None:
    folder = tmp_path / "river"
    folder.mkdir()
    # every passage repeats "ferries": each scores above the eligible passage below, but its article
    # never names Brantov, so none is eligible for "Brantov ferries"
    noise = "\n\n".join(f"Ferries, ferries and ferries at pier {i}." for i in range(NOISE_PASSAGES))
    (folder / "piers.txt").write_text("Piers\n\n" + noise + "\n", encoding="utf-8")
    (folder / "town.txt").write_text(
        "Town news\n\nBrantov lies on the bend of the slow brown river.\n\n"
        "A crowd watched the old ferries cross at dusk while the band played on the quay.\n",
        encoding="utf-8",
    )
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update()
        ids = {a.relpath: a.id for a in lib.articles()}
        groups = ["(Brantov OR title:Brantov)", "(ferries OR title:ferries)"]
        found = lib.ranked_passages("Brantov ferries", groups, depth=10)
        assert found is not None
        assert {aid for aid, _n, _s in found} == {ids["town.txt"]}
        # both passages of the town article: the one naming Brantov and the one about the ferries
        assert len({n for _aid, n, _s in found}) == 2


def test_a_query_that_ranks_nothing_takes_its_depth_from_every_outlet(tmp_path: Path) -> None:
    # "*" and a date give every passage one score: the depth once went to the first passages in the
    # index's order, all of one outlet here
    folder = tmp_path / "papers"
    folder.mkdir()

    def article(name: str, site: str, paragraphs: int) -> None:
        body = "\n\n".join(f"The {site} desk filed note {i} about the harbour works today." for i in range(paragraphs))
        (folder / name).write_text(f'---\ntitle: "{site} notes"\nsite: "{site}"\npublished: "2031-03-01"\n---\n\n'
                                   + body + "\n", encoding="utf-8")

    article("a-first.md", "Alder Post", 40)
    article("b-second.md", "Birch Herald", 3)
    article("c-third.md", "Cedar Times", 3)
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update()
        outlet = {a.id: a.outlet for a in lib.articles()}
        for query in ("*", "date:2031-03-01"):
            found = lib.ranked_passages(query, None, depth=9)
            assert found is not None, query
            assert len(found) == 9, query
            by_outlet = Counter(outlet[aid] for aid, _n, _s in found)
            assert by_outlet == {"Alder Post": 3, "Birch Herald": 3, "Cedar Times": 3}, (query, by_outlet)
