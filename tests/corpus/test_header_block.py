"""The e-mail-style header block: keys desk does not read and separator lines stay out of the body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desk.corpus import FolderContext, read_article
from desk.corpus.meta import header_block

BODY = (
    "The river broke through the old levee at dawn, flooding the lower town.\n\n"
    "Rescue crews said forty homes had been evacuated by noon.\n"
)


def read(folder: Path, name: str):  # type: ignore[no-untyped-def]
    return read_article(folder / name, folder, FolderContext.load(folder))


def test_unknown_keys_and_a_separator_are_not_body_text(tmp_path: Path) -> None:
    head = (
        "Title: Levee gives way\nOutlet: Valley News\nSource-Repo: archive/valley\nDate: 14 March 2026\n"
        "Extra: scraped twice\n----\n"
    )
    (tmp_path / "a.txt").write_text(head + BODY, encoding="utf-8")
    a = read(tmp_path, "a.txt")
    assert (a.title, a.outlet, a.date) == ("Levee gives way", "Valley News", dt.date(2026, 3, 14))
    assert "Source-Repo" not in a.text
    assert "Extra:" not in a.text
    assert "----" not in a.text
    assert a.text.startswith("The river broke")
    assert all("Source-Repo" not in a.text[p.start : p.end] for p in a.passages)


def test_a_separator_after_the_blank_line_is_skipped_too() -> None:
    text = "Title: Levee gives way\nDate: 14 March 2026\nCrawler-Id: 7\n\n=====\n" + BODY
    fields, pos = header_block(text)
    assert fields.values["title"] == "Levee gives way"
    assert text[pos:].startswith("The river broke")


def test_unknown_keys_without_a_clean_end_go_back_to_the_body() -> None:
    # no blank line after the block: a "Kyiv: ..." line is the story, not a header
    text = "Title: Levee gives way\nDate: 14 March 2026\nValley: The river broke through at dawn.\nMore text.\n"
    fields, pos = header_block(text)
    assert fields.values["date"] == "14 March 2026"
    assert text[pos:].startswith("Valley: The river broke")


def test_one_known_line_is_still_body_text() -> None:
    text = "Note: the levee was inspected in May.\nExtra: nothing\n\n" + BODY
    fields, pos = header_block(text)
    assert pos == 0
    assert not fields.values
