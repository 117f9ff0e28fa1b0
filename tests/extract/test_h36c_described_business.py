"""Claimant rule of session h36c (issue 15): "the Oslo-based oil giant" is the business named before.

"The company" takes up the last name a few sentences back that the text calls a business (session h35c).  A text
that has named a business often goes on with a description of it instead: where it is ("the Oslo-based ..."), who
owns it ("the state-owned ..."), its nation or its trade ("the Danish carmaker", "the oil giant").  One to three
such words and a noun a business is called by take it up the same way, and a business called one in the lead
stays one when its name alone comes up again later.  A description that sets another business
apart ("the rival firm", "its parent company", "the largest producer"), a nation the text never gave the
business named before ("the Danish carmaker" after "Swedish carmaker Brakk"), a possessive ("the world's biggest
maker") or the bare noun that may as well be a person or a thing ("the producer") stays as written.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure

_NAMED = "Energy giant Vellco shut two of its depots on Monday. "


def test_a_described_business_is_the_business_named_before() -> None:
    assert claimants_by_figure(_NAMED + "The Oslo-based oil giant said 300 jobs would go.")["300"] == "Vellco"
    assert claimants_by_figure(_NAMED + "The state-owned firm said 300 jobs would go.")["300"] == "Vellco"
    text = "Norwegian energy giant Vellco shut two of its depots on Monday. The Norwegian fuel producer said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == "Vellco"
    # named as one in the lead, by its name alone since: still the business the description takes up
    text = _NAMED + "Queues grew at the pumps all week. " * 25 + "Vellco shut a third depot on Friday. "
    assert claimants_by_figure(text + "The Oslo-based company said 300 jobs would go.")["300"] == "Vellco"
    # nothing named as a business before: the description stays as written
    text = "Vellco shut two of its depots on Monday. The Oslo-based oil giant said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == "Oslo-based oil giant"


def test_another_business_or_a_bare_noun_is_not_taken_up() -> None:
    assert claimants_by_figure(_NAMED + "The rival firm said 300 jobs would go.")["300"] != "Vellco"
    assert claimants_by_figure(_NAMED + "The largest fuel producer said 300 jobs would go.")["300"] != "Vellco"
    assert claimants_by_figure(_NAMED + "The producer said 300 jobs would go.")["300"] != "Vellco"
    # a nation the text never gives the business named before: another business
    text = "Swedish carmaker Brakk cut its output. The Danish carmaker said 300 jobs would go."
    assert claimants_by_figure(text)["300"] != "Brakk"
    # while the same text's described business is taken up
    assert claimants_by_figure(_NAMED + "The Oslo-based company said 300 jobs would go.")["300"] == "Vellco"
