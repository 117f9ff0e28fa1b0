"""Session h31h: ``desk aliases --merge/--rename/--delete`` refuses, with a sentence, a name no
claimant of the folder has (a misspelling was stored, exit 0, and changed nothing), and a merge
into such a name (a rename in disguise); before the claimants are found it only says it cannot tell."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.library import Library


def write_harbour(tmp_path: Path) -> Path:
    """Two short articles with three claimants (the harbour office, Ana Roe, the Coast Guard); also the window's
    alias tests' folder (tests/gui/test_h32h_window.py)."""
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Storm\n\nThe harbour office said 31 fishing boats stayed in port on Friday, "
                             "mayor Ana Roe said.\n", encoding="utf-8")
    (f / "b.txt").write_text("Storm again\n\nAbout 40 boats stayed in port, according to the Coast Guard.\n",
                             encoding="utf-8")
    return f


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_harbour(tmp_path)


def _aliases(capsys: pytest.CaptureFixture[str], folder: Path, data: Path, *args: str) -> tuple[int, str]:
    code = cli.main(["aliases", str(folder), "--data-dir", str(data), *args])
    return code, capsys.readouterr().err


def test_an_alias_for_a_name_no_claimant_has_is_refused(folder: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    assert cli.main(["index", str(folder), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    code, err = _aliases(capsys, folder, data, "--merge", "Ana Rou", "Coast Guard")
    assert code == 2
    assert "No claimant is called \u201cAna Rou\u201d in this folder" in err
    code, err = _aliases(capsys, folder, data, "--merge", "Ana Roe", "Coast Gard")
    assert code == 2
    assert "No claimant is called \u201cCoast Gard\u201d" in err
    assert "--rename" in err
    code, err = _aliases(capsys, folder, data, "--delete", "\x1b[2JNobody")
    assert code == 2
    assert "\\x1b[2JNobody" in err
    assert "\x1b" not in err
    code, err = _aliases(capsys, folder, data, "--rename", "Nobody", "Somebody")
    assert code == 2
    with Library(folder, data_dir=data) as lib:
        assert lib.alias_entries() == []  # nothing was stored
    # names as the folder writes them, in another case or with a title, are claimants
    assert _aliases(capsys, folder, data, "--merge", "Mayor ANA ROE", "the coast guard")[0] == 0
    assert _aliases(capsys, folder, data, "--rename", "Coast Guard", "Coastguard")[0] == 0
    # and a name an alias gives is one too
    assert _aliases(capsys, folder, data, "--rename", "Coastguard", "Coast Guard of Pell")[0] == 0


def test_before_the_claimants_are_found_it_only_says_so(folder: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    assert cli.main(["index", str(folder), "--no-extract", "--data-dir", str(data)]) == 0
    capsys.readouterr()
    code, err = _aliases(capsys, folder, data, "--merge", "Ana Rou", "Ana Roe")
    assert code == 0
    assert "cannot tell yet" in err
