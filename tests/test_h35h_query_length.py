"""Session h35h: a query has a length limit (:data:`desk.errors.MAX_QUERY_CHARS`).

A 120,000-character query (a page pasted into the search field, a script's runaway variable) took 27 s
to search and over two minutes to compare on ukraine-media, with the CLI stoppable only by Ctrl+C and
the window's comparing child busy.  A researcher's longest query (an OR list of synonyms with outlets and
dates, a pasted paragraph) stays under 1,000 characters; 2,000 are read, and a longer one is refused with
one sentence (:func:`desk.errors.query_too_long`) before anything is indexed or searched: by the library
(every call that takes a query), by the CLI (exit status 2, as for a malformed query) and by the window
(``tests/gui/test_h35h_window.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import cli
from desk.errors import MAX_QUERY_CHARS, QueryError, check_query_length, query_too_long
from desk.library import Library

#: a query of invented words, as long as desk reads
WORDS = "ferry berth crane tug pilot quay"


def _query(length: int, sep: str = " ") -> str:
    words = WORDS.split()
    out = ""
    i = 0
    while len(out) < length:
        out += (sep if out else "") + words[i % len(words)]
        i += 1
    return out[:length].rstrip()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qlen")
    f = root / "articles"
    f.mkdir()
    (f / "a.txt").write_text("Quay\n\nThe port office said 40 cranes stood idle at the ferry berth on Friday.\n")
    (f / "b.txt").write_text("Berth\n\nA pilot said 41 cranes stood idle while the tug waited at the quay.\n")
    return f


@pytest.fixture(scope="module")
def lib(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library(folder, data_dir=tmp_path_factory.mktemp("qlen_data"))
    library.update(extract=False)
    return library


def test_the_sentence_names_both_lengths() -> None:
    said = query_too_long(120_000)
    assert said.startswith("The query is 120,000 characters long")
    assert f"at most {MAX_QUERY_CHARS:,}" in said
    assert "\n" not in said
    check_query_length("x" * MAX_QUERY_CHARS)
    check_query_length("  " + "x" * MAX_QUERY_CHARS + "\n")  # white space around it is not searched
    with pytest.raises(QueryError):
        check_query_length("x" * (MAX_QUERY_CHARS + 1))


@pytest.mark.parametrize("call", ["search", "compare", "timeline", "claims", "ranked_passages"])
def test_every_library_call_refuses_a_query_too_long(lib: Library, call: str) -> None:
    long = _query(MAX_QUERY_CHARS + 500, " OR ")
    kwargs = {"depth": 10} if call == "ranked_passages" else {}
    with pytest.raises(QueryError) as exc:
        getattr(lib, call)(long, **kwargs)
    assert str(exc.value) == query_too_long(len(long))


def test_the_longest_query_is_read(lib: Library) -> None:
    q = _query(MAX_QUERY_CHARS, " OR ")
    assert len(q) > MAX_QUERY_CHARS - 10
    assert lib.search(q).total >= 2
    assert lib.compare(q).rows


@pytest.mark.parametrize("command", ["search", "compare", "claims", "timeline"])
def test_the_cli_refuses_it_before_indexing(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            command: str) -> None:
    data = tmp_path / "data"
    long = _query(120_000)
    assert cli.main([command, str(folder), long, "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"desk: {query_too_long(len(long))}"
    assert not data.exists() or not any(data.rglob("*.sqlite"))  # nothing was indexed


def test_a_malformed_query_has_the_same_exit_status(folder: Path, tmp_path: Path) -> None:
    assert cli.main(["search", str(folder), '"quay', "--data-dir", str(tmp_path / "d")]) == 2
