"""Session h31h: the smoke test's core steps fail on figures and claimants that were not found, not
on a note about how a file was read (a date the front matter gives that does not exist), which it
used to word as "figures and claimants were not extracted: a.md: date ... could not be read"."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.gui import smoke

STORY = "The harbour office said {n} fishing boats stayed in port on Friday, the mayor said. Crews waited for the storm.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.md").write_text("---\ntitle: Boats in port\ndate: 2031-04-02\n---\n" + STORY.format(n=31))
    (folder / "bad-date.md").write_text("---\ntitle: Storm week\ndate: 2031-14-40\n---\n" + STORY.format(n=33))
    return folder


def test_a_note_on_a_field_is_not_a_failed_extraction(tmp_path: Path) -> None:
    query, summary = smoke._core_steps(_folder(tmp_path), tmp_path / "data")
    assert query
    assert "1 notes: see desk index" in summary[0]


def test_a_failed_extraction_still_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desk.extract

    def broken(*_a: object, **_k: object) -> object:
        raise OSError("no model")

    monkeypatch.setattr(desk.extract, "extract_articles", broken)
    monkeypatch.setattr(desk.extract, "extract_article", broken)
    with pytest.raises(smoke.SmokeFailure, match="figures and claimants were not extracted: .*no model"):
        smoke._core_steps(_folder(tmp_path), tmp_path / "data")


def test_an_empty_smoke_test_folder_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    from desk.gui.app import parse_args

    with pytest.raises(SystemExit) as exc:
        parse_args(["--smoke-test", ""])
    assert exc.value.code == 2
    assert "it is empty: name the folder of articles" in capsys.readouterr().err
