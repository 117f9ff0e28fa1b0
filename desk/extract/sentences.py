"""Cheap sentence and line splitting with character offsets (no model)."""

from __future__ import annotations

import re

#: words that end with a full stop but end no sentence: "Gen.", "St.", "U.S"
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "prof", "rep", "sen",
    "gov", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.g",
    "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "fig", "approx", "adm", "cmdr", "rev", "hon", "pres", "dept", "est", "a.m", "p.m", "mt", "ft",
}


def _end_re(single: str) -> re.Pattern[str]:
    """A sentence's end: a full stop (or ! ? …) with any closing quotes and brackets after it, before a
    capital or a list mark; ``single`` ("'" or "") adds the straight single quote to the quote marks."""
    return re.compile(
        rf"[.!?…]+[\"”’{single})\]]*(?=\s+(?:[\"“‘{single}(\[]?[A-Z0-9А-ЯІЇЄ]|[—–•*]\s))"
    )


#: with straight single quotes (the British papers quote with them: "... he said. 'We will stay.' The mayor ...")
_END = _end_re("'")
#: without them (see :func:`sentences`)
_END_DOUBLE = _end_re("")


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), stripped of surrounding blanks."""
    if end is None:
        end = len(text)
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            nl = end
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos = nl + 1
    return out


#: a mark that opens a quotation: a curly opening quote, or a straight one at the start of a word
_QUOTE_OPEN_RE = re.compile(r"[“‘]|(?<![\w.,;:!?’'\"])[\"'](?=[A-Za-z0-9])")
#: a mark that closes one: a curly closing quote, or a straight one after a word or a stop, before a blank or a stop
_QUOTE_CLOSE_RE = re.compile(r"[”’](?![A-Za-z])|(?<=[\w.,!?…])[\"'](?=[\s.,;:!?)]|$)")
#: the furthest a quotation's tagged end is looked for (characters)
QUOTE_RUN_ON_SPAN = 300
#: any mark :data:`_QUOTE_OPEN_RE` may match at: a stretch without one opens no quotation, which one plain
#: search tells (most sentences quote nothing, and the opening pattern's look-behind tests every character)
_QUOTE_MARK_RE = re.compile(r"[“‘\"']")
#: the word before a full stop (abbreviations, initials: see :func:`sentences`), compiled once: the
#: splitter tests every stop of the sentences a comparison meets
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def _inside_tagged_quote(text: str, s: int, dot: int, after: int, le: int) -> bool:
    """Whether the stop at ``dot`` (its sentence begun at ``s``; ``after`` past its marks) lies inside a
    quotation opened since ``s`` that ends, within :data:`QUOTE_RUN_ON_SPAN` characters on its line, with a
    comma before its closing mark: "'Our people. Ours. Vell,' the mayor wrote" is one sentence, its tag
    at the end ("'We stay.' The mayor left." and '"We stay." Then ...' are two)."""
    if _QUOTE_MARK_RE.search(text, s, dot) is None:
        return False  # no mark that could open a quotation since ``s``
    opened = [q.start() for q in _QUOTE_OPEN_RE.finditer(text, s, dot)]
    if not opened:
        return False
    if _QUOTE_CLOSE_RE.search(text, opened[-1] + 1, after) is not None:
        return False  # the last quotation closed before the stop (or with it)
    close = _QUOTE_CLOSE_RE.search(text, after, min(le, after + QUOTE_RUN_ON_SPAN))
    return close is not None and text[close.start() - 1] == ","


def sentences(
    text: str, start: int = 0, end: int | None = None, *, single_quotes: bool = True, tagged_quotes: bool = False
) -> list[tuple[int, int]]:
    """Sentences as (start, end); a line break always ends a sentence.

    With ``single_quotes=False`` a sentence closed by a straight single quote runs on into the next
    (a comparison's units keep "The mayor said: 'We will stay.'" with what follows: measured on
    compare_dev, together fell from 0.710 to 0.694 when they were cut there).  With ``tagged_quotes``
    a quotation of several sentences whose tag follows it ("'Ours. Vell,' the mayor wrote") is one
    sentence (:func:`_inside_tagged_quote`): a comparison's units never start inside it."""
    out: list[tuple[int, int]] = []
    ends = _END if single_quotes else _END_DOUBLE
    for ls, le in lines(text, start, end):
        s = ls
        for m in ends.finditer(text, ls, le):
            dot = m.start()
            if tagged_quotes and _inside_tagged_quote(text, s, dot, m.end(), le):
                continue
            word = _WORD_BEFORE_RE.search(text[max(ls, dot - 12) : dot]) if text[dot] == "." else None
            if word:
                w = word.group(1).lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _INITIALS_RE.fullmatch(w):
                    continue
            e = m.end()
            if e > s:
                out.append((s, e))
            s = e
            while s < le and text[s].isspace():
                s += 1
        if s < le:
            out.append((s, le))
    return out


def is_headline(text: str, start: int, end: int) -> bool:
    """A short line without closing punctuation: a title or a sub-heading."""
    line = text[start:end].rstrip()
    if not line or line[-1] in ".!?\"”…;,":
        return False
    return len(line.split()) <= 30


def sentence_at(text: str, at: int, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """The sentence of ``text[start:end]`` (by :func:`sentences`) that holds offset ``at``; the whole
    stretch when none does.  The one answer to "the sentence of this figure" for the compare rows, the
    timeline and the claims table, so that the three show the same sentence."""
    stop = len(text) if end is None else end
    return next(((s, e) for s, e in sentences(text, start, stop) if s <= at < e), (start, stop))
