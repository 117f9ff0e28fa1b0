"""Gender where the text gives it, so that "she said" skips the men named before.

desk keeps no list of first names: the evidence is what the article itself
says about a person it names,

- a title or a gendered noun right before the name ("Ms", "Mr", "Sir",
  "spokeswoman", "the mother of ..."), and
- the first "he" or "she" after the name in the same sentence, when no
  other person is named in between ("Olena Kovalenko said she ..."; "his"
  and "her" point to others too often).

Each mention votes; a name whose votes disagree stays unknown, and an unknown
name fits either pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desk.extract.names import fold

_FEMALE_BEFORE = {
    "mrs", "ms", "miss", "madam", "madame", "mme", "lady", "dame", "baroness", "queen", "princess",
    "duchess", "countess", "sister", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
    "sportswoman", "policewoman", "actress", "mother", "wife", "daughter", "grandmother", "widow",
    "girlfriend", "woman", "girl", "aunt", "niece", "granddaughter", "councilwoman", "stateswoman",
}
_MALE_BEFORE = {
    "mr", "sir", "lord", "baron", "king", "prince", "duke", "count", "brother", "spokesman", "chairman",
    "congressman", "businessman", "sportsman", "policeman", "actor", "father", "husband", "son",
    "grandfather", "widower", "boyfriend", "man", "boy", "uncle", "nephew", "grandson", "councilman",
    "statesman",
}
_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_MALE_PRONOUNS = {"he", "him", "his", "himself"}
_PRONOUN_RE = re.compile(r"\b(?:she|he)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[A-Z“\"]|\n")


def name_key(name: str) -> str:
    """The key a person is known by: the folded last word of the name."""
    words = fold(name).replace("'s", "").split()
    return words[-1] if words else ""


def pronoun_gender(pronoun: str) -> str:
    low = pronoun.strip().lower()
    if low in _FEMALE_PRONOUNS:
        return "f"
    if low in _MALE_PRONOUNS:
        return "m"
    return ""


def _gendered_word_before(text: str, s: int, e: int) -> str:
    """ "Ms", "spokeswoman", "Mr" in the name's first word or the few words before it."""
    first = text[s:e].split()[:1]
    before = text[max(0, s - 60) : s].split()[-3:]
    for w in [*first, *reversed(before)]:
        low = w.strip(".,;:()\"“”'’").lower()
        if low in _FEMALE_BEFORE or low in _MALE_BEFORE:
            return low
        if not w[:1].isupper():
            break  # only capitalised words (other parts of the name or title) lie between
    return ""


def genders(text: str, people: Iterable[tuple[int, int]]) -> dict[str, str]:
    """``name_key -> "f" | "m"`` for the people (character spans in ``text``) the text genders."""
    spans = sorted(set(people))
    votes: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}  # a title or gendered noun outweighs pronouns
    starts = [s for s, _ in spans]
    for k, (s, e) in enumerate(spans):
        key = name_key(text[s:e])
        if not key or not key.isalpha():
            continue
        got = votes.setdefault(key, set())
        w = _gendered_word_before(text, s, e)
        if w:
            if w in _FEMALE_BEFORE:
                titled.setdefault(key, set()).add("f")
            elif w in _MALE_BEFORE:
                titled.setdefault(key, set()).add("m")
        # the first pronoun after the name, in its sentence, before anyone else is named
        stop = _SENTENCE_END.search(text, e)
        end = stop.start() if stop else len(text)
        if k + 1 < len(starts):
            end = min(end, starts[k + 1])
        p = _PRONOUN_RE.search(text, e, end)
        if p:
            got.add(pronoun_gender(p.group(0)))
    votes.update(titled)
    return {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
