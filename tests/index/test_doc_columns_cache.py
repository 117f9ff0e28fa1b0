"""The doc-column cache beside the index: a new process reuses it, and a changed folder never reads a stale one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk import cli


def _article(folder: Path, name: str, outlet: str, body: str) -> None:
    (folder / name).write_text(
        f"Title: {name}\nOutlet: {outlet}\nDate: 2023-05-0{len(name) % 9 + 1}\n\n{body}\n", encoding="utf-8"
    )


def _compare(capsys: pytest.CaptureFixture[str], folder: Path, data: Path) -> str:
    code = cli.main(["compare", str(folder), "harbour cranes", "--json", "--data-dir", str(data)])
    out, _ = capsys.readouterr()
    assert code == 0
    json.loads(out)
    return out


def test_a_file_added_after_the_cache_was_written_is_compared(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    data = tmp_path / "data"
    _article(folder, "a.md", "Harbour Gazette", "Dock workers said 40 harbour cranes stood idle on Monday.")
    _article(folder, "b.md", "Coast Daily", "About 40 harbour cranes stood idle, the port authority said.")
    before = _compare(capsys, folder, data)
    caches = list(data.rglob("doc-columns.npz"))
    assert len(caches) == 1
    first = caches[0].read_bytes()
    _article(folder, "c.md", "River Herald", "Officials counted 40 harbour cranes idle at the northern docks.")
    after = _compare(capsys, folder, data)
    assert "River Herald" not in before
    assert "River Herald" in after
    # the cache was made again for the new snapshot, not read stale
    assert caches[0].read_bytes() != first
