"""Claimant rules of session h35c (issue 15): "the company" and "the firm" as the business the text named as one.

"The ministry" takes up a ministry named before; "the company" has no name to share its noun with, so it takes up
the last name a few sentences back that the text itself calls a business: a description before the name ("energy
giant Vellco", "carmaker Brandt Motors"), an apposition after it ("Kestrel Ales, a Danish brewing company"), or a
business's legal ending ("Orvane Holdings").  A name the text never calls one, a person described by their work
at a company, or a business named too far back is no claimant: the phrase stays unnamed.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure


def test_the_company_is_the_business_named_before() -> None:
    text = "Energy giant Vellco shut two of its depots on Monday. The company said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == "Vellco"
    text = (
        "Kestrel Ales, a Danish brewing company, raised its prices in March. "
        "Its April sales fell 12%, according to data from the company."
    )
    assert claimants_by_figure(text)["12%"] == "Kestrel Ales"
    # a name the text never calls a business: not taken up
    text = "Kestrel Ales raised its prices in March. The company said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == ""


def test_a_person_at_a_company_or_a_business_named_long_before_is_not_the_company() -> None:
    text = "Energy giant Vellco shut two of its depots on Monday. " + "Queues grew at the pumps all week. " * 30
    text += "The company said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == ""
    text = "Ann Lund, a company spokeswoman, sounded upbeat. The company said 300 jobs would go."
    assert claimants_by_figure(text)["300"] == ""
    text = (
        "Energy giant Vellco shut two of its depots. Ann Lund, a company spokeswoman, sounded upbeat. "
        "The firm said 300 jobs would go."
    )
    assert claimants_by_figure(text)["300"] == "Vellco"
