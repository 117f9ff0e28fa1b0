"""The cheap word test before each as-of pattern never skips an expression the pattern would find."""

from __future__ import annotations

import datetime as dt

import pytest

from desk.compare import asof

SENTENCES = [
    "The ferry sank on 3 MARCH, the harbour master said.",
    "Officials counted 40 boats by 2021-05-04 and none since.",
    "Earlier TODAY the mayor said 12 boats were lost.",
    "Fishermen said last night that the storm had passed.",
    "Tonight the council meets; the market fell in December.",
    "In the first two weeks the guild sold 900 tonnes of barley.",
    "The decision may come in early Sept. or by the end of October 2020.",
    "Three days earlier the harbour had reopened, a spokesman said on Friday.",
    "A ſeptember storm (an old spelling) closed the harbour.",
    "Nothing here names a day at all.",
    "The pumps now move 120 tonnes, CURRENTLY the most since March.",
    "The mayor met 30 separatists near the market at 9 am.",
    "Sales rose 5% on Tuesday, two weeks ago, against 2019-2020 levels.",
    "Over the past three months the yard built 14 hulls in 2019.",
    "Prices have been falling for days; today they fell again.",
    "By 4 Dec. the port had shipped 2 million tonnes, up from 1.5 million in mid-November.",
    "The Mondays of June were quiet, said the keeper of the lock.",
]


def _plain_candidates(text: str, base: dt.date, years: bool) -> list[tuple[int, int, asof.AsOf]]:
    """Every pattern over the whole text, in order, each match kept unless it overlaps one kept before."""
    found: list[tuple[int, int, asof.AsOf]] = []
    for kind, pattern in asof._PATTERNS:
        if not years and kind in asof._CLAIM_ONLY:
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if any(s < b and a < e for a, b, _ in found):
                continue
            try:
                got = asof._resolve(kind, m, base)
            except (KeyError, ValueError):
                continue
            if got is not None:
                found.append((s, e, got))
    return sorted(found)


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize("years", [False, True])
def test_candidates_are_those_of_every_pattern(text: str, years: bool) -> None:
    base = dt.date(2021, 6, 9)
    asof._candidates_cached.cache_clear()
    assert asof._candidates(text, base, years) == _plain_candidates(text, base, years)


def test_candidates_with_years_add_the_years_to_the_passage_candidates() -> None:
    text = "From 2014 to 2016, and again on 3 March, the harbour closed; in 2019 it reopened."
    base = dt.date(2021, 6, 9)
    asof._candidates_cached.cache_clear()
    without = asof._candidates(text, base, False)
    with_years = asof._candidates(text, base, True)
    assert [c[:2] for c in without] == [(text.index("on 3 March"), text.index(",", text.index("on 3")))]
    assert len(with_years) == 3
    assert set(without) < set(with_years)


@pytest.mark.parametrize("text", SENTENCES)
def test_candidates_are_those_of_the_plain_patterns(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    base = dt.date(2021, 6, 9)
    asof._candidates_cached.cache_clear()
    fast = asof._candidates(text, base)
    monkeypatch.setattr(asof, "_needed", lambda kind, t, low, *rest: asof._NEEDS[kind].search(t) is not None)
    monkeypatch.setattr(asof, "_near_months", lambda kind, pattern, t, *rest: pattern.finditer(t))
    asof._candidates_cached.cache_clear()
    assert fast == asof._candidates(text, base)


MONTH_SENTENCES = [
    "As of the beginning of March the ferry had carried 412 passengers.",
    "By mid-March, and again in late  May, the harbour closed; on 24th of February 2021 it opened.",
    "The toll stood at 40 as of   the end of - June, up from 12 in Feb. 3 reports.",
    "Counts from Mar.5 and from March 5, 2021, and 5 March, differ from the start of April.",
    "The mayor may march in May, the marine corps in early Sept. or by the end of October 2020.",
    "x-y-z early mid late the end of as of in June 2020 by 3 July, 4 Aug and in December.",
    "Sales rose 5% in Q3; by Dec 31 the yard had built 14 hulls since January 2019.",
]


@pytest.mark.parametrize("text", MONTH_SENTENCES)
@pytest.mark.parametrize("kind", ["month", "abs"])
def test_reading_around_month_names_finds_every_match(text: str, kind: str) -> None:
    pattern = dict(asof._PATTERNS)[kind]
    low = text.lower()
    first = asof._MONTH_WORD.search(low)
    assert first is not None
    near = [(m.span(), m.groupdict()) for m in asof._near_months(kind, pattern, text, low, first.start())]
    plain = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert near == plain
    assert plain or kind == "abs"  # each sentence holds a month expression


def test_the_month_sentences_hold_whole_dates() -> None:
    pattern = dict(asof._PATTERNS)["abs"]
    assert sum(1 for t in MONTH_SENTENCES if pattern.search(t)) >= 5


def test_a_scan_starts_before_what_may_precede_a_month() -> None:
    text = "Boats sailed, as of the beginning of March, to Varna."
    at = text.index("March")
    assert asof._scan_start(text, at, 5, False) == text.index(" as of")  # back to the comma
    assert asof._scan_start(text, at, 2, False) == text.index(" beginning")
    text = "On 24th of February the port opened."
    assert asof._scan_start(text, text.index("February"), 6, True) == 0
    assert asof._scan_start(text, text.index("February"), 6, False) == text.index("th of")  # a digit ends it


def test_the_word_test_says_no_only_without_the_words() -> None:
    assert not asof._needed("month", "The guild sold barley.", "the guild sold barley.")
    assert asof._needed("month", "Sold in JUNE.", "sold in june.")
    assert asof._needed("abs", "Counted by 2021-05-04.", "counted by 2021-05-04.")
    assert not asof._needed("rel", "The ferry sank.", "the ferry sank.")
    assert asof._needed("rel", "The ferry sank LAST NIGHT.", "the ferry sank last night.")
    # a month's letters inside another word are no month; a whole date needs a digit
    assert not asof._needed("month", "The mayor opened 3 markets.", "the mayor opened 3 markets.")
    assert not asof._needed("abs", "Sold in June.", "sold in june.")
    assert asof._needed("abs", "Sold on 4 June.", "sold on 4 june.")
    # "today" and "days" name no weekday
    assert not asof._needed("weekday", "For days, and today too.", "for days, and today too.")
    assert asof._needed("weekday", "Sold on Tuesday.", "sold on tuesday.")


def test_a_look_alike_letter_is_no_date_and_no_crash() -> None:
    got = asof.resolve_as_of("A \u017feptember storm closed the harbour on Tuesday.", dt.date(2021, 6, 9))
    assert got.exact == dt.date(2021, 6, 8)  # the weekday, not the look-alike month
