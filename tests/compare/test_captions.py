"""Collate leaves photo captions and credit lines out of its rows (a rule on their shape).

Every line here is written for this test.
"""

from __future__ import annotations

import pytest

from desk.compare.collate import caption_spans, collate_articles
from desk.model import Article, Passage


def _spans_text(text: str) -> list[str]:
    return [text[s:e] for s, e in caption_spans(text)]


@pytest.mark.parametrize("line", [
    "Photo: Marta Ilves/Northline Pictures",
    "Photograph: Dario Benn/Harbour Agency",
    "Image caption, Volunteers stack sandbags by the ferry ramp",
    "Image source: Tallin Wire",
    "Credit - Coastal Press",
    "Pictured: the east pier after the storm",
    "Jonas Perl/Lakeside Images",
])
def test_a_credit_line_is_a_caption(line: str) -> None:
    text = f"The ferry resumed service on Friday.\n\n{line}\n\nTickets sold out within an hour."
    assert _spans_text(text) == [line]


@pytest.mark.parametrize("sentence", [
    "The photo desk said 40 pictures were sent to the harbour office.",
    "Photographers waited at the gate: the council allowed none inside.",
    "Image quality improved after the new cameras were fitted on the pier.",
    "The ministry said the count rose to 1,200 (an estimate) by Friday.",
    "Prices rose 4% in March/April, the statistics office said.",
])
def test_article_sentences_are_not_captions(sentence: str) -> None:
    text = f"Intro line of the report.\n\n{sentence}\n\nA closing line."
    assert caption_spans(text) == []


def test_a_bracketed_credit_closes_the_caption_sentence_or_file_mark() -> None:
    body = ("The council voted to reopen the pier. "
            "FILE - Workers repair the east pier in Velmora on Tuesday, May 3, 2022. "
            "The pier was closed for a month. (Coast Photo/Ana Rell, File) "
            "The mayor said 300 boats use the harbour each week.")
    got = _spans_text(body)
    assert got == ["FILE - Workers repair the east pier in Velmora on Tuesday, May 3, 2022. "
                   "The pier was closed for a month. (Coast Photo/Ana Rell, File)"]
    no_mark = "A diver checks the hull near the quay. (Ilse Marr/Bay Agency via Coast Wire) Repairs start soon."
    assert _spans_text(no_mark) == ["A diver checks the hull near the quay. (Ilse Marr/Bay Agency via Coast Wire)"]


def _article(aid: str, outlet: str, paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    passages, pos = [], 0
    for i, para in enumerate(paragraphs):
        start = text.index(para, pos)
        passages.append(Passage(i, start, start + len(para)))
        pos = start + len(para)
    return Article(id=aid, path=f"/f/{aid}.md", relpath=f"{aid}.md", title=f"Pier {aid}", outlet=outlet,
                   date=None, text=text, passages=passages)


def test_collate_has_no_caption_rows_and_keeps_the_text_around_an_inline_caption() -> None:
    a = _article("p1", "Harbour Post", [
        "Storm damage closed the east pier in Velmora for a month, the council said on Monday.",
        "Photo: Marta Ilves/Northline Pictures",
        "Repairs will cost about 2 million euros and start in June, officials said.",
    ])
    b = _article("p2", "Valley Courier", [
        "The east pier in Velmora stays closed for a month after storm damage, the council said.",
        "Officials said repairs start in June and will cost about 2 million euros. "
        "FILE - Workers inspect the pier on Monday. (Valley Photo/Ivo Dant) "
        "Ferries will dock at the west quay meanwhile.",
    ])
    comp = collate_articles([a, b], [None, None])
    shown = [r.text for row in comp.rows for refs in row.cells.values() for r in refs]
    assert not any("Photo" in t or "FILE -" in t for t in shown), shown
    assert any("Ferries will dock at the west quay" in t for t in shown)
    assert any(t.startswith("Officials said repairs start in June") for t in shown)
    assert len(comp.rows) >= 2


def test_a_caption_never_reaches_back_over_a_rule_or_an_earlier_credit() -> None:
    text = ("The talks ended without a date for the next round. ___ "
            "Crowds wave flags in Velmora on Monday, May 2, 2022. (Coast Photo/Ana Rell) "
            "Fishing boats leave the west quay at dawn. (Bay Photo/Ivo Dant)")
    assert _spans_text(text) == [
        "Crowds wave flags in Velmora on Monday, May 2, 2022. (Coast Photo/Ana Rell)",
        "Fishing boats leave the west quay at dawn. (Bay Photo/Ivo Dant)"]
