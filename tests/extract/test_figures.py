"""The figure finder: what is a figure, its value, hedge, kind and what it counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.extract.figures import HEDGES, find_figures


def only(text: str):
    figs = find_figures(text)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "qualifier", "kind"),
    [
        ("Officials said 14,000 soldiers died.", "14,000", 14000, "", "count"),
        ("The agency counted 14400 people.", "14400", 14400, "", "count"),
        ("Russia returned more than 1.2K bodies.", "1.2K", 1200, "more than", "count"),
        ("The fund holds 5.7 million dollars.", "5.7 million", 5_700_000, "", "money"),
        ("Kyiv asked for $2bn in aid.", "$2bn", 2_000_000_000, "", "money"),
        ("It costs just £3 a month.", "£3", 3, "", "money"),
        ("Support fell to 40% in May.", "40%", 40, "", "percent"),
        ("Support fell to 40 per cent.", "40 per cent", 40, "", "percent"),
        ("Prices rose by roughly 12 percent.", "12 percent", 12, "about", "percent"),
        ("Nine people were killed.", "Nine", 9, "", "count"),
        ("It held two rounds of talks.", "two", 2, "", "count"),
        ("The blast injured twenty-five workers.", "twenty-five", 25, "", "count"),
        ("Troops fired nearly 300 shells.", "300", 300, "nearly", "count"),
        ("Up to 700 people fled.", "700", 700, "up to", "count"),
        ("No fewer than 12 ships sank.", "12", 12, "at least", "count"),
        ("Fewer than 80 remain.", "80", 80, "less than", "count"),
        ("an estimated 3,000 civilians", "3,000", 3000, "about", "count"),
        ("in excess of 500 tanks", "500", 500, "more than", "count"),
        ("Some 1,500 people took part.", "1,500", 1500, "about", "count"),
    ],
)
def test_figure(text: str, written: str, value: float, qualifier: str, kind: str) -> None:
    f = only(text)
    assert (f.text, f.value, f.qualifier, f.kind) == (written, value, qualifier, kind)
    assert text[f.start : f.end] == f.text
    if qualifier:
        assert f.qualifier_start is not None
        assert f.qualifier_start < f.start


@pytest.mark.parametrize(
    "text",
    [
        "The war began on 24 February 2022.",
        "On February 24, troops crossed the border.",
        "The agreements of June 2 were signed in Istanbul.",
        "It happened in 2015 and again in late 2022.",
        "Tuesday, 02 January 2024 12:17 GMT",
        "Three weeks ago the talks collapsed.",
        "In the first five days of fighting, little moved.",
        "A 30-day ceasefire and a 54-year-old man.",
        "It was the eighth anniversary and the second round.",
        "MENAFN11062025007365015876ID1109660795",
        "An Su-25 jet and a G7 summit during COVID-19.",
        "Dozens were hurt and hundreds fled; thousands more waited.",
        "It was one of the hardest-hit areas, and no one came.",
        "Article 5 of the treaty and Resolution 2334.",
        "Version 3.8.0 of the model; call 24/7.",
        "Nord Stream 2 was halted.",
        "During the Great Northern War (1700-1721) and from 2014 to 2022.",
        "A four-masted barque, a three-pronged attack and two-thirds of the vote.",
        "Four-hour blackouts for a five-year-old and a one-off payment.",
        "Men aged 18-60 may not leave; the score stayed at zero.",
        "155mm shells and a 9mm pistol.",
        "Mr Kleijnen, 59, and his wife Jeanette, 56, applied.",
        "The loss of their loved ones. Tensions rose.",
        "The ferry sank at 10:45 in the evening.",
        "The home side won 4:2 after the break.",
        "The ferries run again from 12 (pm) today, the harbour master said.",
        "Voting closes at 1900 (GMT) and counting starts at 2100 [local time].",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert [f.text for f in find_figures(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "The carrier grounded its Corvale 818 fleet after the landing.",
        "The Decree 41 order was lifted in spring.",
        "The Voyager 12 crew docked at dawn.",
        "The army fielded 40 Halberd 3 tanks along the river.",
        "A Kestrel 6 rocket lifted off before dusk.",
    ],
)
def test_a_number_in_a_model_or_title_after_a_determiner_is_no_figure(text: str) -> None:
    # "its Corvale 818 fleet": a determiner before one capitalised word makes the number part of a name
    found = [f.text for f in find_figures(text)]
    assert found == (["40"] if "40 " in text else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The donors gave Varnia 40 tanks last year.", ["40"]),  # a bare name before a count: the count stays
        ("The Union's 27 members agreed to cut imports.", ["27"]),  # a possessive owns the number
        ("Officials told reporters 12 people died.", ["12"]),
    ],
)
def test_a_count_after_a_name_without_a_determiner_stays(text: str, expected: list[str]) -> None:
    assert [f.text for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Two candidates vying for the seat spoke.", "candidates"),
        ("About 5 million people living in the valley lost power.", "people"),
        ("Three ships carrying 40,000 tonnes of maize sailed.", "ships"),
        ("Some 300 villagers fleeing the floods arrived.", "villagers fleeing"),  # what happened to them
        ("Twelve sailors missing since the storm were found.", "sailors missing"),
        ("The 30 training flights were cancelled.", "training flights"),  # a modifier before the thing stays
    ],
)
def test_a_participle_after_a_plural_opens_a_clause_not_the_counted_thing(text: str, counted: str) -> None:
    assert find_figures(text)[0].counted.startswith(counted)
    assert find_figures(text)[0].counted.count("ing") == counted.count("ing")


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Some 12,000 Varnian troops withdraw from the delta, the army said.", "Varnian troops"),
        ("All 41 member councils voted for the levy on Tuesday.", "member councils"),
        ("Two elderly brothers remain in the flooded town.", "elderly brothers"),
        ("Seven lorries currently wait at the pass.", "lorries"),
        ("Eleven mortar shells struck the depot overnight.", "mortar shells"),
        ("Nearly 60% of farmers disapprove of the quota.", "farmers disapprove"),  # a share: what the group did
        ("Some 71% of members backed the merger.", "members backed"),
        ("About 400 fishing boats along the coast were idle.", "fishing boats"),
        ("Some 3,000 people can't reach the clinic.", "people"),
        ("The $900 million housing grants Councillors approved last year ran out.", "housing grants"),
        ("Some 250 cattle trucks crossed the bridge.", "cattle trucks"),
        ("Of the 31 shells Varnia fired, nine landed in the lake.", "shells fired"),  # what the named side did to them
        ("Of the 31 shells Varnian gunners fired, nine landed.", "shells"),
        # what happened to the things counted stays
        ("Nine hikers died in the avalanche.", "hikers died"),
        ("At least 30 villagers believed trapped were found.", "villagers trapped"),
        ("Water here is 40 degrees Celsius warmer.", "degrees Celsius warmer"),
        ("The camp lies 30 miles north of the border.", "miles north"),
        ("Fourteen police officers wounded in the blast were treated.", "police officers wounded"),
        # a time word right after the figure names no thing counted
        ("The toll in Dorrow climbed to 37 overnight, the mayor said.", ""),
        ("Up from 95 last week, queues at the border grew.", ""),
    ],
)
def test_the_counted_thing_ends_where_the_predicate_begins(text: str, counted: str) -> None:
    assert find_figures(text)[0].counted == counted


def test_range() -> None:
    f = only("Between 500 and 700 soldiers were captured.")
    assert (f.value, f.high, f.qualifier) == (500, 700, "")
    g = only("They lost 500-700 men.")
    assert (g.value, g.high) == (500, 700)
    h = only("between 1500 and 2000 soldiers")
    assert (h.value, h.high) == (1500, 2000)


def test_a_scale_word_after_a_range_scales_both_ends() -> None:
    f = only("Officials hope to ship roughly 7-8 million tonnes of wheat by spring.")
    assert (f.value, f.high, f.qualifier) == (7_000_000, 8_000_000, "about")
    assert f.text == "7-8 million"
    assert f.counted == "tonnes"
    g = only("The repairs will cost between 2 and 3 billion dollars.")
    assert (g.value, g.high, g.kind) == (2e9, 3e9, "money")
    h = only("Some 30 to 40 thousand residents left the valley.")
    assert (h.value, h.high) == (30_000, 40_000)
    assert h.counted == "residents left"
    # a scale on the first number already counts for both ends
    k = only("They lost 1.5-2 million euros.")
    assert (k.value, k.high) == (1_500_000, 2_000_000)


def test_a_half_after_a_whole_number_counts() -> None:
    f = only("About two and a half million people left the coast.")
    assert (f.text, f.value, f.counted) == ("two and a half million", 2_500_000, "people left")
    assert only("One and a half million households lost power.").value == 1_500_000
    assert only("Inspectors found 12 and a half tonnes of fuel.").value == 12.5
    assert only("Some 3½ million voters stayed home.").value == 3_500_000
    # a half that ends a hyphenated duration is no figure, like "a nine-year sentence"
    assert find_figures("The court handed down a six-and-a-half-year sentence.") == []
    assert find_figures("She spent two and a half years abroad.") == []
    # a half after a scale is not a half of the whole
    assert only("Two million and a half people.").value == 2_000_000


def test_counted_noun_phrase() -> None:
    assert only("Zelensky said 14,000 Russian soldiers have been killed.").counted == "Russian soldiers killed"
    assert only("Russia lost 1,450 armoured personnel vehicles.").counted == "armoured personnel vehicles"
    assert only("14,000 Russian soldiers killed in Ukraine war").counted == "Russian soldiers killed"


def test_offsets_within_window() -> None:
    text = "Before 12 cats. Inside 34 dogs. After 56 birds."
    figs = find_figures(text, 16, 31)
    assert [f.text for f in figs] == ["34"]
    assert text[figs[0].start : figs[0].end] == "34"


_HEDGE_PHRASES = sorted({h for h, _ in HEDGES})
_HEDGE_OF = dict(HEDGES)


@settings(max_examples=300)
@given(n=st.integers(min_value=0, max_value=10**12), hedge=st.sampled_from(["", *_HEDGE_PHRASES]))
def test_any_integer_with_separators_reads_back(n: int, hedge: str) -> None:
    written = f"{n:,}"
    text = f"Officials said {hedge + ' ' if hedge else ''}{written} people were affected."
    figs = find_figures(text)
    assert len(figs) == 1, (text, [f.text for f in figs])
    f = figs[0]
    assert f.value == n
    assert f.text == written
    assert f.qualifier == (_HEDGE_OF[hedge] if hedge else "")


@settings(max_examples=300)
@given(st.text())
def test_no_crash_on_arbitrary_unicode(text: str) -> None:
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.kind in ("count", "money", "percent")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2024 launches failed, and their 2019 talks stalled.", []),
        ("Its 2031 targets are out of reach.", []),
        ("The army sent 2000 soldiers and 1900 tanks.", ["2000", "1900"]),
        ("The 2,000 soldiers left the base.", ["2,000"]),
    ],
)
def test_a_year_after_a_determiner_names_which_not_how_many(text: str, expected: list[str]) -> None:
    assert [f.text for f in find_figures(text)] == expected


def test_a_number_joined_to_a_name_number_is_part_of_the_same_name() -> None:
    # "Nord Stream 1 and 2" names two pipelines; neither number counts anything
    assert find_figures("Divers found leaks in the Nord Stream 1 and 2 gas pipelines.") == []
    assert find_figures("Engineers compared the Falcon Heavy 3, 4 and 5 test flights.") == []
    # two counts joined by "and" stay counts
    assert [f.value for f in find_figures("The blast killed 12 and 14 were hurt in the market.")] == [12.0, 14.0]
    assert [f.value for f in find_figures("In March 2022, 40 and 50 people fled their homes.")] == [40.0, 50.0]


def test_a_capitalised_plural_after_one_capitalised_word_is_what_is_counted() -> None:
    # "Ukraine 16" is not a name when a capitalised plural follows: it counts the launchers
    found = find_figures("So far the alliance has sent Norland 16 Heavy Rocket Launchers to the front.")
    assert [f.value for f in found] == [16.0]
    assert "Launchers" in (found[0].counted or "") or "Heavy" in (found[0].counted or "")
    # names stay names: after a longer name, before a singular, or with a scale letter
    assert find_figures("Veterans of World War 2 Veterans Day marched.") == []
    assert find_figures("Officials said the Voyager 11 Command Module landed.") == []
    assert find_figures("The navy fired Kestrel 3M Missiles at the coast.") == []


def test_a_day_after_the_counted_phrase_is_not_part_of_it() -> None:
    (found,) = find_figures("Rockets hit the depot and killed at least 19 people Friday.")
    assert found.counted == "people"
    (found,) = find_figures("The coastguard rescued 215 sailors overnight.")
    assert found.counted == "sailors"


def test_the_second_half_of_a_clock_time_is_no_figure_beside_a_count() -> None:
    # the minutes of "06:40" were read as a count of 40 passengers' worth
    text = "The bus overturned at 06:40 on Sunday, injuring 23 passengers."
    assert [(f.text, f.value) for f in find_figures(text)] == [("23", 23.0)]


@pytest.mark.parametrize(
    "text",
    [
        'Four points matter. 1) "Sanctions must bite." The second is trade. 2) Keep the ports open.',
        "The harbour reopened.\n3. Freight rates fell sharply.",
        "Why now? 4. What happens next is unclear.",
    ],
)
def test_list_markers_are_no_figures(text: str) -> None:
    assert [f.text for f in find_figures(text) if f.text.isdigit()] == []


@pytest.mark.parametrize(
    ("text", "written", "counted"),
    [
        ("Last year 48,120 students enrolled at the college.", "48,120", "students"),
        ("Every day 350 lorries queue at the border post.", "350", "lorries"),
        ("As of last week 23 dockers were detained.", "23", "dockers"),
        ("The count stood at 12. Police gave no other number.", "12", ""),
    ],
)
def test_a_number_after_a_time_adverbial_or_ending_a_sentence_is_a_figure(text: str, written: str, counted: str) -> None:
    f = only(text)
    assert f.text == written
    assert counted in f.counted


def test_a_day_or_round_number_is_still_a_label() -> None:
    assert find_figures("It was day 100 of the siege, and in round 2 the talks failed.") == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The coast guard said it shot down six aerial and four naval drones off Varn.",
         ["aerial drones", "naval drones"]),
        ("Rioters burned 14 municipal or about 20 private buses in Tessel.", ["municipal buses", "private buses"]),
        ("Raiders seized one Ostrian and two Varnese trawlers last week.", ["Ostrian trawlers", "Varnese trawlers"]),
        # a lone noun before "and" is a thing of its own
        ("Guards held five police and four civilian drivers at the gate.", ["police", "civilian drivers"]),
        ("The blast hurt one serviceman and two elderly guards.", ["serviceman", "elderly guards"]),
        ("The fleet lost 11 trawlers and 3 patrol boats.", ["trawlers", "patrol boats"]),
    ],
)
def test_a_modifier_before_and_shares_the_next_figures_head(text: str, counted: list[str]) -> None:
    assert [f.counted for f in find_figures(text)] == counted


@pytest.mark.parametrize(
    ("text", "value", "counted"),
    [
        ("The port cleared 12 (twelve) ships of maize on Monday.", 12, "ships"),
        ("The port cleared twelve (12) ships of maize on Monday.", 12, "ships"),
    ],
)
def test_a_number_restated_in_brackets_is_one_figure(text: str, value: float, counted: str) -> None:
    fig = only(text)
    assert (fig.value, fig.counted) == (value, counted)


def test_a_bracketed_figure_of_another_value_stays_a_figure() -> None:
    figs = find_figures("The port cleared 12 (out of 15) ships on Monday.")
    assert [f.value for f in figs] == [12, 15]


def test_a_conversion_in_brackets_with_the_same_number_is_two_figures() -> None:
    figs = find_figures("The court may fine him €45,000 ($45,000) for the assault.")
    assert [f.text for f in figs] == ["€45,000", "$45,000"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Three more ships carrying maize left Varn on Friday.", "more ships"),
        ("Officials in Tessel said two more people died in hospital.", "more people died"),
        # "more than", and a time after "more", name no thing counted
        ("The talks in Varn will take two more days.", ""),
        ("Fares in Tessel rose 40 more than planned.", ""),
    ],
)
def test_more_right_after_a_figure_counts_the_words_after_it(text: str, counted: str) -> None:
    assert find_figures(text)[0].counted == counted


def test_more_with_nothing_named_after_it_counts_nothing() -> None:
    assert find_figures("Varn pledged $35 million more across the next two years.")[0].counted == ""
