"""Flags that fired where nothing disagrees, seen on ukraine-media (issue 12):

- a figure told in a question ("After 5,000 are killed?") asserts nothing, so it never clashes with a count;
- two sentences that each name the day their count is of ("on Monday", "on Wednesday") count two days, not one;
- a wider place named only to say where a town lies ("Varna in southern Ardenia") is not the figure's place.

All sentences are invented."""

import dataclasses
import datetime as dt
from dataclasses import dataclass

from desk.compare.asof import resolve_as_of
from desk.compare.disagree import ClaimFact, judge
from desk.compare.places import places_near

from .helpers import figure_claim

WEDNESDAY = dt.date(2023, 5, 10)
THURSDAY = dt.date(2023, 5, 11)


def _claim(text: str, written: str, outlet: str, told: dt.date) -> ClaimFact:
    """The claim as compare builds it: its sentence, and the as-of time the sentence gives."""
    c = figure_claim(text, written, outlet, told)
    at = text.index(written)
    return dataclasses.replace(c, told_in=(text, at), as_of=resolve_as_of(text, told, at=at))


def _kinds(*claims: ClaimFact) -> list[str]:
    return [v.kind for v in judge(list(claims), toll_gap_days=2)]


# --- questions -------------------------------------------------------------------------------------------

ASSERTED = ("Shelling of the river port killed 40 civilians, the governor said.", "40")


def test_a_count_in_a_question_does_not_clash() -> None:
    asked = _claim("Will the council act only after 400 civilians are killed?", "400", "Valley Post", WEDNESDAY)
    told = _claim(*ASSERTED, "Coast Herald", WEDNESDAY)
    assert "disagree" not in _kinds(asked, told)


def test_a_question_closed_by_a_quotation_mark_is_a_question() -> None:
    asked = _claim("\u201cHow long until they kill 400 civilians?\u201d", "400", "Valley Post", WEDNESDAY)
    told = _claim(*ASSERTED, "Coast Herald", WEDNESDAY)
    assert "disagree" not in _kinds(asked, told)


def test_the_same_counts_asserted_still_clash() -> None:
    other = _claim("The strike on the river port killed 400 civilians, officials said.", "400", "Valley Post",
                   WEDNESDAY)
    told = _claim(*ASSERTED, "Coast Herald", WEDNESDAY)
    assert _kinds(other, told) == ["disagree"]


# --- days each sentence names ----------------------------------------------------------------------------


def test_counts_of_two_named_days_do_not_clash() -> None:
    monday = _claim("Air defences destroyed 37 drones over the south on Monday, the air force said.", "37",
                    "Coast Herald", THURSDAY)
    wednesday = _claim("Air defences destroyed ten drones over the capital on Wednesday, the mayor said.", "ten",
                       "Valley Post", THURSDAY)
    assert monday.as_of.exact != wednesday.as_of.exact
    assert "disagree" not in _kinds(monday, wednesday)


def test_counts_of_one_named_day_still_clash() -> None:
    first = _claim("Air defences destroyed 37 drones on Monday, the air force said.", "37", "Coast Herald", THURSDAY)
    second = _claim("Air defences destroyed ten drones on Monday, the mayor said.", "ten", "Valley Post", THURSDAY)
    assert _kinds(first, second) == ["disagree"]


def test_a_day_taken_from_the_article_date_is_not_a_named_day() -> None:
    # neither sentence names its day: the articles' dates differ by one day, close enough for rivals
    first = _claim("Air defences destroyed 37 drones, the air force said.", "37", "Coast Herald", WEDNESDAY)
    second = _claim("Air defences destroyed ten drones, the mayor said.", "ten", "Valley Post", THURSDAY)
    assert first.as_of.basis == "article date"
    assert _kinds(first, second) == ["disagree"]


# --- a wider place that says where a place lies ---------------------------------------------------------


@dataclass
class _Entity:
    text: str
    label: str
    start: int


def _near(text: str, figure: str, places: list[str]) -> set[str]:
    ents = [_Entity(p, "GPE", text.index(p)) for p in places]
    at = text.index(figure)
    return set(places_near(text, at, at + len(figure), ents).values())


def test_the_country_that_says_where_a_town_lies_is_not_the_figures_place() -> None:
    text = "Officials in Varnolsk in southern Ardenia estimate that 9,000 civilians have been killed."
    assert _near(text, "9,000", ["Varnolsk", "Ardenia"]) == {"Varnolsk"}


def test_the_east_of_a_country_says_where_a_town_lies() -> None:
    text = "Shelling killed 12 people in Varnolsk in the east of Ardenia."
    assert _near(text, "12", ["Varnolsk", "Ardenia"]) == {"Varnolsk"}


def test_a_list_of_places_keeps_every_place() -> None:
    text = "Strikes on Varnolsk, Tessaly and Ardenport killed 12 people."
    assert _near(text, "12", ["Varnolsk", "Tessaly", "Ardenport"]) == {"Varnolsk", "Tessaly", "Ardenport"}


def test_a_country_named_on_its_own_stays_the_place() -> None:
    text = "Since the war in Ardenia started, shelling has cost 9,000 civilian lives across Ardenia."
    assert _near(text, "9,000", ["Ardenia"]) == {"Ardenia"}
