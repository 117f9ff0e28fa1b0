"""Tokens for comparing passages: words, whole numbers and whole names.

Two views of a passage are used:

* :func:`word_tokens` keeps every word with its span, numbers whole
  (``14,400``, ``1.2K``, ``5.7 million``, ``$2``, ``40%``) and runs of
  capitalised words whole (``Volodymyr Zelensky``), for word diffs;
* :func:`content_stems` keeps the content words only, lower-cased and
  crudely stemmed, for measuring how much two passages say the same thing.

No spaCy here: a comparison touches hundreds of passages and must take
milliseconds, so the stemmer is a small suffix stripper.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|bn|m|k)"
_NUMBER = (
    r"[$€£]?\d+(?:[.,]\d+)*(?:\.\d+)?"  # 14,400  1.2  $2
    r"(?:\s?(?:%|per\s?cent\b)|(?:[KkMmBb]\b)|(?:\s" + _SCALE + r"\b))?"
)
#: a letter, then word characters, with single apostrophes or hyphens inside ("don't", "Kyiv-based"); written
#: as runs, not one character at a time with a look-ahead: the same matches on all 27 million characters of
#: ukraine-media, in three quarters of the time
_WORD = r"[^\W\d_]\w*(?:['’\-]\w+)*"

_TOKEN_RE = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>{_WORD})", re.UNICODE)

_STOP_TEXT = (
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves said says say saying told according would also one
    mr mrs ms per via amid among upon within without across around since yet still however including
    """
)
STOPWORDS = frozenset(_STOP_TEXT.split())

# Words that name the same counted thing.  General vocabulary of casualty
# and war reporting, not any one article's wording.
SYNONYMS = {
    "troop": "soldier",
    "servicemen": "soldier",
    "serviceman": "soldier",
    "servicemember": "soldier",
    "personnel": "soldier",
    "fighter": "soldier",
    "injur": "wound",
    "injuri": "wound",
    "hurt": "wound",
    "dead": "kill",
    "die": "kill",
    "died": "kill",
    "dies": "kill",
    "death": "kill",
    "fatal": "kill",
    "fataliti": "kill",
    "live": "kill",  # "claimed the lives of"
    "life": "kill",
    "peopl": "person",
    "pow": "prison",
    "prison": "prison",
    "prisoner": "prison",
    "detaine": "prison",
    "captiv": "prison",
    "remain": "bodi",
    "corps": "bodi",
    "children": "child",
    "kid": "child",
    "civilian": "civilian",
}


class Token(NamedTuple):
    """A word or number of a text (a named tuple: a passage's diff makes some thirty of them, and a
    tuple is made in a third of a frozen dataclass's time)."""

    start: int  # offsets into the text the token came from
    end: int
    text: str
    key: str  # case- and punctuation-free form used for matching
    number: bool = False


def _number_key(text: str) -> str:
    """``14,400`` and ``14400`` compare equal; ``14,`` never becomes a token."""
    t = text.lower().replace(" ", "")
    t = t.replace("percent", "%").replace("per cent", "%")
    t = t.replace(",", "")
    return t


def word_tokens(text: str, *, names: bool = True) -> list[Token]:
    """Words and numbers of ``text`` with their spans; names kept whole."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if m.lastindex == 1:  # the one group that took part: the number (1) or the word (2)
            num = m[1]
            append(Token(s, e, num, _number_key(num), True))
        else:
            word = m[2]
            append(Token(s, e, word, word.lower().replace("’", "'"), False))
    if not names:
        return out
    return _join_names(text, out)


def _is_cap(tok: Token) -> bool:
    return not tok.number and tok.text[:1].isupper() and tok.key not in STOPWORDS


def _join_names(text: str, toks: list[Token]) -> list[Token]:
    """Merge runs of capitalised words separated by single spaces into one token."""
    out: list[Token] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if not _is_cap(t):
            out.append(t)
            i += 1
            continue
        j = i
        while j + 1 < n and _is_cap(toks[j + 1]) and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        if j == i:
            out.append(t)
        else:
            s, e = t.start, toks[j].end
            words = text[s:e]
            out.append(Token(s, e, words, words.lower().replace("’", "'"), False))
        i = j + 1
    return out


#: letters outside ASCII that a case-insensitive pattern matches to an ASCII letter (long s, dotless i,
#: dotted capital I, the kelvin sign): in a text without any of them, a case-blind match of a word
#: is always in the text's lower case, so a substring test of it never says no wrongly
CASE_ODD = ("\u017f", "\u0131", "\u0130", "\u212a")


def case_odd(text: str) -> bool:
    """Whether ``text`` holds a letter of :data:`CASE_ODD` (a word test of its lower case may then miss a
    case-blind match: run the pattern itself)."""
    return not text.isascii() and any(c in text for c in CASE_ODD)


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ed", "es", "s", "ly")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, fast English stem: enough to equate ``killed``/``kills``/``killing``."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) > 4:
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                base = w[: -len(suf)]
                if suf in ("ies", "ied"):
                    base += "i"
                elif suf == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                    base = w[:-1]  # "troopes" is rare; "wounded" -> ..., "dies" -> "die"
                if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                    base = base[:-1]  # "stopped" -> "stop"
                w = base
                break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return SYNONYMS.get(w, w)


def _word_stems(w: str) -> tuple[str, ...]:
    """The content stems of one lower-cased word: none for a stop word, one per part of a hyphenated one."""
    if w in STOPWORDS or len(w) < 2:
        return ()
    if "-" in w:
        # "US-supplied" says what "U.S.-supplied" and "supplied" say: each part counts
        return tuple(stem(part) for part in w.split("-") if len(part) >= 2 and part not in STOPWORDS)
    return (stem(w),)


#: :func:`_word_stems` of the words met so far (a comparison meets the same few thousand words in
#: every sentence it profiles); cleared with :func:`stem`'s cache by :func:`clear_word_stems`
_WORD_STEMS: dict[str, tuple[str, ...]] = {}
_WORD_STEMS_SIZE = 200_000


def clear_word_stems() -> None:
    """Forget the remembered stems of words (and :func:`stem`'s own cache)."""
    _WORD_STEMS.clear()
    stem.cache_clear()


#: :data:`_TOKEN_RE` with only its words captured (a number's match gives "")
_WORDS_ONLY_RE = re.compile(rf"{_NUMBER}|({_WORD})", re.UNICODE)


def content_stems(text: str) -> list[str]:
    """The content words of ``text`` as stems, in order (duplicates kept)."""
    words = _WORDS_ONLY_RE.findall(text)
    if not words:
        return []
    out: list[str] = []
    known = _WORD_STEMS
    # one lower() for all the words (a word holds no blank; a number left "", skipped)
    for w in " ".join(words).lower().split(" "):
        got = known.get(w)
        if got is None:
            if not w:
                continue
            got = _learn_stems(w)
        out += got
    return out


def _learn_stems(w: str) -> tuple[str, ...]:
    """The stems of a word not looked up before, remembered while :data:`_WORD_STEMS` has room."""
    got = _word_stems(w)
    if len(_WORD_STEMS) < _WORD_STEMS_SIZE:
        _WORD_STEMS[w] = got
    return got


def stem_set(text: str) -> frozenset[str]:
    """``frozenset(content_stems(text))`` without the list: each distinct word looked up once (a
    passage's profile and the row order need the set only)."""
    words = _WORDS_ONLY_RE.findall(text)
    if not words:
        return frozenset()
    out: set[str] = set()
    known = _WORD_STEMS
    for w in set(" ".join(words).lower().split(" ")):
        got = known.get(w)
        if got is None:
            if not w:
                continue
            got = _learn_stems(w)
        out.update(got)
    return frozenset(out)


def counted_key(counted: str) -> frozenset[str]:
    """The stems of a figure's counted noun phrase, for "same counted thing" tests."""
    return frozenset(content_stems(counted))


# Stems that say what happened to the counted thing; two figures count the
# same thing only when these agree (killed vs wounded are different counts).
OUTCOMES = frozenset(
    {"kill", "wound", "captur", "miss", "evacuat", "arrest", "displac", "flee", "fled", "return", "destroy",
     "shot", "lost", "lose", "rescu", "releas", "exchang", "detain", "injur", "hospitalis", "hospitaliz"}
)


#: words outlets use interchangeably for one counted thing; a comparison query
#: searches for all of them so that "troops" finds "soldiers" too
QUERY_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("soldiers", "troops", "servicemen", "fighters"),
    ("soldier", "troop", "serviceman", "fighter"),
    ("killed", "dead", "died"),
    ("wounded", "injured"),
    ("prisoners", "pows", "detainees"),
    ("prisoner", "pow", "detainee"),
    ("civilians", "residents"),
)

_PLAIN_QUERY = re.compile(r"[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*)*", re.UNICODE)
#: the query language's operators (and "to" of ranges): never words of the topic
QUERY_OPERATORS = frozenset({"and", "or", "not", "to"})


def expand_query(query: str) -> str:
    """``soldiers killed`` -> ``(soldiers OR troops ...) (killed OR dead OR died)``.

    Only plain word queries are rewritten; anything with operators, fields,
    quotes or numbers is the user's own syntax and is left alone.
    """
    q = query.strip()
    if not _PLAIN_QUERY.fullmatch(q):
        return query
    words = q.split()
    if any(w.lower() in QUERY_OPERATORS for w in words):
        return query
    out = []
    changed = False
    for w in words:
        group = next((g for g in QUERY_SYNONYMS if w.lower() in g), None)
        if group is None:
            out.append(w)
        else:
            changed = True
            out.append("(" + " OR ".join(dict.fromkeys([w, *group])) + ")")
    return " ".join(out) if changed else query
