"""desk compare / desk collate on the command line (in-process through desk.cli.main)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main

SEED_002 = "002_deb6046db3def0e3.txt"
SEED_003 = "003_13562870ccd6eac6.txt"


def test_collate_prints_rows(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["collate", str(seeds / SEED_002), str(seeds / SEED_003)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Collation: ")
    assert "── Row 1 · " in out
    assert "only in one article" in out
    # the 6,000 passages are shown; Russia and the Kremlin giving one figure is no disagreement
    assert "6,000" in out
    assert "[≠6,000]" not in out


def test_collate_json(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["collate", "--json", str(seeds / SEED_002), str(seeds / SEED_003)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "collate"
    assert {r["kind"] for r in data["rows"]} >= {"match", "only"}


def test_collate_markdown_never_overwrites(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "c.md"
    args = ["collate", str(seeds / SEED_002), str(seeds / SEED_003), "--markdown", str(target)]
    assert main(args) == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Collation: ")
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "already exists" in err
    assert "--force" in err
    assert "Traceback" not in err
    assert main([*args, "--force"]) == 0


def test_collate_refuses_the_article_folder(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = seeds / "export.md"
    assert main(["collate", str(seeds / SEED_002), str(seeds / SEED_003), "--markdown", str(target)]) == 2
    assert "article folder" in capsys.readouterr().err
    assert not target.exists()


def test_collate_needs_two_files(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["collate", str(seeds / SEED_002)]) == 2
    assert "at least two" in capsys.readouterr().err
    assert main(["collate", str(seeds / SEED_002), str(seeds / "missing.txt")]) == 2


def test_compare_through_the_cli(seeds: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(seeds), "soldiers killed", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Comparison for 'soldiers killed'")
    assert "! figures or claimants disagree" in out
    assert "[≠14,000]" in out
    assert main(["compare", str(seeds), "soldiers killed", "--json", "--data-dir", str(data_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"][0]["disagreement"] is True
    assert main(["compare", str(seeds), "title:(", "--data-dir", str(data_dir)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_citation_names_the_file_only_when_it_says_more_than_title_and_date() -> None:
    from dataclasses import replace

    from desk.compare.render import file_tells_more, render_row
    from desk.model import Row

    from .helpers import make_ref

    ref = make_ref("The dam burst its banks on Sunday.", "Outlet A")
    named = replace(ref, title="Dam Bursts Its Banks: Villages Flooded", relpath="2031-05-02 Dam Bursts Its Banks.md")
    other = replace(ref, title="Dam Bursts Its Banks", relpath="river/notes-0042.md")
    assert not file_tells_more(named)  # the title's start, after the date the folder put first
    assert file_tells_more(other)
    cut = replace(named, relpath="2031-05-02 Dam Bursts Its Banks Villages Flo.md")  # cut mid-word at a length limit
    assert not file_tells_more(cut)
    assert file_tells_more(replace(named, relpath="2031-05-02 Dam Bursts Its Banks Villages Flu.md"))
    assert file_tells_more(replace(named, relpath="2031-05-02 Dam Bursts Its Banks Villages Flooded Again.md"))
    row = Row(cells={"Outlet A": [named], "Outlet B": [replace(other, outlet="Outlet B")]})
    text = render_row(1, row)
    assert "Dam Bursts Its Banks.md" not in text
    assert "— Dam Bursts Its Banks: Villages Flooded, undated ¶1" in text
    assert "— Dam Bursts Its Banks, undated, river/notes-0042.md ¶1" in text


def test_compare_carries_the_notes_kept_on_rows_to_the_terminal_json_and_markdown(seeds, tmp_path, capsys) -> None:
    from desk import paths
    from desk.cli import main
    from desk.notes import NoteBook

    data_dir = tmp_path / "d"
    args = ["compare", str(seeds), "soldiers killed", "--data-dir", str(data_dir)]
    assert main([*args, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["rows"][0]
    # a row is known by its passages (desk.notes.row_key), as the window keeps its notes
    key = "|".join(sorted(f"{r['article_id']}#{r['number']}" for refs in first["cells"].values() for r in refs))
    book = NoteBook(paths.notes_file(seeds, data_dir), {key: "Check the ministry's\nlater\x1b[31m count."})
    book.save()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "   Note: Check the ministry's later\\x1b[31m count." in out  # one line, the control escaped
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["note"].startswith("Check the ministry's")
    target = tmp_path / "out.md"
    assert main([*args, "--markdown", str(target)]) == 0
    assert "**Note:** Check the ministry" in target.read_text(encoding="utf-8")
    # a damaged notes file is reported, and the comparison still comes
    paths.notes_file(seeds, data_dir).write_text("{not json", encoding="utf-8")
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "row notes file" in captured.err
    assert "Note:" not in captured.out
