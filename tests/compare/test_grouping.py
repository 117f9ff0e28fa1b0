import pytest

from desk.compare import build_rows
from desk.errors import Cancelled
from desk.model import PassageRef, Row

from .helpers import make_ref

ZEL = "Volodymyr Zelensky"
STAFF = "General Staff of the Armed Forces of Ukraine"


def _killed_passages() -> list[PassageRef]:
    return [
        make_ref(
            "Ukrainian President Zelensky has claimed that 14,000 Russian soldiers have been killed in the war.",
            "Daily Times",
            figures=[("14,000", 14000, "", "Russian soldiers killed", ZEL)],
        ),
        make_ref(
            "Ukraine claimed on Saturday that more than 14,400 Russian soldiers have been killed in the war so far.",
            "The Independent",
            figures=[("14,400", 14400, "more than", "Russian soldiers killed", STAFF)],
        ),
        make_ref(
            "Ukrainian military officials have claimed 5,710 Russian troops have been killed in the first days.",
            "BBC",
            figures=[("5,710", 5710, "", "Russian troops killed", "Ukrainian military")],
        ),
    ]


def _grain() -> PassageRef:
    return make_ref(
        "The first ship carrying grain left Odesa port under a deal brokered by Turkey and the United Nations.",
        "AP",
        figures=[],
    )


def _row_of(rows: list[Row], ref: PassageRef) -> Row:
    return next(r for r in rows if any(p.key == ref.key for c in r.cells.values() for p in c))


def test_same_counted_thing_with_different_figures_shares_a_row() -> None:
    passages = _killed_passages()
    grain = _grain()
    rows = build_rows([*passages, grain])
    row = _row_of(rows, passages[0])
    assert set(row.outlets) == {"Daily Times", "The Independent", "BBC"}
    assert row.disagreement
    assert "Zelensky: 14,000" in row.summary
    assert "General Staff: more than 14,400" in row.summary
    assert any("do not agree" in d for d in row.differences)
    assert len(row.clashing) == 3
    # the unrelated passage is not in that row, and rows spanning more outlets come first
    assert _row_of(rows, grain) is not row
    assert rows[0] is row


def test_statements_per_outlet_and_claimant() -> None:
    rows = build_rows(_killed_passages())
    st = rows[0].statements
    assert sorted((s.outlet, s.claimant, s.figure.value) for s in st) == [
        ("BBC", "Ukrainian military", 5710),
        ("Daily Times", ZEL, 14000),
        ("The Independent", STAFF, 14400),
    ]


def test_overlapping_intervals_agree() -> None:
    a = make_ref(
        "About 14,400 Russian soldiers have been killed, the General Staff said.",
        "Outlet A",
        figures=[("14,400", 14400, "about", "Russian soldiers killed", STAFF)],
    )
    b = make_ref(
        "The General Staff said 14,500 Russian soldiers have been killed so far.",
        "Outlet B",
        figures=[("14,500", 14500, "", "Russian soldiers killed", STAFF)],
    )
    rows = build_rows([a, b])
    assert len(rows) == 1
    assert not rows[0].disagreement
    assert any("agree" in d for d in rows[0].differences)


def test_same_figure_from_different_claimants_is_not_flagged() -> None:
    a = make_ref(
        "Zelensky said 1,212 bodies of soldiers were returned by Russia on Wednesday.",
        "Outlet A",
        figures=[("1,212", 1212, "", "bodies of soldiers returned", ZEL)],
    )
    b = make_ref(
        "Saraliyev said 1,212 bodies of soldiers were returned by Russia on Wednesday.",
        "Outlet B",
        figures=[("1,212", 1212, "", "bodies of soldiers returned", "Shamsail Saraliyev")],
    )
    rows = build_rows([a, b])
    assert len(rows) == 1
    # two sources giving one figure agree: only figures that cannot all hold are a disagreement
    assert not rows[0].disagreement
    assert any("agree" in d and "1,212" in d for d in rows[0].differences)


def test_wire_copy_is_grouped_and_listed_not_hidden() -> None:
    text = "Russian forces launched a new drone assault across Ukraine overnight, killing three people and wounding 64."
    a = make_ref(text, "Reuters", article="r1")
    b = make_ref(text.replace("overnight", "overnight,"), "Yahoo", article="y1")
    c = make_ref(text, "MSN", article="m1")
    rows = build_rows([a, b, c])
    assert len(rows) == 1
    row = rows[0]
    assert set(row.outlets) == {"Reuters", "Yahoo", "MSN"}  # every copy is still there
    assert len(row.duplicates) == 1
    (others,) = row.duplicates.values()
    assert len(others) == 2


def test_an_outlets_first_published_copy_stands_for_its_repeats() -> None:
    import dataclasses
    import datetime as dt

    text = "The regional governor said a ferry carrying grain sank off the coast on Tuesday with nine crew aboard."
    # the later repeat ranks higher (it matched the query better), yet the first report leads the cell
    later = dataclasses.replace(make_ref(text, "Harbour News", article="h2", score=3.0), date=dt.date(2023, 5, 4))
    first = dataclasses.replace(make_ref(text, "Harbour News", article="h1", score=1.0), date=dt.date(2023, 5, 2))
    other = dataclasses.replace(
        make_ref(text.replace("sank", "went down"), "Coast Daily", article="c1"), date=dt.date(2023, 5, 3)
    )
    rows = build_rows([later, first, other])
    assert len(rows) == 1
    (shown,) = rows[0].cells["Harbour News"]
    assert shown.article_id == "h1"
    assert any("Harbour News ×2" in o for o in rows[0].duplicates[shown.key])


def test_neighbours_complete_rows_but_never_make_one() -> None:
    passages = _killed_passages()
    grain = _grain()
    hits = {p.key for p in passages}
    rows = build_rows([*passages, grain], hits=hits)
    assert all(grain.key not in {p.key for c in r.cells.values() for p in c} for r in rows)


def test_word_diffs_against_the_first_passage() -> None:
    rows = build_rows(_killed_passages())
    row = rows[0]
    refs = [p for c in row.cells.values() for p in c]
    assert set(row.word_diffs) == {p.key for p in refs[1:]}
    assert all(row.word_diffs[p.key] for p in refs[1:])


def test_cancellation() -> None:
    passages = [
        make_ref(f"Passage {i} says Russian soldiers were killed near Bakhmut on day {i}.", f"O{i % 5}", number=i)
        for i in range(40)
    ]
    with pytest.raises(Cancelled):
        build_rows(passages, cancelled=lambda: True)


def test_empty_input() -> None:
    assert build_rows([]) == []


def test_compatible_but_distant_figures_are_not_said_to_agree() -> None:
    import datetime as dt

    from desk.compare.asof import AsOf
    from desk.compare.disagree import ClaimFact, judge
    from desk.compare.quantity import quantity_of
    from desk.extract.figures import find_figures

    day = dt.date(2031, 5, 4)

    def claim(text: str, outlet: str) -> ClaimFact:
        (fig,) = find_figures(text)
        q = quantity_of(fig, (text, fig.start, fig.end), "police")
        assert q is not None
        return ClaimFact.from_figure(fig, "police", q, AsOf(day, day), outlet, key=text, document=outlet)

    far = judge([claim("Police said 410 bodies were found in the town.", "Daily A"),
                 claim("Police said at least 21 bodies were found in the town.", "Daily B")])
    assert [v.kind for v in far] == ["agree"]  # no conflict ...
    assert "do not rule each other out" in far[0].text  # ... but not agreement
    assert " agree (" not in far[0].text
    near = judge([claim("Police said 500 bodies were found in the town.", "Daily A"),
                  claim("Police said more than 500 bodies were found in the town.", "Daily B")])
    assert " agree (500 / more than 500)." in near[0].text
