"""Claimant rules of session h31a (issue 15): the one a feeling is stirred in holds a view.

"That worries the growers", "the delay has angered Ada Roe", "..., frustrating Mayor Ada Roe", "dock owners have
been unsettled by the strikes": a verb of stirring a feeling (worry, anger, frustrate, unsettle, ...) tells of the
view its object (or the subject of its passive) holds of what stirs it, when that is someone who can hold one.
Not a thing ("the news stunned the market"), not when negated ("it did not worry the growers"), and not a
participle that only describes a noun ("a troubling report", "the troubled mine").  The tagger may read the verb
as an adjective of its object after "has" or a comma; the verb is then no part of the source.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_the_object_of_a_stirring_verb_holds_a_view() -> None:
    assert listed("He covers only a tenth of the cost. That worries the growers.") == [("the growers", "worries")]
    assert ("Mayor Ada Roe", "frustrating") in listed("The town has lagged in fixing the pier, frustrating Mayor Ada Roe.")
    assert ("councillors", "angered") in listed("The paper has regularly angered councillors and harbour pilots.")
    # (no one feels it in a thing, under a negation, or in a participle that only describes a noun)
    assert listed("The news stunned the market.") == []
    assert listed("It did not worry the growers.") == []
    assert listed("The troubling report alarmed nobody.") == []
    assert listed("It was a frustrating day for Ada Roe.") == []


def test_the_subject_of_the_passive_holds_a_view() -> None:
    assert listed("Dock owners have been unsettled by the strikes.") == [("Dock owners", "unsettled")]
