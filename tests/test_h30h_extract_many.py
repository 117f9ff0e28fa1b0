"""``desk extract A B C`` with one bad file among them: the others are still read (session h30h).

The first file desk could not read ended the command: the files after it were never read, and
with --json nothing was printed at all, not even the files read before it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desk import cli

TEXT = "Kestrels\n\nRangers at Oswin Fell said 8 kestrels fledged on Monday.\n"


def _files(tmp_path: Path) -> list[str]:
    first, last = tmp_path / "first.txt", tmp_path / "last.txt"
    first.write_text(TEXT, encoding="utf-8")
    last.write_text(TEXT.replace("8", "11"), encoding="utf-8")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    return [str(first), str(pipe), str(tmp_path / "missing.txt"), str(last)]


def test_every_readable_file_is_extracted_and_each_bad_one_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = _files(tmp_path)
    assert cli.main(["extract", *names]) == 2
    out, err = capsys.readouterr()
    assert f"== {names[0]}" in out
    assert f"== {names[3]}" in out
    assert "'11'" in out
    assert "pipe.txt is not a regular file" in err
    assert "missing.txt does not exist" in err
    assert "Traceback" not in err


def test_json_lists_each_file_with_its_figures_or_its_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = _files(tmp_path)
    assert cli.main(["extract", "--json", *names]) == 2
    items = json.loads(capsys.readouterr().out)
    assert [item["path"] for item in items] == names
    assert [f["value"] for f in items[3]["figures"]] == [11]
    assert "not a regular file" in items[1]["error"]
    assert "does not exist" in items[2]["error"]
    assert "figures" not in items[1]


def test_one_bad_file_alone_still_says_only_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["extract", "--json", str(tmp_path / "missing.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "does not exist" in err
