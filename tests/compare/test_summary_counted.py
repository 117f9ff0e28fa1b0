"""A row's summary line says what each figure counts when the row's figures count different things.

"Navy: two · Port office: two" read as one figure agreed on, though one counted patrol boats and the
other tugs.  Sentences invented.
"""

from __future__ import annotations

from desk.compare import statements
from desk.model import Row

from .helpers import make_ref


def _row(*refs):  # type: ignore[no-untyped-def]
    cells: dict[str, list] = {}  # type: ignore[type-arg]
    for r in refs:
        cells.setdefault(r.outlet, []).append(r)
    row = Row(cells=cells)
    statements.describe_row(row)
    return row


def test_figures_of_different_things_say_what_they_count() -> None:
    row = _row(
        make_ref("The navy said two patrol boats left the bay at dusk.", "Coast Herald", article="c1",
                 figures=[("two", 2.0, "", "patrol boats", "navy")]),
        make_ref("The port office said two tugs were sent to the breakwater.", "Bay Courier", article="b1",
                 figures=[("two", 2.0, "", "tugs", "port office")]),
    )
    assert "navy: two patrol boats" in row.summary
    assert "port office: two tugs" in row.summary


def test_figures_of_one_thing_keep_the_short_summary() -> None:
    row = _row(
        make_ref("The navy said 40 sailors were rescued from the ferry.", "Coast Herald", article="c1",
                 figures=[("40", 40.0, "", "sailors rescued", "navy")]),
        make_ref("Port officials said 42 sailors were rescued from the ferry.", "Bay Courier", article="b1",
                 figures=[("42", 42.0, "", "sailors rescued", "port officials")]),
    )
    assert "navy: 40" in row.summary
    assert "port officials: 42" in row.summary
    assert "sailors" not in row.summary
