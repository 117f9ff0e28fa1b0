"""Supporting passages that the best passages already split are not split again (desk.compare._not_split):
the comparison is the same as when every supporting passage is split and its repeated sentences dropped.

The articles and the candidate lists are invented; the candidates are drawn at random (fixed seeds), so
the supporting list repeats best passages, their neighbours, and passages of articles the best ones
never reach, in varied mixes."""

from __future__ import annotations

import random

import pytest

import desk.compare as comp
from desk.compare.retrieve import Candidate
from desk.export.json import comparison_to_json
from desk.library import Library

from .helpers import write_article

#: paragraphs an outlet may write about an invented flood in the valley town of Orlen
_PARAGRAPHS = [
    "The river Wend rose 4 metres overnight and flooded 230 homes in Orlen, the mayor's office said.",
    "Rescue crews moved 1,150 residents to the sports hall on the hill, according to the fire brigade.",
    "Two bridges were closed. The mayor, Petra Halm, said 18 people were treated for cold and shock.",
    "Farmers counted 600 sheep lost in the low meadows, the farming union told the local radio.",
    "By Thursday the water had fallen by half a metre. Engineers said the dam at Kessel held.",
    "The regional council promised 2 million in aid. It said the repairs would take eight months.",
    "Shops on the market square stayed shut. Volunteers filled 9,000 sandbags before dawn.",
    "Forecasters expect 40 millimetres more rain by Sunday, which could lift the river again.",
]


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("h34c")
    folder = root / "articles"
    folder.mkdir()
    rng = random.Random(34)
    for i, outlet in enumerate(["Valley Courier", "Orlen Herald", "Hill Radio", "River Post", "Wend Times"]):
        paragraphs = rng.sample(_PARAGRAPHS, k=rng.randint(4, len(_PARAGRAPHS)))
        write_article(folder, f"a{i}.md", outlet, "\n\n".join(paragraphs), published=f"2021-03-0{i + 1}")
    with Library(folder, data_dir=root / "data") as library:
        library.update(extract=True)
        library.remember_comparisons = False
        yield library


def _plain(c) -> dict:  # type: ignore[no-untyped-def]
    out = comparison_to_json(c)
    out.pop("created", None)
    return out


@pytest.mark.parametrize("seed", range(12))
def test_the_comparison_is_the_one_of_every_supporting_passage_split(
    lib: Library, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    passages = [(a.id, p.number) for a in (lib.article(m.id) for m in lib.articles()) for p in a.passages]
    depth = rng.randint(1, 6)
    drawn = [rng.choice(passages) for _ in range(rng.randint(depth + 1, 3 * depth + 6))]  # repeats allowed
    ranked = [Candidate(aid, n, 10.0 - i * 0.25, True) for i, (aid, n) in enumerate(drawn)]

    def ranked_passages(library, query, outlets, since, until, depth=400):  # type: ignore[no-untyped-def]
        return ranked[:depth]

    monkeypatch.setattr(comp, "ranked_passages", ranked_passages)
    monkeypatch.setattr(comp, "SUPPORT_FACTOR", 4.0)
    comp.clear_results()
    once = comp.compare_query(lib, "flood Orlen", limit=depth)
    seen: list[int] = []
    real = comp._not_split

    def every_one(support, units):  # type: ignore[no-untyped-def]
        seen.append(len(support) - len(real(support, units)))
        return list(support)

    monkeypatch.setattr(comp, "_not_split", every_one)
    comp.clear_results()
    again = comp.compare_query(lib, "flood Orlen", limit=depth)
    assert _plain(once) == _plain(again)
    assert seen, "the supporting passages were never split"


def test_a_supporting_passage_the_best_ones_split_is_left_out() -> None:
    a, b = Candidate("x", 3, 1.0, True), Candidate("y", 0, 0.5, True)

    class Ref:
        def __init__(self, article_id: str, number: int) -> None:
            self.article_id, self.number = article_id, number

    units = [(Ref("x", 2), True), (Ref("x", 3), False)]
    assert comp._not_split([a, b, a], units) == [b]  # type: ignore[arg-type]
    assert comp._not_split([b], []) == [b]
