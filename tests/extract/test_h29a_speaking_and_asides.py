"""Speaking out, a name buried after a long object, and an aside in brackets (issue 15, h29a).

- "The captain is speaking out before the ballot": to speak out is to say publicly what one holds, with
  or without a topic after it (speaking to someone still states nothing);
- "She has called the pier closures a disgrace": what she calls them, which the parser hangs on the
  object as an adverbial noun, makes "called" a cue as an apposition does ("a week later" does not);
- "... the board wants rules that add fewer ferries (they want lower costs and suggest ...)": a clause in
  brackets is an aside of the writer's, not part of what the verb before it holds.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_speaking_out_names_the_speaker() -> None:
    assert ("Retired Captain Ida Roe", "speaking") in listed("Retired Captain Ida Roe is speaking out before the ballot.")
    assert ("Ten sailors", "spoken") in listed("Ten sailors have spoken out.")
    assert listed("The union spoke to reporters on Monday.") == []


def test_what_someone_is_called_after_the_object() -> None:
    assert ("She", "called") in listed("She has called the pier closures a disgrace to the town.")
    assert listed("The mayor called the pier workers a week later.") == []


def test_an_aside_in_brackets_is_not_inside_the_view_before_it() -> None:
    got = listed("Unions want rules that add more ferries, and the board wants rules that add fewer ferries in the "
                 "near term (they want lower costs and suggest that such costs would help the port).")
    assert ("they", "want") in got
