"""Session h31h: a front-matter value desk uses otherwise than as written is reported, never changed
without a word (an impossible time, a key given twice, a mapping or a list as the title or the
author, a title cut to 500 characters), and a YAML number or boolean in a text field stays the text
it was written as."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desk.corpus import FolderContext, field_problems, read_article
from desk.corpus.meta import front_matter
from desk.model import Article

BODY = "The ferry to Skarl Island carried 212 passengers, its owners said on Monday.\n"


def read(tmp_path: Path, header: str) -> Article:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_text(f"---\n{header}\n---\n{BODY}", encoding="utf-8")
    return read_article(folder / "a.md", folder, FolderContext.load(folder))


@pytest.mark.parametrize(
    ("date", "wrong"),
    [
        ("2031-04-02 25:61", "a time that does not exist"),
        ('"2031-04-02T25:61:00"', "a time that does not exist"),
        ("2031-04-02T25:61:00", "a time that does not exist"),  # unquoted: YAML's own timestamp fails
        ("2031-04-02T10:00:00+99:00", "a time zone that does not exist"),
    ],
)
def test_an_impossible_time_is_reported_and_the_day_kept(tmp_path: Path, date: str, wrong: str) -> None:
    a = read(tmp_path, f"title: Ferry\ndate: {date}")
    assert a.date == dt.date(2031, 4, 2)
    problems = field_problems(a.notes)
    assert len(problems) == 1, a.notes
    assert wrong in problems[0]
    assert "only its day, 2031-04-02, is used" in problems[0]


def test_a_possible_time_says_nothing(tmp_path: Path) -> None:
    for date in ("2031-04-02 23:59", "2031-04-02T10:00:00+05:30", "2031-04-02T10:00:00Z", "2031-04-02T23:59:60"):
        a = read(tmp_path, f"title: Ferry\ndate: {date}")
        assert a.date == dt.date(2031, 4, 2)
        assert field_problems(a.notes) == [], (date, a.notes)


@pytest.mark.parametrize("quoted", [False, True])
def test_a_key_given_twice_is_reported(tmp_path: Path, quoted: bool) -> None:
    q = '"' if quoted else ""  # quoted values take the quick path, the others YAML's
    a = read(tmp_path, f"title: {q}First{q}\ntitle: {q}Second{q}\ndate: {q}2031-04-02{q}\ndate: {q}2031-05-06{q}")
    assert a.title == "Second"
    assert a.date == dt.date(2031, 5, 6)
    assert field_problems(a.notes) == [
        'front matter: "title" is given more than once: the last one is used',
        'front matter: "date" is given more than once: the last one is used',
    ]


def test_a_key_desk_does_not_read_given_twice_says_nothing(tmp_path: Path) -> None:
    a = read(tmp_path, "title: Ferry\ntags: a\ntags: b")
    assert field_problems(a.notes) == []


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("title: {a: 1, b: 2}", '"title" is a mapping, not text: not used'),
        ("title: [Ferry, Island]", '"title" is a list, not text: not used'),
        ("author: {name: Ana Roe}", '"author" is a mapping, not text: not used'),
        ("author: [{name: Ana Roe}]", '"author" is a list, not text: not used'),
        ("outlet: [Gazette, Herald]", '"outlet" is a list, not text: not used'),
        ("title: !!binary aGVsbG8=", '"title" is not text: not used'),
    ],
)
def test_a_container_as_a_text_field_is_reported(tmp_path: Path, header: str, said: str) -> None:
    a = read(tmp_path, header)
    assert field_problems(a.notes) == [f"front matter: {said}"]
    assert "{" not in a.title
    assert "[" not in a.title


def test_a_list_of_authors_is_no_problem(tmp_path: Path) -> None:
    a = read(tmp_path, "title: Ferry\nauthor: [Ana Roe, Ben Ode]")
    assert a.author == "Ana Roe, Ben Ode"
    assert field_problems(a.notes) == []


def test_a_title_cut_to_500_characters_is_reported(tmp_path: Path) -> None:
    a = read(tmp_path, "title: " + "Ferry " * 200)
    assert len(a.title) <= 500
    assert field_problems(a.notes) == ['front matter: "title" is longer than 500 characters: cut to 500']


@pytest.mark.parametrize(
    ("written", "kept"),
    [("yes", "yes"), ("no", "no"), ("1e3", "1e3"), ("12:30", "12:30"), ("010", "010"), ("1_000", "1_000"), ("0x1F", "0x1F")],
)
def test_a_yaml_number_or_boolean_in_a_text_field_is_kept_as_written(written: str, kept: str) -> None:
    fields, _ = front_matter(f"---\ntitle: {written}\noutlet: {written}\n---\nbody")
    assert fields.values["title"] == kept
    assert fields.values["outlet"] == kept
    assert fields.notes == []


def test_a_number_as_a_date_is_still_read_as_one() -> None:
    fields, _ = front_matter("---\ntitle: x\ndate: 20310402\n---\nbody")
    assert fields.values["date"] == 20310402


def test_a_header_block_key_given_twice_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Title: Ferry\nDate: 2031-04-02\nTitle: Other ferry\nSource: Reuters\n"
                                  "Outlet: Gazette\n\n" + BODY, encoding="utf-8")
    a = read_article(folder / "a.txt", folder, FolderContext.load(folder))
    assert a.title == "Ferry"  # the first, as before
    # "Source" and "Outlet" are two keys for one field (first found wins, as in front matter): no note
    assert field_problems(a.notes) == ['header block: "Title" is given more than once: the first one is used']
