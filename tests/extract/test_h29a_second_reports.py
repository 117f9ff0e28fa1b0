"""A second report beside the first, not inside it (issue 15, h29a).

- "the gap between what Roe says her levy would do and how analysts say it would work": a second "how ...
  say" (or "what ... say") set beside a first "what ... says" is a report of its own, though the parser
  hangs it on the clause the first one reports; without the question words ("Roe said the ferry was late
  and critics warned it") the second clause stays inside the first report;
- "Sailors said the board had botched the audit and unions accused the mayor ...": the parser hangs the
  new clause's subject on the object before it ("the audit and unions"); that clause is a report of its
  own.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from spacy.tokens import Doc

from desk.extract.claimants import _reported_by_another, load_model

from .helpers import listed


def test_a_second_how_say_beside_a_what_says_is_its_own_report() -> None:
    nlp = load_model()
    words = ["the", "gap", "between", "what", "Roe", "says", "her", "levy", "would", "do", "and", "how", "analysts",
             "say", "it", "would", "work", "has", "grown", "."]
    heads = [1, 18, 1, 9, 5, 2, 7, 9, 9, 5, 9, 13, 13, 9, 16, 16, 13, 18, 18, 18]
    deps = ["det", "nsubj", "prep", "dobj", "nsubj", "pcomp", "poss", "nsubj", "aux", "ccomp", "cc", "advmod", "nsubj",
            "conj", "nsubj", "aux", "ccomp", "aux", "ROOT", "punct"]
    tags = ["DT", "NN", "IN", "WP", "NNP", "VBZ", "PRP$", "NN", "MD", "VB", "CC", "WRB", "NNS", "VBP", "PRP", "MD",
            "VB", "VBZ", "VBN", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert not _reported_by_another(doc[13], doc[12])
    # without the question words the second clause is part of what Roe said
    words = ["Roe", "said", "the", "ferry", "was", "late", "and", "critics", "warned", "it", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 8, 4, 8, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "nsubj", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "JJ", "CC", "NNS", "VBD", "PRP", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert _reported_by_another(doc[8], doc[7])


def test_a_new_subject_hung_on_the_object_before_it_speaks_for_itself() -> None:
    got = listed("Sailors said they were sure the board had botched the audit and unions accused the mayor of "
                 "hiding the losses.")
    assert ("unions", "accused") in got
    assert listed("Roe said the board botched the audit and the ferries.") == [("Roe", "said")]
