"""As-of times, counted quantities and the disagreement/growth decision, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.compare.asof import AsOf, dateline_date, resolve_as_of
from desk.compare.disagree import ClaimFact, hedged_interval, judge
from desk.compare.quantity import Quantity, fold_subject, quantity_of
from desk.model import Figure

D = dt.date
#: a Wednesday
BASE = D(2023, 5, 17)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("The regional governor said on Saturday that 12 people had died.", D(2023, 5, 13), D(2023, 5, 13)),
        ("A week earlier, the ministry had counted 300 wounded.", D(2023, 5, 10), D(2023, 5, 10)),
        ("Two days ago the harbour office logged 40 departures.", D(2023, 5, 15), D(2023, 5, 15)),
        ("Last month the agency registered 9,000 applications.", D(2023, 4, 1), D(2023, 4, 30)),
        ("The count to 2 May stood at 410 arrests.", D(2023, 5, 2), D(2023, 5, 2)),
        ("By early April, the toll had reached 75.", D(2023, 4, 10), D(2023, 4, 10)),
        ("In mid-March the ferry carried 900 passengers.", D(2023, 3, 11), D(2023, 3, 20)),
        ("As of 1 May 2023, 1,100 homes had no power.", D(2023, 5, 1), D(2023, 5, 1)),
        ("Yesterday the inspectors found 14 damaged pylons.", D(2023, 5, 16), D(2023, 5, 16)),
        ("The inspectors found 14 damaged pylons, the report says.", BASE, BASE),
        ("So far this month 60 boats have docked.", D(2023, 5, 1), BASE),
    ],
)
def test_relative_expressions_resolve_against_the_article_date(sentence: str, start: dt.date, end: dt.date) -> None:
    asof = resolve_as_of(sentence, BASE)
    assert (asof.start, asof.end) == (start, end), asof


def test_since_counts_up_to_the_article_date() -> None:
    asof = resolve_as_of("Since 3 March, 2,500 volunteers have signed up.", BASE)
    assert asof.exact == BASE
    assert asof.since == D(2023, 3, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the storm made landfall on 3 March, at least 2,500 homes have been flooded.",
        "Since the start of the strike on March 3, 2,500 workers have walked out.",
        "From the first day of the drought on 3 March, 2,500 wells ran dry, the agency says.",
        "From the beginning of the outbreak on 3 March to date, 2,500 cases were confirmed.",
        "Officials counted 2,500 evacuees in the flood that began on 3 March.",
    ],
)
def test_a_date_inside_a_since_clause_starts_the_count(sentence: str) -> None:
    asof = resolve_as_of(sentence, BASE, at=sentence.index("2,500"))
    assert asof.exact == BASE, asof
    assert asof.since == D(2023, 3, 3)


def test_a_plain_on_date_is_still_the_claims_day() -> None:
    text = "The ferry left from the northern pier on 3 March with 250 passengers."
    assert resolve_as_of(text, BASE, at=text.index("250")).exact == D(2023, 3, 3)
    text = "On 3 March, 250 people were rescued since the river rose."
    assert resolve_as_of(text, BASE, at=text.index("250")).exact == D(2023, 3, 3)


def test_an_undated_end_day_is_kept_with_the_start_open() -> None:
    text = "Losses from 2 March, when the siege began, to 19 April came to about 7,300 vehicles."
    asof = resolve_as_of(text, None, at=text.index("7,300"))
    assert asof.start is None
    assert asof.end is None
    assert asof.open_end == "19 April"
    assert asof.label() == "… – 19 April (year not given)"
    assert resolve_as_of("By June 4, 80 bridges were closed.", None).open_end == "June 4"
    # with a date the same words give the day itself
    assert resolve_as_of(text, BASE, at=text.index("7,300")).exact == D(2023, 4, 19)


def test_first_days_leave_the_start_open() -> None:
    asof = resolve_as_of("In the first five days of the flood, 31 villages were cut off.", BASE)
    assert asof.start is None
    assert asof.end == BASE


def test_an_undated_article_gets_an_open_interval_never_an_invented_date() -> None:
    asof = resolve_as_of("On Saturday 12 people died.", None)
    assert asof == AsOf(None, None, "")
    assert asof.label() == "undated"
    # an absolute date with its year needs no article date
    assert resolve_as_of("On 4 June 2021 the dam held 80 tonnes.", None).exact == D(2021, 6, 4)


def test_the_expression_nearest_the_figure_wins() -> None:
    text = "On Monday officials put the toll at 8; a week earlier it was 3."
    assert resolve_as_of(text, BASE, at=text.index("8")).exact == D(2023, 5, 15)
    assert resolve_as_of(text, BASE, at=text.index("3.")).exact == D(2023, 5, 10)


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve_as_of("The council may close 30 schools.", BASE).exact == BASE


def test_dateline() -> None:
    assert dateline_date("LVIV, Ukraine, March 3 (Reuters) - Rescuers dug", D(2023, 3, 4)) == D(2023, 3, 3)
    assert dateline_date("Rescuers dug through the night.", D(2023, 3, 4)) is None
    assert resolve_as_of("Rescuers found 9 people.", D(2023, 3, 4), dateline=D(2023, 3, 3)).basis == "dateline"


def fig(text: str, value: float, counted: str, qualifier: str = "", high: float | None = None) -> Figure:
    return Figure(0, len(text), text, value, qualifier=qualifier, counted=counted, high=high)


def q(counted: str, claimant: str = "") -> Quantity:
    out = quantity_of(fig("1", 1, counted), claimant=claimant)
    assert out is not None
    return out


def test_counted_thing_identity() -> None:
    assert q("Russian soldiers killed") == q("Russian troops killed")
    assert q("Russian soldiers killed").matches(q("soldiers killed"))
    assert not q("Russian soldiers killed").matches(q("Ukrainian soldiers killed"))
    assert not q("Russian soldiers killed").matches(q("Russian soldiers wounded"))
    assert not q("civilians killed").matches(q("soldiers killed"))
    assert q("Russian soldiers killed").label == "Russian soldiers killed"
    assert {q("Russian soldiers killed"), q("Russian troops killed")} == {q("Russian soldiers killed")}
    # "of its own troops" belongs to the claimant's side, not to the side the other figure counts
    own = q("of its own troops killed", claimant="Defence Ministry")
    assert own.subject.startswith("own:")
    assert not own.matches(q("Chilean troops killed"))
    assert q("tons of wheat").thing == "wheat"
    # tons and tonnes are one unit (within any hedge of each other)
    assert q("tons of wheat").unit == q("tonnes of wheat").unit == "tonn"
    assert fold_subject("Chilean") == fold_subject("Chile's") == fold_subject("Chileans")


def test_a_claimant_names_the_side_whose_losses_it_reports_only_as_a_sides_body() -> None:
    # "the Chilean military said 40 soldiers were killed": a side's body reports its own losses
    assert q("soldiers killed", claimant="Chilean military").subject == fold_subject("Chilean")
    assert q("people killed", claimant="the Chilean side").subject == fold_subject("Chilean")
    assert q("soldiers killed", claimant="Chilean infrastructure ministry").subject == fold_subject("Chilean")
    # a surname that ends like an adjective, a given name, or a third country's newspaper names no side
    assert q("people killed", claimant="Marakai").subject == ""
    assert q("people killed", claimant="Dorian Vale").subject == ""
    assert q("people died", claimant="the Norwegian newspaper").subject == ""


def test_a_participle_after_the_counted_phrase_narrows_the_thing_counted() -> None:
    from desk.extract.figures import find_figures

    def quantity(text: str) -> Quantity:
        (f,) = find_figures(text)
        out = quantity_of(f, (text, f.start, f.end))
        assert out is not None
        return out

    running = quantity("Only one of the four turbines running was repaired.")
    assert running.written == "turbines"  # the phrase shown stops at the noun
    assert not running.matches(quantity("The station has six turbines."))  # the running ones, not all of them
    assert quantity("Crews replaced nine turbines during the storm.").thing == quantity("It has six turbines.").thing


def test_the_clause_gives_the_kind_when_the_phrase_does_not() -> None:
    text = "The blast killed 53 miners at the pit."
    f = Figure(text.index("53"), text.index("53") + 2, "53", 53, counted="miners")
    got = quantity_of(f, (text, f.start, f.end))
    assert got is not None
    assert got.kind == "kill"
    assert got.thing == "miner"


def claim(value: float, counted: str, claimant: str, day: dt.date | None, outlet: str, qualifier: str = "",
          text: str | None = None) -> ClaimFact:
    f = fig(text or f"{value:,.0f}", value, counted, qualifier)
    asof = AsOf(day, day) if day else AsOf(None, None)
    return ClaimFact.from_figure(f, claimant, q(counted, claimant), asof, outlet)


def kinds(claims: list[ClaimFact]) -> list[str]:
    return [v.kind for v in judge(claims)]


def test_rival_figures_at_one_time_disagree_and_the_flag_says_who_and_when() -> None:
    a = claim(53, "miners killed", "the mine operator", D(2023, 2, 1), "Daily Ledger")
    b = claim(50, "miners killed", "the regional council", D(2023, 2, 2), "Harbour News")
    (v,) = judge([a, b])
    assert v.kind == "disagree"
    assert "53" in v.text
    assert "50" in v.text
    assert "the mine operator" in v.text
    assert "2023-02-01" in v.text
    assert "2023-02-02" in v.text


def test_claimant_names_alone_never_flag() -> None:
    a = claim(9_000_000, "refugees fled", "UNHCR", D(2023, 2, 1), "Daily Ledger", text="9 million")
    b = claim(9_000_000, "refugees fled", "the UN refugee agency", D(2023, 2, 1), "Harbour News", text="9 million")
    assert kinds([a, b]) == ["agree"]


def test_rounding_within_a_hedge_never_flags() -> None:
    a = claim(26_000, "tons of wheat", "", D(2023, 2, 1), "Daily Ledger")
    b = claim(26_527, "tons of wheat", "", D(2023, 2, 1), "Harbour News")
    c = claim(50, "miners killed", "", D(2023, 2, 1), "Daily Ledger", "at least")
    d = claim(50, "miners killed", "", D(2023, 2, 1), "Harbour News", "more than")
    assert kinds([a, b]) == ["agree"]
    assert kinds([c, d]) == ["agree"]
    assert hedged_interval(fig("26,000", 26_000, "tons")) == (25_500, 26_650)


def test_incompatible_bounds_disagree() -> None:
    a = claim(100_000, "refugees", "", D(2023, 2, 1), "Daily Ledger", "up to")
    b = claim(100_000, "refugees", "", D(2023, 2, 1), "Harbour News", "more than")
    assert kinds([a, b]) == ["disagree"]


def test_a_cumulative_count_growing_over_time_is_growth() -> None:
    a = claim(1_480, "civilians killed", "the monitoring mission", D(2023, 4, 3), "Daily Ledger")
    b = claim(4_253, "civilians killed", "the monitoring mission", D(2023, 6, 20), "Harbour News")
    (v,) = judge([a, b])
    assert v.kind == "growth"
    assert not v.disagreement
    assert v.text.index("1,480") < v.text.index("4,253")


def test_other_subjects_and_kinds_never_flag_against_each_other() -> None:
    day = D(2023, 3, 9)
    ours = claim(14_400, "Chilean soldiers killed", "the General Staff", day, "Harbour News", "more than")
    theirs = claim(1_300, "Peruvian soldiers killed", "the President", day, "Daily Ledger")
    own = claim(500, "of its own troops killed", "the Defence Ministry", day, "Daily Ledger")
    wounded = claim(3_000, "Chilean soldiers wounded", "the General Staff", day, "Harbour News")
    verdicts = judge([ours, theirs, own, wounded])
    assert len(verdicts) == 4
    assert not any(v.disagreement for v in verdicts)
