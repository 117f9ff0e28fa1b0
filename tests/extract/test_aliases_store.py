"""Alias file, JSON round trip of extractions, names and dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.extract import extract
from desk.extract.aliases import AliasBook
from desk.extract.dates import find_dates
from desk.extract.names import canonical_name, same_claimant
from desk.extract.store import extraction_from_json, extraction_to_json
from desk.paths import aliases_file


def test_alias_round_trip(tmp_path: Path) -> None:
    path = aliases_file(tmp_path / "articles", tmp_path / "data")
    book = AliasBook.load(path)
    assert book.entries() == []
    book.merge("Zelenskiy", "Volodymyr Zelensky")
    book.rename("UN", "United Nations")
    book.delete("Read")
    book.save()
    again = AliasBook.load(path)
    assert again.entries() == book.entries()
    assert again.canonical("President Zelenskiy") == "Volodymyr Zelensky"
    assert again.canonical("the UN") == "United Nations"
    assert again.canonical("Read") is None
    assert again.canonical("Moscow") == "Moscow"
    # renaming the target of a merge carries the merge along
    again.rename("Volodymyr Zelensky", "Zelensky")
    assert again.canonical("Zelenskiy") == "Zelensky"
    assert again.remove("Read")
    assert again.canonical("Read") == "Read"
    assert sorted(k for k, _, _ in again.entries()) == ["merge", "rename", "rename"]


def test_alias_cycle_stops(tmp_path: Path) -> None:
    book = AliasBook(tmp_path / "a.json")
    book.merge("Ann Lee", "Bob Roe")
    book.merge("Bob Roe", "Ann Lee")
    assert book.canonical("Ann Lee") in ("Ann Lee", "Bob Roe")


@pytest.mark.parametrize("content", ["{oops", json.dumps({"entries": [{"kind": "explode", "name": "x"}]}), "[]"])
def test_corrupt_alias_file_is_explained(tmp_path: Path, content: str) -> None:
    path = tmp_path / "aliases.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DeskError) as err:
        AliasBook.load(path)
    assert "aliases.json" in str(err.value)
    assert "damaged" in str(err.value)


def test_alias_save_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "x" / "aliases.json"
    book = AliasBook.load(path)
    book.merge("Kiev", "Kyiv")
    book.save()
    assert [p.name for p in path.parent.iterdir()] == ["aliases.json"]


def test_extraction_json_round_trip() -> None:
    text = (
        "Mayor Ihor Terekhov said on Saturday that 17 drones struck two districts. "
        "More than 40% of homes lost power, according to the city council."
    )
    x = extract(text, base_date=dt.date(2025, 6, 11))
    d = extraction_to_json(x)
    back = extraction_from_json(json.loads(json.dumps(d)))
    assert back == x
    assert back.claims[0].figure is back.figures[0]


def test_damaged_stored_extraction() -> None:
    with pytest.raises(DeskError):
        extraction_from_json({"figures": [{"start": "x"}], "claims": [{"figure": 5}]})


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("Mayor Ihor Terekhov", "Ihor Terekhov"),
        ("President Zelensky", "Zelensky"),
        ("Ukrainian President Volodymyr Zelensky’s", "Volodymyr Zelensky"),
        ("Kharkiv regional head Oleh Syniehubov", "Oleh Syniehubov"),
        ("the General Staff of the Armed Forces of Ukraine", "General Staff of the Armed Forces of Ukraine"),
        ("a spokesperson for the country’s general staff", "spokesperson for the country's general staff"),
        ("  the   Kremlin ", "Kremlin"),
        # a country's possessive reads as its adjective, so both spellings are one claimant
        ("Norway's Health Ministry", "Norwegian Health Ministry"),
        ("Canada’s armed forces", "Canadian armed forces"),
        ("Japan's Fumio Kishida", "Fumio Kishida"),
        # other places keep their possessive: no adjective is known for them
        ("Lviv's city council", "Lviv's city council"),
        # local offices are titles too; the body itself keeps its words
        ("Councillor Mira Holt", "Mira Holt"),
        ("city councilman Dev Patel", "Dev Patel"),
        ("Sheriff Ana Ruiz", "Ana Ruiz"),
        ("Mayor-elect Joan Fry", "Joan Fry"),
        ("the city council", "city council"),
        # a sentence adverb run on when the text lost a full stop ("... spokesman Ed Lorne Separately, a ...")
        ("spokesman Ed Lorne Separately", "Ed Lorne"),
        ("Mara Quist Meanwhile,", "Mara Quist"),
        ("USA Today", "USA Today"),
    ],
)
def test_canonical_name(raw: str, canonical: str) -> None:
    assert canonical_name(raw) == canonical


def test_same_claimant() -> None:
    names = ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "President Zelensky"]
    assert all(same_claimant(a, b) for a in names for b in names)
    assert same_claimant("Ukrainian military", "Ukrainian military command")
    assert not same_claimant("Volodymyr Zelensky", "Olena Zelenska")
    assert not same_claimant("Ukraine", "Ukrainian officials")
    assert not same_claimant("Moscow", "Kyiv")
    assert same_claimant("Norway's Health Ministry", "the Norwegian Health Ministry")
    assert not same_claimant("Norway's Health Ministry", "the Danish Health Ministry")


def test_dates_resolved_against_the_article_date() -> None:
    base = dt.date(2022, 3, 20)  # a Sunday
    ds = find_dates("On Saturday, and on 24 February, and on December 5, and yesterday.", base)
    assert [(d.text, d.date) for d in ds] == [
        ("Saturday", dt.date(2022, 3, 19)),
        ("24 February", dt.date(2022, 2, 24)),
        ("December 5", dt.date(2021, 12, 5)),
        ("yesterday", dt.date(2022, 3, 19)),
    ]
    assert find_dates("on 31 February 2022")[0].date is None


def test_an_acronym_names_the_same_source_as_its_full_name() -> None:
    assert same_claimant("UN", "United Nations")
    assert same_claimant("the United Nations", "UN")
    assert same_claimant("ISW", "Institute for the Study of War")
    assert same_claimant("IAEA", "International Atomic Energy Agency")
    assert not same_claimant("UN", "United Nations Development Programme")  # letters must match all words
    assert not same_claimant("Un", "United Nations")  # an acronym is written in capitals
    assert not same_claimant("UN", "Unicef")
