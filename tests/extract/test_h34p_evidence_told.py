"""Claimant rule of session h34p (issue 15): who says what unnamed evidence shows.

"The port authority said satellite imagery showed 40 trucks near the dam": imagery, footage or data that no
one is named for has no voice of its own; the one who reports what it shows asserts the figure.  Evidence
with a named maker keeps it ("data from the Dunmore Institute showed ..."), and evidence alone still speaks
for itself when no one reports it.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure


def test_the_teller_of_unnamed_evidence_gives_the_figure() -> None:
    assert claimants_by_figure("The Harbour Authority said satellite imagery showed 40 trucks near the dam.") == {
        "40": "Harbour Authority"
    }
    assert claimants_by_figure("Ann Roe told reporters the footage showed 12 soldiers at the gate.") == {"12": "Ann Roe"}


def test_evidence_with_a_maker_or_no_teller_keeps_its_own_claim() -> None:
    assert claimants_by_figure("The Harbour Authority said satellite imagery showed 40 trucks near the dam.") == {
        "40": "Harbour Authority"
    }
    got = claimants_by_figure("The Harbour Authority said data from the Dunmore Institute showed 40 trucks near the dam.")
    # (the numbers speak for their maker, named by itself since h37d: "data from X showed" is X's)
    assert got == {"40": "Dunmore Institute"}
    assert claimants_by_figure("Satellite imagery showed 40 trucks near the dam.") == {"40": "Satellite imagery"}
