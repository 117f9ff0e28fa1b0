"""Claimant rules of session h37a (issue 15): a title's main verb keeps its subject beside a clause's cue.

"Lane seeks ferry funds after auditor says harbour is broke" takes a stand with its main verb ("seeks"); the cue of
its "after" clause ("auditor says") used to stop the title's subject from being read at all.  Now only a
cue of the main verb itself, or one that names the same source, stands in for it.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed

_BODY = "\n\nThe governor spoke to reporters in the state capital on Monday afternoon.\n"


def test_the_main_verbs_subject_is_read_beside_a_cue_in_a_clause_of_the_title() -> None:
    got = listed("Lane seeks ferry funds after auditor says harbour is broke" + _BODY)
    assert ("Lane", "seeks") in got, got
    assert ("auditor", "says") in got, got


def test_a_cue_of_the_main_verb_itself_is_not_doubled() -> None:
    got = listed("Governor Lane Says the Levee Will Hold" + _BODY)
    assert [cue for src, cue in got if src == "Governor Lane"] == ["says"], got
