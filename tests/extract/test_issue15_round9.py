"""Every-sentence sources, ninth round (issue 15): a poll's share that chooses, a run of things said, and a
poll named before taken up as a clause's frame ("In this poll, ...").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract

from .helpers import claimants_by_figure, listed

# -- a share of those asked that chooses: "41 percent would choose the mayor" ------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Among registered voters, 52 percent would choose the mayor.", "52 percent", "choose"),
        ("In the harbour ward, 41 percent chose the tunnel and 38 percent picked the bridge.", "38 percent", "picked"),
        ("Only 30 percent support the ferry tax.", "30 percent", "support"),
        ("Nearly 45 percent of likely voters would back the mayor.", "45 percent of likely voters", "back"),
    ],
)
def test_a_share_of_those_asked_that_chooses_is_listed(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("About 40 percent of the budget supports the ferry line.", "supports"),  # a share of a thing
        ("The council chose a contractor for the bridge.", "chose"),  # no share: an act, as before
        ("Prices rose 5 percent and 30 percent of the harbour was closed.", "rose"),
    ],
)
def test_a_share_of_a_thing_or_a_plain_choice_lists_nothing(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


def test_the_share_names_no_claimant_for_its_own_figure() -> None:
    claims = claimants_by_figure("Among registered voters, 52 percent would choose the mayor.")
    assert claims["52 percent"] == ""


# -- a run of things said, by any verb: "X unleashed a flurry of tweets" -------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The governor unleashed a flurry of tweets attacking the harbour board.", "The governor", "unleashed"),
        ("Late on Sunday, Lena Brandt fired off a string of angry posts about the fares.", "Lena Brandt", "fired"),
        ("Ravi Osei let loose a barrage of insults at the ferry union.", "Ravi Osei", "let"),
    ],
)
def test_whoever_puts_out_a_run_of_words_is_its_source(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The rebels launched a wave of attacks on the port.", "launched"),  # acts, not words
        ("The storm brought a wave of complaints from passengers.", "brought"),  # a storm says nothing
        ("Ravi Osei drank a series of coffees before the vote.", "drank"),  # a run of things, not of words
    ],
)
def test_a_run_of_acts_or_a_subject_that_cannot_speak_lists_nothing(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


# -- a poll named before, taken up as a clause's frame: "In this poll, ..." ---------------------------------

_POLL = "A Harbour Gazette poll of 900 residents found the mayor ahead. "


def test_this_poll_as_a_frame_is_the_poll_named_before() -> None:
    attrs = extract(_POLL + "In this poll, the mayor gained three points since the debate.").attributions
    framed = [a for a in attrs if a.source_text == "this poll"]
    assert [(a.cue, a.name) for a in framed] == [("in", "Harbour Gazette poll")]


def test_a_figure_in_the_framed_clause_is_the_polls() -> None:
    claims = claimants_by_figure(_POLL + "In this poll, the mayor gained three points since the debate.")
    assert claims["three"] == "Harbour Gazette poll"


@pytest.mark.parametrize(
    "second",
    [
        "The rival did better than in the other polls.",  # a comparison with other polls
        "Her support fell from 58 percent in the last poll to 55 percent now.",  # an older poll, not this one
        "Her gains in the polls were small.",  # on a noun, not a clause's frame
    ],
)
def test_other_polls_a_comparison_or_a_noun_frame_nothing(second: str) -> None:
    attrs = extract(_POLL + second).attributions
    assert not [a for a in attrs if a.cue == "in"]


def test_an_unnamed_poll_with_none_before_lists_nothing() -> None:
    assert not [x for x in listed("In this poll, the mayor gained three points.") if x[1] == "in"]


# -- "according to" a writing its maker is named for: "according to a speech Ana Roe delivered" --------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The tax would rise for firms, according to a speech Ana Roe delivered in May.", "Ana Roe"),
        ("The toll rose to 40, according to a report that the harbour ministry released on Monday.",
         "the harbour ministry"),
        ("Fares rose, according to a survey the ferry union commissioned last year.", "the ferry union"),
    ],
)
def test_according_to_a_writing_names_its_maker(text: str, source: str) -> None:
    assert (source, "according to") in listed(text)


def test_the_makers_name_is_the_figures_claimant() -> None:
    claims = claimants_by_figure("The fares would rise by 12 percent, according to a speech Ana Roe delivered in May.")
    assert claims["12 percent"] == "Ana Roe"


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 40, according to a report released on Monday.",  # no maker named
        "The toll rose to 40, according to a report the reporters saw.",  # seeing makes nothing
    ],
)
def test_a_writing_without_a_named_maker_names_no_one(text: str) -> None:
    assert not [x for x in listed(text) if x[1] == "according to" and x[0] != "a report"]


# -- an editor's notice or an interjection before a colon is no speaker ---------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("CLARIFICATION: An earlier version of this story misstated the date of the ferry vote.", "CLARIFICATION"),
        ("Ah, friends once more: the mayor endorses her old rival.", "Ah"),
        ("Oh, not again: the harbour board delays the vote.", "Oh"),
    ],
)
def test_a_notice_or_an_interjection_before_a_colon_is_no_source(text: str, word: str) -> None:
    attrs = extract(text).attributions
    assert not [a for a in attrs if a.source_text == word or a.name == word]


# -- a group counted vaguely ("dozens of newspapers") is a source like "many" or "some" -------------------------


def test_a_vaguely_counted_group_that_takes_a_stand_is_listed() -> None:
    got = listed("The mayor has been endorsed by dozens of newspapers across the region.")
    assert [cue for source, cue in got if source.startswith("dozens")] == ["endorsed"]


def test_a_vaguely_counted_group_without_a_cue_lists_nothing() -> None:
    assert listed("Dozens of ferries were cancelled on Sunday.") == []


# -- a body's decision: "the court ruled", "the council imposed fees", "repealed by the legislature" ------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("A federal appeals court ruled on Friday against the ferry fees.", "A federal appeals court", "ruled"),
        ("The harbour council imposed new fees on cargo ships.", "The harbour council", "imposed"),
        ("The ferry law was repealed by the state legislature in 2019.", "the state legislature", "repealed"),
        ("The transport committee voted 9-4 to close the line.", "The transport committee", "voted"),
        ("Federal prosecutors charged two port managers with fraud.", "Federal prosecutors", "charged"),
        ("Acme paid a record fine imposed by the port regulator for overcharging.", "the port regulator", "imposed"),
    ],
)
def test_a_body_that_decides_is_the_source_of_its_decision(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The storm blocked the coast road.", "blocked"),  # no body decides
        ("Acme passed the safety test in May.", "passed"),  # a firm is no deciding body
        ("The ferry passed the harbour wall at noon.", "passed"),
        ("The rules passed last year cover the harbour.", "passed"),  # a participle that names no one deciding
    ],
)
def test_the_same_verbs_with_another_subject_list_nothing(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


def test_a_decision_names_no_claimant_for_a_figure() -> None:
    # a stance, listed for the reader: the fee is the council's act, not a figure it reports
    assert claimants_by_figure("The harbour council imposed a fee of 40 euros on cargo ships.")["40"] == ""


# -- a role noun does not take its name across a full stop after a short word ("the Harbour Law. The court") --


@pytest.mark.parametrize(
    ("before", "name"),
    [
        ("Ana Roe sued in the Norland Supreme Court. ", "Norland Supreme Court"),  # the court named before
        ("", ""),  # no court named: no name, rather than "Harbour Law. The court"
    ],
)
def test_a_role_noun_takes_no_name_across_a_short_words_full_stop(before: str, name: str) -> None:
    text = before + "The judges must follow the Harbour Law. The court will not take sides. Even so, the court found an interest in her case."
    attrs = extract(text).attributions
    assert [(a.source_text, a.name) for a in attrs if a.cue == "found"] == [("the court", name)]


# -- verbs of resisting or disregarding: "X resisted the deal", "X balked at the cost" ---------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The harbour board has long resisted such limits on cargo.", "The harbour board", "resisted"),
        ("The mayor balked at the cost of the new tunnel.", "The mayor", "balked"),
        ("Lena Brandt has largely ignored the question of ferry fares.", "Lena Brandt", "ignored"),
        ("The union defied the court order and stayed out.", "The union", "defied"),
        ("Norland snubbed the summit in Varnia.", "Norland", "snubbed"),
    ],
)
def test_resisting_or_disregarding_gives_a_position(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ferry ducked under the bridge.", "ducked"),  # a boat moving, with no object or stance
        ("Ravi Osei dodged.", "dodged"),  # nothing resisted
    ],
)
def test_a_bodily_dodge_without_an_object_lists_nothing(text: str, cue: str) -> None:
    assert not [x for x in listed(text) if x[1] == cue]


# -- "those" with what describes them is a group of people: "those close to the mayor say" ---------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Those close to the mayor say that she would have to consider two others.", "Those close to the mayor", "say"),
        ("Those familiar with the talks said the port deal was close.", "Those familiar with the talks", "said"),
    ],
)
def test_those_described_are_listed_as_a_source(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


def test_those_as_a_pronoun_for_things_is_no_source() -> None:
    assert [x[0] for x in listed("Those are the rules, the mayor said.")] == ["the mayor"]


# -- adherents and partisans are people: "his surrogates called", "one Republican threatened" -------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("His surrogates called the fare plan a disgrace.", "His surrogates", "called"),
        ("One Republican threatened to block the harbour bill.", "One Republican", "threatened"),
        ("Ferry rights advocates have expressed deep concern about the new fares.", "Ferry rights advocates", "expressed"),
    ],
)
def test_adherents_and_partisans_are_listed_as_sources(text: str, source: str, cue: str) -> None:
    assert (source, cue) in listed(text)


def test_a_partisan_word_as_a_thing_is_no_source() -> None:
    assert listed("The users' guide lists three ferry routes.") == []


# -- a source that changes its own count or forecast states the new one: "the ministry raised the toll to 163" --


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        ("The interior ministry raised the toll to 163 on Monday.", "163", "interior ministry"),
        ("The Norland central bank cut its growth forecast to 2.1 percent.", "2.1 percent", "Norland central bank"),
    ],
)
def test_who_changes_a_count_or_forecast_claims_the_new_figure(text: str, figure: str, claimant: str) -> None:
    assert claimants_by_figure(text)[figure] == claimant


def test_a_forecast_changed_by_a_pronoun_source_is_listed() -> None:
    text = "The Norland Fund said growth would hold. It edged up its forecast for the region by 0.1 points to 4.2 percent."
    assert ("It", "edged") in listed(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The storm raised the toll to 40.", "40"),  # no one who counts
        ("The port cut its fees by half and its staff to 30.", "30"),  # fees and staff are no estimate
    ],
)
def test_a_change_by_no_counter_or_of_no_estimate_claims_nothing(text: str, figure: str) -> None:
    assert claimants_by_figure(text)[figure] == ""
