"""Compare rules on a small folder of articles written for these tests, indexed by the real library."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from desk.compare import build_rows
from desk.export import comparison_to_json
from desk.model import Comparison, PassageRef, Row

from .helpers import make_ref

ARTICLES = {
    "harbour.md": (
        "Harbour News",
        "2024-05-03",
        "Ferry capsizes off Elm Point",
        "A passenger ferry capsized off Elm Point on Thursday evening in heavy swell.\n\n"
        "The coast guard said 31 passengers drowned when the vessel turned over. "
        "Lifeboat crews rescued 12 people from the cold water before nightfall.\n\n"
        "Divers will resume the search of the wreck at first light on Friday.",
    ),
    "ledger.md": (
        "Daily Ledger",
        "2024-05-03",
        "Disaster at Elm Point",
        "According to the coast guard, 31 passengers drowned after the boat overturned near the headland.\n\n"
        "Volunteers from the village opened the school hall to shelter the families of the missing.\n\n"
        "The ferry operator declined to comment on the weather warnings issued that morning.",
    ),
    "wire-1.md": (
        "Wire Desk",
        "2024-05-03",
        "Elm Point ferry: coast guard gives toll",
        "The coast guard said 31 passengers drowned off Elm Point, and lifeboats saved a dozen more.\n\n"
        "The ferry was built in 1988 and had passed its last inspection in March.",
    ),
    "wire-2.md": (
        "Wire Desk",
        "2024-05-03",
        "Elm Point ferry: coast guard gives toll (update)",
        "The coast guard said 31 passengers drowned off Elm Point, and lifeboats saved a dozen more.\n\n"
        "The ferry company said it would cooperate fully with the investigators.",
    ),
}


def write_folder(folder: Path) -> Path:
    folder.mkdir()
    for name, (site, date, title, body) in ARTICLES.items():
        (folder / name).write_text(f"---\ntitle: \"{title}\"\nsite: {site}\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    return folder


def refs(row: Row) -> list[PassageRef]:
    return [p for cell in row.cells.values() for p in cell]


def row_holding(c: Comparison, relpath: str, text: str) -> Row:
    for row in c.rows:
        if any(p.relpath == relpath and text in p.text for p in refs(row)):
            return row
    raise AssertionError(f"no row holds {relpath} / {text!r}")


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    from desk.library import Library

    base = tmp_path_factory.mktemp("ferry")
    folder = write_folder(base / "articles")
    with Library(folder, data_dir=base / "data") as lib:
        lib.update(extract=True)
        return lib.compare("ferry Elm")


def test_a_common_word_in_the_query_is_passed_over(tmp_path: Path) -> None:
    # "of" is not indexed: it must not turn a researcher's phrase into an error
    from desk.library import Library

    folder = write_folder(tmp_path / "articles")
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        comp = lib.compare("ferry of Elm")
    row = row_holding(comp, "harbour.md", "31 passengers drowned")
    assert {"Harbour News", "Daily Ledger"} <= set(row.outlets)


def test_query_recall_beyond_exact_words(ferry: Comparison) -> None:
    # the Ledger's sentence has neither "ferry" nor "Elm": its article has both, so it still comes in
    row = row_holding(ferry, "ledger.md", "31 passengers drowned")
    assert row_holding(ferry, "harbour.md", "31 passengers drowned") is row


def test_claims_not_windows_are_grouped(ferry: Comparison) -> None:
    # one paragraph of the Harbour News holds two facts: only the toll travels with the Ledger's toll
    row = row_holding(ferry, "harbour.md", "31 passengers drowned")
    assert all("rescued 12" not in p.text for p in refs(row))
    assert {"Harbour News", "Daily Ledger", "Wire Desk"} <= set(row.outlets)
    assert not row.disagreement


def test_an_outlets_repeated_copies_collapse_into_one_cell(ferry: Comparison) -> None:
    row = row_holding(ferry, "harbour.md", "31 passengers drowned")
    wire = row.cells["Wire Desk"]
    assert len(wire) == 1  # two identical copies, shown once
    listed = [o for others in row.duplicates.values() for o in others]
    assert any(o.startswith("Wire Desk ×2") for o in listed)
    assert sum(1 for r in ferry.rows if set(r.outlets) == {"Wire Desk"} and any("31" in p.text for p in refs(r))) == 0


def test_json_carries_as_of(ferry: Comparison) -> None:
    data = json.loads(json.dumps(comparison_to_json(ferry)))
    row = next(r for r in data["rows"] if any(s["figure"]["value"] == 31 for s in r["statements"]))
    stmt = next(s for s in row["statements"] if s["figure"]["value"] == 31)
    assert stmt["as_of"] == "2024-05-03"
    assert stmt["as_of_start"] == stmt["as_of_end"] == "2024-05-03"


def dated(ref: PassageRef, day: dt.date) -> PassageRef:
    return dataclasses.replace(ref, date=day)


def test_a_growing_toll_is_growth_not_a_disagreement() -> None:
    early = dated(
        make_ref(
            "The monitoring mission said 1,480 civilians had been killed in the fighting so far.",
            "Harbour News",
            figures=[("1,480", 1480, "", "civilians killed", "monitoring mission")],
        ),
        dt.date(2024, 4, 3),
    )
    late = dated(
        make_ref(
            "The monitoring mission said 1,690 civilians had been killed in the fighting so far.",
            "Daily Ledger",
            figures=[("1,690", 1690, "", "civilians killed", "monitoring mission")],
        ),
        dt.date(2024, 4, 17),
    )
    (row,) = build_rows([early, late])
    assert not row.disagreement
    assert any("grew over time" in d and d.index("1,480") < d.index("1,690") for d in row.differences)
    # "so far": each count is the toll known that day, a lower bound, so the next day's larger one is no clash
    same_week = dataclasses.replace(late, date=dt.date(2024, 4, 4))
    (row,) = build_rows([early, same_week])
    assert not row.disagreement
    # two tolls given as they stand, on the same day: they cannot both hold
    a = dated(make_ref("The monitoring mission said 1,480 civilians had been killed in the fighting.", "Harbour News",
                       figures=[("1,480", 1480, "", "civilians killed", "monitoring mission")]), dt.date(2024, 4, 3))
    b = dated(make_ref("The monitoring mission said 1,690 civilians had been killed in the fighting.", "Daily Ledger",
                       figures=[("1,690", 1690, "", "civilians killed", "monitoring mission")]), dt.date(2024, 4, 3))
    (row,) = build_rows([a, b])
    assert row.disagreement


def test_passages_published_far_apart_never_share_a_row() -> None:
    a = dated(make_ref("A landslide buried the mountain road above Tarn village, officials said.", "A"), dt.date(2024, 1, 5))
    b = dated(make_ref("A landslide buried the mountain road above Tarn village, officials said.", "B", article="b"),
              dt.date(2024, 9, 5))
    assert len(build_rows([a, b])) == 2
    b.date = dt.date(2024, 1, 6)
    assert len(build_rows([a, b])) == 1


def test_a_later_report_dated_to_the_event_may_join_its_row() -> None:
    a = dated(make_ref("A landslide buried the mountain road above Tarn village on 4 January, officials said.", "A"),
              dt.date(2024, 1, 5))
    b = dated(
        make_ref("The landslide that buried the mountain road above Tarn village on 4 January was man-made, "
                 "officials said.", "B", article="b"),
        dt.date(2024, 9, 5),
    )
    assert len(build_rows([a, b])) == 1


def test_terminal_rows_mark_only_a_disagreement_as_one() -> None:
    """The terminal's line per counted thing has a neutral bullet: "!" would read as an alarm on
    a line that says the outlets agree; only a flagged row's head says they disagree."""
    from desk.compare.render import render_row
    from desk.model import Row

    from .helpers import make_ref

    a = make_ref("The ferry carried 212 passengers, the port said.", "Outlet A",
                 figures=[("212", 212.0, "", "passengers", "port")])
    b = make_ref("Officials said 212 passengers were aboard the ferry.", "Outlet B",
                 figures=[("212", 212.0, "", "passengers", "officials")])
    agreeing = Row(cells={"Outlet A": [a], "Outlet B": [b]},
                   differences=["passengers: port (Outlet A), officials (Outlet B) agree (212)."])
    text = render_row(1, agreeing)
    assert "!" not in text
    assert "   • passengers: port (Outlet A), officials (Outlet B) agree (212)." in text
    flagged = Row(cells={"Outlet A": [a], "Outlet B": [b]}, disagreement=True,
                  differences=["passengers: port (Outlet A) 212; officials (Outlet B) 190."])
    head = render_row(2, flagged).splitlines()[0]
    assert head == "── Row 2 · 2 outlets · ! figures or claimants disagree"


def test_the_outlets_without_a_figure_are_named_in_a_sentence() -> None:
    from desk.compare.statements import describe_row
    from desk.model import Row

    from .helpers import make_ref

    with_figure = make_ref("The flood displaced 400 families.", "Outlet A",
                           figures=[("400", 400.0, "", "families", "")])
    one = Row(cells={"Outlet A": [with_figure], "Outlet B": [make_ref("The flood displaced families.", "Outlet B")]})
    describe_row(one)
    assert "Outlet B gives no figure for this." in one.differences
    three = Row(cells={
        "Outlet A": [with_figure],
        **{o: [make_ref("The flood displaced families.", o)] for o in ("Outlet B", "Outlet C", "Outlet D")},
    })
    describe_row(three)
    assert "Outlet B, Outlet C and Outlet D give no figure for this." in three.differences
