"""Claimants: rules over the parse, on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.extract import extract
from desk.extract.score import names_match

CASES = [
    ("The regional governor, Oleksandr Prokudin, said 12 people were injured in the shelling of Kherson.", "Oleksandr Prokudin"),
    ("At least 30 civilians died in the strike, according to the Ukrainian interior ministry.", "Ukrainian interior ministry"),
    ("Russia's defence ministry claimed its forces had shot down 41 drones overnight.", "defence ministry"),
    ("Kyiv said on Tuesday that about 2,000 prisoners had been exchanged since the start of the year.", "Kyiv"),
    ("“We lost nearly 400 soldiers in a week,” a Ukrainian commander told Reuters.", "Ukrainian commander"),
    ("Poland has taken in more than 1.5 million refugees, the UN refugee agency said.", "UN refugee agency"),
    ("The Pentagon estimated that 120,000 Russian troops had been killed or wounded.", "Pentagon"),
    ("Up to 300 people may have died in the theatre, Mariupol city council said.", "Mariupol city council"),
    ("NATO Secretary General Jens Stoltenberg told reporters that the alliance would send 300,000 troops east.", "Jens Stoltenberg"),
    ("The World Bank says Ukraine's economy will shrink by 45.1% this year.", "World Bank"),
    ("Prices rose 12 percent last year as the war disrupted supply chains.", ""),
    ("The convoy stretched for 40 miles north of the capital.", ""),
    ("Five people were killed when a missile hit a shopping centre.", ""),
    ("Ukraine has received $2.5bn in military aid from the US, which announced a further package on Friday.", ""),
    ("Everything went according to plan, and 14 trains left on time.", ""),
]


@pytest.mark.parametrize(("sentence", "claimant"), CASES)
def test_own_sentences(sentence: str, claimant: str) -> None:
    x = extract(sentence)
    assert x.claims, "no figure found"
    for c in x.claims:
        if claimant:
            assert names_match(c.claimant, claimant), (c.figure.text, c.claimant)
        else:
            assert c.claimant == "", (c.figure.text, c.claimant)


def test_pronoun_takes_the_previous_source() -> None:
    text = (
        "Energy Minister German Galushchenko spoke on Monday about the winter. "
        "He said that 40% of the grid had been damaged.\n\n"
        "The national grid operator said repairs were under way. It added that 12 substations were hit."
    )
    x = extract(text)
    by_value = {c.figure.value: c.claimant for c in x.claims}
    assert names_match(by_value[40], "German Galushchenko")
    assert names_match(by_value[12], "national grid operator")


def test_role_refers_back_to_the_named_person() -> None:
    text = (
        "Polish Prime Minister Donald Tusk said on Sunday the border would stay open. "
        "The Polish Prime Minister said that 9,000 soldiers would guard it."
    )
    claims = extract(text).claims
    assert [c.claimant for c in claims] == ["Donald Tusk"]


def test_quotation_belongs_to_the_person_quoted() -> None:
    text = "“The city was hit by 17 missiles. We counted 250 craters,” Mayor Vitali Klitschko said."
    claims = extract(text).claims
    assert [c.figure.value for c in claims] == [17, 250]
    assert all(c.claimant == "Vitali Klitschko" for c in claims)


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Over 300 drones launched overnight, Kyiv says", "Kyiv"),
        ("Russia lost 20 jets in a week: Ukrainian air force", "Ukrainian air force"),
        ("Shelling killed 7 civilians – DPR", "DPR"),
        ("Enemy lost 500 troops, says General Staff", "General Staff"),
    ],
)
def test_headline_tags(headline: str, claimant: str) -> None:
    x = extract(headline + "\n\nThe article body follows here without figures.")
    assert [c.claimant for c in x.claims] == [claimant]


def test_skip_drops_a_repeated_title() -> None:
    title = "Russia returns 1,212 bodies"
    text = f"{title}\n\n{title}\n\nThe exchange went ahead."
    second = text.index(title, 1)
    x = extract(text, skip=[(second, second + len(title))])
    assert [f.start for f in x.figures] == [text.index("1,212")]


def test_outlet_citation_is_not_the_claimant() -> None:
    text = "Ukrainian officials have claimed 900 Russian troops have been killed, reports Reuters."
    assert [c.claimant for c in extract(text).claims] == ["Ukrainian officials"]


def test_entities_and_dates() -> None:
    x = extract("Ukraine's president Volodymyr Zelensky said on Saturday that 64 people were hurt in Kharkiv.",
                base_date=dt.date(2025, 6, 11))
    labels = {(e.text, e.label) for e in x.entities}
    assert ("Volodymyr Zelensky", "PERSON") in labels
    assert ("Ukraine", "GPE") in labels
    assert [(d.text, d.date) for d in x.dates] == [("Saturday", dt.date(2025, 6, 7))]


def test_attribution_spans_point_into_the_text() -> None:
    text = "Officials in Kharkiv said 12 people were hurt. According to the mayor, 3 died."
    x = extract(text)
    assert x.attributions
    for a in x.attributions:
        assert text[a.source_start : a.source_end] == a.source_text
        assert 0 <= a.cue_start < a.cue_end <= len(text)
        assert a.content_start < a.content_end
    for c in x.claims:
        if c.attribution is not None:
            assert x.attributions[c.attribution].name == c.claimant


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_extract_survives_arbitrary_unicode(text: str) -> None:
    x = extract(text)
    assert len(x.claims) == len(x.figures)
    for a in x.attributions:
        assert text[a.source_start : a.source_end] == a.source_text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "said", "he", "It added that", "14,000", "“", "”", "according to", "the official", ".", "\n",
    "Zelensky", "over", "two", ":", "–", "claims", "Moscow", " ",
]), max_size=60))
def test_extract_survives_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    x = extract(text)
    assert all(text[f.start : f.end] == f.text for f in x.figures)


def test_run_on_text_is_not_parsed_but_still_has_figures() -> None:
    text = "Officials said 5 people died and " * 200  # one 6,600-character "sentence"
    x = extract(text)
    assert len(x.figures) == 200
    assert all(c.claimant == "" for c in x.claims)


def test_batched_extraction_equals_one_at_a_time() -> None:
    from desk.extract import extract_many

    texts = [
        "Mayor Vitali Klitschko said 17 missiles hit Kyiv. He added that 250 homes were damaged.",
        "“We lost nearly 400 soldiers,” a commander told Reuters.",
        "No figures here, only words.",
        "Over 300 drones launched overnight, Kyiv says\n\nThe Kremlin said 20 were downed.",
    ]
    one = [extract(t, base_date=dt.date(2024, 5, 1)) for t in texts]
    many = extract_many([(t, (), dt.date(2024, 5, 1), None) for t in texts])
    assert many == one


def test_outlet_suffix_of_a_title_is_not_a_claimant() -> None:
    x = extract("Strike kills 14 in Odesa - BBC News\n\nThe body has no figures.")
    assert [c.claimant for c in x.claims] == [""]
