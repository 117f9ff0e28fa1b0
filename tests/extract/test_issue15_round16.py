"""Claimant rules, sixteenth round (issue 15): sources the parser hid from the rules.

- a surname that is also a word ("Sharp", "Young") opening a sentence before a participle's phrase set off
  by commas is read by the tagger as that word; the reporting verb after the phrase then has no subject:
  "Sharp, speaking after Quill at the BBC/ITV forum, cited delays ..." gives Sharp;
- "X called <a long object> a <label>": the parser hangs the label inside the object (as an apposition no
  comma sets off, or as a second object of a verb in it), so "called" seemed to have no predicate;
- a verb of stance in an absolute phrase after "with" takes a stand of its own: "..., with the governor
  backing the developers" gives the governor;
- someone who promises, pledges or vows a thing says what is promised ("The mayor has promised a recount"); a
  thing that "promises" something states nothing ("The new pier promises a better view");
- a source introduced without "the" takes a stand as it reports: "A panel of the regional appeals court
  overruled ..." and "A report criticized ..." are listed (unnamed) like "the panel", "the report".

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_name_read_as_a_word_before_a_participle_phrase_speaks() -> None:
    text = "Sharp, speaking after Quill at the BBC/ITV forum, cited delays at the port that she blamed on the mayor."
    assert ("Sharp", "cited") in listed(text)
    # a name the tagger reads as one keeps its own subject reading
    assert listed("Brown, appearing after Roe at the harbour hustings, cited delays at the quay.") == [
        ("Brown", "cited"),
    ]
    # an adverb before the phrase is no one: the verb's own subject speaks
    assert listed("Frankly, speaking at the forum, he cited delays.") == [("he", "cited")]
    # an adjective that opens a phrase of its own is no speaker
    assert listed("Fresh, speaking at the forum, cited delays.") == []


def test_calling_a_long_object_something_names_who_calls_it() -> None:
    # (the board is listed too since h29a: "the decision by the board to ..." names who decided)
    assert listed("Critics called the decision by the board to close the pier a betrayal of the fishermen.") == [
        ("Critics", "called"), ("the board", "decision"),
    ]
    # calling someone (on the phone, to a meeting) calls nothing anything
    assert listed("The firm called the suppliers that sent them a bill.") == []
    assert listed("The firm called the suppliers who had sent the council a bill.") == []
    assert listed("Police called the owner of the boat that hit the pier a week ago.") == []


def test_a_stance_after_with_has_its_own_subject() -> None:
    assert ("the governor", "backing") in listed(
        "The council has failed over the port, with the governor backing the developers as the unions oppose them."
    )
    assert ("analysts", "offering") in listed("We list the candidates, with analysts offering their assessments of each.")
    # a participle after "with" that takes no object takes no stand
    assert listed("The ferry left at noon, with the harbour master watching.") == []


def test_promising_a_thing_says_it() -> None:
    assert listed("The mayor has promised a recount of the harbour vote.") == [("The mayor", "promised")]
    assert listed("Senator Roe is promising lower fares and a new ferry.") == [("Senator Roe", "promising")]
    # a thing holds out a prospect, no one promises anything
    assert listed("The new pier promises a better view.") == []
    assert listed("The plan promises big savings for riders.") == []


def test_a_source_introduced_without_the_takes_a_stand() -> None:
    assert listed("A panel of the regional appeals court overruled the harbour board.") == [
        ("A panel of the regional appeals court", "overruled"),
    ]
    assert listed("A report criticized the plan.") == [("A report", "criticized")]
    assert listed("In one of the schemes that your county usually offers, fees are low.") == [("your county", "offers")]
    # a writing that names no one still takes no stand of its own, and a storm is no one
    assert listed("An editorial hailed the plan.") == []
    assert listed("A storm attacked the coast.") == []
