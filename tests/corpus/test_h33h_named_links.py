"""Session h33h: one rule for a symbolic link, whichever command reads it.

Indexing judged a link by its own name (``note.txt`` -> ``memo.docx`` was read as the ``.txt`` it is
called) and never followed one out of the article folder; ``desk extract`` and ``desk collate``
resolved the name first, so they judged the same link by its target's name (refused as a ``.docx``),
read a link ``copy.docx`` to a ``.txt`` that indexing refuses, and followed a link out of the folder.  Both now read a named file through :func:`desk.corpus.read_named_file`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk import cli, corpus
from desk.model import Skipped

BODY = "Locks\n\nThe canal authority said 9 locks stayed shut on Monday after the frost.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "plain.txt").write_text(BODY, encoding="utf-8")
    (f / "memo.docx").write_text(BODY, encoding="utf-8")
    os.symlink("memo.docx", f / "note.txt")  # a .txt by its own name
    os.symlink("plain.txt", f / "copy.docx")  # a .docx by its own name
    away = tmp_path / "elsewhere"
    away.mkdir()
    (away / "outside.txt").write_text(BODY, encoding="utf-8")
    os.symlink(away / "outside.txt", f / "away.txt")
    return f


def _indexed_names(folder: Path) -> tuple[set[str], dict[str, str]]:
    read, skipped = set(), {}
    for item in corpus.scan(folder):
        if isinstance(item, Skipped):
            skipped[Path(item.path).name] = item.reason
        else:
            read.add(item.name)
    return read, skipped


def test_extract_reads_what_indexing_reads(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    read, skipped = _indexed_names(folder)
    assert read == {"plain.txt", "note.txt"}
    for name in ("note.txt", "copy.docx", "away.txt", "plain.txt"):
        code = cli.main(["extract", str(folder / name)])
        err = capsys.readouterr().err
        if name in read:
            assert code == 0, err
        else:
            assert code == 2
            assert skipped[name] in err  # the very reason the Problems panel gives


def test_a_link_out_of_the_folder_is_never_followed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(corpus.Unreadable, match="outside the article folder"):
        corpus.read_named_file(folder / "away.txt")
    assert cli.main(["collate", str(folder / "plain.txt"), str(folder / "away.txt")]) == 2
    assert "outside the article folder" in capsys.readouterr().err


def test_a_named_link_keeps_its_own_name(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    article = corpus.read_named_file(Path("note.txt"))
    assert article.relpath == "note.txt"
    assert Path(article.path).name == "note.txt"
