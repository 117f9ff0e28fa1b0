"""A speech tag the parser hung on a later speaker's verb is no part of what that speaker says (issue 15, h30a).

'"Home yet?" she said, but ..., and as ..., Ann said yes': the parser may make "she said" the clause that
"Ann said" reports, and a pronoun's verb inside a named speaker's report was left out of the listing ("Ravi
Osei said he would resign" lists Osei alone).  Only a speaker's verb before the pronoun's reports it; a tag
before the verb it hangs on is read on its own.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from spacy.tokens import Doc

from desk.extract.claimants import _pronoun_in_report, load_model

from .helpers import listed


def test_a_tag_hung_on_a_later_speakers_verb_is_read_on_its_own() -> None:
    nlp = load_model()
    # the parse the tagger gives such a sentence: "said" (4) a ccomp of the "said" (10) after it
    words = ["“", "Home", "yet", "?", "”", "she", "said", ",", "and", "Ann", "said", "yes", "."]
    heads = [1, 10, 1, 1, 1, 6, 10, 6, 6, 10, 10, 10, 10]
    deps = ["punct", "ccomp", "advmod", "punct", "punct", "nsubj", "ccomp", "punct", "cc", "nsubj", "ROOT", "intj",
            "punct"]
    tags = ["``", "RB", "RB", ".", "''", "PRP", "VBD", ",", "CC", "NNP", "VBD", "UH", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert not _pronoun_in_report(doc[6], doc[5])
    # a named speaker before the pronoun's verb still reports it
    words = ["Ann", "said", "she", "said", "no", "."]
    heads = [1, 1, 3, 1, 3, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"]
    tags = ["NNP", "VBD", "PRP", "VBD", "UH", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    assert _pronoun_in_report(doc[3], doc[2])
    assert listed("The skipper said he would sail at dawn.") == [("The skipper", "said")]
