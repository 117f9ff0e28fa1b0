"""Session h36h: a Markdown file that opens with a rule (``---``, ``***``) is titled by its first line of words.

The title of a file without metadata is its first short line; a rule opening the file (or front matter
that is never closed) made that "---" or "***", which the library list, the compare panes' citations and
every export then showed as the article's title.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import corpus
from desk.corpus.reader import read_article


@pytest.mark.parametrize(("opening", "title"), [
    ("---\nHarbour strike spreads\n", "Harbour strike spreads"),
    ("***\n\n# Ferries held at the quay\n", "Ferries held at the quay"),
    ("* * *\n___\nTugs idle\n", "Tugs idle"),
    ("Dockers walk out\n", "Dockers walk out"),
])
def test_the_title_is_the_first_line_of_words(tmp_path: Path, opening: str, title: str) -> None:
    (tmp_path / "a.md").write_text(opening + "\nThe union said 55 dockers joined the strike on Thursday.\n")
    article = read_article(tmp_path / "a.md", tmp_path, corpus.FolderContext.load(tmp_path))
    assert article.title == title
