"""The parse runs in batches of PARSE_BATCH sentences: its memory is bounded, its result is not changed.

Sentences written for this test (not from any corpus): each carries a figure and a reporting
cue, so every one of them is parsed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import desk.extract.claimants as claimants
from desk.extract import extract_many, load_model
from desk.extract.score import names_match
from desk.extract.store import extraction_to_json

SOURCES = ["the harbour authority", "Marta Kowalczyk", "the regional water board", "Tomas Brandt", "the Lindqvist Institute"]
THINGS = ["containers", "wells", "trucks", "schools", "bridges", "ferries", "farms"]


def _texts() -> list[str]:
    texts = []
    for t in range(3):
        sentences = []
        for i in range(16):
            source = SOURCES[(t + i) % len(SOURCES)]
            n = 100 + 37 * i + 1000 * t
            sentences.append(f"{source[0].upper()}{source[1:]} said on Monday that {n} {THINGS[i % len(THINGS)]} were affected.")
        texts.append("\n\n".join(sentences))
    return texts


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model()


def _run(texts: list[str]) -> list[str]:
    out = extract_many([(t, [], None, None) for t in texts], every=False)
    return [json.dumps(extraction_to_json(x), sort_keys=True) for x in out]


def test_batches_never_exceed_parse_batch(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tok2vec = nlp.get_pipe("tok2vec")
    seen: list[int] = []
    predict = tok2vec.predict

    def counting(docs: Any) -> Any:
        docs = list(docs)
        seen.append(len(docs))
        return predict(docs)

    monkeypatch.setattr(tok2vec, "predict", counting)
    extract_many([(t, [], None, None) for t in _texts()], every=False)
    assert sum(seen) > 40  # (nearly) every sentence was parsed: more than one batch
    # the token-to-vector layer holds every token of a batch at once: a batch of 32 short
    # sentences costs tens of MB in each extraction worker, 128 cost four times as much
    assert max(seen) == claimants.PARSE_BATCH <= 32

    seen.clear()
    monkeypatch.setattr(claimants, "PARSE_BATCH", 5)
    extract_many([(t, [], None, None) for t in _texts()], every=False)
    assert max(seen) == 5


def test_batch_size_does_not_change_the_extraction(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    whole = _run(texts)
    monkeypatch.setattr(claimants, "PARSE_BATCH", 3)
    assert _run(texts) == whole
    monkeypatch.setattr(claimants, "PARSE_BATCH", 1000)
    assert _run(texts) == whole
    first = extract_many([(texts[0], [], None, None)], every=False)[0]
    by_value = {c.figure.value: c.claimant for c in first.claims}
    assert names_match(by_value[100], "harbour authority")
    assert names_match(by_value[137], "Marta Kowalczyk")
    assert names_match(by_value[211], "Tomas Brandt")
