"""A byline run in between a headline and the first sentence (session 38).  Every text is invented.

Some pages run the headline, the byline and the lead into one line: "... near the river By Ann Lowe for
QuayOnline Army gunners shot ...".  The byline was passage text, the headline and the lead one passage,
and the lead's cue ("the air force said") took the headline's figure too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.corpus import FolderContext, read_article
from desk.corpus.boilerplate import detect
from desk.extract import extract_article

GLUED = ("Gunners down two helicopters within minutes as raids grow near the river By Ann Lowe for QuayOnline "
         "Army gunners shot down two attack helicopters in three minutes, the air force said.\n")


@pytest.mark.parametrize(("line", "byline"), [
    (GLUED, "By Ann Lowe for QuayOnline"),
    ("Port cranes idle. By Ann Lowe and Piet Marr for QuayOnline Dockers stayed home on Monday.\n",
     "By Ann Lowe and Piet Marr for QuayOnline"),
    ("Dockers vote to strike By Ann de Lowe For Quaynews The union said 300 members voted.\n", None),
])
def test_a_byline_inside_a_line_is_boilerplate(line: str, byline: str | None) -> None:
    found = [line[b.start : b.end] for b in detect(line) if b.reason == "byline"]
    assert found == ([byline] if byline else [])  # (a lower-case particle is no part of the name read)


@pytest.mark.parametrize("line", [
    "The report was written By hand for the court, officials said.\n",  # no name after "By"
    "Stand By Me for Tonight is the show's name, its host said.\n",  # no word before "By" ends a headline
])
def test_no_byline_in_ordinary_sentences(line: str) -> None:
    assert [b for b in detect(line) if b.reason == "byline"] == []


def _read(folder: Path, body: str):
    (folder / "a.md").write_text("---\ntitle: Gunners down two helicopters\ndate: 2023-03-02\n---\n\n" + body,
                                 encoding="utf-8")
    return read_article(folder / "a.md", folder, FolderContext.load(folder))


def test_the_headline_and_the_lead_are_passages_of_their_own(tmp_path: Path) -> None:
    art = _read(tmp_path, GLUED)
    texts = [art.text[p.start : p.end] for p in art.passages]
    assert texts[0].endswith("near the river")
    assert texts[1].startswith("Army gunners shot down")


def test_the_cue_of_the_lead_does_not_reach_the_headline(tmp_path: Path) -> None:
    art = _read(tmp_path, GLUED)
    claims = {(art.text[c.figure.start : c.figure.end], c.figure.counted): c.claimant
              for c in extract_article(art).claims}
    assert claims[("two", "helicopters")] == ""
    assert claims[("two", "attack helicopters")] == "air force"
