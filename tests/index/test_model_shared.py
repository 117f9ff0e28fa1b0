"""Pass 2 loads the spaCy pipeline before forking its workers, so they share its pages."""

from __future__ import annotations

import gc
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from desk.extract import claimants
from desk.index import pools

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")


def _child_has_model() -> bool:
    return claimants.model_loaded()


def test_forked_workers_start_with_the_parents_model() -> None:
    claimants.drop_model()
    with pools.model_shared_with_workers():
        assert claimants.model_loaded()
        assert gc.get_freeze_count() > 0  # the workers' collections leave inherited objects alone
        with ProcessPoolExecutor(max_workers=1, mp_context=pools.mp_context()) as pool:
            assert pool.submit(_child_has_model).result(timeout=60)
    # loaded only for the workers: dropped again, and nothing stays frozen
    assert not claimants.model_loaded()
    assert gc.get_freeze_count() == 0


def test_a_model_loaded_before_is_kept() -> None:
    claimants.load_model()
    with pools.model_shared_with_workers():
        assert claimants.model_loaded()
    assert claimants.model_loaded()
    assert gc.get_freeze_count() == 0


def test_no_model_means_workers_load_their_own(monkeypatch: pytest.MonkeyPatch) -> None:
    claimants.drop_model()

    def broken() -> None:
        raise OSError("the model's files are missing")

    monkeypatch.setattr(claimants, "load_model", broken)
    with pools.model_shared_with_workers():  # no error here: each worker reports it per article
        assert not claimants.model_loaded()
        assert gc.get_freeze_count() == 0
