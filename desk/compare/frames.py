"""Statement frames: who takes which stance, as a key two retellings of one statement share.

"The Varnian army denied shelling the depot" and "Varnia's military rejected any part in the depot
blast" tell one statement in other words: their texts share few stems, but both say that one actor
(Varnia) takes one stance (a denial).  A frame is ``"stance:actor"``: the stance is the class of a
stance verb (deny, blame, claim or disclaim responsibility, confirm, invite), the actor the first
name of the clause before the verb, folded as place names are (:func:`desk.compare.places.place_key`:
"Varnia", "Varnian" and "Varnia's" meet).  Figures' counted things are the fact key of passages
with figures; a frame is one for statements without figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .places import place_key
from .tokens import content_stems

#: stance classes and the verbs that take them
_STANCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("responsibility", re.compile(r"\b(?:claim(?:s|ed|ing)?|tak(?:e|es|en|ing)|took|admit(?:s|ted|ting)?)\s+"
                                  r"(?:any\s+|the\s+)?responsibility\b", re.IGNORECASE)),
    ("deny", re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|rul(?:e|es|ed|ing)\s+out|"
                        r"refus(?:e|es|ed|ing))\b", re.IGNORECASE)),
    ("blame", re.compile(r"\b(?:blam(?:es|ed|ing)|accus(?:e|es|ed|ing))\b", re.IGNORECASE)),
    ("confirm", re.compile(r"\bconfirm(?:s|ed|ing)?\b", re.IGNORECASE)),
    ("invite", re.compile(r"\binvit(?:e|es|ed|ing)\b", re.IGNORECASE)),
)
#: the stems every stance verb starts with: a sentence without any of them takes no stance, and needs
#: no more reading (a few literal prefixes: much cheaper to look for than the verbs' patterns)
#: (a look at the next letter first, for the letters those stems start with, case-blind, lets the scan
#: skip every other position quickly: the same answers in a third less time)
_ANY_STANCE_RE = re.compile(
    r"(?=[DdRrBbAaCcIi\u0130\u0131])\b(?:den|reject|rul|refus|blam|accus|confirm|invit|responsib)", re.IGNORECASE
)


@lru_cache(maxsize=1 << 17)
def may_take_stance(text: str) -> bool:
    """Whether ``text`` may hold a stance verb (a frame needs one; its actor is read only then);
    remembered by text, as :func:`_read`."""
    return _ANY_STANCE_RE.search(text) is not None


#: a negation just before the verb turns a stance into its opposite ("has not claimed responsibility"), and
#: so does stopping short of it ("stopped short of claiming responsibility" claims none)
_NEGATION_RE = re.compile(r"(?:\b(?:not|never|no|stop(?:s|ped|ping)?\s+short\s+of)|n't)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
#: where the clause of the verb's subject begins: the subject is found after the last of these
_CLAUSE_RE = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]|\s-\s|\b(?:that|who|which|while|after|when)\b",
                        re.IGNORECASE)
_NAME_RE = re.compile(r"\b[A-Z][\w'\u2019-]+")
#: capitalised words that begin a sentence or name a time, never an actor
_NOT_ACTORS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "his", "her", "their", "our", "but", "and", "or", "so", "yet", "meanwhile", "however", "also", "still", "earlier", "later", "then", "now", "on", "in", "at", "by", "for", "from", "with", "after", "before", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "president", "prime", "minister", "spokesman", "spokeswoman", "spokesperson", "general", "gen", "gov", "governor", "mayor", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "chief", "head", "deputy", "foreign", "defense", "defence"]
)
#: how many characters before the verb the subject is looked for
SUBJECT_REACH = 80


#: a passive verb's agent follows it: "was rejected by ..."
_AGENT_RE = re.compile(r"\s+by\s+", re.IGNORECASE)
_OPENING_RE = re.compile(r"^[\s\"'\u201c\u2018(]*")
#: a form of "be" just before a stance verb: the verb is passive ("Varnia is accused of ...", "has been
#: blamed"), and without a "by" after it the name before it is who the stance is about, not who takes it
_PASSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


#: national capitals and their countries: a capital named as an actor speaks for its country's government
#: ("Kyiv has not claimed the attack" is Ukraine's statement, "Moscow denied it" Russia's), so the two
#: names give one actor (general knowledge; a capital is known by its spelling, not by its folded key,
#: which other names share: "Brann" folds as "Bern" does)
_CAPITALS_TEXT = """
    Kyiv:Ukraine Kiev:Ukraine Moscow:Russia Minsk:Belarus Warsaw:Poland Berlin:Germany Paris:France
    London:Britain Rome:Italy Madrid:Spain Lisbon:Portugal Vienna:Austria Budapest:Hungary Prague:Czechia
    Bratislava:Slovakia Bucharest:Romania Chisinau:Moldova Sofia:Bulgaria Belgrade:Serbia Zagreb:Croatia
    Athens:Greece Ankara:Turkey Tbilisi:Georgia Yerevan:Armenia Baku:Azerbaijan Vilnius:Lithuania
    Riga:Latvia Tallinn:Estonia Helsinki:Finland Stockholm:Sweden Oslo:Norway Copenhagen:Denmark
    Amsterdam:Netherlands Brussels:Belgium Dublin:Ireland Bern:Switzerland Beijing:China Tokyo:Japan
    Seoul:Korea Pyongyang:Korea Delhi:India Islamabad:Pakistan Kabul:Afghanistan Tehran:Iran Baghdad:Iraq
    Damascus:Syria Riyadh:Saudi Jerusalem:Israel Cairo:Egypt Tripoli:Libya Khartoum:Sudan Pretoria:Africa
    Nairobi:Kenya Abuja:Nigeria Ottawa:Canada Havana:Cuba Caracas:Venezuela Brasilia:Brazil
    Canberra:Australia Astana:Kazakhstan Tashkent:Uzbekistan Hanoi:Vietnam Bangkok:Thailand Manila:Philippines
    Jakarta:Indonesia Taipei:Taiwan Doha:Qatar Beirut:Lebanon Amman:Jordan
"""


def _capital_keys() -> dict[str, str]:
    """Capital (lower case, as spelled) -> its country's place key, without a country whose folded key
    stands for another country of the table too (the folding is lossy: "Romania" folds as "Armenia"
    does, and Bucharest is left out rather than made Armenia's)."""
    pairs = [(capital.lower(), place_key(country), country)
             for capital, country in (pair.split(":") for pair in _CAPITALS_TEXT.split())]
    stands_for: dict[str, set[str]] = {}
    for _, key, country in pairs:
        stands_for.setdefault(key, set()).add(country)
    return {capital: key for capital, key, _ in pairs if len(stands_for[key]) == 1}


_CAPITAL_KEYS = _capital_keys()


def actor_key(word: str) -> str:
    """The folded name of an actor: its place key (:func:`desk.compare.places.place_key`), a national
    capital's being its country's ("Kyiv", "Kiev", "Ukraine" and "Ukrainian" give one key)."""
    bare = word.lower().replace("\u2019", "'").removesuffix("'s").strip("'")
    country = _CAPITAL_KEYS.get(bare)
    return country if country is not None else place_key(word)


def _first_name(text: str, lo: int, hi: int, named: frozenset[str],
                people: tuple[str, ...] = ()) -> tuple[str, int]:
    """The folded first name in ``text[lo:hi]``, or "".  A capitalised word that opens the sentence
    is a name only when the passage's entities name it (``named``: their words): "Officials in
    Varnia denied ..." is Varnia's denial.  A person's full name that starts there (``people``: the
    passage's person entities of two or more words) is folded by its last word, the surname: "President
    Aldo Mirren" and "President Aldo Brann" are two actors, not one "Aldo".  Also where that name ends
    (``lo`` without one)."""
    opening = _OPENING_RE.match(text).end()  # type: ignore[union-attr]
    for m in _NAME_RE.finditer(text, lo, hi):
        word = m.group(0)
        bare = word.lower().replace("\u2019", "'").removesuffix("'s").strip("'")
        if bare in _NOT_ACTORS or (m.start() == opening and bare not in named):
            continue
        for person in people:
            if text.startswith(person, m.start()):
                return actor_key(person.split()[-1]), m.start() + len(person)
        return actor_key(word), m.end()
    return "", lo


def _actor(text: str, start: int, end: int, named: frozenset[str],
           people: tuple[str, ...] = ()) -> tuple[str, int, int]:
    """The actor of the stance verb at ``text[start:end]`` and the span that names it: the agent of
    a passive verb ("rejected by the buyers in Varnia"), else the verb's subject, the first name of
    the clause before it."""
    agent = _AGENT_RE.match(text, end)
    if agent:
        stop = _CLAUSE_RE.search(text, agent.end(), agent.end() + SUBJECT_REACH)
        hi = stop.start() if stop else min(len(text), agent.end() + SUBJECT_REACH)
        name, name_end = _first_name(text, agent.end(), hi, named, people)
        return name, end, name_end  # the agent: "by" up to its name
    if _PASSIVE_RE.search(text, max(0, start - 30), start):
        return "", start, start  # a passive verb without its agent: the name before it is the target
    lo = max(0, start - SUBJECT_REACH)
    cut = lo
    for m in _CLAUSE_RE.finditer(text, lo, start):
        cut = m.end()
    return _first_name(text, cut, start, named, people)[0], cut, start


def _name_words(names: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower().replace("\u2019", "'").removesuffix("'s").strip("'") for n in names for w in n.split())


def _full_names(people: Iterable[str]) -> tuple[str, ...]:
    """Person names of two or more words, longest first (a longer name that starts at a word wins)."""
    return tuple(sorted({p.replace("\u2019", "'").removesuffix("'s") for p in people if len(p.split()) > 1},
                        key=lambda p: (-len(p), p)))


def statement_frames(text: str, names: Iterable[str] = (), people: Iterable[str] = ()) -> frozenset[str]:
    """The ``"stance:actor"`` frames of one sentence (empty when it takes no stance or names no actor);
    ``names``: the texts of its named entities, ``people``: those of its person entities."""
    return _read(text, _name_words(names), _full_names(people))[0]


def statement_content(text: str, names: Iterable[str] = (), people: Iterable[str] = ()) -> frozenset[str]:
    """The content stems of what the sentence's stances are about: its words but the stance verbs and
    the spans that name their actors ("The Varnian navy denied shelling the depot": shell, depot);
    empty without a frame.  Two sentences that share a frame tell one statement only when they share
    some of these too: the actor's name and title are the frame's own words."""
    return _read(text, _name_words(names), _full_names(people))[1]


@lru_cache(maxsize=1 << 17)
def _read(text: str, named: frozenset[str], people: tuple[str, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """(frames, content stems) of a text and its entities' words, remembered by text as
    :func:`desk.compare.grouping.penalty_stance`: every comparison meets the sentences of the
    comparisons before it again."""
    frames: set[str] = set()
    taken: list[tuple[int, int]] = []
    own: list[tuple[int, int]] = []  # the frames' own words: their verbs and the spans naming their actors
    for stance, pattern in _STANCES:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # "claimed responsibility" is not also a claim of something else
            taken.append((m.start(), m.end()))
            negated = _NEGATION_RE.search(text, 0, m.start())
            stance_here = "no-" + stance if negated else stance
            actor, lo, hi = _actor(text, negated.start() if negated else m.start(), m.end(), named, people)
            if actor:
                frames.add(f"{stance_here}:{actor}")
                own += [(m.start(), m.end()), (lo, hi)]
    if not frames:
        return frozenset(), frozenset()
    # what the statements are about: the sentence's words without the frames' own
    kept = list(text)
    for lo, hi in own:
        kept[lo:hi] = " " * (hi - lo)
    return frozenset(frames), frozenset(content_stems("".join(kept)))
