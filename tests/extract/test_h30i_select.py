"""SELECT_RE, written as a tree of the cue forms' prefixes, chooses exactly what the plain list chose."""

from __future__ import annotations

import random
import re

from desk.extract.cues import CUE_FORMS, SELECT_RE, word_alternation

#: the pattern as it was written before: every cue form in one list, longest first
LISTED = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(f) for f in CUE_FORMS), key=len, reverse=True))
    + r"|according\s+to|polls?|surveys?)\b|[\"“”«»]|\w:\s",
    re.IGNORECASE,
)

SENTENCES = [
    "The harbour master said on Friday that 40 boats had left.",
    "Forty boats left the quay before noon, the coastguard's log shows.",
    "Ferry fares rose by 12 percent in the spring",
    "According  to the port authority, 7 cranes stood idle.",
    "A poll of 900 dockers found most wanted shorter shifts.",
    "Dockworkers SAID nothing; the union Says plenty.",
    "The sayings of the old pilot were printed in 1988.",
    "She was unsaid, untold, and unannounced at the gala.",
    "Quote: 'We will reopen the lock,' the engineer promised",
    "«Nous reviendrons», a déclaré le capitaine.",
    "Storms closed 3 of 5 piers",
    "",
    "claimed-claims reportedly reporters report reported reporting",
    "Saïd and Tellier met at the Surveyor's office.",
]


def _pieces() -> list[str]:
    forms = sorted(CUE_FORMS)
    rnd = random.Random(3)
    picked = rnd.sample(forms, 120)
    out = []
    for f in picked:
        out += [f, f.upper(), f.capitalize(), f[:-1], f + "s", f + "ed", "un" + f, f + "_x", f + "1"]
    return out + ["according", "to", "poll", "polls", "surveys", "survey's", ":", " : ", "x: y", '"', "“", "»",
                  "-", "'", "’", "K", "ſ", "İ", "é", "\n", "\t", ",", ".", "12"]


def test_the_tree_matches_exactly_where_the_list_does_on_invented_sentences() -> None:
    for text in SENTENCES:
        for s in range(0, len(text) + 1, 3):
            for e in (len(text), max(s, len(text) - 5)):
                ours, theirs = SELECT_RE.search(text, s, e), LISTED.search(text, s, e)
                assert (ours and ours.span()) == (theirs and theirs.span()), (text, s, e)


def test_the_tree_matches_exactly_where_the_list_does_on_random_word_salad() -> None:
    pieces = _pieces()
    rnd = random.Random(8)
    for _ in range(3000):
        text = rnd.choice(("", " ", "-")).join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9)))
        ours, theirs = SELECT_RE.search(text), LISTED.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text


def test_a_word_tree_prefers_the_longest_word_as_a_longest_first_list_does() -> None:
    words = ["say", "says", "sayings", "said", "s", "tell", "tells", "told"]
    tree = re.compile(word_alternation(words))
    listed = re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")")
    for text in ("sayings", "says", "sa", "s", "toldtell", "tel", "xsaid", ""):
        for start in range(len(text) + 1):
            ours, theirs = tree.match(text, start), listed.match(text, start)
            assert (ours and ours.group()) == (theirs and theirs.group()), (text, start)
    assert re.fullmatch(word_alternation(["a"]), "a")
