"""Compare's candidates are ranked among the passages of the eligible articles only: passages of other
articles that score higher never crowd an eligible passage out of the depth."""

from __future__ import annotations

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
