"""Related words learned from the folder itself (desk.compare.related), on sentences written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from desk.compare import compare_query, related, retrieve
from desk.compare.tokens import stem
from desk.library import Library

# filler words for the passages: made up here, each passage draws a few
_FILLER = [
    "morning", "quiet", "painted", "wooden", "gravel", "northern", "copper", "patient", "silver", "narrow",
    "yellow", "distant", "gentle", "stubborn", "careful", "hollow", "bright", "crooked", "sturdy", "weathered",
    "polished", "rusty", "sleepy", "clever", "humble", "brisk", "lonely", "dusty", "velvet", "amber",
]

_HARBOUR = [
    "The lighthouse keeper lit the beacon before the {a} ferry left the {b} quay at dusk.",
    "From the {a} cliff the lighthouse sent its beacon across the {b} water all night long.",
    "Sailors trusted the lighthouse and its beacon when the {a} fog rolled over the {b} bay.",
]
_FARM = [
    "The orchard growers drove a {a} tractor down the {b} lane before the harvest began.",
    "Apples from the {a} orchard were loaded on the tractor beside the {b} barn by noon.",
    "Every autumn the orchard hired a {a} tractor and a crew for the {b} harvest.",
]


def _paragraphs(templates: list[str], n: int, rng: random.Random) -> list[str]:
    return [rng.choice(templates).format(a=rng.choice(_FILLER), b=rng.choice(_FILLER)) for _ in range(n)]


def _write(folder: Path, name: str, outlet: str, paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    (folder / name).write_text(
        f'---\ntitle: "{name}"\nsite: "{outlet}"\npublished: "2021-05-04"\n---\n\n{body}\n', encoding="utf-8"
    )


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    related._MEMO.clear()
    # a small folder: every test word is in far more than 5% of its passages
    monkeypatch.setattr(related, "MAX_SHARE", 0.9)
    monkeypatch.setattr(related, "MIN_PASSAGES", 20)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    rng = random.Random(7)
    for i in range(6):
        _write(f, f"harbour{i}.md", f"Coast {i % 3}", _paragraphs(_HARBOUR, 6, rng))
        _write(f, f"farm{i}.md", f"Valley {i % 3}", _paragraphs(_FARM, 6, rng))
    return f


def _strength(rel: related.Related, a: str, b: str) -> float:
    return float(rel.strengths([stem(a), stem(b)])[0, 1])


def test_words_sharing_passages_are_related_and_words_that_never_meet_are_not() -> None:
    rng = random.Random(3)
    passages = _paragraphs(_HARBOUR, 40, rng) + _paragraphs(_FARM, 40, rng)
    rel = related.learn(passages, min_df=3, max_share=0.6)
    assert rel is not None
    top = dict(rel.related(stem("lighthouse"), k=3, min_strength=0.0))
    assert stem("beacon") in top
    assert top[stem("beacon")] > 0.8
    assert stem("orchard") not in top
    assert _strength(rel, "lighthouse", "beacon") > 0.8
    assert _strength(rel, "orchard", "tractor") > 0.8
    assert abs(_strength(rel, "lighthouse", "orchard")) < 0.3
    assert abs(_strength(rel, "beacon", "tractor")) < 0.3
    # the word a query can search for is the commonest surface form of the stem
    assert rel.word(stem("lighthouse")) == "lighthouse"
    # a stem without a vector has no related words, and a zero strength
    assert rel.related("zzzunknown") == []
    assert _strength(rel, "zzzunknown", "beacon") == 0.0


def test_too_few_passages_teach_nothing() -> None:
    assert related.learn(["The lighthouse lit its beacon over the bay at night."] * 3) is None
    assert related.learn([]) is None


def test_the_library_caches_them_in_its_data_dir_and_learns_again_after_the_index_changes(folder: Path) -> None:
    data = folder.parent / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        rel = lib.related_words()
        assert rel is not None
        assert _strength(rel, "lighthouse", "beacon") > 0.6
        assert abs(_strength(rel, "lighthouse", "orchard")) < 0.3
        cache = lib.library_dir / related.CACHE_NAME
        assert cache.is_file()
        assert not list(folder.glob("*.npz"))  # nothing written into the article folder
        assert lib.related_words() is rel  # the same index state: learned once
        # a new process (empty memory) reads the cache file instead of learning
        related._MEMO.clear()
        with Library(folder, data_dir=data) as fresh:  # (a library remembers its related words per store state)
            again = fresh.related_words()
        assert again is not None
        assert again is not rel
        assert again.key == rel.key
        assert again.stems == rel.stems
        assert np.array_equal(again.unit_stems, rel.unit_stems)
        assert np.array_equal(again.unit_sizes, rel.unit_sizes)
        assert _strength(again, "lighthouse", "beacon") == _strength(rel, "lighthouse", "beacon")

        # new articles where lighthouses stand in orchards: the index changes, so do the related words
        rng = random.Random(11)
        mixed = [f"The old lighthouse stood in the {rng.choice(_FILLER)} orchard near the tractor shed."
                 for _ in range(30)]
        for i in range(5):
            _write(folder, f"mixed{i}.md", "Coast 9", mixed[i * 6:(i + 1) * 6])
        lib.update(extract=False)
        changed = lib.related_words()
        assert changed is not None
        assert changed.key != rel.key
        assert _strength(changed, "lighthouse", "orchard") > 0.3
        with np.load(cache) as saved:
            assert str(saved["key"]) == changed.key


def test_a_damaged_cache_is_learned_again(folder: Path) -> None:
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=False)
        assert lib.related_words() is not None
        cache = lib.library_dir / related.CACHE_NAME
        cache.write_bytes(b"not an npz file")
        related._MEMO.clear()
        with Library(folder, data_dir=folder.parent / "data") as fresh:  # a new process
            rel = fresh.related_words()
        assert rel is not None
        assert _strength(rel, "lighthouse", "beacon") > 0.6
        with np.load(cache) as saved:
            assert str(saved["key"]) == rel.key


def test_a_tiny_folder_has_no_related_words_and_still_compares(tmp_path: Path) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    _write(f, "a.md", "Coast 1", ["The lighthouse keeper lit the beacon before the ferry left the quay."])
    _write(f, "b.md", "Coast 2", ["The lighthouse keeper said the ferry left the quay late on Tuesday night."])
    with Library(f, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        assert lib.related_words() is None
        assert retrieve.related_alternatives(lib, "lighthouse") == []
        c = compare_query(lib, "lighthouse ferry")
        assert {o for r in c.rows for o in r.outlets} == {"Coast 1", "Coast 2"}


def test_a_query_word_finds_an_article_that_uses_only_a_related_word(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an article that never says "lighthouse", only "beacon"
    _write(folder, "signal.md", "Cape Gazette",
           ["Fishermen said the beacon on the headland failed twice during the storm last winter."])
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=False)
        assert "beacon" in retrieve.related_alternatives(lib, "lighthouse")

        def outlets(c):  # type: ignore[no-untyped-def]
            return {o for r in c.rows for o in r.outlets}

        assert "Cape Gazette" in outlets(compare_query(lib, "lighthouse"))
        monkeypatch.setattr(retrieve, "RELATED_WORDS", 0)
        assert "Cape Gazette" not in outlets(compare_query(lib, "lighthouse"))


def test_grouping_counts_strongly_related_stems_as_shared_when_the_bonus_is_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desk.compare import grouping
    from desk.compare.profile import profile

    from .helpers import make_ref

    rng = random.Random(5)
    rel = related.learn(_paragraphs(_HARBOUR, 40, rng) + _paragraphs(_FARM, 40, rng), min_df=3, max_share=0.6)
    assert rel is not None
    texts = [
        ("The keeper repaired the lighthouse on the rocky point before winter.", "A"),
        ("Volunteers repainted the beacon on the rocky point before winter.", "B"),
        ("The growers repaired the tractor in the old shed before winter.", "C"),
        ("Officials counted the boats in the marina after the regatta ended.", "D"),
        ("Children played football in the park after the school closed.", "E"),
    ]
    profiles = [profile(make_ref(t, o, article=o)) for t, o in texts]
    monkeypatch.setattr(grouping, "RELATED_BONUS", 0.0)
    plain = grouping.similarity_matrix(profiles, related=rel)
    monkeypatch.setattr(grouping, "RELATED_BONUS", 0.5)
    monkeypatch.setattr(grouping, "RELATED_PAIR_MIN", 0.5)
    soft = grouping.similarity_matrix(profiles, related=rel)
    # lighthouse / beacon are learned as related: that pair gains, the pair with the tractor does not
    assert soft[0, 1] > plain[0, 1] + 0.05
    assert soft[0, 2] == pytest.approx(plain[0, 2], abs=1e-6)
    assert soft[3, 4] == pytest.approx(plain[3, 4], abs=1e-6)
    # without related words the bonus changes nothing
    assert np.allclose(grouping.similarity_matrix(profiles, related=None), plain)


def test_passages_are_learned_in_article_order_whatever_order_the_store_holds_them() -> None:
    import json
    import sqlite3
    from types import SimpleNamespace

    from desk.compare.related import store_passages

    def store(rows: list[tuple[str, str]]) -> SimpleNamespace:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE articles (aid TEXT, text TEXT, doc TEXT, indexed INTEGER)")
        for aid, text in rows:  # a parallel build stores articles as its readers finish
            db.execute("INSERT INTO articles VALUES (?,?,?,1)",
                       (aid, text, json.dumps({"passages": [[0, 0, len(text)]]})))
        return SimpleNamespace(db=db)

    rows = [("b2", "Second story."), ("a1", "First story."), ("c3", "Third story.")]
    assert list(store_passages(store(rows))) == list(store_passages(store(rows[::-1]))) == [
        "First story.", "Second story.", "Third story."]


def test_the_model_depends_on_the_passages_not_their_order_and_a_new_passage_moves_only_its_words() -> None:
    rng = random.Random(5)
    passages = _paragraphs(_HARBOUR, 30, rng) + _paragraphs(_FARM, 30, rng)
    one = related.learn(passages, min_df=3, max_share=1.0)
    other = related.learn(list(reversed(passages)), min_df=3, max_share=1.0)
    assert one is not None
    assert other is not None
    assert one.stems == other.stems  # numbered alphabetically, whatever the order
    assert np.allclose(one.strengths(one.stems), other.strengths(other.stems), atol=1e-6)
    for st in one.stems:
        mine, theirs = one.related(st, k=4, min_strength=0.0), other.related(st, k=4, min_strength=0.0)
        assert [w for w, _ in mine] == [w for w, _ in theirs]  # ties go to the alphabetically first
        assert [x for _, x in mine] == pytest.approx([x for _, x in theirs], abs=1e-9)
    # an article about the farm leaves the harbour's words exactly as they were ...
    grown = related.learn([*passages, "The tractor crossed the orchard and the barn before the harvest."],
                          min_df=3, max_share=1.0)
    assert grown is not None
    harbour = [stem(w) for w in ("lighthouse", "beacon", "keeper", "sailors", "cliff")]
    assert np.allclose(one.strengths(harbour), grown.strengths(harbour), atol=1e-6)
    # ... and moves the farm's
    farm = [stem(w) for w in ("tractor", "barn")]
    assert not np.allclose(one.strengths(farm), grown.strengths(farm), atol=1e-6)


def _cosine_by_hand(passages: list[set[str]], a: str, b: str) -> float:
    """The cosine of two words' passage columns, each passage weighted 1 / sqrt(its number of words)."""
    dot = sum(1.0 / len(p) for p in passages if a in p and b in p)
    na = sum(1.0 / len(p) for p in passages if a in p) ** 0.5
    nb = sum(1.0 / len(p) for p in passages if b in p) ** 0.5
    return dot / (na * nb)


def test_strengths_are_the_exact_cosines_of_the_passages_the_words_share_whatever_the_seed() -> None:
    # words that share some passages and not others (no two of them share a stem)
    rng = random.Random(9)
    vocabulary = ["kettle", "lantern", "saddle", "harbor", "meadow", "pillow", "quarry", "ribbon", "walrus", "zither"]
    passages = [set(rng.sample(vocabulary, rng.randint(2, 6))) for _ in range(80)]
    rel = related.learn([" ".join(sorted(p)) + "." for p in passages], min_df=1, max_share=1.0)
    assert rel is not None
    stems_ = [stem(w) for w in vocabulary]
    assert len(set(stems_)) == len(vocabulary)
    strength = rel.strengths(stems_)
    for i, a in enumerate(vocabulary):
        for j, b in enumerate(vocabulary):
            want = 0.0 if i == j else _cosine_by_hand(passages, a, b)
            assert strength[i, j] == pytest.approx(want, abs=1e-5)
    # related() reads the same cosines, strongest first, and learning again gives the very same answer
    top = rel.related(stem("kettle"), k=3, min_strength=0.0)
    by_hand = sorted(((stem(w), _cosine_by_hand(passages, "kettle", w)) for w in vocabulary if w != "kettle"),
                     key=lambda t: (-t[1], t[0]))[:3]
    assert [w for w, _ in top] == [w for w, _ in by_hand]
    assert [rel.word(st) for st, _ in top] == [vocabulary[stems_.index(st)] for st, _ in top]
    assert [x for _, x in top] == pytest.approx([x for _, x in by_hand], abs=1e-9)
    again = related.learn([" ".join(sorted(p)) + "." for p in passages], min_df=1, max_share=1.0)
    assert again is not None
    assert again.related(stem("kettle"), k=3, min_strength=0.0) == top
    # a word asked twice and a word the folder lacks
    pair = rel.strengths([stem("kettle"), stem("kettle"), "zzzunknown"])
    assert pair[0, 1] == pytest.approx(1.0, abs=1e-6)
    assert pair[0, 2] == 0.0
    assert pair[2, 0] == 0.0


def test_a_vocabulary_beyond_sixteen_bits_keeps_its_stems_apart() -> None:
    # stem numbers above 65,535 (sorted as 32-bit keys): 70,000 and 4,464 must not be confused
    names = [f"w{i:06d}" for i in range(70_001)]
    rel = related.Related(names, names, np.array([70_000, 0, 70_000, 0, 4_464], dtype=np.int32),
                          np.array([2, 2, 1], dtype=np.int32))
    assert rel.related("w070000", k=2, min_strength=0.0)[0] == ("w000000", pytest.approx(1.0))
    assert [w for w, _ in rel.related("w004464", k=3, min_strength=0.01)] == []
    assert rel.strengths(["w000000", "w070000", "w004464"])[0, 1] == pytest.approx(1.0)


def test_a_query_word_is_never_widened_with_another_word_of_the_same_query(folder: Path) -> None:
    # "lighthouse" and "beacon" always meet, so each is the other's strongest related word; widening
    # "lighthouse beacon" with them would turn it into "lighthouse OR beacon"
    _write(folder, "signal.md", "Cape Gazette",
           ["Fishermen said the beacon on the headland failed twice during the storm last winter."])
    with Library(folder, data_dir=folder.parent / "data") as lib:
        lib.update(extract=False)
        assert "beacon" in retrieve.related_alternatives(lib, "lighthouse")
        assert "beacon" not in retrieve.related_alternatives(lib, "lighthouse", ["lighthouse", "beacon"])
        assert "lighthouse" not in retrieve.related_alternatives(lib, "Beacon", ["Lighthouse", "Beacon"])
        ranked = retrieve.ranked_passages(lib, "lighthouse beacon", (), None, None)
        assert ranked
        found = {Path(lib.article(c.article_id).path).name for c in ranked}
        assert "signal.md" not in found  # it names the beacon alone
        assert any(name.startswith("harbour") for name in found)


def test_the_first_lookups_scan_and_give_what_the_sorted_index_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    rel = related.learn(_paragraphs(_HARBOUR, 30, rng) + _paragraphs(_FARM, 30, rng), min_df=3, max_share=0.6)
    assert rel is not None
    again = related.Related(rel.stems, rel.words, rel.unit_stems, rel.unit_sizes, rel.key)
    monkeypatch.setattr(related, "SCANS_BEFORE_INDEX", 2)
    asked = [stem(w) for w in ("lighthouse", "orchard", "beacon", "tractor", "harbour")]
    scanned = [again.related(s, k=4, min_strength=0.0) for s in asked[:2]]
    # a process that looks up a query's few words never sorts the incidences by stem
    assert "_by_stem" not in again.__dict__
    assert again._scans == 2
    later = [again.related(s, k=4, min_strength=0.0) for s in asked[2:]]
    assert "_by_stem" in again.__dict__  # then it sorts them once for every later lookup
    assert scanned + later == [rel.related(s, k=4, min_strength=0.0) for s in asked]
    assert scanned[0]
    assert later[0]
