"""Session h36h: the claimant aliases and row notes files on a full disk.

The index and the library store say "The disk is full: desk could not save ... in DIR" when the disk
refuses a write, as the README promises; the two small JSON files desk keeps beside them quoted the raw
errno instead ("The claimant alias file ... cannot be written ([Errno 28] No space left on device)").
The disk is filled by making every write of the JSON refuse with ENOSPC, as a full file system does.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from desk import cli, jsonfile
from desk.errors import DeskError, DiskFull
from desk.extract.aliases import AliasBook
from desk.library import Library
from desk.notes import NoteBook


def _full(*_args: Any, **_kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonfile.json, "dump", _full)


def test_notes_say_the_disk_is_full(tmp_path: Path, full_disk: None) -> None:
    book = NoteBook(tmp_path / "notes.json", {"a#1|b#2": "check the toll"})
    with pytest.raises(DiskFull) as caught:
        book.save()
    message = str(caught.value)
    assert message.startswith(f"The disk is full: desk could not save its row notes in {tmp_path}.")
    assert "Errno" not in message
    assert not list(tmp_path.glob(".notes-*")), "the temporary file is left behind"


def test_aliases_say_the_disk_is_full(tmp_path: Path, full_disk: None) -> None:
    book = AliasBook(tmp_path / "aliases.json")
    book.rename("Ana Roe", "Ana M. Roe")
    with pytest.raises(DiskFull) as caught:
        book.save()
    assert str(caught.value).startswith("The disk is full: desk could not save aliases.json in ")
    assert "Errno" not in str(caught.value)


def test_other_write_errors_keep_their_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(jsonfile.json, "dump", denied)
    with pytest.raises(DeskError, match="cannot be written") as caught:
        NoteBook(tmp_path / "notes.json", {"a#1": "x"}).save()
    assert not isinstance(caught.value, DiskFull)


def test_cli_alias_edit_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry\n\nThe harbour master Ana Roe said 12 ferries were held at the quay.\n")
    data = tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
    monkeypatch.setattr(jsonfile.json, "dump", _full)
    status = cli.main(["aliases", str(folder), "--data-dir", str(data), "--rename", "Ana Roe", "Ana M. Roe"])
    err = capsys.readouterr().err
    assert status == 2
    assert "The disk is full: desk could not save aliases.json in " in err
    assert "Errno" not in err
    assert "Traceback" not in err
