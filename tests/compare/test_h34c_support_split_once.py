"""Supporting passages that the best passages already split are not split again (desk.compare._split_passages,
desk.compare.retrieve.sentence_units ``split``): the units grouped, in their order, and the comparison are
the ones of every supporting passage split and its repeated sentences dropped.

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
    outlets = ["Valley Courier", "Orlen Herald", "Hill Radio", "River Post", "Wend Times"]
    for i in range(10):
        paragraphs = rng.sample(_PARAGRAPHS, k=rng.randint(4, len(_PARAGRAPHS)))
        write_article(folder, f"a{i}.md", outlets[i % 5], "\n\n".join(paragraphs), published=f"2021-03-{i + 1:02d}")
    with Library(folder, data_dir=root / "data") as library:
        library.update(extract=True)
        library.remember_comparisons = False
        yield library


def _plain(c) -> dict:  # type: ignore[no-untyped-def]
    out = comparison_to_json(c)
    out.pop("created", None)
    return out


@pytest.mark.parametrize("seed", range(16))
def test_the_comparison_is_the_one_of_every_supporting_passage_split(
    lib: Library, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    passages = [(a.id, p.number) for a in (lib.article(m.id) for m in lib.articles()) for p in a.passages]
    depth = rng.randint(1, 8)
    drawn = [rng.choice(passages) for _ in range(rng.randint(depth + 1, 4 * depth + 8))]  # repeats allowed
    ranked = [Candidate(aid, n, 10.0 - i * 0.25, True) for i, (aid, n) in enumerate(drawn)]

    def ranked_passages(library, query, outlets, since, until, depth=400):  # type: ignore[no-untyped-def]
        return ranked[:depth]

    grouped: list[list[tuple]] = []
    build_rows = comp.build_rows

    def kept_units(refs, *args, **kwargs):  # type: ignore[no-untyped-def]
        grouped.append([(r.article_id, r.number, r.start, r.end, r.score, r.text) for r in refs])
        return build_rows(refs, *args, **kwargs)

    monkeypatch.setattr(comp, "ranked_passages", ranked_passages)
    monkeypatch.setattr(comp, "build_rows", kept_units)
    monkeypatch.setattr(comp, "SUPPORT_FACTOR", 4.0)
    comp.clear_results()
    once = comp.compare_query(lib, "flood Orlen", limit=depth)
    left: list[int] = []
    real = comp._split_passages

    def none_split(units):  # type: ignore[no-untyped-def]
        left.append(len(real(units)))
        return set()

    monkeypatch.setattr(comp, "_split_passages", none_split)
    comp.clear_results()
    again = comp.compare_query(lib, "flood Orlen", limit=depth)
    assert left, "the supporting passages were never split"
    assert grouped[0] == grouped[1]
    assert _plain(once) == _plain(again)


def test_units_keep_their_order_when_split_passages_are_left_out(lib: Library) -> None:
    from desk.compare.retrieve import sentence_units

    rng = random.Random(7)
    passages = [(a.id, p.number) for a in (lib.article(m.id) for m in lib.articles()) for p in a.passages]
    for _ in range(20):
        drawn = [rng.choice(passages) for _ in range(rng.randint(1, 25))]
        cands = [Candidate(aid, n, 5.0 - i * 0.1, rng.random() < 0.7) for i, (aid, n) in enumerate(drawn)]
        split = set(rng.sample(passages, k=rng.randint(0, len(passages))))
        plain = [(u.article_id, u.number, u.start, u.score, hit) for u, hit in sentence_units(lib, cands, 0, 0)]
        kept = [(u.article_id, u.number, u.start, u.score, hit)
                for u, hit in sentence_units(lib, cands, 0, 0, split=split)]
        assert kept == [x for x in plain if (x[0], x[1]) not in split]


def test_the_split_passages_are_those_of_the_units() -> None:
    class Ref:
        def __init__(self, article_id: str, number: int) -> None:
            self.article_id, self.number = article_id, number

    units = [(Ref("x", 2), True), (Ref("x", 3), False), (Ref("y", 0), False)]
    assert comp._split_passages(units) == {("x", 2), ("x", 3), ("y", 0)}  # type: ignore[arg-type]
    assert comp._split_passages([]) == set()
