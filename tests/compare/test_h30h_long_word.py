"""A word of 100,000 letters (an inline base64 image, an unclosed front matter block of one long title)
held ``desk compare`` for hours: the test for "a sentence of six words or more" backtracked through
the word from each of its letters (session h30h)."""

from __future__ import annotations

import random
import re
import time

import pytest

from desk.compare.retrieve import MIN_WORDS, _has_words


@pytest.mark.timeout(30)
def test_a_long_word_is_counted_in_linear_time() -> None:
    text = "Officials said " + "A" * 200_000 + " today."
    t0 = time.perf_counter()
    assert not _has_words(text, 0, len(text), MIN_WORDS)
    assert _has_words(text + " The river rose again", 0, len(text) + 21, MIN_WORDS)
    assert time.perf_counter() - t0 < 1.0  # hours before


def test_the_count_is_the_count_of_word_runs() -> None:
    rnd = random.Random(7)
    alphabet = "ab _-.,é1 \n’"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        words = re.findall(r"\w+", text[start:end])
        for n in (1, 2, 3, MIN_WORDS):
            assert _has_words(text, start, end, n) == (len(words) >= n), (text, start, end, n)
