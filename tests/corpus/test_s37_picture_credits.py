"""Session 37: a picture's credit in brackets, run into the story, is furniture, and nobody's name.

Wire copy that a site reprints keeps each photo's caption in the body, closed by its credit in brackets
("... on Monday. (AP Photo/Name, Pool, File)"), often with no line break before the next sentence.  The
credit was read as story text: its "Pool, File" became the name that the next "She said" pointed to.
The parser now reads the credit blanked; passages and comparisons keep the text as it is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desk import corpus
from desk.corpus.boilerplate import detect, picture_credits
from desk.corpus.reader import read_article
from desk.extract import extract_article, parsed_text


@pytest.mark.parametrize("credit", [
    "(AP Photo/Dana Vell, Pool, File)",
    "(AP Photo)",
    "(AP Photo, File)",
    "(Tomas Ilvo/Harbour Agency via AP)",
    "(Photo by Dana Vell/Getty Images)",
    "(Dana Vell/AFP)",
])
def test_a_bracketed_credit_is_found(credit: str) -> None:
    text = f"Dockers stand at the quay in Ostrel on Monday. {credit} She said 40 ships were waiting.\n"
    assert [text[s:e] for s, e in picture_credits(text)] == [credit]
    assert detect(text) == []  # (story text for the passages, as before)


@pytest.mark.parametrize("aside", [
    "(km/h)", "(20/20)", "(and/or)", "(see the photo below)", "(the PA said so)", "(via the ring road)",
    "(Ostrel/Varna)",
])
def test_other_brackets_stay_text(aside: str) -> None:
    text = f"The convoy moved at 40 {aside} through the pass on Monday.\n"
    assert picture_credits(text) == []


def _article(tmp_path: Path, body: str) -> corpus.Article:
    (tmp_path / "a.md").write_text("---\ntitle: Port talks\nsite: Quay Times\ndate: 2023-05-02\n---\n\n" + body)
    return read_article(tmp_path / "a.md", tmp_path, corpus.FolderContext.load(tmp_path))


def test_the_next_she_is_not_the_credit(tmp_path: Path) -> None:
    body = (
        "Harbour envoy Mira Castell arrived in Ostrel on Tuesday. "
        "Envoy Mira Castell speaks to reporters at the quay in Ostrel, Tuesday, May 2, 2023. "
        "(AP Photo/Tomas Ilvo, Pool, File) She said 40 ships were still waiting to unload.\n"
    )
    article = _article(tmp_path, body)
    text = parsed_text(article)
    assert len(text) == len(article.text)
    assert "Pool" not in text
    assert "Ilvo" not in text
    assert text[article.text.index("She said"):].startswith("She said")
    ex = extract_article(article)
    (claim,) = [c for c in ex.claims if c.figure.text == "40"]
    assert claim.claimant == "Mira Castell"
    assert not any("Pool" in a.name or "Ilvo" in a.name for a in ex.attributions)


def test_a_people_word_is_no_she(tmp_path: Path) -> None:
    # (the small model tags "Africans" here as a person, the subject of "to tackle")
    body = (
        "Harbour envoy Mira Castell spoke in Ostrel on Tuesday. "
        "\"They point fingers. Yet in what way do you support Africans to tackle the shortage, rather than whom "
        "you accuse,\" she said. \"We are there to help,\" she said, adding that 12 ships had left.\n"
    )
    ex = extract_article(_article(tmp_path, body))
    assert "Africans" not in {a.name for a in ex.attributions}
    (claim,) = [c for c in ex.claims if c.figure.text == "12"]
    assert claim.claimant == "Mira Castell"


@pytest.mark.parametrize(("name", "like"), [
    ("Africans", False), ("Ukrainians", False), ("Americans", False), ("Pool, File", False),
    ("Evans", True), ("Mira Castell", True), ("Martin Roe, Jr.", True),
])
def test_name_like(name: str, like: bool) -> None:
    from desk.extract.claimants import _name_like

    assert _name_like(name) is like
