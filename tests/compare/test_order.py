"""Row order: past a few outlets, the rows that name the query's words come first."""

from __future__ import annotations

from desk.compare.order import order_rows, query_terms
from desk.model import Row

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


def test_outlets_still_decide_below_three() -> None:
    two = _row({"A": "The Westhaven withdrawal ended.", "B": "The Westhaven withdrawal is over."})
    three = _row({"A": "Convoys left at dawn.", "B": "The last trucks drove off.", "C": "The base is empty now."})
    assert order_rows([two, three], "Westhaven withdrawal") == [three, two]


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
    both = _row({"A": "Heron island was shelled.", "B": "The island of Heron burned.", "C": "Heron island fell."},
                score=0.5)
    ordered = order_rows([*common, asked, both], "Heron island")
    assert ordered[0] is both  # both words
    assert ordered[1] is asked  # the rare word alone beats the common word alone
