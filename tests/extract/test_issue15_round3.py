"""Every-sentence sources, third round (issue 15): nested reports, indefinite sources, speech tags.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from desk.extract import extract, load_model
from desk.extract.claimants import _closing_quote_before, _reported_by_another, _subject_of

from .helpers import listed


def test_a_source_inside_what_a_speaker_says_is_part_of_the_report() -> None:
    got = listed("Ilse Brandt said the harbour board announced new fees on Monday.")
    assert got == [("Ilse Brandt", "said")], got
    got = listed("Ravi Osei told the council that the ferry company had warned of delays and denied any fault.")
    assert [cue for _, cue in got] == ["told"], got


def test_a_nested_source_still_gives_a_figure_its_claimant() -> None:
    x = extract("Ilse Brandt said the harbour board estimated that 4,000 containers were lost.")
    claims = [(c.figure.text, c.claimant) for c in x.claims]
    assert claims == [("4,000", "harbour board")], claims
    # (the listing keeps the attribution the figure points at)
    att = x.attributions[x.claims[0].attribution or 0]
    assert (att.source_text, att.cue) == ("the harbour board", "estimated")


def test_a_speaker_of_its_own_is_still_listed() -> None:
    got = listed("The harbour board announced new fees on Monday.")
    assert got == [("The harbour board", "announced")], got


def test_an_indefinite_source_of_a_reporting_verb_is_listed_unnamed() -> None:
    x = extract("Polls showed that few voters cared about the ferry tax.")
    assert [(a.source_text, a.cue, a.name) for a in x.attributions] == [("Polls", "showed", "")]
    # a thing that names no one is still no source
    assert listed("Heavy rain showed that the old dam was weak.") == []


def test_a_speech_tag_after_a_question_is_read_with_its_quotation() -> None:
    got = listed('"Why is the bridge still closed?" Harlan demanded.')
    assert got == [("Harlan", "demanded")], got
    got = listed('"Will the ferry run on Sunday?" Tove Lind asked. "Nobody knows."')
    assert ("Tove Lind", "asked") in got, got
    # a tag verb that needs content, with no quotation before it, is nothing
    assert listed("Harlan demanded. The bridge stayed closed.") == []


def test_the_speaker_after_an_inverted_tag_is_the_subject() -> None:
    # '"..., it will flood the mill," said Tove Lind': the parser may give "said" two subjects,
    # the quotation's own ("it") and the speaker after the verb
    nlp = load_model()
    words = ['"', "It", "will", "soon", ",", '"', "said", "Tove", "Lind", "."]
    heads = [6, 6, 6, 6, 6, 6, 6, 8, 6, 6]
    deps = ["punct", "nsubj", "aux", "advmod", "punct", "punct", "ROOT", "compound", "nsubj", "punct"]
    tags = ["``", "PRP", "MD", "RB", ",", "''", "VBD", "NNP", "NNP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    subj = _subject_of(doc[6])
    assert subj is not None
    assert subj.text == "Lind"
    # one subject before the verb stays the subject
    words = ["Tove", "Lind", "said", "it", "will", "flood", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 2, 2, 5, 5, 2, 2],
        deps=["compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
        tags=["NNP", "NNP", "VBD", "PRP", "MD", "VB", "."],
    )
    subj = _subject_of(doc[2])
    assert subj is not None
    assert subj.text == "Lind"


def test_the_speaker_after_the_closing_mark_wins_over_the_quotations_subject() -> None:
    # '"The plan failed," Tove Lind said': here "said" got both "plan" and "Lind" as subjects
    nlp = load_model()
    words = ['"', "The", "plan", "failed", ",", '"', "Tove", "Lind", "said", "."]
    heads = [8, 2, 8, 8, 8, 8, 7, 8, 8, 8]
    deps = ["punct", "det", "nsubj", "dep", "punct", "punct", "compound", "nsubj", "ROOT", "punct"]
    tags = ["``", "DT", "NN", "VBD", ",", "''", "NNP", "NNP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    subj = _subject_of(doc[8])
    assert subj is not None
    assert subj.text == "Lind"
    # a mark right after a word opens a quotation: no speaker after it
    words = ["The", "report", "says", "''", "reports", "are", "late", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 2, 2, 2, 5, 2, 5, 2],
        deps=["det", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "acomp", "punct"],
        tags=["DT", "NN", "VBZ", "''", "NNS", "VBP", "JJ", "."],
    )
    assert _closing_quote_before(doc[5]) == -1


def test_a_tag_the_parser_hung_inside_the_quotation_is_still_listed() -> None:
    # '"When we met, he said no," Roe recalled': "recalled" may come out as a clause of the
    # quoted "said"; the closing mark between them shows it is the tag
    nlp = load_model()
    words = ['"', "He", "said", "no", ",", '"', "Roe", "recalled", "."]
    heads = [2, 2, 2, 2, 2, 2, 7, 2, 2]
    deps = ["punct", "nsubj", "ROOT", "dobj", "punct", "punct", "nsubj", "ccomp", "punct"]
    tags = ["``", "PRP", "VBD", "DT", ",", "''", "NNP", "VBD", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert not _reported_by_another(doc[7], doc[6])
    # without the quotation, "Roe" is inside what "he" said
    words = ["He", "said", "Roe", "recalled", "it", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"],
        tags=["PRP", "VBD", "NNP", "VBD", "PRP", "."],
    )
    assert _reported_by_another(doc[3], doc[2])


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("Mayor Ilse Brandt bemoaned the cuts to the ferry budget.", "Mayor Ilse Brandt", "bemoaned"),
        ("The senator grilled the bank's chief about the fees.", "The senator", "grilled"),
        ("Ravi Osei outlined a plan to reopen the harbour.", "Ravi Osei", "outlined"),
    ],
)
def test_verbs_of_speaking_in_a_manner_name_a_source(sentence: str, source: str, cue: str) -> None:
    assert listed(sentence) == [(source, cue)]


def test_a_speaker_named_between_the_closing_mark_and_a_tag_verb() -> None:
    got = listed("So why did the council not pay its bills?” a spokesman for the mayor asks.")
    assert got == [("a spokesman for the mayor", "asks")], got


def test_a_relative_pronoun_the_parser_left_without_its_noun_still_names_it() -> None:
    x = extract("They turned to the county roads office which reported “212 potholes” in the town.")
    assert [(a.source_text, a.cue, a.name) for a in x.attributions] == [("which", "reported", "county roads office")]


def test_punctuation_is_never_a_subject() -> None:
    # "―" tagged as a noun and made a second subject of "boasted"
    nlp = load_model()
    words = ["public", "―", "Osei", "boasted", ",", "“", "That", "works", ".", "”"]
    heads = [1, 3, 3, 3, 3, 7, 7, 3, 3, 3]
    deps = ["amod", "nsubj", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "punct"]
    tags = ["JJ", "NN", "NNP", "VBD", ",", "``", "DT", "VBZ", ".", "''"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    subj = _subject_of(doc[3])
    assert subj is not None
    assert subj.text == "Osei"
    # ... but a share is: "Some 43 % of those polled said" (the poll speaks for it later)
    words = ["Some", "43", "%", "said", "no", "."]
    doc = Doc(
        nlp.vocab, words=words, heads=[2, 2, 3, 3, 3, 3],
        deps=["advmod", "nummod", "nsubj", "ROOT", "dobj", "punct"],
        tags=["DT", "CD", "NN", "VBD", "DT", "."],
    )
    subj = _subject_of(doc[3])
    assert subj is not None
    assert subj.text == "%"


def test_a_clause_of_its_own_after_a_comma_is_not_inside_the_report() -> None:
    # "Roe said the ferry was late, and critics warned that ...": the parser may hang "warned" on "was"
    nlp = load_model()
    words = ["Roe", "said", "the", "ferry", "was", "late", ",", "and", "critics", "warned", "it", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 4, 9, 4, 9, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "cc", "nsubj", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "CC", "NNS", "VBD", "PRP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert not _reported_by_another(doc[9], doc[8])
    # without the comma the second clause is part of what Roe said
    words = ["Roe", "said", "the", "ferry", "was", "late", "and", "critics", "warned", "it", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 8, 4, 8, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "nsubj", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "JJ", "CC", "NNS", "VBD", "PRP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert _reported_by_another(doc[8], doc[7])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour union leaders weigh a strike over winter pay\n\nThe vote is set for Monday.", [("Harbour union leaders", "weigh")]),
        ("Mayor Ilse Brandt Seeks More Ferries For The Valley\n\nThe council meets on Monday.", [("Mayor Ilse Brandt", "seeks")]),
        # a verb of happening or of facing names no one; nor does a thing
        ("Ferry fares rise again in the valley\n\nThe council meets on Monday.", []),
        ("Valley Ferry Plan Faces Key Test In Court\n\nThe council meets on Monday.", []),
        # only the title line is read this way
        ("The council met on Monday.\n\nHarbour union leaders eye a strike over winter pay\n\nThe vote is soon.", []),
    ],
)
def test_the_titles_subject_takes_a_stand(text: str, expected: list[tuple[str, str]]) -> None:
    assert listed(text) == expected


def test_the_subject_of_an_infinitive_is_what_is_wanted_of_it() -> None:
    assert listed("The new rules allow the harbour board to tell the ferry company that fees will rise.") == []
    # the one who asks is still a source
    got = listed("Ilse Brandt asked the harbour board to explain why fees will rise.")
    assert got == [("Ilse Brandt", "asked")], got
