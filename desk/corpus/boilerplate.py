"""Page furniture in article text: found by patterns here, by repetition across a folder later.

Boilerplate is kept in the text (the reader shows it dimmed) but is never a
passage and never counts in comparisons.  All rules are general patterns of
web and wire furniture, not strings of particular articles.  Line rules apply
only to short lines (a body without paragraph breaks is one long line and is
never swallowed whole):

=====================  =====================================================
reason                 what it matches
=====================  =====================================================
advertisement          "Advertisement", "Sponsored content", "Story continues below"
also-read link         "Also Read | ...", "Read more: ...", "See also ...", and the short
                       headline-like lines listed under a bare "Also Read:" label
navigation             a line that is only a control or menu word: "Search",
                       "Continue", "Share", "Remind me later.", "Not ready to support today?",
                       "Source link", "Skip to content" ...
breadcrumb             "Home / International / ...", "Home > World > ..."
wire id                one token of capitals followed by many digits ("MENAFN1106...ID...")
wire credit            a "(MENAFN- Outlet)" style credit at the start of a paragraph (the span only)
comment form           "Leave a reply", "Your email address will not be published",
                       "Required fields are marked *", their German forms, form labels
newsletter             sign-up, follow-us and app prompts; inside any paragraph, a prompt to follow an
                       outlet's coverage at a link ("___ Follow our coverage of the strike at https://...",
                       the span only)
click here             any short line that asks the reader to "click here"
legal disclaimer       "Disclaimer:" / "Legal Disclaimer:" and the paragraph after a bare label;
                       copyright and "All rights reserved" lines
photo credit           "Photo: ...", "Image credit ...", "Getty Images" lines; the credit closing a
                       caption ("... in April. Photograph: Jane Roe/Agency"), alone or as a block
                       between double spaces of a page saved as one line (the credit's span only)
credit line            "Reporting by ...; editing by ...", "Additional reporting by ..."
byline                 "By Jane Doe and John Roe", "By Jane Doe, Moscow correspondent"; inside a
                       long line, a byline in capitals that opens the next story of a page
                       ("... he said. BY JANE DOE FOR THE DAILY POST Another ...", the span only)
markup                 the "## " of a Markdown heading (the span only)
date line              a line that is only a date and time ("Tuesday, 02 January 2024 12:17 GMT")
donation appeal        a block opened by "A message from ...:", "Dear readers," or a
                       "support us / donate" paragraph, running on over the following
                       paragraphs written in the first or second person
outlet self-promotion  first-person-plural paragraphs ("we", "our", outside quotations)
                       directly before a donation or click-here block
=====================  =====================================================

"repeated title" (a second copy of the title) is marked by the reader, and
"repeated across folder" by :func:`desk.corpus.apply_repeated`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desk.model import Boilerplate

from .dates import date_line
from .passages import sentence_spans

_I = re.IGNORECASE

_ADVERT = re.compile(
    r"^(?:advertisements?|advert|ad|anzeige|werbung|sponsored(?: content| links?)?|paid content"
    r"|story continues(?: below)?(?: (?:this )?advertisement)?|scroll (?:down )?to continue(?: reading)?"
    r"|article continues below(?: advertisement)?)\W*$",
    _I,
)
_ALSO_READ = re.compile(
    r"^(?:(?:also read|read also|also see|read more|see also|must read)\b"
    r"|(?:don[’']?t miss|more from|more on this|you (?:may|might) also like|recommended(?: for you)?"
    r"|related(?: articles?| stories| news| coverage)?|top stories|trending(?: now)?|more stories|watch|listen)"
    r"\b\s*(?:[:|\-–—»›]|$))",
    _I,
)
_CREDIT_LINE = re.compile(
    r"^(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|produced)(?: by)?\b[^.]{0,150}"
    r"(?:;\s*(?:editing|writing|additional reporting) by\b[^.]{0,150})?\)?)$",
    _I,
)
#: a whole sentence crediting the story's contributors: "Ana Roe and news agencies contributed to this
#: report (from Lisbon)."; nothing but the places they reported from may follow
_CONTRIBUTED = re.compile(
    r"^[^.!?]{1,300}\bcontributed\s+(?:(?:additional\s+)?reporting(?:\s+to\s+(?:this|the)\s+(?:report|story|article))?"
    r"|to\s+(?:this|the)\s+(?:report|story|article))(?:\s+(?:from|in)\s+[^.!?]{1,120})?\s*\.?$",
    _I,
)
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Then|Now|Contrast|Comparison|Far|Law)\b)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&|und|et|y)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}){0,3}"
    r"(?:\s*[,|–—-]\s*[\w .'’-]{0,40})?$"
)
#: a byline in capitals inside running text, where a page glues several stories together
_CAPS_WORD = r"[A-Z][A-Z'’.-]+"
_INLINE_BYLINE = re.compile(
    r"(?:^|(?<=[.!?'’\"”] ))BY (?:" + _CAPS_WORD + r" ){1,4}(?:(?:AND|&) (?:" + _CAPS_WORD + r" ){1,4})?"
    r"(?:FOR|IN) " + _CAPS_WORD + r"(?: " + _CAPS_WORD + r"){0,2}(?=\s+[A-Z][a-z]|\s*$)"
)
#: ... and in ordinary case where a page runs the headline, the byline and the first sentence into one line:
#: "... near the river By Ann Lowe for QuayOnline Army gunners shot ...": after a word, a name of two or three
#: capitalised words (two names joined by "and"), "for" and one word of the outlet, then a capitalised word
_NAME_WORDS = r"[A-Z][a-z'’-]+(?: [A-Z][a-zA-Z'’-]+){1,2}"
_GLUED_BYLINE = re.compile(
    r"(?<=[a-z0-9'’\"”?!.] )By " + _NAME_WORDS + r"(?: and " + _NAME_WORDS + r")? [Ff]or [A-Z][A-Za-z]+(?=\s+[A-Z])"
)
_BARE_LABEL = re.compile(r"[^:|]*[:|]?\s*")
_HEADING_MARK = re.compile(r"^#{1,6}\s+")
_NAVIGATION = re.compile(
    r"^(?:search|menu|home|continue(?: reading)?|close|share(?: this(?: article| story| page)?)?"
    r"|share (?:on|via) \w+|tweet|print(?: this(?: page| article))?|e-?mail|comments?|show comments"
    r"|view comments|skip to (?:main )?content|back to top|log ?in|sign ?in|sign ?up|register"
    r"|subscribe(?: now)?|next(?: article)?|previous(?: article)?|more|loading|source link|copy link"
    r"|listen to (?:this )?article|remind me later|not ready to support today|maybe later|no,? thanks"
    r"|accept(?: all)?(?: cookies)?|cookie settings|toggle navigation|open menu|close menu)\W*$",
    _I,
)
_BREADCRUMB = re.compile(r"^home\s*(?:/|›|»|>|\|)\s*\S", _I)
_WIRE_ID = re.compile(r"^[A-Z]{3,}\d{8,}[A-Z0-9]*$")
_WIRE_CREDIT = re.compile(r"^\((?:MENAFN|ANI|IANS)\s*[-–—]\s*[^()\n]{1,60}\)\s*")
_COMMENT_FORM = re.compile(
    r"(?:leave a (?:reply|comment)|schreibe einen kommentar|hinterlasse einen kommentar"
    r"|e-?mail-adresse wird nicht veröffentlicht|email address will not be published"
    r"|required fields are marked|erforderliche felder sind mit|save my name,? e-?mail"
    r"|meinen namen, meine e-mail-adresse|post comment|kommentar abschicken|cancel reply"
    r"|must be logged in to post a comment|^(?:name|e-?mail|website|webseite|kommentar|comment)\s*\*?\s*$)",
    _I,
)
_NEWSLETTER = re.compile(
    r"(?:\bsign up (?:for|to|here)\b|\bsubscribe (?:to|for) (?:our|the)\b"
    r"|\b(?:our|free|daily|weekly|morning|evening)\b[^.]{0,30}\bnewsletters?\b"
    r"|delivered (?:straight |directly )?to your inbox|\bfollow us on\b|\bjoin (?:us|our \w+) on\b"
    r"|\bdownload (?:our|the) app\b|\bget the app\b|\bturn on notifications\b)",
    _I,
)
_CLICK_HERE = re.compile(r"\bclick here\b|\btap here\b", _I)
_DISCLAIMER_LABEL = re.compile(r"^(?:legal )?disclaimer\s*:?\s*$", _I)
_DISCLAIMER = re.compile(r"^(?:legal )?disclaimer\s*:", _I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", _I)
_PHOTO = re.compile(
    r"^(?:photo|image|picture|photograph|video|credit|file photo|main image|top image)s?"
    r"(?: credit)?\s*(?::|by\b|–|—)|getty images\W*$|^\(?(?:ap|afp|reuters|getty) photo\b",
    _I,
)
_APPEAL_OPENER = re.compile(
    r"^(?:a (?:message|note|word) from .{2,60}?:?|dear (?:readers?|friends|subscribers?|supporters?)\W*"
    r"|support (?:independent|our|quality|free) journalism.{0,80}|become a (?:member|supporter|subscriber).{0,80}"
    r"|we need your (?:help|support).{0,80})$",
    _I,
)
_DONATION = re.compile(
    r"\b(?:donat\w+|support us|supporting us|contributions?|contribute|make a gift|one-off|patreon"
    r"|gofundme|paypal|become a (?:member|supporter|subscriber)|subscrib\w+|support (?:independent|our)"
    r"|please support)\b",
    _I,
)
# enough on its own (with "you"/"your") to open an appeal; the broader list above only continues one
_DONATION_STRONG = re.compile(
    r"\b(?:donat\w+|support us|supporting us|make a gift|patreon|gofundme|paypal|please support"
    r"|become a (?:member|supporter|subscriber)|support (?:independent|our) (?:journalism|work|reporting))\b",
    _I,
)
_PERSON2 = re.compile(r"\b(?:you|your|yours)\b", _I)
_PERSON12 = re.compile(r"\b(?:we|our|us|you|your|yours)\b", _I)
_PERSON1_PLURAL = re.compile(r"\b(?:we|our|ours|us)\b", _I)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|„[^“”]*[“”]|«[^»]*»")
_TERMINAL = tuple(".!?\"'”’)»…")


def _words(line: str) -> int:
    return len(line.split())


def outside_quotes(text: str) -> str:
    """``text`` with quoted speech removed (so a quoted "we" is not the outlet's voice)."""
    return _QUOTED.sub(" ", text)


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str  # stripped
    para: int  # paragraph number (blank lines separate paragraphs)


@functools.lru_cache(maxsize=4)
def lines_of(text: str) -> list[Line]:
    """Non-blank lines with offsets of their stripped text, numbered by paragraph.

    Cached: detection, title finding and signatures all walk the same text
    (callers must not change the list)."""
    out: list[Line] = []
    para = 0
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            if blank and out:
                para += 1
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped, para))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return out


@functools.lru_cache(maxsize=8192)
def _line_reason(line: str) -> str:
    """The boilerplate reason for one whole line, or ''."""
    if len(line) > 800:  # surely more than 60 words: content
        return ""
    n = _words(line)
    if n > 60:
        return ""
    if n <= 12:
        if _ADVERT.match(line):
            return "advertisement"
        if _NAVIGATION.match(line):
            return "navigation"
        if _WIRE_ID.match(line):
            return "wire id"
        if date_line(line) is not None:
            return "date line"
    if n <= 30:
        if _ALSO_READ.match(line):
            return "also-read link"
        if _BREADCRUMB.match(line):
            return "breadcrumb"
        if _COMMENT_FORM.search(line):
            return "comment form"
        if _NEWSLETTER.search(line):
            return "newsletter"
        if _COPYRIGHT.search(line):
            return "legal disclaimer"
        if n <= 20 and _PHOTO.search(line):
            return "photo credit"
        if _CREDIT_LINE.match(line) or _CONTRIBUTED.match(line):
            return "credit line"
        if n <= 16 and _BYLINE.match(line):
            return "byline"
    if _DISCLAIMER.match(line):
        return "legal disclaimer"
    if _CLICK_HERE.search(line):
        return "click here"
    return ""


def _is_headline_like(line: str) -> bool:
    return _words(line) <= 20 and not line.endswith(_TERMINAL)


def detect(text: str) -> list[Boilerplate]:
    """Boilerplate spans of ``text`` found by the patterns above, in order."""
    lines = lines_of(text)
    reasons = [""] * len(lines)
    extra: list[Boilerplate] = []

    for i, ln in enumerate(lines):
        reasons[i] = _line_reason(ln.text)
        if not reasons[i]:
            m = _WIRE_CREDIT.match(ln.text)
            if m:
                extra.append(Boilerplate(ln.start, ln.start + len(m.group(0).rstrip()), "wire credit"))
            extra.extend(Boilerplate(ln.start + b.start(), ln.start + b.end(), "byline")
                         for b in _INLINE_BYLINE.finditer(ln.text))
            if "By " in ln.text:
                extra.extend(Boilerplate(ln.start + b.start(), ln.start + b.end(), "byline")
                             for b in _GLUED_BYLINE.finditer(ln.text))
            h = _HEADING_MARK.match(ln.text)
            if h:
                # the Markdown heading marker, not the heading
                extra.append(Boilerplate(ln.start, ln.start + len(h.group(0).rstrip()), "markup"))

    # the headlines listed under a bare "Also Read:" label
    for i, ln in enumerate(lines):
        if reasons[i] == "also-read link" and _words(ln.text) <= 4 and _BARE_LABEL.fullmatch(ln.text):
            j = i + 1
            while j < len(lines) and not reasons[j] and _is_headline_like(lines[j].text):
                reasons[j] = "also-read link"
                j += 1

    # a disclaimer label owns the paragraph after it
    for i, ln in enumerate(lines):
        if reasons[i] == "legal disclaimer" and _DISCLAIMER_LABEL.match(ln.text):
            j = i + 1
            para = lines[j].para if j < len(lines) else -1
            while j < len(lines) and lines[j].para == para:
                reasons[j] = "legal disclaimer"
                j += 1

    _mark_appeals(lines, reasons)

    # furniture sentences inside long lines (bodies without paragraph breaks), and a credit
    # sentence at the end of any paragraph
    for i, ln in enumerate(lines):
        if not reasons[i] and (len(ln.text) > 400 or _CONTRIBUTED_IN.search(ln.text)):
            extra.extend(_furniture_sentences(ln))
        if not reasons[i] and _CREDIT_WORD.search(ln.text):
            extra.extend(_captions(ln))

    spans = [Boilerplate(ln.start, ln.end, r) for ln, r in zip(lines, reasons, strict=True) if r]
    spans.extend(extra)
    if "://" in text:
        spans.extend(_coverage_prompts(text))
    return merge(spans)


#: a wire's prompt to follow its coverage at a link, anywhere in a paragraph, with the separator run
#: before it: "___ Follow the Agency's coverage of the strike at https://...", "Full coverage: https://..."
_COVERAGE_PROMPT = re.compile(
    r"(?:_{2,}\s*)?\b(?:(?:follow|read|see|find)\b[^.!?\n]{0,60}?\bcoverage|(?:full|more|all|latest)\s+coverage)\b"
    r"[^.!?\n]{0,80}?(?:\bat\b|\bhere\b|:)\s*https?://\S+",
    _I,
)


def _coverage_prompts(text: str) -> list[Boilerplate]:
    """Inline "Follow ...'s coverage of ... at https://..." prompts (the span from any underscore separator
    before them to the end of the link; what a page runs on after the link is left alone)."""
    return [Boilerplate(m.start(), m.end(), "newsletter") for m in _COVERAGE_PROMPT.finditer(text)]


#: where a line may hold a credit sentence (:data:`_CONTRIBUTED` decides, sentence by sentence)
_CONTRIBUTED_IN = re.compile(
    r"\bcontributed\s+(?:additional\s+)?(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))\b", _I
)

_SENTENCE_FURNITURE = (
    ("click here", _CLICK_HERE),
    ("credit line", _CONTRIBUTED),
    # (an e-mail or bulletin by name too: "Sign up to our morning Markets Brief email or follow ... @Desk")
    ("newsletter", re.compile(
        r"\bsign up (?:to|for)\b.{0,80}\b(?:newsletter|e-?mail|bulletin)s?\b|\bnewsletter\b.{0,60}\bsign up\b", _I
    )),
)


def _furniture_sentences(ln: Line) -> list[Boilerplate]:
    """Sentences of a long line that are page furniture ("Click here to follow our live blog")."""
    if not (any(p.search(ln.text) for _, p in _SENTENCE_FURNITURE) or _CONTRIBUTED_IN.search(ln.text)):
        return []
    out = []
    for a, b in sentence_spans(ln.text):
        sentence = ln.text[a:b]
        for reason, pattern in _SENTENCE_FURNITURE:
            m = pattern.search(sentence)
            if not m:
                continue
            if len(sentence[: _block_end(sentence, m.end())].split()) > 40:
                break  # a long sentence that mentions a newsletter is the story
            # scraped furniture often lacks a full stop and runs into the next sentence:
            # a double space marks the old block boundary; failing that, a long run-on is cut
            # after the matched phrase (newsletter) or left alone (click here)
            gap = sentence.find("  ", m.end())
            end = b
            if gap >= 0:
                end = a + gap
            elif len(sentence.split()) > 20:
                if reason != "newsletter":
                    break
                tail = re.match(r"\s+(?:here|now|today)\b\W?", sentence[m.end() :])
                end = a + m.end() + (tail.end() if tail else 0)
            end = a + len(ln.text[a:end].rstrip())
            out.append(Boilerplate(ln.start + a, ln.start + end, reason))
            break
    return out


#: a picture's credit closing its caption: "... in April. Photograph: Jane Roe/Agency", "Photograph: supplied"
_CREDIT_LABEL = r"\b(?:photograph|photo|picture|image|illustration|composite)s?(?:\s+credit)?\s*:"
_CAPTION_CREDIT = re.compile(_CREDIT_LABEL + r"\s*[^.!?:\s][^.!?:]{0,79}$", _I)
#: (the label alone: a cheap test of a line before its blocks are read)
_CREDIT_WORD = re.compile(_CREDIT_LABEL, _I)
#: a stretch of a line between double spaces, which mark the old block boundaries of a page saved as one line
_BLOCK = re.compile(r"\S(?:(?! {2}).)*")
#: the most words a caption has
CAPTION_WORDS = 60


def _captions(ln: Line) -> list[Boilerplate]:
    """The credits that close picture captions in a line (the span of the credit only).

    A page saved without line breaks keeps each caption as a block between double spaces ("...correct.
    Ruins of the depot in May. Photograph: Agency   The ..."): with its credit run into the next
    sentence, "Photograph" became a claimant.  The caption itself stays text (it can carry a fact: "where
    at least 600 people are thought to have died"); the credit, cut out, ends the caption's passage.
    """
    out = []
    for m in _BLOCK.finditer(ln.text):
        block = m.group(0).rstrip()
        credit = _CAPTION_CREDIT.search(block)
        if credit and _words(block) <= CAPTION_WORDS:
            out.append(Boilerplate(ln.start + m.start() + credit.start(), ln.start + m.start() + len(block),
                                   "photo credit"))
    return out


#: a picture's credit in brackets, where a wire caption ends, anywhere in a line: "(AP Photo/Jane Roe, File)",
#: "(AP Photo)", "(Jane Roe/Agency via AP)", "(Photo by Jane Roe/Getty Images)", "(Jane Roe/AFP)".  Run into
#: the story ("... in May. (AP Photo/Jane Roe, Pool) She said ..."), its names were read as a claimant
_CREDIT_AGENCY = r"(?:AP|AFP|EPA|UPI|Reuters|Getty\s+Images|Shutterstock|Alamy|PA(?:\s+Images)?|Xinhua|Sputnik|TASS|ANP|DPA)"
_PAREN_CREDIT = re.compile(
    r"\(\s*(?:"
    r"(?:AP|AFP|EPA|UPI|Reuters|Getty|PA)\s+(?:photo|image|picture)s?\b[^()\n]{0,80}"  # (AP Photo/Jane Roe)
    r"|(?:photo|image|picture)s?\s+by\s[^()\n]{1,80}"  # (Photo by Jane Roe/Agency)
    r"|[^()\n]{1,80}?(?:\bvia\s+|/)" + _CREDIT_AGENCY + r"(?:\s+(?:photo|images?))?"  # (Jane Roe/Agency via AP)
    r"\b(?:\s*,\s*(?:file|pool))*"
    r")\s*\)",
    _I,
)
#: (a cheap test of a line before the pattern reads it)
_PAREN_CREDIT_HINT = re.compile(r"\((?:[^()\n]{0,80}?(?:photo|image|picture|\bvia\s|/))", _I)


def picture_credits(text: str) -> list[tuple[int, int]]:
    """The spans of the bracketed picture credits in ``text``, which the parser reads blanked
    (:func:`desk.extract.parsed_text`).  They stay story text for passages and comparisons: cut out, the
    sentence after a credit changed its words, and rows regrouped around it for no better reason."""
    if not _PAREN_CREDIT_HINT.search(text):
        return []
    return [(m.start(), m.end()) for m in _PAREN_CREDIT.finditer(text)]


def _block_end(sentence: str, after: int) -> int:
    """Where furniture that ran on into the next block ends: the double space after ``after`` (scraped
    pages mark an old block boundary so), else the sentence's end."""
    gap = sentence.find("  ", after)
    return gap if gap >= 0 else len(sentence)


def _paragraph_groups(lines: list[Line]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, ln in enumerate(lines):
        if groups and lines[groups[-1][0]].para == ln.para:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _mark_appeals(lines: list[Line], reasons: list[str]) -> None:
    """Donation appeals and the outlet's self-promotion around them (paragraph rules)."""
    groups = _paragraph_groups(lines)
    texts = [" ".join(lines[i].text for i in g) for g in groups]
    marked = [all(reasons[i] for i in g) for g in groups]
    kind = [""] * len(groups)

    def mark(k: int, reason: str) -> None:
        for i in groups[k]:
            if not reasons[i]:
                reasons[i] = reason
        kind[k] = reason
        marked[k] = True

    k = 0
    while k < len(groups):
        t = texts[k]
        n = _words(t) if len(t) < 1500 else 999
        opener = n <= 20 and bool(_APPEAL_OPENER.match(t))
        standalone = n <= 90 and bool(_DONATION_STRONG.search(t)) and bool(_PERSON2.search(outside_quotes(t)))
        if opener or standalone:
            mark(k, "donation appeal")
            j = k + 1
            while j < len(groups):
                u = texts[j]
                if marked[j]:
                    j += 1
                    continue
                plain = outside_quotes(u) if len(u) < 2000 else ""
                if plain and _words(u) <= 120 and (_PERSON12.search(plain) or _DONATION.search(u)):
                    mark(j, "donation appeal")
                    j += 1
                    continue
                break
            k = j
            continue
        k += 1

    # promotion written by the outlet in the first person, just before an appeal or a click-here block
    for k in range(len(groups)):
        first = groups[k][0]
        if reasons[first] not in ("donation appeal", "click here"):
            continue
        j = k - 1
        while j >= 0 and not marked[j]:
            if len(texts[j]) < 2000 and _words(texts[j]) <= 120 and _PERSON1_PLURAL.search(outside_quotes(texts[j])):
                mark(j, "outlet self-promotion")
                j -= 1
            else:
                break


def merge(spans: Iterable[Boilerplate]) -> list[Boilerplate]:
    """Sorted spans with overlaps resolved (the earlier span keeps its reason)."""
    out: list[Boilerplate] = []
    for b in sorted(spans, key=lambda b: (b.start, -b.end)):
        if out and b.start < out[-1].end:
            if b.end > out[-1].end:
                out.append(Boilerplate(out[-1].end, b.end, b.reason))
            continue
        out.append(b)
    return out


# --------------------------------------------------------------------------
# Repetition across a folder

_KEY_PUNCT = re.compile(r"[^\w\s]+")
_KEY_SPACE = re.compile(r"\s+")
KEY_MAX_WORDS = 15


def line_key(line: str) -> str:
    """A line normalised for comparison across files: case, punctuation, spacing."""
    return _KEY_SPACE.sub(" ", _KEY_PUNCT.sub(" ", line.casefold())).strip()


def short_lines(text: str) -> Iterable[Line]:
    """Lines short enough to be furniture (a long line is content)."""
    for ln in lines_of(text):
        if _words(ln.text) <= KEY_MAX_WORDS:
            yield ln


def covered(boilerplate: list[Boilerplate], start: int, end: int) -> bool:
    return any(b.start <= start and end <= b.end for b in boilerplate)


def repeated_keys(key_sets: Iterable[set[str]], *, min_files: int = 3, min_share: float = 0.02) -> set[str]:
    """Keys of lines that occur in at least ``min_files`` files and ``min_share`` of all files."""
    counts: dict[str, int] = {}
    total = 0
    for keys in key_sets:
        total += 1
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
    need = max(min_files, int(min_share * total + 0.999))
    return {k for k, c in counts.items() if c >= need}
