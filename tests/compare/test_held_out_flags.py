"""False flags found by reading compare rows on queries outside the dev set (issue 12), on text written here.

- A smaller figure its own sentence sets, in one voice, beside a larger one of the same quantity is a part
  (or another day's count): it never clashes with another report.
- The people displaced inside their own country are a part of all the displaced.
- A date in brackets that belongs to another clause does not date the figure.
- A count told to date from one start ("this year", "since <day>") that is larger on a later day has grown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.asof import resolve_as_of
from desk.compare.disagree import ClaimFact, judge, sub_counts
from desk.compare.places import INSIDE, figure_scope
from desk.compare.quantity import quantity_of
from desk.compare.statements import judge_claims, passage_claims
from desk.extract.figures import find_figures
from desk.model import PassageRef

from .helpers import make_ref


def _ref(text: str, outlet: str, day: dt.date) -> PassageRef:
    """A passage of ``text`` with every figure desk finds in it, unattributed, dated ``day``."""
    figures = [(f.text, f.value, f.qualifier, f.counted, "") for f in find_figures(text)]
    return dataclasses.replace(make_ref(text, outlet, article=outlet + "-1", figures=figures), date=day)


def _flagged(*refs: PassageRef) -> list[str]:
    return [v.text for v in judge_claims(passage_claims(list(refs))) if v.disagreement]


def _claim(text: str, written: str, outlet: str, day: dt.date) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), "")
    assert q is not None
    return ClaimFact.from_figure(fig, "", q, resolve_as_of(text, day, at=fig.start), outlet,
                                 key=(outlet, written), document=outlet + written,
                                 scope=figure_scope(text, fig.start, fig.end))


DAY = dt.date(2031, 3, 12)


# --- a part its own sentence counts beside the whole -------------------------------------------------------------

def test_a_crossings_count_beside_the_whole_in_one_sentence_does_not_clash_with_another_whole() -> None:
    part = _ref("Some 2.7 million people have fled Varnia and nearly 380,000 have gone out through the Dolna crossing.",
                "Daily A", DAY)
    whole = _ref("At least 2.75 million people have fled Varnia.", "Daily B", DAY)
    assert _flagged(part, whole) == []
    # the same two figures from two reports, each alone, still clash
    alone = _ref("Nearly 380,000 people have fled Varnia.", "Daily A", DAY)
    assert _flagged(alone, whole)


def test_sub_counts_takes_the_smaller_figure_of_one_voice_only() -> None:
    text = "Five people were killed in the raids on Monday and three more died in the shelling on Tuesday."
    facts = [(0, _claim(text, "Five", "Daily A", DAY)), (0, _claim(text, "three", "Daily A", DAY))]
    assert sub_counts(facts) == {1}
    # two sentences, or two voices, set no part
    assert sub_counts([(0, facts[0][1]), (1, facts[1][1])]) == set()
    other_voice = dataclasses.replace(facts[1][1], claimant="Harbour Police")
    assert sub_counts([facts[0], (0, other_voice)]) == set()


# --- the displaced inside the country ------------------------------------------------------------------------------

def test_the_displaced_inside_the_country_are_a_part_of_all_the_displaced() -> None:
    inside = "Some 3.1 million went to nearby states, while 4.2 million remain displaced inside Varnia itself."
    assert figure_scope(inside, inside.index("4.2"), inside.index("4.2") + 11) == INSIDE
    assert figure_scope(inside, inside.index("3.1"), inside.index("3.1") + 11) != INSIDE
    listed = "Of the 2.2 million who left the coast and the 5 million people displaced internally, few have gone home."
    assert figure_scope(listed, listed.index("5 million"), listed.index("5 million") + 9) == INSIDE
    assert figure_scope(listed, listed.index("2.2"), listed.index("2.2") + 11) != INSIDE

    total = _ref("The fighting has displaced more than 9 million people, the agency said.", "Daily A", DAY)
    part = _ref("Some 3.1 million went to nearby states, while 4.2 million remain displaced inside Varnia itself.",
                "Daily B", DAY)
    assert _flagged(total, part) == []
    rival = _ref("The fighting has displaced 4.2 million people, the agency said.", "Daily B", DAY)
    assert _flagged(total, rival)


# --- a date in brackets of another clause ----------------------------------------------------------------------------

def test_a_bracketed_date_of_another_clause_does_not_date_the_figure() -> None:
    text = ("The blast at the depot cost eight guards their lives but came near the end of the season, unless the later "
            "(March 3, 2029) raid on the harbour is counted.")
    got = resolve_as_of(text, DAY, at=text.index("eight"))
    assert (got.start, got.end) == (DAY, DAY)
    # a bracket in the figure's own clause still dates it
    own = "Eight guards were killed in the raid on the harbour (March 3, 2029), the navy said."
    got = resolve_as_of(own, DAY, at=0)
    assert (got.start, got.end) == (dt.date(2029, 3, 3), dt.date(2029, 3, 3))


def test_a_toll_dated_by_another_events_bracket_does_not_clash_with_that_days_toll() -> None:
    aside = _ref("The blast at the depot killed eight guards but came near the end of the season, unless the later "
                 "(March 3, 2029) raid on the harbour is counted.", "Daily A", DAY)
    that_day = _ref("On March 3, 2029, a raid on the depot killed three guards.", "Daily B", DAY)
    assert _flagged(aside, that_day) == []


# --- a count to date grown ------------------------------------------------------------------------------------------------

def test_a_count_told_to_date_from_one_start_grows() -> None:
    october = _ref("The board has lifted its lending rate on five occasions this year.", "Daily A", dt.date(2031, 10, 11))
    november = _ref("The board has now lifted its lending rate on six occasions this year.", "Daily B",
                    dt.date(2031, 11, 10))
    assert _flagged(october, november) == []
    verdicts = judge_claims(passage_claims([october, november]))
    assert any(v.kind in ("growth", "change") for v in verdicts)
    # the later count smaller: a count to date cannot fall, and the two disagree
    fell = _ref("The board has lifted its lending rate on four occasions this year.", "Daily B", dt.date(2031, 11, 10))
    assert _flagged(october, fell)


def test_counts_of_one_day_are_not_counts_to_date() -> None:
    a = _claim("The board lifted its lending rate on five occasions on Monday.", "five", "Daily A", dt.date(2031, 11, 10))
    b = _claim("The board lifted its lending rate on six occasions on Monday.", "six", "Daily B", dt.date(2031, 11, 10))
    assert any(v.disagreement for v in judge([a, b]))


# --- what was won back only grows ----------------------------------------------------------------------------------------

def test_a_count_of_what_was_won_back_grows_within_days() -> None:
    friday = _ref("On Friday the president said his troops had liberated 35 villages in the north.",
                  "Daily A", dt.date(2031, 9, 13))
    sunday = _ref("The regional governor said the troops have reclaimed more than 45 villages in the north.",
                  "Daily B", dt.date(2031, 9, 15))
    assert _flagged(friday, sunday) == []
    # figures of what an army holds on one day still clash
    held = _ref("The regional governor said the army holds more than 45 villages in the north.", "Daily B",
                dt.date(2031, 9, 12))
    holds = _ref("On Friday the president said the army holds 35 villages in the north.", "Daily A",
                 dt.date(2031, 9, 13))
    assert _flagged(holds, held)


# --- a count of the past day beside a count of another day ---------------------------------------------------------------

def test_a_count_of_the_past_day_does_not_clash_with_a_count_of_a_day_two_days_later() -> None:
    third = _ref("In the past day, five towns in the Greyvale region came under shelling, officials said.", "Daily A",
                 dt.date(2031, 11, 3))
    fifth = _ref("In the Greyvale region, seven towns came under shelling, officials said.", "Daily B",
                 dt.date(2031, 11, 5))
    assert _flagged(third, fifth) == []
    same_day = _ref("In the Greyvale region, seven towns came under shelling, officials said.", "Daily B",
                    dt.date(2031, 11, 3))
    assert _flagged(third, same_day)


def test_a_count_told_as_reached_by_now_grows_days_later() -> None:
    early = _ref("Some 14,000 Dorn residents have by now been moved to the south bank, the governor said.",
                 "Daily A", dt.date(2031, 10, 20))
    later = _ref("About 19,000 Dorn residents have crossed to the south bank, the regional office said.", "Daily B",
                 dt.date(2031, 10, 23))
    assert _flagged(early, later) == []
    plain = _ref("Some 14,000 Dorn residents have been moved to the south bank, the governor said.",
                 "Daily A", dt.date(2031, 10, 23))
    assert _flagged(plain, later)


def test_an_amount_converted_in_brackets_is_rounded() -> None:
    converted = _ref("The army has reclaimed 1,400 square kilometres (541 square miles) of farmland.", "Daily A", DAY)
    hedged = _ref("The army claims to have taken more than 542 square miles of farmland.", "Daily B", DAY)
    assert _flagged(converted, hedged) == []
    # the amount itself, not in brackets, is exact
    plain = _ref("The army has reclaimed 541 square miles of farmland.", "Daily A", DAY)
    assert _flagged(plain, hedged)
