"""Every-sentence sources, seventh round (issue 15): what a speaker says of themself, and more cues.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract

from .helpers import claimants_by_figure


def _listed(text: str) -> list[tuple[str, str, str]]:
    return [(a.source_text, a.cue, a.name) for a in extract(text).attributions]


# -- "X said he expected 40 ...": the figure is what X said; "he" is not listed beside X ---------------


@pytest.mark.parametrize(
    ("text", "figure", "source", "name", "pronoun"),
    [
        ("Ravi Osei said he expected to sell 40 boats a year.", "40", "Ravi Osei", "Ravi Osei", "he"),
        ("Mayor Lena Brandt said she hoped 3,000 runners would enter.", "3,000", "Mayor Lena Brandt", "Lena Brandt", "she"),
        ("Harbour officials said they feared 12 berths would close.", "12", "Harbour officials", "Harbour officials", "they"),
    ],
)
def test_a_figure_a_speaker_reports_of_themself_has_one_source(
    text: str, figure: str, source: str, name: str, pronoun: str
) -> None:
    listed = _listed(text)
    assert [x for x in listed if x[0] == source][0][2] == name
    assert not [x for x in listed if x[0] == pronoun]
    assert claimants_by_figure(text)[figure] == name


def test_a_named_source_inside_a_report_still_gives_the_figure() -> None:
    # "the ministry estimated 300": the innermost named source asserts the figure
    text = "Ravi Osei said the fisheries ministry estimated 300 boats were idle."
    assert claimants_by_figure(text)["300"] == "fisheries ministry"
    assert ("the fisheries ministry", "estimated", "fisheries ministry") in _listed(text)


# -- what a finding or a document says is part of its report: "an audit found that X could not be sure" --


@pytest.mark.parametrize(
    ("text", "source", "inner"),
    [
        ("A city audit found that the harbour board could not be sure the money was spent well.", "A city audit", "the harbour board"),
        ("The footage shows that Ravi Osei talked about the ferry cuts.", "The footage", "Ravi Osei"),
    ],
)
def test_a_stance_inside_what_a_finding_reports_is_not_listed(text: str, source: str, inner: str) -> None:
    sources = [x[0] for x in _listed(text)]
    assert source in sources
    assert inner not in sources


# -- "X went on to explain": the infinitive after "go on" is X's own (the parser hangs it as a purpose clause) --


@pytest.mark.parametrize(
    ("text", "source", "cue", "name"),
    [
        ("Mayor Lena Brandt went on to explain how the levy works.", "Mayor Lena Brandt", "explain", "Lena Brandt"),
        ("Ravi Osei then went on to criticize the ferry timetable.", "Ravi Osei", "criticize", "Ravi Osei"),
    ],
)
def test_going_on_to_speak_names_the_speaker(text: str, source: str, cue: str, name: str) -> None:
    assert (source, cue, name) in _listed(text)


@pytest.mark.parametrize("text", ["The ferry went on to sail to Oban.", "The board met on Monday to discuss the levy."])
def test_going_on_or_meeting_without_a_cue_of_its_own_lists_no_one(text: str) -> None:
    # (a purpose clause after any verb, "met ... to discuss", was measured and left out: too many nested reports)
    assert _listed(text) == []


# -- a participle with no subject of its own is read with the verb it hangs on ------------------------


@pytest.mark.parametrize(
    ("text", "listed", "inner"),
    [
        # the participle hangs on a verb inside what Osei says: it is part of his report
        ("Ravi Osei said he had sailed to Oban, knowing that the ferry was late.", "Ravi Osei", "he"),
        ("The footage shows that Ravi Osei stood by the pier, contradicting the harbour master.", "The footage", "Ravi Osei"),
        # a report inside what the participle says belongs to the participle's speaker
        ("Lena Brandt spoke on Monday, arguing that the council had admitted the fault.", "Lena Brandt", "the council"),
    ],
)
def test_a_participle_inside_a_report_is_part_of_it(text: str, listed: str, inner: str) -> None:
    sources = [x[0] for x in _listed(text)]
    assert listed in sources
    assert inner not in sources


def test_a_participle_on_a_main_clause_still_names_its_subject() -> None:
    assert ("Ravi Osei", "criticizing", "Ravi Osei") in _listed("Ravi Osei sailed to Oban on Monday, criticizing the ferry timetable.")


# -- the subject of a bare infinitive after "make", "let", "help" is not a source -----------------------


@pytest.mark.parametrize(
    ("text", "subject", "main"),
    [
        ("The chair made the harbour master testify in public.", "the harbour master", None),
        ("Organisers let the runners know that the route had moved.", "the runners", None),
        ("The chair asked the harbour master to testify in public.", "the harbour master", "The chair"),
    ],
)
def test_the_subject_of_a_bare_infinitive_is_not_a_source(text: str, subject: str, main: str | None) -> None:
    sources = [x[0] for x in _listed(text)]
    assert subject not in sources
    if main is not None:
        assert main in sources
