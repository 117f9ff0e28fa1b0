"""No claimant's name opens with a lower-case preposition or conjunction (session 38).  Invented text.

A Title Case headline ("Mayor Holt Backs Levy, Warns of Delays") was parsed with "of Delays" as the
subject of "Warns", and "of Delays" was listed as a source.
"""

from __future__ import annotations

from desk.extract import extract


def test_a_title_case_phrase_is_no_source() -> None:
    text = "Mayor Holt Backs Levy, Warns of Delays\n\nMayor Ines Holt on Friday backed the levy.\n"
    names = [a.name for a in extract(text).attributions]
    assert not any(n.split()[0] in ("of", "to", "for", "and") for n in names if n), names


def test_names_with_inner_lower_case_words_stay() -> None:
    text = "The Ministry of Health said 40 clinics had closed."
    assert [c.claimant for c in extract(text).claims] == ["Ministry of Health"]
