"""Session h33h: a file swapped between the reader's checks and its read.

The reader checked the name (the link's target inside the folder, a regular file) and then opened
the name again: a symbolic link out of the folder put in the file's place in between was followed
(its target's text indexed as the article), and a named pipe put there made ``open`` wait for a
writer, holding the text pass for good.  The checks are now made on the file opened.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from desk.corpus import FolderContext, Unreadable, read_article
from desk.corpus import reader as reader_mod

BODY = "Sluice\n\nThe lock keeper said 31 barges queued at the weir on Sunday.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "weir.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Secret\n\nThe vault code is 4412 and nobody should index it.\n",
                                         encoding="utf-8")
    return f


def _swap_after_the_check(monkeypatch: pytest.MonkeyPatch, path: Path, swap) -> None:  # type: ignore[no-untyped-def]
    """Put ``swap(path)`` in place right after the reader first resolved ``path``."""
    real_realpath = os.path.realpath
    done = []

    def realpath(p, *a, **k):  # type: ignore[no-untyped-def]
        out = real_realpath(p, *a, **k)
        if os.fspath(p) == os.fspath(path) and not done:
            done.append(True)
            path.unlink()
            swap(path)
        return out

    monkeypatch.setattr(reader_mod.os.path, "realpath", realpath)


def test_a_link_out_swapped_in_after_the_check_is_not_followed(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "weir.txt"
    _swap_after_the_check(monkeypatch, target, lambda p: os.symlink(folder.parent / "secret.txt", p))
    with pytest.raises(Unreadable, match="outside the article folder"):
        read_article(target, folder, FolderContext.load(folder))


def test_a_named_pipe_swapped_in_never_holds_the_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipe is put in place at the last look at the name before the file is opened (the old
    reader's ``os.path.isfile``); whatever the reader reads then, it must come back at once."""
    target = folder / "weir.txt"
    real_isfile = os.path.isfile
    done: list[bool] = []

    def isfile(p):  # type: ignore[no-untyped-def]
        out = real_isfile(p)
        if os.fspath(p) == os.fspath(target) and not done:
            done.append(True)
            target.unlink()
            os.mkfifo(target)
        return out

    monkeypatch.setattr(reader_mod.os.path, "isfile", isfile)
    outcome: list[object] = []

    def read() -> None:
        try:
            outcome.append(read_article(target, folder, FolderContext.load(folder)))
        except Unreadable as exc:
            outcome.append(exc)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # unblock the reader, which waits for a writer
        with open(target, "wb"):
            pass
        t.join(5)
        pytest.fail("reading waited on a named pipe")
    assert outcome


def test_a_named_pipe_is_refused_at_once(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    with pytest.raises(Unreadable, match="not a regular file"):
        read_article(folder / "pipe.txt", folder, FolderContext.load(folder))


def test_a_plain_file_still_reads(folder: Path) -> None:
    article = read_article(folder / "weir.txt", folder, FolderContext.load(folder))
    assert "31 barges" in article.text
