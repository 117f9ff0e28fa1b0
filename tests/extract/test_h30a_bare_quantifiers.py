"""A bare "some" or "many" is a source only with what they hold in a clause (issue 15, h30a).

- "Some note that the pier is old", "Many believe the toll is too high", '"...," some said': listed as before;
- "Some painted the storm in grim terms", "Many disagreed with the plan", "a hearing which many expect to run
  short": a mood told of no one in particular, with nothing they state; not listed ("Some of the sailors
  disagreed ..." names whom it means and stays).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_bare_quantifier_without_a_clause_is_no_source() -> None:
    assert listed("Some painted the harbour storm in grim and gloomy terms.") == []
    assert listed("Many disagreed with the harbour mayor's plan for the quay.") == []
    assert listed("The hearing on the pier, which many expect to be short, opens today.") == []
    # with a clause, a quotation or a named group they stay
    assert ("Some", "note") in listed("Some note that the harbour pier is older than the town.")
    assert ("Many", "believe") in listed("Many believe the ferry toll is too high.")
    assert ("some", "said") in listed('"The pier is rotten," some said.')
    assert ("Some of the sailors", "disagreed") in listed("Some of the sailors disagreed with the harbour mayor.")
