"""The substring tests before costly patterns (penalty stances, places named by "of" and by their
officials) never skip what the pattern itself would find."""

from __future__ import annotations

import pytest

from desk.compare import grouping, places
from desk.compare.tokens import case_odd

STANCE_SENTENCES = [
    ("The skipper faces up to 12 years in prison for the collision.", "threatened"),
    ("The skipper FACED a possible 12-year term, the court heard.", "threatened"),
    ("The skipper could get 4 months, his lawyer said.", "threatened"),
    ("The skipper risks 4 weeks of detention.", "threatened"),
    ("If convicted, the skipper loses his licence.", "threatened"),
    ("The skipper was SENTENCED to nine years for the collision.", "imposed"),
    ("The skipper was jailed  for six months.", "imposed"),
    ("The skipper was imprisoned for 30 days.", "imposed"),
    ("The skipper faced up to ten years but was sentenced to six years.", ""),
    ("The skipper ris\u212as 5 years in jail.", "threatened"),  # a kelvin sign for the k
    ("The skipper was \u017fentenced to 3 years.", "imposed"),  # a long s
    ("The ferry sank with 40 passengers on board.", ""),
    ("Officials said the day was calm and nobody faced the storm.", ""),
]


@pytest.mark.parametrize(("text", "stance"), STANCE_SENTENCES)
def test_penalty_stance_is_the_patterns(text: str, stance: str) -> None:
    grouping.penalty_stance.cache_clear()
    got = grouping.penalty_stance(text)
    assert got == stance
    threatened = bool(grouping._THREATENED_RE.search(text))
    imposed = bool(grouping._IMPOSED_RE.search(text))
    plain = "" if threatened == imposed else ("threatened" if threatened else "imposed")
    assert got == plain


PLACE_SENTENCES = [
    ("Boats left the port city of Varna at dawn.", "Varna"),
    ("The mayor of Greyford said the ferry was late.", "Greyford"),
    ("Greyford's mayor said the ferry was late.", "Greyford"),
    ("Brentholm’s city  council met on the quay.", "Brentholm"),
    ("Ashford's military administration closed the quay.", "Ashford"),
    ("The governor of the Lakeland region said 40 boats sank.", "Lakeland"),
    ("The ferry sank with 40 passengers near Brentholm.", "Brentholm"),
]


@pytest.mark.parametrize(("text", "word"), PLACE_SENTENCES)
def test_place_spans_are_those_of_every_pattern(text: str, word: str) -> None:
    places._text_spans.cache_clear()
    got = places._text_spans(text)
    assert word in [w for _, w in got]
    found = [*places._PLACE_RE.finditer(text), *places._OF_PLACE_RE.finditer(text), *places._OFFICIAL_RE.finditer(text)]
    plain = []
    for m in found:
        words = places._words(m.group(1))
        if len(words) == 1 and words[0].lower().endswith(places._DEMONYM_END) and len(m.group(1).split()) == 1:
            continue
        plain.extend((m.start(1), w) for w in words)
    assert got == tuple(plain)


def test_case_odd_letters() -> None:
    assert not case_odd("The ferry sank near Brentholm.")
    assert not case_odd("Café owners in Zürich said so.")  # other letters outside ASCII are no concern
    assert case_odd("The skipper ris\u212as 5 years.")
    assert case_odd("The \u017fkipper")


STEM_SENTENCES = [
    "The ferry carried 1.2K passengers and 5 million tonnes, 40 per cent more than in 2020.",
    "ΟΔΟΣ ΣΤΑΘΜΟΣ and İstanbul's Port-Authority said the US-supplied boats were seized.",
    "Twelve wounded fishermen, 3 dead; the harbour master's deputy confirmed it.",
    "",
    "40 50 60",
]


@pytest.mark.parametrize("text", STEM_SENTENCES)
def test_content_stems_are_those_of_each_word(text: str) -> None:
    from desk.compare import tokens

    plain: list[str] = []
    for number, word in tokens._TOKEN_RE.findall(text):
        if not number:
            plain.extend(tokens._word_stems(word.lower()))
    assert tokens.content_stems(text) == plain
    assert tokens.stem_set(text) == frozenset(plain)
    if text.startswith("The ferry"):
        assert "million" not in plain  # a number's scale word is no content word
        assert "passenger" in plain


@pytest.mark.parametrize(
    "text",
    ["The ferry left at dawn with twelve boats.", "Ferry, boats: none", "a-b c_d e.f g h i", "", "1 2 3 4 5 6 7",
     "  Café owners in Zürich said so  "],
)
@pytest.mark.parametrize("n", [0, 1, 5, 6, 7])
def test_has_words_counts_as_the_word_list(text: str, n: int) -> None:
    from desk.compare import retrieve

    for start, end in ((0, len(text)), (2, max(2, len(text) - 3))):
        assert retrieve._has_words(text, start, end, n) == (len(retrieve._WORD_RE.findall(text, start, end)) >= n)
    if text.startswith("The ferry"):
        assert retrieve._has_words(text, 0, len(text), 6)
        assert not retrieve._has_words(text, 0, len(text), 9)


@pytest.mark.parametrize(
    "text",
    [
        "Boats sank near Brentholm and off the coast of Varna, in the eastern Lakeland region.",
        "IN Greyford and AT the port of Ashford, TOWARDS Varna; from Kell, into Dunmore.",
        "\u0131n Brentholm and \u0130N Greyford",  # a dotless i and a dotted capital I read as "in"
        "Nothing here is a place: in fact, on time, at last.",
    ],
)
def test_the_place_pattern_looks_ahead_without_losing_a_match(text: str) -> None:
    import re

    plain = re.compile(places._PLACE_RE.pattern.split(")", 1)[1])  # the pattern without its look-ahead
    assert places._PLACE_RE.pattern.startswith("(?=[")
    assert [m.span(1) for m in places._PLACE_RE.finditer(text)] == [m.span(1) for m in plain.finditer(text)]
    if text.startswith(("Boats", "IN", "\u0131n")):
        assert list(places._PLACE_RE.finditer(text))


@pytest.mark.parametrize(
    "text",
    ["The council DENIED it and blamed the port.", "He refused; she confirmed; they invited \u0131nvestors.",
     "Officials accused nobody.", "A quiet day at the quay.", "Responsibility was \u0130NVITED."],
)
def test_the_stance_test_looks_ahead_without_losing_a_verb(text: str) -> None:
    import re

    from desk.compare import frames

    plain = re.compile(frames._ANY_STANCE_RE.pattern.split(")", 1)[1], re.IGNORECASE)
    assert frames._ANY_STANCE_RE.pattern.startswith("(?=[")
    assert bool(frames._ANY_STANCE_RE.search(text)) == bool(plain.search(text))
    assert bool(plain.search(text)) == (text != "A quiet day at the quay.")
