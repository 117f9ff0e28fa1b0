"""Claimant rules of session h37a (issue 15): a verb of stated intent with a to-infinitive gives its subject's plan.

"The harbour board plans to close the old pier", "the dockers' union intends to strike", "the bloc aims to spend
more on ferries": a plan made known is its maker's position, listed as a stand (never a figure's claimant).
Without an infinitive ("the board planned the route"), as a noun ("her plans to raise the levy"), or inside
what someone else reports ("Roe said she plans to ...": Roe is the source) the verb gives no source.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_a_named_body_that_plans_to_act_is_a_source() -> None:
    got = listed("The harbour board plans to close the old pier before the winter storms arrive.")
    assert ("The harbour board", "plans") in got, got


def test_intends_and_aims_with_an_infinitive_are_read_the_same_way() -> None:
    got = listed("The dockers' union intends to strike next month, and the ferry company aims to hire new crews.")
    assert ("The dockers' union", "intends") in got, got
    assert ("the ferry company", "aims") in got, got


def test_a_plan_verb_without_an_infinitive_is_no_stand() -> None:
    got = listed("The harbour board planned the new ferry route last spring.")
    assert not any(cue == "planned" for _, cue in got), got


def test_plans_as_a_noun_owned_by_someone_is_no_subject() -> None:
    got = listed("Dockers think her plans to double the levy will backfire.")
    assert not any(cue == "plans" for _, cue in got), got


def test_a_plan_inside_what_a_speaker_says_gives_the_speaker_only() -> None:
    got = listed("Mayor Ortiz said she plans to reopen the pier in June.")
    assert ("Mayor Ortiz", "said") in got, got
    assert not any(cue == "plans" for _, cue in got), got


def test_a_stated_plan_never_gives_a_figure_its_claimant() -> None:
    got = claimants_by_figure("The harbour board plans to hire 40 new pilots this year.")
    assert got == {"40": ""}, got


def test_a_measure_that_aims_at_something_holds_no_plan() -> None:
    got = listed("The new port charges aim to cut the queues of lorries at the border crossing.")
    assert not any(cue == "aim" for _, cue in got), got


def test_a_relative_clause_of_intent_is_read_on_its_host() -> None:
    got = listed("Donors gave money to a harbour fund that intends to rebuild the old lighthouse.")
    assert ("that", "intends") in got, got


def test_a_role_named_in_apposition_can_hold_a_plan() -> None:
    got = listed("The mayor's deputy, Ana Lee, plans to publish the harbour accounts next week.")
    assert ("Ana Lee", "plans") in got, got  # (the name in apposition is the source, as for any verb)
