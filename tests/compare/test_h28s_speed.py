"""Session 28's faster paths (h28s) give the answers of the plain computations they replace."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections.abc import Sequence

import pytest

from desk.compare import grouping, joining
from desk.compare.disagree import ClaimFact
from desk.compare.places import broad_places
from desk.compare.profile import passage_places, profile, stem_numbers, stem_ranks
from desk.extract import sentences as sentences_mod
from desk.extract.sentences import ABBREVIATIONS, lines, sentences

from .helpers import figure_claim, make_ref

# -- the sentence splitter


def _plain_inside_tagged_quote(text: str, s: int, dot: int, after: int, le: int) -> bool:
    """:func:`desk.extract.sentences._inside_tagged_quote` as it was: no search for a quote mark first."""
    opened = [q.start() for q in sentences_mod._QUOTE_OPEN_RE.finditer(text, s, dot)]
    if not opened:
        return False
    if sentences_mod._QUOTE_CLOSE_RE.search(text, opened[-1] + 1, after) is not None:
        return False
    close = sentences_mod._QUOTE_CLOSE_RE.search(text, after, min(le, after + sentences_mod.QUOTE_RUN_ON_SPAN))
    return close is not None and text[close.start() - 1] == ","


def _plain_sentences(
    text: str, start: int = 0, end: int | None = None, *, single_quotes: bool = True, tagged_quotes: bool = False
) -> list[tuple[int, int]]:
    """:func:`desk.extract.sentences.sentences` as it was: patterns looked up at each stop, the word before a
    stop searched for whatever the stop."""
    out: list[tuple[int, int]] = []
    ends = sentences_mod._END if single_quotes else sentences_mod._END_DOUBLE
    for ls, le in lines(text, start, end):
        s = ls
        for m in ends.finditer(text, ls, le):
            dot = m.start()
            if tagged_quotes and _plain_inside_tagged_quote(text, s, dot, m.end(), le):
                continue
            word = re.search(r"([\w.]+)$", text[max(ls, dot - 12) : dot])
            if text[dot] == "." and word:
                w = word.group(1).lower()
                if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
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


#: invented sentences: quotations straight and curly, tagged after or closed before the stop, abbreviations,
#: initials, question and exclamation marks, lists and brackets
_PIECES = [
    "The ferry left Tarvo at noon.",
    "Gen. Halloran said the convoy was late.",
    "'We stay. We hold,' the mayor of Brannock wrote on Sunday.",
    "'We stay.' The mayor left the square.",
    '"Nobody moved. Nobody spoke," a driver told the North Post.',
    '"We wait." Then the rain came.',
    "“Ours. Only ours,” said Ilse Varga.",
    "‘The bridge is shut.’ Traffic backed up to the U.S. border post.",
    "J. R. Kalm met officials of the U.N. at 9 a.m. on Friday!",
    "Did the pier hold? Nobody knew (the harbour was dark).",
    "Residents fled — 40 of them by boat.",
    "Crews counted 1,300 boxes; the count rose to 1,412 by evening… Then it stopped.",
    "He said: 'It was 12 p.m. exactly. Ask anyone,' and walked away.",
    "Prices rose 3.5 per cent. St. Anne's hall stayed open.",
    "The dean's office said it was 'closed for now'. Students waited.",
    "• first item. • second item.",
]


def _texts() -> list[str]:
    out = []
    for a, b, c in itertools.permutations(_PIECES[:9], 3):
        out.append(f"{a} {b}\n{c} {a}")
    for k in range(len(_PIECES)):
        out.append(" ".join(_PIECES[k:] + _PIECES[:k]))
        out.append("\n\n".join(_PIECES[k::3]))
    return out


@pytest.mark.parametrize("single_quotes", [True, False])
@pytest.mark.parametrize("tagged_quotes", [True, False])
def test_sentences_equal_the_plain_splitter(single_quotes: bool, tagged_quotes: bool) -> None:
    for text in _texts():
        for start, end in ((0, len(text)), (5, len(text) - 3), (len(text) // 3, len(text))):
            assert sentences(text, start, end, single_quotes=single_quotes, tagged_quotes=tagged_quotes) == (
                _plain_sentences(text, start, end, single_quotes=single_quotes, tagged_quotes=tagged_quotes)
            ), (text, start, end)


def test_tagged_quote_check_without_marks_and_with_them() -> None:
    text = "'We stay. We hold,' the mayor wrote. Nobody quoted here. So it ends."
    for m in sentences_mod._END.finditer(text):
        for s in range(0, m.start()):
            assert sentences_mod._inside_tagged_quote(text, s, m.start(), m.end(), len(text)) == (
                _plain_inside_tagged_quote(text, s, m.start(), m.end(), len(text))
            )
    # the first stop lies inside the tagged quotation; one without any mark before it never does
    first = next(sentences_mod._END.finditer(text))
    assert sentences_mod._inside_tagged_quote(text, 0, first.start(), first.end(), len(text))
    plain = "Nobody quoted here. So it ends."
    stop = next(sentences_mod._END.finditer(plain))
    assert not sentences_mod._inside_tagged_quote(plain, 0, stop.start(), stop.end(), len(plain))


# -- a row's own figures (the rival join)


def _plain_own_claims(claims: Sequence[tuple[int, ClaimFact]]) -> list[tuple[int, ClaimFact]]:
    """:func:`desk.compare.joining._own_claims` as it was: each pair's quantities compared first."""
    documents = {c.document for _, c in claims}
    support: list[int] = []
    for _, c in claims:
        support.append(len({d.document for _, d in claims
                            if d.quantity.same_toll(c.quantity) and d.low <= c.high and c.low <= d.high}))
    if not support:
        return []
    best = max(support)
    if best < 2 and len(documents) > 1:
        return []
    top = [c for (_, c), s in zip(claims, support, strict=True) if s == best]
    return [(m, c) for m, c in claims
            if any(t.quantity.same_toll(c.quantity) and t.low <= c.high and c.low <= t.high for t in top)]


DAY = dt.date(2031, 4, 2)
_CLAIMS = [
    ("About 300 people were killed in the shelling of Tarvo, officials said.", "300"),
    ("As many as 600 people died in Tarvo, the mayor of the town said.", "600"),
    ("At least 310 civilians were killed in the city.", "310"),
    ("Some 40 soldiers were wounded near the bridge.", "40"),
    ("The port shipped 20 million tonnes of grain.", "20 million"),
    ("Nearly 22 million tonnes of grain were stuck in the port.", "22 million"),
    ("About 300 people were killed in the shelling, a doctor said.", "300"),
    ("Ten people were killed on Monday evening.", "Ten"),
]


def test_own_claims_equal_the_plain_order_of_tests() -> None:
    made = [figure_claim(text, written, f"Outlet {k % 3}", DAY) for k, (text, written) in enumerate(_CLAIMS)]
    for size in (1, 2, 3, 4, len(made)):
        for chosen in itertools.combinations(range(len(made)), size):
            claims = [(k, made[k]) for k in chosen]
            assert joining._own_claims(claims) == _plain_own_claims(claims), chosen


# -- the topic's places, read once per grouping


def test_topic_places_are_the_broad_places_of_the_units() -> None:
    towns = ["Tarvo", "Brannock", "Greyford", "Ostrava"]
    refs = [
        make_ref(f"Shelling hit {towns[k % 4]} and the country of Veldonia on day {k}, officials in Veldonia said.",
                 f"Outlet {k % 3}", article=f"a{k}", number=k)
        for k in range(12)
    ]
    profiles = [profile(r) for r in refs]
    plain = broad_places([passage_places(p) for p in profiles])
    assert grouping.topic_places(profiles) == plain
    with grouping.places_remembered():
        assert grouping.topic_places(profiles) == plain
        assert grouping.unit_places(profiles) == [passage_places(p) - plain for p in profiles]
        # remembered: the same answer again, and unit_places still hands out a copy of its list
        first = grouping.unit_places(profiles)
        first.clear()
        assert grouping.unit_places(profiles) == [passage_places(p) - plain for p in profiles]
        assert grouping.topic_places(profiles) == plain


# -- the consensus join's sums, the stems' ranks, the copies of a row


def _plain_consensus_dots(
    words: dict[int, dict[str, float]], keys: list[int]
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], int]]:
    """The consensus join's sums as they were written: each weight looked up for every pair."""
    rows_with: dict[str, list[int]] = {}
    for g in keys:
        for st in words[g]:
            rows_with.setdefault(st, []).append(g)
    dot: dict[tuple[int, int], float] = {}
    common: dict[tuple[int, int], int] = {}
    for st, rows in rows_with.items():
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                pair = (rows[x], rows[y])
                dot[pair] = dot.get(pair, 0.0) + words[rows[x]][st] * words[rows[y]][st]
                common[pair] = common.get(pair, 0) + 1
    return dot, common


def test_consensus_dots_equal_the_plain_sums_bit_for_bit() -> None:
    rnd = random.Random(28)
    vocabulary = [f"w{k}" for k in range(40)]
    for _ in range(30):
        words = {
            g: {st: rnd.random() * 3.0 for st in rnd.sample(vocabulary, rnd.randint(1, 12))}
            for g in rnd.sample(range(60), rnd.randint(2, 25))
        }
        keys = list(words)
        dot, common = joining._consensus_dots(words, keys)
        plain_dot, plain_common = _plain_consensus_dots(words, keys)
        assert list(dot.items()) == list(plain_dot.items())  # the same floats, met in the same order
        assert list(common.items()) == list(plain_common.items())


def test_stem_ranks_are_the_alphabetical_ranks() -> None:
    stems = frozenset({"tarvo", "ferri", "harbour", "brannock", "zeal", "abbey"})
    numbers = stem_numbers(stems)
    names = sorted(stems)
    assert stem_ranks(numbers).tolist() == [names.index(st) for st in stems]
    assert stem_ranks(numbers[::-1].copy()).tolist() == [names.index(st) for st in reversed(list(stems))]


def test_duplicates_of_one_passage_and_of_copies() -> None:
    text = "The ferry carried 412 passengers across the lake before the storm closed the harbour at Tarvo."
    one = [profile(make_ref(text, "Lake Daily", article="a1"))]
    assert grouping.duplicates_in(one) == {}
    copies = [profile(make_ref(text, outlet, article=f"a{k}")) for k, outlet in enumerate(["Lake Daily", "North Post"])]
    other = profile(make_ref("Crews counted 40 boats in the harbour on Monday evening.", "East Daily", article="a9"))
    assert grouping.duplicates_in([*copies, other]) == {copies[0].ref.key: ["North Post"]}
