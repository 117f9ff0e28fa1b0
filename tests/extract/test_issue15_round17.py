"""Claimant rules, seventeenth round (issue 15, "Resolution across sentences"): role nouns and carried sources.

- a common noun with an organisation's name of several words right after it gives the name: "according to the
  relief group Harbour Aid Council" -> "Harbour Aid Council" (the parser hangs the name on its last word, so the
  apposition did not start right after the noun);
- "his office", "her government", "its president" inside a report is the reporter's: "Chancellor Mira Falk said
  her government had decided ..." -> "Mira Falk’s government" (it had stayed "her government"); after such a source
  a later "it" or "they" names nobody ("Norland says its president has vowed ... it claimed" is neither);
- a noun that describes a person ("the lawmaker", "the politician", "the veteran diplomat") stands for the person
  named last before it when that person is also the last person who spoke, unless an unnamed person of that kind
  came up since ("A lawmaker from the coast ... The lawmaker said"), another full name came up since, or the
  person was named with another office ("President Ann Roe ... the senator said").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract

from .helpers import claimants_by_figure


def _names(text: str) -> list[tuple[str, str]]:
    return [(a.source_text, a.name) for a in extract(text).attributions]


def test_a_name_of_several_words_after_a_common_noun_is_the_source() -> None:
    text = "Some 150 skiffs joined the flotilla off Carrow Point, according to the relief group Harbour Aid Council."
    assert ("Harbour Aid Council", "Harbour Aid Council") in _names(text)
    assert claimants_by_figure(text)["150"] == "Harbour Aid Council"
    # a lower-case word after the noun is no name: the noun stays the source
    text = "Some 150 skiffs joined the flotilla, according to the relief group based in Carrow."
    assert claimants_by_figure(text)["150"] != "Carrow"


def test_a_possessive_pronoun_inside_a_report_is_the_reporters() -> None:
    text = "Chancellor Mira Falk said her government had decided to cut the levy on lamp oil by 9%."
    assert ("her government", "Mira Falk’s government") in _names(text)
    text = "Governor Tomas Ebbe told reporters his office had counted 31 flooded cellars in Wrenford."
    assert ("his office", "Tomas Ebbe’s office") in _names(text)


def test_a_noun_describing_a_person_stands_for_the_person_named_before() -> None:
    text = (
        "Senator Ray Osei told a radio host on Friday that the Wrenford ferry needed new engines. "
        '"Nobody has touched those engines in nine winters," the lawmaker said.'
    )
    assert ("the lawmaker", "Ray Osei") in _names(text)
    assert claimants_by_figure(text)["nine"] == "Ray Osei"
    text = (
        "Martin Kowal, who ran the harbour board for a decade, said on Monday that he would leave the party. "
        "The politician claimed that 40 trawlers had been laid up since May."
    )
    assert claimants_by_figure(text)["40"] == "Martin Kowal"


def test_a_describing_noun_does_not_skip_an_unnamed_person_of_its_kind() -> None:
    text = (
        "Senator Ray Osei toured the quay at Wrenford on Friday. A lawmaker from the coast came with him. "
        "The lawmaker said 14 boats had been idle all month."
    )
    assert claimants_by_figure(text)["14"] != "Ray Osei"
    # nor a person the text named with another office
    text = (
        "President Ann Roe opened the new lock at Wrenford on Friday. "
        "The senator said 30 barges would use it each week."
    )
    assert claimants_by_figure(text)["30"] != "Ann Roe"
    # nor a person the text names after the last one who spoke, nor the speaker across that person
    text = (
        "Economist Ann Roe said the quay would close in June. The council later thanked Martin Kowal for his years "
        "on the harbour board. The analyst said 12 boats would move to Carrow."
    )
    assert claimants_by_figure(text)["12"] not in ("Ann Roe", "Martin Kowal")


def test_who_taking_up_a_describing_noun_is_not_the_person_named_before() -> None:
    text = "Mayor Lena Hart spoke after the harbour tycoon who claimed that 300 jobs would go."
    assert claimants_by_figure(text)["300"] != "Lena Hart"


def test_a_possessive_inside_a_report_is_owned_by_the_reporter_and_not_taken_up_by_it() -> None:
    # "his" is the one who reports, not another man named before
    text = (
        "Tomas Ebbe chairs the Wrenford ferry board. Yet the pilot Karl Brandt said his brothers had counted "
        "40 idle barges on the canal."
    )
    assert ("his brothers", "Karl Brandt’s brothers") in _names(text)
    # what the reporter says of "its" people is not what a later "it" takes up
    text = (
        "Norland says its president has vowed to retake the whole coast. By May it claimed to hold 60% of the coast."
    )
    assert claimants_by_figure(text)["60%"] == ""
