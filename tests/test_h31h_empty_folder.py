"""Session h31h: an empty FOLDER argument (an unset shell variable: ``desk index "$DIR"``) is refused
with a sentence; it indexed the current directory, whatever it held, and exited 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli


@pytest.mark.parametrize("argv", [["index", ""], ["search", " ", "boats"], ["articles", ""], ["claims", ""],
                                  ["aliases", ""], ["compare", "", "boats"], ["timeline", "", "boats"]])
def test_an_empty_folder_is_refused(argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Storm\n\nThe harbour office said 31 boats stayed in port.\n", encoding="utf-8")
    assert cli.main([*argv, "--data-dir", str(tmp_path / "data")]) == 2
    assert "argument FOLDER: it is empty: name the folder of articles" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()  # nothing was indexed


@pytest.mark.parametrize("command", ["search", "compare", "timeline"])
def test_since_after_until_is_said(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It found nothing and said only that no passage matched."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm\n\nThe harbour office said 31 boats stayed in port.\n", encoding="utf-8")
    argv = [command, str(folder), "boats", "--since", "2023-01-01", "--until", "2022-12-31"]
    assert cli.main([*argv, "--data-dir", str(tmp_path / "data")]) == 2
    assert "--since 2023-01-01 is after --until 2022-12-31: no date lies between them." in capsys.readouterr().err
