"""A figure naming only an outcome, joined by "and" to a figure naming what it counts, counts the same thing:
"1,200 troops died and 3,400 were wounded" counts wounded troops, so it never clashes with another
report's count of civilian injuries (issue 12: "Russian soldiers killed is not Ukrainian soldiers killed")."""

from desk.compare.statements import describe_row
from desk.model import Row

from .helpers import make_ref

SOLDIERS = "The ministry said 1,200 soldiers were lost in battle and 3,400 wounded since the spring."
CIVILIANS = "The monitors have counted 900 civilian deaths and 1,400 injuries since the spring."


def _row(second: str, figures: list[tuple[str, float, str, str, str]]) -> Row:
    a = make_ref(SOLDIERS, "Coast Herald", figures=[("1,200", 1200, "", "soldiers killed", "ministry"),
                                                    ("3,400", 3400, "", "wounded", "ministry")])
    b = make_ref(second, "Valley Post", figures=figures)
    row = Row(cells={"Coast Herald": [a], "Valley Post": [b]}, score=1.0)
    describe_row(row)
    return row


def test_the_wounded_of_a_soldiers_count_do_not_clash_with_civilian_injuries() -> None:
    row = _row(CIVILIANS, [("900", 900, "", "civilian deaths", "monitors"), ("1,400", 1400, "", "injuries", "monitors")])
    assert not row.disagreement, row.differences


def test_another_count_of_the_wounded_soldiers_still_clashes() -> None:
    other = "Its rival said 1,200 soldiers were lost in battle and 9,000 wounded since the spring."
    row = _row(other, [("1,200", 1200, "", "soldiers killed", "rival"), ("9,000", 9000, "", "wounded", "rival")])
    assert row.disagreement, row.differences
