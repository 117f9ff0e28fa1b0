"""Claimant rules of session h31a (issue 15): writings that speak, and a subject the parser doubled.

- The plural of a writing speaks as the singular does: "Two audits found ...", "Rival analyses agree ..."
  are listed like "the audit found" (they used to be dropped as no one's name).
- "It" reporting in the sentence right after an unnamed writing spoke ("..., the memo says. It adds that
  ...") is that writing, with no source between; elsewhere an "it" no one was named for stays unlisted.
- "His pledges to the poor notwithstanding, rival audits agree ...": the parser may give the verb the opening
  phrase before the comma as a second subject; the subject is the one after the comma, next to the verb.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract

from .helpers import listed


def test_plural_writings_are_listed_like_the_singular() -> None:
    assert ("Two audits", "found") in listed("Two audits found the fund had lost much of its value.")
    assert ("Earlier reviews", "concluded") in listed("Earlier reviews concluded that the old bridge was safe.")


def test_it_after_an_unnamed_writing_is_that_writing() -> None:
    text = "The levy will cost 90 million, the memo says.\n\nIt adds that the harbour fees were never paid."
    named = {a.source_text: a.name for a in extract(text).attributions}
    assert named.get("the memo") == "", named
    assert named.get("It") == "", named
    # (not across a sentence that names no source: that "it" may be anything)
    text = "The memo says the levy is steep. The ferry was late again. It says the harbour fees were never paid."
    assert [s for s, _ in listed(text)] == ["The memo"]


def test_it_takes_up_the_name_of_the_writing_named_before() -> None:
    text = (
        "A Dunmore Institute survey found that 40 percent of pilots were tired. The pier is old, "
        "the survey says. It adds that the night shifts were never paid."
    )
    named = {a.source_text: a.name for a in extract(text).attributions}
    assert named.get("It") == named.get("the survey") != "", named


def test_a_phrase_set_off_before_the_subject_is_not_the_subject() -> None:
    got = listed("His pledges to the poor notwithstanding, rival audits agree the top bracket would gain the most.")
    assert ("rival audits", "agree") in got, got
    assert not any(s.startswith("His pledges") for s, _ in got), got
