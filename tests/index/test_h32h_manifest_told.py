"""Session h32h: a broken manifest added to a folder already indexed was stored as a problem (``desk
articles`` listed it) but ``desk index`` said "0 skipped" and named nothing, since the run read no
article; the scan's own refusals are told on every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("desk.csv", "file,outlet\na.txt,\"" + "q" * 140_000 + "\"\n", "manifest ignored: invalid CSV"),
    ("desk.json", "[" * 50_000 + "]" * 50_000, "manifest ignored: invalid JSON"),
])
def test_a_bad_manifest_added_later_is_told_by_desk_index(name: str, text: str, reason: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Quay\n\nThe port office said 12 barges waited at the quay.\n", encoding="utf-8")
    data = str(tmp_path / "d")
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", data]) == 0
    capsys.readouterr()
    (folder / name).write_text(text, encoding="utf-8")
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "1 unchanged, 1 skipped" in out
    assert f"skipped {folder / name}: {reason}" in out
    # and again on the next run, as the scan's refusals are
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", data, "--json"]) == 0
    assert reason in capsys.readouterr().out
