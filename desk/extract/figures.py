"""The figure finder: cardinal quantities and their hedges, in plain Python.

It runs on every passage at index time, so it is one compiled regular
expression plus cheap checks of the words around each match; no spaCy.

What counts (see ../shared/gold/GUIDE.md): digits with separators and
decimals, ``1.2K``, ``5.7 million``, money (``$2``, ``£3bn``), percentages,
number words (``three``, ``twenty-five``), ranges (``between 500 and 700``).
What does not: dates, times, durations, years, ordinals, identifiers and
numbers inside names (``Su-25``, ``G7``, ``COVID-19``), vague quantities
(``dozens``), and ``one`` used as a pronoun.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from desk.model import Figure

from .participles import ING_NEVER_ADJECTIVES, ING_PREPOSITIONS, narrowing_participle, plural_noun

# --------------------------------------------------------------------------
# Vocabulary

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SCALE_ABBREV = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day", "days",
    "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "night", "nights", "weekend", "weekends", "fortnight", "fortnights",
    "a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "bst", "cet", "est", "edt", "pst",
    "am,", "pm,", "a.m", "p.m", "millennium", "yrs", "sec", "secs", "h", "hrs.",
}
#: words before a number that make it a label, not a quantity ("Article 5")
LABEL_WORDS = {
    "article", "section", "chapter", "resolution", "paragraph", "clause", "page", "pages",
    "flight", "route", "highway", "no", "no.", "nos", "number", "unit", "version", "phase",
    "stage", "category", "grade", "type", "model", "block", "gate", "platform", "item",
    "level", "room", "apartment", "building", "house", "district", "precinct", "vol",
    "vol.", "volume", "issue", "episode", "season", "part", "act", "amendment", "rule",
    "bill", "law", "decree", "code", "step", "figure", "fig.", "table", "minsk", "protocol",
    "channel", "line", "point", "sector", "zone", "bus", "train", "tram", "lane", "street",
    "exit", "brigade", "regiment", "battalion", "division", "corps", "army", "squad",
    "year", "class", "term", "round", "day", "week", "seat", "tier", "ward", "number,",
}
PERCENT_WORDS = ("percent", "per cent", "percentage points", "pc")
MONEY_WORDS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "hryvnia", "hryvnias", "hryvnas",
    "rouble", "roubles", "ruble", "rubles", "yuan", "yen", "francs", "zloty", "lira", "usd",
    "eur", "uah", "rub", "gbp", "cents",
}
MONEY_SYMBOLS = {"$": "money", "£": "money", "€": "money", "¥": "money", "₴": "money", "₽": "money"}

#: hedge words before a figure, longest first, normalised to the guide's set
HEDGES: list[tuple[str, str]] = [
    ("in excess of", "more than"),
    ("upwards of", "more than"),
    ("just more than", "more than"),
    ("slightly more than", "more than"),
    ("well over", "more than"),
    ("just over", "more than"),
    ("more than", "more than"),
    ("over", "more than"),
    ("no fewer than", "at least"),
    ("no less than", "at least"),
    ("not less than", "at least"),
    ("at least", "at least"),
    ("a minimum of", "at least"),
    ("fewer than", "less than"),
    ("less than", "less than"),
    ("just under", "less than"),
    ("under", "less than"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("just shy of", "nearly"),
    ("up to", "up to"),
    ("as many as", "up to"),
    ("a maximum of", "up to"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("roughly", "about"),
    ("around", "about"),
    ("about", "about"),
    ("some", "about"),
    ("approx.", "about"),
    ("circa", "about"),
    ("some", "about"),
]
_HEDGE_RE = re.compile(
    r"(?:^|(?<=[^\w'’-]))(" + "|".join(re.escape(h) for h, _ in HEDGES) + r")\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_HEDGE_MAP = {h: q for h, q in HEDGES}

# a number written in digits: 14,000 / 14 000 / 14400 / 1.2 / .5 is not accepted
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUM = (
    r"(?:" + "|".join(sorted(TENS_WORDS, key=len, reverse=True)) + r")(?:[-‐ ](?:"
    + "|".join(k for k in UNITS_WORDS if 0 < UNITS_WORDS[k] < 10) + r"))?"
    + r"|" + "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_NUMBER = (
    r"(?P<cur>US\$|A\$|C\$|[$£€¥₴₽])?\s?"
    r"(?:(?P<dig>" + _DIGITS + r")(?P<abbr>(?:[kK]|bn|mn|mln|tn|m|b)(?![\w]))?"
    r"|(?P<word>(?:" + _WORD_NUM + r")(?:\s+(?:" + _WORD_NUM + r"|" + _SCALE + r"|and))*?)(?![\w’']))"
    r"(?P<scale>(?:\s+|(?<=\d))" + _SCALE + r"(?:\s+" + _SCALE + r")?(?![\w]))?"
    r"(?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b)?"
)
_FIGURE_RE = re.compile(r"(?<![\w.,$£€¥₴₽/#@-])" + _NUMBER, re.IGNORECASE)

_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to|and)\s*(?P<hi>US\$|[$£€])?(?P<num>" + _DIGITS + r")\b", re.IGNORECASE
)
#: a scale word after the second number of a range: "5-6 million", "between 20 and 25 billion"
_RANGE_SCALE = re.compile(r"\s+(" + _SCALE + r"(?:\s+" + _SCALE + r")?)(?![\w-])", re.IGNORECASE)
#: a half after a whole number: "two and a half", "nine-and-a-half", "3½"
_HALF_TAIL = re.compile(r"½|(?:\s+|[-‐])and(?:\s+|[-‐])an?(?:\s+|[-‐])half(?![\w-])|(?:\s+|[-‐])and(?:\s+|[-‐])an?(?:\s+|[-‐])half(?=-)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:\b(?:" + MONTHS + r")\.?,?\s+(?:the\s+)?)$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?(?:\s+of)?\s+(?:" + MONTHS + r")\b")
_WORD_AFTER = re.compile(r"^[\s\u00a0]*([A-Za-z][A-Za-z.'’]*(?:-[A-Za-z]+)*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)[\s\u00a0]*$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_HYPHEN_UNIT_AFTER = re.compile(r"[-‐]([A-Za-z]+)")

_STOP_COUNTED = {
    "the", "a", "an", "in", "on", "at", "of", "have", "has", "had", "been", "were", "was", "are",
    "is", "be", "being", "and", "or", "but", "who", "which", "that", "to", "from", "by", "with",
    "for", "since", "as", "than", "this", "these", "those", "its", "their", "his", "her", "it",
    "they", "he", "she", "we", "i", "you", "so", "far", "into", "over", "under", "after",
    "before", "during", "while", "when", "where", "if", "per", "each", "according", "said",
    "says", "say", "claimed", "claims", "out", "up", "down", "off", "about", "around", "more",
    "less", "will", "would", "could", "can", "may", "might", "should", "not", "no", "also",
    "still", "now", "just", "only", "then", "there", "here", "all", "both", "between", "across",
    "including", "included", "include", "includes", "against", "toward", "towards", "near",
    "because", "though", "although", "reportedly", "already", "yet", "either", "such", "them",
    # prepositions that open a phrase of their own: "$1.1bn through the end of May", "40 km beyond the river"
    "through", "throughout", "until", "till", "within", "beyond", "via", "amid", "despite", "among", "without",
    "above", "below", "behind", "along", "upon", "unlike",
}
_AUX = {
    "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "reportedly",
    "also", "now", "already", "since", "so", "far", "allegedly", "reported", "confirmed",
    "officially", "believed", "thought", "said", "to", "were,",
}
_PARTICIPLES = {
    "killed", "wounded", "injured", "captured", "released", "returned", "freed", "exchanged",
    "missing", "dead", "displaced", "evacuated", "arrested", "detained", "destroyed",
    "damaged", "hurt", "deported", "downed", "shot", "hit", "lost", "taken", "rescued",
    "sentenced", "repatriated", "mobilised", "mobilized", "conscripted", "recruited",
    "deployed", "affected", "buried", "identified", "intercepted", "launched", "fired",
    "abducted", "imprisoned", "held", "liberated", "seized", "occupied", "treated",
    "hospitalised", "hospitalized", "executed", "tortured", "sent", "fled", "trapped",
}
_ONE_NOT_BEFORE = {
    "of", "another", "who", "that", "which", "and", "or", "is", "was", "has", "had", "the",
    "a", "an", "to", "in", "on", "at", "by", "for", "with", "would", "will", "can", "could",
    "should", "must", "may", "might", "does", "did", "way", "thing", "time", "day", "night",
    "morning", "evening", "afternoon", "point", "side", "hand", "more", "less", "too", "else",
    "such", "after", "as", "but", "if", "than", "out", "from", "way,", "way.", "against",
    "over", "year", "week", "month", "hour", "minute", "second", "moment", "another.", "i",
}
_PREPOSITIONS = {
    "in", "of", "to", "on", "at", "from", "with", "for", "by", "into", "near", "within", "inside",
    "onto", "toward", "towards", "through", "across", "behind", "beside", "under", "over", "about",
}
_ONE_NOT_AFTER = {
    "no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone",
    "everyone", "only", "some", "no-", "one", "any-", "this-", "a", "at", "as", "which-",
    "whichever", "little", "big", "last", "first", "new", "old", "right", "wrong", "good",
    "bad", "young", "such",
}
#: plural vague quantities are never figures on their own: "dozens", "hundreds"
_VAGUE_AFTER_OF = re.compile(r"^\s+of\s+(?:thousands|millions|hundreds|billions)\b", re.IGNORECASE)


def _word_value(words: str) -> float | None:
    """"twenty-five" -> 25, "two hundred and ten" -> 210, "five million" -> 5e6."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in re.split(r"[\s\-‐]+", words.lower()):
        if not raw or raw == "and":
            continue
        if raw in UNITS_WORDS:
            current += UNITS_WORDS[raw]
        elif raw in TENS_WORDS:
            current += TENS_WORDS[raw]
        elif raw == "hundred":
            current = (current or 1) * 100
        elif raw in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[raw]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(digits: str) -> float:
    return float(digits.replace(",", ""))


_HEADLINE_REACH = 400


def _is_title_case_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a headline in Title Case?"""
    # a headline is short: look no further than this either side (a whole article on one
    # line made this scan, once per figure, quadratic in the article's length)
    ls = text.rfind("\n", max(0, pos - _HEADLINE_REACH), pos)
    if ls < 0 and pos > _HEADLINE_REACH:
        return False
    ls += 1
    le = text.find("\n", pos, pos + _HEADLINE_REACH)
    if le < 0:
        if len(text) - pos > _HEADLINE_REACH:
            return False
        le = len(text)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’]*", text[ls:le]) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.8 * len(words)


_CAP_WORDS_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3})$")


#: words that open a sentence before its figure: "Nearly 40 ...", "Another 12 ..."
_OPENERS = {"nearly", "almost", "some", "roughly", "approximately", "another", "only", "fewer", "least", "exactly"}


#: a run of capitalised words after a number that ends in a plural ("16 Heavy Rocket Launchers"),
#: before punctuation, a lowercase word or the end: a count of a named kind of thing
_PLURAL_CAPS_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,5}[A-Z][\w'’-]*[^sSuUiI\W]s(?=[\s,.;:()]|$)(?!\s+[A-Z])")


def _after_name(text: str, s: int, before: str, e: int, hi: int, abbr: str | None = None) -> bool:
    """Does a number close a proper name ("Nord Stream 2", "Apollo 11")?"""
    m = _CAP_WORDS_BEFORE.search(before)
    if not m or _is_title_case_line(text, s):
        return False
    words = m.group(1).split()
    first_at = s - len(m.group(1))
    ends = [i for i, w in enumerate(words) if w.endswith(".") and len(w) > 3]
    if ends and ends[-1] + 1 < len(words) and words[ends[-1] + 1].lower() in _STOP_COUNTED | _OPENERS:
        # "on Monday. About 80": a sentence ended, and the next starts with a hedge or a function
        # word, not a name ("... Kharkiv. Visegrad 24 tweeted" still ends in a name)
        return False
    if words[0].rstrip(".") in _MONTH_NAMES:
        return False
    if len(words) == 1 and not abbr and _PLURAL_CAPS_AFTER.match(text, e, min(hi, e + 120)):
        # one capitalised word before, a capitalised plural after: the plural is the thing
        # counted ("sent Ukraine 16 Rocket Systems"); after a longer name it stays a name
        # ("World War 2 Veterans")
        return False
    # the capitals must be a name, not the start of a sentence ("In 2022", "About 40")
    if len(words) == 1 and _sentence_initial(text, first_at):
        return False
    determined = len(words) == 2 and _sentence_initial(text, first_at) and words[0].lower() in _DETERMINERS
    if len(words) >= 2 and not determined:
        return not (len(words) == 2 and _sentence_initial(text, first_at) and words[0].lower() in _STOP_COUNTED)
    # a word with a determiner or a count before it and a number after it is a model or a title, and the
    # number is part of its name: "its Boeing 777 fleet", "the Title 42 order", "40 Leopard 2 tanks", "The
    # Expedition 67 crew"; a number after a bare name counts ("gave Ukraine 40 tanks", "sent Kyiv 300 drones")
    # ("the EU's 27 members" counts: a possessive owns the number; "a Mach 9 missile" is a speed)
    if (determined or _DETERMINER_BEFORE.search(before, 0, m.start())) and not _OWNER_OR_UNIT.match(words[-1]):
        return True
    nxt = _WORD_AFTER.match(text[e : min(hi, e + 80)])
    if nxt and nxt.group(1).lower() in _NAME_ENDS_BEFORE:
        # the number counts nothing: it ends the name ("a Boeing 747 from the fleet", "Title 42 in court",
        # "told France 24 on Monday")
        return True
    return not (nxt and nxt.group(1)[:1].islower())


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})
#: a determiner, a possessive pronoun or a count right before a capitalised word
_DETERMINER_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:" + "|".join(sorted(_DETERMINERS)) + r")|(?<![\w.,])\d[\d,]*|\b(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|dozen))\s+$",
    re.IGNORECASE,
)


_OWNER_OR_UNIT = re.compile(r"(?:.*['’]s?|Mach)$")


#: words that follow a name, never a number's counted thing
_NAME_ENDS_BEFORE = frozenset({
    "from", "with", "will", "would", "was", "is", "has", "had", "at", "in", "on", "for", "took",
    "landed", "crashed", "flew", "said", "says", "reported", "reports", "told", "tweeted", "wrote",
})


#: a bare number and a joining word right before another number: "Nord Stream 1 and " 2
_NUMBER_AND_BEFORE = re.compile(r"(?<![\w.,])(\d{1,4})\s*(?:,|and|or|&)\s*$")


def _coordinated_with_name_number(text: str, s: int, lo: int, hi: int, depth: int = 4) -> bool:
    """Is the number at ``s`` joined by "and"/"or"/"," to a number that closes a name?

    The list may be longer: "Falcon 3, 4 and 5" (up to ``depth`` numbers back).
    """
    m = _NUMBER_AND_BEFORE.search(text, max(lo, s - 16), s)
    if not m:
        return False
    s2, e2 = m.start(1), m.end(1)
    if _after_name(text, s2, text[max(lo, s2 - 40) : s2], e2, hi):
        return True
    return depth > 1 and _coordinated_with_name_number(text, s2, lo, hi, depth - 1)


_MONTH_NAMES = set(MONTHS.split("|"))
_AGE_BEFORE = re.compile(r"[A-Z][\w'’-]+\s*[,(]\s*(?:aged\s+)?$")
#: a determiner right before a year that modifies a plural: "the 2024 launches", "their 2019 talks"
_YEAR_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their|his|her|our|your"
    # ... or a word that picks out which ones, never how many: "other potential 2024 hopefuls"
    r"|other|potential|possible|likely|future|upcoming|prospective|would-be|planned|declared|rival|fellow)"
    r"|\w['’]s)\s+$",  # ... or an owner: "the party's 2024 hopefuls"
    re.IGNORECASE,
)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|of|by|from|until|till|to|early|late|mid|summer|winter|spring|autumn|fall|year"
    # a period of a year's accounts: "second-half 2021 dividends", "nine-month 2022 results", "fiscal 2023 sales"
    r"|(?:first|second|third|fourth)[-‐ ](?:half|quarter)|\w+[-‐]month|full[-‐]year|fiscal|financial|calendar)\s*$",
    re.IGNORECASE,
)


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"“‘'(«–—-":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;|"


def _hedge(text: str, start: int) -> tuple[str, int | None]:
    window = text[max(0, start - 30) : start]
    m = _HEDGE_RE.search(window)
    if not m:
        return "", None
    phrase = re.sub(r"\s+", " ", m.group(1).lower())
    q = _HEDGE_MAP.get(phrase, "")
    return q, max(0, start - 30) + m.start(1)


#: words of time that end the counted phrase: "killed at least 19 people Friday"
_TIME_AFTER_COUNTED = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight", "overnight", "earlier", "later", "last", "next",
}


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")

#: verbs a plural subject takes in the present tense: after a plural noun they open the predicate, so the
#: thing counted ends before them ("two adult children remain", "54% of independents disapprove")
_PRESENT_VERBS = frozenset({
    "remain", "need", "face", "go", "believe", "trust", "support", "continue", "take", "approve", "disapprove",
    "want", "live", "work", "come", "get", "make", "know", "think", "agree", "oppose", "favour", "favor",
    "withdraw", "arrive", "leave", "stay", "die", "fight", "flee", "wait", "see", "expect", "fear", "hope",
    "try", "struggle", "join", "vote", "use", "receive", "own", "lack", "earn", "pay", "spend", "cost", "reach",
    "seem", "appear", "become", "stand", "sit", "lie", "rise", "fall", "run", "show", "suggest", "consider",
    "plan", "decide", "refuse", "demand", "call", "ask", "begin", "start", "keep", "hold", "cross", "enter",
    "meet", "say", "tell", "include", "belong", "account", "speak", "depend", "rely", "represent",
})
#: past tenses without -ed: "two first ladies met", "13 Russian missiles struck"
_IRREGULAR_PAST = frozenset({
    "met", "cast", "thought", "struck", "fought", "caught", "took", "broke", "told", "sat", "won", "bought",
    "came", "went", "gave", "got", "made", "saw", "began", "ran", "rose", "fell", "stood", "kept", "knew",
    "brought", "paid", "spent", "flew", "drove", "wrote", "spoke", "chose", "grew", "found", "put",
    "sought", "said", "felt", "heard", "did",
})
#: the one past tense that says what happened to the things counted, as a participle would ("five people died")
_OUTCOME_PAST = frozenset({"died"})
#: words after a plural noun that open a phrase of their own: "troops along the border", "tanks among the losses"
_PHRASE_OPENERS = frozenset({"along", "amid", "among", "amongst", "without", "whose", "every", "via", "despite",
                             "throughout", "upon", "plus", "within", "versus", "aboard"})
#: a unit named after a person, the one capitalised word a plural measure takes after it ("degrees Celsius")
_CAPITAL_UNITS = frozenset({"celsius", "fahrenheit", "kelvin"})


#: a named subject and the participle-like past it did to the things counted: "Russia fired", "Moscow's forces launched"
_DONE_BY_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}([a-z]+)\b")


def _predicate_after_plural(word: str, raw: str) -> bool:
    """Does ``word``, right after a plural noun, begin what is said of the things rather than name them?

    A past tense, a negated auxiliary or an adverb ("states *voted*", "nations *currently* control"), a
    present-tense verb of a plural subject, a capitalised word (a new subject), or a word that opens a phrase.  The participles of outcomes stay ("soldiers killed",
    "people missing"), as do distances ("miles away", "km north").
    """
    if word in _PARTICIPLES or word in _OUTCOME_PAST:
        return False
    if word.endswith("ed") or (word.endswith("ly") and len(word) > 4) or word.endswith(("n't", "n’t")):
        return True
    if raw[:1].isupper() and word not in _CAPITAL_UNITS:
        return True  # a new subject: "the $600 fuel grants Councillors approved"
    return word in _PRESENT_VERBS or word in _IRREGULAR_PAST or word in _PHRASE_OPENERS


def _singular_head(word: str) -> bool:
    """Can ``word`` (after "one") be the noun the phrase counts, not a word before it ("badly", "newly elected",
    "armed")?  A capitalised word is a name or a nationality; a lower-case one may be a noun unless it ends as
    an adverb or a participle does."""
    return word[:1].islower() and not word.endswith(("ly", "ed", "ing", "-"))


#: present tenses of a plural subject that are never nouns: right after a figure they begin what the share or the
#: group said or holds ("52% think not"), and name no thing counted
_VERBS_NEVER_NOUNS = frozenset({
    "approve", "disapprove", "think", "want", "believe", "oppose", "favor", "favour", "agree", "disagree",
    "expect", "prefer", "feel", "know", "reckon", "say", "see",
})


#: ... but a compound noun may open with one ("two think tanks")
_VERB_COMPOUND_NOUN = re.compile(r"think[\s-]+tanks?\b", re.IGNORECASE)


def _predicate_after_single(word: str) -> bool:
    """Does ``word``, after the singular noun of "one", begin what is said of it ("one farmer *wrote*", "one
    shell *landed*", "one ship *reportedly* sank")?  Only a past tense, an adverb or a negation: a present tense
    takes an -s after a singular subject, and a capitalised word or a verb-like noun may still belong to the
    phrase ("one former British officer", "one phone call", "one talk show")."""
    if word in _PARTICIPLES or word in _OUTCOME_PAST or "-" in word:
        return False  # (a compound adjective: "one Kyiv-based reporter")
    return (word.endswith("ed") or word in _IRREGULAR_PAST or _adverb(word)
            or word.endswith(("n't", "n’t")) or word in _PHRASE_OPENERS)


#: nouns that end as adverbs do
_LY_NOUNS = frozenset({
    "family", "ally", "assembly", "supply", "rally", "reply", "monopoly", "anomaly", "belly", "bully", "tally",
    "july", "italy", "fly", "lily", "jelly", "holly", "folly", "gully",
})


def _adverb(word: str) -> bool:
    """A word in -ly that is no noun ("reportedly", "early"; not "family", "ally")."""
    return word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


#: after "more" right behind a figure, a word that names what there is more of ("three more ships"), not a
#: comparison ("more than"), a time ("two more days") or a stop word
_MORE_OF_A_KIND = re.compile(
    r"\s+(?!(?:than|of|and|or|to|in|on|at|for|by|from|with|is|are|was|were|have|has|had|will|would|could|times?"
    r"|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|nights?|rounds?|per)\b)[A-Za-z]",
    re.IGNORECASE,
)


#: a maker's designation of a model inside the counted phrase ("six Su-27 jets", "four F-16s", "12 T-72
#: tanks"): a capital and letters, a hyphen and a number; it names the model, not what is counted, so it
#: does not take one of the phrase's three words
_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,7}-\d{1,4}[A-Za-z]{0,3}")
#: ... or capitals and a number run together ("M270", "T72"), only before the noun it qualifies
#: ("30 M270 launchers"): alone it may be a name or a code of anything
_DESIGNATION_GLUED = re.compile(r"[A-Z]{1,3}\d{2,4}[A-Za-z]{0,2}")
#: the next word of the counted phrase, when it is a plain lower-case word
_PLAIN_WORD_NEXT = re.compile(r"[^\S\n]+([a-z][a-z'’\-]*)(?![\w'’-])")
#: a lower-case word next, not a scale ("US466 million" is an amount): the noun a glued designation qualifies
_WORD_NEXT = re.compile(r"\s+(?!(?:thousand|million|billion|trillion)\b)[a-z]")
#: a determiner after "of" that the counted thing follows: "40% of the voters", "three of these tanks"
#: ("of those" is left out: more often a pronoun, "62% of those polled", than a determiner)
_OF_DETERMINERS = frozenset({"its", "their", "the", "his", "her", "our", "these"})
#: "of" as the next word ("worth of")
_OF_NEXT = re.compile(r"\s+of\b", re.IGNORECASE)


def _open_compound(words: list[str]) -> bool:
    """Do the counted phrase's words read as the start of one long noun phrase whose head is still to come?

    None is a plural (a plural ends the phrase: "two leaders shook hands"), a verb form ("annexed", "told",
    "must") or a word that opens a phrase of its own ("despite")."""
    for word in words:
        low = word.lower()
        if plural_noun(word) or low in _AUX or low in _MODALS or low in _IRREGULAR_PAST or low in _PRESENT_VERBS \
                or low in _PHRASE_OPENERS or low in _STOP_COUNTED \
                or (low.endswith("ed") and "-" not in low and low not in _ADJECTIVES_IN_ED):
            return False
    return True


#: words in -ed that stand before a noun as adjectives far more often than as verbs ("armoured vehicles")
_ADJECTIVES_IN_ED = frozenset({
    "armoured", "armored", "armed", "unarmed", "manned", "unmanned", "crewed", "uncrewed", "guided", "unguided",
    "advanced", "tracked", "wheeled", "skilled", "trained", "qualified", "registered", "licensed", "insured",
    "elected", "retired", "married", "limited", "detailed", "dedicated", "coordinated", "integrated",
})


#: verbs that go before another verb: "two countries must take"
_MODALS = frozenset({"must", "do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might"})


def _counted(text: str, end: int, limit: int, single: bool = False) -> str:
    """The noun phrase after a figure: "Russian soldiers killed", "armoured vehicles".

    Never past a paragraph break (a blank line): a headline's last figure ("... =1+1 page") must not
    count the next paragraph's first words ("page Officials").  A single line break may be a hard
    wrap inside a sentence ("nearly 20,000\npeople are displaced" in a PDF): the phrase goes on.
    ``single``: the figure is one, so its noun is singular ("one farmer wrote": the verb ends the phrase, as
    after a plural noun).
    """
    gap = _PARAGRAPH_BREAK.search(text, end, limit)
    if gap is not None:
        limit = gap.start()
    words: list[str] = []
    pos = end
    skipped_of = False
    designations = 0  # of ``words``
    tail = text[end:limit]
    # skip "of" after a percent or a scaled figure: "40% of voters"
    for m in re.finditer(r"[^\s]+", tail):
        raw = m.group(0)
        w = raw.strip(".,;:!?\"“”‘’()[]«»").lower()
        ended = raw != raw.rstrip(".,;:!?\"“”)]»")
        if not w or not re.fullmatch(r"[a-z][a-z'’\-]*", w):
            model = raw.strip(".,;:!?\"“”‘’()[]«»")
            if w and (_DESIGNATION.fullmatch(model) or not ended and _DESIGNATION_GLUED.fullmatch(model)
                      and _WORD_NEXT.match(tail, m.end())):
                words.append(model)
                designations += 1
                pos = end + m.end()
                if ended:
                    break
                continue
            break
        if w in _TIME_AFTER_COUNTED or w.capitalize() in _MONTH_NAMES:
            break  # also right after the figure: "climbed to 64 overnight", "up from 65 last week" count nothing named
        if w in ("and", "or") and words and words[-1].endswith("-") and not ended:
            words.append(w)  # "3 million small- and medium-sized firms": the hyphen waits for its word
            designations += 2  # ("low- and" takes none of the phrase's three words)
            continue
        if not words and not skipped_of and w == "worth" and not ended and _OF_NEXT.match(tail, m.end()):
            continue  # "$2 billion worth of shells" counts the shells: the value of what follows "of"
        if w in _STOP_COUNTED:
            if not words and (w == "of" or skipped_of and w in _OF_DETERMINERS):
                skipped_of = True
                continue
            if not words and w == "more" and not ended and _MORE_OF_A_KIND.match(tail, m.end()):
                # "three more ships left port": more of the things counted, which the words after it name
                words.append(w)
                continue
            break
        if not words and _adverb(w) and (ended or (nxt := _PLAIN_WORD_NEXT.match(tail, m.end())) is None
                                         or nxt.group(1).lower() in _STOP_COUNTED):
            break  # "paid $80,000 yearly, twice the norm", "25% directly to the army": the adverb says how, and
            # names no thing (but "two newly built ships" reads on to its noun)
        if not words and w in ING_NEVER_ADJECTIVES:
            break  # "£695m relating to the levy", "$90 having fallen": no thing named after the figure
        if not words and w in _IRREGULAR_PAST and w not in _PARTICIPLES:
            break  # "only 9% saw a doctor", "12 went home": the past tense of the group, which names nothing
        if not words and w in _VERBS_NEVER_NOUNS and not _VERB_COMPOUND_NOUN.match(tail, m.start()):
            break  # "33% approve while 47% disapprove", "57% believe": the verb of the share, which names nothing
        if words and plural_noun(words[-1]) and w in ING_PREPOSITIONS:
            break  # "two boats following a barrage", "100 letters concerning ...": a phrase of its own (but
            # before a noun such a word is an adjective: "two other pending cases")
        if words and plural_noun(words[-1]) and narrowing_participle(w):
            break  # "two politicians vying for", "5 million people living in": the clause is no part of the thing
        if words and not skipped_of and (
            plural_noun(words[-1]) and _predicate_after_plural(w, raw.lstrip("\"“‘'(«["))
            or single and _singular_head(words[-1]) and _predicate_after_single(w)
        ):
            # "193 member states voted", "30,000 troops withdraw"; but the things a named subject acted on say
            # what was done to them: "the 24 drones Russia fired" counts drones fired.  A share of a group
            # keeps its verb, which says what the share did: "87% of voters backed"
            done = _DONE_BY_NAME.match(tail, m.start())
            if done and done.group(1).lower() in _PARTICIPLES:
                words.append(done.group(1).lower())
                pos = end + done.end()
            break
        words.append(raw.strip(".,;:!?\"“”‘’()[]«»"))
        pos = end + m.end()
        if ended or w in _PARTICIPLES:
            break
        if len(words) - designations >= 3:
            if _open_compound(words):
                # the head of a long compound comes last: "300 multiple launch rocket systems" counts systems
                # (six words at most: "two extra mobile coastal radar relay stations")
                at = m.end()
                more: list[str] = []
                while len(words) - designations + len(more) < 6:
                    nxt = _PLAIN_WORD_NEXT.match(tail, at)
                    if nxt is None or nxt.group(1).lower() in _STOP_COUNTED:
                        break
                    more.append(nxt.group(1))
                    at = nxt.end()
                    if plural_noun(more[-1]):
                        words.extend(more)
                        pos = end + at
                        break
            break
    if words == ["more"]:
        return ""  # "$35 million more across the years", "5,000 more U.S. troops": no thing read after it
    if words and words[-1].lower() not in _PARTICIPLES and text[pos - 1 : pos] not in ".,;:!?":
        # a participle after the auxiliaries: "soldiers have been killed"
        rest = re.finditer(r"[^\s]+", text[pos:limit])
        for n, m in enumerate(rest):
            w = m.group(0).strip(".,;:!?\"“”").lower()
            if w in _PARTICIPLES:
                words.append(w)
                break
            if w not in _AUX or n > 3:
                break
    return " ".join(words)


_NUMBER_RE = re.compile(_NUMBER, re.IGNORECASE)
_FRACTION_WORDS = {
    "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths",
    "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths",
}
#: words after a hyphen that make a number part of an idiom or a name, not a measure
_NOT_MEASURE = {"fold", "way", "time", "times", "off", "sided", "dimensional", "party", "state", "faced", "nil", "all"}
_CONVERSION_GAP = re.compile(r"[A-Za-z]{0,6}\s*\(")
_GLUED_UNIT = re.compile(r"(?:km|kms|mi|miles|kg|ft|ha|mph|kph|sq|mw|gw|kw|tonnes)(?![\w])", re.IGNORECASE)
_METRE_WORDS = {"away", "long", "high", "deep", "wide", "tall", "above", "below", "underground", "away.", "range"}
#: the second of a pair of shares: "a 47%-30% margin", "41%-54%"
_PAIR_TAIL = re.compile(r"\s?[-–/]\s?(?=\d[\d.,]*\s?%)")
#: number words that need "a": "a dozen", "half a million", "two dozen", "half-a-dozen"
_A_NUMBER = re.compile(
    r"(?<![\w-])(?P<half>half[\s-]an?[\s-]|an?\s+)(?P<scale>dozen|hundred|thousand|million|billion)(?![\w-])",
    re.IGNORECASE,
)
_A_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


#: the most figures read from one text (:func:`find_figures`' ``limit`` in the index and extraction):
#: a file that is a table of 36,000 numbers took half a minute to index, nearly all of it for figures
#: nobody compares; the most in any ukraine-media article is 258
FIGURE_BUDGET = 2000


#: a number raised to a power, written out for plain text: "10^6", "2 ** 32" (the exponent is no figure either)
#: a number that opens a web address: "350.org", "24.example.net" (no figure: a name)
_DOMAIN_TAIL = re.compile(
    r"\.(?:[a-z][a-z0-9-]*\.)*(?:com|org|net|gov|edu|info|io|ru|ua|uk|de|fr|eu|int|co|tv|news)(?!\w|\.\w)"
    r"|\.(?:[a-z][a-z0-9-]*\.)+[a-z]{2,}(?!\w|\.\w)"
)
_POWER_TAIL = re.compile(r"[^\S\n]?(?:\^|\*\*)[^\S\n]?[-+−]?\d[\d.,]*")


def find_figures(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]``, with offsets into ``text``; only the first ``limit`` when
    given (the text after the last of them is not read)."""
    if end is None:
        end = len(text)
    out: list[Figure] = []
    pos = start
    while True:
        if limit is not None and len(out) >= limit:
            end = out[-1].end if out else start
            break
        m = _FIGURE_RE.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        fig = _figure_from_match(text, m, start, end)
        power = _POWER_TAIL.match(text, fig.end if fig is not None else m.end(), end)
        if power is not None:
            pos = power.end()  # "10^400": a power, neither a count of 10 nor one of 400
            continue
        if fig is not None and _DOMAIN_TAIL.match(text, fig.end, end):
            continue  # "the group 350.org", "visit 123.ru": a name on the web, no count of "org"
        if fig is not None:
            out.append(fig)
            pos = max(pos, fig.end)
            if fig.kind == "percent" and fig.high is None:
                pair = _PAIR_TAIL.match(text, fig.end, end)
                m2 = _NUMBER_RE.match(text, pair.end(), end) if pair else None
                if m2 and m2.group("dig"):
                    second = _figure_from_match(text, m2, start, end)
                    if second is not None:
                        out.append(second)
                        pos = max(pos, second.end)
    if _A_NUMBER.search(text, start, end):
        out = _add_a_numbers(text, start, end, out)
    for prev, f in zip(out, out[1:], strict=False):
        # a bracketed conversion restates the figure before it, hedge and all: "about 145km (90 miles)"
        if not f.qualifier and prev.qualifier and _CONVERSION_GAP.fullmatch(text, prev.end, f.start):
            f.qualifier = prev.qualifier
    if out:
        out = _restated_in_brackets(text, out, end)
        _share_coordinated_head(text, out)
        _partitive_counts(text, out)
    return out if limit is None else out[:limit]


#: between a part and its whole: "two of the six", "two out of six", "four of the plant's six", "five of its 20"
_PARTITIVE_GAP = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|these|those|his|her|our|your|all)\s+)?(?:[\w.-]+(?:['’]s|s['’])\s+)?",
    re.IGNORECASE,
)


def _partitive_counts(text: str, figures: list[Figure]) -> None:
    """ "Two of the six reactors were shut": the part counts what the whole counts, and the whole counts only that.

    The part's own counted phrase ran on into the whole ("six reactors", "plant's six reactors") or was empty
    ("Three of the 12 trucks"); it takes the whole's things.  What was done to the things after an auxiliary
    ("... trucks were hit") is said of the part: the whole keeps its noun ("12 trucks"), the part takes both
    ("three trucks hit").  Only counts qualify: "40% of its 300 staff" is a share, read as one already.
    """
    for part, whole in zip(figures, figures[1:], strict=False):
        if part.kind != "count" or whole.kind != "count" or not whole.counted or part.high is not None:
            continue
        if not _PARTITIVE_GAP.fullmatch(text, part.end, whole.start) or whole.value <= part.value:
            continue
        words = whole.counted.split()
        if len(words) > 1 and words[-1].lower() in _PARTICIPLES and not re.match(
            r"\s+" + re.escape(" ".join(words)) + r"(?![\w-])", text[whole.end : whole.end + len(whole.counted) + 8]
        ):
            whole.counted = " ".join(words[:-1])  # the participle came after "were": it is the part's
        part.counted = " ".join(words)


#: the number again in brackets, as a word or in digits: "12 (twelve) ships", "twelve (12) ships"
_BRACKET_OPEN = re.compile(r"\s?\(\s?")
_BRACKET_CLOSE = re.compile(r"\s?\)")
_BRACKET_DIGITS = re.compile(r"\s?\(\s?(\d{1,3}(?:,\d{3})*|\d+)\s?\)")


def _has_digit(written: str) -> bool:
    return any(ch.isdigit() for ch in written)


def _restated_in_brackets(text: str, figures: list[Figure], hi: int) -> list[Figure]:
    """Drop a figure that only restates the one before it in brackets, and count the words after the bracket.

    "12 (twelve) ships" is one figure of 12 ships, not 12 "twelve" and another 12.  Only a count written
    once in digits and once in words is a restatement: "€45,000 ($45,000)" is a conversion, two figures.
    """
    kept: list[Figure] = []
    for f in figures:
        if not f.counted:
            # "twelve (12) ships": digits in brackets that are no figure of their own
            digits = _BRACKET_DIGITS.match(text, f.end, hi)
            if digits is not None and _digits_value(digits.group(1).replace(",", "")) == f.value:
                f.counted = _counted(text, digits.end(), min(hi, digits.end() + 120))
        prev = kept[-1] if kept else None
        if (prev is not None and f.value == prev.value and f.high == prev.high and not f.qualifier
                and f.kind == prev.kind == "count" and _has_digit(f.text) != _has_digit(prev.text)
                and _BRACKET_OPEN.fullmatch(text, prev.end, f.start)):
            close = _BRACKET_CLOSE.match(text, f.end, hi)
            if close is not None:
                prev.counted = _counted(text, close.end(), min(hi, close.end() + 120))
                continue
        kept.append(f)
    return kept


#: a single word before "and"/"or" and another figure that reads as a modifier, not a thing counted:
#: "six aerial and four naval drones", "five civilian or three military vehicles"
_MODIFIER_ENDING = re.compile(r"(?:al|ian|an|ese|ic|ive|ous|ern|ish|ary|ile|ful|less)$", re.IGNORECASE)
_COORDINATED = r"\s+{word}\s+(?:and|or)\s+(?:(?:about|some|nearly|almost|around|another|up\s+to|more\s+than|at\s+least)\s+)?"


def _share_coordinated_head(text: str, figures: list[Figure]) -> None:
    """ "six aerial and four naval drones": the first figure counts aerial drones, not "aerial".

    Only a lone word that is no plural and ends as a modifier does ("five police and four civilians"
    counts police; "one serviceman and two guards" a serviceman); the head is what the second figure
    counts from its first plural on.
    """
    for prev, f in zip(figures, figures[1:], strict=False):
        own = prev.counted.split()
        if len(own) != 1 or len(own[0]) < 4 or plural_noun(own[0]) or own[0].lower() in _PARTICIPLES:
            continue
        if not _MODIFIER_ENDING.search(own[0]) or own[0].lower().endswith("man"):
            continue  # "one serviceman and two guards"
        if not re.fullmatch(_COORDINATED.format(word=re.escape(own[0])), text[prev.end:f.start], re.IGNORECASE):
            continue
        theirs = f.counted.split()
        head = next((i for i, w in enumerate(theirs) if plural_noun(w)), None)
        if head is None or head == 0:
            continue
        prev.counted = " ".join([own[0], *theirs[head:]])


def _add_a_numbers(text: str, lo: int, hi: int, found: list[Figure]) -> list[Figure]:
    """ "a dozen", "a thousand", "half a million": figures written with "a"."""
    taken = [(f.start, f.end) for f in found]
    extra = []
    for m in _A_NUMBER.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        after = text[e : min(hi, e + 40)]
        if re.match(r"\s+(?:of\s+(?:the|them|us|those|these|his|her|their)\b|times?\b|or\s+so\s+times)", after):
            continue  # "a hundred of them" is still a figure, but "a dozen of the" reads as a part
        nw = _WORD_AFTER.match(after)
        if nw and nw.group(1).lower().rstrip(".,") in TIME_UNITS:
            continue  # "a thousand years"
        value = float(_A_SCALES[m.group("scale").lower()])
        if m.group("half").lower().startswith("half"):
            value /= 2
        scale_tail = re.match(r"\s+(thousand|million|billion)\b", after)
        if scale_tail and m.group("scale").lower() in ("hundred", "dozen"):
            value *= _A_SCALES[scale_tail.group(1).lower()]
            e += scale_tail.end()
        qualifier, q_start = _hedge(text, m.start())
        extra.append(Figure(
            start=s, end=e, text=text[s:e], value=value, qualifier=qualifier, kind="count",
            qualifier_start=q_start, counted=_counted(text, e, min(hi, e + 120)),
        ))
    return sorted(found + extra, key=lambda f: f.start)


@dataclass(slots=True)
class _Candidate:
    """A number the pattern matched, on its way to becoming a figure (or not)."""

    s: int  # where the figure starts (its currency sign, else its number)
    e: int  # where it ends
    before: str  # up to 40 characters before ``s``
    after: str  # up to 40 characters after ``e``
    after_num: str  # what follows the number itself (before any abbreviation or scale)
    kind: str
    cur: str | None
    dig: str | None
    abbr: str | None
    word: str | None
    scale: str | None
    pct: str | None
    value: float = 0.0


def _figure_from_match(text: str, m: re.Match[str], lo: int, hi: int) -> Figure | None:
    """The figure a match of ``_NUMBER`` stands for, or None where it is no figure.

    In order: read the number (digits, or words), reject it by what surrounds
    it (dates, durations, years, labels, ages), settle its kind, then read a
    range that follows it.
    """
    c = _candidate(text, m, lo, hi)
    if c.dig:
        if _digits_are_no_figure(text, m, c, lo, hi):
            return None
        c.value = _digits_figure_value(text, m, c, hi)
    elif not _read_words(text, m, c, hi):
        return None
    if c.scale and c.dig:
        c.value *= _word_value("one " + c.scale.strip()) or 1
    if not math.isfinite(c.value):
        return None  # a number too long for a float ("999…9" of 400 digits) is no figure anyone reports
    if _read_half(text, c, hi):
        return None
    # a scale word alone ("hundreds of") never reaches here; "thousands" is plural and unmatched
    if _context_says_no_figure(text, c, hi):
        return None
    _settle_kind(text, c, hi)
    if _VAGUE_AFTER_OF.match(c.after_num) and not c.dig:
        return None
    if c.s < lo or c.e > hi:
        return None
    qualifier, q_start = _hedge(text, c.s)
    # ranges: "between 500 and 700", "500-700", "from 500 to 700"
    ranged = _read_range(text, c, hi)
    if ranged is None:
        return None  # "1700-1721", "2014-15": years
    high, drop_hedge = ranged
    if high is not None and not math.isfinite(high):
        return None  # "between 5 and 999…9": a range to no float is no figure either
    if drop_hedge:
        qualifier, q_start = "", None
    return Figure(
        start=c.s, end=c.e, text=text[c.s : c.e], value=float(c.value), qualifier=qualifier, kind=c.kind,
        high=high, qualifier_start=q_start, counted=_counted(text, c.e, min(hi, c.e + 120), single=c.value == 1),
    )


def _candidate(text: str, m: re.Match[str], lo: int, hi: int) -> _Candidate:
    s, e = m.start(), m.end()
    cur, dig, pct = m.group("cur"), m.group("dig"), m.group("pct")
    if cur is None:
        s = m.start("dig") if dig else m.start("word")
    return _Candidate(
        s=s, e=e, before=text[max(lo, s - 40) : s], after=text[e : min(hi, e + 40)],
        after_num=text[m.end("dig") if dig else m.end("word") : min(hi, e + 40)],
        kind="money" if cur else ("percent" if pct else "count"),
        cur=cur, dig=dig, abbr=m.group("abbr"), word=m.group("word"), scale=m.group("scale"), pct=pct,
    )


def _digits_are_no_figure(text: str, m: re.Match[str], c: _Candidate, lo: int, hi: int) -> bool:
    """Digits that are part of a name, an identifier, a time, a date or a version."""
    s, e, before, dig, abbr = c.s, c.e, c.before, c.dig or "", c.abbr
    end_dig = m.end("dig")
    # identifiers and names: letters glued to the digits (Su-25, G7, MH17, COVID-19)
    prev = text[s - 1] if s > lo else ""
    if prev and (prev.isalnum() or prev in "_"):
        return True
    if re.search(r"[A-Za-z]-$", before) or re.search(r"[A-Za-z]\s?#?$", before[-2:]) and before[-1:] != " ":
        return True
    nxt = text[end_dig : end_dig + 1]
    if (not abbr and not c.scale and nxt and (nxt.isalpha() or nxt in "_@/") and not c.pct
            and not _ORDINAL_AFTER.match(text, end_dig) and not _GLUED_UNIT.match(text, end_dig)):
        return True  # but a measure glued to its unit counts: "145km", "31mi" (not a calibre: "155mm")
    if _ORDINAL_AFTER.match(text[end_dig : end_dig + 3]) and not abbr:
        return True
    if text.startswith("+", end_dig) and text[end_dig + 1 : end_dig + 2].isdigit():
        return True  # a name of digits joined by a plus: the broadcaster "1+1", the "2+2" talks
    if s - 2 >= lo and text[s - 1] == "+" and text[s - 2].isdigit():
        return True  # ... and its second number
    if re.match(r"[:/]\d", text[end_dig : end_dig + 2]):
        return True  # times 12:17, dates 24/02, ratios
    if s - 2 >= lo and re.match(r"\d[:/]", text[s - 2 : s]):
        return True  # ... and their second half: the minutes of 10:30, the 1 of a 3:1 score
    if re.match(r"\.\d", text[end_dig : end_dig + 2]):
        return True  # version numbers 3.8.0, dotted dates 24.02.2022
    if re.match(r"-\d{1,2}-\d", text[end_dig : end_dig + 4]):
        return True  # ISO dates
    if re.search(r"[-‐]$", before) and re.search(r"\w[-‐]$", before):
        return True
    if re.match(r"[-‐][A-Za-z]", text[end_dig : end_dig + 2]):
        unit = _HYPHEN_UNIT_AFTER.match(text, end_dig, min(hi, end_dig + 64))
        if unit and unit.group(1).lower() in TIME_UNITS | {"year", "day", "month", "week", "hour", "minute"}:
            return True  # "a 30-day ceasefire", "a 54-year-old man"
        # "25-F" is a name; compound adjectives of counts ("a 300-strong unit") stay
        if unit and not abbr and unit.group(1)[0].isupper():
            return True
    if not c.cur and not c.pct and "," not in dig and _after_name(text, s, before, e, hi, abbr):
        return True  # "Nord Stream 2", "World War 2", "Apollo 11"
    if not c.cur and not c.pct and "," not in dig and _coordinated_with_name_number(text, s, lo, hi):
        return True  # "Nord Stream 1 and 2", "Articles 4 and 5": the second closes the same name
    if before.endswith(("=\"", "='", "=")):
        return True  # a value in markup: 'id="4471920385"', "page=12"
    # ten digits or more, with no separator, currency or percent: an identifier, a timestamp or a phone
    # number ("tweet 1180442719345"); a count that large is written "1.2 billion" or "1,200,000,000", or at
    # least has its plural noun after it ("1200000000 people")
    if (dig and len(dig) >= 10 and dig.isdigit() and not c.cur and not c.pct and not abbr and not c.scale
            and not ((w := _WORD_AFTER.match(text[end_dig : end_dig + 40])) and plural_noun(w.group(1).lower()))):
        return True
    return bool(abbr and abbr.lower() == "b" and not c.cur)


def _digits_figure_value(text: str, m: re.Match[str], c: _Candidate, hi: int) -> float:
    """The value of digits with their abbreviation: "1.2K" -> 1200, "1.5m people" -> 1.5e6."""
    dig, abbr, e = c.dig or "", c.abbr, c.e
    value = _digits_value(dig)
    if not abbr:
        return value
    if abbr.lower() == "m" and not c.cur:
        # "1.5m people" is a million; "from 2,710m" and "850m to reach" are metres
        # (millions are never written with a thousands comma: "2,710m making it" is metres)
        m_after = _WORD_AFTER.match(text[e : min(hi, e + 40)])
        w2 = m_after.group(1).lower() if m_after else ""
        if not w2 or w2 in _STOP_COUNTED or w2 in _METRE_WORDS or not text[e : e + 1].isspace() or "," in dig:
            return value
    return value * SCALE_ABBREV[abbr.lower()]


def _read_words(text: str, m: re.Match[str], c: _Candidate, hi: int) -> bool:
    """A number in words ("twenty-five", "two dozen"): set its value, or say it is none."""
    w = c.word or ""
    low = w.lower()
    # trailing "and" is not part of the number
    w_stripped = re.sub(r"(?:\s+and)+$", "", w, flags=re.IGNORECASE)
    if w_stripped != w:
        c.e = m.start("word") + len(w_stripped)
        c.scale = c.pct = None
        w = w_stripped
        low = w.lower()
        c.after = text[c.e : min(hi, c.e + 40)]
        c.after_num = c.after
    if w[0].isupper() and not _sentence_initial(text, c.s) and not _is_title_case_line(text, c.s):
        return False  # a name: "the Big Three", "Group of Seven"
    first = re.split(r"[\s\-‐]+", low)[0]
    if ((low == "one" or first == "one" and not c.scale and " " not in low) and not _HALF_TAIL.match(text, c.e, hi)
            and _one_is_no_count(text, c, hi)):
        return False
    if re.match(r"[-‐]", c.after) and not c.scale and _hyphen_word_is_no_figure(text, c, low, hi):
        return False
    if low == "zero" and _NET_BEFORE.search(c.before):
        return False  # "net zero (emissions)": an idiom for a balance, no count of nothing
    if low == "zero" and not c.pct:
        nw0 = _WORD_AFTER.match(c.after)
        if not nw0 or nw0.group(1).lower() in _STOP_COUNTED or not nw0.group(1).islower():
            return False  # "zero" as a noun; "zero security" states a quantity
    val = _word_value(w + (c.scale or ""))
    if val is None:
        return False
    c.value = val
    c.scale = None
    dz = re.match(r"[\s-]+dozen\b", text[c.e : min(hi, c.e + 12)], re.IGNORECASE)
    if dz:
        c.value *= 12  # "two dozen"
        c.e += dz.end()
        c.after = text[c.e : min(hi, c.e + 40)]
    return True


#: "net" right before "zero": "net zero", "reach net zero by 2050", "net zero carbon"
_NET_BEFORE = re.compile(r"(?<![\w-])net\s+$", re.IGNORECASE)


#: the rest of a ratio after its "one": " in five", " in 10", " out of every 20"
_RATIO_TAIL = re.compile(
    r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+(?:,\d{3})*\b|(?:two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|twenty|fifty|a\s+hundred|a\s+thousand)\b)",
    re.IGNORECASE,
)


def _one_is_no_count(text: str, c: _Candidate, hi: int) -> bool:
    """ "one" as a pronoun or an article ("one of the", "in one video"), not a count."""
    s, e, before, after = c.s, c.e, c.before, c.after
    nw = _WORD_AFTER.match(after)
    pw = _WORD_BEFORE.search(before)
    nxt_w = nw.group(1).lower() if nw else ""
    prv_w = pw.group(1).lower() if pw else ""
    if _RATIO_TAIL.match(after):
        return False  # "one in five adults", "one in 10": a ratio gives one figure per number (the GUIDE)
    if not nxt_w or nxt_w in _ONE_NOT_BEFORE or nxt_w in TIME_UNITS:
        return True
    hedged = bool(_hedge(text, s)[0]) or prv_w in ("only", "just", "least")
    if not hedged and re.match(r"\s+\w+\s+after\s+another\b", after):
        return True  # "one house after another"
    if not hedged and prv_w in _PREPOSITIONS and not before.rstrip().endswith(","):
        return True  # "in one video", "within 200 feet of one reactor": an article, not a count
    if not hedged and _sentence_initial(text, s) and not _PARTICIPLES & set(
        re.findall(r"[a-z]+", text[e : min(hi, e + 50)].lower())
    ):
        return True  # "One soldier spent five weeks ...", but "One person was killed"
    if prv_w in _ONE_NOT_AFTER or re.search(r"[-‐]$", before):
        return True
    return after.startswith(("-", "‐", "’", "'"))


def _hyphen_word_is_no_figure(text: str, c: _Candidate, low: str, hi: int) -> bool:
    """ "two-thirds", "four-hour", "five-year-old", "one-off" are no figures; "a five-storey building" is."""
    unit = _HYPHEN_UNIT_AFTER.match(text, c.e, min(hi, c.e + 64))
    written = unit.group(1) if unit else ""
    u = written.lower()
    if (not u or low == "one" or u.endswith("ed") or u in TIME_UNITS or u.rstrip("s") in TIME_UNITS or u in _FRACTION_WORDS
            or not written.islower()):
        return True
    return bool(re.match(r"[-‐][a-z]+[-‐](?:old|year|month|week|day)", c.after) or u in _NOT_MEASURE)


def _context_says_no_figure(text: str, c: _Candidate, hi: int) -> bool:
    """Durations, dates, years, labels ("No 5"), ages, footnote marks: what surrounds the number."""
    before, after, dig, value = c.before, c.after, c.dig, c.value
    nw = _WORD_AFTER.match(after)
    next_word = nw.group(1).lower().rstrip(".,'’") if nw else ""
    if not c.pct and not c.cur and _date_or_duration(c, next_word):
        return True
    pw = _WORD_BEFORE.search(before)
    prev_word = pw.group(1).lower() if pw and before.endswith((" ", "\u00a0")) or pw and before and before[-1].isalpha() else ""
    if (prev_word in LABEL_WORDS and not c.cur and not (prev_word in {"number", "no"} and not dig)
            and (prev_word not in {"round", "day", "week", "year", "term"} or dig)
            and not _TIME_ADVERBIAL.search(before)):
        return True
    if dig and len(dig) == 4 and 1900 <= value <= 2100 and re.search(
        r"(?:['’]s|\b(?:19|20)\d\d(?:\s*,|\s+and|\s+or))\s+$", before
    ):
        return True  # "Trump's 2016 and 2020 campaigns": years, though a plural follows
    if dig and re.search(r"\.\d{5,}$", dig):
        return True  # "at 46.86117, 32.38003": map coordinates (or an identifier), no quantity anyone reports
    if dig in ("180", "360") and re.search(r"\ba\s+$", before) and not re.match(r"\s+[a-z]+s\b", after):
        return True  # "done a 360": a turn, not a quantity
    if dig and value <= 31 and re.search(r"\b(?:" + MONTHS + r")\.?\s+\d{1,2}\s*(?:to|-|–|and)\s*$", before):
        return True  # "from Nov. 9 to 17": the end of a date range
    if re.match(r"\s*(?:and|or|to|-|–)\s*\d+\s*[-‐]\s*years?[-‐]old", after):
        return True  # "his 60 and 62-year-old friends": ages
    if dig and value <= 24 and _CLOCK_RANGE_AFTER.match(after):
        return True  # "from around 4 to 7pm", "7-9 a.m.", "between 9 and 11pm": a span of the clock
    tail_unit = re.match(r"\s*(?:to|-|–|or)\s*[\w.,]+\s+([a-z]+)", after)
    if tail_unit and not c.pct and not c.cur and tail_unit.group(1) in TIME_UNITS:
        return True  # "two to four hours": a duration
    return bool(dig) and _age_or_mark(text, c, hi) or not dig and _young_age(c) or _age_by_its_verb(c)


#: words before a number that make it an age: "men aged 18-60", "ages 5 to 11", "under the age of 14"
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages|age)\s+(?:of\s+|between\s+|from\s+)?(?:\d{1,3}\s*(?:and|to|-|–)\s*)?$", re.IGNORECASE
)
#: ... and a verb or a phrase of age: "turned 32", "will turn 89", "as old as nine (or ten)"
_AGE_WORDS_BEFORE = re.compile(
    r"(?:\bturn(?:s|ed|ing)?\s+|\bas\s+(?:young|old)\s+as\s+(?:[\w-]+\s+(?:and|or|to)\s+)?)$",
    re.IGNORECASE,
)
#: what closes an age set after a name: "Ana Roe, 40, said", "Ana Roe (40)", "Ana Roe, 40 — a nurse", "..., 40."
_AGE_CLOSE_AFTER = re.compile(r"\s*(?:[,)―—–]|-\s|\.(?:\s|$))")


def _age_by_its_verb(c: _Candidate) -> bool:
    """ "She turned 32 in jail", "recruits as young as sixteen or seventeen", "at the age of seven": an age (a number
    of things after it still counts: "turned 40 tanks back")."""
    if c.value >= 130 or c.cur or c.scale or c.pct or not float(c.value).is_integer():
        return False
    if (not c.dig and _AGE_BEFORE.search(c.before) and not _PLACE_BEFORE_COMMA.search(c.before)
            and _AGE_CLOSE_AFTER.match(c.after)):
        return True  # an age in words after a name: "Rita, eight, who ...", as "Rita, 8, who ..."
    if not (_AGE_WORDS_BEFORE.search(c.before) or not c.dig and _AGED_BEFORE.search(c.before)):
        return False
    nw = _WORD_AFTER.match(c.after)
    return not (nw and plural_noun(nw.group(1).lower()) and nw.group(1).lower() not in TIME_UNITS)


def _young_age(c: _Candidate) -> bool:
    """ "children under five who ...", "babies under 2,", "people under 30": an age, not a count (not
    "children under 5 kilos")."""
    if c.cur or c.scale or c.pct:
        return False
    if not (c.value < 25 and _YOUNG_UNDER.search(c.before)
            or c.value < 120 and float(c.value).is_integer() and _PEOPLE_UNDER.search(c.before)):
        return False
    nw = _WORD_AFTER.match(c.after)
    return not nw or nw.group(1).lower().rstrip(".") not in _BODY_MEASURES


#: a range whose second number is a time of day: "4 to 7pm", "7-9 a.m.", "9 and 11 o'clock", "8 to 10:30pm"
_CLOCK_RANGE_AFTER = re.compile(
    r"\s*(?:-|–|—|to|and|until|till)\s*\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\b\.?|o['’]clock\b)", re.IGNORECASE
)
#: a clock's mark in brackets after a number: "12 (pm)", "1400 (GMT)", "9 (local time)"
_CLOCK_IN_BRACKETS = re.compile(
    r"\s*[(\[]\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|gmt|utc|bst|cet|est|edt|pst|local(?:\s+time)?)\s*[)\]]", re.IGNORECASE
)


#: a month, then a comma: "In January, 18 ..."
_MONTH_COMMA_BEFORE = re.compile(r"\b(?:" + MONTHS + r")\.?,\s+$")
#: a plain word after the number (not "th", not a year or another number)
_PLAIN_WORD_AFTER = re.compile(r"\s+(?!(?:st|nd|rd|th|of)\b)[a-z][a-z'’\-]*\b")


def _counted_after_month(before: str, after: str) -> bool:
    """ "In January, 18 lawmakers wrote", "By May, 12 towns had fallen": after a month and a comma, a number
    with a word of its own after it counts; a date puts no comma between its month and its day."""
    return bool(_MONTH_COMMA_BEFORE.search(before)) and bool(_PLAIN_WORD_AFTER.match(after))


#: "o'clock" after a number
_OCLOCK_AFTER = re.compile(r"\s*o['’]\s?clock\b", re.IGNORECASE)
#: a preposition of time right before an early year
_EARLY_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till)\s+$", re.IGNORECASE)
#: a range after a number: "1200 to 1500", "1200-1500"
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|and|or)\s*\d")


def _date_or_duration(c: _Candidate, next_word: str) -> bool:
    """ "three weeks", "24 February", "2015", "007": a time, not a count."""
    before, after, dig, value = c.before, c.after, c.dig, c.value
    if next_word in TIME_UNITS or next_word.rstrip("s") in TIME_UNITS:
        # "three weeks", "24 hours" ... but "100 days of war"? still a duration
        return True
    if _CLOCK_IN_BRACKETS.match(after) or _OCLOCK_AFTER.match(after):
        return True  # "as of 12 (pm) today", "at 1400 (GMT)", "at three o'clock": a time of day
    if (_MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before) and not _counted_after_month(before, after)) and (
        value <= 31 and float(value).is_integer() or (dig and 1000 <= value <= 2100 and "," not in dig)
    ):
        return True
    # an early year after "in" or "since": "In 1596, the tsar ...", "since 1654 and" (but "in 1200 homes" counts)
    if (dig and "," not in dig and len(dig) == 4 and 1000 <= value < 1800 and not c.abbr and not c.scale
            and _EARLY_YEAR_BEFORE.search(before) and not (next_word and plural_noun(next_word))
            and not _RANGE_AFTER.match(after)):
        return True
    # a year, unless a plural noun follows: "2000 soldiers" (but "the 2024 launches", "its 2019
    # talks": after a determiner the year names which ones, it does not count them)
    if (dig and "," not in dig and "." not in dig and len(dig) == 4 and 1800 <= value <= 2100
            and not c.abbr and not c.scale
            and not (next_word and next_word not in _STOP_COUNTED and re.fullmatch(r"[a-z]+s", next_word)
                     and not _YEAR_CONTEXT.search(before) and not _YEAR_DETERMINER.search(before))):
        return True
    return bool(dig and re.fullmatch(r"0\d+", dig))  # zero-padded: day numbers, codes


#: "last year 48,120 students", "every day 400 trucks": a time adverbial before the number, not a label
#: ("day 100 of the war", "year 3 of the plan")
_TIME_ADVERBIAL = re.compile(
    r"\b(?:last|this|next|that|each|every|per|a|same|previous|past)\s+(?:year|day|week|term|round)\s+$",
    re.IGNORECASE,
)
#: a list marker: a number of one or two digits opening a sentence, closed by ")" or "." before a capital
#: ('... three points. 1) "Trade first."', "2. Sanctions stay")
_LIST_MARKER_AFTER = re.compile(r"[.)]\s+[\"“'‘(]?[A-Z]")
_LIST_MARKER_BEFORE = re.compile(r"(?:\A\s*|[.!?\"”’']\s+|\n\s*)\Z")


def _no_open_bracket(text: str, at: int) -> bool:
    """Whether no bracket is open at ``at`` within its line (the 300 characters before it at most)."""
    lo = max(text.rfind("\n", 0, at) + 1, at - 300, 0)
    return text.count("(", lo, at) <= text.count(")", lo, at)


#: a person, then the verb that gives an age: "who is", "when she was", "until Ana turned", "he's"; then maybe an
#: adverb, and an age before this one ("who are 17 and")
_PERSON_IS_BEFORE = re.compile(
    r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou|[Ww]ho)"
    r"|\b(?:when|until|since|after|before|because|while|if)\s+[A-Z][a-z]+)\s+"
    r"(?:am|was|were|is|are|turned|turns|has\s+turned|had\s+turned|will\s+be|would\s+be|will\s+turn)\s+"
    r"(?:(?:only|just|barely|now|still|nearly|almost|about|around|both)\s+)?(?:\d{1,3}\s+(?:and|or)\s+)?$"
    r"|\b(?:[Hh]e|[Ss]he|I|[Yy]ou|[Tt]hey|[Ww]e)['’](?:s|m|re)\s+(?:(?:only|just|now)\s+)?$"
)
#: what may follow an age told so: the clause ends, or "and", "when", "this year" ("who turns 70 this year") --
#: never a noun or a unit ("they were 400 kilometres away", "we are 40 volunteers")
_AGE_AFTER = re.compile(r"\s*$|\s*[,.;:!?)\]\"”’'—–]|\s*-\s|\s+(?:and|or|but|when|at|this|last|next|then|now)\b")


#: a place, not a person, before the comma: "In Varna, 40 - mostly civilians - died"
_PLACE_BEFORE_COMMA = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Aa]cross|[Aa]round|[Oo]utside|[Ii]nside)\s+[A-Z][\w'’-]+\s*[,(]\s*$"
)


#: young people under an age: "children under five", "kids over 12", "babies below 2"
_YOUNG_UNDER = re.compile(
    r"\b(?:children|child|kids|babies|infants|toddlers|boys|girls|pupils|youngsters|teenagers|minors)\s+"
    r"(?:under|over|below|above|younger\s+than|older\s+than)\s+(?:the\s+age\s+of\s+)?$",
    re.IGNORECASE,
)
#: people of any age under or over one: "voters under 30", "adults over 65", "those aged over 80"
_PEOPLE_UNDER = re.compile(
    r"\b(?:people|persons|adults|voters|men|women|workers|residents|citizens|patients|those|anyone|everyone)\s+"
    r"(?:aged\s+)?(?:under|over|below|above|younger\s+than|older\s+than)\s+(?:the\s+age\s+of\s+)?$",
    re.IGNORECASE,
)
#: measures a child may be under or over ("children under 5 kilos", "over 4 feet"): then the number is no age
_BODY_MEASURES = {"kg", "kilos", "kilograms", "kilogrammes", "pounds", "lb", "lbs", "stone", "feet", "foot", "ft",
                  "metres", "meters", "m", "cm", "centimetres", "centimeters", "inches", "in", "grams", "g"}


#: "At" opening a sentence or a clause before a number ...
_AT_AGE_BEFORE = re.compile(r"(?:^|[.!?;:\"“”]\s+|,\s+|\n\s*)[Aa]t\s+$")
#: ... and after it a comma and the person it is the age of: a pronoun, or a name and its verb
_AT_AGE_AFTER = re.compile(
    r",\s+(?:(?:he|she|they|I|we)\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:is|was|has|had|became|remains|"
    r"said|says|still|already|joined|left|won|became)\b|[A-Z][\w'’-]+['’]s\s)"
)


def _age_or_mark(text: str, c: _Candidate, hi: int) -> bool:
    """Ages ("aged 18-60", "Mr Kleijnen, 59,"), "#5", footnote marks ("[3]") and list markers ("1)")."""
    before, after, value, e = c.before, c.after, c.value, c.e
    if (c.dig and len(c.dig) <= 2 and not c.cur and not c.scale and not c.abbr and not c.pct
            and _LIST_MARKER_AFTER.match(after) and _LIST_MARKER_BEFORE.search(before)):
        return True
    if (c.dig and len(c.dig) <= 2 and not c.cur and not c.scale and not c.abbr and not c.pct
            and _LIST_MARKER_AFTER.match(after) and after[:1] == ")" and _no_open_bracket(text, c.s)):
        return True  # a list run into one line: "... no appetite for 3) Cut the levy": no "(" to close
    if value < 130 and _AGED_BEFORE.search(before):
        return True  # an age: "men aged 18-60", "ages 5 to 11", "under the age of 14"
    if _young_age(c):
        return True
    if (value < 130 and _AGE_BEFORE.search(before) and not _PLACE_BEFORE_COMMA.search(before)
            and _AGE_CLOSE_AFTER.match(text, e, min(hi, e + 8))):
        return True  # an age: "Mr Varek, 59, and his wife", "Ana Roe, 40 — a nurse — said", "... his aunt, Ana Roe, 40."
    if value < 130 and float(value).is_integer() and _PERSON_IS_BEFORE.search(before) and _AGE_AFTER.match(after):
        return True  # an age: "Ms Vell, who is 81, said", "left school when he was 16", "who are 17 and 23"
    if (value < 130 and float(value).is_integer() and not c.cur and not c.scale and not c.pct
            and _AT_AGE_BEFORE.search(before) and _AT_AGE_AFTER.match(after)):
        return True  # an age that opens a sentence: "At 77, he is the oldest member", "At 19, Vell had ..."
    if re.search(r"[#№]\s?$", before):
        return True
    return bool(not c.cur and not c.scale and not c.abbr and re.search(r"[\[(]$", before) and re.match(r"[\])]", after))


def _settle_kind(text: str, c: _Candidate, hi: int) -> None:
    """Money by the word after it ("5 million dollars"), a percentage by "percent" or "per cent"."""
    nw = _WORD_AFTER.match(c.after)
    next_word = nw.group(1).lower().rstrip(".,'’") if nw else ""
    if not c.pct and not c.cur and next_word in MONEY_WORDS:
        c.kind = "money"
    if next_word in ("percent", "pc") or re.match(r"\s+per\s+cent\b", c.after, re.IGNORECASE):
        c.kind = "percent"
        pm = re.match(r"\s+(?:percent|pc|per\s+cent)\b", c.after, re.IGNORECASE)
        c.e = c.e + (pm.end() if pm else 0)
        c.after = text[c.e : min(hi, c.e + 40)]


def _read_half(text: str, c: _Candidate, hi: int) -> bool:
    """ "two and a half million", "nine-and-a-half", "3½": the half counts, and so does a scale after it.

    True when the half ends a hyphenated modifier that is no figure ("a nine-and-a-half-year sentence").
    """
    if c.scale or c.abbr or c.pct or c.value != int(c.value) or not 0 <= c.value < 1000:
        return False
    hm = _HALF_TAIL.match(text, c.e, hi)
    if not hm:
        return False
    c.value += 0.5
    c.e = hm.end()
    sm = _RANGE_SCALE.match(text, c.e, hi)
    if sm:
        c.value *= _word_value("one " + sm.group(1).lower()) or 1.0
        c.e = sm.end()
    c.after = c.after_num = text[c.e : min(hi, c.e + 40)]
    return bool(re.match(r"[-‐]", c.after)) and _hyphen_word_is_no_figure(text, c, "half", hi)


def _scale_both_ends(text: str, c: _Candidate, hi: int, high: float) -> float:
    """A scale word after a range counts for both ends: "5-6 million" is 5 to 6 million, not 5 to 6.

    Moves the figure's end past the scale word, multiplies its value and returns the scaled upper
    end; the word after the scale then settles the kind ("3 to 4 billion dollars" is money).
    """
    sm = _RANGE_SCALE.match(text, c.e, hi)
    if not sm:
        return high
    factor = _word_value("one " + sm.group(1).lower()) or 1.0
    c.value *= factor
    c.scale = sm.group(1)
    c.e = sm.end()
    c.after = text[c.e : min(hi, c.e + 40)]
    _settle_kind(text, c, hi)
    return high * factor


def _read_range(text: str, c: _Candidate, hi: int) -> tuple[float | None, bool] | None:
    """The upper end of a range after the figure, and whether "between" drops the hedge.

    None when the two numbers are years ("1700-1721"), so neither is a figure.
    """
    dig, before, value = c.dig, c.before, c.value
    rm = _RANGE_TAIL.match(text, c.e, hi) if dig else None
    if rm and (not before.rstrip().lower().endswith(("between", "from")) and rm.group(0).strip()[:3].lower() == "and"):
        rm = None
    if rm and c.pct and re.match(r"\s?%", text[rm.end() : rm.end() + 2]) and not re.match(r"\s*(?:to|and)", rm.group(0)):
        rm = None  # "41%-54%": two shares side by side, not a range
    if not rm or not dig:
        return None, False
    hv = _digits_value(rm.group("num"))
    follow = text[rm.end() : rm.end() + 1]
    nw_after = _WORD_AFTER.match(text[rm.end() : min(hi, rm.end() + 30)])
    counts_follow = bool(nw_after and nw_after.group(1).islower() and nw_after.group(1) not in _STOP_COUNTED
                         and nw_after.group(1) not in TIME_UNITS)
    if hv > value and not (follow and (follow.isalnum() or follow in "-/:")) and not (
        len(dig) == 4 and 1000 <= value <= 2100 and 1000 <= hv <= 2100 and not counts_follow
    ):
        high = hv
        if c.scale or c.abbr:
            high = hv * (value / _digits_value(dig))
        c.e = rm.end()
        if not (c.scale or c.abbr):
            high = _scale_both_ends(text, c, hi, high)
        pct_tail = re.match(r"\s?%|\s+per\s?cent\b|\s+percent\b", text[c.e : min(hi, c.e + 24)])
        if pct_tail:
            c.e += pct_tail.end()
            c.kind = "percent"
        return high, before.rstrip().lower().endswith("between")
    if len(dig) == 4 and 1000 <= value <= 2100:
        return None
    return None, False
