"""Figure and source rules of session h37d (issue 15), found on wire and broadcaster passages of our own.

- "one in five", "one in 10", "one out of every 20": a ratio gives one figure per number (the GUIDE), so its
  "one" counts; the "one" of "one in a million" does not.
- "children under five who ...": an age, not a count (the GUIDE: ages in any form are no figures); "children
  under 5 kilos" is a measure and stays.
- "the charity Youth Futures says": when the parse gives only the role noun as the subject, the name that
  follows it up to the cue is the source.
- "the company said" takes up a source a few back whose name is a business's by its last word ("Hanra
  Semiconductor", "Vell Motors"), which the recogniser may not label at all.
- "data from the statistics office showed", "figures released by X show": the numbers' maker is the source,
  as in "according to figures from X".
- "according to a new survey from the charity Homes Trust ... the report found": the name after the role noun is the
  source of "according to" too, and the writing taken up later ("the report") is the maker's (measured on the
  held-out set, data/h37d_heldout.json).
- "1,200 firms took part in the survey", "900 adults were questioned in the poll": the sample of a poll is the
  outlet's voice (the GUIDE), not the poll's finding.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.figures import find_figures
from tests.extract.helpers import claimants_by_figure


def _values(text: str) -> list[float]:
    return [f.value for f in find_figures(text)]


def test_one_of_a_ratio_counts() -> None:
    assert _values("One in four ferries ran late in June.") == [1, 4]
    assert _values("The survey says one in 12 pupils walks to school.") == [1, 12]
    assert _values("Roughly one out of every 20 ballots was spoiled.") == [1, 20]


def test_one_that_is_no_ratio_stays_out() -> None:
    assert "one" not in [f.text for f in find_figures("She was one in a million, her coach said.")]
    assert _values("In one clip the mayor waves at the crowd.") == []


def test_young_children_under_an_age() -> None:
    assert _values("The drops are free for children under five who live on the islands.") == []
    assert _values("Some 35 toddlers under three were treated at the clinic.") == [35]
    # a measure a child is under stays a figure
    assert _values("Seats are required for children under 18 kilos.") == [18]


def test_name_after_a_role_noun_is_the_source() -> None:
    text = "The charity Harbour Lights says 70 families slept in their cars last winter."
    assert claimants_by_figure(text) == {"70": "Harbour Lights"}


def test_company_takes_up_a_business_by_its_name() -> None:
    text = (
        "Dalvik Semiconductor reported a quarterly loss of 40 million dollars on Monday. "
        "Sales fell to 2.1 billion dollars, the company said."
    )
    assert claimants_by_figure(text) == {"40 million": "Dalvik Semiconductor", "2.1 billion": "Dalvik Semiconductor"}


def test_numbers_speak_for_their_maker() -> None:
    text = "Bread prices rose 6.4% in May, data from the statistics bureau showed."
    assert claimants_by_figure(text) == {"6.4%": "statistics bureau"}
    text = "Figures released by Tellsby Council show 310 homes were flooded."
    assert claimants_by_figure(text) == {"310": "Tellsby Council"}


def test_sample_of_a_poll_is_the_outlets_voice() -> None:
    assert claimants_by_figure("Some 1,150 shop owners took part in the Harbour Institute survey.") == {"1,150": ""}
    # the poll's own finding keeps the poll
    text = "Support for the bridge stood at 58% in the Harbour Institute survey."
    assert claimants_by_figure(text) == {"58%": "Harbour Institute survey"}


def test_answers_of_those_asked_are_no_sample() -> None:
    from desk.extract import load_model
    from desk.extract.claimants import _takes_part_in

    def poll_of(sentence: str) -> bool:
        doc = load_model()(sentence)
        return _takes_part_in(next(t for t in doc if t.lower_ in ("poll", "survey")))

    assert poll_of("Some 900 adults were questioned in the poll.")
    assert poll_of("A total of 75 clubs took part in the survey.")
    # those asked, named as the ones whose answers follow: the poll's finding, no sample
    assert not poll_of("Most of those interviewed in the survey named rents as their main worry.")
    # no count of who took part
    assert not poll_of("The mayor took part in the survey.")


def test_name_after_a_role_noun_after_according_to() -> None:
    from desk.extract.claimants import _name_after_role

    text = "Fares rose 8% this spring, according to a tally kept by the rail union Trackmen."
    src = text.index("the rail union")
    cue = text.index("according to")
    got = _name_after_role(text, (src, src + len("the rail union")), (cue, cue + len("according to")))
    assert text[got[0] : got[1]] == "the rail union Trackmen"
    # a role noun with no name after it stays as it is
    text = "Fares rose 8% this spring, according to the rail union."
    src = text.index("the rail union")
    got = _name_after_role(text, (src, src + len("the rail union")), (cue, cue + len("according to")))
    assert text[got[0] : got[1]] == "the rail union"
