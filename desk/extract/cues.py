"""The cue lexicon: words that say someone asserts, reports or believes something.

No lemmatizer runs (it costs a third of the parse), so the lexicon lists verb
lemmas and this module spells out their forms ("say" -> says, said, saying).
Three groups:

- ``SPEECH``: verbs of saying and reporting (said, told, announced, wrote);
- ``THOUGHT``: verbs of belief, knowledge and estimate that also attribute
  a claim (believes, thinks, expects, fears);
- ``EVIDENCE``: verbs whose subject may be a document or data source
  ("the report found", "UN data show", "a survey by X found").

``SELECT_RE`` is the cheap test that decides whether a sentence is worth
parsing at all; it matches any form of any cue, "according to", a quotation
mark or a colon after a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desk.extract.names import TIME_NAMES

SPEECH = {
    "say", "tell", "claim", "announce", "confirm", "report", "add", "note", "write", "state",
    "declare", "insist", "warn", "indicate", "reveal", "explain", "argue", "acknowledge",
    "assert", "allege", "deny", "suggest", "stress", "emphasise", "emphasize", "tweet",
    "post", "publish", "disclose", "cite", "quote", "promise", "vow", "pledge", "predict",
    "recall", "inform", "brief", "mention", "detail", "boast", "complain", "concede",
    "maintain", "contend", "admit", "accuse", "blame", "charge", "urge", "ask", "reply",
    "respond", "answer", "retort", "comment", "remark", "observe", "describe", "call",
    "testify", "repeat", "reiterate", "continue", "conclude", "caution", "unveil",
    "threaten", "demand", "propose", "recommend", "advise", "assure", "reassure", "tout",
    "praise", "criticise", "criticize", "condemn", "denounce", "dismiss", "reject", "question",
    "dispute", "counter", "contradict", "rebut", "refute", "proclaim", "specify",
    "clarify", "elaborate", "estimate", "calculate", "forecast", "project", "put", "count",
    "tally", "record", "register", "document", "verify", "update", "list", "identify",
    "signal", "hint", "imply", "insinuate", "joke", "quip", "shout", "yell", "scream",
    "whisper", "cry", "sigh", "laugh", "lament", "mourn", "plead", "beg", "swear", "pray",
    "brag", "concur", "agree", "disagree", "object", "protest", "grumble", "confess", "point", "highlight", "underline",
    "underscore", "flag", "anticipate", "speculate", "guess", "surmise",
    "theorise", "theorize", "posit", "affirm", "attest",
    "certify", "guarantee", "pronounce", "rule", "decide", "determine", "advertise", "publicise", "publicize", "broadcast", "air", "relay", "convey",
    "communicate", "notify", "alert", "remind", "instruct", "order", "direct", "retweet", "text", "email", "message", "blog", "expound",
}
THOUGHT = {
    "believe", "think", "expect", "fear", "hope", "doubt", "suspect", "assume", "presume",
    "suppose", "reckon", "figure", "feel", "worry", "know", "understand", "learn", "realise",
    "realize", "recognise", "recognize", "insist", "consider", "regard", "judge", "assess",
    "conclude", "find", "discover", "see", "view", "imagine", "wonder", "want", "wish", "fathom",
}
EVIDENCE = {
    "show", "find", "suggest", "indicate", "reveal", "confirm", "estimate", "put", "count",
    "record", "document", "conclude", "demonstrate", "prove", "rate", "rank", "register",
}
#: nouns that name a document or data set rather than a speaker
EVIDENCE_NOUNS = {
    "data", "figures", "figure", "statistics", "stats", "numbers", "estimate", "estimates",
    "report", "reports", "survey", "surveys", "poll", "polls", "study", "studies", "analysis",
    "research", "images", "imagery", "footage", "video", "photos", "pictures", "records",
    "documents", "document", "tally", "count", "census", "assessment", "review", "audit",
    "investigation", "inquiry", "probe", "findings", "calculations", "model", "projections",
    "forecast", "index", "ranking", "rankings", "results", "filing", "filings", "memo", "letter",
    "statement", "release", "update", "briefing", "bulletin", "readout", "transcript",
    "average", "averages", "compilation", "aggregate", "outlook", "projection", "database", "tracker",
    "dashboard",
    # the plurals of the writings above, which speak as the singular does: "independent analyses agree that ..."
    "analyses", "assessments", "reviews", "audits", "investigations", "inquiries", "probes", "models", "forecasts",
    "tallies", "counts", "memos", "statements", "releases", "briefings", "bulletins", "readouts", "transcripts",
    "compilations", "trackers", "databases", "dashboards",
}

#: writings that speak for whoever made them, unnamed: "the brief said", "one slide says",
#: "the letter reads" (listed as a source for the reader, never made a claimant)
DOCUMENT_NOUNS = {
    "brief", "briefs", "submission", "submissions", "complaint", "complaints", "petition", "petitions",
    "lawsuit", "lawsuits", "suit", "motion", "affidavit", "indictment", "ruling", "verdict", "subpoena",
    "slide", "slides", "chart", "charts", "graph", "graphic", "table", "map", "ad", "ads", "advert",
    "advertisement", "commercial", "email", "emails", "cable", "cables", "note", "notes", "sign", "signs",
    "caption", "banner", "placard", "poster", "leaflet", "flyer", "headline", "article", "articles",
    "story", "editorial", "editorials", "column", "columns", "commentary", "commentaries", "essay", "essays",
    "op-ed", "op-eds", "book", "paper", "page", "transcript", "script", "draft", "letter",
    "letters", "memo", "memos", "bill", "law", "treaty", "resolution", "manifesto", "guidelines",
    "text", "texts", "message", "messages", "post", "posts", "tweet", "tweets", "notice", "card",
    "agreement", "agreements", "arrangement", "amendment", "announcement", "document", "documents", "decree",
}

_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "known", "knowing"),
    "understand": ("understands", "understood", "understanding"),
    "find": ("finds", "found", "finding"),
    "see": ("sees", "saw", "seen", "seeing"),
    "feel": ("feels", "felt", "feeling"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "put": ("puts", "put", "putting"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "broadcast": ("broadcasts", "broadcast", "broadcasting"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "show": ("shows", "showed", "shown", "showing"),
    "prove": ("proves", "proved", "proven", "proving"),
    "cry": ("cries", "cried", "crying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "imply": ("implies", "implied", "implying"),
    "specify": ("specifies", "specified", "specifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "verify": ("verifies", "verified", "verifying"),
    "identify": ("identifies", "identified", "identifying"),
    "testify": ("testifies", "testified", "testifying"),
    "tally": ("tallies", "tallied", "tallying"),
    "certify": ("certifies", "certified", "certifying"),
    "notify": ("notifies", "notified", "notifying"),
    "publicise": ("publicises", "publicised", "publicising"),
    "beg": ("begs", "begged", "begging"),
    "brag": ("brags", "bragged", "bragging"),
    "admit": ("admits", "admitted", "admitting"),
    "quip": ("quips", "quipped", "quipping"),
    "refer": ("refers", "referred", "referring"),
    "concur": ("concurs", "concurred", "concurring"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "regret": ("regrets", "regretted", "regretting"),
    "text": ("texts", "texted", "texting"),
    "email": ("emails", "emailed", "emailing"),
    "air": ("airs", "aired", "airing"),
    "pepper": ("peppers", "peppered", "peppering"),
    "lash": ("lashes", "lashed", "lashing"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
    "spar": ("spars", "sparred", "sparring"),
    "snap": ("snaps", "snapped", "snapping"),
    "chat": ("chats", "chatted", "chatting"),
    "confer": ("confers", "conferred", "conferring"),
    "fret": ("frets", "fretted", "fretting"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "long": ("longs", "longed", "longing"),
    "lay": ("lays", "laid", "laying"),
    "make": ("makes", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "send": ("sends", "sent", "sending"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "shun": ("shuns", "shunned", "shunning"),
    "snub": ("snubs", "snubbed", "snubbing"),
    "sidestep": ("sidesteps", "sidestepped", "sidestepping"),
    # (British spelling doubles the l: "the ministry signalled that ...")
    "signal": ("signals", "signaled", "signalled", "signaling", "signalling"),
    # a last consonant doubled before -ed and -ing ("Republicans are slamming the plan", "she rebutted it",
    # "the board banned it"), which the regular rule would spell "slaming", "rebuted", "baned"
    "slam": ("slams", "slammed", "slamming"),
    "shrug": ("shrugs", "shrugged", "shrugging"),
    "blog": ("blogs", "blogged", "blogging"),
    "flag": ("flags", "flagged", "flagging"),
    "rebut": ("rebuts", "rebutted", "rebutting"),
    "ban": ("bans", "banned", "banning"),
    "prefer": ("prefers", "preferred", "preferring"),
    "extol": ("extols", "extolled", "extolling", "extoll", "extolls"),
    "acquit": ("acquits", "acquitted", "acquitting"),
    "marvel": ("marvels", "marveled", "marvelled", "marveling", "marvelling"),
    "counsel": ("counsels", "counseled", "counselled", "counseling", "counselling"),
    "quarrel": ("quarrels", "quarreled", "quarrelled", "quarreling", "quarrelling"),
    # (and an -o verb takes -es: "the governor vetoes the bill")
    "veto": ("vetoes", "vetoed", "vetoing"),
    "forgive": ("forgives", "forgave", "forgiven", "forgiving"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
}


def forms(lemma: str) -> set[str]:
    """The surface forms of a regular or listed verb: base, -s, -ed, -ing."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    out = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        out.update({lemma + "ed", lemma + "ing"})
    return out


def _all_forms(lemmas: set[str]) -> dict[str, str]:
    return {f: lem for lem in lemmas for f in forms(lem)}


SPEECH_FORMS = _all_forms(SPEECH)
THOUGHT_FORMS = _all_forms(THOUGHT)
EVIDENCE_FORMS = _all_forms(EVIDENCE)
#: every form of every cue -> its lemma
CUE_FORMS: dict[str, str] = {**EVIDENCE_FORMS, **THOUGHT_FORMS, **SPEECH_FORMS}


def word_alternation(words: Iterable[str]) -> str:
    """``(?:w1|w2|...)`` for plain words, written as a tree of their shared prefixes.

    Python's regex engine tries every branch of an alternation in turn at each
    place it may start: a list of SELECT_RE's 851 cue forms cost about 0.2 ms a
    sentence, most of what choosing the sentences to parse cost.  The tree tries
    each letter once per prefix.  It matches the same strings, and where several
    words start at one place it tries the longest first, as a list sorted
    longest first does (a word's end is an optional group, greedy).
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alternation = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + alternation + ")?" if "" in node else alternation

    return "(?:" + pattern(root) + ")"


#: verbs that are reporting only with a clause, a quotation or "at" after them:
#: "the ministry put the toll at 40", but not "he will put $100 million into it";
#: "the army added that ...", but not "the economy added 156,000 jobs".
NEEDS_CONTENT = {
    "add", "put", "count", "record", "register", "list", "update", "identify", "document",
    "call", "continue", "point", "ask", "see", "find", "know", "learn", "understand", "feel",
    "figure", "consider", "regard", "judge", "view", "rule", "decide", "determine", "order",
    "direct", "air", "relay", "post", "text", "message", "cry", "laugh", "sigh", "pray",
    "object", "answer", "signal", "flag", "rate", "rank", "show", "prove", "want", "wish",
    "wonder", "imagine", "demand", "propose", "recommend", "advise", "instruct", "remind",
    "alert", "notify", "question", "counter", "dismiss", "reject", "blame", "charge", "accuse",
    "praise", "criticise", "criticize", "condemn", "denounce", "describe", "threaten",
    "promise", "vow", "pledge", "urge", "hope", "fear", "worry", "expect", "doubt", "unveil",
    # "X maintained that ..." but not "X maintained a factory", "the monitor maintained by the embassy"
    "maintain",
}

#: counting verbs report a figure as their object: "the ministry recorded 300 deaths"
COUNTING = {
    "record", "count", "register", "identify", "document", "list", "tally", "verify", "update", "estimate",
    "unveil",  # "the minister unveiled £2bn in aid": the figure is what is announced
}

#: verbs of stance and action that attribute a position to their subject ("X attacked the plan",
#: "X endorsed Y") but never give a figure its claimant: only the every-sentence source listing reads them
STANCE = {
    "attack", "blast", "slam", "endorse", "support", "back", "oppose", "defend", "promote", "discuss",
    "express", "speak", "talk", "echo", "decline", "refuse", "tout", "hail", "welcome", "applaud", "mock",
    "challenge", "describe", "point", "question", "criticise", "criticize", "reject", "accuse", "praise",
    "propose", "demand", "urge", "blame", "condemn", "denounce", "dismiss",
    # verbs that judge or characterise in words: "X lambasted Y", "X likened Y to Z", "X branded it a
    # failure", "X thanked Y", "X pressed Y on", "X railed against"; (verbs of plain action such as
    # "plan", "vote", "sign", "seek", "push" attribute no statement and are left out)
    "thank", "laud", "lambast", "deride", "scold", "chastise", "rail", "liken", "compare", "characterize",
    "characterise", "portray", "brand", "label", "fault", "press", "advocate", "reference",
    # verbs of speaking in a manner or to an end ("X bemoaned the cuts", "X implored voters", "X grilled
    # the chief", "X outlined the plan", "X voiced doubts"): each says that its subject said something
    "bemoan", "decry", "deplore", "exhort", "implore", "entreat", "grill", "pepper", "confront", "berate",
    "rebuke", "reprimand", "chide", "castigate", "excoriate", "assail", "ridicule", "taunt", "heckle",
    "lecture", "preach", "celebrate", "commend", "congratulate", "extol", "herald", "champion", "outline",
    "articulate", "voice", "reaffirm", "lobby", "petition",
    "bristle", "seethe", "fume", "scoff", "sneer", "rant", "rave", "gush", "lash",
    # verbs of discussing, offering and characterising ("X discussed the cuts", "X offered no proof", "X linked
    # the outage to the storm", "X painted the plan as reckless") and of an attitude held toward something ("X
    # admires Y", "X resented the ruling"): each gives its subject's position; (verbs of effort or plain action
    # such as "try", "seek", "raise", "release", "send", "vote" were measured and name too few sources)
    "address", "debate", "offer", "sing", "invoke", "recount", "summarize", "summarise", "muse",
    "ponder", "pitch", "link", "paint", "depict", "dub", "nickname", "term", "attribute",
    "admire", "love", "hate", "dislike", "prefer", "approve", "disapprove", "trust", "distrust", "respect",
    "regret", "resent", "appreciate", "sense",
    "marvel", "agonize", "rejoice", "delight", "exult", "grieve", "despair", "obsess", "fret",
    "forgive", "salute", "acclaim", "denigrate", "disparage", "belittle", "insult", "smear", "vilify", "demonize",
    "slander", "classify",
    "counsel", "teach", "dictate", "recite", "narrate",
    "mutter", "murmur", "mumble", "snap", "bark", "growl", "hiss", "thunder", "roar", "bellow", "stammer",
    "chuckle", "giggle", "exclaim", "gasp",
    "chat", "converse", "quarrel", "bicker", "spar", "clash", "confer",
    "crave", "desire", "yearn", "long",
    "nominate", "appoint", "designate",
    "request", "vouch", "foresee", "envision", "envisage", "prescribe", "justify", "rationalize",
    "rationalise", "apologize", "apologise", "weigh", "shrug",
    # verbs of resisting or disregarding ("X resisted the deal", "X balked at the cost", "X has ignored the
    # issue", "X defied the order", "X ducks on taxes"): each gives its subject's position, as "refuse" does
    "resist", "balk", "ignore", "flout", "defy", "snub", "shun", "boycott", "rebuff", "spurn", "sidestep", "dodge",
    "evade", "duck", "downplay",
    # verbs of an attitude or a judgement in words beside "hate", "praise", "endorse" and "recount" ("X despises
    # Y", "X complimented the moderator", "X chronicles the deaths"; "embrace" was measured: it hugs as often)
    "despise", "loathe", "detest", "abhor", "compliment", "chronicle",
    # verbs of winning someone over ("X persuaded the board to drop it", "X is convincing voters"): one persuades by
    # arguing a case, so the subject holds the position argued; verbs that weigh a claim or a record in public ("the
    # auditors examined the mayor's figure") or that bring it to light ("the filings exposed the accounts",
    # "the endorsements illustrate the decline"); and "recognize" with an object ("X recognizes the danger"), an
    # acknowledgement as "acknowledge" is (with a clause it is a verb of thought already)
    "persuade", "convince", "dissuade", "examine", "expose", "illustrate", "recognize", "recognise",
}
STANCE_FORMS = set(_all_forms(STANCE))
#: (this and the other patterns that choose the sentences to parse are written as word trees: as lists
#: STANCE_RE alone cost 0.4 ms a sentence, a quarter of what choosing the sentences cost)
STANCE_RE = re.compile(r"\b" + word_alternation(STANCE_FORMS) + r"\b", re.IGNORECASE)

#: verbs of an institution's decision: "the court ruled", "the council imposed sanctions", "the committee voted",
#: "the legislature repealed the law", "the ruling was overturned by an appeals court": each states the body's
#: position (only with an institution for subject or agent, see INSTITUTIONS; "the storm blocked the road" is none)
DECISION = {
    "rule", "overrule", "overturn", "uphold", "strike", "decide", "impose", "pass", "repeal", "veto", "approve",
    "reject", "authorize", "authorise", "block", "enact", "adopt", "fine", "charge", "indict", "convict",
    "sentence", "acquit", "order", "ban", "vote", "sanction", "recommend", "find", "dismiss", "reverse", "grant",
    "deny", "suspend", "ratify", "endorse", "certify",
}
DECISION_FORMS = set(_all_forms(DECISION)) | {"struck", "upheld", "overrode", "overridden"}
DECISION_RE = re.compile(r"\b" + word_alternation(DECISION_FORMS) + r"\b", re.IGNORECASE)
#: bodies that decide: a court, a legislature, a council, an agency, prosecutors
INSTITUTIONS = {
    "court", "courts", "judge", "judges", "justices", "congress", "legislature", "legislatures", "council",
    "councils", "committee", "committees", "panel", "senate", "house", "assembly", "parliament", "agency", "board",
    "commission", "regulator", "regulators", "jury", "tribunal", "government", "administration", "department",
    "ministry", "lawmakers", "legislators", "prosecutors", "officials", "authorities", "cabinet", "bureau",
}

#: verbs of choosing between candidates or options: with a share of those asked for their subject ("41 percent
#: would choose the mayor", "12% back the ferry tax") they give a poll's answer, and the share is its source
#: (with any other subject they are read as before: "the council chose a contractor" takes no stand)
PREFERENCE = {"choose", "pick", "select", "favor", "favour", "back", "support", "prefer", "oppose", "approve",
              "disapprove", "trust"}
PREFERENCE_FORMS = set(_all_forms(PREFERENCE))
PREFERENCE_RE = re.compile(r"\b" + word_alternation(PREFERENCE_FORMS) + r"\b", re.IGNORECASE)
#: a share written with a number: "41 percent", "12%", "7 per cent"
SHARE_RE = re.compile(r"\d\s?(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)

#: verbs of a stated intent, with a to-infinitive after them: "the council plans to close the pier", "the union
#: intends to strike", "the bloc aims to spend more" (a plan made known is its maker's position; with no
#: infinitive they are read as before: "the council planned the route" takes no stand)
INTENT = {"plan", "intend", "aim"}
INTENT_FORMS = set(_all_forms(INTENT))
#: a sentence worth parsing for such a verb: one of its forms, then "to"
INTENT_RE = re.compile(r"\b" + word_alternation(INTENT_FORMS) + r"\s+to\b", re.IGNORECASE)

#: verbs of putting out or handing over that, with a statement for their object, say that their subject
#: stated something: "X issued a statement", "X released a letter", "X laid out her proposals", "X made the case"
#: (with any other object they are acts: "X released the prisoners", "X made a profit")
DELIVER = {"issue", "release", "deliver", "present", "send", "make", "give", "lay", "file"}
DELIVER_FORMS = set(_all_forms(DELIVER))
#: what such a verb delivers when it delivers words
SPEECH_OBJECTS = {
    "statement", "statements", "letter", "letters", "message", "messages", "comment", "comments", "remark",
    "remarks", "reference", "criticism", "criticisms", "case", "proposal", "proposals", "plan", "warning",
    "warnings", "endorsement", "note", "speech", "address", "appeal", "plea", "complaint", "complaints",
    "apology", "denial", "pledge", "announcement", "argument", "arguments", "ad", "ads", "rebuttal", "ultimatum",
}
#: adjectives of an attitude toward something, said of a source with "be" ("X was critical of the plan",
#: "X is sure that ...", "X were incensed that ..."): each gives its subject's position (not adjectives of
#: readiness or ability: "X is willing to", "X is able to" say what X may do)
ATTITUDE_ADJECTIVES = {
    "critical", "supportive", "skeptical", "sceptical", "confident", "concerned", "worried", "sure", "certain",
    "convinced", "opposed", "adamant", "frustrated", "angry", "upset", "incensed", "furious", "outraged",
    "optimistic", "pessimistic", "hopeful", "wary", "coy", "vague", "circumspect", "dismissive", "afraid",
    "fearful", "disappointed", "alarmed", "passionate", "vocal", "outspoken", "frank", "candid", "blunt",
    "emphatic", "unequivocal", "doubtful", "dubious", "enthusiastic", "sympathetic", "hostile", "defensive",
    "unapologetic", "unhappy", "dissatisfied", "satisfied", "pleased", "displeased", "unsettled", "troubled",
    "disturbed", "appalled", "dismayed", "annoyed", "irritated", "indignant", "bullish", "bearish",
}
#: nouns for someone who takes a side, said of a source with "be": "X has been a critic of the plan"
PARTISAN_NOUNS = {
    "supporter", "supporters", "opponent", "opponents", "critic", "critics", "advocate", "advocates", "proponent",
    "proponents", "champion", "champions", "backer", "backers", "defender", "defenders", "foe", "foes", "skeptic",
    "skeptics", "detractor", "detractors",
}
#: a sentence worth parsing for such a verb: one of its forms, then within four words a statement
SPEECH_OBJECT_RE = re.compile(
    r"\b" + word_alternation(DELIVER_FORMS) + r"\b(?:\W+[\w'’-]+){0,4}?\W+(?:"
    + "|".join(sorted(SPEECH_OBJECTS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: a run of many things said: "a flurry of tweets", "a barrage of insults", "a series of statements"; whoever
#: puts one out, by any verb ("X unleashed a flurry of tweets", "X fired off a string of posts"), said them
VOLLEY_NOUNS = {"flurry", "barrage", "series", "string", "stream", "torrent", "volley", "spate", "salvo", "litany",
                "deluge", "round", "wave", "burst", "raft", "slew"}
#: what such a run is made of when it is words (not "a wave of attacks" or "a series of strikes", which are acts)
VOLLEY_WORDS = {
    "tweets", "posts", "insults", "accusations", "questions", "complaints", "jabs", "barbs", "threats", "criticisms",
    "claims", "demands", "messages", "comments", "remarks", "statements", "warnings", "denials", "emails",
    "letters", "taunts", "slurs", "denunciations", "rebukes", "apologies", "announcements", "speeches", "interviews",
    "allegations", "retorts", "quips", "jokes", "promises", "pledges", "appeals", "pleas",
}
VOLLEY_RE = re.compile(
    r"\b(?:" + "|".join(sorted(VOLLEY_NOUNS, key=len, reverse=True)) + r")\s+of\s+(?:[\w'’-]+\s+){0,2}?(?:"
    + "|".join(sorted(VOLLEY_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: nouns for a view someone holds, which with "about", "on" or "of" after them give the holder's position:
#: "X has doubts about the plan", "X raised questions about the deal", "X made no secret of her views"
#: (not nouns of speech delivered, which ``SPEECH_OBJECTS`` lists)
OPINION_NOUNS = {
    "question", "questions", "concern", "concerns", "doubt", "doubts", "reservation", "reservations", "illusion",
    "illusions", "secret", "objection", "objections", "worry", "worries", "fear", "fears", "misgiving", "misgivings",
    "qualm", "qualms", "opinion", "opinions", "view", "views", "suspicion", "suspicions", "grievance", "grievances",
    "skepticism", "scepticism", "belief", "beliefs", "position", "stance", "thoughts", "feelings",
}
#: the prepositions that say what such a view is about
OPINION_PREPS = {"about", "on", "of", "over", "regarding", "toward", "towards"}
#: a sentence worth parsing for such a view: the noun, then (within two words) its preposition
OPINION_RE = re.compile(
    r"\b" + word_alternation(OPINION_NOUNS) + r"\W+(?:[\w'’-]+\W+){0,2}?(?:"
    + "|".join(sorted(OPINION_PREPS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
#: nouns of a reaction voiced or a position taken, whose maker a "from" or "by" right after them names: "repeated
#: warnings from the harbour board that ...", "an outcry from dock workers", "the decision by the council to ...";
#: (measured and left out: "pressure", "request", "questions", "threats", "praise" and "comment" from someone,
#: which PolNeAR's annotators seldom read as the maker's stated position)
REACTION_NOUNS = {
    "warning", "warnings", "outcry", "outcries", "worry", "worries", "concern", "concerns", "complaint", "complaints",
    "objection", "objections", "criticism", "criticisms", "protest", "protests", "condemnation", "condemnations",
    "rebuke", "rebukes", "denial", "denials", "response", "responses", "reaction", "reactions", "decision",
    "decisions", "push", "plea", "pleas", "accusation", "accusations", "allegation", "allegations", "assurance",
    "assurances",
}
#: a sentence worth parsing for such a noun: the noun, then "from" or "by"
REACTION_RE = re.compile(
    r"\b" + word_alternation(REACTION_NOUNS) + r"\s+(?:from|by)\b", re.IGNORECASE
)
#: nouns of a feeling that "to the ... of X" gives X: "to the great chagrin of the councillors", "to the dismay of
#: the unions" (X holds a view of what the sentence tells)
#: verbs of stirring a feeling in someone: "the levy worries farmers", "the delay frustrated the mayor", "traders were
#: rattled by the fall": the one who feels it (the object; the subject of the passive) holds a view of the cause
#: (not verbs that stir someone to act: "encouraged voters to", "galvanized the base")
PSYCH_FORMS = {
    f for lemma in (
        "worry", "concern", "frustrate", "anger", "alarm", "upset", "trouble", "bother", "dismay", "please",
        "delight", "infuriate", "outrage", "irritate", "annoy", "disturb", "surprise", "stun", "shock", "disappoint",
        "unsettle", "rattle", "enrage", "incense", "anguish", "exasperate", "appall", "horrify",
    ) for f in forms(lemma)
}
PSYCH_RE = re.compile(r"\b" + word_alternation(PSYCH_FORMS) + r"\b", re.IGNORECASE)
FEELING_NOUNS = {
    "chagrin", "dismay", "delight", "frustration", "consternation", "displeasure", "annoyance", "irritation",
    "horror", "disappointment", "astonishment", "amazement", "satisfaction", "outrage", "anger", "embarrassment",
    "bewilderment", "alarm", "relief", "surprise", "approval", "disapproval",
}
FEELING_RE = re.compile(
    r"\bto\s+the\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(FEELING_NOUNS, key=len, reverse=True)) + r")\s+of\b",
    re.IGNORECASE,
)
ATTITUDE_RE = re.compile(
    r"\b" + word_alternation(ATTITUDE_ADJECTIVES | PARTISAN_NOUNS) + r"\b", re.IGNORECASE
)

#: "X made it clear that ...", "X has made abundantly clear its opposition to ...": to make a point plain is to
#: state it (read from the parse by ``claimants._makes_clear``; "make" alone is no cue)
MAKE_CLEAR_FORMS = {"make", "makes", "made", "making"}
MAKE_CLEAR_RE = re.compile(r"\b(?:make|makes|made|making)\s+(?:it\s+)?(?:[a-z]+ly\s+|very\s+|quite\s+)?clear\b", re.IGNORECASE)

#: set phrases that state a position: "X took issue with", "X is doubling down on", "X sounded the alarm about",
#: "X referred to Y as Z", "X went after Y", "X went on about Y", "X is against Y" (read from the parse by ``claimants._stance_idiom`` and ``_attitude``)
TAKE_FORMS = {"take", "takes", "took", "taken", "taking"}
TAKEN_STANCES = {"issue", "exception", "offense", "offence", "umbrage"}
DOUBLE_FORMS = {"double", "doubles", "doubled", "doubling"}
SOUND_FORMS = {"sound", "sounds", "sounded", "sounding"}
SOUNDED_STANCES = {"alarm", "alarms", "warning", "warnings", "call", "alert", "note"}
REFER_FORMS = {"refer", "refers", "referred", "referring"}
GO_FORMS = {"go", "goes", "went", "gone", "going"}
IDIOM_RE = re.compile(
    r"\b(?:take|takes|took|taken|taking)\s+(?:issue|exception|offen[cs]e|umbrage)\b"
    r"|\bdoubl(?:e|es|ed|ing)\s+down\b"
    r"|\bsound(?:s|ed|ing)?\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:alarms?|warnings?|call|alert|note)\b"
    r"|\brefer(?:s|red|ring)?\s+to\b[^.;:!?]{1,60}?\bas\b|\b(?:go|goes|went|gone|going)\s+(?:on\s+about|after)\b"
    r"|\b(?:is|are|was|were|remains?|remained|'s|’s|'re|’re)\s+(?:[a-z]+\s+){0,2}?against\b",
    re.IGNORECASE,
)


#: a sentence is worth parsing only if it matches this (its cue forms as a tree: :func:`word_alternation`)
SELECT_RE = re.compile(
    r"\b(?:" + word_alternation(CUE_FORMS)
    + r"|according\s+to|polls?|surveys?)\b|[\"“”«»]|\w:\s",
    re.IGNORECASE,
)


def lemma_of(word: str) -> str:
    """The cue lemma of a lower-cased word, or ""."""
    return CUE_FORMS.get(word, "")


# --------------------------------------------------------------------------
# What may be a claimant

#: common nouns that name a person, a role, a group or an organisation
SOURCE_HEADS = {
    "official", "officials", "authority", "authorities", "spokesperson", "spokespeople",
    "spokesman", "spokesmen", "spokeswoman", "minister", "ministers", "ministry", "ministries",
    "government", "governments", "administration", "military", "army", "navy", "police",
    "forces", "force", "command", "commander", "commanders", "general", "generals", "officer",
    "officers", "soldier", "soldiers", "troops", "fighters", "fighter", "militants", "rebels",
    "separatists", "volunteers", "analyst", "analysts", "expert", "experts", "observer",
    "observers", "monitor", "monitors", "mission", "investigator", "investigators",
    "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "attorneys", "judge", "judges",
    "court", "source", "sources", "witness", "witnesses", "resident", "residents", "local",
    "locals", "survivor", "survivors", "victim", "victims", "relative", "relatives", "family",
    "families", "parent", "parents", "mother", "father", "wife", "husband", "son", "daughter",
    "friend", "friends", "neighbour", "neighbours", "neighbor", "neighbors", "doctor",
    "doctors", "nurse", "nurses", "medic", "medics", "worker", "workers", "employee",
    "employees", "staff", "staffer", "staffers", "aide", "aides", "adviser", "advisers",
    "advisor", "advisors", "critic", "critics", "supporter", "supporters", "activist",
    "activists", "campaigner", "campaigners", "researcher", "researchers", "scientist",
    "scientists", "economist", "economists", "journalist", "journalists", "reporter",
    "reporters", "correspondent", "correspondents", "editor", "editors", "lawmaker",
    "lawmakers", "legislator", "legislators", "senator", "senators", "politician",
    "politicians", "diplomat", "diplomats", "ambassador", "envoy", "embassy", "delegation",
    "leader", "leaders", "president", "presidents", "mayor", "governor", "governors", "head",
    "heads", "chief", "chiefs", "director", "directors", "chairman", "chairwoman", "chair",
    "secretary", "representative", "representatives", "member", "members", "agency",
    "agencies", "office", "department", "service", "services", "committee", "council",
    "commission", "parliament", "assembly", "bureau", "directorate", "headquarters", "team", "teams", "group", "groups", "organisation", "organization", "organisations",
    "organizations", "company", "companies", "firm", "firms", "operator", "operators",
    "union", "unions", "party", "parties", "campaign", "alliance", "coalition", "bloc",
    "regulator", "regulators", "watchdog", "watchdogs", "ombudsman", "ombudsperson", "bank",
    "fund", "institute", "university", "charity", "charities", "network", "outlet", "outlets",
    "newspaper", "newspapers", "broadcaster", "channel", "agency's", "publication", "publications", "magazines", "media",
    "press", "website", "daily", "tabloid", "state", "states", "country", "countries",
    "nation", "nations", "side", "kremlin", "pentagon", "people", "citizens",
    "voters", "respondents", "participants", "americans", "ukrainians", "russians",
    "individuals", "insiders", "person", "man", "woman", "men", "women", "students",
    "teachers", "farmers", "owners", "owner", "manager", "managers", "executive",
    "executives", "ceo", "founder", "developer", "developers", "manufacturer",
    "manufacturers", "producer", "producers", "pilot", "pilots", "crew", "captain", "guard",
    "guards", "inspectors", "inspector", "planners", "strategists", "pollster", "pollsters",
    "historian", "historians", "professor", "professors", "scholar", "scholars", "priest",
    "bishop", "patriarch", "church", "intelligence", "counterintelligence", "presidency",
    "cabinet", "senate", "congress", "house", "chamber", "mp", "mps", "deputies", "deputy",
    "candidate", "candidates", "nominee", "nominees", "spokespersons", "officialdom", "brigade",
    "brigades", "unit", "units", "squad", "battalion", "regiment", "division", "corps", "panel",
    "jury", "tribunal", "board", "consulate", "militia", "paper", "magazine", "station", "radio", "television", "tv", "site",
    "blog", "account", "feed", "clip", "ad", "ads", "book", "memoir", "complaint", "lawsuit",
    "suit", "indictment", "ruling", "verdict", "bill", "resolution", "declaration", "treaty",
    "agreement", "communique", "platform", "manifesto",
    # adherents and partisans: "voting rights advocates said", "his surrogates called", "one Republican threatened"
    "advocates", "surrogates", "allies", "ally", "backers", "loyalists", "partisans", "delegates", "republican",
    "republicans", "democrat", "democrats", "conservatives", "liberals", "progressives", "moderates", "user", "users",
    # the deciding bodies of INSTITUTIONS that were missing here: "a Republican-controlled legislature repealed"
    "legislature", "legislatures", "courts", "justices", "committees", "councils",
    # the heads of other bodies' names: "the growers' association said", "the coastguard said" (not "club": the
    # bare "Club" of "Mr. Roe of the Harbour Club said", as the parse may cut it, is kept as the name it was)
    "association", "associations", "federation", "federations", "confederation", "society", "foundation",
    "league", "coastguard", "corporation", "consortium",
}
#: singular role nouns that need a referent: bare "official" or "general" is nobody
_NEEDS_REFERENT = {
    "official", "spokesperson", "spokesman", "spokeswoman", "minister", "commander", "general",
    "officer", "president", "mayor", "governor", "head", "chief", "director", "chairman",
    "chairwoman", "chair", "secretary", "representative", "member", "ambassador", "envoy",
    "leader", "source", "agency", "ministry", "office", "department", "service", "committee",
    "council", "commission", "bureau", "company", "firm", "operator", "organisation",
    "organization", "group", "team", "person", "man", "woman", "side", "state", "country",
    "nation", "party", "campaign", "newspaper", "broadcaster", "channel", "publication",
    "website", "daily", "outlet", "network", "regulator", "watchdog", "mission", "court",
    "fund", "bank", "institute", "university", "charity", "candidate", "nominee", "deputy", "legislature",
    "association", "federation", "confederation", "society", "foundation", "league", "corporation", "consortium",
}
_FRAGMENTS = {
    "he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "our", "my", "your",
    "we", "i", "you", "us", "me", "this", "that", "these", "those", "some", "many", "most",
    "others", "other", "all", "both", "each", "one", "none", "few", "several", "anyone",
    "someone", "everyone", "nobody", "somebody", "everybody", "who", "which", "what", "s",
    "there", "here", "own", "such", "whose", "whom",
}
#: heads that never name a source, and the endings of abstract nouns
NOT_SOURCE_HEADS = {
    "list", "lists", "situation", "view", "views", "thing", "things", "way", "ways", "fact", "facts",
    "idea", "ideas", "question", "questions", "problem", "problems", "issue", "issues", "case", "cases",
    "point", "points", "part", "parts", "lot", "number", "numbers", "kind", "sort", "type", "time",
    "times", "day", "days", "year", "years", "war", "attack", "attacks", "strike", "strikes", "move",
    "plan", "plans", "decision", "step", "steps", "level", "levels", "rate", "rates", "price", "prices",
    "s", "t", "own", "result", "results", "change", "changes", "reason", "reasons", "event", "events",
    "incident", "incidents", "percent", "center", "centre", "border", "borders", "winter", "summer",
    "quarter", "water", "power", "matter", "matters", "order", "orders", "corner", "member's",
    "cancer", "disaster", "shelter", "river", "tower", "weather", "answer", "answers", "payment",
}
#: endings of nouns for people and bodies: "rescuers", "monitors", "economists", "residents"
AGENT_NOUN = re.compile(r"(?:ers?|ors?|ists?|ians?|ants?|(?<!m)ents?|eers?|ees)$")  # not "bombardment", "statement"
_CUT_AT = {"of", "for", "at", "from", "in", "on", "with", "to", "by", "and"}


#: determiners that introduce a new, unnamed source: "a source", "one official", "several members"
_NEW_SOURCE = {
    "a", "an", "one", "another", "some", "several", "many", "most", "all", "each", "both", "two",
    "three", "four", "five", "other", "his", "her", "their", "numerous", "few",
}


def _dated_document(word: str, low: list[str]) -> bool:
    """A year that dates a document or poll: "a November 2018 survey", "the 2021 census"."""
    if not re.fullmatch(r"(?:19|20)\d\d", word):
        return False
    for w in low[low.index(word) + 1 :]:
        if w in _CUT_AT:
            break
        if re.sub(r"'s?$", "", w) in EVIDENCE_NOUNS:
            return True
    return False


#: words that say when or how sure a writing is, not whose it is: "initial reports", "unconfirmed data"
VAGUE_MODIFIERS = frozenset({
    "initial", "early", "earlier", "preliminary", "latest", "recent", "new", "unconfirmed", "further",
    "previous", "first", "later", "conflicting", "separate", "multiple", "several", "various", "other",
    "updated", "revised", "final", "unverified", "current", "past",
})


def acceptable_source(name: str, raw: str = "") -> bool:
    """May ``name`` (canonical) be a claimant?

    A person, an organisation, a group, a place used for its authorities, a
    publication or a role ("Ukrainian officials") may; a pronoun fragment
    ("those"), a bare common noun ("report", "update", "Data"), a bare role
    that was never resolved ("the official"), a number or a clause may not.
    """
    words = name.replace("’", "'").split()
    if not words or len(name) < 2 or len(words) > 9:
        return False
    raw_words = raw.lower().replace("’", "'").split()
    if raw_words and raw_words[0] in _NEW_SOURCE and len(raw_words) >= 2:
        # "a source", "Some experts", "one West Virginia official", "His lawyer": a role, newly introduced
        rest = [w for w in raw_words[1:] if w not in _NEW_SOURCE and w not in ("of", "the")]
        while len(rest) > 1 and rest[-1].startswith("@"):
            rest = rest[:-1]  # "one Twitter user @harbourfan": the handle names the user the role introduces
        core: list[str] = []
        for w in rest:
            if w in _CUT_AT and core:
                break
            core.append(w)
        if core and re.sub(r"'s?$", "", core[-1]) in SOURCE_HEADS:
            return True
        last = re.sub(r"'s?$", "", core[-1]) if core else ""
        if last and last not in NOT_SOURCE_HEADS and last not in DOCUMENT_NOUNS and last not in EVIDENCE_NOUNS and (
            AGENT_NOUN.search(last)
        ):
            return True  # "one of the engineers", "a local shopkeeper": a person named by what they do
        written = raw.replace("’", "'").split()[1:]
        if core and len(core) == len(rest) and written and all(w[:1].isupper() for w in written) and (
            core[-1].endswith("s") and not core[-1].endswith("'s")
        ):
            return True  # "many Democrats", "some Ukrainians": a group named by a proper plural
    while len(words) > 1 and (
        words[0].lower() in ("the", "a", "an") or words[0].lower() in ("both", "all", "each") and words[1][:1].isupper()
    ):
        words = words[1:]  # "Both Mr King and ...": the people, not the word "both"
    low = [w.lower().strip(",.;:'\"()") for w in words]
    if len(low) == 1 and low[0] in TIME_NAMES:
        return False  # "Sunday", "March": the day a source spoke, which the parse took for the source
    if low[0] in _FRAGMENTS and not words[0].isupper() or all(
        lw in _FRAGMENTS and not w.isupper() for w, lw in zip(words, low, strict=True)
    ):
        return False  # "those", "its own teams" (but "US" is a country)
    if "of" in low[1:] and low[low.index("of", 1) + 1 :][:1] and low[low.index("of", 1) + 1] in _FRAGMENTS:
        return False  # "Half of those", "some of them"
    if any(re.fullmatch(r"[\d.,%]+", w) and not _dated_document(w, low) for w in low) or "%" in name:
        return False  # "Some 43% of those": the answers of a poll, not its author
    # the head is the last word before "of"/"for"/...: "spokesperson for the general staff"
    core = []
    for w in low:
        if w in _CUT_AT and core:
            break
        core.append(w)
    head = re.sub(r"'s?$", "", core[-1])
    if (len(core) == len(low) >= 2 and (head in EVIDENCE_NOUNS or head in DOCUMENT_NOUNS)
            and all(w in VAGUE_MODIFIERS for w in core[:-1])):
        return False  # "Initial reports", "Preliminary data": when, not whose (a capital only starts the sentence)
    head_written = words[len(core) - 1]
    if head_written[:1].islower() and head not in SOURCE_HEADS and head not in EVIDENCE_NOUNS and (
        head in NOT_SOURCE_HEADS or not AGENT_NOUN.search(head)
    ):
        return False  # "American views on foreign enemies", "political situation"
    proper = any(
        w[:1].isupper() and lw not in SOURCE_HEADS and lw not in EVIDENCE_NOUNS and lw not in _CUT_AT
        or len(w) > 1 and w.isupper() and w.isalpha()  # "MAYOR:" in a transcript is a name
        for w, lw in zip(words, low, strict=True)
    )
    if proper:
        return not (len(words) == 1 and low[0] in EVIDENCE_NOUNS)
    if head in EVIDENCE_NOUNS:
        return len(core) >= 2  # "official figures", "UN data"; never a bare "report"
    if head not in SOURCE_HEADS and (head in NOT_SOURCE_HEADS or not AGENT_NOUN.search(head)):
        return False  # "list of names", "political situation", "constant fighting", "recent weeks"
    if len(words) == 1 and head not in SOURCE_HEADS and not head.endswith("s"):
        return False  # a bare singular noun nobody was named for: "brigade"
    return not (len(words) == 1 and head in _NEEDS_REFERENT)
