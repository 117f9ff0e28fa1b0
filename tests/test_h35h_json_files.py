"""Session h35h: desk's own JSON files (claimant aliases, row notes) nested thousands deep.

``read_json`` turned every way such a file can be unusable into one sentence, but arrays or objects
nested some thousands deep make Python's decoder raise RecursionError, which it let through: every
alias command, and every `desk compare` of a folder with such a notes file, ended in "internal error"
(the comparison was not printed, though a damaged notes file is to be reported and passed over).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.errors import DeskError
from desk.jsonfile import read_json
from desk.library import Library

DEEP_ARRAY = "[" * 100_000 + "]" * 100_000
DEEP_OBJECT = '{"a":' * 100_000 + "1" + "}" * 100_000


@pytest.mark.parametrize("text", [DEEP_ARRAY, DEEP_OBJECT])
def test_read_json_names_a_file_nested_too_deep(tmp_path: Path, text: str) -> None:
    f = tmp_path / "x.json"
    f.write_text(text)
    with pytest.raises(DeskError, match="is damaged and cannot be read"):
        read_json(f, "test file", lambda v: v, hint="Delete it.")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Quay\n\nThe port office said 40 cranes stood idle at the berth on Friday.\n")
    (f / "b.txt").write_text("Berth\n\nA pilot said 41 cranes stood idle at the berth on Friday.\n")
    return f


def test_alias_commands_say_the_file_is_damaged(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        lib.aliases_path.write_text(DEEP_ARRAY)
    assert cli.main(["aliases", str(folder), "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "alias file" in err
    assert "damaged" in err
    assert "internal error" not in err


def test_compare_reports_the_notes_file_and_compares(folder: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
        lib.notes_path.write_text(DEEP_OBJECT)
    status = cli.main(["compare", str(folder), "cranes", "--data-dir", str(data)])
    out, err = capsys.readouterr()
    assert "internal error" not in err
    assert "damaged" in err
    assert status in (0, 1)
    assert "cranes" in out


def test_a_library_marker_nested_too_deep_is_refused_with_a_sentence(folder: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The marker desk writes beside an index (``desk-index.json``) says whose the directory is: one nested
    thousands deep was an internal error, where a damaged one is refused with a sentence."""
    data = tmp_path / "data"
    with Library(folder, data_dir=data) as lib:
        lib.update(extract=False)
    marker = next(data.rglob("desk-index.json"))
    marker.write_text(DEEP_ARRAY)
    assert cli.main(["search", str(folder), "cranes", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert "desk did not write" in err
