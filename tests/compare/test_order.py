"""Row order: the rows where most outlets name the query's words come first."""

from __future__ import annotations

from desk.compare.order import order_rows, query_terms, query_words_named
from desk.model import Claim, Figure, Row

from .helpers import make_ref


def _row(texts: dict[str, str], score: float = 1.0) -> Row:
    cells = {o: [make_ref(t, o, article=f"{o}-{i}", score=score)] for i, (o, t) in enumerate(texts.items())}
    return Row(cells=cells, score=score)


def test_rows_naming_the_query_come_before_rows_with_more_outlets_about_something_else() -> None:
    # four outlets on another town's pull-out, three outlets on the one the query asks about
    elsewhere = _row(
        {
            "Alpha Times": "The pull-out from Dunmere was meant to regroup the brigades, the ministry said.",
            "Beta Post": "Officials called the departure from Dunmere an orderly regrouping.",
            "Gamma Wire": "The army left Dunmere and two nearby villages over the weekend.",
            "Delta News": "Troops quit Dunmere on Saturday, the governor confirmed.",
        },
        score=9.0,
    )
    asked = _row(
        {
            "Alpha Times": "The withdrawal from Westhaven began at dawn, the general said.",
            "Beta Post": "Westhaven saw the last convoys leave as the withdrawal ended.",
            "Gamma Wire": "Thousands cheered in Westhaven after the withdrawal of the garrison.",
        },
        score=4.0,
    )
    lone = _row({"Alpha Times": "The withdrawal from Westhaven was complete by noon."}, score=20.0)
    ordered = order_rows([lone, elsewhere, asked], "Westhaven withdrawal")
    assert ordered[0] is asked
    assert ordered[1] is elsewhere
    assert ordered[2] is lone  # one outlet is no comparison, however well it matches


def test_outlets_still_decide_among_rows_about_the_query() -> None:
    two = _row({"A": "The Westhaven withdrawal ended.", "B": "The Westhaven withdrawal is over."}, score=9.0)
    three = _row({"A": "The Westhaven withdrawal began.", "B": "Westhaven: the withdrawal goes on.",
                  "C": "The withdrawal from Westhaven is half done."}, score=1.0)
    assert order_rows([two, three], "Westhaven withdrawal") == [three, two]


def test_more_outlets_that_never_name_the_query_rank_below_two_that_do() -> None:
    # six outlets share a credit line: a row, but not about the query
    credit = _row({o: "Wire services contributed to this report." for o in "ABCDEF"}, score=9.0)
    context = _row({"A": "Convoys left at dawn.", "B": "The last trucks drove off.", "C": "The base is empty now."})
    two = _row({"A": "The Westhaven withdrawal ended.", "B": "The Westhaven withdrawal is over."}, score=0.5)
    assert order_rows([credit, context, two], "Westhaven withdrawal")[0] is two


def test_outlets_naming_one_of_two_words_rank_below_fewer_naming_both() -> None:
    # four outlets on another town's withdrawal; two on the town the query names and its withdrawal
    other = _row({o: f"The withdrawal from Dunmere went on, report {o} says." for o in "ABCD"}, score=9.0)
    both = _row({"A": "The withdrawal from Westhaven went on.", "B": "Westhaven saw the withdrawal end."}, score=1.0)
    assert order_rows([other, both], "Westhaven withdrawal") == [both, other]


def test_a_word_the_search_widened_the_query_with_names_the_query() -> None:
    # the folder relates "pullout" to "withdrawal": a row that says "pullout" is about the query
    said_other = _row({"A": "The Westhaven pullout ended.", "B": "Westhaven saw the pullout end.",
                       "C": "The pullout from Westhaven is done."}, score=1.0)
    half = _row({o: f"Westhaven mourned its mayor, says {o}." for o in "ABCD"}, score=9.0)
    related = {"withdrawal": ["pullout"]}
    assert order_rows([half, said_other], "Westhaven withdrawal", lambda w: related.get(w, []))[0] is said_other
    # without the folder's relation "pullout" names nothing of the query
    widened = query_terms("Westhaven withdrawal", lambda w: related.get(w, []))
    plain = query_terms("Westhaven withdrawal")
    assert query_words_named(said_other, widened) > query_words_named(said_other, plain)


def test_query_terms_skip_syntax_and_take_synonyms() -> None:
    terms = query_terms('outlet:BBC soldiers AND killed')
    assert len(terms) == 2
    soldiers = next(t for t in terms if "soldier" in t)
    assert soldiers == query_terms("troops")[0]  # "soldiers" also finds "troops"
    assert not any("bbc" in t or "outlet" in t for t in terms)


def test_a_rare_query_word_outweighs_a_common_one() -> None:
    # most sentences name "island"; only the row about the one the query asks for names "Heron"
    common = [
        _row({"A": f"The island {i} lies off the coast.", "B": f"Ferries reach island {i} daily.",
              "C": f"The island {i} has a harbour."}, score=9.0)
        for i in range(6)
    ]
    asked = _row({"A": "Marines held Heron Rock for a week.", "B": "The Heron Rock garrison surrendered.",
                  "C": "Heron Rock is back under navy control."}, score=1.0)
    both = _row({"A": "Heron island was shelled for six hours on Tuesday, the harbour office said.",
                 "B": "The island of Heron burned through the night after the depot was struck.",
                 "C": "Heron island fell to the marines after a long siege of its old fort."}, score=0.5)
    ordered = order_rows([*common, asked, both], "Heron island")
    assert ordered[0] is both  # both words
    assert ordered[1] is asked  # the rare word alone beats the common word alone


def test_a_row_of_fragments_that_only_name_the_query_ranks_below_a_row_that_says_something() -> None:
    fragments = _row({"A": "Talk of a ferry strike now.", "B": "THERE WILL BE A FERRY STRIKE?",
                      "C": "A ferry strike, though.", "D": "The ferry strike goes on."}, score=5.0)
    report = _row({"A": "The ferry strike has stranded 4,000 travellers on the island since Monday, the port said.",
                   "B": "Crews began a ferry strike over pay on Monday, leaving the island cut off for two days.",
                   "C": "Some 4,000 people were stuck after the ferry strike halted every crossing to the island."},
                  score=1.0)
    assert order_rows([fragments, report], "ferry strike")[0] is report


def test_outlets_telling_one_event_rank_above_outlets_that_only_share_the_query_words() -> None:
    # three outlets' tolls of three different towns (they share only the query's words) and three outlets
    # on one flood in one town: both rows name every query word in every sentence
    towns = _row({"A": "Two civilians were killed by shelling in Orlen on Friday.",
                  "B": "Shelling of Dunmere killed three civilians overnight, officials said.",
                  "C": "Five civilians were killed when rockets hit a market in Varn."}, score=9.0)
    flood = _row({"A": "The flood in Greyford killed four civilians, the mayor said.",
                  "B": "Four civilians were killed as the Greyford dam burst, the mayor said.",
                  "C": "In Greyford the burst dam killed four civilians asleep in riverside homes."}, score=1.0)
    filler = [_row({o: f"Civilians killed in the {w} district went unreported." for o in "DE"}) for w in
              ("north", "south", "east", "west")]
    assert order_rows([towns, flood, *filler], "civilians killed")[:2] == [flood, towns]


def test_a_figure_filter_puts_rows_holding_such_a_figure_first() -> None:
    # the query's figure:>1000 found the passages; a row of the sentences around them holds none
    around = _row({"A": "Rescuers searched the Greyford flats for a second day with dogs and thermal cameras.",
                   "B": "In Greyford, rescuers and their dogs searched the flats again on Sunday morning.",
                   "C": "Rescue teams with dogs kept searching the ruined Greyford flats through the weekend."},
                  score=9.0)
    counted = _row({"A": "Some 1,200 residents of Orlen were left homeless, the council said.",
                    "B": "The council said 1,200 Orlen residents had lost their homes.",
                    "C": "About 1,200 people in Orlen are homeless, according to the council."}, score=1.0)
    for refs in counted.cells.values():
        for ref in refs:
            at = ref.text.index("1,200")
            ref.claims = [Claim(Figure(at, at + 5, "1,200", 1200.0, counted="residents"), "")]
    rows = [around, counted]
    assert order_rows(rows, "figure:>1000 Greyford OR Orlen", figure=lambda v: v > 1000)[0] is counted
    # without the filter's test the rows keep the order the words give them
    assert order_rows(rows, "figure:>1000 Greyford OR Orlen")[0] is around
