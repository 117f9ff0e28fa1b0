"""Reading and extraction never raise and keep every span inside the text, on word salad made of the pieces
session 38's rules read: datelines in any case, a byline run in between a headline and the lead, "worth of",
digits joined by a plus, ages told by a verb, "At 77,", adverbs and past tenses after a figure."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.corpus import FolderContext, Unreadable, read_article
from desk.corpus.datelines import find_dateline
from desk.extract import extract_article

from .helpers import check_spans_inside

_PIECES = st.sampled_from([
    "PORT ALDER, 3 May 2023 (Quay Times) -", "Port Alder, May 3, 2023 —", "HARBOURTON, Vessland (AP) —",
    "ST. KILDA, June 31 (Wire) -", "By Ann Lowe for QuayOnline", "By Ann Lowe and Tam Vell for Quaynews", "(HT) –",
    "$3 million worth of", "7+7", "2+2", "At 77,", "she", "Tam Vell", "turned 58", "as young as", "sixteen and",
    "at the age of", "annually,", "directly to", "9%", "sought", "other potential 2028", "hopefuls", "the union said",
    "Warns of Costs", ".", "\n", "\n\n", " ", ",", "—", "(", ")", "\u200f", "\ufffd", "ж", "\x00",
])
_SALAD = st.lists(_PIECES, max_size=50).map(" ".join)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SALAD)
def test_s38_rules_survive_word_salad(text: str) -> None:
    check_spans_inside(text)
    d = find_dateline(text)
    assert d is None or 0 < d.end <= len(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SALAD)
def test_s38_a_file_of_word_salad_is_read_and_extracted(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text("Harbour news\n\n" + text, encoding="utf-8")
        try:
            art = read_article(folder / "a.txt", folder, FolderContext.load(folder))
        except Unreadable:
            return  # (an empty file, or one of nothing but control characters, is refused with its reason)
        x = extract_article(art)
        assert all(art.text[f.start : f.end] == f.text for f in x.figures)
        for a in x.attributions:
            assert art.text[a.source_start : a.source_end] == a.source_text
        assert all(0 <= p.start < p.end <= len(art.text) for p in art.passages)
