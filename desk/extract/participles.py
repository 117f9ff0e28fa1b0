"""Plural nouns and the participles that open a clause about them, shared by figures and quantities.

Kept apart from :mod:`desk.extract.figures` so that the comparing process reads them without
importing the extraction rules (tests/compare/test_startup_imports.py).
"""

from __future__ import annotations

import re

#: a present participle, and a plural noun before it: the participle opens a clause about the things counted
_ING_AFTER_PLURAL = re.compile(r"[a-z]{2,}ing$")
_PLURAL_HEAD = re.compile(r"[a-z]{2,}[^s']s$", re.IGNORECASE)
_PLURALS_WITHOUT_S = frozenset({"people", "children", "men", "women", "personnel", "staff", "police", "crew"})
#: compounds of "men": "policemen", "servicemen", "gunmen", "firemen"
_MEN_COMPOUND = re.compile(r"[a-z]{2,}(?:wo)?men$", re.IGNORECASE)


def plural_noun(word: str) -> bool:
    """A plural by its ending or one of the common plurals without an s ("people", "children", "policemen")."""
    return bool(_PLURAL_HEAD.search(word)) or word.lower() in _PLURALS_WITHOUT_S or bool(_MEN_COMPOUND.search(word))


#: participles that say what happened to the things counted ("300 people fleeing", "12 soldiers missing")
_ING_OUTCOMES = frozenset({"fleeing", "dying", "missing", "remaining", "killing", "injuring"})
#: words in -ing that open a phrase of their own, not a clause about the things counted
ING_PREPOSITIONS = frozenset({
    "during", "including", "according", "regarding", "concerning", "following", "excluding", "pending",
    "considering", "barring", "notwithstanding", "beginning", "starting", "relating", "pertaining",
})
#: words in -ing that never stand before a noun as its adjective: right after a figure they end the counted
#: phrase before it starts ("£6m relating to the levy", "$90 having fallen", "300 including 20 children")
ING_NEVER_ADJECTIVES = frozenset({
    "having", "being", "regarding", "concerning", "relating", "pertaining", "according", "including", "excluding",
    "during", "notwithstanding", "considering",
})


def narrowing_participle(word: str) -> bool:
    """A present participle that opens a clause about the things a count counts ("politicians *vying*")."""
    w = word.lower()
    return bool(_ING_AFTER_PLURAL.match(w)) and w not in _ING_OUTCOMES and w not in ING_PREPOSITIONS
