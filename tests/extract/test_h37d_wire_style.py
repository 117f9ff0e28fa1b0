"""Claimant rules of session h37d (issue 15) for wire and broadcaster copy desk had not seen.

- A dateline ("HARBOURTON, May 3 (Wire) - ...") is cut off as a sentence of its own before parsing: with it in
  front the parser made the place the sentence's head and lost the subject of the reporting verb.
- The heads of bodies' names are sources: "the growers' association said", "the coastguard said", "the
  federation said" (a bare singular "the association" still needs a body named before it).
- A lower-case title tag that names a role or a body ("... – coastguard", "...: farmers' union") is a source;
  "Economy adds 84,000 jobs" is no speech (a sum grows after "adds").
- Speaker labels inside a one-paragraph transcript ("... DR ANN ROE, nurse: ...") speak for their own sentence,
  or for the quotation they open ('Union leader Ann Roe: "..."'); a mixed-case "Currently, there are two: ..."
  inside a paragraph is no label.
- "the town of Vila Nova": a place name of two or three words is a place, never the "she" of a later sentence.
- A name the text introduces as a person's (an office or a person's noun written before it, or a "who" clause
  after it) is a person for "he" and "she", whatever label the recogniser gave it.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.claimants import _introduced_as_person, _People
from desk.extract.names import fold
from tests.extract.helpers import claimants_by_figure, listed


def test_dateline_does_not_hide_the_subject() -> None:
    text = "MARRENBURG, Oct. 3 (Northwire) - Quarry owners said 41 trucks were stuck at the pass."
    assert claimants_by_figure(text) == {"41": "Quarry owners"}
    text = "TELLSBY (Coast Radio) - Dunmore Ferries reported a loss of 9 million crowns on Tuesday."
    assert claimants_by_figure(text) == {"9 million": "Dunmore Ferries"}


def test_dateline_cut_keeps_a_plain_first_sentence() -> None:
    # no dateline: the sentence is read as before, its figure the outlet's own
    assert claimants_by_figure("Quarry owners moved 41 trucks to the pass on Friday.") == {"41": ""}


def test_bodies_named_by_their_head_noun() -> None:
    text = "Hail ruined about 30 percent of the pear crop, the fruit growers' association said."
    assert claimants_by_figure(text) == {"30 percent": "fruit growers' association"}
    text = "Nine fishermen were pulled from the water near the cape, the coastguard said."
    assert claimants_by_figure(text) == {"Nine": "coastguard"}
    text = "The Dunmore Rowing Federation met in June. About 640 rowers will compete, the federation said."
    assert claimants_by_figure(text) == {"640": "Dunmore Rowing Federation"}


def test_bare_body_noun_with_nothing_named_is_nobody() -> None:
    assert claimants_by_figure("About 640 rowers will compete, the federation said.") == {"640": ""}


def test_multiword_town_is_not_she() -> None:
    text = (
        "Harbour warden Elin Varga spoke to reporters in the town of Porto Selva on Monday. "
        "She said 55 boats had sunk."
    )
    assert claimants_by_figure(text) == {"55": "Elin Varga"}


def test_name_introduced_as_a_persons() -> None:
    text = "Regional governor Elin Varga said 55 boats had sunk."
    assert _introduced_as_person(text, (0, len("Regional governor Elin Varga")), "Elin Varga")
    text = "Tomas Brenner, who runs the observatory, said the lake was warming."
    assert _introduced_as_person(text, (0, len("Tomas Brenner")), "Tomas Brenner")
    # a body's name, and a name with nothing that says it is a person's
    text = "The Harbour Council said 55 boats had sunk."
    assert not _introduced_as_person(text, (0, len("The Harbour Council")), "Harbour Council")
    text = "Tomas Brenner said the lake was warming."
    assert not _introduced_as_person(text, (0, len("Tomas Brenner")), "Tomas Brenner")


def test_introduced_person_is_he_even_when_read_as_a_place() -> None:
    people = _People([], {}, places={fold("Tomas Brenner")})
    people.add(0, "Tomas Brenner")
    assert people.before(100, "m", []) == ""  # a place, as the recogniser said
    people.add(0, "Tomas Brenner", introduced=True)
    assert people.before(100, "m", []) == "Tomas Brenner"


def test_lower_case_title_tag_names_a_body() -> None:
    assert claimants_by_figure("Over 300 walkers rescued from the fells – coastguard") == {"300": "coastguard"}
    assert claimants_by_figure("Storm cut 12% of the barley crop: farmers' union") == {"12%": "farmers' union"}
    # a lower-case word after the dash that names no one is no tag
    assert claimants_by_figure("Ferry fares up 9% this winter – analysis") == {"9%": ""}


def test_title_adds_a_quantity_is_no_speech() -> None:
    assert claimants_by_figure("Economy adds 84,000 jobs in March") == {"84,000": ""}
    assert claimants_by_figure("Harbour Board adds $40m to dredging budget") == {"$40m": ""}


def test_speaker_label_inside_a_paragraph() -> None:
    text = (
        "Clinics have logged 950 flu cases this month. "
        "DR ANNIKA ROOS, infectious disease lead: We are admitting around 45 patients a day. "
        "PRESENTER: And the wards? ANNIKA ROOS: About 130 beds are full."
    )
    assert claimants_by_figure(text) == {"950": "", "45": "ANNIKA ROOS", "130": "ANNIKA ROOS"}


def test_role_and_name_label_before_a_quotation() -> None:
    text = (
        "Bus drivers walked out on Monday. Union leader Ines Morales: \u201cWe asked for 7 percent. "
        "They offered 2.\u201d The operators said 60 routes were cut."
    )
    assert claimants_by_figure(text) == {"7 percent": "Ines Morales", "2": "Ines Morales", "60": "operators"}


def test_comma_phrase_and_colon_inside_a_paragraph_is_no_label() -> None:
    text = "The ferry has few rivals. Lately, there are just two: Northline and Baycraft carry 80 cars each."
    assert ("Lately", ":") not in listed(text)
    assert claimants_by_figure(text)["80"] == ""
