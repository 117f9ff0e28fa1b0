"""Pass 2 uses the figures pass 1 found in the same text, and stores exactly what finding them again gives."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

import desk.extract.figures as figures_mod
from desk.index import build, pools
from desk.library import Library
from desk.model import Article, Passage

_LINES = [
    "The harbour board said on Tuesday that {n} tonnes of herring were landed at the north quay.",
    "According to the ferry company, about {n} passengers crossed in the first five days of March.",
    "Mayor Ilse Varnhagen told reporters that repairs would cost {n} million crowns over two winters.",
    "Nobody at the grain exchange would confirm the figure of {n} bushels, a clerk said.",
    "More than {n} residents signed a petition against the new bridge, organisers said.",
    "The council's budget office estimated that {n} percent of the levy was never collected.",
]


def _folder(root: Path, n: int) -> Path:
    rnd = random.Random(5)
    folder = root / "articles"
    folder.mkdir(parents=True)
    for i in range(n):
        lines = [rnd.choice(_LINES).format(n=f"{rnd.randrange(2, 9000):,}") for _ in range(rnd.randrange(2, 6))]
        (folder / f"note{i:02d}.txt").write_text(f"Quay report {i}\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _stored(data: Path) -> list[tuple[object, ...]]:
    (db,) = data.glob("libraries/*/library.sqlite")
    with sqlite3.connect(db) as conn:
        rows = sorted(conn.execute("SELECT aid, extracted, extraction FROM articles"))
        rows += sorted(conn.execute("SELECT aid, number, name, 'claimant' FROM passage_claimants"))
    return rows


def _index(folder: Path, data: Path, problems: list[str]) -> list[tuple[object, ...]]:
    with Library(folder, data_dir=data) as lib:
        report = lib.update()
        problems.extend(report.problems)
    return _stored(data)


def test_known_figures_are_handed_out_once_and_only_for_the_same_text() -> None:
    text = "Officials said 40 boats and 1,200 crew were at sea."
    article = Article(id="a1", path="/x/a1.txt", relpath="a1.txt", title="t", outlet="o", date=None,
                      text=text, passages=[Passage(0, 0, len(text))])
    found = pools.found_figures(text)
    assert found is not None
    assert [f.text for f in found] == ["40", "1,200"]
    pools.WORKER.figures = {"a1": (pools.text_key(text), found), "a2": (pools.text_key(text), found)}
    try:
        assert pools.known_figures(article) is found
        assert pools.known_figures(article) is None  # handed out once
        other = Article(id="a2", path="/x/a2.txt", relpath="a2.txt", title="t", outlet="o", date=None,
                        text=text.replace("40", "41"), passages=[Passage(0, 0, len(text))])
        assert pools.known_figures(other) is None  # kept for another text: found again
    finally:
        pools.WORKER.figures = None
    assert pools.known_figures(article) is None  # nothing kept outside a pass 2


@pytest.mark.parametrize("count", [6, 40])  # pass 2 in this process; in forked workers
def test_pass_two_stores_the_same_with_pass_one_s_figures_and_never_looks_for_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    folder = _folder(tmp_path, count)
    problems: list[str] = []
    monkeypatch.setattr(build, "KEEP_FIGURES", 0)  # nothing kept: pass 2 finds every figure again
    again = _index(folder, tmp_path / "again", problems)
    monkeypatch.undo()

    real_extract_pass = build.Indexer.extract_pass
    kept: list[int] = []

    def extract_pass(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kept.append(len(self.found_figures))

        def no_finding(*a, **k):  # type: ignore[no-untyped-def]
            raise AssertionError("pass 2 looked for figures pass 1 had found")

        with monkeypatch.context() as m:  # forked workers inherit the patch
            m.setattr(figures_mod, "find_figures", no_finding)
            return real_extract_pass(self, *args, **kwargs)

    monkeypatch.setattr(build.Indexer, "extract_pass", extract_pass)
    reused = _index(folder, tmp_path / "reused", problems)
    assert kept == [count]
    assert problems == []
    assert reused == again
    assert sum(1 for r in reused if len(r) == 3 and r[1] == 1) == count  # every article extracted
    assert any("Varnhagen" in str(r) for r in reused)  # claimants found


def test_past_the_limit_the_rest_are_found_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, 6)
    monkeypatch.setattr(build, "KEEP_FIGURES", 5)
    seen: list[int] = []
    real_extract_pass = build.Indexer.extract_pass

    def extract_pass(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(sum(len(f) for _key, f in self.found_figures.values()))
        out = real_extract_pass(self, *args, **kwargs)
        seen.append(len(self.found_figures))
        return out

    monkeypatch.setattr(build.Indexer, "extract_pass", extract_pass)
    problems: list[str] = []
    limited = _index(folder, tmp_path / "limited", problems)
    monkeypatch.undo()
    assert 0 < seen[0] <= 5
    assert seen[1] == 0  # dropped once pass 2 has run
    assert limited == _index(folder, tmp_path / "plain", problems)
    assert problems == []
