"""Claimant names and links, eleventh round (issue 15), from reading wire and broadcaster articles outside the
gold sets: a lower-case description before a name, a role taken up with another nationality, a document's
owner, a title's object run into the name, an office holder named after the place, a quotation in single
marks before its speech tag, datelines, places the recogniser calls people, and names it calls bodies.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract.figures import find_figures
from desk.extract.names import canonical_name

from .helpers import claimants_by_figure, listed

# -- a lower-case description before the name is not part of it ----------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("energy giant Norpetro", "Norpetro"),
        ("rights group Harbour Watch", "Harbour Watch"),
        ("Ferry operator boss Jan van Dijk", "Jan van Dijk"),
        ("Weather agency head Marta de Luca", "Marta de Luca"),
        ("Norland's chief executive Petra Olsen", "Petra Olsen"),
        ("retired US Gen. Tom Brandt", "Tom Brandt"),
        ("the pro-government daily Harbour Gazette", "Harbour Gazette"),
        # what stays: a role alone, a description linked to another source, a bare medium, a title alone
        ("a senior administration official", "senior administration official"),
        ("analysts at Dunmore Capital", "analysts at Dunmore Capital"),
        ("spokesman for the General Staff", "spokesman for the General Staff"),
        ("Norland state TV", "Norland state TV"),
        ("the town's deputy Mayor", "town's deputy Mayor"),
    ],
)
def test_a_description_before_a_name_is_dropped(written: str, name: str) -> None:
    assert canonical_name(written) == name


def test_the_described_name_is_the_claimant() -> None:
    claims = claimants_by_figure("Shipping giant Norfrakt said 40 vessels were stuck in the port.")
    assert claims["40"] == "Norfrakt"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Earlier state media reports", "state media reports"),
        ("Meanwhile Ann Roe", "Ann Roe"),
        ("the Harbour Parliament on Thursday", "Harbour Parliament"),
        # a quotation opening inside the phrase starts the name; a nickname in quotes stays
        ("U.S. 'The Kingdom", "Kingdom"),
        ('Ann "Red" Roe', 'Ann "Red" Roe'),
    ],
)
def test_words_around_a_name_that_are_not_part_of_it(written: str, name: str) -> None:
    assert canonical_name(written) == name


# -- a role taken up from before ---------------------------------------------------------------------------


def test_a_nationality_is_no_name_for_a_role_taken_up() -> None:
    # "German carmaker" named no carmaker: the Italian carmaker is not it
    claims = claimants_by_figure(
        "Vega Motors is selling its stake in German carmaker Hallstadt. "
        "The Italian carmaker said it would sell its 60% share to a fund."
    )
    assert claims["60%"] != "German carmaker"
    assert "German" not in claims["60%"]


def test_a_documents_owner_speaks_not_the_document_phrase() -> None:
    text = (
        "The Harbour Policy Institute published a study on Monday. "
        "The think tank's report found that 300 ferries were unsafe."
    )
    assert claimants_by_figure(text)["300"] != "think tank's report"
    assert all(not name.endswith("'s report") for name in claimants_by_figure(text).values())


# -- names the parse cuts wrongly --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The governor of the Harbour region Anna Kravets said 90 people were sheltering in the school.", "Anna Kravets"),
        ("The head of the flooded district in Dunmore, Anna Kravets, said 90 people were sheltering.", "Anna Kravets"),
        # (the small model reads "Anna Kravets" here as the subject of "get": the rule needs the apposition)
        ("According to the head of the flooded district in Dunmore, Petra Olsen, the residents of 90 homes will get help.",
         "Petra Olsen"),
    ],
)
def test_the_office_holder_named_after_the_place_is_the_source(text: str, name: str) -> None:
    assert claimants_by_figure(text)["90"] == name


@pytest.mark.parametrize(
    "text",
    [
        # the person named is not the holder of the office the phrase starts with
        "The spokesman of the minister, Anna Kravets, said 90 people were sheltering.",
        "The head of the office of Anna Kravets said 90 people were sheltering.",
    ],
)
def test_a_person_after_another_role_is_not_the_office_holder(text: str) -> None:
    assert claimants_by_figure(text)["90"] != "Anna Kravets"


# -- a quotation in single marks before its speech tag --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The pier was shut. 'The town that loses the most from this 40 ferry cut is Dunmore,' Kirby said in a call "
        "with reporters.",
        "The pier was shut. ‘The town that loses the most from this 40 ferry cut is Dunmore,’ Kirby said in a call "
        "with reporters.",
    ],
)
def test_a_single_quoted_sentence_belongs_to_its_speech_tag(text: str) -> None:
    assert claimants_by_figure(text)["40"] == "Kirby"


# -- datelines and places ------------------------------------------------------------------------------------


def test_a_datelines_place_is_no_source() -> None:
    text = "HARBOURTON - Union leaders said 40 ferries were idle."
    assert claimants_by_figure(text)["40"] == "Union leaders"
    assert ("HARBOURTON - Union leaders", "said") not in listed(text)


def test_a_person_named_after_a_name_used_for_a_place() -> None:
    # "she" is the woman who speaks, never the city however the recogniser tags it
    text = (
        "Mira Holt said she left her job at the dam in March and moved to the city of Dunmore. "
        "She added that the dam was run by around 1,100 people before the war."
    )
    assert claimants_by_figure(text)["1,100"] == "Mira Holt"


# -- figures --------------------------------------------------------------------------------------------------


def test_a_duration_before_a_closing_single_quote_is_no_figure() -> None:
    assert find_figures("The ties have stood over the past eight decades.'") == []
    assert [f.text for f in find_figures("It costs 40 dollars.'")] == ["40"]


# -- "he" after another person the text does not name ---------------------------------------------------------


def test_he_is_not_a_person_named_with_another_office_before_an_unnamed_one() -> None:
    text = (
        "President Ann Roe said the town was cut off. The deputy mayor was unable to count the graves. "
        "But he told reporters there were 67 at one site."
    )
    assert claimants_by_figure(text)["67"] == ""


@pytest.mark.parametrize(
    "text",
    [
        # the role the text gave that person, or a person named without a title, may be the same one
        "Deputy Mayor Tom Kerr visited the site. The deputy mayor was unable to count the graves. "
        "But he told reporters there were 67 at one site.",
        "Tom Kerr said the town was cut off. The deputy mayor was unable to count the graves. "
        "But he told reporters there were 67 at one site.",
    ],
)
def test_he_may_be_the_person_the_role_takes_up(text: str) -> None:
    assert claimants_by_figure(text)["67"] == "Tom Kerr"


def test_a_body_named_after_a_person_is_it_not_he() -> None:
    text = (
        "The navy said the port was shut. The office of Ann Roe estimated that 5,000 people had left. "
        "It also said 90% of homes were empty."
    )
    assert claimants_by_figure(text)["90%"] == "office of Ann Roe"


# -- evidence: an outlook, and a bracketed acronym inside the name ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gas users will see a 28 percent rise, according to a Harbour Energy Agency outlook released last week.",
         "Harbour Energy Agency outlook"),
        ("Gas users will see a 28 percent rise, according to a Harbour Energy Agency (HEA) report.",
         "Harbour Energy Agency (HEA) report"),
    ],
)
def test_according_to_an_outlook_or_a_report_with_an_acronym(text: str, name: str) -> None:
    assert claimants_by_figure(text)["28 percent"] == name


# -- a surname the recogniser calls a place ---------------------------------------------------------------------


@pytest.mark.parametrize("surname", ["Harbin", "Kerala"])
def test_a_person_taken_up_by_surname_is_he(surname: str) -> None:
    text = (
        f"Samir {surname}, a fellow at the Harbour Institute, told reporters the front was long. "
        "Should the general move north, the war would change, Ann Roe said. "
        f"A northern front could have a psychological impact, {surname} suggested. "
        "“Everyone has been oriented towards fighting one army,” he said."
    )
    assert claimants_by_figure(text)["one"] == f"Samir {surname}"


# -- "denied" as refused --------------------------------------------------------------------------------------


def test_denied_something_by_someone_is_no_denial() -> None:
    text = "If the bill fails, 100 million people can once again be denied coverage by their insurers."
    assert claimants_by_figure(text)["100 million"] == ""
    assert ("their insurers", "denied") not in listed(text)
    # the reporting sense stays: "the claims were denied by the ministry"
    assert ("the ministry", "denied") in listed("The claims were denied by the ministry, which said 40 ships were safe.")


# -- a number that ends a name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A modified Boeing 747 from the charter fleet will take off.",
        "The lawyers cited Title 42 in court.",
        "He told Harbour 24 on Monday that the port was shut.",
        "A reporter with the state-owned Harbour 1 said the general was killed.",
    ],
)
def test_a_number_before_a_function_word_ends_a_name(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [("In Dunmore 40 people died.", ["40"]), ("The score was Norland 2 to 1.", ["2", "1"])],
)
def test_a_number_after_a_name_that_counts_stays(text: str, figures: list[str]) -> None:
    assert [f.text for f in find_figures(text)] == figures


# -- titles of a firm's officers, years of a firm's accounts, a described name taken up by "which" ----------------


def test_a_firms_officer_title_is_dropped() -> None:
    assert canonical_name("Norpetro's Chief Executive Officer Ann Roe") == "Ann Roe"
    assert canonical_name("Chief Financial Officer Ann Roe") == "Ann Roe"


@pytest.mark.parametrize(
    "text", ["BP is owed $700 million in second-half 2021 dividends.", "The board will discuss nine-month 2022 payouts."]
)
def test_the_year_of_a_period_of_accounts_is_no_figure(text: str) -> None:
    assert all(f.value < 1800 or f.value > 2100 for f in find_figures(text))
    # a count written without a comma stays a count
    assert [f.text for f in find_figures("Some 2000 soldiers left.")] == ["2000"]


def test_which_after_a_described_name_takes_up_the_name() -> None:
    text = (
        "On Friday, videos of the men were broadcast by Harbour TV, a state-controlled international "
        "television network, which reported that the two were being held."
    )
    assert claimants_by_figure(text)["two"] == "Harbour TV"


# -- a writing named only by its kind ---------------------------------------------------------------------------


def test_a_writing_named_by_its_kind_is_listed_but_claims_no_figure() -> None:
    text = (
        "Budapest had demanded that three oligarchs be removed from the list. "
        "The agreement noted that the inclusion of 40 oligarchs will need to be reviewed."
    )
    assert claimants_by_figure(text)["40"] == ""
    assert ("The agreement", "noted") in listed(text)
    # a writing with a name of its own speaks for it
    assert claimants_by_figure("The Harbour Accord noted that 40 ships may sail.")["40"] == "Harbour Accord"


def test_he_after_a_surname_is_the_person_named_in_full_before() -> None:
    text = (
        "Samir Harbin, a fellow at the Harbour Institute, told reporters the front was long. "
        "A northern front could have a psychological impact, Harbin suggested. "
        "“Everyone has been oriented towards fighting one army,” he said."
    )
    assert claimants_by_figure(text)["one"] == "Samir Harbin"
