"""Claimant rules of session h40c (issue 15): a modal verb in a side clause says nothing yet.

"... only if the mayor can persuade its members that ...", "because its leader cannot defend the rota",
"a deal that a cautious mayor might have praised": a modal ("can", "could", "would", "might", "will" ...) on a
verb inside an adverbial or a relative clause tells what someone could or would do, as a condition, a reason
or a description of a thing.  Nobody says or holds anything there, so the verb's subject is not listed.  The
same verbs with their modal in a main clause ("Critics would call the rota a gamble") and side clauses
without a modal ("after the mayor persuaded ...") are read as before, and so are two side clauses that do
tell of words: what someone can say ("though the ministry could confirm only 12 deaths") and a past told
from later on ("the mayor, who would later say that ...").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_modal_in_an_adverbial_clause_names_no_source() -> None:
    assert listed(
        "The harbour board will sign the lease only if the mayor can persuade its members that the rent is fair."
    ) == []
    assert listed("The union walked out because its leader cannot defend the new rota.") == []
    assert listed("The hearing looked pointless, since the pilot would assert his right to silence.") == []
    assert listed("The port will open a second berth once the council can back the plan.") == []


def test_a_modal_in_a_relative_clause_names_no_source() -> None:
    assert listed("It is the kind of deal that a cautious mayor might have praised.") == []
    # (the modal may sit on the verb the cue completes)
    assert listed("Rail workers who will continue to back the strike met on Monday.") == []


def test_the_same_verbs_without_the_modal_or_in_a_main_clause_are_read() -> None:
    assert listed(
        "The board signed the lease after the mayor persuaded its members that the rent was fair."
    ) == [("the mayor", "persuaded")]
    assert listed("The mayor can persuade its members that the rent is fair.") == [("The mayor", "persuade")]
    assert listed("Critics would call the new rota a gamble.") == [("Critics", "call")]
    assert ("who", "told") in listed(
        "The union leader, who later told reporters that the talks had failed, left early."
    )


def test_side_clauses_that_tell_of_words_are_read() -> None:
    # (what someone can say is said: a speech verb with "can" or "could")
    assert listed("Rescuers kept digging, though the ministry could confirm only 12 deaths.") == [
        ("the ministry", "confirm")
    ]
    # (a past told from later on)
    assert listed("The mayor, who would later say that the fees were a mistake, signed the order.") == [
        ("who", "say")
    ]
    assert listed("The mayor, who would say that the fees were a mistake, signed the order.") == []
