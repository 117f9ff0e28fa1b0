"""A comparison does not hang on the order its process met the stems in (earlier queries, hash seed).

Every sentence here is written for this test.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from desk.compare import grouping, profile

WORDS = ["harbour", "ferry", "convoy", "shelling", "depot", "bridge", "tunnel", "reservoir", "granary", "pier", "warehouse", "station", "barracks", "hangar", "bunker", "trench", "ridge", "valley", "orchard", "quarry", "foundry", "mill", "dock", "lighthouse"]


def _numbers(sentences: list[list[str]]) -> list[np.ndarray]:
    return [profile.stem_numbers(frozenset(s)) for s in sentences]


def test_text_similarity_is_the_same_whatever_order_the_stems_were_numbered_in(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    # many units sharing stems of three rarities (weights 3, 2 and 1, square roots in the dense product):
    # each cell sums float32 terms whose sum depends on their order in the last bits
    rare, middle, common = WORDS[:8], WORDS[8:16], WORDS[16:]
    sentences = [[w for w in rare if rng.random() < 0.08] + [w for w in middle if rng.random() < 0.25]
                 + [w for w in common if rng.random() < 0.6] for _ in range(400)]
    results = []
    for order in (WORDS, list(reversed(WORDS)), rng.sample(WORDS, len(WORDS))):
        # a fresh process-wide numbering, met in another order
        monkeypatch.setattr(profile, "_STEM_NUMBERS", {})
        monkeypatch.setattr(profile, "_STEM_NAMES", [])
        profile.stem_numbers(frozenset())  # nothing numbered yet
        for w in order:
            profile.stem_numbers(frozenset([w]))
        numbers = _numbers(sentences)
        cols = np.arange(len(sentences))
        results.append(grouping._text_similarity(numbers, len(sentences), cols, True, len(sentences)))
    assert results[0].shape == (400, 400)
    assert float(results[0].max()) > 0.5
    for other in results[1:]:
        assert np.array_equal(results[0], other)


def test_stem_ranks_are_alphabetical_among_the_numbers_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile, "_STEM_NUMBERS", {})
    monkeypatch.setattr(profile, "_STEM_NAMES", [])
    for w in ("pier", "dock", "mill"):
        profile.stem_numbers(frozenset([w]))
    nums = np.array([0, 1, 2])  # pier, dock, mill
    assert profile.stem_ranks(nums).tolist() == [2, 0, 1]
