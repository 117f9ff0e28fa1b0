"""Claimant rules, sixteenth round (issue 15): sources the parser hid from the rules.

- a surname that is also a word ("Sharp", "Young") opening a sentence before a participle's phrase set off
  by commas is read by the tagger as that word; the reporting verb after the phrase then has no subject:
  "Sharp, speaking after Quill at the BBC/ITV forum, cited delays ..." gives Sharp.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from .helpers import listed


def test_a_name_read_as_a_word_before_a_participle_phrase_speaks() -> None:
    text = "Sharp, speaking after Quill at the BBC/ITV forum, cited delays at the port that she blamed on the mayor."
    assert ("Sharp", "cited") in listed(text)
    # a name the tagger reads as one keeps its own subject reading
    assert listed("Brown, appearing after Roe at the NBC/MSNBC forum, cited problems in the port.") == [
        ("Brown", "cited"),
    ]
    # an adverb before the phrase is no one: the verb's own subject speaks
    assert listed("Frankly, speaking at the forum, he cited delays.") == [("he", "cited")]
    # an adjective that opens a phrase of its own is no speaker
    assert listed("Fresh, speaking at the forum, cited delays.") == []
