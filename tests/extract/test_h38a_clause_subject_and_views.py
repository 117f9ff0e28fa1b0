"""Claimant rules of session h38a (issue 15).

- A clause of time, reason or manner whose subject a phrase set off by commas parts from its verb ("since the
  warden, at a hearing in May, cited ...", "as Ana Roe, speaking from the quay, told"): the parser reads the
  subject as the object of "since" or "as" and the verb as a second verb of the sentence; the speaker is the
  clause's own subject, not the main clause's.
- A column, essay or commentary speaks as a letter does ("as stated in Lund's commentary").
- A participle of stance with "by" on a noun of a view or a claim ("a view echoed by the pilots"): the agent
  holds (or rejects) that view.  On any other noun the participle names a thing and gives no source.
- "which the firm's chief, Ana Roe, called ...": the parser may take the relative for the subject and hang the
  clause's subject on it; the noun under the relative speaks.
- "Ana Roe, who left early and said that ...": the second verb of a relative clause shares its pronoun, and so
  the pronoun's antecedent.
- "Dockers saw the closure as a betrayal": "see" with an object and "as" judges, as "view" does; "what the board
  sees as a threat" and "rules that critics see as costly" only label a thing, as "what X called" does.
- A speaker label whose colon lies past the end of its own sentence is no label (its content ran backwards).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract

from .helpers import listed


def test_the_subject_of_a_since_clause_parted_from_its_verb_is_the_speaker() -> None:
    got = listed("The ferry office has stayed shut since Judge Amos Reed, at a hearing in May, cited damp in the walls.")
    assert ("Judge Amos Reed", "cited") in got, got
    assert not any(src == "The ferry office" for src, _ in got), got


def test_an_after_clause_with_a_set_off_phrase_gives_its_own_subject() -> None:
    got = listed("Crews left the yard after the site manager, in a note to staff, warned that the crane was unsafe.")
    assert ("the site manager", "warned") in got, got


def test_a_second_verb_joined_by_and_keeps_the_main_subject() -> None:
    got = listed("The board met on Monday, in the old hall, and said that the pier would close.")
    assert ("The board", "said") in got, got


def test_a_view_echoed_by_someone_is_theirs() -> None:
    got = listed("The toll is far too high for small boats, a view echoed by the pilots' union.")
    assert [src for src, cue in got if cue == "echoed"] == ["the pilots' union"], got


def test_a_claim_disputed_by_a_body_gives_that_body() -> None:
    got = listed("The claim, disputed by the port authority, that the quay is safe was made again on Friday.")
    assert ("the port authority", "disputed") in got, got


def test_a_participle_of_stance_on_a_thing_gives_no_source() -> None:
    got = listed("The new quay, opposed by the town council, opens to lorries on Monday.")
    assert not any(cue == "opposed" for _, cue in got), got


def test_a_label_whose_colon_lies_past_its_sentence_is_no_label() -> None:
    # (found by the h37d hypothesis test: the content span ran backwards, from the colon to the sentence's end)
    text = "she said. PORTVIEW, June 9 (Wire) - . DR IDA LUND, pilot: PORTVIEW, June 9 (Wire) -"
    for every in (True, False):
        atts = extract(text, every=every).attributions
        assert all(0 <= a.content_start <= a.content_end <= len(text) for a in atts), atts
        assert not any(a.source_text == "PORTVIEW" for a in atts), atts


def test_the_subject_the_parser_hung_on_an_object_relative_speaks() -> None:
    got = listed("The levy, which the ferry firm's chief, Ana Roe, called \"a tax on islanders,\" was dropped.")
    assert ("Ana Roe", "called") in got, got
    assert not any(src == "which" for src, _ in got), got


def test_an_as_clause_with_a_set_off_phrase_gives_its_own_subject() -> None:
    got = listed("Nobody was hurt, as Ana Roe, speaking from the quay, told reporters on Monday.")
    assert ("Ana Roe", "told") in got, got
    got = listed("The storm was the worst in decades, as the old skipper, gasping for breath on the quay, said before he fainted.")
    assert ("the old skipper", "said") in got, got



def test_a_commentary_speaks_as_a_letter_does() -> None:
    got = listed("As stated in Ida Lund's commentary, the ferry timetable is too thin in winter.")
    assert ("Ida Lund's commentary", "stated") in got, got


def test_the_second_verb_of_a_relative_clause_shares_its_pronoun() -> None:
    text = "The levy angered Ana Roe, who left the meeting early and said that she would fight it."
    atts = [(a.source_text, a.name) for a in extract(text).attributions if a.cue == "said"]
    assert atts == [("who", "Ana Roe")], atts


def test_seeing_a_thing_as_something_is_a_judgement() -> None:
    got = listed("Most dockers saw the closure of the pier as a betrayal.")
    assert ("Most dockers", "saw") in got, got


def test_what_someone_sees_as_something_is_a_label() -> None:
    got = listed("The town passed rules that critics see as costly for small boats.")
    assert not any(cue == "see" for _, cue in got), got
    got = listed("The board is fighting what it sees as a threat to the harbour.")
    assert not any(cue == "sees" for _, cue in got), got


def test_seeing_an_event_is_no_judgement() -> None:
    got = listed("Tourists saw the harbour as they walked along the quay.")
    assert not any(cue == "saw" for _, cue in got), got
