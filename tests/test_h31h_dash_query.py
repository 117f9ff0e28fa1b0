"""Session h31h: a query that starts with "-" gets a sentence saying how to write it (after
``--``, options before), not argparse's "the following arguments are required: QUERY"; and
options written after that ``--`` are named, not reported as "unrecognized arguments"."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli


@pytest.mark.parametrize("command", ["search", "compare", "claims", "timeline"])
def test_a_query_that_starts_with_a_dash(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, str(tmp_path), "-people"]) == 2
    err = capsys.readouterr().err
    assert "\u201c-people\u201d is read as an option. To leave passages with a word out, write NOT people" in err
    assert f"desk {command} [OPTIONS] FOLDER -- QUERY" in err
    assert "Traceback" not in err
    assert "required: QUERY" not in err


def test_options_after_the_double_dash_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", str(tmp_path), "--", "-people", "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert "put --data-dir before it" in err
    assert "unrecognized arguments" not in err


def test_a_control_character_in_a_bad_argument_is_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", str(tmp_path), "-\x1b[2Jx"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\\x1b[2Jx" in err


def test_other_usage_errors_keep_argparse_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", str(tmp_path), "--limt", "3", "boats"]) == 2
    assert "unrecognized arguments: --limt" in capsys.readouterr().err
    assert cli.main(["index"]) == 2
    assert "the following arguments are required: FOLDER" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["grain -russia", "-people", "(-people OR x)", "grain --russia"])
def test_a_minus_before_a_word_is_refused(query: str) -> None:
    """Whoosh drops the minus: "grain -russia" asked for passages with both words, the opposite of a web
    search's meaning, without a word."""
    from desk.errors import QueryError
    from desk.index.whoosh.query import check_syntax

    with pytest.raises(QueryError, match="desk reads no minus before a word .*write NOT "):
        check_syntax(query)


@pytest.mark.parametrize("query", ["well-known", "figure:[-10 TO 10]", "figure:>-5", '"a -b"', "x -5", "a - b",
                                   "date:[2022-01-01 TO 2022-02-01]"])
def test_a_minus_elsewhere_is_fine(query: str) -> None:
    from desk.index.whoosh.query import check_syntax

    check_syntax(query)


def test_the_documented_form_then_says_what_to_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Storm\n\nThe harbour office said 31 boats stayed in port.\n", encoding="utf-8")
    assert cli.main(["search", "--data-dir", str(tmp_path / "d"), str(folder), "--", "-boats"]) == 2
    assert "write NOT boats" in capsys.readouterr().err
