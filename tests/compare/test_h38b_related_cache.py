"""The related-words cache file keeps each stem's norm and passage count (desk.compare.related, h38b).

A process that loads the file takes them from it, with the same bits the incidence gives, instead of working
them out over every incidence; a file without them (or with arrays of another shape) still works.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from desk.compare import related

# sentences written for this test: two topics, each passage a few words of one of them
_KITCHEN = ["kettle", "teapot", "saucer", "biscuit", "pantry", "spoon"]
_GARDEN = ["hedge", "trowel", "compost", "tulip", "shed", "rake"]


def _passages(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = rng.sample(_KITCHEN if i % 2 else _GARDEN, 4)
        out.append(f"Grandmother kept the {words[0]} near the {words[1]}, the {words[2]} and the {words[3]}.")
    return out


@pytest.fixture
def learned() -> related.Related:
    rel = related.learn(_passages(80), min_df=2, max_share=0.9, key="test-key")
    assert rel is not None
    return rel


def test_the_file_holds_each_stems_norm_and_count_and_a_load_takes_them_bit_for_bit(
        tmp_path: Path, learned: related.Related) -> None:
    path = tmp_path / related.CACHE_NAME
    related._save(path, learned)
    with np.load(path) as data:
        assert {"norm", "passage_counts"} <= set(data.files)
    loaded = related._load(path, "test-key")
    assert loaded is not None
    # taken from the file: set before any use
    assert "_norm" in loaded.__dict__
    assert "_passage_counts" in loaded.__dict__
    # ... and the same values as worked out afresh from the incidence
    fresh = related.Related(learned.stems, learned.words, learned.unit_stems, learned.unit_sizes, "test-key")
    assert loaded._norm.dtype == fresh._norm.dtype
    assert loaded._norm.tobytes() == fresh._norm.tobytes()
    assert np.array_equal(loaded._passage_counts, fresh._passage_counts)
    kettle = related.stem("kettle")
    assert loaded.related(kettle, k=5, min_strength=0.0) == fresh.related(kettle, k=5, min_strength=0.0)
    assert loaded.share(kettle) == fresh.share(kettle)


def test_a_file_without_them_works_them_out_on_first_use(tmp_path: Path, learned: related.Related) -> None:
    path = tmp_path / related.CACHE_NAME
    # a file of the same key with only the incidence (no norm, a count array of the wrong length)
    with open(path, "wb") as fh:
        np.savez(fh, key=np.array("test-key"), unit_stems=learned.unit_stems, unit_sizes=learned.unit_sizes,
                 meta=np.array(related.json.dumps({"stems": learned.stems, "words": learned.words})),
                 passage_counts=np.zeros(3, dtype=np.int64))
    loaded = related._load(path, "test-key")
    assert loaded is not None
    assert "_norm" not in loaded.__dict__
    assert "_passage_counts" not in loaded.__dict__
    garden = related.stem("compost")
    assert loaded.share(garden) == learned.share(garden) > 0
    assert loaded._norm.tobytes() == learned._norm.tobytes()

