"""Claimant rules of session h31a (issue 15): the owner of a claim the parser hung elsewhere.

"..., contradicting Dunmore police’s earlier assertion that she had run at them": the parser may hang "Dunmore
police" on the verb before and leave the claim noun without an owner; the "’s" written right against the noun
before it (perhaps with one adjective of the claim's between) still makes that noun the claim's owner, read as
any owner is (a name, or a group noun with its words: "the harbour board’s first assertion that ...").

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_an_owner_the_parser_hung_on_the_verb_still_owns_the_claim() -> None:
    text = (
        "Footage shows that Ada Brill had her arms raised, contradicting Dunmore police’s earlier assertion that she "
        "had run at them."
    )
    assert ("Dunmore police", "assertion") in listed(text), listed(text)
