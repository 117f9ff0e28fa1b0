"""Sentence windows and passages: unit cases and hypothesis properties."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.corpus import cut_passages, sentence_spans
from desk.model import Boilerplate


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_no_split_inside_numbers_and_abbreviations() -> None:
    text = (
        "Russia returned more than 1.2K bodies, and 14,400 soldiers died. The U.S. Army and Mr. Smith met "
        "Dr. Jones on Jan. 5 in St. Petersburg. John F. Kennedy said 5.7 million people, or 3.5%, were hit. "
        "“Is it over?” she asked. “It is.” The talks ended."
    )
    assert sentences(text) == [
        "Russia returned more than 1.2K bodies, and 14,400 soldiers died.",
        "The U.S. Army and Mr. Smith met Dr. Jones on Jan. 5 in St. Petersburg.",
        "John F. Kennedy said 5.7 million people, or 3.5%, were hit.",
        "“Is it over?” she asked.",
        "“It is.”",
        "The talks ended.",
    ]


def test_acronym_at_a_sentence_end() -> None:
    assert sentences("Sanctions came from the U.S. The EU followed.") == [
        "Sanctions came from the U.S.",
        "The EU followed.",
    ]


def test_short_paragraphs_are_passages() -> None:
    text = "Title line\n\nFirst paragraph. It has two sentences.\n\n\nSecond one.\n"
    got = [text[p.start : p.end] for p in cut_passages(text, [])]
    assert got == ["Title line", "First paragraph. It has two sentences.", "Second one."]


def test_body_without_breaks_becomes_windows() -> None:
    sentence = "The council said that {} families had lost their homes in the flood on Saturday night."
    text = " ".join(sentence.format(i) for i in range(40))
    ps = cut_passages(text, [])
    assert 8 <= len(ps) <= 16
    for p in ps:
        chunk = text[p.start : p.end]
        n = len(sentences(chunk))
        assert 2 <= n <= 4
        assert 30 <= len(chunk.split()) <= 130
        assert chunk.endswith("night.")


def test_boilerplate_is_excluded_and_splits_paragraphs() -> None:
    text = "Real news here.\nAdvertisement\nMore news here."
    start = text.index("Advertisement")
    ps = cut_passages(text, [Boilerplate(start, start + len("Advertisement"), "advertisement")])
    assert [text[p.start : p.end] for p in ps] == ["Real news here.", "More news here."]


def test_one_paragraph_per_line_and_hard_wrapped_text() -> None:
    per_line = "First paragraph ends here.\nSecond paragraph ends here.\nThird one too."
    assert len(cut_passages(per_line, [])) == 3
    wrapped = "This sentence is wrapped\nover several lines because it\ncame from an e-mail. It ends here."
    assert len(cut_passages(wrapped, [])) == 1


NUMBERS = st.sampled_from(["14,400", "1.2K", "5.7 million", "U.S.", "Mr.", "Dr.", "3.5%", "$2.4 billion", "No. 5", "1,212"])
WORDS = st.sampled_from(["the", "council", "said", "Brannock", "flood", "people", "were", "killed", "on", "Sunday"])
TOKEN = st.one_of(WORDS, WORDS, WORDS, NUMBERS)
SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    WORDS,
    st.lists(TOKEN, min_size=1, max_size=30),
    st.sampled_from([".", "?", "!", ".”", "?”", "…"]),
)
SEPARATOR = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n \n", "  "])


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Boilerplate]]:
    parts = draw(st.lists(st.tuples(SENTENCE, SEPARATOR), min_size=1, max_size=40))
    text = "".join(s + sep for s, sep in parts)
    boiler = []
    pos = 0
    for i, (s, sep) in enumerate(parts):
        if draw(st.integers(0, 9)) == 0 and i % 2:
            boiler.append(Boilerplate(pos, pos + len(s), "test"))
        pos += len(s) + len(sep)
    return text, boiler


PROTECTED = re.compile(r"14,400|1\.2K|5\.7 million|3\.5%|\$2\.4 billion|1,212|No\. 5|U\.S\.|Mr\. |Dr\. ")


@settings(max_examples=150, deadline=None)
@given(documents())
def test_passage_properties(doc: tuple[str, list[Boilerplate]]) -> None:
    text, boiler = doc
    ps = cut_passages(text, boiler)
    last = 0
    for i, p in enumerate(ps):
        assert p.number == i
        assert last <= p.start < p.end <= len(text)  # ordered, within bounds, never overlapping
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip()  # trimmed
        for b in boiler:
            assert p.end <= b.start or b.end <= p.start
        last = p.end
    # no protected token is cut at a passage edge
    cuts = {p.start for p in ps} | {p.end for p in ps}
    for m in PROTECTED.finditer(text):
        assert not any(m.start() < c < m.end() for c in cuts), m.group(0)
    # every sentence character outside boilerplate is in some passage
    covered = [False] * len(text)
    for p in ps:
        covered[p.start : p.end] = [True] * (p.end - p.start)
    for b in boiler:
        covered[b.start : b.end] = [True] * (b.end - b.start)
    assert all(c or text[i].isspace() for i, c in enumerate(covered))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_safe(text: str) -> None:
    ps = cut_passages(text, [])
    last = 0
    for p in ps:
        assert last <= p.start < p.end <= len(text)
        last = p.end


def test_furniture_sentence_inside_a_body_without_breaks() -> None:
    from desk.corpus.boilerplate import detect

    prose = "Russian forces shelled the city overnight, the governor said. " * 8
    text = prose + "Click here to follow our live blog with the latest updates. " + prose
    spans = detect(text)
    assert [(b.reason, text[b.start : b.end]) for b in spans] == [
        ("click here", "Click here to follow our live blog with the latest updates.")
    ]
    ps = cut_passages(text, spans)
    assert not any("Click here" in text[p.start : p.end] for p in ps)


def test_a_byline_in_capitals_inside_a_glued_page_opens_a_new_passage() -> None:
    from desk.corpus.boilerplate import detect

    first = "The mayor of Dornfeld said the river had burst its banks overnight. " * 6
    second = "Farmers downstream moved their cattle to higher ground on Sunday. " * 6
    text = first + "BY MARA OKONJO AND LEE PARK FOR THE VALLEY POST " + second
    spans = [b for b in detect(text) if b.reason == "byline"]
    assert [text[b.start : b.end] for b in spans] == ["BY MARA OKONJO AND LEE PARK FOR THE VALLEY POST"]
    ps = cut_passages(text, detect(text))
    assert not any("VALLEY POST" in text[p.start : p.end] for p in ps)
    assert any(text[p.start : p.end].startswith("Farmers downstream") for p in ps)
    # capitals that are a headline's words, not a byline after a sentence, stay text
    shout = first + "Residents were RESCUED BY BOAT CREWS FOR HOURS on end. " + second
    assert not [b for b in detect(shout) if b.reason == "byline"]


def test_a_credit_sentence_is_furniture_alone_or_at_the_end_of_a_paragraph() -> None:
    from desk.corpus.boilerplate import detect

    prose = "The council of Dornfeld voted to rebuild the bridge by spring, the mayor said. "
    for credit in (
        "Mara Okonjo and Lee Park contributed to this report.",
        "The Valley Post's Lee Park contributed reporting from Dornfeld.",
        "News agencies contributed to this story",
    ):
        alone = prose + "\n\n" + credit + "\n"
        assert [(b.reason, alone[b.start : b.end].strip()) for b in detect(alone)] == [("credit line", credit)]
        glued = prose * 2 + credit + "\n\nFarmers moved their cattle on Sunday.\n"
        spans = detect(glued)
        assert [glued[b.start : b.end] for b in spans] == [credit]
        assert not any("contributed" in glued[p.start : p.end] for p in cut_passages(glued, spans))
    # a sentence about contributing to something else is the story
    for text in (
        "Heavy rain contributed to this report's delay, the auditors said.",
        "Floods contributed to the story of the town's decline over many years of neglect.",
        prose + "Donors contributed reporting equipment worth 40,000 euros to the paper in Dornfeld last year.",
    ):
        assert not detect(text), text


def test_an_email_sign_up_run_on_into_the_next_block_is_furniture_up_to_the_double_space() -> None:
    from desk.corpus.boilerplate import detect

    prose = "The council of Dornfeld voted to rebuild the bridge by spring, the mayor said. "
    promo = "Sign up to the morning Harbour Markets email or follow Harbour Business on Twitter at @HarbourDesk"
    story = ("Supply cuts have pushed prices higher, and the two sides blamed each other for a 40% rise in costs "
             "over the winter months across the whole of the region and well beyond it, traders said on Monday. ")
    text = prose * 3 + "  " + promo + "  " + story + prose
    spans = detect(text)
    assert [(b.reason, text[b.start : b.end]) for b in spans] == [("newsletter", promo)]
    ps = cut_passages(text, spans)
    assert any(text[p.start : p.end].lstrip().startswith("Supply cuts") for p in ps)
    assert not any("Harbour Markets" in text[p.start : p.end] for p in ps)


def test_a_section_break_inside_a_line_ends_the_passage_and_is_no_text() -> None:
    # a long read saved as one line: its "* * *" section breaks sit between sentences
    first = "The ferry company kept its old timetable for years. Nobody in Tessel asked why it never changed."
    second = "The new owners arrived in spring. They cut the night crossing and sold two of the boats."
    for mark in ("* * *", "***", "• • •"):
        text = f"{first} {mark} {second}"
        spans = [text[p.start : p.end] for p in cut_passages(text, [])]
        assert spans == [first, second], mark
    # stars that are part of a word or a pair are not a break
    text = "The vote was 3*2 in the end. A ** marks the result ** in the table."
    assert [text[p.start : p.end] for p in cut_passages(text, [])] == [text]


def test_a_captions_credit_is_furniture_and_ends_the_captions_passage() -> None:
    from desk.corpus.boilerplate import detect

    before = "The ferry company kept its old timetable for years, and nobody in Tessel asked why. " * 4
    words = "Passengers wait on the quay at Tessel in May, where 40 crossings were cut."
    credit = "Photograph: Lena Marsh/Harbour Pictures"
    after = "Mira Holt and two other people the paper spoke to said the fares doubled. " * 3
    # a page saved as one line keeps each caption as a block between double spaces
    text = f"{before.strip()}   {words} {credit}   {after.strip()}"
    spans = detect(text)
    assert [(b.reason, text[b.start : b.end]) for b in spans] == [("photo credit", credit)]
    passages = [text[p.start : p.end] for p in cut_passages(text, spans)]
    # the caption's words stay text, a passage of their own; the credit runs into nothing
    assert words in passages
    assert not any("Photograph" in p for p in passages)
    assert any(p.startswith("Mira Holt and two other people") for p in passages)
    # a caption on a line of its own
    text = f"{before.strip()}\n\n{words} {credit}\n\n{after.strip()}"
    assert [text[b.start : b.end] for b in detect(text)] == [credit]
    # prose that mentions a photograph is no caption
    text = f"{before.strip()}   The photograph was taken in May, the agency said, and shows 40 people.   {after.strip()}"
    assert detect(text) == []
