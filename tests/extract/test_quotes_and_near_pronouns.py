"""Sentences that end inside single quotes, and "she" for the person named just before it.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract import extract
from desk.extract.sentences import sentences

from .helpers import claimants_by_figure


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text))]


def test_a_sentence_ends_after_a_closing_single_quote() -> None:
    # the British papers quote with straight single quotes
    text = "The mayor said: 'We will stay.' 'Nobody leaves,' he added. The port's 12 cranes stood idle."
    assert _split(text) == ["The mayor said: 'We will stay.'", "'Nobody leaves,' he added.",
                            "The port's 12 cranes stood idle."]
    # an apostrophe after an abbreviation, or a quote before a lower-case word, ends nothing
    assert _split("The U.S.' allies agreed. They met.") == ["The U.S.' allies agreed.", "They met."]
    assert _split("He called it 'a disgrace.' and left.") == ["He called it 'a disgrace.' and left."]
    # a comparison's units may keep the quote with the sentence it follows (desk.compare.retrieve)
    kept = sentences(text, 0, len(text), single_quotes=False)
    assert [text[s:e] for s, e in kept] == ["The mayor said: 'We will stay.' 'Nobody leaves,' he added.",
                                            "The port's 12 cranes stood idle."]


def test_a_caption_quoting_a_show_does_not_lend_its_speaker_to_the_next_sentence() -> None:
    text = ("Councillor Dev Anand speaks about the bridge on 'The Evening Hour.' "
            "The council approved the 300 new homes on Monday.")
    claims = claimants_by_figure(text)
    assert claims["300"] == ""
    (said,) = [a for a in extract(text).attributions if a.source_text.endswith("Anand")]
    assert said.content_end <= text.index(" The council")


def test_she_is_the_woman_just_named_in_her_own_sentence() -> None:
    # before: "she" went to the last source named (Tom Vale), whose gender the text never gives
    text = ("Tom Vale said the plan for the harbour was sound. "
            "Critics attacked Anna Kowalski after a speech in which she said 40 new homes would be built.")
    assert claimants_by_figure(text)["40"] == "Anna Kowalski"
    # with no one named in her sentence, she is still the last fitting source before
    text = ("Anna Kowalski said the plan for the harbour was sound. "
            "Critics attacked the plan after she said 40 new homes would be built.")
    assert claimants_by_figure(text)["40"] == "Anna Kowalski"
