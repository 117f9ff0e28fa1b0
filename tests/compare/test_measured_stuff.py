"""What a unit of measure measures: the head of the noun phrase after "of", not a word of the clause
that follows it, and the broader stuff of "X and other Y".

Every sentence here is written for these tests (invented places and figures).
"""

from __future__ import annotations

from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures


def _thing(text: str, written: str) -> str:
    (fig,) = [f for f in find_figures(text) if f.text == written]
    q = quantity_of(fig, (text, fig.start, fig.end))
    assert q is not None
    assert q.unit == "tonn"
    return q.thing


def test_a_participle_without_ed_ends_the_measured_phrase() -> None:
    assert _thing("Some 12 million tonnes of barley held up in the northern silos may rot.", "12 million") == "barley"
    assert _thing("Officials counted 3 million tons of rice stuck at the river docks.", "3 million") == "rice"
    assert _thing("Some 3 million tons of rice remain at the river docks.", "3 million") == "rice"


def test_a_preposition_ends_the_measured_phrase() -> None:
    assert _thing("The floods trapped 8 million tons of wheat inside Varnia this spring.", "8 million") == "wheat"


def test_the_stuff_after_and_other_takes_in_the_first() -> None:
    # "rye and other grain" measures grain, of which the rye is a part
    assert _thing("The pact lets Varnia ship 9 million tonnes of rye and other grain abroad.", "9 million") == "grain"
    assert _thing("The pact lets Varnia ship 9 million tonnes of rye and other farm goods.", "9 million") == "good"
    # without "other" the first stuff stays what is measured
    assert _thing("The pact lets Varnia ship 9 million tonnes of rye and later some maize.", "9 million") == "rye"


def test_stock_figures_told_in_these_ways_count_one_quantity() -> None:
    texts = [
        ("An estimated 40 million tonnes of grain are stuck in Varnia.", "40 million"),
        ("Most of the 40 million tonnes of grain held up in Varnian ports is feed.", "40 million"),
        ("The deal lets Varnia export 44 million tonnes of maize and other grain.", "44 million"),
    ]
    quantities = []
    for text, written in texts:
        (fig,) = [f for f in find_figures(text) if f.text == written]
        q = quantity_of(fig, (text, fig.start, fig.end))
        assert q is not None
        quantities.append(q)
    assert all(q.strictly_matches(quantities[0]) for q in quantities)
