"""What a figure counts: the counted thing with its subject and kind.

API (Qt-free, pure; shared with the timeline):

- :class:`Quantity` -- a frozen, hashable plain value ``(kind, thing,
  subject, unit)`` with a readable :attr:`Quantity.label`:

  * ``kind`` -- what happened to the things: ``"kill"``, ``"wound"``,
    ``"captur"``, ``"displac"``... (stems of :data:`desk.compare.tokens.OUTCOMES`),
    ``"casualty"`` for "casualties", or ``""`` when the text says nothing;
  * ``thing`` -- the head noun, stemmed, with synonyms folded
    ("troops"/"servicemen" -> ``"soldier"``), ``""`` for generic heads
    ("people", "others") and when none is named ("40 killed");
  * ``subject`` -- whose things: a nationality or side folded to one form
    ("Russian"/"Russia's"/"Russians" -> ``"russ"``), ``"own:<claimant>"`` for
    "its own troops"/"our soldiers" (the claimant's own side), or ``""``;
  * ``unit`` -- ``"count"``, ``"money"``, ``"percent"`` or a unit of measure
    ("tonn" for "tonnes of grain", where ``thing`` is then the grain), with
    `` per <period>`` for a rate ("5 million tonnes of grain every month",
    "200 people a day"): a rate never matches a total, nor a rate per another period.

  Equality is strict (a dict key); :meth:`Quantity.matches` is the loose
  test used for grouping and flags: kinds equal, things equal or one of them
  unnamed, subjects equal or one of them unnamed, units equal.
  "Russian soldiers killed" never matches "Ukrainian soldiers killed", and
  neither matches "soldiers wounded".  :meth:`Quantity.same_toll` is the test of the joins of rows
  (desk.compare.joining): strict, and a toll of people in general ("300 people killed", "300 Varnians
  killed") also takes in the civilians' toll ("600 civilians killed"); flags keep the strict test.
- :func:`quantity_of` ``(figure, context=None, claimant="")`` -- the quantity
  of a :class:`desk.model.Figure` (its ``counted`` phrase, and the clause
  around it when ``context = (text, start, end)`` is given), or None when
  the figure says too vaguely what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desk.extract.participles import narrowing_participle, plural_noun
from desk.model import Figure, pickled_by_fields

from .profile import BOTH_HARMS_RE as _BOTH_HARMS_RE
from .profile import CIVILIAN_HEADS, FREQUENCY_HEADS, context_outcome
from .tokens import OUTCOMES, content_stems
from .tokens import stem as _stem

__all__ = ["Quantity", "fold_subject", "kind_word", "quantity_of"]

_OF_RE = re.compile(r"\s+of\s+", re.IGNORECASE)
_CAP_RE = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?\b")
_CLAUSE_END = re.compile(r"[.;:!?,()\u201c\u201d\"]")
#: words after a share that make it a change, not a share of a thing ("23% higher", "30% compared with"; stems)
_CHANGE_HEADS = frozenset({"higher", "lower", "compar", "greater", "bigger", "smaller", "cheaper", "dearer", "more",
                           "less", "fewer", "up", "down", "above", "below", "year-on-year"})
#: heads that name no particular thing: "53 people killed" counts what "53 prisoners killed" counts
GENERIC_HEADS = frozenset({"person", "other", "victim", "individual", "more", "those", "one", "total", "toll"})
#: heads that count people and nothing narrower ("people", "persons", "individuals"): a toll of them
#: takes in the civilians' toll (:meth:`Quantity.generic_of`)
HUMAN_GENERIC = frozenset({"person", "individual"})
#: a toll named with whose it is before the figure: "the civilian death toll had passed", "the civilian toll
#: stands at", "military casualties reached"
_TOLL_OF_RE = re.compile(r"\b([a-z]+)\s+(?:death\s+|casualty\s+)?(?:toll|casualties)\b(?!.*\btoll\b)", re.IGNORECASE)
#: owners of a toll that are no civilians ("the military death toll"): the thing they count
_SIDE_HEADS = {"military": "soldier", "soldier": "soldier", "army": "soldier"}
#: kinds of harm whose tolls a generic and a civilian count may both give (:meth:`Quantity.generic_of`)
HARM_KINDS = frozenset({"kill", "wound", "casualty"})
_OF_OWN_RE = re.compile(r"\s*(?:of\s+)?(?:its|their|our)\b", re.IGNORECASE)
#: a claimant named by a side's adjective ("Ukrainian military", "Chilean officials")
_DEMONYM_RE = re.compile(r"(?:the\s+)?([A-Z][a-z]+(?:ian|ean|ese|ish|an|i))\b")
#: ... unless it is a given name: a capitalised word follows that names no institution or office
#: ("Ramzan Kadyrov", "Dmitri Peskov", "Brian Hale"; not "Ukrainian Defense Ministry", "Israeli Army")
_GIVEN_NAME_RE = re.compile(
    r"\s+(?!(?:Defen[cs]e|Ministry|Minister|Army|Armed|Forces?|Navy|Air|General|Government|Foreign|Interior|"
    r"Emergency|Health|Military|President|Prime|Security|Border|National|State|Red|Coast|Central|Federal|"
    r"Supreme|Special|Joint|Ground|Police|Intelligence|Embassy|Parliament|Senate|Congress|Office|"
    r"Authorit\w*|Officials?|Sources?|Media|News|Agency|Service|Council|Committee|Guard)\b)[A-Z][a-z]"
)
#: ... and only when one of the next three words names a side's body or office ("Ukrainian Defense Ministry",
#: "Israeli Army", "Chilean officials", "the Varnian side", "Varnian infrastructure ministry"): a surname that
#: ends like an adjective ("Haidai", "Erdogan") or a third party's outlet ("the British outlet said a dozen
#: people died") names no side whose losses it reports
_SIDE_BODY_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:defen[cs]e|ministry|minister|army|armed|forces?|military|navy|air\s+force|"
    r"general|government|officials?|authorit\w*|side|command|commanders?|president|presidential|prime|"
    r"security|border|guard|intelligence|embassy|parliament|senate|congress|police|emergency|health|"
    r"spokes(?:man|woman|person)|sources?|media|news|agency|service|council|committee|leader(?:ship)?|"
    r"governor|administration|office)\b",
    re.IGNORECASE,
)
#: outcomes that count the same thing ("lost 300 soldiers" counts the dead)
#: a distance that places something ("80 miles west", "30km north-east", "5 miles away")
_LOCATOR_RE = re.compile(
    r"(?:mi(?:les?)?|km|kilomet(?:re|er)s?|met(?:re|er)s?|m|f(?:ee|oo)t|yards?)\s+"
    r"(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ward)?|away|from|inland|offshore|off|outside|beyond)\b",
    re.IGNORECASE,
)
#: a length with nothing measured after it: "miles", "km"
_BARE_LENGTH_RE = re.compile(r"(?:mi(?:les?)?|km|kilomet(?:re|er)s?|met(?:re|er)s?|f(?:ee|oo)t|yards?)", re.IGNORECASE)
_KIND_FOLD = {"lost": "kill", "lose": "kill", "injur": "wound", "fled": "flee"}
#: outcomes a side's "losses" are made of: the side whose losses they are is whose dead or wounded they count
_LOSS_KINDS = frozenset({"kill", "wound", "injur", "lost", "lose", "miss", "captur"})
#: (a target is a goal as a noun after a determiner or before "of"/"to"; "targeted" and "targets hit" tell
#: of strikes, which happened: "said it targeted a depot and killed 200" counts the dead)
_PLANNED_RE = re.compile(
    r"\b(?:pledg\w*|promis\w*|plan(?:s|ned|ning)?|intend\w*|aim(?:s|ed|ing)? to|expect\w*"
    # an accord or a decision to act ("agreed to ban 90%", "a deal to return 200"), an end state foretold
    # ("will eventually cease over 90%")
    r"|agree(?:d|s|ment)?\s+to\s+[a-z]+|deal\s+to\s+[a-z]+|decid(?:ed|es)\s+to\s+[a-z]+|vot(?:ed|es)\s+to\s+[a-z]+"
    r"|(?:will|would|could|should|may|might)\s+(?:eventually|ultimately)"
    r"|(?:a|the|its|their|our|his|her|this|new)\s+targets?|targets?\s+(?:of|to)|targeting\s+(?:a\s+)?(?:total|goal|rise))\b",
    re.IGNORECASE,
)
#: a verb of a possibility or a schedule just before the figure ("could reach 20,000", "is set to receive
#: 5,000"): what may happen, not a count of what did.  "will"/"would" are left out (a government's "will
#: accept 100,000" is the pledge other reports give as "taking in over 100,000"), and so is "may" (an accord
#: by which a country "may export 44 million tonnes" speaks of the stock others count)
_MODAL_BEFORE_RE = re.compile(
    r"\b(?:could|might|(?:is|are|was|were)\s+(?:set|due|going)\s+to)\s+"
    r"(?:[a-z]+ly\s+)?(?:not\s+)?(?:be\s+)?[a-z]+(?:\s+(?:in|on|up|back|out|off))?\s+"
    r"(?:(?:nearly|almost|about|around|some|roughly|approximately|over|under|up\s+to|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|as\s+(?:many|much)\s+as|another|the|a|an|its|their)\s+){0,3}$",
    re.IGNORECASE,
)
#: a process begun just before the figure ("began evacuating 60,000", "started to move 5,000"): the figure is
#: what it is to reach, not what it has done
_BEGUN_RE = re.compile(
    r"\b(?:began|begun|begins?|beginning|start(?:ed|s|ing)?)\s+(?:to\s+[a-z]+|[a-z]+ing)\s+"
    r"(?:(?:nearly|almost|about|around|some|roughly|over|up\s+to|more\s+than|at\s+least|as\s+(?:many|much)\s+as|"
    r"another|the|its|their)\s+){0,3}$",
    re.IGNORECASE,
)
#: a permission or a schedule told after the figure ("Twelve ships have been authorised to sail", "300
#: families are expected to leave", "two million mill jobs could vanish"): what may or should happen, not a count of
#: what did ("due to" may mean "because of", and "allowed to leave" often tells who did leave: both left out)
_ALLOWED_AFTER_RE = re.compile(
    r"^[^.;:!?,()]{0,40}?\b(?:(?:has|have|had|is|are|was|were)\s+)?(?:now\s+|so\s+far\s+)?(?:been\s+)?"
    r"(?:authori[sz]ed|approved|scheduled|set|expected|planned|slated|supposed)\s+to\s+[a-z]"
    # a predicate of the future ("90% of its oil will be blocked", "200 homes would be built")
    r"|^[^.;:!?,()\d]{0,40}?\b(?:will|would|shall)\s+(?:not\s+)?(?:soon\s+|also\s+|then\s+)?be\s+[a-z]+ed\b"
    # ... or of a possibility ("two million mill jobs could vanish", "4,000 more might flee"), not what could have happened
    r"|^[^.;:!?,()\d]{0,40}?\b(?:could|might)\s+(?!have\b)(?:not\s+)?(?:soon\s+|also\s+|still\s+)?[a-z]+",
    re.IGNORECASE,
)
#: a deadline: "by the close of this year", "by 2030", "by year-end", "before the end of next month"
_DEADLINE_RE = re.compile(
    r"\b(?:by|before)\s+(?:(?:the\s+)?(?:end|close)\s+of\s+(?:(?:the|this|next)\s+)?"
    r"(?:year|month|decade|summer|winter|spring|autumn|(?:19|20)\d\d)\b|(?:the\s+)?(?:year|month)[-\s]end\b|"
    r"(?:19|20)\d\d\b(?![-\u2013.,]?\d))",
    re.IGNORECASE,
)
#: ... in a sentence that speaks of what is to come ("will cut", "plans to", "rising to", "pledged to"): "by the
#: close of that year, 2 million had fled" and "sales rose 20% by year-end" tell what happened
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|should|must|['\u2019]ll|going\s+to|set\s+to|expect\w*|aim\w*|plan\w*|pledg\w*|promis\w*|"
    r"vow\w*|commit\w*|intend\w*|target\w*|goal|seeks?\s+to|wants?\s+to|agree\w*|deal\s+to|rising|climbing|growing|"
    r"falling)\b",
    re.IGNORECASE,
)
#: the content of an accord told in a clause hung on it ("the terms of the deal, which included the return of
#: 6,000 soldiers", "a plan that foresees 300 new shelters"): what was agreed or proposed, not a count of what
#: happened; the clause may follow a comma, so it is sought in the sentence before the figure
_ACCORD_CONTENT_RE = re.compile(
    r"\b(?:agreements?|deals?|accords?|terms|treaty|treaties|memorandum|plans?|proposals?|roadmap|framework|"
    r"arrangements?)\s*,?\s+(?:which|that)\s+(?:(?:also|would|will|had|has|have)\s+)?"
    r"(?:includ\w*|provid\w*\s+for|envisag\w*|call\w*\s+for|foresee\w*|foresaw|stipulat\w*|allow\w*\s+for|"
    r"set\w*\s+out|guarantee\w*)\b[^.;:!?]*$",
    re.IGNORECASE,
)
#: a figure of bodies ("returned the bodies of 1,212 soldiers killed in combat", "the remains of 80 people
#: were found"): it counts the bodies handed over or found, not the toll of the fighting they died in
_BODIES_OF_RE = re.compile(
    r"\b(?:bodies|remains|corpses)\s+of\s+(?:(?:the|some|about|around|nearly|almost|over|another|more\s+than|"
    r"at\s+least|as\s+many\s+as)\s+)*$",
    re.IGNORECASE,
)
_PART_WORDS = frozenset({"another", "other", "additional", "further", "extra"})
#: "38 of the 50 killed", "12 of them", "25 of the wounded": a share of a total the sentence gives, not the total
_SHARE_OF_RE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the\s+)?(?:\d[\d,.]*\b|them\b|those\b|whom\b)|(?:the|these)\s+(?-i:[a-z]))",
    re.IGNORECASE,
)
#: "the two reactors still in use out of the plant's six": a share whose total follows a few words on
_OUT_OF_RE = re.compile(
    r"[^,.;:!?]{0,40}?\bout\s+of\s+(?:the\s+|its\s+|their\s+|our\s+|[\w-]+['’]s\s+)*"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|dozen|dozens)\b)",
    re.IGNORECASE,
)
#: "38 of the 50 killed": the total a sentence splits into shares
_TOTAL_OF_RE = re.compile(r"\b\d[\d,.]*\s+(?:out\s+)?of\s+(?:the\s+)?(\d[\d,]*)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_PART_RE = re.compile(r"\b(?:other|others|another|additional|further|extra|more)\b", re.IGNORECASE)
#: what a unit of measure may measure that takes in any other stuff: "22m tonnes of food" may be grain
GENERIC_STUFF = frozenset({"food", "foodstuf", "cargo", "good", "produc", "commoditi", "suppli", "freight", "product"})
_COUNTING_UNITS = frozenset({"count", "money", "percent"})
#: units of measure: "tons of grain" counts grain in tons
MEASURES = frozenset({"ton", "tons", "acre", "tonn", "tonne", "barrel", "kilogram", "kilo", "kilometr", "kilometer", "mile", "metr",
                      "meter", "litr", "liter", "gallon", "hectar", "acr", "cubic", "megawatt", "gigawatt"})
_OWN_RE = re.compile(
    r"\b(?:its|their|our|his|her)\s+own\b|\bour\b"
    # "China said later it lost four troops": the claimant's side lost them
    r"|\b(?:it|they|we)\s+(?:has\s+|have\s+|had\s+)?(?:already\s+)?lost\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: what a unit of measure measures, written after it: "tonnes of [the] wheat", "barrels of crude oil"
_MEASURED_RE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?((?:[A-Za-z][\w-]*\s*){1,4})")
#: a word that ends the measured noun phrase ("wheat in October", "grain exported", "oil that ...")
_PHRASE_STOP = frozenset({
    "in", "on", "at", "from", "to", "since", "by", "for", "into", "onto", "out", "over", "under", "through",
    "across", "via", "with", "without", "and", "or", "but", "that", "which", "who", "whose", "were", "was", "is",
    "are", "be", "been", "being", "have", "has", "had", "will", "would", "could", "should", "may", "might", "can",
    "a", "an", "the", "this", "these", "those", "each", "every", "per", "last", "next", "ago", "so", "now",
    "then", "daily", "nightly", "weekly", "monthly", "yearly", "annually", "hourly", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "inside", "within", "outside", "near", "along", "up",
    "down", "off", "behind", "beyond", "still", "abroad", "overseas", "away", "back", "here", "there", "already",
    "also", "too", "yet", "again", "remain", "remains", "lie", "lies", "sit", "sits",
    # participles that do not end in -ed: "grain held up in ports", "products stuck in silos"
    "held", "stuck", "left", "kept", "sent", "sold", "lost", "caught", "brought", "bought", "taken", "stolen",
    "hidden", "frozen", "built", "spent", "grown", "shown", "given", "set", "put", "cut", "due", "bound",
})
#: "corn and other grain", "wheat and other foodstuffs": the stuff named after "and other" takes in the first
_AND_OTHER_RE = re.compile(r"\s+and\s+other\s+([A-Za-z][\w-]*)", re.IGNORECASE)
_PERIODS = {"day": "day", "daily": "day", "night": "day", "nightly": "day", "week": "week", "weekly": "week",
            "month": "month", "monthly": "month", "year": "year", "yearly": "year", "annually": "year",
            "annual": "year", "hour": "hour", "hourly": "hour"}
#: a rate after the counted phrase, in the same clause: "every month", "a day", "per year", "each week",
#: "annually" ("a day after", "a year ago" say when, not how often)
_RATE_AFTER_RE = re.compile(
    r"(?:\b(?:a|an|per|each|every)\s+(day|night|week|month|year|hour)\b(?!\s+(?:after|before|earlier|later|ago|since|"
    r"into|of)\b)|\b(daily|nightly|weekly|monthly|yearly|annually|hourly)\b)",
    re.IGNORECASE,
)
#: a rate before the figure: "an annual 20 million tonnes", "a daily average of 300"
_RATE_BEFORE_RE = re.compile(r"\b(daily|weekly|monthly|yearly|annual)\s+(?:average\s+(?:of\s+)?)?(?:\S+\s+){0,2}$",
                             re.IGNORECASE)
#: what a temperature counts, stemmed ("degrees", "Celsius", "Fahrenheit")
READINGS = frozenset({"degr", "degre", "celsiu", "celsius", "fahrenheit"})
#: units of one measure written several ways ("tons", "tonnes": within any hedge of each other)
_MEASURE_FOLD = {"ton": "tonn", "tons": "tonn", "tonne": "tonn", "kilo": "kilogram", "kilometer": "kilometr",
                 "meter": "metr", "liter": "litr", "acr": "acre"}
_KIND_WORDS = {
    "kill": "killed",
    "wound": "wounded",
    "captur": "captured",
    "miss": "missing",
    "evacuat": "evacuated",
    "arrest": "arrested",
    "displac": "displaced",
    "flee": "fled",
    "fled": "fled",
    "return": "returned",
    "destroy": "destroyed",
    "shot": "shot",
    "lost": "lost",
    "lose": "lost",
    "rescu": "rescued",
    "releas": "released",
    "exchang": "exchanged",
    "detain": "detained",
    "hospitalis": "hospitalised",
    "hospitaliz": "hospitalised",
    "casualty": "casualties",
}
#: a capitalised word that is not a side ("The", a month, a title)
_NOT_SUBJECT = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "at", "least", "more", "than", "about", "some", "over", "nearly", "almost", "up", "to", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def fold_subject(word: str) -> str:
    """"Russian", "Russia's", "Russians", "Russia" -> "russ"; "Ukrainian"/"Ukraine" -> "ukrain"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w.endswith("ians") or w.endswith(("ans", "eans")) and len(w) > 5:
        w = w[:-1]
    for suf in ("ian", "ean", "ia", "an", "ese", "ish", "ain", "i", "a", "e", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """The counted thing of a figure: kind, thing, subject and unit (see the module docstring)."""

    kind: str
    thing: str
    subject: str = ""
    unit: str = "count"
    #: the counted phrase as written, for the label only (not part of equality)
    written: str = field(default="", compare=False)
    #: "event" for a count of one attack or one short period ("killed overnight", "in the blast"),
    #: "total" for a running total ("since the invasion", "so far"), "" when the sentence does not say
    scope: str = ""
    #: a baseline the text sets against the present ("6m tonnes before the war", "normally 300 a day"):
    #: it never matches a figure for the present
    baseline: bool = False
    #: the side as the text writes it ("Russian", "Varnia"), for the label only (not part of equality)
    side: str = field(default="", compare=False)
    #: a count over a window that ends when it is told ("in the past 24 hours", "over the last day"): two such
    #: counts told on different days count different days (not part of equality)
    window: bool = field(default=False, compare=False)

    def matches(self, other: Quantity) -> bool:
        if self.unit != other.unit or self.kind != other.kind or self.baseline != other.baseline:
            return False
        if self.subject and other.subject and self.subject != other.subject:
            return False
        if self.scope and other.scope and self.scope != other.scope:
            return False  # one night's dead are not the war's
        if self.thing and other.thing:
            if self.thing != other.thing and self.measure:
                # "20m tonnes of grain" and "22m tonnes of food": a word for any stuff takes in the rest,
                # and so does a unit with no stuff named ("closer to 8 million cubic metres")
                return any(t in GENERIC_STUFF or t in MEASURES for t in (self.thing, other.thing))
            return self.thing == other.thing
        # "40 killed" may be "53 prisoners killed"; two figures with neither kind nor thing never match
        return bool(self.kind or self.thing)

    def strictly_matches(self, other: Quantity) -> bool:
        """:meth:`matches`, and both name the thing or neither does (the test for a clash)."""
        return self.matches(other) and bool(self.thing) == bool(other.thing)

    def same_toll(self, other: Quantity) -> bool:
        """:meth:`strictly_matches`, or both count people in general (:attr:`people`), or one counts people
        in general and the other the civilians among them (:meth:`generic_of`): the test by which the
        joins of rows read two figures as estimates of one quantity.  A flag keeps the strict test: "four
        people killed" in one strike and "five civilians" killed over a month are both tolls of people,
        yet not one quantity, and only the words around them tell."""
        if not self.matches(other):
            return False
        if bool(self.thing) == bool(other.thing):
            return True
        return (self.people and other.people) or self.generic_of(other) or other.generic_of(self)

    @property
    def people(self) -> bool:
        """A count of people in general, of a harm: "300 people killed", or "300 Ukrainians killed" (a
        nation's people, whose side is the subject), not a bare "40 killed" nor "40 soldiers killed"."""
        if self.kind not in HARM_KINDS:
            return False
        if self.thing:
            return bool(self.subject) and fold_subject(self.thing) == self.subject
        return any(st in HUMAN_GENERIC for st in content_stems(self.written))

    def generic_of(self, other: Quantity) -> bool:
        """This quantity counts people in general (:attr:`people`) and ``other`` the people outside the
        fighting that such a toll is made of ("600 civilians killed"): one harm, one toll told in a wider
        or a narrower word, so the two are rival figures for one quantity.  A bare "40 killed" may count
        anyone, and a head of another class ("soldiers", "prisoners") is never the civilians' toll."""
        return self.people and other.thing in CIVILIAN_HEADS

    @property
    def reading(self) -> bool:
        """A temperature ("19 degrees Celsius", "62 degrees"): the reading of one place at one moment, or
        a setting advised, never a count that rival sources could dispute."""
        return self.thing in READINGS

    @property
    def measure(self) -> str:
        """The unit of measure ("tonn", "barrel") of a measured quantity; "" for counts, money and shares."""
        base = self.unit.partition(" per ")[0]
        return "" if base in _COUNTING_UNITS else base

    @property
    def rate(self) -> str:
        """The period of a rate ("month" for "5m tonnes a month"), or ""."""
        return self.unit.partition(" per ")[2]

    @property
    def label(self) -> str:
        if self.written:
            label = f"{self.written} per {self.rate}" if self.rate else self.written
            return f"{label} (before)" if self.baseline else label
        parts = []
        if self.subject:
            parts.append("own" if self.subject.startswith("own:") else self.side or self.subject.capitalize())
        if self.thing:
            parts.append(self.thing)
        if self.kind:
            parts.append(_KIND_WORDS.get(self.kind, self.kind))
        return " ".join(parts) or self.unit


def kind_word(kind: str) -> str:
    """The word a kind of count reads as ("kill" -> "killed"), or "" for a kind without one."""
    return _KIND_WORDS.get(kind, "")


def says_kind(phrase: str, kind: str) -> bool:
    """Whether ``phrase`` names the outcome ``kind`` counts, in any of its words ("injured" says "wound")."""
    return bool(kind) and any(_KIND_FOLD.get(s, s) == kind for s in content_stems(phrase) if s in OUTCOMES)


def _subject(phrase: str, claimant: str) -> str:
    if _OWN_RE.search(phrase):
        return "own:" + claimant.casefold() if claimant else "own"
    words = [w for w in _CAP_RE.findall(phrase) if w.lower().rstrip("'s’") not in _NOT_SUBJECT]
    # a title-cased phrase ("Bodies Of Killed Soldiers") says nothing by its capitals
    if not words or len(words) >= len(phrase.split()):
        return ""
    return fold_subject(words[0])


#: "Varnia's losses", "Varnian losses", "losses on the Varnian side": what a side lost (the subject when named)
_LOSSES_RE = re.compile(
    r"(?:\b((?-i:[A-Z][a-z]+))['’]s\s+(?:\w+\s+){0,2}|\b((?-i:[A-Z][a-z]+(?:ian|ean|ese|ish|an|i)))\s+)?"
    r"\blosses\b(?:\s+(?:on|of)\s+the\s+((?-i:[A-Z][a-z]+))\s+(?:side|forces|army|military))?",
    re.IGNORECASE,
)
#: the side that lost what a figure counts, named just before it: "Varnia's forces have lost nearly", "the
#: Varnian army lost"
_LOST_BY_RE = re.compile(
    r"\b(?:((?-i:[A-Z][a-z]+))['’]s|((?-i:[A-Z][a-z]+(?:ian|ean|ese|ish|an|i))))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:has\s+|have\s+|had\s+)?(?:already\s+|now\s+)?lost\s+"
    r"(?:(?:nearly|almost|about|some|around|over|more\s+than|at\s+least|up\s+to|as\s+many\s+as)\s+)?$",
    re.IGNORECASE,
)
#: "in the past", "over the preceding": a period that ends when the figure is told
_RECENT = r"(?:in|over|during)\s+the\s+(?:past|last|previous|preceding)\s+"
#: a count of one attack or one short period
_EVENT_RE = re.compile(
    rf"\b(?:overnight|{_RECENT}(?:\d+|twenty-four|24|48|few)?\s*"
    r"(?:hours?|day|night|weekend)|in\s+(?:the|that|this|a|an)\s+(?:\w+\s+)?"
    r"(?:attack|strike|blast|explosion|bombing|shelling|raid|incident|crash|fire|assault)|"
    r"in\s+(?:one|a\s+single)\s+day|(?:deadliest|bloodiest|worst)\s+day)\b|"
    r"\bthe\s+(?:killing|murder|execution|shooting)\s+of\b",
    re.IGNORECASE,
)
#: a count over the day that ends when it is told: "in the past 24 hours", "over the preceding day"
_WINDOW_RE = re.compile(
    rf"\b{_RECENT}(?:(?:24|twenty-four)[\s-]+hours?|day)\b",
    re.IGNORECASE,
)
#: a running total
_TOTAL_RE = re.compile(
    r"\b(?:since\b[^.;:]{0,60}?\b(?:invad\w*|invasion|began|begun|start\w*|outbreak|war|sent|launched|beginning)\b|"
    r"since\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)|"
    r"so\s+far|to\s+date|in\s+total|overall|cumulative)",
    re.IGNORECASE,
)


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    s = ends[-1] if ends else 0
    m_end = _SENTENCE_END.search(text, end)
    return s, (m_end.end() if m_end else len(text))


#: a time before the present the figure is set in: "before the war", "prior to the invasion", "pre-war",
#: "normally"
_BASELINE_RE = re.compile(
    r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:[\w-]+(?:['’]s)?\s+)?(?:war|invasion|conflict|crisis|pandemic|"
    r"blockade|outbreak|siege)\b|\bpre-?(?:war|invasion|pandemic|crisis|conflict)\b|\b(?:normally|usually|"
    r"in\s+normal\s+times|in\s+peacetime)\b",
    re.IGNORECASE,
)
#: words that set one figure against another: a baseline before them is not the later figure's
_CONTRAST_RE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|while|whereas|but|now|currently|today|this\s+year)\b"
                          r"|[–—;:]", re.IGNORECASE)


def _baseline(text: str, start: int, end: int, counted: str) -> bool:
    """Whether the clause sets the figure at ``start``..``end`` before the present ("before the war, 6m
    tonnes were exported each month", "compared with 6m tonnes before the war")."""
    s, e = _sentence_of(text, start, end)
    before = text[max(s, start - 70) : start]
    parts = _CONTRAST_RE.split(before)
    if _BASELINE_RE.search(parts[-1]):
        return True
    after = text[end : min(e, end + len(counted) + 45)]
    after = _CONTRAST_RE.split(after)[0]
    return bool(_BASELINE_RE.search(after))


#: a count of one day told as such: "killed in one day", "its deadliest day of the war"
_ONE_DAY_RE = re.compile(r"\b(?:in\s+(?:one|a\s+single)\s+day|(?:deadliest|bloodiest|worst)\s+day)\b", re.IGNORECASE)


def _scope(text: str, start: int, end: int) -> str:
    """"event", "total" or "" for the figure at ``start``..``end`` of ``text`` (see :class:`Quantity`)."""
    s, e = _sentence_of(text, start, end)
    sentence = text[s:e]
    if _ONE_DAY_RE.search(sentence):
        return "event"  # "the deadliest day since the invasion began": the "since" dates the superlative
    total = bool(_TOTAL_RE.search(sentence))
    event = bool(_EVENT_RE.search(sentence))
    if total == event:
        return ""  # neither, or both ("killed in the attack, the toll since March ...")
    return "total" if total else "event"


_WORD_RE = re.compile(r"[\w'’]+")
_CONJUNCTIONS = frozenset({"and", "but", "or", "while", "whereas", "then"})


def _outcome_of_another_verb(kind: str, text: str, start: int, end: int) -> bool:
    """The outcome found after the figure belongs to another predicate ("identified 12 suspects and
    has arrested eight"): a conjunction stands between, and nothing before the figure names it."""
    from .tokens import stem

    before = _CLAUSE_END.split(text[max(0, start - 120) : start])[-1]
    if kind in content_stems(before)[-6:]:
        return False
    after = _CLAUSE_END.split(text[end : end + 120])[0]
    for w in _WORD_RE.findall(after):
        lw = w.lower()
        if lw in _CONJUNCTIONS:
            return True
        if stem(lw) == kind:
            return False
    return False


_AND_BEFORE_RE = re.compile(r"\band\s+$", re.IGNORECASE)
#: a predicate of its own after a figure: "... and 100,000 are still awaiting evacuation"
_OWN_PREDICATE_RE = re.compile(
    r"\s*(?:[a-z]+\s+){0,2}?(?:are|were|is|was|have|has|had|remain\w*|stay\w*|still)\b", re.IGNORECASE)


def _own_predicate_after_and(text: str, start: int, end: int) -> bool:
    """The figure opens a clause of its own after "and", whose predicate names no outcome: "21,000 civilians
    have been killed and 100,000 are still awaiting evacuation" -- the 100,000 were not killed."""
    if not _AND_BEFORE_RE.search(text[max(0, start - 8) : start]):
        return False
    after = _CLAUSE_END.split(text[end : end + 120])[0]
    if not _OWN_PREDICATE_RE.match(after):
        return False
    return not any(st in OUTCOMES for st in content_stems(after))


def _under_split_total(figure: Figure, text: str, start: int, end: int) -> bool:
    """The sentence splits a total into shares ("38 of the 50 killed died at once, 12 in hospital")
    and this figure is one of the shares: smaller than the total, not the total itself."""
    s, e = _sentence_of(text, start, end)
    for m in _TOTAL_OF_RE.finditer(text, s, e):
        if m.start(1) <= start < m.end(1):
            return False  # the total itself
        try:
            total = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        if figure.value < total:
            return True
    return False


def _measured(text: str, end: int, counted: str) -> str:
    """The stem of what a unit of measure measures, read after the figure ending at ``end``: "4.5
    million tonnes of wheat in March" -> "wheat", "metric tonnes of food supplies" -> "suppli"; "" when
    the text does not say."""
    after = text[end : end + 120]
    words = counted.split()
    if not words:
        return ""
    at = 0
    for i, w in enumerate(words):  # the counted phrase again, as written: blanks before it, between its words
        at = _after_blanks(after, at, w, 1 if i else 0)
        if at < 0:
            return ""
    of = _MEASURED_RE.match(after, at)
    if of is None:
        return ""
    phrase, at = _noun_phrase(after, of.start(1))
    broader = _AND_OTHER_RE.match(after, at) if phrase else None
    if broader is not None:
        # "tonnes of corn and other grain": what is measured is the grain, of which the corn is a part
        phrase, _at = _noun_phrase(after, broader.start(1))
    stems = [st for st in content_stems(" ".join(phrase)) if st not in OUTCOMES]
    return stems[-1] if stems else ""


_PHRASE_WORD_RE = re.compile(r"\s*([A-Za-z][\w-]*)")


def _after_blanks(text: str, at: int, literal: str, least: int) -> int:
    r"""Where ``literal`` (not starting with a blank) ends when ``text`` holds it after the blanks at ``at`` (at
    least ``least`` of them); -1 when it does not.  What ``re.match(r"\s*" + re.escape(literal), text[at:])``
    (``\s+`` for one blank or more) tells, without compiling a pattern for each counted phrase: a cold
    comparison met ~1,800 phrases, and compiling their patterns took a fifth of :func:`quantity_of`'s time
    (``\s`` and :meth:`str.isspace` are one set of characters)."""
    i, n = at, len(text)
    while i < n and text[i].isspace():
        i += 1
    if i - at < least or not text.startswith(literal, i):
        return -1
    return i + len(literal)


#: a participle after a counted phrase ("units operating"), matched where the phrase ends
_PARTICIPLE_AFTER_RE = re.compile(r"\s+([a-z]{2,}ing)\b")
#: a word and "of" after a figure ("50 miles of", "a range of"): the length measures something named
_LENGTH_OF_RE = re.compile(r"\s*\S*\s+of\s")


def _noun_phrase(text: str, at: int, most: int = 4) -> tuple[list[str], int]:
    """The words of the noun phrase at ``at`` of ``text`` (at most ``most``, up to a word of
    :data:`_PHRASE_STOP` or a participle after the first), and where it ends."""
    phrase: list[str] = []
    while len(phrase) < most:
        m = _PHRASE_WORD_RE.match(text, at)
        if m is None:
            break
        lw = m.group(1).lower()
        if lw in _PHRASE_STOP or (phrase and lw.endswith(("ed", "ing"))):
            break
        phrase.append(m.group(1))
        at = m.end()
    return phrase, at


def _rate(text: str, start: int, end: int) -> str:
    """The period of a rate the clause gives a figure ("every month", "a day", "annual"), or ""."""
    after = _CLAUSE_END.split(text[end : end + 80])[0]
    m = _RATE_AFTER_RE.search(after)
    if m is None:
        before = _CLAUSE_END.split(text[max(0, start - 40) : start])[-1]
        m = _RATE_BEFORE_RE.search(before)
    if m is None:
        return ""
    word = next(g for g in m.groups() if g)
    return _PERIODS[word.lower()]


def quantity_of(
    figure: Figure, context: tuple[str, int, int] | None = None, claimant: str = ""
) -> Quantity | None:
    """The quantity a figure counts, or None when it says too vaguely (see the module docstring)."""
    counted = figure.counted.strip()
    bare_length = _BARE_LENGTH_RE.fullmatch(counted) is not None and not (
        context is not None and _LENGTH_OF_RE.match(context[0][context[2] : context[2] + 40])
    )
    if _LOCATOR_RE.match(counted) or bare_length:
        # "80 miles west of the capital" says where something is; "a range of 50 miles" or
        # "60 kilometres (37 miles)" does not say of what: neither is a count to set against another
        return None
    stems = content_stems(counted)
    kind = next((s for s in stems if s in OUTCOMES), "")
    if not kind and context is not None:
        kind = context_outcome(*context)
        if kind and (_outcome_of_another_verb(kind, *context) or _own_predicate_after_and(*context)):
            kind = ""
    losses_of = ""
    if context is not None and (not kind or kind in _LOSS_KINDS):
        # "Varnia's combat losses ... included about 900 people": what a side lost; "losses on the
        # Varnian side were higher, at 6,100 soldiers killed": whose dead they are
        text, s, _e = context
        clause = _SENTENCE_END.split(text[max(0, s - 160) : s])[-1]
        # the last "losses" before the figure: "Russia's losses ..., while losses on the Varnian side ..."
        found = list(_LOSSES_RE.finditer(clause))
        m = found[-1] if found else None
        if m:
            kind, losses_of = kind or "lost", m.group(1) or m.group(2) or m.group(3) or ""
    parts = _OF_RE.split(counted, maxsplit=1)
    first = parts[0]
    heads = [s for s in content_stems(first) if s not in OUTCOMES]
    if heads and heads[0] in FREQUENCY_HEADS:
        return None  # "hit three times" / "awarded three times": how often something happened, no quantity
    thing = heads[-1] if heads else ""
    measure = ""
    if thing in MEASURES and len(parts) > 1:
        # "20 million tons of grain": the thing is grain, counted in tons
        rest = [s for s in content_stems(_CLAUSE_END.split(parts[1])[0]) if s not in OUTCOMES][:3]
        if rest:
            measure, thing = thing, rest[-1]
    elif thing in MEASURES and context is not None:
        # "4.5 million tonnes of wheat": the figure's counted phrase stops at the unit
        stuff = _measured(context[0], context[2], counted)
        if stuff:
            measure, thing = thing, stuff
    if thing in MEASURES and not measure:
        # "closer to 8 million cubic metres": measured in cubic metres, of what the text does not say
        measure = thing
    measure = _MEASURE_FOLD.get(measure, measure)
    if figure.kind == "percent" and not kind and thing in _CHANGE_HEADS and not measure:
        # "maize was 23% higher", "up 30% compared with last year": a change of what the sentence names before the
        # figure, not a share of something; two such changes count the same thing no more often than chance
        return None
    if thing == "casualti":
        thing = ""
        kind = kind or "casualty"
    if thing in GENERIC_HEADS:
        thing = ""
    if not thing and context is not None and kind in HARM_KINDS:
        # "the town's civilian death toll had passed 1,450": whose toll it is, named before "toll"
        owner = _TOLL_OF_RE.search(_CLAUSE_END.split(context[0][max(0, context[1] - 80) : context[1]])[-1])
        word = _stem(owner.group(1).lower()) if owner else ""
        if word in CIVILIAN_HEADS or word in _SIDE_HEADS:
            thing = _SIDE_HEADS.get(word, word)
    if context is not None and _BODIES_OF_RE.search(context[0], max(0, context[1] - 60), context[1]):
        # "the bodies of 1,212 soldiers killed in combat": the verb that governs the bodies says what
        # happened to them ("returned"); the killing only says whose bodies they are
        thing = "bodi"
        if kind in _LOSS_KINDS:
            before = context_outcome(context[0], context[1], context[1])
            kind = before if before not in _LOSS_KINDS else ""
    if thing and context is not None and counted and plural_noun(counted.split()[-1]):
        # "one of the four units operating": the participle after the counted phrase narrows what is counted
        # (the units that operate, not the plant's six units), though the phrase shown stops at the noun
        text, _s, e = context
        # re.match(r"\s+" + re.escape(counted) + r"\s+([a-z]{2,}ing)\b", ...) in two steps (the counted phrase
        # is stripped, so the blanks before it are all of them): no pattern compiled per phrase
        following = text[e : e + len(counted) + 40]
        at = _after_blanks(following, 0, counted, 1)
        m = _PARTICIPLE_AFTER_RE.match(following, at) if at >= 0 else None
        if m and narrowing_participle(m.group(1)):
            thing = f"{thing} {_stem(m.group(1))}"
    # "1,300 of its own troops", "500 of our soldiers": the subject may sit after "of"
    subject = _subject(counted, claimant)
    if not subject and context is not None:
        text, s, e = context
        before = _CLAUSE_END.split(text[max(0, s - 40) : s])[-1]
        after = text[e : e + 30]
        if _OWN_RE.search(before) or _OF_OWN_RE.match(after):
            subject = "own:" + claimant.casefold() if claimant else "own"
    side = ""
    if not subject and context is not None:
        # "Varnia's forces have lost nearly 6,000 troops", "the Varnian army lost 600": the loser is the side
        text, s, _e = context
        m = _LOST_BY_RE.search(_CLAUSE_END.split(text[max(0, s - 80) : s])[-1])
        if m:
            side = m.group(1) or m.group(2)
            subject = fold_subject(side)
    if not subject and losses_of:
        subject, side = fold_subject(losses_of), losses_of
    if not subject and claimant:
        # "the Ukrainian military said 1,300 soldiers were killed": a side that names no
        # other side reports its own losses
        m = _DEMONYM_RE.match(claimant.strip())
        if m and not _GIVEN_NAME_RE.match(claimant.strip(), m.end()) and _SIDE_BODY_RE.match(claimant.strip(), m.end()):
            subject, side = fold_subject(m.group(1)), m.group(1)
    if context is not None and kind in ("kill", "wound", "injur") and _BOTH_HARMS_RE.match(context[0], context[2]):
        kind = "casualty"  # "killed or injured": neither the dead alone nor the wounded alone
    if kind not in ("lost", "lose") or figure.kind == "count" and not measure:
        # a count lost is the dead ("lost 300 soldiers"); a share, a sum or a load lost is value, not lives
        kind = _KIND_FOLD.get(kind, kind)
    if not kind and not thing:
        return None
    # "eight other prisoners", "another 75": a part counted beside others, not the whole
    before = ""
    if context is not None:
        text, s, _e = context
        before = " ".join(text[max(0, s - 25) : s].split()[-1:]).lower()
    share_of = context is not None and (
        bool(_SHARE_OF_RE.match(context[0], context[2]) or _OUT_OF_RE.match(context[0], context[2]))
        or _under_split_total(figure, *context)
    )
    if _PART_RE.search(counted) or before in _PART_WORDS or share_of:
        thing = "other " + thing if thing else "other"
    if context is not None:
        text, s, _e = context
        clause = _CLAUSE_END.split(text[max(0, s - 80) : s])[-1]
        after = _CLAUSE_END.split(text[_e : _e + 80])[0]
        sentence = _SENTENCE_END.split(text[max(0, s - 200) : s])[-1]
        if _PLANNED_RE.search(clause) or _MODAL_BEFORE_RE.search(clause) or _BEGUN_RE.search(clause) or (
                _ALLOWED_AFTER_RE.match(after)) or _ACCORD_CONTENT_RE.search(sentence) or _to_reach_by(text, s, _e):
            # "pledged to return 6,000" is a promise, not the count of what happened
            kind = "planned " + kind if kind else "planned"
    unit = figure.kind if figure.kind in ("money", "percent") else measure or "count"
    if context is not None and figure.kind != "percent":
        period = _rate(*context)
        if period:
            unit += " per " + period
    scope = _scope(*context) if context is not None and kind else ""
    baseline = context is not None and _baseline(*context, counted)
    # a count of what happened in the past day: a toll of one period, or a count that names no outcome ("six
    # towns were shelled over the past day")
    window = (scope == "event" or not kind) and context is not None and _in_window(*context)
    return Quantity(kind, thing, subject, unit, counted, scope, baseline, side, window)


def _to_reach_by(text: str, start: int, end: int) -> bool:
    """The figure at ``start``..``end`` is a level to be reached by a deadline of its sentence, with no other
    figure between the two, in a sentence about what is to come ("will cut 90% of its imports by year-end",
    "by the close of this year the levy should cover 85%"): a target, not today's level, so "60% at once,
    rising to 85% by the close of the year" sets no rival figures."""
    s, e = _sentence_of(text, start, end)
    if _FUTURE_RE.search(text, s, e) is None:
        return False
    for m in _DEADLINE_RE.finditer(text, s, e):
        between = text[end : m.start()] if m.start() >= end else text[m.end() : start]
        if not any(ch.isdigit() for ch in between):
            return True
    return False


def _in_window(text: str, start: int, end: int) -> bool:
    s, e = _sentence_of(text, start, end)
    return _WINDOW_RE.search(text, s, e) is not None
