"""A cell collapsed to its opening, and a result cut to its hit's sentence, cut where the core cuts sentences:
a title's abbreviation ("Rep.", "Gen.") or "U.S." ends no sentence."""

from __future__ import annotations

import datetime as dt

from desk.extract.sentences import sentence_at
from desk.gui.markup import excerpt_bounds
from desk.gui.search import hit_sentence
from desk.model import PassageRef


def _ref(text: str, highlights: list[tuple[int, int]] | None = None) -> PassageRef:
    return PassageRef(article_id="a", number=0, start=0, end=len(text), text=text, outlet="Wire", title="T",
                      date=dt.date(2022, 5, 1), path="a.md", highlights=highlights or [])


_TEXT = ("Rep. Mara Lindqvist, a member of the harbour committee, said on Friday that ferry fares were set to "
         "rise again in the spring because fuel had grown so dear. " * 3 + "Gen. Osei Boateng told the U.S. "
         "envoy the convoy would wait. The talks ended.")


def test_a_collapsed_cell_opens_with_a_whole_sentence() -> None:
    a, b = excerpt_bounds(_ref(_TEXT))
    assert a == 0
    assert _TEXT[a:b].startswith("Rep. Mara Lindqvist")
    assert _TEXT[a:b].endswith("so dear.")


def test_the_sentence_of_an_offset_runs_past_abbreviations() -> None:
    at = _TEXT.index("envoy")
    a, b = sentence_at(_TEXT, at)
    assert _TEXT[a:b] == "Gen. Osei Boateng told the U.S. envoy the convoy would wait."


def test_a_result_shows_its_hit_sentence_whole() -> None:
    at = _TEXT.index("convoy")
    sentence, hits = hit_sentence(_ref(_TEXT, [(at, at + len("convoy"))]))
    assert sentence == "Gen. Osei Boateng told the U.S. envoy the convoy would wait."
    assert [sentence[s:e] for s, e in hits] == ["convoy"]


def test_text_without_a_sentence_end_is_one_sentence() -> None:
    assert sentence_at("no full stop here", 3) == (0, 17)
    assert sentence_at("", 0) == (0, 0)
