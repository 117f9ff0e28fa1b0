"""Session h31h: the export paths the command line reports ("wrote ... to FILE") reach the terminal
escaped like every other path (an ESC in ``--svg``'s or ``--markdown``'s name was printed raw, so a
name could recolour or clear the terminal), and a sentence quotes at most 200 characters of a query
(a 10,000-word query that matched nothing was echoed whole)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.errors import MAX_QUERY_CHARS

STORY = "Storm {n}\n\nThe harbour office said {n} fishing boats were damaged on Friday, mayor Ana Roe said.\n"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("h31h_paths")
    folder = root / "articles"
    folder.mkdir()
    for n in (31, 33):
        (folder / f"{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    data = root / "data"
    assert cli.main(["index", str(folder), "--data-dir", str(data)]) == 0
    return folder, data


def test_export_paths_are_shown_escaped(indexed: tuple[Path, Path], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = indexed
    capsys.readouterr()
    svg = tmp_path / "tl\x1b[2J.svg"
    assert cli.main(["timeline", str(folder), "boats", "--svg", str(svg), "--data-dir", str(data)]) == 0
    md = tmp_path / "cmp\x1b]0;x\x07.md"
    assert cli.main(["compare", str(folder), "boats", "--markdown", str(md), "--timeline", "svg",
                     "--data-dir", str(data)]) == 0
    err = capsys.readouterr().err
    assert svg.exists()
    assert md.exists()
    assert "\x1b" not in err
    assert "\x07" not in err
    assert "tl\\x1b[2J.svg" in err
    assert "cmp\\x1b]0;x\\x07-timeline.svg" in err


def test_a_huge_query_is_quoted_short(indexed: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    folder, data = indexed
    capsys.readouterr()
    query = " ".join(f"zzq{i}" for i in range(300))
    assert len(query) <= MAX_QUERY_CHARS  # a longer one is refused, and not quoted at all (h35h)
    assert cli.main(["search", str(folder), query, "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("No passages match 'zzq0 zzq1")
    assert len(err) < 300
    assert cli.main(["claims", str(folder), query, "--data-dir", str(data)]) == 1
    assert len(capsys.readouterr().err) < 300
