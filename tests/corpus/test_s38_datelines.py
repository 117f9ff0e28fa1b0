"""Datelines (desk.corpus.datelines): one grammar for the place, day and credit that open a report.

Every text here is invented.  Before this module, the outlet signature only knew a dateline in capitals
up to the bracket, so "HARBOURTON, Vessland (AP) —", the common agency form with its country in ordinary
case, gave no outlet, and neither did "HARBOURTON, July 9 (Wire) -" (digits); and a file without
metadata whose dateline gives a full day ("Port Alder, 3 May 2023 (Quay Times) -") had no date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desk.compare.asof import dateline_date
from desk.corpus import FolderContext, read_article
from desk.corpus.datelines import find_dateline
from desk.corpus.outlets import signature_outlet

D = dt.date


@pytest.mark.parametrize(("text", "place", "region", "day", "credit"), [
    ("HARBOURTON, Vessland (AP) — Dockers walked out.", "HARBOURTON", "Vessland", None, "AP"),
    ("HARBOURTON, July 9 (Wire) - Dockers walked out.", "HARBOURTON", "", (7, 9, None), "Wire"),
    ("ST. KILDA, Vessland, 4 June (Wire) - Dockers walked out.", "ST. KILDA", "Vessland", (6, 4, None), "Wire"),
    ("Port Alder, 3 May 2023 (Quay Times) - Dockers walked out.", "Port Alder", "", (5, 3, 2023), "Quay Times"),
    ("Port Alder, May 3, 2023 — Dockers walked out.", "Port Alder", "", (5, 3, 2023), ""),
    ("NORTH BAY -- Dockers walked out.", "NORTH BAY", "", None, ""),
])
def test_a_dateline_is_read_into_its_parts(
    text: str, place: str, region: str, day: tuple[int, int, int | None] | None, credit: str
) -> None:
    d = find_dateline(text)
    assert d is not None
    assert (d.place, d.region, d.credit) == (place, region, credit)
    assert ((d.month, d.day, d.year) if d.month else None) == day
    assert text[d.end :].startswith("Dockers")


@pytest.mark.parametrize("text", [
    "Officials - and the mayor - said the pier would close.",  # ordinary case with no day or credit
    "The Harbour Workers Union (HWU) – the largest union – called a strike.",  # a name and its acronym
    "Harbour Workers Union (HWU) – the largest union – called a strike.",
    "May 3 (Wire) - Dockers walked out.",  # a day with no place
    "Dockers walked out on Monday.",
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(("text", "outlet"), [
    ("HARBOURTON, Vessland (AP) — Dockers walked out on Monday.", "Associated Press"),
    ("HARBOURTON, July 9 (Reuters) - Dockers walked out on Monday.", "Reuters"),
    ("Port Alder, 3 May 2023 (Quay Times) - Dockers walked out on Monday.", "Quay Times"),
])
def test_the_credit_of_a_dateline_names_the_outlet(text: str, outlet: str) -> None:
    assert signature_outlet(text) == (outlet, "wire dateline")


@pytest.mark.parametrize("text", [
    "HARBOURTON (Updated) - Dockers walked out on Monday.",  # a bracket that names no outlet
    "HARBOURTON (Video) - Dockers walked out on Monday.",
    "The Harbour Workers Union (HWU) – the largest union – called a strike.",
])
def test_a_bracket_that_names_no_outlet_is_no_signature(text: str) -> None:
    assert signature_outlet(text) is None


def _read(folder: Path, name: str, body: str):
    (folder / name).write_text(body, encoding="utf-8")
    return read_article(folder / name, folder, FolderContext.load(folder))


def test_a_file_without_metadata_takes_the_day_of_its_dateline(tmp_path: Path) -> None:
    art = _read(tmp_path, "strike.txt", "Dockers return\n\nPort Alder, 3 May 2023 (Quay Times) - Dockers "
                "returned to work after 12 days, the union said.\n")
    assert art.date == D(2023, 5, 3)
    assert art.outlet == "Quay Times"


def test_a_dateline_day_without_its_year_gives_no_date(tmp_path: Path) -> None:
    art = _read(tmp_path, "strike.txt", "Dockers return\n\nPORT ALDER, May 3 (Wire) - Dockers returned, "
                "the union said.\n")
    assert art.date is None


def test_metadata_wins_over_the_dateline_and_the_difference_is_noted(tmp_path: Path) -> None:
    art = _read(tmp_path, "strike.md", "---\ntitle: Dockers return\ndate: 2023-05-04\n---\n\nPort Alder, "
                "3 May 2023 (Quay Times) - Dockers returned, the union said.\n")
    assert art.date == D(2023, 5, 4)
    assert "date 2023-05-03 from the dateline contradicts 2023-05-04 from the front matter" in art.notes


def test_the_comparison_reads_the_day_of_a_dateline_in_any_form() -> None:
    assert dateline_date("ST. KILDA, Vessland, 4 June (Wire) - Dockers walked out.", D(2023, 6, 5)) == D(2023, 6, 4)
    # a day after the article's own is of the year before
    assert dateline_date("HARBOURTON, Dec 30 (Wire) - Dockers walked out.", D(2024, 1, 2)) == D(2023, 12, 30)
    assert dateline_date("HARBOURTON (Wire) - Dockers walked out.", D(2023, 6, 5)) is None
