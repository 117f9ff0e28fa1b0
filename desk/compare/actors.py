"""Places named as actors, not as where something happened: "officials in Kyiv", "Moscow denied it".

A capital often stands for its government ("Kyiv has not claimed the blast", "the ministry in Moscow
accused ...", "Putin blamed Kyiv").  Such a name tells who spoke or who is blamed, not where the
event of the sentence took place, so two rows about one event -- one of them quoting "officials in
Varnia", the other naming the town struck -- must not be held apart by it.  The joins after the
first grouping compare the *event places* of rows (:func:`event_places`): each sentence's places
(:func:`desk.compare.grouping.unit_places`) less those it names only as an actor.

API (Qt-free, pure): :func:`actor_places` ``(text, places)``, :func:`event_places` ``(profiles, places)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import overload

from .places import place_key
from .profile import Profile

__all__ = ["actor_places", "event_places"]

#: "officials in X", "the defence ministry in X", "sources from X": X speaks through them
_BODY_WORDS = frozenset({
    "official", "officials", "authorities", "government", "leader", "leaders", "leadership", "ministry",
    "embassy", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "diplomat", "diplomats",
    "prosecutor", "prosecutors", "administration", "regime", "politicians", "lawmakers", "commander",
    "commanders",
})
#: "blamed X for", "accused X of", "urged X to", "warned X": X is the one blamed or addressed
_OBJECT_VERBS = frozenset({
    "blame", "blamed", "blames", "blaming", "accuse", "accused", "accuses", "accusing", "urge", "urged",
    "urges", "urging", "warn", "warned", "warns", "warning",
})
#: "pinned the blame on X", "called on X"
_ON_WORDS = frozenset(["blame", "responsibility", "guilt", "call", "called", "calls", "calling"])
#: a locative preposition right before the name: "in X said" is rare, "blasts in X" is a place
_LOCATIVE = frozenset(["in", "at", "near", "outside", "around", "across", "into", "inside", "on", "over"])
#: "X said", "X has not claimed", "X's government", "X, which denied": X acts or speaks
_ACTS_AFTER_RE = re.compile(
    r"(?:['’]s\s+(?:\w+\s+)?(?:government|officials|leadership|authorities|forces|military|army|troops|"
    r"ministry|envoy|ambassador|spokes(?:man|woman|person)|regime)\b"
    r"|,?\s+(?:(?:which|who)\s+)?(?:has|have|had|did|does|do|is|was|would|will|could|may|might|has\s+since)?\s*"
    r"(?:not\s+|n['’]t\s+|also\s+|previously\s+|repeatedly\s+|quickly\s+|later\s+)?"
    r"(?:said|says|say|claim(?:ed|s)?|den(?:ied|ies|y)|accus(?:ed|es|e)|blam(?:ed|es|e)|insist(?:ed|s)?|"
    r"warn(?:ed|s)?|stat(?:ed|es)|announc(?:ed|es|e)|respond(?:ed|s)?|react(?:ed|s)?|condemn(?:ed|s)?|"
    r"call(?:ed|s)|reject(?:ed|s)?|dismiss(?:ed|es)?|admit(?:ted|s)?|acknowledg(?:ed|es|e)|vow(?:ed|s)?|"
    r"threaten(?:ed|s)?|demand(?:ed|s)?|confirm(?:ed|s)?|comment(?:ed)?|stopped\s+short|refus(?:ed|es|e)|"
    r"declin(?:ed|es|e)|ha(?:s|ve)\s+(?:not\s+)?(?:yet\s+)?(?:commented|claimed|confirmed|responded)))\b",
    re.IGNORECASE,
)


def _before(text: str) -> str:
    """What the words before a name make of it: "actor" ("officials in", "blamed"), "place" ("in", "near")
    or "" (the words of a name before it belong to it: "in Western Varnia" is a place)."""
    words = text.split()
    while words and words[-1][:1].isupper():
        words.pop()
    words = [w.lower() for w in words[-3:]]
    if words and words[-1] == "the":
        words.pop()
    if not words:
        return ""
    last, prev = words[-1], (words[-2] if len(words) > 1 else "")
    if (last in ("in", "from") and prev in _BODY_WORDS) or last in _OBJECT_VERBS or (last == "on" and prev in _ON_WORDS):
        return "actor"
    return "place" if last in _LOCATIVE else ""


@lru_cache(maxsize=1 << 15)
def actor_places(text: str, places: frozenset[str]) -> frozenset[str]:
    """The keys of ``places`` that ``text`` names only as an actor: every capitalised word of the text
    whose key is the place's stands for a body that speaks, acts or is blamed ("officials in Varnia",
    "Varnia denied", "blamed Varnia for"), never where something happened ("a blast in Varnia")."""
    if not places:
        return frozenset()
    uses: dict[str, list[bool]] = {}
    for m in re.finditer(r"\b[A-Z][\w'’\-]*", text):
        word = m.group(0).replace("’", "'")
        base = word[:-2] if word.endswith("'s") else word
        if "-" in base:
            continue  # "Moscow-backed": an adjective, not a place
        key = place_key(base)
        if key not in places:
            continue
        kind = _before(text[max(0, m.start() - 80):m.start()])
        actor = kind == "actor" or (not kind and bool(_ACTS_AFTER_RE.match(text, m.start() + len(base))))
        uses.setdefault(key, []).append(actor)
    return frozenset(k for k, acts in uses.items() if acts and all(acts))


class EventPlaces(Sequence[frozenset[str]]):
    """Each unit's ``places`` less those its text names only as an actor (:func:`actor_places`), worked
    out for a unit when first asked (the joins ask for the units of the rows they may join, a few of all)."""

    def __init__(self, profiles: Sequence[Profile], places: Sequence[frozenset[str]]) -> None:
        if len(profiles) != len(places):
            raise ValueError("one set of places per profile")
        self.profiles = profiles
        self.places = places
        self.known: list[frozenset[str] | None] = [None] * len(places)

    def __len__(self) -> int:
        return len(self.places)

    @overload
    def __getitem__(self, i: int) -> frozenset[str]: ...

    @overload
    def __getitem__(self, i: slice) -> list[frozenset[str]]: ...

    def __getitem__(self, i: int | slice) -> frozenset[str] | list[frozenset[str]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        found = self.known[i]
        if found is None:
            ps = self.places[i]
            found = self.known[i] = ps - actor_places(self.profiles[i].ref.text, ps) if ps else ps
        return found


def event_places(profiles: Sequence[Profile], places: Sequence[frozenset[str]]) -> EventPlaces:
    """Each unit's ``places`` less those its text names only as an actor (:func:`actor_places`), as a
    sequence that looks at a unit's text when first asked for it."""
    return EventPlaces(profiles, places)
