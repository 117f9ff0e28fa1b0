"""Verbs of an attitude or a judgement put in words, beside the listed "hate", "praise" and "recount" (issue 15, h30a).

- "X despises / loathes / detests / abhors Y": an attitude held toward something, as "hate" is;
- "X complimented Y": praise in words; "X chronicles Z": an account given, as "recount" is;
- each takes its object as the stance verbs do ("the mayor complimented the captain"); without one nothing is
  listed, and "embrace" stays out (a mayor who embraced her son at the pier said nothing).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_an_attitude_held_toward_something() -> None:
    assert ("The ferry captain", "despises") in listed("The ferry captain despises the new toll on the bridge.")
    assert ("Dock workers", "loathe") in listed("Dock workers loathe the night shifts at the pier.")
    assert ("The harbour board", "detested") in listed("The harbour board detested the old ferry plan.")
    assert ("Fishermen", "abhor") in listed("Fishermen abhor the trawlers that sweep the bay.")


def test_praise_and_an_account_in_words() -> None:
    got = listed("The harbour mayor has complimented the lifeboat crew on the rescue.")
    assert ("The harbour mayor", "complimented") in got
    assert ("Her new book", "chronicles") in listed("Her new book chronicles the wrecks along the northern coast.")
    # (a hug is no stance: "embrace" is left out)
    assert listed("The harbour mayor embraced her son on the quay.") == []
