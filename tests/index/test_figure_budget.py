"""A file that is a table of numbers is read in bounded time: at most FIGURE_BUDGET figures per text,
said in the index's problems, and no attribution pattern is tried on a row that holds no word."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import desk.extract.claimants as claimants
from desk.extract import extract
from desk.extract.figures import FIGURE_BUDGET, find_figures
from desk.library import Library


def _table(rows: int, columns: int = 12, seed: int = 5) -> str:
    rnd = random.Random(seed)
    return "\n".join(" ".join(f"{rnd.randint(1, 99_999):>6}" for _ in range(columns)) for _ in range(rows))


def test_find_figures_stops_at_its_limit() -> None:
    text = _table(40)  # 480 numbers
    every = find_figures(text)
    assert len(every) > 400
    first = find_figures(text, limit=100)
    assert [(f.start, f.value) for f in first] == [(f.start, f.value) for f in every[:100]]


def test_extraction_reads_at_most_the_budget() -> None:
    text = "Quarterly counts by district.\n\n" + _table(FIGURE_BUDGET // 12 + 40)
    ext = extract(text, every=False)
    assert len(ext.claims) == FIGURE_BUDGET
    assert ext.claims[-1].figure.start < len(text) // 2 + len(text) // 3


class _Counting:
    """A compiled pattern's search, recording what it was asked to search."""

    def __init__(self, pattern, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
        self.pattern = pattern
        self.seen = seen

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1):  # type: ignore[no-untyped-def]
        self.seen.append(text[pos:endpos])
        return self.pattern.search(text, pos, endpos)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.pattern, name)


@pytest.mark.parametrize("every", [False, True])
def test_no_cue_pattern_is_tried_on_a_row_of_numbers(monkeypatch: pytest.MonkeyPatch, every: bool) -> None:
    seen: list[str] = []
    monkeypatch.setattr(claimants, "SELECT_RE", _Counting(claimants.SELECT_RE, seen))
    text = (
        "The harbour master said 40 boats were damaged in the storm on Friday.\n\n"
        "  1204   3391    877\n  5512     17   9020\n\n"
        "Insurers said 12 claims had been filed by Monday."
    )
    ext = extract(text, every=every)
    assert seen  # the prose was searched
    assert not [s for s in seen if not any(ch.isalpha() for ch in s)], seen
    by_value = {c.figure.value: c.claimant for c in ext.claims}
    assert "harbour master" in by_value[40]
    assert by_value[12] == "Insurers"
    row_values = {3391, 877, 5512, 17, 9020}
    assert row_values & set(by_value)
    assert all(by_value[v] == "" for v in row_values & set(by_value))


def test_a_table_file_is_indexed_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "table.txt").write_text("District counts\n\n" + _table(FIGURE_BUDGET // 12 + 50) + "\n", encoding="utf-8")
    (folder / "story.md").write_text(
        '---\ntitle: "Storm"\nsite: "Harbour Times"\npublished: "2023-01-05"\n---\n\n'
        "The harbour master said 40 boats were damaged in the storm on Friday.\n",
        encoding="utf-8",
    )
    with Library(folder, data_dir=tmp_path / "data") as lib:
        report = lib.update(extract=True)
        notes = [p for p in report.problems if "table.txt" in p]
        assert len(notes) == 1, report.problems
        assert f"{FIGURE_BUDGET:,}" in notes[0]
        assert not [p for p in report.problems if "story.md" in p]
        ids = {a.relpath: a.id for a in lib.articles()}
        table = lib.extraction(ids["table.txt"])
        story = lib.extraction(ids["story.md"])
        assert table is not None
        assert len(table.claims) == FIGURE_BUDGET
        assert story is not None
        assert [(c.figure.value, c.claimant) for c in story.claims] == [(40, "harbour master")]
