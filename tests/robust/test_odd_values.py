"""Odd values from hostile articles: numbers as dates in front matter, bare addresses in exports."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from desk.corpus import FolderContext, read_article
from desk.corpus.dates import parse_date
from desk.export.markdown import escape_markdown
from desk.export.tables import markdown_table

BODY = "Crews cleared the bridge on Friday. About 80 cars were stuck, the police said.\n"


@pytest.mark.parametrize(
    ("published", "date"),
    [
        ("20220303", dt.date(2022, 3, 3)),  # unquoted YAML date without separators: that day, not 1970-08-23
        ("19991231", dt.date(1999, 12, 31)),
        ("20221399", None),  # no such day
        ("-5", None),  # not 1969-12-31
        ("2022", None),  # a year alone is no day (not 1970-01-01)
        ("0", None),
        ("1700000000", dt.date(2023, 11, 14)),  # a Unix time stamp still reads
    ],
)
def test_a_number_as_the_date_in_front_matter(tmp_path: Path, published: str, date: dt.date | None) -> None:
    (tmp_path / "a.md").write_text(f"---\ntitle: Bridge\nsite: Valley Post\npublished: {published}\n---\n\n{BODY}")
    article = read_article(tmp_path / "a.md", tmp_path, FolderContext.load(tmp_path))
    assert article.date == date
    assert parse_date(int(published)) == date


#: how GFM (GitHub, GitLab) and markdown-it's linkify find a link in plain text: an address at the start
#: of a line or after a space or one of ``*_~(``; or an e-mail address
_GFM_AUTOLINK = re.compile(r"(?:^|[\s*_~(])(?:https?://|ftp://|www\.)|[\w.+-]@[\w-]+\.\w", re.IGNORECASE | re.MULTILINE)

ADDRESSES = [
    "Read more at http://evil.example/x.png today",
    "(https://evil.example/track?id=1)",
    "visit WWW.evil.example for *www.evil.example* now",
    "write to tips@evil.example.com or ftp://evil.example/f",
    "mailto:someone@evil.example.org",
]


@pytest.mark.parametrize("text", ADDRESSES)
def test_bare_addresses_in_article_text_are_no_links_in_an_export(text: str) -> None:
    for doc in (escape_markdown(text), "\n".join(markdown_table(["title"], [{"title": text}]))):
        assert not _GFM_AUTOLINK.search(doc), doc
        # the reader of the export still sees every character of the address
        tokens = MarkdownIt("commonmark").enable("table").parse(doc)
        last = [t for t in tokens if t.type == "inline"][-1]  # the text, or the table's one row cell
        assert "".join(c.content for c in last.children or []) == text
        assert not any(c.type == "link_open" for t in tokens for c in t.children or [])


def test_words_that_merely_contain_an_address_part_stay_unescaped() -> None:
    assert escape_markdown("Ben @ home, rewww.x, the http protocol") == "Ben @ home, rewww.x, the http protocol"


def test_claims_and_timeline_say_when_they_found_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from desk import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Garden\nsite: Town Paper\n---\n\nThe roses bloomed early this spring.\n")
    data = str(tmp_path / "data")
    errs = []
    for argv in (["claims", str(folder)], ["claims", str(folder), "roses\x1b"], ["timeline", str(folder), "roses"]):
        assert cli.main([*argv, "--data-dir", data]) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert "\x1b" not in err
        errs.append(err.strip().splitlines()[-1])
    assert errs == [
        "No figures with claimants.",
        "No figures with claimants in the passages matching 'roses\\x1b'.",
        "No figures to put on a timeline in the passages matching 'roses'.",
    ]


def test_a_front_matter_block_too_long_is_reported_as_too_long(tmp_path: Path) -> None:
    big = "x" * 100_000
    (tmp_path / "a.md").write_text(f'---\ntitle: "{big}"\nsite: Valley Post\n---\n\n{BODY}')
    (tmp_path / "b.md").write_text(f"---\ntitle: Bridge\n\n{BODY}")
    a = read_article(tmp_path / "a.md", tmp_path, FolderContext.load(tmp_path))
    b = read_article(tmp_path / "b.md", tmp_path, FolderContext.load(tmp_path))
    # the block is closed, only long: the note must not say it is open
    assert "front matter not closed within 64 KB (too long): read as text" in a.notes
    assert "front matter not closed: read as text" in b.notes


def test_no_export_through_a_link_in_the_article_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from desk import cli

    folder = tmp_path / "articles"
    elsewhere = tmp_path / "other corpus"
    folder.mkdir()
    elsewhere.mkdir()
    for name, outlet in (("a.md", "Town Paper"), ("b.md", "City Times")):
        (folder / name).write_text(f"---\ntitle: Bridge\nsite: {outlet}\n---\n\n{BODY}")
    (folder / "shelf").symlink_to(elsewhere, target_is_directory=True)
    data = str(tmp_path / "data")
    for argv in (
        ["compare", str(folder), "cars", "--markdown", str(folder / "shelf" / "c.md")],
        ["collate", str(folder / "a.md"), str(folder / "b.md"), "--markdown", str(folder / "shelf" / "k.md")],
        ["timeline", str(folder), "cars", "--svg", str(folder / "shelf" / "t.svg")],
    ):
        assert cli.main([*argv, "--data-dir", data]) == 2, argv
        assert "lies inside the article folder" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []  # nothing written through the link


def test_a_data_folder_inside_the_article_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: Bridge\nsite: Town Paper\n---\n\n{BODY}")
    (folder / "shelf").symlink_to(tmp_path, target_is_directory=True)
    before = sorted(p.name for p in folder.iterdir())
    assert cli.main(["index", str(folder), "--data-dir", str(folder / ".desk")]) == 2
    assert "lies inside the article folder" in capsys.readouterr().err
    assert cli.main(["search", str(folder), "cars", "--data-dir", str(folder / "shelf" / "data")]) == 2
    monkeypatch.setenv("DESK_DATA_DIR", str(folder / "cache"))
    assert cli.main(["articles", str(folder)]) == 2
    assert sorted(p.name for p in folder.iterdir()) == before
    assert not (tmp_path / "data").exists()
    # a data folder beside the articles is fine
    assert cli.main(["index", str(folder), "--data-dir", str(tmp_path / "elsewhere")]) == 0


def test_timeline_csv_shows_control_characters_as_escapes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from desk import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(
        '---\ntitle: Flood\nsite: River News\npublished: "2023-05-02"\n---\n\n'
        "Officials said 120 people died in the flood \u202ereversed\u202c on Monday.\n"
    )
    (folder / "b.md").write_text(
        '---\ntitle: Flood two\nsite: Valley Post\npublished: "2023-05-04"\n---\n\n'
        "Officials said 150 people died in the flood on Wednesday.\n"
    )
    data = str(tmp_path / "data")
    outs = {}
    for kind in ("timeline", "claims"):
        argv = [kind, str(folder), "died", "--csv", "--data-dir", data]
        assert cli.main(argv) == 0
        outs[kind] = capsys.readouterr().out
    for kind, out in outs.items():
        assert "\u202e" not in out, kind  # a bidi override never reaches the terminal raw, as in desk claims --csv
        assert "\\u202ereversed\\u202c" in out, kind
    assert "120" in outs["timeline"]
    assert "150" in outs["timeline"]


def test_the_core_refuses_a_data_folder_inside_the_article_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.errors import FolderError
    from desk.library import Library

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\ntitle: Bridge\n---\n\n{BODY}")
    with pytest.raises(FolderError, match="lies inside the article folder"):
        Library(folder, data_dir=folder / "desk-data")
    monkeypatch.setenv("DESK_DATA_DIR", str(folder / "cache"))
    with pytest.raises(FolderError, match="lies inside the article folder"):
        Library(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["a.md"]
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "elsewhere"))
    with Library(folder) as lib:
        assert lib.articles() == []  # opened (nothing indexed yet)
