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


def test_one_stray_straight_quote_does_not_put_the_rest_of_the_paragraph_in_quotes() -> None:
    # the first quotation closes with the wrong mark; taken two by two, every mark after it was out of
    # phase, and the narration between two quotations read as quoted, its figures the next speaker's
    text = ('The board promised "tough measures\' on the port. "That is only the start," the chair said. '
            'On Monday the city closed two piers and fined four shipping firms. '
            '"We acted together," said Ola Brandt, a harbour pilot.')
    claims = claimants_by_figure(text)
    assert claims["two"] == ""
    assert claims["four"] == ""
    # a figure inside a real quotation still belongs to its speaker
    quoted = 'The chair spoke on Monday. "We closed two piers," said Ola Brandt, a harbour pilot.'
    assert claimants_by_figure(quoted)["two"] == "Ola Brandt"


def test_a_quotation_that_goes_on_in_a_new_one_is_still_quoted() -> None:
    # '"... fell down. "I never ...': the speaker's next sentence opens again without the first closing
    text = ('One resident, who gave her name as Ilse, said she ran to the cellar. '
            '"By the time I came out, the roof was gone and three walls fell in. "I never found my cat."')
    assert claimants_by_figure(text)["three"] == "Ilse"
