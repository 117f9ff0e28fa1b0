"""Session h36h: ``desk extract FILE`` keeps the length limit the index's figures and claimants pass keeps.

The index gives no claimant pass to an article over :data:`desk.index.build.MAX_EXTRACT_CHARS` (2 million
characters: a book, a log, a page saved as one line) and says so; ``desk extract`` of such a file parsed
all of it: a Markdown file of one 5 MB line ran for over ten minutes, its memory past 1.6 GB and
growing, with no word on the terminal.  It now says in one sentence that the file is too long.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli, library


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(library, "MAX_EXTRACT_CHARS", 500, raising=False)
    long = tmp_path / "log.md"
    long.write_text("The crane log said 40 cranes stood idle. " * 20)
    short = tmp_path / "note.txt"
    short.write_text("Quay\n\nThe harbour master said 12 ferries were held at the quay.\n")
    return long, short


def test_a_file_over_the_limit_is_refused_with_a_sentence(files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    long, short = files

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the long file was parsed")

    import desk.extract

    monkeypatch.setattr(desk.extract, "extract_article", never)
    assert cli.main(["extract", str(long)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"desk: {long}: too long for figures and claimants (0.0 million characters; "
                          "the limit is 0 million).")
    assert "desk index" in err
    assert "Traceback" not in err


def test_the_files_after_it_are_still_read(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    long, short = files
    assert cli.main(["extract", str(long), str(short)]) == 2
    said = capsys.readouterr()
    assert "too long for figures and claimants" in said.err
    assert "note.txt" in said.out
    assert "12" in said.out
