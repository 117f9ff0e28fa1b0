"""A share followed by a comparative ("rice was 23% higher", "up 59% compared with last year") is a change of
what the sentence names before the figure, not a share of a thing: it has no quantity to clash over, so two
goods' price rises never flag each other.  A share of a named thing keeps its quantity."""

from desk.compare.quantity import quantity_of
from desk.extract.figures import find_figures


def _quantity(text: str, written: str):  # type: ignore[no-untyped-def]
    (fig,) = [f for f in find_figures(text) if f.text == written]
    return quantity_of(fig, (text, fig.start, fig.end), "")


def test_a_share_higher_or_compared_with_is_a_change_without_a_quantity() -> None:
    text = "Flour cost 59% more compared to a year before, while barley was 23% higher, the minister said."
    assert _quantity(text, "59%") is None
    assert _quantity(text, "23%") is None


def test_a_share_of_a_named_thing_keeps_its_quantity() -> None:
    q = _quantity("The pipeline used to carry 40% of the union's gas before the cut.", "40%")
    assert q is not None
    assert q.thing
