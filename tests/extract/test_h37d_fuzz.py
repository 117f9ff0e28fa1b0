"""Extraction never raises and keeps every span inside its text, on word salad made of the pieces the h37d
rules read (datelines, speaker labels inside a paragraph, lower-case title tags, "data from", a name after a
role noun, "one in five", "children under five", "took part in the survey"), odd Unicode and long sentences."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import check_spans_inside

_PIECES = st.sampled_from([
    "TELLSBY, May 3 (Wire) -", "TELLSBY (Coast Radio) —", "DR ANN ROE, nurse:", "PRESENTER:", "Union leader Ivo Lind:",
    "“", "”", "\"", ":", " – coastguard", ": farmers' union", "data from the statistics office showed",
    "the charity Harbour Lights says", "one in five", "children under five", "took part in the survey",
    "the company said", "Dalvik Semiconductor reported", "he said.", "She said", "in the town of Porto Selva",
    "Economy adds", "84,000", "7%", "two dozen", ".", "\n", " ", ",", "who runs the port,", "\u200f", "\u202e",
    "\ufffd", "😀", "東京", "ж", "\x00", "Lately, there are two:",
])
_SALAD = st.lists(_PIECES, max_size=60).map(" ".join)
#: one very long sentence: many clauses, no full stop
_LONG = st.integers(20, 120).map(lambda n: ", ".join(["the port board said 40 ships waited"] * n) + " and it rained")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_SALAD, st.text(max_size=300)))
def test_h37d_rules_survive_word_salad_and_unicode(text: str) -> None:
    check_spans_inside(text, empty_cue=True)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LONG)
def test_h37d_very_long_sentence(text: str) -> None:
    check_spans_inside(text, empty_cue=True)
