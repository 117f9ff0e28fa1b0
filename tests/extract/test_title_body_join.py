"""A figure at the end of a headline never counts the first words of the paragraph after it."""

from __future__ import annotations

from pathlib import Path

from desk.corpus.reader import FolderContext, read_article
from desk.extract import extract_article
from desk.extract.figures import find_figures

_PAGE = """<html><head><title>Quarry road closed again, 2 lanes</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2023-02-14">
</head><body><article>
<p>Engineers said the quarry road would stay closed until the spring thaw, the council announced.</p>
<p>The council said 30 lorries a day used the road before it was closed, and 4 drivers were hurt last year.</p>
</article></body></html>
"""


def test_counted_thing_stops_at_a_paragraph_break() -> None:
    text = "Ferry timetable cut to 3 crossings\n\nVisitors said the harbour was quiet on Sunday."
    (fig,) = find_figures(text)
    assert fig.value == 3
    assert fig.counted == "crossings"


def test_counted_thing_stops_at_a_blank_line_with_spaces() -> None:
    text = "Budget vote: 7 pages\n  \nCouncillors argued for an hour before the vote."
    (fig,) = find_figures(text)
    assert fig.counted == "pages"


def test_counted_thing_goes_on_across_a_hard_wrap() -> None:
    (fig,) = find_figures("The agency says nearly 9,000\nfamilies are still without homes.")
    assert fig.counted == "families"


def test_counted_thing_within_a_line_is_kept() -> None:
    (fig,) = find_figures("The storm left 40 homes destroyed in the valley.")
    assert fig.counted == "homes destroyed"


def test_saved_page_title_and_body_are_read_apart(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "quarry.html").write_text(_PAGE, encoding="utf-8")
    article = read_article(folder / "quarry.html", folder, FolderContext.load(folder))
    assert article.text.startswith("Quarry road closed again, 2 lanes\n\nEngineers said")
    ext = extract_article(article)
    by_value = {c.figure.value: c.figure for c in ext.claims}
    assert by_value[2].counted == "lanes"  # not "lanes Engineers"
    assert by_value[30].counted.startswith("lorries")
