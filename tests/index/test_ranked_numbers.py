"""Ranked candidates name the passage numbers of their documents (read from the passage-number column)."""

from __future__ import annotations

from pathlib import Path

from desk.library import Library


def _write(folder: Path, name: str, paragraphs: list[str]) -> None:
    (folder / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def test_ranked_passages_carry_each_documents_own_number_across_segments(tmp_path: Path) -> None:
    folder = tmp_path / "coast"
    folder.mkdir()
    _write(folder, "gulls.txt", ["Gull counts", "The wardens counted gulls on the cliffs.",
                                 "Lighthouse keepers kept a log.", "More gulls nested near the lighthouse."])
    data = tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update()
    # a second article indexed later: its documents live in another segment, numbered after the first
    _write(folder, "terns.txt", ["Tern season", "Terns arrived early.", "Fishermen said nothing.",
                                 "Wardens saw gulls chase the terns.", "The gulls left by night."])
    with Library(folder, data_dir=data) as lib:
        lib.update()
        found = lib.ranked_passages("gulls", ["gulls"], depth=20)
        assert found is not None
        got = {(aid, number) for aid, number, _score in found}
        want = set()
        for meta in lib.articles():
            article = lib.article(meta.id)
            for p in article.passages:
                if "gull" in article.text[p.start:p.end].lower():  # the index stems "gulls" to "gull"
                    want.add((article.id, p.number))
        assert len(want) == 5  # the heading "Gull counts" too
        assert got == want
        for aid, number in got:
            assert "gull" in lib.passage(aid, number).text.lower()
