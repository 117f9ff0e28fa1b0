"""Session h33h: a title that draws nothing is no title.

A front-matter title, a page's <title> or a first line of only zero-width and bidi characters
("\\u202e\\u200b") was kept: after the zero-width spaces were dropped the article's title was a lone
right-to-left override, so its row in the list, the reader's heading and its citations were blank.
Such a value is passed over as a blank one is, and the next source names the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.corpus import FolderContext, read_article
from desk.corpus.decode import shows_anything

BODY = "The lock keeper said 23 barges queued at the weir on Saturday.\n"


@pytest.mark.parametrize(("name", "content"), [
    ("fm.md", '---\ntitle: "\\u202e\\u200b"\nsite: Canal Post\n---\n\n' + BODY),
    ("fm-isolates.md", '---\ntitle: "\\u2066\\u2069 \\u00a0"\n---\n\n' + BODY),
    ("first-line.txt", "\u202e\u200b\n\n" + BODY),
    ("page.html", "<html><head><title>\u202e\u2060</title></head><body><p>" + BODY + "</p></body></html>"),
    ("header.txt", "Title: \u200f\u200e\nSource: Canal Post\n\n" + BODY),
])
def test_a_title_of_nothing_visible_gives_way(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    article = read_article(tmp_path / name, tmp_path, FolderContext.load(tmp_path))
    assert shows_anything(article.title), repr(article.title)
    assert "23 barges" in article.title  # the first sentence names it


def test_a_real_title_with_bidi_marks_is_kept(tmp_path: Path) -> None:
    (tmp_path / "rtl.md").write_text('---\ntitle: "\u200fשער המים"\n---\n\n' + BODY, encoding="utf-8")
    article = read_article(tmp_path / "rtl.md", tmp_path, FolderContext.load(tmp_path))
    assert article.title == "\u200fשער המים"


def test_shows_anything() -> None:
    assert not shows_anything("")
    assert not shows_anything(" \t\n")
    assert not shows_anything("\u202e\u2066\u200b\u00a0\u2028")
    assert shows_anything("a")
    assert shows_anything("\u202e\u05e9")
