"""What the comparison needs to know about one passage, computed once and cached."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from desk.model import Claim, Figure, PassageRef, pickled_by_fields

from .frames import may_take_stance, statement_content, statement_frames
from .places import place_key, places_in
from .stored import FeatureFile, passage_key
from .tokens import OUTCOMES, clear_word_stems, content_stems, stem, stem_set

_OF_RE = re.compile(r"\s+of\s+", re.IGNORECASE)
_CAP_RE = re.compile(r"\b[A-Z][a-z]+\b")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FactKey:
    """What a figure counts: an outcome ("kill", "wound" or "") and a head noun."""

    outcome: str
    head: str  # "" when the counted phrase names no thing ("40 killed")
    #: capitalised modifiers ("Russian", "Ukrainian"): when both sides name some, they must share one
    modifiers: frozenset[str] = frozenset()
    #: of an amount of money, what was done with it (:func:`money_act`: "fine", "cost", "pay"; "" unknown): a
    #: fine and a price of one amount are two facts
    act: str = ""

    def matches(self, other: FactKey) -> bool:
        if self.outcome != other.outcome or other_acts(self, other):
            return False
        if self.modifiers and other.modifiers and not (self.modifiers & other.modifiers):
            return False
        if not self.head or not other.head:
            return bool(self.outcome)  # "40 killed" vs "53 prisoners killed"
        return self.head == other.head or takes_in(self.head, other.head) or takes_in(other.head, self.head)


#: heads of a count of weapons of any type ("83 projectiles of various types", "munitions"): such a count
#: takes in the missiles, rockets, drones or shells that another report of one barrage counts by type
GENERIC_MUNITION_HEADS = frozenset({"projectil", "munition"})
#: heads of weapons fired or launched, counted by type (stems)
MUNITION_HEADS = GENERIC_MUNITION_HEADS | frozenset({"missil", "rocket", "dron", "shell", "bomb"})


def takes_in(wide: str, narrow: str) -> bool:
    """The head ``wide`` counts things of any type among which ``narrow`` counts one type: "83
    projectiles" may be the "84 cruise missiles" of another report of one barrage."""
    return wide in GENERIC_MUNITION_HEADS and narrow in MUNITION_HEADS


#: words after a figure that make it a frequency or a multiplier ("hit three times", "ten times more"): how often
#: or how much more something happened, not a count of things, so it names no counted thing to compare
FREQUENCY_HEADS = frozenset({"time"})
#: heads that name no particular thing: "53 people killed" counts what "53 prisoners killed" counts
GENERIC_HEADS = frozenset({"person", "other", "victim", "individual", "more", "those", "one", "casualti"})
#: units of measure (stems): a figure written in one measures a distance, an area, a weight or an amount
#: of stuff, and counts no people or things.  Two figures of one value report one quantity only in the same
#: unit: "30 miles from the plant" and "30 fighters killed", or "a 30-mile radius" and "30 km away", share a
#: number, not a fact.  Spellings stay apart as before ("tons" and "tonnes": an American and a metric ton)
UNITS = frozenset({
    "mile", "kilometr", "kilometer", "km", "kms", "metr", "meter", "cm", "mm", "inch", "feet", "foot", "ft",
    "yard", "squar", "sq", "hectar", "acre", "acr", "ton", "tons", "tonn", "tonne", "kilogram", "kilo", "kg",
    "lb", "lbs", "barrel", "litr", "liter", "gallon", "cubic", "megawatt", "gigawatt", "mph", "kmh",
})
#: ... of them, the units of length: a distance ("30 miles from the plant", "a 50-kilometre radius") tells
#: where a place lies, which stories about many events repeat, so a shared one joins no passages
LENGTH_UNITS = frozenset({"mile", "kilometr", "kilometer", "km", "kms", "metr", "meter", "cm", "mm", "inch", "feet",
                          "foot", "ft", "yard"})
#: the head of a figure measured in a unit is the unit's stem behind this mark (no noun's stem has it)
UNIT_MARK = "unit:"
#: a unit joined to its figure by a hyphen, which the counted phrase leaves out ("a 30-mile radius")
_HYPHEN_UNIT_RE = re.compile(r"-([A-Za-z]+)")
#: words either side of a figure searched for what happened to the counted thing
CONTEXT_WORDS = 6
_CLAUSE_END = re.compile(r"[.;:!?,()\u201c\u201d\"]")


#: words that open a clause: an outcome before them is never the figure's after them
_OPENER_RE = re.compile(r"\b(?:that|which|who|whom|whose|because|although|though|after|when|if|unless)\b",
                        re.IGNORECASE)
#: words that join a clause to the one before: an outcome before them is the other clause's
_JOINER_RE = re.compile(r"\b(?:and|while|whereas|but)\b", re.IGNORECASE)


#: one figure for the dead and the hurt together ("some 90 villagers killed or hurt"): casualties, neither toll
#: alone (:func:`fact_key`; :func:`desk.compare.quantity.quantity_of`), matched from the figure's end
BOTH_HARMS_RE = re.compile(
    r"[^.;:!?()]{0,60}?\b(?:killed|dead|died|wounded|injured|hurt|maimed)\s+(?:or|and|and/or)\s+"
    r"(?:(?:were|been|have\s+been)\s+)?(?:killed|dead|wounded|injured|hurt|maimed)\b",
    re.IGNORECASE,
)


#: what is done with an amount of money, by the stems of the words beside it: a fine imposed, a price or cost, a
#: payment made (:func:`money_act`)
MONEY_ACTS = {
    "fin": "fine", "fine": "fine", "penalty": "fine", "penalti": "fine",
    "cost": "cost", "pric": "cost", "worth": "cost", "valu": "cost", "sold": "cost", "bought": "cost",
    "paid": "pay", "pay": "pay", "payment": "pay", "salary": "pay", "wage": "pay", "compens": "pay",
}


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of a figure's clause before ``start`` and after ``end`` (up to 120 characters each way, cut at a
    clause end).  The part before starts after the last word that opens a clause (:data:`_OPENER_RE`: "that",
    "which", "because"...): in "812 have died, a number that clashes with the claim that 9,000 more are
    missing", a word before the last "that" belongs to another clause."""
    before = _CLAUSE_END.split(text[max(0, start - 120) : start])[-1]
    opened = list(_OPENER_RE.finditer(before))
    if opened:
        before = before[opened[-1].end():]
    return before, _CLAUSE_END.split(text[end : end + 120])[0]


def money_act(text: str, start: int, end: int) -> str:
    """What the clause around an amount of money does with it, by the nearest word of :data:`MONEY_ACTS` within
    :data:`CONTEXT_WORDS` either side ("was fined 1 million rubles" -> "fine", "cost 1 million rubles" ->
    "cost"), "" when none is near (the word before wins a tie)."""
    before, after = _clause_around(text, start, end)
    b = content_stems(before)[-CONTEXT_WORDS:][::-1]
    a = content_stems(after)[:CONTEXT_WORDS]
    for i in range(CONTEXT_WORDS):
        for words in (b, a):
            if i < len(words) and words[i] in MONEY_ACTS:
                return MONEY_ACTS[words[i]]
    return ""


def other_acts(a: FactKey, b: FactKey) -> bool:
    """Both amounts say what was done with them, and not the same thing (a fine and a price)."""
    return bool(a.act and b.act and a.act != b.act)


def context_outcome(text: str, start: int, end: int) -> str:
    """The outcome word nearest a figure in its clause: "killed 53 prisoners" -> "kill"."""
    before, after = _clause_around(text, start, end)
    b = content_stems(before)[-CONTEXT_WORDS:]
    a = content_stems(after)[:CONTEXT_WORDS]
    best, dist = "", CONTEXT_WORDS + 1
    for i, w in enumerate(a):
        if w in OUTCOMES and i < dist:
            best, dist = w, i
            break
    joined = list(_JOINER_RE.finditer(before))
    own = content_stems(before[joined[-1].end():]) if joined else b
    for i, w in enumerate(reversed(b)):
        # a tie goes to the word before ("killing 40 soldiers, some captured" counts the dead), unless
        # that word belongs to the clause before an "and": "31 were killed and 64 were injured"
        if w in OUTCOMES and i <= dist:
            if not (i == dist and best and w not in own):
                best, dist = w, i
            break
    return best


def fact_key(figure: Figure, context: tuple[str, int, int] | None = None) -> FactKey | None:
    """The counted thing of a figure, or None when the figure says too vaguely what it counts.

    ``context`` is (text, figure start, figure end) in that text: when the
    counted phrase names no outcome ("53 prisoners"), the clause around the
    figure may ("killed 53 prisoners").
    """
    counted = figure.counted.strip()
    stems = content_stems(counted)
    # the head noun sits before "of" ("prisoners of war"), else it is the last
    # non-outcome word ("Russian soldiers")
    first = _OF_RE.split(counted, maxsplit=1)[0]
    first_stems = content_stems(first) if first != counted else stems
    unit = _unit_of(first_stems, context)
    if unit:
        # "50 miles away", "20 million tonnes of grain": the unit is what the figure counts in
        return FactKey("", UNIT_MARK + unit)
    outcome = next((s for s in stems if s in OUTCOMES), "")
    if not outcome and context is not None:
        outcome = context_outcome(*context)
    # outcomes that count one thing are one outcome: "lost 70,000 soldiers" counts what
    # "70,000 soldiers were killed" counts (as :func:`counts_compatible` reads them)
    outcome = _OUTCOME_FOLD.get(outcome, outcome)
    if outcome in ("kill", "wound") and context is not None and BOTH_HARMS_RE.match(context[0], context[2]):
        # "75,000 troops killed or wounded" counts casualties: neither "40,000 troops killed" nor the wounded alone
        outcome = "casualty"
    heads = [s for s in first_stems if s not in OUTCOMES]
    if heads and heads[0] in FREQUENCY_HEADS:
        return None  # "struck three times", "awarded three times": how often, not what
    head = heads[-1] if heads else ""
    if head in GENERIC_HEADS:
        head = ""
    if not outcome and not head:
        return None
    if figure.kind != "count" and not head:
        head = figure.kind
    words = _CAP_RE.findall(first)
    # a title-cased phrase ("Bodies Of Killed Soldiers") says nothing by its capitals
    modifiers = frozenset(stem(w) for w in words if len(words) < len(first.split())) - {head}
    act = money_act(*context) if figure.kind == "money" and context is not None else ""
    return FactKey(outcome, head, modifiers, act)


def _unit_of(first_stems: list[str], context: tuple[str, int, int] | None) -> str:
    """The unit of measure a figure is written in (a stem of :data:`UNITS`), or "": the first unit among the
    stems of its counted phrase before any "of" ("miles away", "metric tons of corn", "square kilometres"),
    or, when the phrase names nothing, a unit hyphenated to the number ("30-mile")."""
    if first_stems:
        return next((s for s in first_stems if s in UNITS), "")
    if context is None:
        return ""
    text, _start, end = context
    m = _HYPHEN_UNIT_RE.match(text, end)
    unit = stem(m.group(1).lower()) if m else ""
    return unit if unit in UNITS else ""


def is_distance(key: FactKey | None) -> bool:
    """Whether ``key`` is a length's (:data:`LENGTH_UNITS`): "50 miles away", "a 30-km radius"."""
    return is_measure(key) and key is not None and key.head[len(UNIT_MARK):] in LENGTH_UNITS


def is_measure(key: FactKey | None) -> bool:
    """Whether ``key`` is a unit of measure's (:func:`fact_key` of "50 miles", "2 million tonnes")."""
    return key is not None and key.head.startswith(UNIT_MARK)


#: heads that count people outside the fighting: "50 civilians" and "50 residents" may be one count
CIVILIAN_HEADS = frozenset({"civilian", "resident", "inhabitant", "passenger", "local", "citizen", "villag"})
#: heads that count people (stems): a count of them may be a toll although its clause names no outcome
#: ("50 civilians, including five children, were killed" cuts the outcome off at the comma)
PEOPLE_HEADS = CIVILIAN_HEADS | frozenset({
    "soldier", "child", "women", "woman", "men", "man", "prison", "pows", "officer", "worker", "refug",
    "patient", "student", "polic", "member", "crew", "sailor", "journalist", "doctor", "staff", "employ",
    "hostag", "detain", "mercenari", "volunteer", "reservist", "conscript", "recruit", "marin", "pilot",
    "miner", "farmer", "kids", "babi", "infant", "adult", "bodi", "fighter"
})
#: outcomes that befall people: a figure counting one of them counts people, not a named thing
#: such as "40 bomblets" or "12 missiles"
HARM_OUTCOMES = frozenset({"kill", "wound", "casualty", "miss", "hospitalis", "shot"})
#: outcomes that count one thing ("lost 300 soldiers" counts the dead, "injured" the wounded)
_OUTCOME_FOLD = {"lost": "kill", "lose": "kill", "injur": "wound", "fled": "flee", "hospitaliz": "hospitalis"}
#: outcomes of a handover of people: one swap is told as an exchange, a release or a return
#: ("exchanged 215 prisoners", "freed 215 fighters").  Only a shared value joins them
#: (:func:`counts_compatible`): a fact bonus for every pair of handovers would join different swaps
SWAP_OUTCOMES = frozenset({"releas", "exchang", "return"})
#: heads of the people a handover counts: one swap's prisoners are soldiers, fighters, servicemen or
#: nationals of some country, so a rare value shared by two handovers of these counts one group
SWAPPED_HEADS = frozenset({
    "prison", "pows", "detain", "hostag", "soldier", "fighter", "mercenari", "volunteer", "combatant", "defender",
    "marin", "sailor", "pilot", "officer", "national", "foreigner",
})
#: heads of people counted by their service, trade or custody (stems): never civilians in general, so a
#: count of them is no toll of civilians, whatever befell either ("2,000 staff punished", "2,000 civilians killed")
SERVING_HEADS = frozenset({
    "soldier", "officer", "staff", "employ", "worker", "member", "crew", "sailor", "pilot", "marin", "fighter",
    "conscript", "reservist", "recruit", "mercenari", "volunteer", "polic", "journalist", "doctor", "student",
    "miner", "farmer", "prison", "pows", "detain", "hostag", "troop",
})


#: heads of records of events (stems): crimes, cases, allegations, incidents, reports, attacks, charges.  A
#: count of them is never a count of people ("15,000 war crimes reported", "15,000 civilians remain")
RECORD_HEADS = frozenset({
    "crim", "cas", "alleg", "incident", "report", "complaint", "attack", "strik", "viol", "investig", "prob",
    "charg", "offenc", "offens", "claim",
})


def _civilian(head: str) -> str:
    return "civilian" if head in CIVILIAN_HEADS else head


#: whether a figure that says too vaguely what it counts (no :class:`FactKey`) may count what
#: another figure of its value counts
UNKNOWN_COMPATIBLE = True


def counts_compatible(a: FactKey | None, b: FactKey | None, unknown: bool | None = None) -> bool:
    """Whether two figures may count one thing: their outcomes, heads and modifiers do not tell them apart.

    "50 killed", "50 people died" and "the death toll rose to 50" may count
    one thing; "50 civilians killed" and "50 residents killed" too (heads of
    people outside the fighting are one kind); "50 bomblets" and "50 people
    killed", "1,600 killed" and "1,600 injured", "300 soldiers killed" and
    "300 civilians killed", "Russian soldiers" and "Ukrainian soldiers" do
    not, nor do "40 killed" and "40 bomblets" (a toll of people beside a
    named thing that is no people and that nothing befell).  Heads are
    otherwise compared only when both figures name an outcome (the head of
    a bare counted phrase is often a verb or a number word).  "30 miles" and "30 fighters" or "30 km" do not
    (:data:`UNITS`).  A side that says nothing (None) is ``unknown`` (:data:`UNKNOWN_COMPATIBLE` by default).
    """
    if a is None or b is None:
        return UNKNOWN_COMPATIBLE if unknown is None else unknown
    if is_measure(a) or is_measure(b):
        return a.head == b.head  # a quantity in a unit is one only with a quantity in that unit
    if other_acts(a, b):
        return False  # "fined 1 million rubles" and "cost 1 million rubles": one amount, two facts
    oa, ob = _OUTCOME_FOLD.get(a.outcome, a.outcome), _OUTCOME_FOLD.get(b.outcome, b.outcome)
    swap = oa in SWAP_OUTCOMES and ob in SWAP_OUTCOMES
    if oa and ob and oa != ob and not swap:
        return False
    if a.modifiers and b.modifiers and not ({place_key(m) for m in a.modifiers} & {place_key(m) for m in b.modifiers}):
        return False
    # a head is read reliably only beside an outcome ("people crossing" gives "cross", "two million
    # of Ukraine's three" gives "three"): heads tell figures apart only when both name an outcome
    for x, ox, y, oy in ((a, oa, b, ob), (b, ob, a, oa)):
        # "40 killed" and "40 bomblets": a toll of people and a named thing nothing befell
        if ox in HARM_OUTCOMES and not x.head and y.head and not oy and y.head not in PEOPLE_HEADS:
            return False
    if a.head and b.head and (
        (a.head in PEOPLE_HEADS and b.head in RECORD_HEADS) or (b.head in PEOPLE_HEADS and a.head in RECORD_HEADS)
    ):
        return False  # "15,000 civilians remain" and "15,000 war crimes reported": people and records of events
    if a.head and b.head and ("civilian" in (_civilian(a.head), _civilian(b.head))) and (
        a.head in SERVING_HEADS or b.head in SERVING_HEADS
    ):
        return False  # "2,000 civilians were killed" and "2,000 staff were punished": another group of people
    if a.head and b.head and oa and ob:
        if swap and a.head in SWAPPED_HEADS and b.head in SWAPPED_HEADS:
            return True  # "exchanged 215 prisoners" and "freed 215 fighters": one swap's people
        ha = "civilian" if a.head in CIVILIAN_HEADS else a.head
        hb = "civilian" if b.head in CIVILIAN_HEADS else b.head
        return ha == hb
    return True


def ref_fact_key(figure: Figure, ref: PassageRef) -> FactKey | None:
    """:func:`fact_key` with the passage around the figure as context."""
    s, e = ref.local(figure.start, figure.end)
    return fact_key(figure, (ref.text, s, e) if e > s else None)


@dataclass(slots=True)
class Profile:
    ref: PassageRef
    stems: frozenset[str]
    norm: str  # lower-cased words, for near-duplicate tests
    facts: tuple[FactKey, ...]
    claimants: frozenset[str]
    #: values of the passage's figures (10 and more: small numbers say little)
    values: frozenset[float] = frozenset()
    hit: bool = True  # False for a neighbour that is only a candidate
    #: the days the text is about (desk.compare.asof): its own date expression, else its publication date
    about: tuple[int, int] | None = None
    #: ``stems`` as numbers (:func:`stem_numbers`), for the similarity matrix's numpy work
    stem_ids: np.ndarray | None = None
    #: (value, figure kind, what it counts) of each figure of 10 and more: shared values join
    #: passages only where the counted things agree (:func:`counts_compatible`)
    counted: tuple[tuple[float, str, FactKey | None], ...] = ()
    #: the passage's key in the features cache (:func:`_cache_key` of ``ref``) when :func:`profile` made it;
    #: None: worked out when asked (:func:`_kept_extra`: a grouping asks some 3,000 profiles twice)
    key: tuple[str, int, int, int, int, dt.date | None] | None = None


#: every stem seen in this process -> a number; never cleared, so numbers stay valid in any profile
_STEM_NUMBERS: dict[str, int] = {}
#: ... and each number's stem
_STEM_NAMES: list[str] = []
_STEM_LOCK = threading.Lock()


def stem_numbers(stems: frozenset[str]) -> np.ndarray:
    """The process-wide numbers of ``stems`` (int64, in the set's iteration order).

    A number says in what order this process met its stem (which hangs on the queries before and on
    the hash seed): use :func:`stem_ranks` where an order of stems decides a result."""
    with _STEM_LOCK:  # one number per stem, even when two threads compare at once
        table = _STEM_NUMBERS
        get = table.get
        out = list(map(get, stems))  # (map: no Python frame per stem; a cold comparison numbers ~35,000 sets)
        if None in out:  # stems met for the first time, numbered in the set's order
            for i, s in enumerate(stems):
                if out[i] is None:
                    out[i] = table[s] = len(_STEM_NAMES)
                    _STEM_NAMES.append(s)
        return np.array(out, dtype=np.int64)


def stem_ranks(numbers: np.ndarray) -> np.ndarray:
    """The alphabetical rank of each stem of ``numbers`` (distinct numbers, any order) among them.

    Float32 sums over stems taken in number order differ in their last bits from one process to
    another, enough to move a borderline pair across a threshold: a comparison that takes its stems in
    this order gives the same rows in every process, whatever it compared before."""
    # (the numbers as Python ints at once: ``int(k)`` of each numpy scalar cost more than the sort)
    names = [_STEM_NAMES[k] for k in numbers.tolist()]
    order = sorted(range(len(names)), key=names.__getitem__)
    ranks = np.empty(len(names), dtype=np.int64)
    ranks[order] = np.arange(len(names), dtype=np.int64)
    return ranks


def _visible_text(ref: PassageRef) -> str:
    """The passage text with boilerplate spans blanked out."""
    text = ref.text
    if not ref.boilerplate:
        return text
    chars = list(text)
    for b in ref.boilerplate:
        s, e = ref.local(b.start, b.end)
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


_WORDS_RE = re.compile(r"\w+", re.UNICODE)
#: the features of recent passages, by (article, passage, start, end, what extraction added): the hash of the
#: passage's text (a re-indexed article's new text is profiled again) and what :class:`Profile` holds
#: besides the reference, which is not kept (its text, claims and entities would weigh more than the features);
#: the places and frames are None until the grouping first asks for them (:func:`passage_places`)
_Features = tuple[
    int, frozenset[str], str, tuple[FactKey, ...], frozenset[str], frozenset[float], "tuple[int, int] | None",
    "np.ndarray | None", "tuple[tuple[float, str, FactKey | None], ...]", "frozenset[str] | None",
    "tuple[frozenset[str], frozenset[str]] | None",
]
_CACHE: OrderedDict[tuple[str, int, int, int, int, dt.date | None], _Features] = OrderedDict()
#: enough for the sentences of some fifty comparisons (a session's queries meet each other's passages;
#: an LRU smaller than the queries' round misses every time: the benchmark's 57 queries met ~67,000, and
#: ~80,700 since supporting passages joined, so at 80,000 a round re-read or re-profiled ~64,000 of them):
#: about 2.3 KB each, so at most ~230 MB (a three-round benchmark process peaked lower: 975 -> 942 MB)
_CACHE_SIZE = 100_000


def claims_of(ref: PassageRef) -> list[Claim]:
    return [c for c in ref.claims if ref.start <= c.figure.start < ref.end]


def has_claims(ref: PassageRef) -> bool:
    """Whether :func:`claims_of` ``ref`` gives any claim (without making the list)."""
    start, end = ref.start, ref.end
    return any(start <= c.figure.start < end for c in ref.claims)


def _cache_key(ref: PassageRef) -> tuple[str, int, int, int, int, dt.date | None]:
    # what extraction adds to a passage (claims, attributions, entities: the places and frames read the
    # entities) is counted in the key, so a passage compared before its article's extraction ended is
    # profiled again after it, even when it holds no claim
    added = (len(ref.claims) * 1000 + len(ref.attributions)) * 1000 + len(ref.entities)
    return (ref.article_id, ref.number, ref.start, ref.end, added, ref.date)


#: passages this process profiles itself, for the features file (:func:`prefetch`, :func:`owed_features`):
#: cache key -> (the file's key, the hash of the text profiled)
_OWED: dict[tuple[str, int, int, int, int, dt.date | None], tuple[bytes, int]] = {}


def prefetch(refs: Sequence[PassageRef], features: FeatureFile, *, owe: bool = True) -> list[PassageRef]:
    """Read the features of ``refs`` that are not in memory from ``features`` (a file an earlier process
    wrote, :mod:`desk.compare.stored`) into the cache :func:`profile` reads; the others are owed to
    the file (:func:`owed_features`) unless ``owe`` is False (passages read ahead of any comparison: a
    comparison that meets one of them owes it then).  Returns the passages that were not in memory (new
    to this process since its cache last held them)."""
    missing: list[tuple[tuple[str, int, int, int, int, dt.date | None], PassageRef, bytes]] = []
    seen: set[tuple[str, int, int, int, int, dt.date | None]] = set()
    for ref in refs:
        key = _cache_key(ref)
        if key in seen:
            continue
        seen.add(key)
        cached = _CACHE.get(key)
        if cached is not None and cached[0] == hash(ref.text):
            continue
        missing.append((key, ref, passage_key(ref)))
    if not missing:
        return []
    found = features.read([k for _, _, k in missing])
    if len(_OWED) > _CACHE_SIZE:
        _OWED.clear()
    for key, ref, file_key in missing:
        value = found.get(file_key)
        if value is None:
            if owe:
                _OWED[key] = (file_key, hash(ref.text))
            continue
        stems_, norm_, facts_, claimants_, values_, about_, counted_, places_, frames_ = value
        _CACHE[key] = (hash(ref.text), stems_, norm_, facts_, claimants_, values_, about_, stem_numbers(stems_),
                       counted_, places_, frames_)
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return [ref for _, ref, _ in missing]


def owed_features() -> list[tuple[bytes, Any]]:
    """The features this process computed for passages :func:`prefetch` did not find in the file, as
    (the file's key, value) for :meth:`desk.compare.stored.FeatureFile.write`; forgotten here."""
    owed = dict(_OWED)
    _OWED.clear()
    items = []
    for key, (file_key, text_hash) in owed.items():
        c = _CACHE.get(key)
        if c is not None and c[0] == text_hash:
            items.append((file_key, (c[1], c[2], c[3], c[4], c[5], c[6], c[8], c[9], c[10])))
    return items


def profile(ref: PassageRef, *, hit: bool = True) -> Profile:
    """The features of one passage (cached by article, passage, claim count and date: the as-of days
    read relative dates against it)."""
    key = _cache_key(ref)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == hash(ref.text):
        _CACHE.move_to_end(key)
        _, stems_, norm_, facts_, claimants_, values_, about_, ids_, counted_, _places, _frames = cached
        return Profile(ref, stems_, norm_, facts_, claimants_, values_, hit, about_, ids_, counted_, key)
    text = _visible_text(ref)
    stems = stem_set(text)
    norm = " ".join(_WORDS_RE.findall(text.lower()))
    facts: list[FactKey] = []
    claims = claims_of(ref)
    values = frozenset(c.figure.value for c in claims if c.figure.value >= 10)
    counted: list[tuple[float, str, FactKey | None]] = []
    for c in claims:
        k = ref_fact_key(c.figure, ref)
        if k is not None and k not in facts:
            facts.append(k)
        if c.figure.value >= 10 and (item := (c.figure.value, c.figure.kind, k)) not in counted:
            counted.append(item)
    names = {c.claimant for c in ref.claims if c.claimant}
    names.update(a.name for a in ref.attributions if a.name)
    prof = Profile(
        ref, stems, norm, tuple(facts), frozenset(names), values, hit, _about(text, ref), stem_numbers(stems),
        tuple(counted), key,
    )
    _CACHE[key] = (
        hash(ref.text), prof.stems, prof.norm, prof.facts, prof.claimants, prof.values, prof.about, prof.stem_ids,
        prof.counted, None, None,
    )
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return prof


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class LocalSpan:
    """An entity of a passage as its text names it (offsets dropped): what the place and frame readers take."""

    text: str
    label: str


def local_entities(ref: PassageRef) -> list[LocalSpan]:
    """The passage's entities inside its text, each with the words the text gives it."""
    out = []
    for e in ref.entities:
        s, t = ref.local(e.start, e.end)
        if 0 <= s < t <= len(ref.text):
            out.append(LocalSpan(ref.text[s:t], e.label))
    return out


def _kept_extra(p: Profile, slot: int) -> tuple[Any, tuple[Any, ...] | None, Any]:
    """What the cache entry of the profile's passage holds in ``slot`` (9: places, 10: frames; None when not
    worked out yet), the entry (None when the cache holds none for this text) and its key (for
    :func:`_keep_extra`: a grouping asks some 3,000 passages for each of the two)."""
    key = p.key if p.key is not None else _cache_key(p.ref)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != hash(p.ref.text):
        return None, None, key
    return cached[slot], cached, key


def _keep_extra(key: Any, slot: int, value: Any, cached: tuple[Any, ...] | None) -> None:
    """Put a feature worked out on first use into the cache entry ``cached`` (under ``key``, from
    :func:`_kept_extra`) of the profile's passage, so later groupings, and the features file
    (:func:`owed_features`), have it."""
    if cached is not None:
        _CACHE[key] = (*cached[:slot], value, *cached[slot + 1 :])


def passage_places(p: Profile) -> frozenset[str]:
    """The place keys the passage's text names (:func:`desk.compare.places.places_in` with its entities):
    worked out once per passage, then kept with its other features (in memory and in the features file)."""
    places, cached, key = _kept_extra(p, 9)
    if places is None:
        places = places_in(p.ref.text, local_entities(p.ref))
        _keep_extra(key, 9, places, cached)
    return places  # type: ignore[no-any-return]


_NO_FRAMES: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def passage_frames(p: Profile) -> tuple[frozenset[str], frozenset[str]]:
    """The passage's statement frames and what its statements are about
    (:func:`desk.compare.frames.statement_frames` / :func:`~desk.compare.frames.statement_content`, with its
    entities); none for a passage with figures or without a stance verb.  Kept as :func:`passage_places`."""
    frames, cached, key = _kept_extra(p, 10)
    if frames is None:
        if p.values or p.facts or not may_take_stance(p.ref.text):
            frames = _NO_FRAMES
        else:
            es = local_entities(p.ref)
            names = [e.text for e in es]
            people = [e.text for e in es if e.label == "PERSON"]
            frames = (statement_frames(p.ref.text, names, people), statement_content(p.ref.text, names, people))
        _keep_extra(key, 10, frames, cached)
    return frames  # type: ignore[no-any-return]


def text_stems(ref: PassageRef) -> frozenset[str]:
    """``stem_set(ref.text)``: the stems :func:`profile` keeps for the passage when this process has
    them (the same passage, the same text, no boilerplate blanked out of it), else read again."""
    if not ref.boilerplate:
        cached = _CACHE.get(_cache_key(ref))
        if cached is not None and cached[0] == hash(ref.text):
            return cached[1]
    return stem_set(ref.text)


#: open ends of an as-of interval, as day numbers
_OPEN_START, _OPEN_END = -(10**7), 10**7


#: a figure whose own as-of (a year it names: "in 1979", "from 2014 to 2016") ends at least this many days
#: before the reference day counts a past event, not one of the days around the report
PAST_DAYS = 365
#: a year, or an era (desk.compare.asof: a world war, a decade), somewhere in a sentence
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d|world\s+war|\bww(?:ii|i|2|1)\b|great\s+war", re.IGNORECASE)


def _past_span(text: str, ref: PassageRef, claims: Sequence[Claim]) -> tuple[int, int] | None:
    """The days (ordinals) of the past years a sentence's figures count, when every figure of it is dated by
    a year or an era ending :data:`PAST_DAYS` or more before the reference day ("as many as 7,400 villagers starved between
    1931 and 1933", told in 2023); None otherwise.

    A passage's own days leave bare years out (:func:`desk.compare.asof.resolve_as_of` ``years=False``: a
    sentence about today often names a past year in passing), but a sentence whose figures all hold in a past
    year reports that year's event: two such tolls decades apart, or one beside this week's, are two facts.
    """
    if ref.date is None or not claims or _YEAR_RE.search(text) is None:
        return None
    from .asof import resolve_as_of

    limit = ref.date - dt.timedelta(days=PAST_DAYS)
    first = last = None
    for c in claims:
        s, e = ref.local(c.figure.start, c.figure.end)
        if e <= s:
            continue
        asof = resolve_as_of(text, ref.date, at=s)
        if asof.start is None or asof.end is None or asof.end > limit:
            return None  # a figure of the days around the report, or one no year dates
        first = asof.start if first is None or asof.start < first else first
        last = asof.end if last is None or asof.end > last else last
    if first is None or last is None:
        return None
    return (first.toordinal(), last.toordinal())


def _about(text: str, ref: PassageRef) -> tuple[int, int] | None:
    """First and last day (ordinals) the text is about; None when nothing dates it.  A text that no
    expression but the report's date dates, whose figures all count a past year's event, is about that
    year (:func:`_past_span`)."""
    from .asof import resolve_as_of

    asof = resolve_as_of(text, ref.date, years=False)
    if not asof.known:
        return None
    if asof.basis in ("article date", "dateline"):
        past = _past_span(text, ref, claims_of(ref))
        if past is not None:
            return past
    start = asof.start.toordinal() if asof.start else _OPEN_START
    end = asof.end.toordinal() if asof.end else _OPEN_END
    return (start, end)


def clear_cache() -> None:
    from . import clear_described, clear_results
    from .asof import _candidates_cached
    from .diff import _text_diff
    from .grouping import penalty_stance
    from .places import _places_in, _text_spans
    from .retrieve import clear_cache as clear_sentences
    from .statements import clear_parts

    clear_described()
    clear_results()
    _CACHE.clear()
    _OWED.clear()
    clear_word_stems()
    _candidates_cached.cache_clear()
    _places_in.cache_clear()
    penalty_stance.cache_clear()
    _text_diff.cache_clear()
    _text_spans.cache_clear()
    clear_sentences()
    clear_parts()
