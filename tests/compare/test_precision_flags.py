"""Doubtful flags a researcher met on real queries, and the rules that keep them away: a plan or a process
begun beside a count of what happened, the dead and the hurt counted as one, one day's toll beside the war's
total, a converted amount that loses its hedge, and a count told again days later that has grown in step.

Every sentence here is written for these tests (invented country, towns, people and figures).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import ClaimFact, judge
from desk.compare.quantity import quantity_of
from desk.compare.statements import describe_row
from desk.extract.figures import find_figures
from desk.model import PassageRef, Row

from .helpers import make_ref

DAY = dt.date(2031, 6, 3)


def _claim(text: str, written: str, outlet: str, day: dt.date = DAY, claimant: str = "") -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), claimant)
    assert q is not None, text
    return ClaimFact.from_figure(fig, claimant, q, AsOf(day, day), outlet, key=(outlet, written),
                                 document=outlet + text[:16])


def _flagged(claims: list[ClaimFact], **kw: int) -> bool:
    return any(v.disagreement for v in judge(claims, **kw))  # type: ignore[arg-type]


def test_a_process_begun_is_its_target_not_a_count_and_does_not_clash_with_one() -> None:
    begun = _claim("Ahead of the assault the army began evacuating 30,000 civilians from Ostrava.", "30,000",
                   "Daily A", DAY)
    done = _claim("Last month the army evacuated 12,000 civilians from Ostrava.", "12,000", "Daily B", DAY)
    assert begun.quantity.kind == "planned evacuat"
    assert done.quantity.kind == "evacuat"
    assert not _flagged([begun, done])
    # two counts of what was done on one day still clash
    other = _claim("The army evacuated 30,000 civilians from Ostrava, officials said.", "30,000", "Daily C", DAY)
    assert _flagged([other, done])


def test_a_permission_or_a_possibility_is_not_a_count_of_what_happened() -> None:
    allowed = _claim("Nine ships have now been authorised to sail from the port of Veln.", "Nine", "Daily A")
    sailed = _claim("Since the corridor opened, seven ships have left the port of Veln.", "seven", "Daily B")
    assert allowed.quantity.kind == "planned"
    assert sailed.quantity.kind == ""
    assert not _flagged([allowed, sailed])
    could = _claim("The charity said the new camp could hold 4,000 refugees.", "4,000", "Daily A")
    assert could.quantity.kind.startswith("planned")
    # a count of ships that sailed against another such count is still a clash
    more = _claim("Since the corridor opened, nine ships have left the port of Veln.", "nine", "Daily C")
    assert _flagged([more, sailed])


def test_the_dead_and_the_hurt_counted_together_are_casualties_not_a_death_toll() -> None:
    both = _claim("The charity says nearly 400 children have been killed or injured since the war began.", "400",
                  "Daily A")
    dead = _claim("Officials say 150 children have been killed since the war began.", "150", "Daily B")
    assert both.quantity.kind == "casualty"
    assert dead.quantity.kind == "kill"
    assert not _flagged([both, dead])
    # a figure for the dead followed by a separate figure for the hurt keeps its kind
    split = _claim("Officials say 210 children have been killed and 300 injured since the war began.", "210",
                   "Daily C")
    assert split.quantity.kind == "kill"
    assert _flagged([split, dead])


def test_one_days_toll_is_not_the_wars_total() -> None:
    day = _claim("It was claimed that nearly 800 Varnian soldiers were killed in one day.", "800", "Daily A")
    worst = _claim("Varnia lost 760 soldiers on what was its deadliest day of the war.", "760", "Daily C")
    since = _claim("Some 700 Varnian soldiers were killed on Monday, the bloodiest day since the invasion began.", "700",
                   "Daily D")
    total = _claim("Varnia has lost over 4,000 soldiers since the start of the war.", "4,000", "Daily B")
    assert since.quantity.scope == "event"  # the "since" dates the superlative, not the count
    assert day.quantity.scope == "event"
    assert worst.quantity.scope == "event"
    assert total.quantity.scope == "total"
    assert not _flagged([day, total])
    assert not _flagged([worst, total])


def _row(*refs: PassageRef) -> Row:
    row = Row(cells={})
    for r in refs:
        row.cells.setdefault(r.outlet, []).append(dataclasses.replace(r, date=DAY))
    describe_row(row)
    return row


def test_an_amount_in_brackets_after_a_hedged_one_carries_the_hedge() -> None:
    converted = make_ref(
        "The army has retaken more than 772 square miles (2,000 square kilometres) within days.", "Daily A",
        figures=[("772", 772, "more than", "square miles", ""), ("2,000", 2000, "", "square kilometres", "")])
    rival = make_ref("The general said the army had retaken about 3,000 square kilometres since the offensive began.",
                     "Daily B", figures=[("3,000", 3000, "about", "square kilometres", "the general")])
    row = _row(converted, rival)
    assert not row.disagreement
    # written without a hedge before the bracket, 2,000 is 2,000 and clashes with about 3,000
    bare = make_ref(
        "The army has retaken 772 square miles (2,000 square kilometres) within days.", "Daily A",
        figures=[("772", 772, "", "square miles", ""), ("2,000", 2000, "", "square kilometres", "")])
    row = _row(bare, rival)
    assert row.disagreement
    assert any("2,000" in d and "3,000" in d for d in row.differences if "do not agree" in d)


def test_a_count_told_again_days_later_that_grew_in_step_is_growth() -> None:
    first = _claim("The ministry said 120,200 visas have now been issued.", "120,200", "Daily A", DAY,
                   "ministry")
    later = _claim("As of Friday, 124,400 visas have been issued, the government said.", "124,400", "Daily B",
                   DAY + dt.timedelta(days=4), "government")
    assert not _flagged([first, later])
    (v,) = judge([first, later])
    assert v.kind in ("growth", "change")
    assert v.text.index("120,200") < v.text.index("124,400")
    # the same two figures on one day are rivals
    same_day = dataclasses.replace(later, as_of=AsOf(DAY, DAY))
    assert _flagged([first, same_day])
    # a jump far beyond the days between is no growth in step
    jump = _claim("As of Friday, 150,000 visas have been issued, the government said.", "150,000", "Daily B",
                  DAY + dt.timedelta(days=4), "government")
    assert _flagged([first, jump])
    # a later figure hedged the other way is the same figure, not growth ("up to" vs "more than")
    up_to = _claim("The ministry said up to 100,000 visas would be issued.", "100,000", "Daily A", DAY, "ministry")
    over = _claim("Officials said more than 100,000 visas would be issued.", "100,000", "Daily B",
                  DAY + dt.timedelta(days=3), "officials")
    assert _flagged([up_to, over])


def test_tolls_are_left_to_the_toll_gap() -> None:
    first = _claim("Officials said 50 people were killed in the strike on the depot.", "50", "Daily A", DAY,
                   "officials")
    later = _claim("The police said 52 people were killed in the strike on the depot.", "52", "Daily B",
                   DAY + dt.timedelta(days=3), "police")
    # without a toll gap (the timeline's default) the three-day pair still clashes, as before
    assert _flagged([first, later])
    assert not _flagged([first, later], toll_gap_days=2)


def test_tolls_told_two_days_apart_count_two_days_or_an_update_but_the_next_days_still_clash() -> None:
    first = _claim("Shelling of Ostrava killed two people and wounded nine, the governor said.", "two", "Daily A", DAY,
                   "the governor")
    two_days = _claim("One person was killed in shelling of Ostrava, local officials said.", "One", "Daily B",
                      DAY + dt.timedelta(days=2), "local officials")
    next_day = dataclasses.replace(two_days, as_of=AsOf(DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=1)))
    assert not _flagged([first, two_days], toll_gap_days=2)
    assert _flagged([first, next_day], toll_gap_days=2)
    # the timeline (no toll gap) keeps its several days' gap: the pair still clashes there
    assert _flagged([first, two_days])


def test_rival_running_totals_two_days_apart_still_clash() -> None:
    claimed = _claim("Varnia says it has lost 2,000 civilians in the fighting.", "2,000", "Daily A", DAY, "Varnia")
    counted = _claim("The UN has recorded 406 civilian deaths in Varnia.", "406", "Daily B", DAY + dt.timedelta(days=2),
                     "UN")
    assert _flagged([claimed, counted], toll_gap_days=2)


def test_a_figure_opening_its_own_clause_after_and_does_not_take_the_outcome_before_it() -> None:
    text = "The mayor says 9,000 residents have been killed in Ostrava and 60,000 are still waiting to leave."
    (fig,) = [f for f in find_figures(text) if f.text == "60,000"]
    assert quantity_of(fig, (text, fig.start, fig.end)) is None  # the 60,000 were not killed
    toll = _claim("The death toll in Ostrava has passed 9,000, the mayor said.", "9,000", "Daily B")
    assert toll.quantity.kind == "kill"
    # a second outcome in that clause is its own: "... and 75 were injured"
    hurt = "Officials said 53 people were killed and 75 were injured."
    (fig,) = [f for f in find_figures(hurt) if f.text == "75"]
    q = quantity_of(fig, (hurt, fig.start, fig.end))
    assert q is not None
    assert q.kind == "wound"


def test_a_cause_after_the_figure_is_not_a_schedule() -> None:
    caused = _claim("Officials said 12 people were killed due to the shelling of Ostrava.", "12", "Daily A")
    assert caused.quantity.kind == "kill"
    expected = _claim("Officials said 300 families are expected to leave Ostrava this week.", "300", "Daily B")
    assert expected.quantity.kind.startswith("planned")


def test_a_strike_on_a_target_is_no_plan_but_a_goal_named_as_a_target_is() -> None:
    struck = _claim("The ministry said it targeted a depot near Veln and killed 140 fighters.", "140", "Daily A")
    assert not struck.quantity.kind.startswith("planned")
    hit = _claim("Gunners struck 30 targets and destroyed 12 launchers, the army said.", "12", "Daily A")
    assert not hit.quantity.kind.startswith("planned")
    goal = _claim("The ministry set a target of 40,000 homes rebuilt by winter.", "40,000", "Daily B")
    assert goal.quantity.kind.startswith("planned")
    aims = _claim("The board's new target is to export 900,000 tonnes of barley.", "900,000", "Daily B")
    assert aims.quantity.kind.startswith("planned")
