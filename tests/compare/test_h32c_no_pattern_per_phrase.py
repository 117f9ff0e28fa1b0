"""h32c: the counted phrase after a figure, and an entity's name in its sentence, are found without compiling a
pattern for each one; what the old per-phrase patterns found, the new code finds (invented sentences)."""

from __future__ import annotations

import re

import pytest

from desk.compare import places, quantity

#: (text after a figure, counted phrase): blanks of several kinds, a phrase that is not there, one that is
#: there only in another case, a participle that narrows and one that is cut by punctuation or a digit
_AFTER = [
    (" tractors parked near the depot", "tractors"),
    ("  tractors  parking near the depot", "tractors"),
    ("\u00a0tractors\u2009idling outside", "tractors"),
    (" Tractors idling outside", "tractors"),
    ("tractors idling outside", "tractors"),
    (" green tractors idling", "green tractors"),
    (" green  tractors idling", "green tractors"),
    (" tractors, idling", "tractors"),
    (" tractors idling3 days", "tractors"),
    (" tractors idlingX", "tractors"),
    (" tractors ing", "tractors"),
    (" tractors bring", "tractors"),
    (" tractors", "tractors"),
    ("", "tractors"),
    (" tractors (idling)", "tractors"),
    (" tractors\tgrazing", "tractors"),
    (" tractors.*+ grazing", "tractors.*+"),
]


@pytest.mark.parametrize(("after", "counted"), _AFTER)
def test_participle_after_counted_as_the_old_pattern(after: str, counted: str) -> None:
    old = re.match(r"\s+" + re.escape(counted) + r"\s+([a-z]{2,}ing)\b", after)
    at = quantity._after_blanks(after, 0, counted, 1)
    new = quantity._PARTICIPLE_AFTER_RE.match(after, at) if at >= 0 else None
    assert (old and old.group(1)) == (new and new.group(1))


@pytest.mark.parametrize(("after", "counted"), _AFTER)
def test_counted_words_end_as_the_old_pattern(after: str, counted: str) -> None:
    words = counted.split()
    old = re.match(r"\s*" + r"\s+".join(re.escape(w) for w in words), after)
    at = 0
    for i, w in enumerate(words):
        at = quantity._after_blanks(after, at, w, 1 if i else 0)
        if at < 0:
            break
    assert (old.end() if old else -1) == at


def test_measured_reads_what_the_unit_measures() -> None:
    text = "Farmers shipped 4.5 million tonnes of barley and other cereals last spring."
    end = text.index(" million")
    assert quantity._measured(text, end, "million tonnes") == "cereal"
    assert quantity._measured(text, end, "million  tonnes") == "cereal"  # the phrase's own blanks do not count
    assert quantity._measured(text, end, "tonnes") == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Borvale lies east of Borvale Heights and Borvale.", "Borvale"),
        ("aaaa", "aa"),
        ("a.b a+b a.b", "a.b"),
        ("nothing here", "Quarn"),
        ("Quarn", "Quarn"),
    ],
)
def test_occurrences_as_finditer(text: str, name: str) -> None:
    assert places._occurrences(text, name) == [m.start() for m in re.finditer(re.escape(name), text)]


@pytest.mark.parametrize(
    "name",
    ["Marlow-backed forces", "Upper Fennick", "Fennick-on-Sea", "Fennick-Upton", "Day-trip", "Lake Orrin's"],
)
def test_hyphen_gate_as_the_pattern(name: str) -> None:
    """The substring test before the pattern says no only where the pattern finds nothing."""
    for w in name.split():
        gated = "-" in w and places._HYPHENATED_RE.search(w) is not None
        assert gated == (re.search(r"-[a-z]", w) is not None)
