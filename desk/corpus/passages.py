"""Cutting an article's text into passages: paragraphs, or windows of whole sentences.

A passage is what search returns and what comparison aligns, so it should be
about one fact: a paragraph, or for long paragraphs and bodies without any
paragraph breaks, a window of 2-4 whole sentences of roughly 60-120 words.

Sentence boundaries are found by a small rule set rather than a model, because
ingest must read tens of thousands of articles in seconds:

- a boundary is ``.``, ``!``, ``?`` or an ellipsis, optionally followed by
  closing quotes or brackets (``."``, ``?”``, ``.)``), then whitespace, then
  an upper-case letter, a digit or an opening quote;
- there is never a boundary inside a token, so ``1.2K``, ``14,400``,
  ``5.7 million`` and ``3.5%`` stay whole;
- after a title or other abbreviation that precedes a name or a number
  (``Mr.``, ``Dr.``, ``St.``, ``Gen.``, ``Jan.``, ``No.``) there is no boundary;
- after a dotted acronym (``U.S.``, ``a.m.``), an initial (``J.``), a company
  suffix (``Inc.``) or an ellipsis there is a boundary only when the next word
  is one that typically starts a sentence (``The``, ``He``, ``But`` ...).

Windows are filled greedily sentence by sentence (see :func:`_windows`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desk.model import Boilerplate, Passage


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations after which a sentence never ends (they precede a name or a number).
_NEVER_FINAL = _set(
    """mr mrs ms mx dr prof st sen rep gov gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig
    supt insp det fr rev hon pres amb atty mt ft no nos vs v jan feb mar apr jun jul aug sep sept
    oct nov dec approx ca cf fig vol pp ed eds dept univ assn sec messrs mme mlle"""
)
# Tokens that may end a sentence but usually do not (checked against the next word).
_WEAK_FINAL = _set("inc corp co ltd llc plc bros jr sr etc al e.g i.e")
# Words that typically open a sentence: after a weak boundary they confirm it.
_STARTERS = _set(
    """the a an he she it they we i you his her their its our this that these those there here
    but and or so yet however meanwhile still also then in on at as after before when while if
    since although though despite during for from with without some many most several both each
    no not one two three four five six seven eight nine ten"""
)

# end punctuation, closing quotes, whitespace (group 1), and a next character that is
# not an ASCII lower-case letter (the rest is checked in Python)
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(\s+)(?=[^a-z\s])")
_OPENERS = "\"'“‘«([—–-"
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_WORD = re.compile(r"\S+")
#: a blank line, or a section break written inside a line ("... was correct. * * * The conflicts"), as a
#: page saved without its paragraph breaks has it: three or more stars, bullets or diamonds standing alone
_SECTION_BREAK = re.compile(r"\n[ \t\u00a0\u3000]*\n|(?<!\S)(?:[*•◆♦⁂]\s?){3,}(?!\S)")
_TERMINAL = tuple(".!?:;\"'”’)»…")

TARGET_WORDS = 90
MIN_WORDS = 60
MAX_WORDS = 120
LONG_SENTENCE_WORDS = 220
#: a sentence piece longer than this is cut at a space, or where there is none: a run of 300,000
#: characters without a space was one passage, laid out whole in a compare cell on the GUI thread
MAX_SPAN_CHARS = 2_000
#: characters that count as one word when a piece has few spaces (so that such pieces make passages
#: of one or two of them, not four)
CHARS_PER_WORD = 25


def _next_is_starter(text: str, pos: int, limit: int) -> bool:
    sp = text.find(" ", pos, min(limit, pos + 40))
    word = text[pos : sp if sp >= 0 else min(limit, pos + 40)].split("\n", 1)[0]
    return word.strip(_OPENERS + ",;:").lower() in _STARTERS


def _is_boundary(text: str, punct_start: int, next_start: int, limit: int) -> bool:
    """Is the punctuation at ``punct_start``, followed by whitespace and then
    ``text[next_start]`` (not an ASCII lower-case letter), the end of a sentence?"""
    first = text[next_start]
    if first in _OPENERS:
        i = next_start
        while i < limit and text[i] in _OPENERS:
            i += 1
        first = text[i] if i < limit else ""
    if not (first.isupper() or first.isdigit()):
        return False
    c = text[punct_start]
    if c == "!" or c == "?":
        return True
    if c == "…" or text.startswith("...", punct_start):
        return _next_is_starter(text, next_start, limit)
    # a period: look at the token it ends
    lo = max(0, punct_start - 40)
    ws = max(text.rfind(" ", lo, punct_start), text.rfind("\n", lo, punct_start))
    bare = text[(ws + 1 if ws >= 0 else lo) : punct_start]
    if len(bare) > 7 and "." not in bare:
        return True  # an ordinary long word: the common case
    bare = bare.lstrip(_OPENERS).lower()
    if not bare:
        return True
    if bare in _NEVER_FINAL:
        return False
    if bare in _WEAK_FINAL or (len(bare) >= 3 and bare[1] == "." and _ACRONYM.match(bare + ".")):
        return _next_is_starter(text, next_start, limit)
    if len(bare) == 1 and bare.isalpha():
        # an initial ("John F. Kennedy"), or a one-letter word ending a sentence
        return _next_is_starter(text, next_start, limit)
    return True


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end) offsets, whitespace trimmed."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    for m in _CANDIDATE.finditer(text, s, end):
        nxt = m.end()
        if nxt >= end:
            break
        if _is_boundary(text, m.start(), nxt, end):
            spans.append((s, m.start(1)))
            s = nxt
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
    return spans


def _split_long(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A run-on 'sentence' (a list, a body without punctuation) cut at spaces; a piece still longer
    than MAX_SPAN_CHARS (long runs without a space) cut by :func:`_cut_chars`."""
    if text.count(" ", span[0], span[1]) < LONG_SENTENCE_WORDS:
        return _cut_chars(text, span)
    words = list(_WORD.finditer(text, span[0], span[1]))
    if len(words) <= LONG_SENTENCE_WORDS:
        return _cut_chars(text, span)
    pieces = []
    chunk = TARGET_WORDS
    for i in range(0, len(words), chunk):
        group = words[i : i + chunk]
        pieces.extend(_cut_chars(text, (group[0].start(), group[-1].end())))
    return pieces


def _cut_chars(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` in pieces of at most MAX_SPAN_CHARS characters, each cut at its last space in the second
    half of that length, or at that length where there is none."""
    s, e = span
    if e - s <= MAX_SPAN_CHARS:
        return [span]
    pieces = []
    while e - s > MAX_SPAN_CHARS:
        cut = text.rfind(" ", s + MAX_SPAN_CHARS // 2, s + MAX_SPAN_CHARS)
        cut = cut if cut > s else s + MAX_SPAN_CHARS
        pieces.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        pieces.append((s, e))
    return pieces


def _windows(counts: list[int]) -> list[tuple[int, int]]:
    """Group sentence indices into windows of 2-4 sentences, about 60-120 words: [(first, last+1)].

    Greedy: a window closes once it has two sentences and 60 words, or four
    sentences, or when the next sentence would take it past 120 words; a
    one-sentence remainder joins the window before it.
    """
    groups: list[tuple[int, int]] = []
    first = 0
    words = 0
    for i, c in enumerate(counts):
        size = i - first
        if size and (size >= 4 or (size >= 2 and words + c > MAX_WORDS) or (size == 1 and words > MAX_WORDS)):
            groups.append((first, i))
            first, words = i, 0
        words += c
        if i - first + 1 >= 2 and words >= MIN_WORDS:
            groups.append((first, i + 1))
            first, words = i + 1, 0
    if first < len(counts):
        if groups and len(counts) - first == 1 and words < MIN_WORDS and groups[-1][1] - groups[-1][0] < 4:
            groups[-1] = (groups[-1][0], len(counts))
        else:
            groups.append((first, len(counts)))
    return groups


def _paragraph_passages(text: str, start: int, end: int) -> list[tuple[int, int]]:
    sentences: list[tuple[int, int]] = []
    for span in sentence_spans(text, start, end):
        sentences.extend(_split_long(text, span))
    if not sentences:
        return []
    # words, near enough; a piece with few spaces counts by its length
    counts = [max(text.count(" ", a, b) + 1, (b - a) // CHARS_PER_WORD) for a, b in sentences]
    if len(sentences) <= 4 and sum(counts) <= 160:
        return [(sentences[0][0], sentences[-1][1])]
    return [(sentences[i][0], sentences[j - 1][1]) for i, j in _windows(counts)]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines broken mid-sentence (e-mail style) rather than one paragraph per line."""
    inner = [ln.rstrip() for ln in lines[:-1] if ln.strip()]
    if not inner:
        return False
    open_ended = sum(1 for ln in inner if not ln.endswith(_TERMINAL))
    return open_ended * 2 >= len(inner)


def _paragraphs(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Paragraph spans of a region free of boilerplate: blank-line (or section-break) separated; a block
    of one-paragraph-per-line text (no blank lines) is split at its line breaks."""
    pos = start
    blocks: list[tuple[int, int]] = []
    for m in _SECTION_BREAK.finditer(text, start, end):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, end))
    for bs, be in blocks:
        chunk = text[bs:be]
        if "\n" not in chunk.strip():
            yield (bs, be)
            continue
        lines = chunk.split("\n")
        if not _is_hard_wrapped([ln for ln in lines if ln.strip()]):
            off = bs
            for line in lines:
                yield (off, off + len(line))
                off += len(line) + 1
            continue
        # wrapped text (e-mail, PDF text layers): a paragraph ends at a line that ends a
        # sentence well short of the wrap width
        width = max(len(ln.rstrip()) for ln in lines)
        off = bs
        para_start = bs
        for line in lines[:-1]:
            off += len(line) + 1
            stripped = line.rstrip()
            if stripped.endswith(_TERMINAL) and len(stripped) < 0.8 * width:
                yield (para_start, off - 1)
                para_start = off
        yield (para_start, be)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_regions(text: str, boilerplate: list[Boilerplate]) -> list[tuple[int, int]]:
    """The parts of ``text`` not covered by boilerplate, in order."""
    regions = []
    pos = 0
    for b in sorted(boilerplate, key=lambda b: (b.start, b.end)):
        if b.start > pos:
            regions.append((pos, b.start))
        pos = max(pos, b.end)
    if pos < len(text):
        regions.append((pos, len(text)))
    return regions


def cut_passages(text: str, boilerplate: list[Boilerplate]) -> list[Passage]:
    """Passages of ``text`` outside ``boilerplate``: ordered, non-overlapping, trimmed."""
    passages: list[Passage] = []
    for rs, re_ in content_regions(text, boilerplate):
        for ps, pe in _paragraphs(text, rs, re_):
            ps, pe = _trim(text, ps, pe)
            if pe <= ps or not any(ch.isalnum() for ch in text[ps:pe]):
                continue
            for ws, we in _paragraph_passages(text, ps, pe):
                passages.append(Passage(number=len(passages), start=ws, end=we))
    return passages
