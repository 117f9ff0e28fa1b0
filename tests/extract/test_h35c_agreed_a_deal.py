"""Claimant rule of session h35c (issue 15): "agreed a deal" enters an agreement and asserts nothing.

"Agree" reports when it takes a clause ("the unions agreed that 40 ferries would sail") or someone agreed with;
with a noun for its object ("the council agreed a deal", "agreed new terms") it says that an agreement was made,
and a figure in the deal's terms is the outlet's own account of it, not the council's claim.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure


def test_agreeing_a_deal_is_no_report_but_agreeing_that_is() -> None:
    text = "The Nordic Union agreed a deal to trim its fish imports by 90% before the winter."
    assert claimants_by_figure(text) == {"90%": ""}
    text = "The port board agreed new terms that raise the harbour fee by 15%."
    assert claimants_by_figure(text) == {"15%": ""}
    # a clause after it: what the subject holds true
    text = "The two unions agreed that 40 ferries would sail on Monday."
    assert claimants_by_figure(text)["40"] == "two unions"
