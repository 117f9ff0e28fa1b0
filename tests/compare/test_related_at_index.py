"""Related words are learned by the index run that changes the folder, not by the first comparison after it
(desk.library.Library.update, desk.compare.related.learn); on passages written for these tests."""

from __future__ import annotations

import random
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from desk.compare import related
from desk.compare.tokens import stem
from desk.library import Library

_WORDS = [
    "harbour", "harbours", "ferry", "ferries", "beacon", "beacons", "lantern", "lanterns", "keeper", "keepers",
    "orchard", "orchards", "tractor", "tractors", "harvest", "harvested", "harvesting", "barn", "barns", "apple",
    "apples", "meadow", "meadows", "shepherd", "shepherds", "drifted", "drifting", "anchored", "anchoring", "café",
    "über", "naïve", "quay", "quays", "gravel", "copper", "velvet", "amber",
]


def _sentences(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 12))]
        out.append(("The " + " and the ".join(words) + ".").capitalize())
    return out


def _reference(passages: list[str], min_df: int, max_share: float) -> tuple[list[str], list[str], list[set[str]]]:
    """What learning means, written plainly: the kept stems (alphabetical), the commonest word of each (ties:
    the alphabetically last) and each passage's kept stems."""
    per: list[set[str]] = []
    word_df: Counter[str] = Counter()
    for text in passages:
        words = related.passage_words(text)
        if words:
            word_df.update(words)
            per.append({stem(w) for w in words})
    df = Counter(st for stems in per for st in stems)
    top = max(min_df, int(max_share * len(per)))
    kept = sorted(st for st, n in df.items() if min_df <= n <= top)
    best = {st: max((n, w) for w, n in word_df.items() if stem(w) == st)[1] for st in kept}
    return kept, [best[st] for st in kept], [{st for st in stems if st in best} for stems in per]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_learning_gives_each_passage_its_stems_and_each_stem_its_commonest_word(seed: int) -> None:
    rng = random.Random(seed)
    passages = _sentences(rng, 400) + ["", "42 17", "the and of"]  # passages without a content word hold none
    rng.shuffle(passages)
    rel = related.learn(passages, min_df=3, max_share=0.5)
    assert rel is not None
    stems, words, per = _reference(passages, 3, 0.5)
    assert rel.stems == stems
    assert rel.words == words
    starts = np.concatenate([[0], np.cumsum(rel.unit_sizes)])
    got = [{rel.stems[j] for j in rel.unit_stems[starts[i]:starts[i + 1]]} for i in range(len(rel.unit_sizes))]
    assert got == [p for p in per if p]
    # each passage's stems in column order, each once
    for i in range(len(rel.unit_sizes)):
        part = rel.unit_stems[starts[i]:starts[i + 1]]
        assert (np.diff(part) > 0).all()


def test_learning_stops_when_cancelled() -> None:
    passages = _sentences(random.Random(4), 5000)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1

    assert related.learn(passages, min_df=3, max_share=0.5, cancelled=cancelled) is None
    assert len(asked) == 2  # asked at the start and once more, after a block of passages


def _folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    rng = random.Random(9)
    for i in range(12):
        body = "\n\n".join(_sentences(rng, 6))
        (f / f"note{i}.md").write_text(
            f'---\ntitle: "Note {i}"\nsite: "Desk {i % 3}"\npublished: "2021-05-04"\n---\n\n{body}\n', encoding="utf-8"
        )
    return f


@pytest.fixture(autouse=True)
def _small(monkeypatch: pytest.MonkeyPatch) -> None:
    related._MEMO.clear()
    monkeypatch.setattr(related, "MAX_SHARE", 0.9)
    monkeypatch.setattr(related, "MIN_PASSAGES", 20)


def _no_learning(*_a: object, **_k: object) -> None:
    raise AssertionError("learned again")


def test_the_index_run_learns_them_and_a_later_process_only_loads_them(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    messages: list[str] = []
    with Library(folder, data_dir=data) as lib:
        lib.update(lambda _d, _t, m="": messages.append(m), extract=False)
        assert "learning related words" in messages
        assert related.cached(lib.store, lib.library_dir)
    related._MEMO.clear()
    monkeypatch.setattr(related, "learn", _no_learning)
    with Library(folder, data_dir=data) as fresh:  # a new process: the file, not learning
        rel = fresh.related_words()
    assert rel is not None
    assert "harbour" in rel.stems


def test_an_unchanged_folder_is_not_learned_again_and_a_missing_file_is(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        cache = lib.library_dir / related.CACHE_NAME
        saved = cache.stat().st_mtime_ns
    related._MEMO.clear()
    with monkeypatch.context() as m:
        m.setattr(related, "learn", _no_learning)
        with Library(folder, data_dir=data) as lib:
            report = lib.update(extract=False)
        assert report.unchanged == 12
    assert cache.stat().st_mtime_ns == saved
    cache.unlink()
    related._MEMO.clear()
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        assert related.cached(lib.store, lib.library_dir)


def test_cancelling_while_learning_leaves_no_file_and_the_run_cancelled(tmp_path: Path) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    state = {"learning": False}

    def progress(_d: int, _t: int, message: str = "") -> None:
        if message == "learning related words":
            state["learning"] = True

    with Library(folder, data_dir=data) as lib:
        # (without pass 2 the learning runs in the run's own thread, and says so)
        report = lib.update(progress, lambda: state["learning"], extract=False)
        assert report.cancelled
        assert not (lib.library_dir / related.CACHE_NAME).exists()
        # the first comparison's call learns them as before
        state["learning"] = False
        assert lib.related_words() is not None
        assert related.cached(lib.store, lib.library_dir)


def test_a_failure_while_learning_leaves_the_index_run_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("a bug in learning")

    monkeypatch.setattr(related, "learn", broken)
    with Library(folder, data_dir=data) as lib:
        report = lib.update(extract=False)
        assert report.added == 12
        assert not report.cancelled
        assert lib.search("harbour").hits  # the index is there and searchable


def test_beside_pass_2_they_are_learned_on_a_thread_of_their_own(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    where: list[str] = []
    learn = related.learn

    def spy(*a: object, **k: object) -> object:
        where.append(threading.current_thread().name)
        return learn(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(related, "learn", spy)
    with Library(folder, data_dir=data) as lib:
        report = lib.update(extract=True)
        assert related.cached(lib.store, lib.library_dir)
        assert report.pending_extraction == 0
    assert where == ["desk-related-words"]
    assert not any(t.name == "desk-related-words" for t in threading.enumerate())  # joined before update returned


def test_cancelling_while_learning_beside_pass_2_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, data = _folder(tmp_path), tmp_path / "data"
    state = {"learning": False}
    learn = related.learn

    def spy(*a: object, **k: object) -> object:
        state["learning"] = True  # the cancel comes once the learning has begun
        return learn(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(related, "learn", spy)
    with Library(folder, data_dir=data) as lib:
        report = lib.update(cancelled=lambda: state["learning"], extract=True)
        assert report.cancelled
        assert not (lib.library_dir / related.CACHE_NAME).exists()
    assert not any(t.name == "desk-related-words" for t in threading.enumerate())
