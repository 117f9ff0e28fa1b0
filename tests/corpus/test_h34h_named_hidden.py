"""Session h34h: ``desk extract .draft.txt`` (and ``desk collate``) read a file that indexing lists as
hidden and never reads. A file named on the command line is now held to the scan's rule, with the
scan's own sentence, through :func:`desk.corpus.read_named_file`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desk import cli, corpus
from desk.model import Skipped

BODY = "Ferries\n\nThe port captain said 14 ferries were held at the quay on Sunday until the wind fell.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "kept.txt").write_text(BODY, encoding="utf-8")
    (f / ".draft.txt").write_text(BODY, encoding="utf-8")
    os.symlink(".draft.txt", f / "alias.txt")  # a visible name for a hidden file: indexing reads it
    return f


def test_extract_refuses_a_hidden_file_as_indexing_does(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reasons = {Path(s.path).name: s.reason for s in corpus.scan(folder) if isinstance(s, Skipped)}
    assert cli.main(["extract", str(folder / ".draft.txt")]) == 2
    err = capsys.readouterr().err
    assert reasons[".draft.txt"] in err
    with pytest.raises(corpus.Unreadable):
        corpus.read_named_file(folder / ".draft.txt")


def test_collate_refuses_a_hidden_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["collate", str(folder / "kept.txt"), str(folder / ".draft.txt")]) == 2
    assert "hidden file" in capsys.readouterr().err


def test_a_visible_link_to_it_is_read_as_indexing_reads_it(folder: Path) -> None:
    read = {p.name for p in corpus.scan(folder) if isinstance(p, Path)}
    assert "alias.txt" in read
    assert corpus.read_named_file(folder / "alias.txt").title
