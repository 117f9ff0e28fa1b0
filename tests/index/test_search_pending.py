"""Library.search counts pending articles only when the store changed, and never reports a stale count."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk.library import STORE_NAME, Library


def _write(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f'---\ntitle: "{name}"\nsite: "Test Gazette"\n---\n\n{body}\n', encoding="utf-8")


def test_pending_count_follows_every_writer(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(4):
        _write(folder, f"a{i}.md", f"The grain deal number {i} was signed in Istanbul.")
    with Library(folder) as lib:
        lib.update(extract=False)
        counted: list[int] = []
        original = lib.store.pending_extraction

        def counting() -> int:
            counted.append(1)
            return original()

        monkeypatch.setattr(lib.store, "pending_extraction", counting)
        assert lib.search("grain").pending_extraction == 4
        assert lib.search("grain").pending_extraction == 4
        assert lib.search("istanbul").pending_extraction == 4
        assert len(counted) == 1  # nothing changed: counted once

        # another connection (another process, say the GUI's indexer) commits
        other = sqlite3.connect(str(lib.library_dir / STORE_NAME))
        with other:
            other.execute("UPDATE articles SET extracted=1 WHERE relpath LIKE 'a0%'")
        other.close()
        assert lib.search("grain").pending_extraction == 3
        assert len(counted) == 2

        # this thread's own connection writes
        with lib.store.db as db:
            db.execute("UPDATE articles SET extracted=1 WHERE relpath LIKE 'a1%'")
        assert lib.search("grain").pending_extraction == 2
        assert lib.search("grain").pending_extraction == 2
        assert len(counted) == 3
        assert lib.pending_extraction() == 2
