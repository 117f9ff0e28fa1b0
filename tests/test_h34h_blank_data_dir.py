"""Session h34h: ``DESK_DATA_DIR="   "`` (white space only) made a data folder named three spaces in the
current directory, where an empty ``DESK_DATA_DIR`` means the default folder and ``--data-dir "   "`` is
refused.  White space only is now unset, as empty is."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli, paths


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_a_blank_environment_data_dir_is_unset(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_DATA_DIR, value)
    assert paths.chosen_data_dir() is None


def test_a_named_one_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "d"))
    assert paths.chosen_data_dir() == tmp_path / "d"


def test_desk_makes_no_blank_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("The lock keeper said 6 barges waited at the weir.\n", encoding="utf-8")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv(paths.ENV_DATA_DIR, "   ")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert cli.main(["index", str(f), "--no-extract"]) == 0
    assert list(work.iterdir()) == []
