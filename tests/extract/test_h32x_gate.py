"""The word gate in front of ``_doc_cues``'s rules, and the sentence-choosing patterns written as word trees,
change nothing: the gate never passes over a word a rule would take, and each tree matches exactly where the
list it replaced matched."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest

from desk.extract import claimants, cues
from desk.extract.claimants import _CUE_GATE_WORDS, _VIEW_OBJECTS, _doc_cues, load_model

#: invented sentences, each meant to wake one rule or another (and some that wake none)
SENTENCES = [
    "The harbour master said on Friday that 40 boats had left the quay.",
    "By one estimate, 300 nets were lost in the gale.",
    "In the warden's view, the dunes will not last another winter.",
    "By Dorrow's own count, nine ferries ran late.",
    "According to the lighthouse keeper, the beam failed twice.",
    "According to plan, the dredger sailed at dawn.",
    "A poll of 900 dockers found most wanted shorter shifts.",
    "Support stood at 42% in a Harbour Gazette survey last week.",
    "The Tidewater Institute's report that the pier is sinking alarmed the town.",
    "Warnings from the coastguard that the bar had shifted went unheeded.",
    "To the dismay of the fishermen, the quota was cut again.",
    "The closure has angered Mayor Ilse Varnhagen and the boatmen.",
    "The skipper's claim that the buoy had drifted was never tested.",
    "But Varnhagen claims that the toll is wrong.",
    "With the pilots expected to strike, the port braced for delays.",
    "The ministry raised the toll to 163 on Sunday.",
    "The council made it clear that the slipway will stay shut.",
    "'Closed for repairs,' the sign on the gate read.",
    "The union attacked the plan in a letter to members.",
    "The trawlermen were critical of the new quota.",
    "The warden is against the marina, and says so often.",
    "The pilots know all about the sandbank.",
    "The senators want stricter rules for the moorings.",
    "Varnhagen raised doubts about the dredging contract.",
    "The skipper unleashed a flurry of posts about the harbour fees.",
    "A regional court ruled against the port authority in March.",
    "41 percent would choose the mayor over her rival.",
    "Holt asked him about the missing cargo.",
    "The boatmen took issue with the count.",
    "The mayor is doubling down on the claim.",
    "The coastguard sounded the alarm about the reef.",
    "She referred to the skipper as a menace.",
    "The ferrymen went after the harbour master.",
    "The pier was opposed by the fishing cooperative.",
    "The warden issued a statement on Tuesday.",
    "Nobody believed the rumour about the wreck.",
    "Grant still ducks on the tariffs.",
    "The tide came in and the gulls settled on the wall.",
    "Seventeen crates of herring, 4 tonnes of ice.",
    "The old pilot does not think so, and neither do I.",
    "Critics viewed the breakwater as reckless.",
    "The jury judged him a danger to shipping.",
    "Those surveyed said the ferry was too dear.",
    "I told him the quay was closed, and we left.",
    "The storm blocked the road to the lighthouse.",
    "\"We will reopen the lock,\" the engineer promised.",
    "The crew, as one of the engineers pointed out, had not been paid.",
    "With the governor backing the developers, the vote passed.",
    "Traders were rattled by the fall in cod prices.",
    "The harbour board has made little secret of its plans for the dock.",
]


@pytest.fixture(scope="module")
def docs() -> list[Any]:
    nlp = load_model()
    return list(nlp.pipe(SENTENCES))


def _passes(t: Any) -> bool:
    """The gate as ``_doc_cues`` applies it to one word."""
    return t.lower_ in _CUE_GATE_WORDS or t.tag_.startswith("VB") and any(
        c.dep_ == "dobj" and c.lower_ in _VIEW_OBJECTS for c in t.children
    )


def test_gated_and_ungated_rules_find_the_same_cues(docs: list[Any]) -> None:
    found = 0
    for doc in docs:
        for stance in (True, False):
            ungated = _doc_cues(doc, 7, stance, gate=False)
            assert _doc_cues(doc, 7, stance) == ungated, doc.text
            found += len(ungated)
    assert found > 40  # (the sentences do wake the rules)


#: every rule ``_doc_cues`` asks of a word before it gives up on it
_RULES: list[Callable[[Any], Any]] = [
    claimants._judged_by, claimants._reaction_maker, claimants._feeling_holder, claimants._stirred,
    claimants._is_report_verb, claimants._is_stance_verb, claimants._revises_estimate, claimants._makes_clear,
    claimants._writing_reads, claimants._delivers_words, claimants._attitude, claimants._belief_about,
    claimants._holds_view, claimants._share_chooses, claimants._wants_thing, claimants._puts_out_volley,
    claimants._institution_decides, claimants._asks_about, claimants._stance_idiom,
    claimants._verb_read_as_noun, claimants._named_owner, claimants._named_maker,
]


def test_the_gate_never_passes_over_a_word_a_rule_takes(docs: list[Any]) -> None:
    taken = set()
    for doc in docs:
        for t in doc:
            for rule in _RULES:
                got = rule(t)
                if got:
                    taken.add(rule.__name__)
                    assert _passes(t), (rule.__name__, t.text, doc.text)
            if t.lower_ == "according" or t.lower_ in claimants._POLL_HEADS:
                assert _passes(t)
    # each rule (bar a few that these sentences may not wake) took a word somewhere
    assert len(taken) >= len(_RULES) - 6, sorted(taken)


def test_the_gate_words_hold_every_word_the_rules_name() -> None:
    for words in (
        cues.CUE_FORMS, cues.STANCE_FORMS, cues.DECISION_FORMS, cues.PREFERENCE_FORMS, cues.DELIVER_FORMS,
        cues.ATTITUDE_ADJECTIVES, cues.PSYCH_FORMS, cues.FEELING_NOUNS, cues.REACTION_NOUNS, cues.MAKE_CLEAR_FORMS,
        cues.TAKE_FORMS, cues.DOUBLE_FORMS, cues.SOUND_FORMS, cues.REFER_FORMS, cues.GO_FORMS, cues.THOUGHT_FORMS,
        claimants.CLAIM_NOUNS, claimants._REPORT_NOUNS, claimants._POLL_HEADS, claimants._COPULAS,
        claimants._ASK_FORMS, claimants._READ_FORMS, claimants._REVISE_FORMS, {"by", "in", "according"},
    ):
        assert set(words) <= _CUE_GATE_WORDS
    assert cues.OPINION_NOUNS | cues.VOLLEY_NOUNS == _VIEW_OBJECTS


def _listed(words: Any) -> str:
    return r"(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")"


#: each tree-written pattern and the same pattern with its words listed longest first, as it was written before
_PAIRS = [
    (cues.STANCE_RE, re.compile(r"\b" + _listed(cues.STANCE_FORMS) + r"\b", re.IGNORECASE)),
    (cues.DECISION_RE, re.compile(r"\b" + _listed(cues.DECISION_FORMS) + r"\b", re.IGNORECASE)),
    (cues.PREFERENCE_RE, re.compile(r"\b" + _listed(cues.PREFERENCE_FORMS) + r"\b", re.IGNORECASE)),
    (cues.PSYCH_RE, re.compile(r"\b" + _listed(cues.PSYCH_FORMS) + r"\b", re.IGNORECASE)),
    (cues.ATTITUDE_RE, re.compile(r"\b" + _listed(cues.ATTITUDE_ADJECTIVES | cues.PARTISAN_NOUNS) + r"\b", re.I)),
    (cues.SPEECH_OBJECT_RE, re.compile(
        r"\b" + _listed(cues.DELIVER_FORMS) + r"\b(?:\W+[\w'’-]+){0,4}?\W+" + _listed(cues.SPEECH_OBJECTS) + r"\b",
        re.IGNORECASE,
    )),
    (cues.OPINION_RE, re.compile(
        r"\b" + _listed(cues.OPINION_NOUNS) + r"\W+(?:[\w'’-]+\W+){0,2}?" + _listed(cues.OPINION_PREPS) + r"\b",
        re.IGNORECASE,
    )),
    (cues.REACTION_RE, re.compile(r"\b" + _listed(cues.REACTION_NOUNS) + r"\s+(?:from|by)\b", re.IGNORECASE)),
    (claimants._REVISE_RE, re.compile(
        r"\b" + _listed(claimants._REVISE_FORMS) + r"\b(?:\W+[\w'’-]+){0,4}?\W+" + _listed(claimants._REVISABLE)
        + r"\b",
        re.IGNORECASE,
    )),
]


def _salad(rnd: random.Random, words: list[str]) -> str:
    glue = ("", " ", "  ", "-", ", ", " the ", "'", "\n")
    return "".join(rnd.choice(words) + rnd.choice(glue) for _ in range(rnd.randrange(1, 10)))


@pytest.mark.parametrize("pair", range(len(_PAIRS)))
def test_each_tree_matches_exactly_where_its_list_did(pair: int) -> None:
    tree, listed = _PAIRS[pair]
    rnd = random.Random(pair)
    vocab = sorted(
        cues.STANCE_FORMS | cues.DECISION_FORMS | cues.PSYCH_FORMS | cues.DELIVER_FORMS | cues.SPEECH_OBJECTS
        | cues.OPINION_NOUNS | cues.OPINION_PREPS | cues.REACTION_NOUNS | cues.ATTITUDE_ADJECTIVES
        | claimants._REVISE_FORMS | claimants._REVISABLE
    )
    words = []
    for w in rnd.sample(vocab, 150):
        words += [w, w.upper(), w.capitalize(), w[:-1], w + "s", w + "ly", "un" + w, w + "_x"]
    words += ["from", "by", "of", "about", "the", "a", "K", "ſ", "İ", "é", "12", "'s", "’"]
    for text in [*SENTENCES, *(_salad(rnd, words) for _ in range(1500))]:
        ours, theirs = tree.search(text), listed.search(text)
        assert (ours and ours.span()) == (theirs and theirs.span()), text
        s = len(text) // 3
        ours, theirs = tree.search(text, s, len(text) - 2), listed.search(text, s, len(text) - 2)
        assert (ours and ours.span()) == (theirs and theirs.span()), text
