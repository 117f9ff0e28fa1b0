"""Claimant rules, fifteenth round (issue 15): sources the cue lexicon knew but the rules passed over.

- "so" right after a verb of belief stands for its clause ("He doesn't think so.");
- a verb of judging with its object and what it makes of it ("Critics viewed the plan as reckless",
  "the jury judged him a danger", "the site rated the claim as false");
- asking someone about something raises it, as speaking about it does ("Roe asked him about the fees");
- an adjunct that says whose reckoning or judgement a sentence gives, as "according to" does
  ("by one estimate", "by the council's count", "by his own admission", "in the mayor's view", "in her eyes").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_so_after_a_verb_of_belief_is_its_clause() -> None:
    assert listed("Will the ferry run again? The harbour master doesn't think so.") == [
        ("The harbour master", "think"),
    ]
    assert listed("The union hopes so.") == [("The union", "hopes")]
    # "so" that qualifies the next word is no clause: nothing is believed here
    assert listed("The mayor thinks so little of the plan.") == []
    assert listed("The ferry ran so fast.") == []


def test_a_verb_of_judging_with_its_predicate_states_a_view() -> None:
    assert listed("Critics viewed the harbour plan as reckless.") == [("Critics", "viewed")]
    assert listed("The fact-checking site rated the mayor's claim as false.") == [
        ("The fact-checking site", "rated"),
    ]
    assert listed("The jury judged him a danger to the town.") == [("The jury", "judged")]
    assert listed("Most engineers regard the old pier as unsafe.") == [("Most engineers", "regard")]
    # without a second predicate the verb judges nothing aloud
    assert listed("The board considered the offer.") == []
    assert listed("The exhibit was viewed by 2,000 visitors.") == []


def test_asking_about_something_raises_it() -> None:
    assert listed("At the hearing, Senator Ana Roe asked the chief about the missing funds.") == [
        ("Senator Ana Roe", "asked"),
    ]
    assert listed("The survey asked about the new ferry tax.") == [("The survey", "asked")]
    # "about" before a number is "roughly"; asking for something is a request
    assert listed("The survey asked about 400 people.") == []
    assert listed("The mayor asked for help.") == []


def test_whose_reckoning_or_judgement_an_adjunct_names() -> None:
    assert listed("By one estimate, the repairs will take a year.") == [("one estimate", "estimate")]
    assert listed("By the council's count, the storm sank 30 boats.") == [("the council", "count")]
    assert listed("In the mayor's view, the pier is safe.") == [("the mayor", "view")]
    assert listed("Mayor Ana Roe spoke on Monday. By her own admission, the plan failed.") == [
        ("her", "admission"),
    ]
    assert listed("Mayor Tom Roe said the port was shut. Only the new pier is safe in his eyes.") == [
        ("Mayor Tom Roe", "said"), ("his", "eyes"),
    ]
    # the council's count gives the figure its claimant
    assert claimants_by_figure("By the harbour council's count, the storm sank 30 boats.")["30"] == "harbour council"
    # no owner, a count of something, or the writer's own view: no source
    assert listed("The referee stopped the fight by the count of three.") == []
    assert listed("In my view, the pier is safe.") == []
    assert listed("He was lost in the eyes of the storm.") == []
