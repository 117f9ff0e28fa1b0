"""Claimant rules of session h36c (issue 15): a role's holder in apposition, and a body named with its owner.

A noun for a person set off by commas from the name after it ("the city's chief prosecutor, Ilse Varnik, said")
names that person, whatever the recogniser made of the name: a name from another language is often read as a
body's.  Only a personal noun takes a holder so ("the ministry, Harbour Energy," is no person), and only a name of
two or three capitalised words with no body's noun among them.

"A survey by Norland's central bank" was made by the bank: the owner before the body says whose bank it is, so the
bank, with its owner, is the source (not the owner alone).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import claimants_by_figure


def test_a_role_names_its_holder_in_apposition() -> None:
    text = "Brenmark's chief prosecutor, Oksanya Drivetska, says 300 cases reach her desk each week."
    assert claimants_by_figure(text)["300"] == "Oksanya Drivetska"
    # a body's noun takes no person in apposition; the name of a body stays
    text = "The ministry, Velkor Trade, says 300 cranes stand idle."
    assert claimants_by_figure(text)["300"] != "Velkor Trade"


def test_a_body_named_with_its_owner_compiled_the_data() -> None:
    text = "A spring survey of 4,000 shops by Norway's central bank showed that 40% lack staff."
    assert claimants_by_figure(text)["40%"] == "Norwegian central bank"
    # a name after "by" stays the name
    text = "A spring survey by the polling shop Vantrell found that 40% lack staff."
    assert claimants_by_figure(text)["40%"] == "Vantrell"
