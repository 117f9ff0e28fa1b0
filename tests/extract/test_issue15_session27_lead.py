"""Claimant rules of session 27's lead (issue 15), found in the Claims tab on a real folder.

- A day or an utterance the parser hangs on the source's head is not the source: in "the Vesk ministry in its
  statement Tuesday said", the ministry speaks, not "Tuesday", and a later "It added" is the ministry too.
- "it" never takes up a group named in the plural ("the border guards said ... It says"): that group is
  "they", so "it" names nobody the text makes clear, and the figure stays the outlet's own.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract

from .helpers import claimants_by_figure


def test_a_day_hung_on_the_source_is_not_the_source() -> None:
    text = (
        "Reporters asked the Vesk government about the flooded mine. The Vesk energy ministry in its statement "
        'Tuesday said: "No miner was hurt while the pumps were off." It added that its crews pumped out 918 '
        "tonnes of water before they left on May 2."
    )
    claimant = claimants_by_figure(text)["918"]
    assert "ministry" in claimant
    assert "Tuesday" not in claimant


def test_the_statement_the_source_spoke_in_is_not_part_of_its_name() -> None:
    text = 'The Orlo port authority in a statement said 64 ships were waiting outside the harbour.'
    names = {a.name for a in extract(text).attributions}
    assert "Orlo port authority" in names
    assert not any("statement" in n for n in names)


def test_it_does_not_take_up_a_group_named_in_the_plural() -> None:
    text = (
        "Border guards at Tarn said the queue of lorries reached the river on Friday. The customs office opened "
        "two more lanes. It says 730 lorries crossed in one day."
    )
    assert claimants_by_figure(text)["730"] != "border guards"
    assert "guards" not in claimants_by_figure(text)["730"].lower()


def test_it_still_takes_up_a_body_named_in_the_singular() -> None:
    text = (
        "The Tarn customs office said the queue of lorries reached the river on Friday. It says 730 lorries "
        "crossed in one day."
    )
    assert "customs office" in claimants_by_figure(text)["730"].lower()


def test_a_ministry_whose_first_word_reads_as_a_person_is_still_it() -> None:
    text = (
        "The Vesk energy ministry said on Tuesday that no miner was hurt. It added that the crews pumped out 918 "
        "tonnes of water."
    )
    assert claimants_by_figure(text)["918"] == "Vesk energy ministry"


def test_a_first_name_used_alone_is_the_person_named_in_full_before() -> None:
    text = (
        "Ivo Marek, a retired welder, said the shelling began at night. The lorries came at dawn, Ivo said. "
        'He said: "Nine of them stopped outside the school." It says 316 homes in the valley have no power.'
    )
    claims = claimants_by_figure(text)
    assert claims["Nine"] == "Ivo"
    assert claims["316"] != "Ivo"


def test_a_month_after_the_source_is_not_its_name() -> None:
    text = "The port lost more than 8,400 jobs, according to Harbour Board estimates from early October."
    assert claimants_by_figure(text)["8,400"] == "Harbour Board estimates"


def test_a_day_or_a_month_alone_is_never_a_claimant() -> None:
    from desk.extract.cues import acceptable_source

    assert not acceptable_source("October", "October")
    assert not acceptable_source("Sunday", "Sunday")
    assert acceptable_source("Sunday Times", "The Sunday Times")
    assert acceptable_source("May", "May")  # also a surname


def test_yesterday_before_the_source_is_not_part_of_its_name() -> None:
    text = "The town is under siege, and yesterday officials claimed they had held off 6 assaults on the bridge."
    assert claimants_by_figure(text)["6"] == "officials"
