"""Where a claim happens: the places a sentence names, found without a gazetteer.

API (Qt-free, pure; shared by grouping, the disagreement rule and the timeline):

- :func:`places_in` ``(text, entities=())`` -- the place keys of a sentence:
  each capitalised word of a name that follows a locative preposition ("in
  Lysychansk", "near the village of Greyford", "on the Harbour Bridge",
  "in the eastern Varnia region"), and of the GPE entities spaCy found in it
  (``entities`` as :class:`desk.model.Entity` with offsets into ``text``).
  Each word becomes a key folded for spelling: possessives and demonym
  endings go ("Varnia's", "Varnian" -> one key), and transliteration variants
  meet on a consonant skeleton ("Kyiv"/"Kiev", "Kharkiv"/"Kharkov",
  "Zaporizhzhia"/"Zaporozhye" fold to one key), so that two spellings of one
  town never read as two places.  A multi-word name gives one key per word:
  "Crimean Bridge" and "Kerch Bridge" share "bridge", so two names of one
  landmark are not told apart (the rule errs towards "same place").
- :func:`broad_places` ``(place_sets, share)`` -- keys named by more than
  ``share`` of the sets: the setting of the whole topic (the country at
  war), which tells no fact from another.
- :func:`different_places` ``(a, b)`` -- both name a place and share none.
- :func:`figure_scope` ``(text, start, end)`` -- the extent of what a figure
  counts, from the words of its clause: ``"part:city"`` ("in the capital", "in
  the city of Greyford", "in the region") for a place inside a wider area,
  ``"whole"`` ("nationwide", "across the country", "in total", "cities across
  Varnia", "since the start of the war") for the whole or several places at once, ``""`` when the clause
  says neither (or both).  :func:`different_scopes` tells two such scopes apart:
  a part and the whole, or parts of two kinds, never count the same thing.

Months, weekdays, named days ("on Independence Day"), titles and languages ("in Russian") are not places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "BROAD_SHARE", "broad_places", "different_places", "different_scopes", "figure_scope",
    "place_key", "place_spans", "place_words", "places_in", "places_near",
]

#: words that open a clause about another moment than the main one
_ANOTHER_MOMENT_RE = re.compile(r"\b(?:after|before|while|whereas|when|until|amid|following)\b", re.IGNORECASE)
#: a place named by more than this share of the candidate sentences is the topic's setting
BROAD_SHARE = 0.15

_NAME = r"[A-Z][\w'’\-]*"
#: the letters a preposition of :data:`_PLACE_RE` may start with, case-blind (with the two letters a
#: case-insensitive "i" also matches): a look at the next letter first lets the scan skip every other
#: position quickly (the same matches, in a third less time)
_PREPOSITION_STARTS = "AaFfIiNnOoTt\u0130\u0131"
_PLACE_RE = re.compile(
    rf"(?=[{_PREPOSITION_STARTS}])"
    r"\b(?i:in|at|near|outside|around|across|from|into|inside|off|toward|towards|on)\s+"
    r"(?:the\s+)?"
    r"(?:(?:city|town|village|port|region|province|oblast|district|suburb|settlement|capital|island|"
    r"area|outskirts|centre|center|county|state|republic)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:north|south|east|west|central|eastern|western|northern|southern|north-eastern|north-western|"
    r"south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|besieged|"
    r"occupied|embattled|frontline|front-line|port|coastal|southern)\s+(?:city\s+of\s+|town\s+of\s+|port\s+of\s+)?)?"
    rf"({_NAME}(?:\s+{_NAME}){{0,2}})"
)
#: "the port city of Varna", "the village of Greyford" without a preposition before them
_OF_PLACE_RE = re.compile(
    r"\b(?:city|town|village|port|province|region|oblast|district|settlement|capital|island|mayor|governor)"
    r"\s+of\s+(?:the\s+)?"
    rf"({_NAME}(?:\s+{_NAME}){{0,2}})"
)
#: "Greyford's mayor", "Varna's regional governor": a place named by its officials
_OFFICIAL_RE = re.compile(
    rf"({_NAME})['’]s\s+(?:\w+\s+)?(?:mayor|governor|city\s+council|regional\s+administration|military\s+administration)\b"
)
#: words :data:`_OF_PLACE_RE` and :data:`_OFFICIAL_RE` cannot match without (one of each list, as written)
_OF_PLACE_WORDS = ("city", "town", "village", "port", "province", "region", "oblast", "district", "settlement",
                   "capital", "island", "mayor", "governor")
_OFFICIAL_WORDS = ("mayor", "governor", "city", "regional", "military")
#: a reporter's credit line ("Ana Roe in Varna and Ben Cole in Orlen contributed to this report"): the places
#: it names are where the reporters work, not where anything in the story happened
_CREDIT_RE = re.compile(
    r"\bcontributed\s+(?:(?:additional\s+)?reporting\b|to\s+th(?:is|e)\s+(?:report|story|article)\b)[^.!?\n]*"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n]")


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s credit lines lie (:data:`_CREDIT_RE`), each from the start of its sentence."""
    out = []
    for m in _CREDIT_RE.finditer(text):
        lo = max(0, m.start() - 600)
        out.append((max((e.end() for e in _SENTENCE_END_RE.finditer(text, lo, m.start())), default=lo), m.end()))
    return out


#: capitalised words that never name a place
_NOT_PLACE_TEXT = """the a an this that these those his her its their our my your mr mrs ms dr gen general president
    prime minister minister mayor governor king queen pope
    capt col lt sgt maj cpl pvt adm gov sen rep new
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
    twitter telegram facebook instagram youtube tiktok
    i we he she they it on in at of and or but for to"""
_NOT_PLACE = frozenset(_NOT_PLACE_TEXT.split())
#: words that join two names, never part of one: capitalised inside a name only in a title written in title
#: case ("Baker Hears Of Flood In Lorvik In Shared Clips"), where the name ends before them
_JOINERS = frozenset({"on", "in", "at", "of", "and", "or", "but", "for", "to", "from", "with", "by", "after", "over", "as"})
#: endings of a language or people ("in Russian" is a language; "Russian Federation" keeps "Federation")
_DEMONYM_END = ("ian", "ean", "ese", "ish")
_GPE = frozenset({"GPE", "LOC", "FAC"})


def _fold(word: str) -> str:
    """"Varnia's" / "Varnian" / "Varnia" -> one stem (lower case, possessive and demonym endings gone)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w.endswith("ians") or (w.endswith(("ans", "eans")) and len(w) > 5):
        w = w[:-1]
    for suf in ("ian", "ean", "ia", "an", "ese", "ish", "ain", "i", "a", "e", "s", "y"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


_FOLD_LETTERS = str.maketrans("ghqwf", "kkkvv", "jy")
_DIGRAPHS = (("kh", "k"), ("zh", "z"), ("ch", "c"), ("sh", "s"), ("ts", "c"), ("tch", "c"), ("ph", "f"))


#: what a consonant skeleton drops, and a letter doubled (:func:`place_key`)
_VOWELS_RE = re.compile(r"[aeiou'\-]")
_DOUBLED_RE = re.compile(r"(.)\1+")


@lru_cache(maxsize=8192)
def place_key(word: str) -> str:
    """A spelling-tolerant key of one word of a place name (see the module docstring)."""
    w = _fold(word)
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    # transliteration swaps g/h/k and v/w/f, and vowels (Olenivka/Yelenovka): keep the consonants
    w = w.translate(_FOLD_LETTERS)
    skeleton = _VOWELS_RE.sub("", w)
    skeleton = _DOUBLED_RE.sub(r"\1", skeleton)
    return skeleton if len(skeleton) >= 2 else w


#: last words of a name that make it a day, not a place: "on Independence Day", "on New Year's Eve"
_DAY_ENDS = frozenset({"day", "eve"})


#: a hyphen before a lower-case letter: "Moscow-backed"
_HYPHENATED_RE = re.compile(r"-[a-z]")


def _words(name: str) -> list[str]:
    out: list[str] = []
    parts = name.split()
    if parts and parts[-1].lower().replace("’", "'").removesuffix("'s") in _DAY_ENDS:
        return out  # a holiday or a named day tells when, never where
    for w in parts:
        lw = w.lower().replace("’", "'")
        base = lw[:-2] if lw.endswith("'s") else lw
        if "-" in w and _HYPHENATED_RE.search(w):
            continue  # "Moscow-backed": an adjective, not where something happened
        if out and base in _JOINERS:
            break  # "Lorvik In Shared Clips": the title's next words are no part of the place
        if base in _NOT_PLACE or len(base) < 3:
            continue
        out.append(w)
    return out


@lru_cache(maxsize=1 << 16)
def _text_spans(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, word) of each place word the patterns find in ``text`` (cached: rows re-read sentences)."""
    out: list[tuple[int, str]] = []
    found = list(_PLACE_RE.finditer(text))
    if found and "contributed" in text:
        credits = _credit_spans(text)
        found = [m for m in found if not any(a <= m.start(1) < b for a, b in credits)]
    # the other two patterns are case-sensitive and need words few sentences hold: a substring test first
    if "of" in text and any(w in text for w in _OF_PLACE_WORDS):
        found.extend(_OF_PLACE_RE.finditer(text))
    if ("'s" in text or "’s" in text) and any(w in text for w in _OFFICIAL_WORDS):
        found.extend(_OFFICIAL_RE.finditer(text))
    for m in found:
        words = _words(m.group(1))
        if len(words) == 1 and words[0].lower().endswith(_DEMONYM_END) and len(m.group(1).split()) == 1:
            continue  # "in Russian": a language
        out.extend((m.start(1), w) for w in words)
    return tuple(out)


#: a neighbour named to say where a place lies ("which borders Varnia", "bordering Varnia", "on the border
#: with Varnia", "neighbouring Varnia"): no place of the claim
_NEIGHBOUR_BEFORE_RE = re.compile(
    r"\b(?:borders?|bordered|bordering|border\s+with|neighbou?r(?:s|ing)?)\s+(?:on\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _only_a_neighbour(text: str, name: str, at: int | None) -> bool:
    """Whether the place ``name`` (at ``at``; None: wherever ``text`` names it) is named only as a neighbour."""
    if at is not None:
        return _NEIGHBOUR_BEFORE_RE.search(text, max(0, at - 40), at) is not None
    found = _occurrences(text, name) if name else []
    return bool(found) and all(_NEIGHBOUR_BEFORE_RE.search(text, max(0, i - 40), i) for i in found)


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` (not empty) starts in ``text``, each occurrence after the end of the one before: the
    starts of ``re.finditer(re.escape(name), text)``, without compiling a pattern for each entity's name
    (a cold comparison met some 2,000)."""
    out = []
    i = text.find(name)
    while i >= 0:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


def place_spans(text: str, entities: Iterable[Any] = ()) -> list[tuple[int, str, str]]:
    """(offset, key, word as written) for each place word of ``text``, in text order (see :func:`places_in`)."""
    out: list[tuple[int, str]] = list(_text_spans(text))
    for e in entities:
        if getattr(e, "label", "") in _GPE:
            at = getattr(e, "start", None)
            if _only_a_neighbour(text, e.text, at):
                continue  # "Belgorod region, which borders Varnia": where the place lies, not where it happens
            out.extend((at or 0, w) for w in _words(e.text))
    out.sort(key=lambda x: x[0])
    # a word two patterns (or a pattern and an entity) both find is one place word ("the city of Kharkov")
    return list(dict.fromkeys((at, k, w.replace("’", "'").removesuffix("'s")) for at, w in out if (k := place_key(w))))


def place_words(text: str, entities: Iterable[Any] = ()) -> list[tuple[str, str]]:
    """(key, word as written) for each place word of ``text``, in text order (see :func:`places_in`)."""
    return [(k, w) for _, k, w in place_spans(text, entities)]


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the part of ``text`` that holds ``start``..``end``, cut at clauses that tell of
    another moment ("... hours after a rally in Brentholm", "while ...", "amid ...")."""
    lo, hi = 0, len(text)
    for m in _ANOTHER_MOMENT_RE.finditer(text):
        if m.end() <= start:
            lo = m.start()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


#: what lies between a place and the wider place that says where it is: "Varna in southern Ardenia",
#: "Varna in the east of Ardenia", "Varna in the Kessel region"
_WITHIN_GAP_RE = re.compile(
    r"\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east"
    r"|south-?west)(?:ern)?\s+(?:of\s+(?:the\s+)?)?)?",
    re.IGNORECASE,
)


def _wider_places(text: str, spans: Sequence[tuple[int, str, str]]) -> set[int]:
    """Indexes of ``spans`` that only say where the place before them lies ("Varna in southern Ardenia"):
    the count is Varna's, not the country's, so a count for Ardenia as a whole is another count."""
    out: set[int] = set()
    prev_end = -1
    prev_at = -1
    for i, (at, _key, word) in enumerate(spans):
        found = text.find(word, at)
        if found < 0:
            continue
        if at != prev_at and prev_end >= 0 and at > prev_end and _WITHIN_GAP_RE.fullmatch(text, prev_end, at):
            out.add(i)
            # the words of one multi-word place share its offset: all of them are the wider place
            out.update(j for j in range(i + 1, len(spans)) if spans[j][0] == at)
        if at != prev_at or found + len(word) > prev_end:
            prev_end = found + len(word)
        prev_at = at
    return out


def places_near(text: str, start: int, end: int, entities: Iterable[Any] = ()) -> dict[str, str]:
    """The places of the part of ``text`` that holds ``start``..``end`` (a figure): key -> word.

    A sentence is cut at clauses that tell of another moment ("... hours
    after a rally in Brentholm", "while ...", "amid ..."): "More than 900
    were killed so far, hours after a rally in Brentholm" names no place
    for the 900.  A wider place named only to say where a place lies ("Varna
    in southern Ardenia") is left out: the count is Varna's.
    """
    lo, hi = _clause_around(text, start, end)
    spans = [sp for sp in place_spans(text, entities) if lo <= sp[0] < hi]
    wider = _wider_places(text, spans)
    return {k: w for i, (_at, k, w) in enumerate(spans) if i not in wider}


def places_in(text: str, entities: Iterable[Any] = ()) -> frozenset[str]:
    """The place keys of ``text`` (see the module docstring)."""
    spans = tuple((getattr(e, "label", ""), e.text) for e in entities)
    try:
        return _places_in(text, spans)
    except TypeError:  # an entity text that is no string (never from desk's extraction)
        return frozenset(k for k, _ in place_words(text, entities))


#: as many as the passage profiles (:data:`desk.compare.profile._CACHE_SIZE`): the benchmark's 57
#: queries meet ~67,000 sentences, and an LRU smaller than a session's round of queries misses every time
@lru_cache(maxsize=1 << 17)
def _places_in(text: str, entities: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """:func:`places_in` of a text and its entities as (label, text), remembered: every compare
    groups the sentences of 1,000-3,000 candidates again, most of them met by an earlier query."""
    return frozenset(k for k, _ in place_words(text, [_Entity(t, label) for label, t in entities]))


@dataclass(frozen=True, slots=True)
class _Entity:
    text: str
    label: str


def broad_places(place_sets: Sequence[frozenset[str]], share: float = BROAD_SHARE) -> frozenset[str]:
    """Keys named by more than ``share`` of ``place_sets`` (the topic's setting)."""
    if not place_sets:
        return frozenset()
    count: dict[str, int] = {}
    for ps in place_sets:
        for p in ps:
            count[p] = count.get(p, 0) + 1
    limit = max(2, share * len(place_sets))
    return frozenset(p for p, n in count.items() if n > limit)


def different_places(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name a place and they share none."""
    return bool(a) and bool(b) and not (a & b)


#: a place inside a wider area, by the kind of place: "in the capital", "in the city of Greyford",
#: "in the Varna region", "across the city" (one place, not several)
#: the scope of a count of people displaced within their own country (:func:`figure_scope`)
INSIDE = "part:inside"
#: the scope of a count of what went to one place ("100,000 have fled to Varnia", "2 million crossed into
#: Ardenia", "5 million have entered Ardenia and Varnia"): the place's key follows
DESTINATION = "part:to:"
#: right after the figure, in its clause: the things counted, a verb of going and where to ("refugees have fled to
#: Varnia", "people were taken to Ardenia", "refugees have entered Ardenia"); "fled Varnia" names where from
_DESTINATION_RE = re.compile(
    r"[^.;:!?,()\d]{0,40}?\b(?:(?:fled|flee|fleeing|gone|went|moved|travell?ed|headed|relocated|deported|taken|"
    r"sent|evacuated|crossed|escaped|returned|arrived|come|came)\s+(?:(?:back|over|abroad)\s+)?(?:to|into|for)"
    r"|entered|reached)\s+(?:neighbou?ring\s+|the\s+)?"
    rf"({_NAME})"
)
_PART_KINDS = {
    "capital": "city", "city": "city", "town": "city", "village": "city", "suburb": "city", "settlement": "city",
    "port": "city", "region": "region", "province": "region", "oblast": "region", "district": "region",
    "county": "region", "area": "region", "state": "region",
}
_PART_RE = re.compile(
    r"\b(?:in|at|near|inside|outside|around|across|throughout|of)\s+the\s+(?:[A-Z][\w'’\-]*\s+){0,2}"
    r"(capital|city|town|village|suburb|settlement|port|region|province|oblast|district|county|area|state)\b"
    r"(?!\s+(?:of\s+the\s+)?(?:country|nation)\b)(?!['’]s)",
)
#: the whole: the country or the war as a whole, a total, or several places at once ("Ukrainian cities",
#: "eight regions": wider than any one of them)
_WHOLE_RE = re.compile(
    r"\b(?:nationwide|countrywide|country-wide|nation-wide|in\s+total|in\s+all\b|altogether|overall"
    r"|(?:across|throughout|around|all\s+over)\s+(?:the\s+(?:whole\s+|entire\s+)?(?:country|nation)|(?!the\b)[A-Z]\w+)"
    r"|cities|towns|villages|regions|provinces|oblasts|districts"
    r"|since\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+the\s+(?:war|invasion|conflict|fighting))\b",
    re.IGNORECASE,
)


#: people displaced within their own country ("internally displaced", "displaced inside Varnia itself", "IDPs"):
#: a part of all the displaced, beside those who fled abroad
_INSIDE_RE = re.compile(
    r"\binternally[\s-]+displaced\b|\bdisplaced\s+(?:internally|(?:inside|within)\s+(?:the\s+country\b|their\s+(?:own\s+)?"
    r"(?:country|homeland)\b|(?!the\b)[A-Z]\w+))|\bIDPs?\b"
)


def figure_scope(text: str, start: int, end: int) -> str:
    """What a figure at ``start``..``end`` of ``text`` (its sentence) counts over: ``"part:<kind>"``,
    ``"whole"`` or ``""`` (see the module docstring).

    Only the figure's clause is read, cut as :func:`places_near` cuts it ("... after strikes across
    the country" tells of another moment); a clause naming both a part and the whole ("across eight
    regions and the capital") says nothing sure and gives ``""``.
    """
    lo, hi = _clause_around(text, start, end)
    clause = text[lo:hi]
    for inside in _INSIDE_RE.finditer(clause):
        # the words between the figure and "displaced internally": its own phrase, with no comma and no other
        # figure between ("of the 2.2 million who left and the 5 million displaced internally": the 5 million)
        between = clause[end - lo : inside.start()] if inside.start() >= end - lo else clause[inside.end() : start - lo]
        if len(between) <= 60 and not any(ch in between for ch in ",;:") and not any(ch.isdigit() for ch in between):
            return INSIDE
    dest = _DESTINATION_RE.match(text, end, hi)
    if dest is not None and dest.group(1).lower() not in _NOT_PLACE:
        return DESTINATION + place_key(dest.group(1))
    whole = bool(_WHOLE_RE.search(clause))
    kinds = {_PART_KINDS[m.group(1).lower()] for m in _PART_RE.finditer(clause)}
    if whole == bool(kinds) or len(kinds) > 1:
        return ""
    return "whole" if whole else "part:" + next(iter(kinds))


def different_scopes(a: str, b: str) -> bool:
    """Both scopes are known and differ: a part and the whole (nested), or parts of two kinds.  The displaced
    inside the country (:data:`INSIDE`) are a part of any other count of the displaced, said to be the whole or not,
    and so are those who went to one place (:data:`DESTINATION`) of all who left, or of those who went elsewhere."""
    if (a == INSIDE) != (b == INSIDE) or a.startswith(DESTINATION) != b.startswith(DESTINATION):
        return True
    return bool(a) and bool(b) and a != b
