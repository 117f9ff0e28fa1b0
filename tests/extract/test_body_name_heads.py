"""A word that is a title before a person's name ("National", "Energy", "Trade") is part of a body's name when the
name ends in a body's head ("Trust", "Association", "Society", "Congress", "Authority"): only a person's name
loses the title.  Names are invented."""

import pytest

from desk.extract.names import canonical_name


@pytest.mark.parametrize(
    "name",
    [
        "Energy Thrift Trust",
        "National Kite Association",
        "National Orchard Society",
        "Trade Guilds Congress",
        "Regional Canal Authority",
        "National Ferry Board",
    ],
)
def test_a_bodys_name_keeps_its_first_word(name: str) -> None:
    assert canonical_name(name) == name


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Chief Executive Dana Voss", "Dana Voss"),
        ("Harbourton Mayor Ilse Brandt", "Ilse Brandt"),
        ("Energy Minister Tomas Reil", "Tomas Reil"),
    ],
)
def test_a_persons_name_still_loses_its_title(name: str, want: str) -> None:
    assert canonical_name(name) == want


def test_the_claimant_of_a_figure_is_the_whole_body() -> None:
    from desk.extract import extract

    x = extract("Energy Thrift Trust calculates that a household can save £55 a year.")
    assert [c.claimant for c in x.claims] == ["Energy Thrift Trust"]
