"""Claimant rules of session h34p (issue 15): a name written in lower case after an apposition's comma.

"according to the regional weekly, novosti": some outlets and groups write their names in lower case.  A
one-word apposition set off by a comma after a singular common noun can only be a name (a singular count noun
there takes a determiner: "the weekly, a paper ..."), so it is the source, as a capitalised one is.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure, listed


def test_a_lower_case_name_after_a_bare_descriptor() -> None:
    text = "Some 2,300 recruits have deserted, according to investigative news site, pravdoskop."
    assert listed(text) == [("pravdoskop", "according to")]
    assert claimants_by_figure(text) == {"2,300": "pravdoskop"}
    # a determiner after the comma: a description, not a name
    assert listed("Around 85 stalls closed, according to the guild, a body run by traders.") == [
        ("the guild", "according to")
    ]


def test_a_lower_case_name_after_a_described_outlet_and_what_is_no_name() -> None:
    text = "At least 61 barges sank, according to the river monitor, navstat, on Tuesday."
    assert claimants_by_figure(text) == {"61": "navstat"}
    # a plural head: a bare plural after it is a list or a kind, not its name
    assert listed("Some 90 kiosks closed, according to two unions, hauliers.") == [("two unions", "according to")]
    # an adverb or a relative clause after the comma names nobody
    assert listed("About 75 ferries stopped, according to the port office, however.") == [
        ("the port office", "according to")
    ]
    assert listed("About 75 ferries stopped, according to the tracking site, which logs sailings.") == [
        ("the tracking site", "according to")
    ]
