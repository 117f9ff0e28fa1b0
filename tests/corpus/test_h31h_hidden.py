"""Session h31h: hidden files and folders are still not read, but listed with their reason (they
were passed over without a word, against "every file desk does not index is listed"); a hidden
folder is one entry, not entered, and desk's own data directory inside the folder is not listed."""

from __future__ import annotations

from pathlib import Path

from desk import cli
from desk.corpus import scan
from desk.model import Skipped

STORY = "The harbour office said 31 fishing boats stayed in port on Friday. Crews waited for the storm to pass.\n"


def test_hidden_entries_are_listed_not_read(tmp_path: Path) -> None:
    f = tmp_path / "articles"
    for rel in ["ok.txt", ".draft.md", ".git/HEAD.txt", ".git/objects/x.txt", "sub/.swap.txt", "sub/b.md"]:
        (f / rel).parent.mkdir(parents=True, exist_ok=True)
        (f / rel).write_text(STORY, encoding="utf-8")
    (f / ".data" / "index").mkdir(parents=True)
    items = list(scan(f, exclude=[f / ".data"]))
    files = [Path(p).relative_to(f).as_posix() for p in items if isinstance(p, Path)]
    refused = {Path(s.path).relative_to(f).as_posix(): s.reason for s in items if isinstance(s, Skipped)}
    assert files == ["ok.txt", "sub/b.md"]
    assert refused == {
        ".draft.md": "hidden file (its name starts with a dot): not read",
        ".git": "hidden folder (its name starts with a dot): not read",
        "sub/.swap.txt": "hidden file (its name starts with a dot): not read",
    }


def test_desk_index_lists_a_hidden_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "articles"
    f.mkdir()
    (f / "ok.txt").write_text(STORY, encoding="utf-8")
    (f / ".draft.txt").write_text(STORY, encoding="utf-8")
    assert cli.main(["index", str(f), "--no-extract", "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert "1 added" in out
    assert "1 skipped" in out
    assert ".draft.txt" in out
    assert "hidden file" in out
