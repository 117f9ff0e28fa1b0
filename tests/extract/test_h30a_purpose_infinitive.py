"""An infinitive of purpose after a verb of meeting or coming is its subject's doing (issue 15, h30a).

- "X met with Y to discuss ...", "X flew to the island to announce ...", "X came to talk": X discusses, announces,
  talks (the verb of meeting or coming has no object who would do it instead);
- a body that met by itself deliberates and tells no one ("the board met on Monday to discuss the levy" stays
  unlisted, as round 7 has it); meeting someone to discuss a thing is talking with them;
- a verb of thinking there is no stated position ("X came to believe ..." is left as it was), and an infinitive
  after a verb of wanting or trying stays the want's ("X wants to discuss" lists the want).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_the_one_who_meets_or_comes_does_what_the_infinitive_says() -> None:
    got = listed("The harbour mayor met with the ferry captains to discuss the new pier.")
    assert ("The harbour mayor", "discuss") in got
    got = listed("The island's governor flew to the mainland to announce a second ferry route.")
    assert ("The island's governor", "announce") in got
    got = listed("The coastguard chief came to talk to the fishermen about the storm.")
    assert ("The coastguard chief", "talk") in got
    assert listed("The harbour mayor came to believe that the pier was unsafe.") == []
    assert listed("The dock board met on Friday to discuss the mooring fees.") == []
