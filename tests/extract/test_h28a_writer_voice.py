"""The writer's own "I" and "we" beside quotation marks that quote no one (issue 15, h28a).

An opinion writer's "I know ..." or "as we saw ..." is listed as a stance, but not in a paragraph that quotes
anyone: there the "I" may be the person quoted. Marks that only set off a short phrase (a scare-quoted word, a
nickname, a title of two or three words) quote no one, so the writer's "I" there is listed; a paragraph with a
quoted sentence, a long quotation or one left open keeps its "I" out as before. Papers that write a quotation
mark as two apostrophes (''like this'') count too.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def _sources(text: str) -> set[str]:
    return {s for s, _ in listed(text)}


def test_a_scare_quoted_word_quotes_no_one() -> None:
    text = (
        "The harbour board calls its new fee a \u201cfair share\u201d for every boat owner. "
        "We know from its annual filings that most of the money goes to travel."
    )
    assert "We" in _sources(text)


def test_as_we_saw_beside_a_scare_quoted_word() -> None:
    text = (
        "The harbour board calls its new fee a \u201cfair share\u201d for every boat owner. "
        "As we saw last winter, the board spends the money on travel."
    )
    assert "we" in _sources(text)


def test_doubled_apostrophes_around_a_phrase_quote_no_one() -> None:
    text = (
        "The mayor keeps promising a ''modern'' tram line for the valley towns. "
        "I know the valley towns will wait another decade for it."
    )
    assert "I" in _sources(text)


def test_only_short_phrases_free_the_i() -> None:
    # a quoted sentence, a long quotation or one left open may hold the "I": it stays out, beside a phrase
    # in marks that frees it
    phrase = "The mayor keeps promising a \u201cmodern\u201d tram line. I know the valley towns will wait for it."
    sentence = (
        "Councillor Ida Roe was blunt at the hearing. \u201cThe tram line will never be built. "
        "I know the numbers better than anyone.\u201d"
    )
    long_quote = (
        "Ida Roe told the hearing the line was \u201ca costly promise made to every valley town for votes\u201d. "
        "I know the valley towns will wait."
    )
    left_open = "Ida Roe told the hearing: \u201cThe line is dead. I know the valley towns will wait for another decade."
    assert "I" in _sources(phrase)
    assert "I" not in _sources(sentence)
    assert "I" not in _sources(long_quote)
    assert "I" not in _sources(left_open)
