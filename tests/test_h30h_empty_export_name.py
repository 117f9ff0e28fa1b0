"""An empty export file name is refused with a sentence (session h30h).

``desk compare F Q --markdown ""`` printed the rows to the terminal and wrote nothing, and said
nothing about it: an empty name was taken for no option (``timeline --svg ""`` / ``--png ""`` too).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "F", "grain", "--markdown", ""],
        ["compare", "F", "grain", "--markdown", "  "],
        ["collate", "a.txt", "b.txt", "--markdown", ""],
        ["timeline", "F", "grain", "--svg", ""],
        ["timeline", "F", "grain", "--png", ""],
    ],
)
def test_an_empty_target_is_refused_before_any_work(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(tmp_path) if a == "F" else a for a in argv]
    assert cli.main([*argv, "--data-dir", str(tmp_path / "data")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "it is empty: name the file to write" in err
    assert not (tmp_path / "data").exists()  # refused before any index was opened
