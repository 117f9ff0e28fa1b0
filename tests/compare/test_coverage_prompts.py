"""Wire furniture after a story ("___ Follow ...'s coverage at https://...") is boilerplate, so no row
forms on it.  Every line here is written for this test."""

from __future__ import annotations

import pytest

from desk.corpus.boilerplate import detect
from desk.model import Comparison

WIRE_TAIL = (
    "Tomas Riel in Velmora contributed. ___ "
    "Follow the Coast Wire’s coverage of the dock strike at https://coastwire.example/hub/dock-strike"
)


def test_a_prompt_to_follow_coverage_at_a_link_is_boilerplate_inside_a_paragraph() -> None:
    text = "The harbour board fined two shipping firms on Wednesday. " + WIRE_TAIL + " Cranes idle at the quay."
    spans = [(text[b.start:b.end], b.reason) for b in detect(text)]
    prompt = "___ Follow the Coast Wire’s coverage of the dock strike at https://coastwire.example/hub/dock-strike"
    assert (prompt, "newsletter") in spans
    # the story before it and the caption after it stay text
    assert not any("fined" in s or "Cranes idle" in s for s, _ in spans)


@pytest.mark.parametrize("sentence", [
    "Full coverage of the ferry inquiry: https://bay.example/ferry",
    "See our coverage of the vote here https://bay.example/vote",
])
def test_other_coverage_prompts_with_links_are_boilerplate(sentence: str) -> None:
    text = "The council met on Monday. " + sentence
    assert [text[b.start:b.end] for b in detect(text)] == [sentence]


@pytest.mark.parametrize("sentence", [
    "Critics said the coverage of the strike at the port was one-sided.",
    "The insurer's coverage at https://ins.example/terms covers storms, the firm said on its website, and more.",
])
def test_sentences_about_coverage_are_not_prompts(sentence: str) -> None:
    text = "The council met on Monday. " + sentence
    assert detect(text) == []


ARTICLES = {
    "coast-fines.md": (
        "Coast Wire", "2024-03-06", "Harbour board fines shipping firms",
        "The harbour board fined two shipping firms on Wednesday for blocking the east quay.\n\n"
        "The board said the fines would fund new mooring posts. " + WIRE_TAIL,
    ),
    "bay-ferry.md": (
        "Bay Herald", "2024-03-09", "Ferry timetable returns to normal",
        "Ferries between Velmora and Ostrin ran to the winter timetable again on Saturday.\n\n"
        "Ticket offices reopened at dawn and queues were short. " + WIRE_TAIL,
    ),
}


@pytest.fixture(scope="module")
def docks(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    from desk.library import Library

    base = tmp_path_factory.mktemp("docks")
    folder = base / "articles"
    folder.mkdir()
    for name, (site, date, title, body) in ARTICLES.items():
        (folder / name).write_text(f"---\ntitle: \"{title}\"\nsite: {site}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    with Library(folder, data_dir=base / "data") as lib:
        lib.update(extract=True)
        return lib.compare("dock strike coverage")


def test_a_shared_coverage_prompt_makes_no_row_of_two_outlets(docks: Comparison) -> None:
    for row in docks.rows:
        texts = [p.text for cell in row.cells.values() for p in cell]
        assert not any("Follow the Coast Wire" in t for t in texts), texts
    assert not [row for row in docks.rows if len(row.cells) > 1]
