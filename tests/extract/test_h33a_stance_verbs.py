"""Claimant rules of session h33a (issue 15): more verbs that give their subject's position.

- Verbs of winning someone over ("persuade", "convince", "dissuade"): one persuades by arguing a case.
- "examine" with a claim or a record for object weighs it in public; examining people or things does not.
- "expose", "illustrate": what brings a thing to light speaks of it, as "reveal" does.
- "recognize" with an object is an acknowledgement (with a clause it was a verb of thought already).
- "fathom" is a verb of thought: "I cannot fathom how ..." gives the writer's view of the clause.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_persuading_gives_the_persuader() -> None:
    assert listed("The harbour master persuaded the council to shelve the ferry levy.") == [
        ("The harbour master", "persuaded")
    ]
    got = listed("Ms. Adeyemi has struggled, however, convincing landlords to cut the rents.")
    assert ("Ms. Adeyemi", "convincing") in got, got


def test_examining_a_claim_is_a_stance_and_examining_people_is_not() -> None:
    assert listed("The fact-checkers examined the councillor's statement on bus fares.") == [
        ("The fact-checkers", "examined")
    ]
    # (a look at people or things weighs no claim)
    assert listed("Nurses examined the injured passengers on the quay.") == []
    assert listed("The inspectors examined the wreckage of the barge.") == []


def test_bringing_to_light_and_recognizing() -> None:
    assert listed("The leaked ledgers exposed the mayor's offshore accounts.") == [
        ("The leaked ledgers", "exposed")
    ]
    assert listed("The Harbour Gazette's editorial illustrates the anger of the ferry crews.") == [
        ("The Harbour Gazette's editorial", "illustrates")
    ]
    assert listed("The tenants' union recognizes the risk that the new rules pose.") == [
        ("The tenants' union", "recognizes")
    ]


def test_fathom_is_a_verb_of_thought() -> None:
    assert listed("The columnist cannot fathom how the board approved the tolls.") == [
        ("The columnist", "fathom")
    ]
