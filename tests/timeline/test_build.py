"""Series building: one series per counted quantity, points in as-of order, growth apart from disagreement.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import math

from desk.model import Claim, Figure, PassageRef
from desk.timeline import AsOf, anchor, build_series, timeline_from_refs, timeline_from_rows
from desk.timeline.model import TimelinePoint


def ref(
    text: str,
    outlet: str,
    day: dt.date | None,
    figures: list[tuple[str, float, str, str, str]],
    *,
    article: str | None = None,
    number: int = 0,
) -> PassageRef:
    """A passage; figures are (as written, value, qualifier, counted, claimant)."""
    aid = article or f"{outlet}-{day}-{number}"
    claims = []
    for written, value, qualifier, counted, claimant in figures:
        at = text.index(written)
        claims.append(Claim(Figure(at, at + len(written), written, value, qualifier=qualifier, counted=counted), claimant))
    return PassageRef(aid, number, 0, len(text), text, outlet, f"{outlet} story", day, f"/a/{aid}.md", f"{aid}.md",
                      claims=claims)


def growing_toll() -> list[PassageRef]:
    # a monitoring body's count of villagers killed, reported as it grows, out of date order
    return [
        ref("The monitors said 2,950 villagers had been killed.", "Daily A", dt.date(2031, 6, 1),
            [("2,950", 2950, "", "villagers killed", "the monitors")]),
        ref("The monitors counted 700 villagers killed so far.", "Daily B", dt.date(2031, 4, 2),
            [("700", 700, "", "villagers killed", "the monitors")]),
        ref("By the monitors' count, 1,910 villagers were killed.", "Daily A", dt.date(2031, 5, 3),
            [("1,910", 1910, "", "villagers killed", "the monitors")]),
    ]


def test_points_sit_at_their_as_of_dates_in_order_and_growth_is_not_a_disagreement() -> None:
    series = build_series(growing_toll())
    assert len(series) == 1
    s = series[0]
    assert s.cumulative
    assert [p.value for p in s.points] == [700, 1910, 2950]
    assert [p.as_of.exact for p in s.points] == [dt.date(2031, 4, 2), dt.date(2031, 5, 3), dt.date(2031, 6, 1)]
    assert [p.growth for p in s.points] == [False, True, True]
    assert not any(p.disagreement for p in s.points)


def test_two_claimants_at_one_time_that_cannot_both_hold_disagree() -> None:
    day = dt.date(2031, 3, 9)
    refs = [
        ref("The governor said 40 sailors were killed in the dockyard fire.", "Daily A", day,
            [("40", 40, "", "sailors killed", "the governor")]),
        ref("The navy said 310 sailors were killed in the dockyard fire.", "Daily B", day,
            [("310", 310, "", "sailors killed", "the navy")]),
    ]
    (s,) = build_series(refs)
    assert all(p.disagreement for p in s.points)
    assert s.points[0].conflicts == ["310 (the navy (Daily B), as of 2031-03-09)"]
    assert not any(p.growth for p in s.points)


def test_a_hedge_that_admits_the_other_figure_does_not_disagree() -> None:
    day = dt.date(2031, 3, 9)
    refs = [
        ref("The governor said more than 40 sailors were killed.", "Daily A", day,
            [("40", 40, "more than", "sailors killed", "the governor")]),
        ref("The navy said 310 sailors were killed.", "Daily B", day, [("310", 310, "", "sailors killed", "the navy")]),
    ]
    (s,) = build_series(refs)
    assert not any(p.disagreement for p in s.points)
    hedged = next(p for p in s.points if p.value == 40)
    assert hedged.low > 40
    assert math.isinf(hedged.high)
    assert hedged.hedged


def test_the_same_figure_under_two_names_of_one_claimant_never_disagrees() -> None:
    day = dt.date(2031, 3, 9)
    refs = [
        ref("Admiral Petra Olsen said 40 sailors were killed.", "Daily A", day,
            [("40", 40, "", "sailors killed", "Petra Olsen")]),
        ref("Olsen said 40 sailors were killed.", "Daily B", day, [("40", 40, "", "sailors killed", "Olsen")]),
    ]
    (s,) = build_series(refs)
    assert not any(p.disagreement for p in s.points)


def test_figures_a_week_apart_grow_but_two_days_apart_disagree() -> None:
    refs = [
        ref("The navy said 40 sailors were killed in the dockyard fire.", "Daily A", dt.date(2031, 3, 1),
            [("40", 40, "", "sailors killed", "the navy")]),
        ref("The governor said 310 sailors were killed in the dockyard fire.", "Daily B", dt.date(2031, 3, 12),
            [("310", 310, "", "sailors killed", "the governor")]),
        ref("The mayor said 95 sailors were killed in the dockyard fire.", "Daily C", dt.date(2031, 3, 11),
            [("95", 95, "", "sailors killed", "the mayor")]),
    ]
    (s,) = build_series(refs)
    by = {p.value: p for p in s.points}
    assert by[310].growth
    assert by[95].growth
    assert not by[40].growth
    # 95 and 310, a day apart and from different claimants, cannot both hold
    assert by[95].disagreement
    assert by[310].disagreement
    assert not by[40].disagreement


def _lane_filler(n: int) -> list[PassageRef]:
    """``n`` unrelated passages of other counts, so that a timeline's words have the spread of a real folder."""
    return [ref(f"Officials in district {k} said {k + 2} bridges were repaired.", "Daily F", dt.date(2031, 1, 1 + k % 28),
                [(f"{k + 2}", k + 2, "", "bridges repaired", "officials")], number=k) for k in range(n)]


def test_tolls_of_two_attacks_in_one_lane_do_not_clash_unless_they_tell_of_one_event() -> None:
    # a lane of "people killed" gathers the tolls of every attack in the folder; two days' tolls that name
    # nothing in common (another town, another strike) are two counts, not a dispute
    apart = [
        ref("Officials said a rocket attack killed 11 people at a bus depot on Tuesday.", "Daily A",
            dt.date(2031, 5, 6), [("11", 11, "", "people killed", "officials")]),
        ref("Rescuers said 14 people were killed when a cargo plane crashed into flats.", "Daily B",
            dt.date(2031, 5, 6), [("14", 14, "", "people killed", "rescuers")]),
    ]
    (s,) = [s for s in build_series(apart + _lane_filler(40)) if s.points[0].counted == "people killed"]
    assert len(s.points) == 2
    assert not any(p.disagreement for p in s.points)
    # the same two figures for one crash (both name the cargo plane) do clash
    together = [
        ref("Officials said 11 people were killed when the cargo plane crashed into flats.", "Daily A",
            dt.date(2031, 5, 6), [("11", 11, "", "people killed", "officials")]),
        apart[1],
    ]
    (s,) = [s for s in build_series(together + _lane_filler(40)) if s.points[0].counted == "people killed"]
    assert all(p.disagreement for p in s.points)


def test_one_shared_rare_word_is_chance_not_one_event() -> None:
    # two families' children, in two stories that both happen to mention a father
    refs = [
        ref("The mother, the father and two children lived in the flat.", "Daily A", dt.date(2031, 5, 6),
            [("two", 2, "", "children", "")]),
        ref("As the eldest of three children, with her father away, she kept house.", "Daily B", dt.date(2031, 5, 7),
            [("three", 3, "", "children", "")]),
    ]
    (s,) = [s for s in build_series(refs + _lane_filler(40)) if s.points[0].counted == "children"]
    assert len(s.points) == 2
    assert not any(p.disagreement for p in s.points)


def test_a_small_figure_lends_no_side_to_another_storys_figure_of_the_same_value() -> None:
    # "seven Northern sailors killed" in one story does not make another story's "seven people killed" Northern
    refs = [
        ref("Seven Northern sailors have been killed since the blockade began.", "Daily A", dt.date(2031, 3, 1),
            [("Seven", 7, "", "Northern sailors killed", "")]),
        ref("A tram crash in Ostberg killed seven people, the mayor said.", "Daily B", dt.date(2031, 5, 2),
            [("seven", 7, "", "people killed", "the mayor")]),
    ]
    lanes = {s.label: s for s in build_series(refs + _lane_filler(10))}
    assert "people killed (Ostberg)" in lanes or "people killed" in lanes
    tram = next(s for s in lanes.values() if any(p.claimant == "the mayor" for p in s.points))
    assert "Northern" not in tram.label
    assert not tram.key.split("|")[2]  # no subject borrowed


def test_a_sides_war_total_clashes_without_naming_one_event() -> None:
    # two sources' totals of one side's dead on one day are rival counts of one war, whatever else they say
    day = dt.date(2031, 3, 9)
    refs = [
        ref("The defence ministry said 1,400 Northern soldiers had been killed since the war began.", "Daily A", day,
            [("1,400", 1400, "", "Northern soldiers killed", "the defence ministry")]),
        ref("Western intelligence put Northern losses at 9,000 soldiers killed.", "Daily B", day,
            [("9,000", 9000, "", "Northern soldiers killed", "Western intelligence")]),
    ]
    series = build_series(refs + _lane_filler(40))
    lane = next(s for s in series if {p.value for p in s.points} == {1400, 9000})
    assert all(p.disagreement for p in lane.points)


def test_a_count_of_people_fleeing_that_grows_within_days_is_growth() -> None:
    # people who fled are counted again every few days: a larger count three days on is the count grown
    refs = [
        ref("The agency said one million refugees had fled the country.", "Daily A", dt.date(2031, 3, 4),
            [("one million", 1_000_000, "", "refugees fled", "the agency")]),
        ref("Officials said 1.5 million refugees had fled the country.", "Daily B", dt.date(2031, 3, 7),
            [("1.5 million", 1_500_000, "", "refugees fled", "officials")]),
    ]
    (s,) = build_series(refs)
    assert not any(p.disagreement for p in s.points)
    assert [p.growth for p in s.points] == [False, True]


def test_two_figures_of_one_article_never_clash() -> None:
    # one report gives the dead of two strikes in one day: it does not contradict itself
    day = dt.date(2031, 3, 9)
    refs = [
        ref("Strikes on the harbour killed 12 people.", "Daily A", day, [("12", 12, "", "people killed", "")],
            article="one", number=0),
        ref("A second strike on the harbour killed 30 people.", "Daily A", day, [("30", 30, "", "people killed", "")],
            article="one", number=1),
    ]
    (s,) = build_series(refs)
    assert not any(p.disagreement for p in s.points)


def test_relative_as_of_from_the_sentence() -> None:
    text = "On Monday the ministry said 1,300 soldiers had been killed a week earlier."
    refs = [ref(text, "Daily A", dt.date(2031, 3, 20), [("1,300", 1300, "", "soldiers killed", "the ministry")])]
    (p,) = build_series(refs)[0].points
    assert p.as_of.exact is not None
    assert p.as_of.exact < dt.date(2031, 3, 20)
    assert p.as_of.basis


def test_different_subjects_and_outcomes_are_different_series() -> None:
    day = dt.date(2031, 3, 9)
    refs = [
        ref("Officials said 1,200 Northern soldiers were killed and 3,400 Northern soldiers wounded.", "Daily A", day,
            [("1,200", 1200, "", "Northern soldiers killed", "officials"),
             ("3,400", 3400, "", "Northern soldiers wounded", "officials")]),
        ref("The other side said 90 Southern soldiers were killed.", "Daily B", day,
            [("90", 90, "", "Southern soldiers killed", "the other side")]),
    ]
    series = build_series(refs)
    assert len(series) == 3
    assert not any(p.disagreement for s in series for p in s.points)


def test_an_undated_article_gets_an_open_interval_not_an_invented_date() -> None:
    refs = [ref("A spokesman said 75 bridges were destroyed.", "Daily C", None,
                [("75", 75, "", "bridges destroyed", "a spokesman")])]
    (s,) = build_series(refs)
    (p,) = s.points
    assert p.as_of == AsOf(None, None)
    assert not p.as_of.known
    assert anchor(p.as_of) is None
    assert p.as_of.label() == "undated"


def test_a_figure_repeated_in_one_article_is_one_point() -> None:
    day = dt.date(2031, 2, 1)
    text = "Ferry sinks: 61 passengers missing. The coast guard said 61 passengers were missing."
    refs = [
        ref(text, "Daily A", day, [("61 passengers missing", 61, "", "passengers missing", "coast guard")],
            article="x", number=0),
        ref(text, "Daily A", day, [("61 passengers were", 61, "", "passengers missing", "the coast guard")],
            article="x", number=1),
    ]
    (s,) = build_series(refs)
    assert len(s.points) == 1


def test_point_carries_its_passage_link_and_sentence() -> None:
    r = ref("Rain fell all day. The monitors said 700 villagers were killed. Talks resumed.", "Daily B",
            dt.date(2031, 4, 2), [("700", 700, "", "villagers killed", "the monitors")], article="art9", number=3)
    tl = timeline_from_refs("villagers killed", [r])
    (p,) = tl.points
    assert p.key == ("art9", 3)
    assert p.path == "art9.md"
    assert p.sentence == "The monitors said 700 villagers were killed."
    assert p.article_date == dt.date(2031, 4, 2)
    assert tl.span() == (dt.date(2031, 4, 2), dt.date(2031, 4, 2))


def test_timeline_of_compare_rows() -> None:
    from desk.model import Row

    refs = growing_toll()
    rows = [Row(cells={"Daily A": [refs[0], refs[2]], "Daily B": [refs[1]]})]
    tl = timeline_from_rows("villagers", rows)
    assert [p.value for p in tl.points] == [700, 1910, 2950]


def test_as_of_intervals_overlap_and_label() -> None:
    a = AsOf(dt.date(2031, 2, 24), dt.date(2031, 3, 19), "from 24 February to 19 March")
    assert a.exact is None
    assert anchor(a) == dt.date(2031, 3, 19)
    assert a.overlaps(AsOf(dt.date(2031, 3, 19), dt.date(2031, 3, 19)))
    assert not a.overlaps(AsOf(dt.date(2031, 3, 20), dt.date(2031, 3, 20)))
    assert a.overlaps(AsOf(None, None))  # an open interval overlaps everything
    assert AsOf(None, dt.date(2031, 3, 19)).label() == "… – 2031-03-19"


def test_point_who_falls_back_to_the_outlet() -> None:
    p = TimelinePoint(5, "5", "", 5, 5, "boats", "", "Daily A", AsOf(None, None), None, "a", 0, "a.md", "t", "s")
    assert p.who() == "Daily A"
    assert not p.hedged


def test_series_are_per_place_and_another_towns_toll_never_marks_the_countrys_growth() -> None:
    # a monitors' running count for the country grows; a town's own toll, reported meanwhile, is its own series
    refs = [
        ref("Since the invasion began, 700 civilians have been killed in Varnia, the monitors said.", "Daily A",
            dt.date(2031, 4, 2), [("700", 700, "", "civilians killed", "the monitors")]),
        ref("Since the invasion began, 1,910 civilians have been killed, the monitors said.", "Daily B",
            dt.date(2031, 5, 3), [("1,910", 1910, "", "civilians killed", "the monitors")]),
        ref("The mayor said 300 civilians have been killed in Brentholm.", "Daily C",
            dt.date(2031, 5, 3), [("300", 300, "", "civilians killed", "the mayor")]),
        ref("Since the invasion began, 2,950 civilians have been killed in Varnia, the monitors said.", "Daily A",
            dt.date(2031, 6, 1), [("2,950", 2950, "", "civilians killed", "the monitors")]),
    ]
    series = build_series(refs)
    country = next(s for s in series if [p.value for p in s.points] == [700, 1910, 2950])
    assert [p.growth for p in country.points] == [False, True, True]
    assert not any(p.disagreement for p in country.points)
    town = next(s for s in series if s is not country)
    assert [p.value for p in town.points] == [300]
    assert "Brentholm" in town.label
    assert town.key != country.key


def test_a_lane_of_a_place_of_two_words_is_labelled_with_both() -> None:
    refs = [
        ref("Since the invasion began, 700 civilians have been killed in Varnia, the monitors said.", "Daily A",
            dt.date(2031, 4, 2), [("700", 700, "", "civilians killed", "the monitors")]),
        ref("Since the invasion began, 1,910 civilians have been killed in Varnia, the monitors said.", "Daily B",
            dt.date(2031, 5, 3), [("1,910", 1910, "", "civilians killed", "the monitors")]),
        ref("The mayor said 300 civilians have been killed in Port Brentholm.", "Daily C",
            dt.date(2031, 5, 3), [("300", 300, "", "civilians killed", "the mayor")]),
    ]
    town = next(s for s in build_series(refs) if [p.value for p in s.points] == [300])
    assert town.label.endswith("(Port Brentholm)")


def test_lanes_whose_phrases_read_alike_say_what_tells_them_apart() -> None:
    from desk.compare.quantity import Quantity
    from desk.timeline.build import _name_lanes
    from desk.timeline.model import Series

    day = dt.date(2031, 3, 9)
    killed = ref("Officials said 40 Varnian prisoners were killed in the blast.", "Daily A", day,
                 [("40", 40, "", "prisoners", "officials")])
    traded = ref("The two sides traded 12 Kordish prisoners on Friday.", "Daily B", day,
                 [("12", 12, "", "prisoners", "")])
    lanes = [Series("a", "", [anchor_point(killed)]), Series("b", "", [anchor_point(traded)]),
             Series("c", "", [anchor_point(killed)])]
    _name_lanes([
        (lanes[0], Quantity("kill", "prison", "varn"), "prisoners", ""),
        (lanes[1], Quantity("", "prison", "kord"), "prisoners", ""),
        (lanes[2], Quantity("kill", "prison", "varn"), "prisoners", "Lisk"),  # alone at its place
    ])
    assert [s.label for s in lanes] == ["Varnian prisoners killed", "Kordish prisoners", "prisoners (Lisk)"]


def test_a_lane_says_when_it_counts_the_hurt_too_or_a_rate() -> None:
    from desk.compare.quantity import Quantity
    from desk.timeline.build import _name_lanes
    from desk.timeline.model import Series

    day = dt.date(2031, 3, 9)
    hurt = ref("Officials said 9,000 Varnian soldiers were killed or wounded.", "Daily A", day,
               [("9,000", 9000, "", "Varnian soldiers killed", "officials")])
    daily = ref("The army loses 40 soldiers killed a day, its chief said.", "Daily B", day,
                [("40", 40, "", "soldiers killed", "its chief")])
    lanes = [Series(k, "", [anchor_point(r)]) for k, r in (("a", hurt), ("b", daily), ("c", daily), ("d", daily))]
    _name_lanes([
        (lanes[0], Quantity("casualty", "soldier", "varn"), "Varnian soldiers killed", ""),
        (lanes[1], Quantity("kill", "soldier", "", "count per day"), "soldiers killed", ""),
        (lanes[2], Quantity("kill", "soldier", "", "count per day"), "soldiers killed daily", "Lisk"),
        (lanes[3], Quantity("casualty", "soldier", "", "count per week"), "casualties", "Orm"),
    ])
    assert [s.label for s in lanes] == [
        "Varnian soldiers killed or wounded", "soldiers killed per day", "soldiers killed daily (Lisk)",
        "casualties per week (Orm)",
    ]


def test_a_lane_is_named_for_a_side_only_when_most_of_its_points_name_it() -> None:
    from desk.compare.quantity import Quantity
    from desk.timeline.build import _name_lanes
    from desk.timeline.model import Series

    day = dt.date(2031, 3, 9)
    one = ref("Varnian officials said 40 prisoners were killed in the blast.", "Daily A", day,
              [("40", 40, "", "prisoners", "officials")])
    plain = [ref(f"Officials said {n} prisoners were killed in the blast.", "Daily B", day,
                 [(str(n), n, "", "prisoners", "officials")]) for n in (41, 42, 43)]
    mostly_plain = Series("a", "", [anchor_point(one)] + [anchor_point(r) for r in plain])
    mostly_varnian = Series("b", "", [anchor_point(one), anchor_point(one), anchor_point(plain[0])])
    _name_lanes([
        (mostly_plain, Quantity("kill", "prison", "varn"), "prisoners", ""),
        (mostly_varnian, Quantity("kill", "prison", "varn"), "prisoners", ""),
    ])
    assert mostly_plain.label == "prisoners killed"  # one sentence's "Varnian" does not name four points
    assert mostly_varnian.label == "Varnian prisoners killed"


def anchor_point(r: PassageRef) -> TimelinePoint:
    (point,) = [p for s in build_series([r]) for p in s.points]
    return point


def test_a_place_the_place_finder_reports_twice_is_named_once() -> None:
    from desk.compare.places import place_words
    from desk.timeline.build import whole_place_names

    text = "Aircraft hit the bases in the eastern city of Brentholm, killing about 250 fighters."
    assert set(whole_place_names(text, dict(place_words(text))).values()) == {"Brentholm"}


def test_many_attacks_tolls_in_one_region_are_no_growth_and_no_running_total() -> None:
    # one quantity in one region named by every sentence (so the region ties none of them to one event):
    # five attacks weeks apart, whose later tolls are larger without being a rise of any earlier one
    told = [
        ("Shelling killed 2 villagers in the Arnhold region on Monday.", 2, 1),
        ("A drone hit a bus stop in the Arnhold region, and 3 villagers were killed.", 3, 15),
        ("Rockets struck a market in the Arnhold region; 5 villagers were killed there.", 5, 29),
        ("In the Arnhold region a mine exploded under a tractor and 4 villagers were killed.", 4, 43),
        ("Artillery fire on a school in the Arnhold region left 7 villagers killed, officials said.", 7, 57),
    ]
    refs = [ref(text, f"Daily {n}", dt.date(2031, 5, 1) + dt.timedelta(days=day),
                [(str(value), value, "", "villagers killed", "")]) for n, (text, value, day) in enumerate(told)]
    (s,) = build_series(refs)
    assert [p.value for p in s.points] == [2, 3, 5, 4, 7]
    assert not any(p.growth for p in s.points)
    assert not s.cumulative


def test_one_attacks_toll_rising_is_growth_in_a_running_total() -> None:
    # the same strike (the Brenz depot), its toll counted again four days later
    refs = [
        ref("A missile strike on the Brenz bus depot killed 18 villagers.", "Daily A", dt.date(2031, 6, 1),
            [("18", 18, "", "villagers killed", "")]),
        ref("The toll of the Brenz bus depot strike rose to 25 villagers killed.", "Daily B", dt.date(2031, 6, 5),
            [("25", 25, "", "villagers killed", "")]),
    ]
    (s,) = build_series(refs)
    assert [(p.value, p.growth) for p in s.points] == [(18, False), (25, True)]
    assert s.cumulative


def test_lanes_told_apart_do_not_repeat_an_outcome_their_phrase_already_says() -> None:
    # two lanes whose phrase is "injured" (one attack's count, a count since the war began): the label may
    # add what tells them apart, but never "wounded" after "injured"
    refs = [
        ref("The blast left 40 injured in the attack on the depot.", "Daily A", dt.date(2031, 5, 2),
            [("40", 40, "", "injured", "")]),
        ref("So far 900 injured have been counted since the war began.", "Daily B", dt.date(2031, 5, 9),
            [("900", 900, "", "injured", "")]),
    ]
    series = build_series(refs)
    assert len(series) == 2
    assert all("injured" in s.label and "wounded" not in s.label for s in series), [s.label for s in series]


def test_a_lane_labelled_by_its_unit_says_what_it_counts() -> None:
    # "tons" of barley and "tons" of salt are two lanes; two lanes both called "tons" told the reader nothing
    refs = [
        ref("Exporters shipped 20,000 tons of barley from the harbour.", "Daily A", dt.date(2031, 5, 6),
            [("20,000", 20000, "", "tons", "")]),
        ref("The mine sold 7,000 tons of salt to the city.", "Daily B", dt.date(2031, 5, 8),
            [("7,000", 7000, "", "tons", "")]),
    ]
    labels = {s.label for s in build_series(refs + _lane_filler(10)) if s.points[0].counted == "tons"}
    assert labels == {"tons of barley", "tons of salt"}


def _at(days: list[dt.date]) -> list[TimelinePoint]:
    return [
        TimelinePoint(
            value=float(i + 1), figure=str(i + 1), qualifier="", low=float(i + 1), high=float(i + 1),
            counted="bales of wool", claimant="", outlet="Wool Weekly", as_of=AsOf(d, d), article_date=d,
            article_id=f"a{i}", passage=0, path=f"a{i}.md", title="Wool", sentence=f"{i + 1} bales of wool.",
        )
        for i, d in enumerate(days)
    ]


def test_the_first_view_leaves_out_a_claim_that_holds_long_after_the_rest_but_keeps_the_newest_counts() -> None:
    from desk.timeline.model import Series, Timeline

    summer = [dt.date(2031, 6, 1) + dt.timedelta(days=2 * i) for i in range(60)]  # June to September
    forecast = dt.date(2032, 12, 31)  # "for the 2031-2032 season"
    tl = Timeline("wool", [Series("wool", "bales of wool", _at([*summer, forecast]))])
    assert tl.view_span() == (summer[1], summer[-1])
    # a count a few weeks after the rest is the newest figure, not an outlier: it stays in view
    later = dt.date(2031, 10, 10)
    tl = Timeline("wool", [Series("wool", "bales of wool", _at([*summer, later]))])
    assert tl.view_span() == (summer[1], later)


def test_the_first_view_leaves_out_a_few_claims_long_before_the_rest() -> None:
    from desk.timeline.model import Series, Timeline

    summer = [dt.date(2031, 6, 1) + dt.timedelta(days=i) for i in range(120)]  # June to September
    # a handful of claims dated a year and more earlier ("in 2030", a past date read a year back): more of
    # them than the 2% the view always leaves out
    early = [dt.date(2029, 3, 1), dt.date(2030, 1, 5), dt.date(2030, 5, 20), dt.date(2030, 6, 2)]
    tl = Timeline("wool", [Series("wool", "bales of wool", _at([*early, *summer]))])
    assert tl.view_span() == (summer[0], summer[-1])
    # claims a few weeks before the rest are part of the story: they stay in view (but the earliest 2%)
    spring = [dt.date(2031, 5, 10) + dt.timedelta(days=i) for i in range(6)]
    tl = Timeline("wool", [Series("wool", "bales of wool", _at([*spring, *summer]))])
    assert tl.view_span() == (spring[2], summer[-1])
