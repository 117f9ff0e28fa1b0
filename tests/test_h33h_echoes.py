"""Session h33h: typed text a sentence echoes shows its control characters as escapes.

Queries were quoted back with their white space collapsed (``" ".join(text.split())``), so a line
break, a tab or ``\\x1f`` (white space to Python) came back as a plain space, and other values were
quoted raw (``'\\x00' is not a number``), left to each face to escape: the sentence read differently
on the terminal and in the window.  :func:`desk.textsafe.quoted` is the one way a sentence echoes
typed text; the faces leave its escapes as they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.errors import QueryError
from desk.library import Library
from desk.textsafe import quoted


def test_quoted_shows_every_control_character() -> None:
    assert quoted("figure:>\x00") == "'figure:>\\x00'"
    assert quoted("ferry\x1fcrossing\nlate\ttoday") == "'ferry\\x1fcrossing\\x0alate\\x09today'"
    assert quoted("a   b") == "'a b'"  # plain spaces still collapse
    assert quoted("\u202eevil") == "'\\u202eevil'"
    long = quoted("q" * 59 + "\x1b" * 10, 60)
    assert long == "'" + "q" * 59 + "\u2026'"  # cut before escaping: no escape cut in two


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("echo")
    f = root / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Dock\n\nThe harbour office said 40 cranes stood idle on Friday.\n", encoding="utf-8")
    library = Library(f, data_dir=root / "d")
    library.update(extract=False)
    return library


@pytest.mark.parametrize(("query", "shown"), [
    ("figure:>\x00", "'\\x00' is not a number"),
    ("cranes figure:>5\x07", "'5\\x07' is not a number"),
    ("date:\x1b[2022]", None),  # a range error: no echo, and no raw escape
    ("date:sometime\x00", "'sometime\\x00' is not a date"),
    ('"\x1f"', "The query '\"\\x1f\"' has no words"),
    ('"\n\t"', "The query '\"\\x0a\\x09\"' has no words"),
    ("title:-x\x1by", "write NOT title:x\\x1by"),
])
def test_query_sentences_escape_what_they_echo(lib: Library, query: str, shown: str | None) -> None:
    with pytest.raises(QueryError) as caught:
        lib.search(query)
    message = str(caught.value)
    if shown is not None:
        assert shown in message
    assert message.isprintable(), repr(message)


def test_the_cli_echoes_a_query_that_matches_nothing_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Dock\n\nThe harbour office said 40 cranes stood idle on Friday.\n", encoding="utf-8")
    assert cli.main(["search", str(f), "zzq\x1fzzr", "--data-dir", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err
    assert "No passages match 'zzq\\x1fzzr'." in err


def test_names_are_echoed_with_their_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--outlet "Dock\\nNews"`` and ``--delete "Ana\\tRoe"`` were echoed as "Dock News" and "Ana Roe",
    names the folder may well have: the sentence seemed to deny them."""
    f = tmp_path / "articles"
    f.mkdir()
    (f / "a.md").write_text('---\ntitle: "Cranes"\nsite: "Dock News"\n---\n\n'
                            "The harbour office said 40 cranes stood idle on Friday, mayor Ana Roe said.\n",
                            encoding="utf-8")
    data = str(tmp_path / "d")
    assert cli.main(["index", str(f), "--data-dir", data]) == 0  # claimants found: an unknown one is told
    capsys.readouterr()
    assert cli.main(["search", str(f), "cranes", "--outlet", "Dock\nNews", "--data-dir", data]) == 2
    assert "outlet \u201cDock\\x0aNews\u201d" in capsys.readouterr().err
    assert cli.main(["aliases", str(f), "--delete", "Ana\tRow", "--data-dir", data]) == 2
    assert "No claimant is called \u201cAna\\x09Row\u201d" in capsys.readouterr().err
