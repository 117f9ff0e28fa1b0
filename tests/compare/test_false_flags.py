"""No flag where figures do not truly disagree: provisional counts, parts of other wholes, a mixed
bag of counts, and tolls updated day by day.

Every sentence here is written for these tests (invented towns, people and figures).
"""

from __future__ import annotations

import datetime as dt

from desk.compare.asof import AsOf
from desk.compare.disagree import (
    MAX_RIVAL_VALUES,
    ClaimFact,
    judge,
    rival_values,
    running_count,
    scales_apart,
)
from desk.compare.places import places_in
from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures

DAY = dt.date(2031, 3, 2)


def _claim(text: str, written: str, claimant: str, outlet: str, day: dt.date = DAY) -> ClaimFact:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end), claimant)
    assert q is not None
    return ClaimFact.from_figure(fig, claimant, q, AsOf(day, day), outlet, key=(outlet, written, text[:12]),
                                 document=outlet + text[:12], places=places_in(text),
                                 running=running_count(text, fig.start, fig.end))


def _flagged(claims: list[ClaimFact], **kw: int) -> bool:
    return any(v.disagreement for v in judge(claims, **kw))  # type: ignore[arg-type]


def _at(text: str, figure: str) -> tuple[int, int]:
    i = text.index(figure)
    return i, i + len(figure)


def test_a_count_its_sentence_calls_provisional_is_a_lower_bound() -> None:
    for text, fig in [
        ("Preliminary reports from the fire service said two people were killed at the depot.", "two"),
        ("According to the latest casualty report, 18 people were killed in the blast.", "18"),
        ("Mayor Olin Brask, who spoke to reporters at the town hall, said that so far 16 people have died.", "16"),
        ("Sixteen people have been confirmed dead, the regional office said.", "Sixteen"),
    ]:
        assert running_count(text, *_at(text, fig)), text
    # a bare toll said as it stands is not provisional
    plain = "The fire service said two people were killed at the depot."
    assert not running_count(plain, *_at(plain, "two"))

    early = _claim("Preliminary reports from the fire service said two people were killed at the depot.", "two",
                   "fire service", "Daily A")
    later = _claim("The blast at the depot killed at least 18 people, the governor said.", "18", "the governor",
                   "Daily B")
    assert not _flagged([early, later])
    said = _claim("The fire service said two people were killed at the depot.", "two", "fire service", "Daily A")
    assert _flagged([said, later])  # the same toll given as it stands does clash


def test_a_claimants_figure_is_running_where_the_same_claimant_gave_it_as_a_running_count() -> None:
    rose = _claim("Governor Anna Velk said the death toll had risen to 40.", "40", "Velk", "Daily A")
    share = _claim("Velk said 30 of the 40 people killed died at the scene while 10 died in hospital.", "40",
                   "Velk", "Daily B")
    more = _claim("More than 40 people were killed at the market, police said.", "40", "police", "Daily C")
    assert rose.running
    assert not share.running
    assert not _flagged([rose, share, more])
    # without the running count beside it, "the 40 killed" against "more than 40" is a clash
    assert _flagged([share, more])


def test_parts_counted_beside_other_figures_never_clash() -> None:
    a = _claim("The strike killed at least 19 people and injured another 62, officials said.", "62", "officials",
               "Daily A")
    b = _claim("The mayor said the blast killed 18 and wounded 30 others.", "30", "the mayor", "Daily B")
    assert a.quantity.thing.startswith("other")
    assert b.quantity.thing.startswith("other")
    assert not _flagged([a, b])


def test_a_share_of_a_named_group_is_a_part() -> None:
    text = "Officials said 59 people were injured, with 25 of the wounded taken to hospital."
    (fig,) = [f for f in find_figures(text) if f.text == "25"]
    q = quantity_of(fig, (text, fig.start, fig.end))
    assert q is not None
    assert q.thing.startswith("other")
    (whole,) = [f for f in find_figures(text) if f.text == "59"]
    qw = quantity_of(whole, (text, whole.start, whole.end))
    assert qw is not None
    assert not qw.thing.startswith("other")
    # a capitalised side after "of the" is who, not a share
    side = "The army said 1,200 of the Varnian troops had surrendered."
    (f2,) = [f for f in find_figures(side) if f.text == "1,200"]
    q2 = quantity_of(f2, (side, f2.start, f2.end))
    assert q2 is None or not q2.thing.startswith("other")


def test_many_different_figures_are_a_mix_of_counts_not_a_dispute() -> None:
    loads = [("9,000", "Daily A"), ("31,000", "Daily B"), ("48,000", "Daily C"), ("66,000", "Daily D"),
             ("120,000", "Daily E")]
    claims = [_claim(f"The ship left port carrying {n} tons of wheat, the ministry said.", n, "ministry", o)
              for n, o in loads]
    assert rival_values(claims) == 5 > MAX_RIVAL_VALUES
    verdicts = judge(claims, max_rivals=MAX_RIVAL_VALUES)
    assert not any(v.disagreement for v in verdicts)
    assert any(v.kind == "mixed" for v in verdicts)
    assert _flagged(claims)  # without max_rivals (the timeline) every clash still counts
    # two rival figures for one quantity on one day are a dispute
    assert _flagged(claims[:2], max_rivals=MAX_RIVAL_VALUES)
    assert rival_values(claims[:3]) == 3


def test_a_toll_updated_days_later_is_growth_but_the_next_days_differing_toll_is_a_clash() -> None:
    first = _claim("Officials said 18 people were killed in the strike on the mall.", "18", "officials", "Daily A",
                   DAY)
    four_days = _claim("The security service said 19 people were killed in the strike on the mall.", "19",
                       "security service", "Daily B", DAY + dt.timedelta(days=4))
    next_day = _claim("The security service said 23 people were killed in the strike on the mall.", "23",
                      "security service", "Daily B", DAY + dt.timedelta(days=1))
    assert not _flagged([first, four_days], toll_gap_days=2)
    (v,) = judge([first, four_days], toll_gap_days=2)
    assert v.kind == "growth"
    assert _flagged([first, next_day], toll_gap_days=2)
    # without the toll gap (the timeline's default of several days) the four-day pair still clashes
    assert _flagged([first, four_days])


def test_a_count_of_people_who_fled_is_updated_day_by_day_like_a_toll() -> None:
    early = _claim("The refugee agency said 3.5 million people fled Varnia last month.", "3.5 million",
                   "refugee agency", "Daily A", DAY)
    later = _claim("The agency said 3.8 million people fled Varnia last month.", "3.8 million",
                   "agency", "Daily B", DAY + dt.timedelta(days=3))
    assert early.quantity.kind == later.quantity.kind == "flee"
    (v,) = judge([early, later], toll_gap_days=2)
    assert v.kind == "growth"
    assert _flagged([early, later])  # without the daily gap, three days apart is still one moment


def test_counts_of_separate_events_on_different_dates_are_not_growth() -> None:
    first = _claim("In the swap, 30 soldiers were released, the governor said.", "30", "governor", "Daily A", DAY)
    later = _claim("In the swap, 50 soldiers were released, the governor said.", "50", "governor", "Daily B",
                   DAY + dt.timedelta(days=12))
    assert first.quantity.kind == "releas"
    (v,) = judge([first, later])
    assert v.kind == "change"
    assert not v.disagreement
    assert "on different dates: 30" in v.text
    assert "grew" not in v.text
    killed = [_claim(f"The governor said {n} soldiers were killed in the war.", n, "governor", o, d)
              for n, o, d in (("30", "Daily A", DAY), ("50", "Daily B", DAY + dt.timedelta(days=12)))]
    (v,) = judge(killed)
    assert v.kind == "growth"  # a toll adds up
    assert "grew over time" in v.text


def test_one_named_source_updating_its_count_two_days_later_does_not_disagree_with_itself() -> None:
    first = _claim("The Harbour Authority said 406 containers were damaged.", "406", "Harbour Authority", "Daily A",
                   DAY)
    update = _claim("At least 549 containers were damaged, the Harbour Authority said.", "549", "Harbour Authority",
                    "Daily B", DAY + dt.timedelta(days=2))
    (v,) = judge([first, update])
    assert not v.disagreement
    assert v.text.index("406") < v.text.index("549")
    # two different sources two days apart still clash, as does an unnamed "officials"
    rival = _claim("At least 549 containers were damaged, the port union said.", "549", "port union", "Daily B",
                   DAY + dt.timedelta(days=2))
    assert _flagged([first, rival])
    officials = [_claim(f"Officials said {n} containers were damaged.", n, "officials", o, d)
                 for n, o, d in (("406", "Daily A", DAY), ("549", "Daily B", DAY + dt.timedelta(days=2)))]
    assert _flagged(officials)


def test_the_toll_gap_leaves_other_quantities_alone() -> None:
    pledge = _claim("The government will accept up to 60,000 refugees from Varnia, the minister said.", "60,000",
                    "minister", "Daily A", DAY)
    more = _claim("The government will accept more than 60,000 refugees from Varnia, officials said.", "60,000", "officials", "Daily B",
                  DAY + dt.timedelta(days=3))
    assert pledge.quantity.kind not in ("kill", "wound")
    assert _flagged([pledge, more], toll_gap_days=2)


def test_a_claim_naming_no_place_is_about_the_place_the_row_names() -> None:
    from desk.compare.statements import _with_row_place

    stray = _claim("Shelling on Monday in Ostrava wounded 15 people, the governor said.", "15", "the governor",
                   "Daily A")
    mall = _claim("The missile strike on the mall in Brentholm wounded 59 people, officials said.", "59", "officials",
                  "Daily B")
    again = _claim("Rescuers in Brentholm said 59 people were wounded at the mall.", "59", "rescuers", "Daily C")
    vague = _claim("More than 50 people were wounded in the incident, police said.", "50", "police", "Daily D")
    assert vague.places == frozenset()
    # as written, the Ostrava figure and the placeless one look like one toll that cannot hold twice
    assert _flagged([stray, mall, again, vague])
    filled = _with_row_place([stray, mall, again, vague])
    assert filled[3].places == mall.places
    assert filled[0].places == stray.places
    assert not _flagged(filled)
    # a placeless toll that differs from the row's own place's toll still clashes
    low = _claim("Police said 20 people were wounded in the incident.", "20", "police", "Daily E")
    assert _flagged(_with_row_place([stray, mall, again, low]))
    # one document naming a place is not enough to call it the row's place
    assert _with_row_place([stray, vague]) == [stray, vague]


def test_figures_of_different_scale_count_different_scopes_not_rivals() -> None:
    ship = _claim("The first freighter sailed with some 40,000 tons of barley, the port said.", "40,000", "port",
                  "Daily A")
    season = _claim("About 9 million tons of barley could leave the ports this season, the minister said.",
                    "9 million", "minister", "Daily B")
    assert scales_apart(ship, season)
    assert not _flagged([ship, season])
    # rival tolls an order of magnitude apart are still a dispute
    ours = _claim("The army said 1,200 of its soldiers were killed in the offensive.", "1,200", "army", "Daily A")
    theirs = _claim("The rebels said 13,000 army soldiers were killed in the offensive.", "13,000", "rebels",
                    "Daily B")
    assert not scales_apart(ours, theirs)
    assert _flagged([ours, theirs])
    # an open-ended figure admits any larger value, so it is never of another scale
    more = _claim("More than 100 tons of barley were spoiled, the port said.", "100", "port", "Daily C")
    assert more.high == float("inf")
    assert not scales_apart(more, season)


def test_a_distance_that_places_something_is_no_quantity_to_dispute() -> None:
    for text in ("The depot lies 80 miles west of the capital, the mayor said.",
                 "The blast hit a farm 30km north-east of Brentholm.",
                 "Residents 5 miles away heard the explosion."):
        (fig,) = find_figures(text)
        assert quantity_of(fig, (text, fig.start, fig.end)) is None, text
    # a bare length says not of what ("a range of 50 miles"); a length of something named stays
    text = "The rockets have a range of 50 miles."
    (fig,) = find_figures(text)
    assert quantity_of(fig, (text, fig.start, fig.end)) is None
    text = "Engineers laid 40 miles of new track."
    (fig,) = find_figures(text)
    assert quantity_of(fig, (text, fig.start, fig.end)) is not None


def test_a_verdict_names_its_quantity_in_the_articles_words_not_in_stems() -> None:
    from desk.compare.quantity import Quantity

    stems_only = Quantity("wound", "", "varn", "count", "", "")
    written = Quantity("wound", "", "varn", "count", "Varnian soldiers wounded", "")
    a = ClaimFact(34, 34, 34, "the ministry", stems_only, AsOf(DAY, DAY), "Daily A", "34", document="a")
    b = ClaimFact(89, 89, 89, "officials", written, AsOf(DAY, DAY), "Daily B", "89", document="b")
    texts = " ".join(v.text for v in judge([a, b]))
    assert "Varnian soldiers wounded" in texts
    assert "Varn wounded" not in texts


def test_a_unit_of_measure_counts_what_follows_it() -> None:
    """"Tonnes of wheat" and "tonnes of food" are two quantities; "tons" and "tonnes" one unit."""
    wheat = _claim("Analysts at the Harlan consultancy expect Varnia to export 4.5 million tonnes of wheat in March.",
                   "4.5 million", "Harlan consultancy", "Daily A")
    food = _claim("The port of Brisk shipped five million metric tonnes of food supplies, the ministry said.",
                  "five million", "the ministry", "Daily B")
    grain = _claim("More than 9 million tons of grain have left the port of Brisk, the ministry said.", "9 million",
                   "the ministry", "Daily C")
    assert wheat.quantity.thing == "wheat"
    assert wheat.quantity.unit == "tonn"
    assert food.quantity.thing != wheat.quantity.thing
    assert not _flagged([wheat, food])
    assert not _flagged([wheat, grain])
    # the same stuff in tons and in tonnes is one quantity, and 2 million against 9 million clashes
    other = _claim("Only 2 million tonnes of grain have left the port of Brisk, port officials said.", "2 million",
                   "port officials", "Daily D")
    assert other.quantity.matches(grain.quantity)
    assert _flagged([grain, other])


def test_a_rate_is_not_a_total() -> None:
    """"Five million tonnes every month" says how fast, not how much in all: it never clashes with a total."""
    monthly = _claim("Before the blockade Varnia exported five million tonnes of grain every month.", "five million",
                     "", "Daily A")
    total = _claim("Since the deal, 9 million tonnes of grain have been exported, officials said.", "9 million",
                   "officials", "Daily B")
    assert monthly.quantity.unit == "tonn per month"
    assert total.quantity.unit == "tonn"
    assert not _flagged([monthly, total])
    daily = _claim("Refineries in Brisk process 200,000 barrels of crude oil a day, the minister said.", "200,000",
                   "the minister", "Daily C")
    yearly = _claim("Brisk's refineries process 70 million barrels of crude oil annually, analysts said.",
                    "70 million", "analysts", "Daily D")
    assert daily.quantity.unit == "barrel per day"
    assert yearly.quantity.unit == "barrel per year"
    assert not _flagged([daily, yearly])
    # "a day after" says when, not how often
    after = _claim("Three people were killed in Brisk a day after the first strike, police said.", "Three",
                   "police", "Daily E")
    assert " per " not in after.quantity.unit
    # two rates of one period do clash
    other = _claim("Refineries in Brisk process only 50,000 barrels of crude oil a day, the union said.", "50,000",
                   "the union", "Daily F")
    assert _flagged([daily, other])


def test_a_row_listing_many_loads_is_mixed_not_a_dispute() -> None:
    """Many tonnages in one row are loads of different ships, even where two loads are of one stuff."""
    loads = [
        _claim("The Arden Star left Brisk with 66,000 tons of corn, the ministry said.", "66,000", "the ministry",
               "Daily A"),
        _claim("The Pell carried 12,000 tons of corn to Varna.", "12,000", "", "Daily B"),
        _claim("A third ship took 33,000 tons of corn.", "33,000", "", "Daily C"),
        _claim("The Mora carried 6,000 tons of sunflower oil.", "6,000", "", "Daily D"),
        _claim("In all, 322,000 tons of wheat and barley were waiting in the port.", "322,000", "", "Daily E"),
    ]
    verdicts = judge(loads, max_rivals=MAX_RIVAL_VALUES)  # type: ignore[arg-type]
    assert not any(v.disagreement for v in verdicts)
    # the same two corn figures alone, in a row of nothing else, are rival figures for one load
    assert _flagged(loads[:2], max_rivals=MAX_RIVAL_VALUES)


def test_a_baseline_before_the_war_is_not_the_present_figure() -> None:
    """"6m tonnes a month before the war" sets a past level against today's; it never clashes with today's."""
    now = _claim("The minister said Varnia can now export at most 2m tonnes of grain a month, the ministry said.",
                 "2m", "the minister", "Daily A")
    before = _claim("Before the war, about 6m tonnes of grain were exported each month, the council said.", "6m",
                    "the council", "Daily B")
    compared = _claim("Exports are down to 3m tonnes of grain a month, compared with 6m tonnes of grain a month "
                      "before the war, traders said.", "6m", "traders", "Daily C")
    assert before.quantity.baseline
    assert compared.quantity.baseline
    assert not now.quantity.baseline
    assert not _flagged([now, before])
    # the figure for today in the same sentence is not the baseline
    today = _claim("Exports are down to 3m tonnes of grain a month, compared with 6m tonnes of grain a month "
                   "before the war, traders said.", "3m", "traders", "Daily C")
    assert not today.quantity.baseline
    # two accounts of the pre-war level may clash
    other = _claim("Before the war, 1m tonnes of grain were exported each month, a trade group said.", "1m",
                   "a trade group", "Daily D")
    assert _flagged([before, other])


def test_a_word_for_any_stuff_may_measure_the_same_stuff() -> None:
    """"22m tonnes of food" may be the "20m tonnes of grain" another report gives: they clash."""
    grain = _claim("A backlog of 20m tonnes of grain is stuck in the ports of Brisk, the ministry said.", "20m",
                   "the ministry", "Daily A")
    food = _claim("About 22m tonnes of food is stuck in the ports of Brisk, traders said.", "22m", "traders",
                  "Daily B")
    assert food.quantity.matches(grain.quantity)
    assert _flagged([grain, food])
    wheat = _claim("About 22m tonnes of wheat is stuck in the ports of Brisk, traders said.", "22m", "traders",
                   "Daily B")
    corn = _claim("A backlog of 20m tonnes of corn is stuck in the ports of Brisk, the ministry said.", "20m",
                  "the ministry", "Daily A")
    assert not _flagged([corn, wheat])


def test_short_names_shorten_people_not_places_or_bodies() -> None:
    from desk.compare.statements import short_name

    assert short_name("Teodor Kalm") == "Kalm"
    assert short_name("United States") == "United States"
    assert short_name("New Varnia Times") == "New Varnia Times"
    assert short_name("Red Cross") == "Red Cross"
    assert short_name("Brisk Crisis Group") == "Brisk Crisis Group"
    # watchdogs and monitors are bodies: "Harbour Rights Watch" is never "Watch"
    assert short_name("Harbour Rights Watch") == "Harbour Rights Watch"
    assert short_name("Norland Observatory") == "Norland Observatory"
    assert short_name("Amnesty International") == "Amnesty International"


def test_a_unit_with_no_stuff_named_may_measure_any() -> None:
    """"Closer to 8 million cubic metres" (of what, the sentence leaves to the one before) rivals "5.7
    million cubic metres of water"."""
    water = _claim("The operator said 5.7 million cubic metres of water were released when the spillway broke.",
                   "5.7 million", "The operator", "Daily A")
    bare = _claim("A hydrologist estimated the release at closer to 8 million cubic metres.", "8 million",
                  "A hydrologist", "Daily B")
    assert bare.quantity.unit == water.quantity.unit
    assert bare.quantity.matches(water.quantity)
    assert water.quantity.matches(bare.quantity)
    assert _flagged([water, bare])


def test_a_quantity_says_its_measure_and_rate() -> None:
    daily = _claim("Refineries in Brisk process 200,000 barrels of crude oil a day, the minister said.", "200,000",
                   "the minister", "Daily A")
    toll = _claim("Police said 40 people were killed in Brisk.", "40", "Police", "Daily B")
    assert (daily.quantity.measure, daily.quantity.rate) == ("barrel", "day")
    assert (toll.quantity.measure, toll.quantity.rate) == ("", "")
    assert daily.quantity.label == "barrels per day"


def test_a_figure_without_a_side_takes_the_side_its_twins_name() -> None:
    # the Valdorian army's own toll, reported bare by one paper and with its side by another, is not a
    # rival of the Ostrian toll a third paper gives
    bare = _claim("The defence ministry has not updated its figures since spring, when some 2,417 troops had died.",
                  "2,417", "defence ministry", "Daily A")
    sided = _claim("The ministry said that 2,417 Valdorian soldiers had been killed since the war began.",
                   "2,417", "the ministry", "Daily B")
    other_side = _claim("Officials in the capital claim 5,300 Ostrian troops have died.", "5,300", "officials",
                        "Daily C")
    assert bare.quantity.subject == ""
    assert not _flagged([bare, sided, other_side])
    # without the twin that names the side, the bare toll may be the other side's: the flag stays
    assert _flagged([bare, other_side])
    # twins that name two different sides say nothing about the bare figure
    also = _claim("Ostrian officials said 2,417 Ostrian troops had been killed.", "2,417", "officials", "Daily D")
    assert _flagged([bare, sided, also, other_side])


def test_a_share_whose_total_follows_out_of_is_a_part() -> None:
    text = "The two turbines still running out of the station's eight were stopped on Monday, Ilva Norr said."
    (two,) = [f for f in find_figures(text) if f.text == "two"]
    q = quantity_of(two, (text, two.start, two.end), "Ilva Norr")
    assert q is not None
    assert q.thing.startswith("other")
    whole = _claim("The station at Kelmar has eight turbines, the operator said.", "eight", "operator", "Daily B")
    part = _claim(text, "two", "Ilva Norr", "Daily A")
    assert not _flagged([part, whole])
    # "out of" with no figure after it says where from, not of what total
    text2 = "The two turbines were moved out of the station on Monday, Ilva Norr said."
    (two2,) = [f for f in find_figures(text2) if f.text == "two"]
    q2 = quantity_of(two2, (text2, two2.start, two2.end), "Ilva Norr")
    assert q2 is not None
    assert not q2.thing.startswith("other")


def test_two_values_one_report_gives_as_different_things_do_not_clash_elsewhere() -> None:
    # one report gives both counts, as a part and the whole: one article does not contradict itself
    doc = "The country runs 15 reactors at four stations, and the plant at Kelmar has 11 reactors."
    whole = _claim(doc, "15", "", "Daily A")
    plant = _claim(doc, "11", "", "Daily A")
    assert whole.document == plant.document
    other_whole = _claim("The country has 15 reactors in all, the ministry said.", "15", "ministry", "Daily B")
    other_plant = _claim("All 11 reactors at the plant are cut off from the grid, the operator said.", "11",
                         "operator", "Daily C")
    assert not _flagged([whole, plant, other_whole, other_plant])
    # without the report that tells them apart, 15 reactors against 11 (close enough to be rival counts of
    # a count with no kind) is flagged
    assert _flagged([other_whole, other_plant])
    # a report that sets two named sources' figures against each other reports a dispute
    moscow = _claim("Moscow said 40 guards were killed, while Kyiv said 53 guards were killed.", "40", "Moscow",
                    "Daily D")
    kyiv = _claim("Moscow said 40 guards were killed, while Kyiv said 53 guards were killed.", "53", "Kyiv",
                  "Daily D")
    elsewhere_40 = _claim("The ministry said 40 guards were killed in the raid.", "40", "ministry", "Daily E")
    elsewhere_53 = _claim("Rebel leaders said 53 guards were killed in the raid.", "53", "Rebel leaders", "Daily F")
    assert _flagged([moscow, kyiv, elsewhere_40, elsewhere_53])


def test_losses_of_a_named_side_count_that_sides_dead() -> None:
    text = ("Defence minister Pel Arto said the army had lost 600 soldiers, and claimed that losses on the "
            "Varnian side were ten times higher, at some 6,100 soldiers.")
    (theirs,) = [f for f in find_figures(text) if f.text == "6,100"]
    q = quantity_of(theirs, (text, theirs.start, theirs.end), "Pel Arto")
    assert q is not None
    assert q.subject == "varn"
    text2 = "Varnian losses in the first week reached 900 soldiers, the general staff said."
    (f2,) = [f for f in find_figures(text2) if f.text == "900"]
    q2 = quantity_of(f2, (text2, f2.start, f2.end), "general staff")
    assert q2 is not None
    assert q2.subject == "varn"
    own = _claim("The Kelmish army said it had lost 600 soldiers in the fighting.", "600", "Kelmish army", "Daily A")
    assert own.quantity.subject != "varn"
    assert not _flagged([_claim(text, "6,100", "Pel Arto", "Daily B"), own])


def test_the_side_that_lost_a_count_is_its_subject() -> None:
    for text, side in [
        ("The ministry said that Varnia's forces have lost nearly 6,000 soldiers since the war began.", "varn"),
        ("The Kelmish army lost 600 soldiers in the first month, officials said.", "kelm"),
    ]:
        (fig,) = [f for f in find_figures(text) if f.text in ("6,000", "600")]
        q = quantity_of(fig, (text, fig.start, fig.end), "ministry")
        assert q is not None
        assert q.subject == side, text
    theirs = _claim("Varnia's forces have lost nearly 6,000 soldiers, the ministry said.", "6,000", "ministry",
                    "Daily A")
    other = _claim("The minister said losses on the Kelmish side were far higher, at 61,000 soldiers killed.",
                   "61,000", "minister", "Daily B")
    assert not _flagged([theirs, other])


def test_one_report_setting_two_sides_tolls_against_each_other_is_a_dispute() -> None:
    text = ("Defence minister Pel Arto said the Kelmish army had lost some 600 soldiers. According to the "
            "Varnian side, about 5,500 Kelmish soldiers have been killed.")
    own = _claim(text, "600", "Pel Arto", "Daily A")
    rival = _claim(text, "5,500", "Varnian side", "Daily A")
    assert own.document == rival.document
    assert own.quantity.subject == rival.quantity.subject == "kelm"
    assert _flagged([own, rival])
    # one report's two counts with no rival sources are different things, not a dispute
    plain = "The strike killed 38 Kelmish soldiers, and 12 Kelmish soldiers were killed in the second wave."
    assert not _flagged([_claim(plain, "38", "", "Daily B"), _claim(plain, "12", "", "Daily B")])


def test_a_side_saying_it_lost_a_count_gives_its_own_losses() -> None:
    text = "Kelmar said later it lost four soldiers in the clash at the border post."
    (fig,) = [f for f in find_figures(text) if f.text == "four"]
    q = quantity_of(fig, (text, fig.start, fig.end), "Kelmar")
    assert q is not None
    assert q.subject == "own:kelmar"
    theirs = _claim("Varnian officials said two Kelmish soldiers were killed in the clash.", "two",
                    "Varnian officials", "Daily B")
    assert not _flagged([_claim(text, "four", "Kelmar", "Daily A"), theirs])
    # "it lost power to 300 homes" says nothing of a side's losses
    text2 = "The utility said it lost power to 300 homes overnight."
    (f2,) = [f for f in find_figures(text2) if f.text == "300"]
    q2 = quantity_of(f2, (text2, f2.start, f2.end), "utility")
    assert q2 is None or not q2.subject.startswith("own")


def test_counts_that_name_no_kind_clash_only_when_close() -> None:
    # "drones" with nothing said of what happened to them: those bought and those shot down are two sets
    bought = _claim("The Varnian army has bought nearly 380 drones from a foreign supplier, officials said.",
                    "380", "officials", "Daily A")
    seen = _claim("Commander Ilse Tarrow said 31 drones were seen over the eastern towns.", "31",
                  "Commander Ilse Tarrow", "Daily B")
    assert bought.quantity.kind == seen.quantity.kind == ""
    assert bought.quantity.strictly_matches(seen.quantity)
    verdicts = judge([bought, seen], max_rivals=MAX_RIVAL_VALUES)
    assert not any(v.disagreement for v in verdicts)
    (told,) = verdicts
    assert "may not count the same thing" in told.text
    # close figures of one kindless count are still rival counts of one set
    one = _claim("The navy said 72 drones flew toward the harbour overnight.", "72", "The navy", "Daily A")
    other = _claim("The governor said 88 drones flew toward the harbour overnight.", "88", "The governor", "Daily B")
    assert one.quantity.kind == ""
    assert _flagged([one, other], max_rivals=MAX_RIVAL_VALUES)
    # a count with a kind keeps its flag however far apart the figures lie
    low = _claim("The army said 12 soldiers were killed in the raid.", "12", "The army", "Daily A")
    high = _claim("Local officials said 150 soldiers were killed in the raid.", "150", "Local officials", "Daily B")
    assert low.quantity.kind == "kill"
    assert _flagged([low, high], max_rivals=MAX_RIVAL_VALUES)
    # a far-apart kindless figure beside two close rivals leaves the close pair's flag
    assert _flagged([one, other, bought], max_rivals=MAX_RIVAL_VALUES)


def test_one_named_source_giving_two_figures_on_one_day_is_not_a_dispute() -> None:
    # a governor's daily round-up: two tolls of one day are two towns' tolls, not a clash with himself
    north = _claim("Governor Pavel Strand said eight people were killed in shelling on Sunday.", "eight",
                   "Governor Pavel Strand", "Daily A")
    south = _claim("Governor Pavel Strand said two people were killed in shelling on Sunday.", "two",
                   "Governor Pavel Strand", "Daily B")
    assert north.quantity.strictly_matches(south.quantity)
    assert not _flagged([north, south])
    # two sources with those figures on that day do clash
    rival = _claim("The mayor, Ines Kolbe, said two people were killed in shelling on Sunday.", "two",
                   "The mayor, Ines Kolbe", "Daily B")
    assert _flagged([north, rival])


def test_a_figure_that_takes_its_side_from_a_twin_takes_its_words_too() -> None:
    named = _claim("The Varnian ministry said 15 were wounded in the raid.", "15", "Varnian ministry", "Daily A")
    bare = _claim("Eleven were killed and 15 were wounded in the raid, the channel said.", "15", "the channel",
                  "Daily B")
    assert named.quantity.subject == "varn"
    assert named.quantity.side == "Varnian"
    assert not bare.quantity.subject
    rival = _claim("A local paper said 19 were wounded in the raid.", "19", "local paper", "Daily C")
    (verdict,) = [v for v in judge([bare, rival, named]) if v.kind == "disagree"]
    taken = next(c for c in verdict.claims if c.outlet == "Daily B")
    assert taken.quantity.subject == "varn"
    assert taken.quantity.side == "Varnian"
    # the label reads as written, never as a stem ("Varn wounded")
    assert "Varn " not in verdict.text, verdict.text


def test_a_bare_share_is_rounded_to_its_last_digit() -> None:
    # "80%" written by one outlet and "more than 80%" by another on the same day: the same share, rounded
    bare = _claim("The water board said the reservoirs of Varnia were 80% full.", "80%", "The water board", "Daily A")
    hedged = _claim("Officials said the reservoirs of Varnia were more than 80% full.", "80%", "Officials", "Daily B")
    assert bare.quantity.strictly_matches(hedged.quantity)
    assert not _flagged([bare, hedged])
    # a share the hedge rules out still clashes: "nearly 40%" is not "43%"
    low = _claim("Experts said nearly 40% of voters in Varnia backed the plan.", "40%", "Experts", "Daily A")
    high = _claim("The ministry said 43% of voters in Varnia backed the plan.", "43%", "The ministry", "Daily B")
    assert _flagged([low, high])
    # a count keeps its exact value: four dead is not "more than four"
    four = _claim("The mayor said four people were killed in the Lisk market fire.", "four", "The mayor", "Daily A")
    more = _claim("Police said more than four people were killed in the Lisk market fire.", "four", "Police",
                  "Daily B")
    assert _flagged([four, more])


def test_temperatures_are_readings_that_never_clash() -> None:
    advised = _claim("Officials in Varnia advised households to keep rooms at 19 degrees Celsius this winter.",
                     "19", "Officials", "Daily A")
    measured = _claim("Tenants in Varnia said their rooms stayed at 16 degrees Celsius all week.", "16", "Tenants",
                      "Daily B")
    assert advised.quantity.reading
    assert measured.quantity.reading
    assert advised.quantity.strictly_matches(measured.quantity)
    assert not _flagged([advised, measured])
    # a count beside them is no reading
    toll = _claim("The mayor said 19 people were killed in the Lisk market fire.", "19", "The mayor", "Daily A")
    assert not toll.quantity.reading


def test_a_share_sum_or_load_lost_is_no_toll() -> None:
    # "lost" counts the dead only when it counts people or things by number
    share = _claim("Experts said the Varnian currency lost nearly 40% of its value.", "40%", "Experts", "Daily A")
    load = _claim("Officials said the port lost 20,000 tonnes of grain in the fire.", "20,000", "Officials", "Daily A")
    dead = _claim("The army said Varnia lost 300 soldiers in the battle.", "300", "The army", "Daily A")
    assert share.quantity.kind == "lost"
    assert load.quantity.kind == "lost"
    assert dead.quantity.kind == "kill"
    # so a share of value lost never meets a toll of the killed
    killed = _claim("Officials said 40% of the Varnian soldiers were killed.", "40%", "Officials", "Daily B")
    assert killed.quantity.kind == "kill"
    assert not share.quantity.matches(killed.quantity)


def test_what_an_accord_includes_is_planned_not_a_count_of_what_happened() -> None:
    accord = _claim("The council said it expects Varnia to keep to the terms of the Lenmark accords, which included "
                    "a ceasefire and the return of 4,000 fallen soldiers on each side.", "4,000", "council", "Daily A")
    assert accord.quantity.kind.startswith("planned")
    done = _claim("Varnia has returned the bodies of 911 soldiers to Ostria, officials in both countries said.", "911",
                  "officials in both countries", "Daily B")
    assert not done.quantity.kind.startswith("planned")
    assert not _flagged([accord, done])
    # an accord's clause that tells no content leaves the figure a count
    told = _claim("The accord, which took effect on Monday, has seen 400 prisoners freed, the council said.", "400",
                  "council", "Daily C")
    assert not told.quantity.kind.startswith("planned")


def test_bodies_handed_over_are_not_the_toll_of_the_fighting() -> None:
    bodies = _claim("Varnia has returned the bodies of 911 Ostrian soldiers killed in combat, officials said.", "911",
                    "officials", "Daily A")
    assert bodies.quantity.thing == "bodi"
    assert bodies.quantity.kind == "return"
    toll = _claim("The Ostrian army said 1,300 Ostrian soldiers had been killed since the spring.", "1,300",
                  "Ostrian army", "Daily B")
    assert toll.quantity.kind == "kill"
    assert not bodies.quantity.matches(toll.quantity)
    assert not _flagged([bodies, toll])
    # a headline's "bodies" and the story's "the bodies of N soldiers" count one thing
    headline = _claim("Ostria says Varnia returned more than 900 bodies of killed soldiers", "900", "Ostria",
                      "Daily C")
    assert headline.quantity.thing == "bodi"
    assert bodies.quantity.matches(headline.quantity)
