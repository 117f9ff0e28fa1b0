"""Every-sentence sources, sixth round (issue 15): writings that speak, and what stays unlisted.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract

from .helpers import claimants_by_figure


def _listed(text: str) -> list[tuple[str, str, str]]:
    return [(a.source_text, a.cue, a.name) for a in extract(text).attributions]


# -- a writing whose authors go unnamed: "one slide says", "the firm's brief said" -----------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("One chart says ferry fares doubled over the winter.", "One chart", "says"),
        ("The bakery's brief said that the oven had passed inspection.", "The bakery's brief", "said"),
        ("The tenants' submission to the tribunal noted earlier rulings on damp.", "The tenants' submission to the tribunal", "noted"),
        ("Other leaked emails suggest the merger was agreed in March.", "Other leaked emails", "suggest"),
        ("Their petition says the harbour vote was rigged.", "Their petition", "says"),
    ],
)
def test_a_writing_that_speaks_is_listed_without_a_name(text: str, source: str, cue: str) -> None:
    # listed for the reader, with no name: nothing unnamed becomes a claimant
    assert (source, cue, "") in _listed(text)


@pytest.mark.parametrize(
    "text",
    [
        "One chart fell off the wall during the storm.",
        "The petition gathered dust in a drawer.",
        "Their emails arrived late on Friday.",
    ],
)
def test_a_writing_without_a_cue_is_no_source(text: str) -> None:
    assert _listed(text) == []


def test_a_writing_gives_no_figure_its_claimant() -> None:
    # "one slide says 40 ...": the slide is listed, but a figure's claimant must have a name
    assert claimants_by_figure("One slide says 40 ferries were cancelled in March.")["40"] == ""


# -- "the sign read": a writing reads its quoted words ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ('"Closed until the river drops," the sign read.', "the sign", "read"),
        ('The caption reads, "A flooded lane near the mill."', "The caption", "reads"),
        ('The letter from the parish board reads: "We are closing the hall."', "The letter from the parish board", "reads"),
    ],
)
def test_a_writing_that_reads_its_words_is_a_source(text: str, source: str, cue: str) -> None:
    assert (source, cue, "") in _listed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The inspector read the report twice before lunch.",
        "The report reads like a thriller in places.",
        'Ana Roe read the sign aloud to her son.',
    ],
)
def test_reading_is_not_a_cue(text: str) -> None:
    assert not any(cue in ("read", "reads") for _, cue, _ in _listed(text))


# -- "continue to ...": an aspect, not a cue ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The regulars continued to stay away from the fish market.",
        "Clearly that is something we must continue to work hard to keep.",
    ],
)
def test_continue_with_an_infinitive_is_no_cue(text: str) -> None:
    assert not any(cue.startswith("continu") for _, cue, _ in _listed(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"We will rebuild the pier," the harbour master continued.', "the harbour master"),
        ('Ana Roe continued: "Nothing was lost in the flood."', "Ana Roe"),
    ],
)
def test_continue_with_quoted_words_is_a_cue(text: str, source: str) -> None:
    assert any(src == source and cue.startswith("continu") for src, cue, _ in _listed(text))


# -- "the mayor" is not the senator named last ---------------------------------------------------------------


def test_an_office_does_not_resolve_to_a_person_titled_with_another() -> None:
    text = (
        "Tram line delayed again.\n\n"
        "Senator Ray Okafor said the tram line would cost $40 million. The mayor said 12 stops would open in May.\n"
    )
    listed = _listed(text)
    assert ("The mayor", "said", "") in listed  # listed for the reader, unnamed
    claims = claimants_by_figure(text)
    assert claims["$40 million"] == "Ray Okafor"
    assert claims["12"] == ""  # no claimant rather than the wrong one


@pytest.mark.parametrize(
    ("text", "figure", "claimant"),
    [
        (
            "Tram line delayed again.\n\nMayor Lina Vos said the line would open late. "
            "Later the mayor said 9 stations were ready.\n",
            "9", "Lina Vos",
        ),
        (
            "Mill jobs lost.\n\nPresident Ana Ruiz said 300 jobs were lost. The president added that 20 firms had closed.\n",
            "20", "Ana Ruiz",
        ),
    ],
)
def test_an_office_resolves_to_the_person_who_holds_it(text: str, figure: str, claimant: str) -> None:
    assert claimants_by_figure(text)[figure] == claimant


# -- 'Said Ortiz: "..."': the tag before a quotation, verb first -------------------------------------------


def test_a_verb_first_tag_names_the_speaker_named_before() -> None:
    text = (
        "Fares to rise again.\n\n"
        "Tom Ortiz, a rail consultant, has followed the fare plan for years. "
        "Critics warn that the levy will make fares harder to follow. "
        'Said Ortiz: "Nobody on the board has read the levy."\n'
    )
    assert any(src == "Ortiz" and cue == "said" for src, cue, _ in _listed(text))


def test_a_verb_first_tag_needs_the_name_given_before() -> None:
    # "Said" may be a given name ("Said Ortiz: ..." as a speaker label): the rule reads the tag only
    # when the text named the speaker before
    from desk.extract.claimants import _inverted_tags

    line = 'Said Ortiz: "Nobody on the board has read the levy."\n'
    assert _inverted_tags("Fares to rise again.\n\nThe board met on Monday. " + line) == []
    text = "Fares to rise again.\n\nTom Ortiz, a rail consultant, spoke on Monday. " + line
    (ss, se, cs, ce, cue), = _inverted_tags(text)
    assert (text[ss:se], text[cs:ce], cue) == ("Ortiz", "Said", "said")
