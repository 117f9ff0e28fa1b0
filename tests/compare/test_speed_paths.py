"""The fast paths of compare give the same answers as the plain computations they replace."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.profile import Profile, profile

from .helpers import make_ref


def _fact_masks(
    profiles: Sequence[Profile],
) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None, np.ndarray | None]:
    """The four :func:`desk.compare.grouping._fact_matrix` answers the similarity needs, from one reading of the figures'
    keys: (strong: outcome and head, weak: outcome or head, conflict: outcome, head and modifiers told
    apart, named: head), off the diagonal (a unit with itself may be set).  A mask no pair holds is None;
    ``named`` is None too when ``conflict`` is: the masks the similarity read before it read the same pairs
    as bits of one matrix (:func:`desk.compare.grouping._pair_code`), kept here as the step-by-step oracle."""
    n = len(profiles)
    masks: list[np.ndarray | None] = [None, None, None, None]

    def fill(k: int, ia: np.ndarray, ib: np.ndarray) -> None:
        m = masks[k]
        if m is None:
            m = masks[k] = np.zeros((n, n), dtype=bool)
        m[np.ix_(ia, ib)] = True

    grouping._fact_pairs(profiles, fill)
    # (a unit's pair with itself may be set: the similarity's diagonal is 0 whatever the masks say)
    if masks[2] is None or not masks[2].any():
        masks[2] = masks[3] = None
    elif masks[3] is None:
        masks[3] = np.zeros((n, n), dtype=bool)
    if masks[1] is None:
        masks[0] = masks[1] = None
    elif masks[0] is None:
        masks[0] = np.zeros((n, n), dtype=bool)
    return masks[0], masks[1], masks[2], masks[3]


def _shares_counted_value(profiles: Sequence[Profile], rare: frozenset[float]) -> np.ndarray:
    """Which pairs of passages (n x n) carry a figure of one ``rare`` value and kind whose counted
    things agree (:func:`desk.compare.grouping._value_compatible`)."""
    n = len(profiles)
    out = np.zeros((n, n), dtype=bool)
    for units, block in grouping._counted_value_blocks(profiles, rare):
        out[np.ix_(units, units)] |= block
    np.fill_diagonal(out, False)
    return out

SENTENCES = [
    ("The ferry carried 412 passengers across the lake before the storm closed the harbour.", "North Post"),
    ("Harbour officials said the ferry carried 412 passengers before the storm arrived.", "Lake Daily"),
    ("A storm closed the harbour on Tuesday, stranding the ferry and its passengers.", "Valley Wire"),
    ("The council voted to rebuild the old library with a grant of 2 million crowns.", "North Post"),
    ("Councillors approved 2 million crowns to rebuild the old library, the mayor said.", "Lake Daily"),
    ("Teachers at the village school asked for new books after the library closed.", "Valley Wire"),
    ("The mayor said the harbour would reopen once the storm had passed.", "Hill Times"),
    ("Farmers sold 900 tonnes of barley at the autumn market, the guild reported.", "Hill Times"),
]


def _profiles() -> list[grouping.Profile]:
    refs = []
    for i, (text, outlet) in enumerate(SENTENCES):
        figures = []
        for written, value, counted in (("412", 412.0, "passengers"), ("2 million", 2e6, "crowns"),
                                        ("900", 900.0, "tonnes of barley")):
            if written in text:
                figures.append((written, value, "", counted, "the mayor" if "mayor" in text else ""))
        refs.append(make_ref(text, outlet, article=f"a{i}", figures=figures))
    return [profile(r) for r in refs]


def test_pairs_within_groups_lists_every_ordered_pair_of_each_group() -> None:
    items = np.array([5, 1, 7, 2, 9, 4], dtype=np.int64)
    groups = np.array([0, 1, 0, 2, 0, 1], dtype=np.int64)
    (a, b), g = grouping._pairs_within_groups(items, groups)
    got = sorted(zip(a.tolist(), b.tolist(), g.tolist(), strict=True))
    want = sorted(
        (x, y, grp)
        for grp in (0, 1, 2)
        for x, y in itertools.product(items[groups == grp].tolist(), repeat=2)
    )
    assert got == want


def test_shares_any_matches_the_dense_product() -> None:
    sets = [frozenset(s) for s in (["ann", "bo"], ["bo"], [], ["cy"], ["cy", "ann"], ["dee"])]
    m = grouping._incidence(sets)
    dense = (m @ m.T) > 0
    assert (grouping._shares_any(sets) == dense).all()
    cols = np.array([4, 1])
    assert (grouping._shares_any(sets, cols) == dense[:, cols]).all()
    assert grouping._shares_any(sets)[0, 4]  # "ann" in both
    assert not grouping._shares_any(sets)[1, 3]


def test_similarity_square_path_equals_the_dense_column_path() -> None:
    """The square matrix (dense product for frequent stems + pairs for rare ones) equals the
    plain units x stems x hits product the column path uses."""
    profiles = _profiles()
    n = len(profiles)
    square = grouping.similarity_matrix(profiles)
    # every column named, but not as 0..n-1: the plain product path
    cols = np.arange(n)[::-1].copy()
    dense = grouping.similarity_matrix(profiles, columns=cols)[:, ::-1]
    assert square.shape == (n, n)
    assert np.allclose(square, dense, atol=1e-5)
    assert np.allclose(np.diag(square), 0.0)
    # the two ferry reports are closer to each other than to the barley market
    assert square[0, 1] > square[0, 7]
    assert square[3, 4] > square[3, 0]


def test_an_article_edited_in_place_is_compared_with_its_new_text(tmp_path: Path) -> None:
    from desk.library import Library

    folder = tmp_path / "articles"
    folder.mkdir()
    body = (
        "---\ntitle: {title}\noutlet: {outlet}\ndate: 2031-05-0{day}\n---\n\n"
        "The orchard cooperative said frost destroyed {n} hectares of apple trees in the valley this week.\n\n"
        "Growers in the valley asked the province for help after the frost destroyed the apple harvest.\n"
    )
    (folder / "a.md").write_text(body.format(title="Frost hits orchards", outlet="Valley Wire", day=3, n=300))
    (folder / "b.md").write_text(body.format(title="Apple frost", outlet="Hill Times", day=4, n=300))
    with Library(folder, data_dir=tmp_path / "data") as lib:
        lib.update(extract=False)
        first = lib.compare("frost orchard apple")
        texts = [r.text for row in first.rows for cell in row.cells.values() for r in cell]
        assert any("300 hectares" in t for t in texts)
        time.sleep(0.01)
        edited = body.format(title="Frost hits orchards", outlet="Valley Wire", day=3, n=275)
        (folder / "a.md").write_text(edited)
        st = os.stat(folder / "a.md")
        os.utime(folder / "a.md", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        lib.update(extract=False)
        second = lib.compare("frost orchard apple")
    texts = [r.text for row in second.rows for cell in row.cells.values() for r in cell]
    assert any("275 hectares" in t for t in texts)
    valley = [r.text for row in second.rows for cell in row.cells.values() for r in cell if r.outlet == "Valley Wire"]
    assert valley
    assert not any("300 hectares" in t for t in valley)


def test_add_where_equals_the_float_mask_sum_bit_for_bit() -> None:
    rng = np.random.default_rng(3)
    sim = rng.random((37, 23), dtype=np.float32) - np.float32(0.2)
    mask = rng.random((37, 23)) < 0.1
    want = sim + mask.astype(np.float32) * np.float32(-0.25)
    got = sim.copy()
    grouping._add_where(got, -0.25, mask)
    assert got.tobytes() == want.tobytes()
    # a mask of nothing changes nothing; a column view of a mask (the non-square path) works too
    same = sim.copy()
    grouping._add_where(same, 0.3, np.zeros_like(mask))
    assert same.tobytes() == sim.tobytes()
    wide = rng.random((37, 40)) < 0.2
    view = wide[:, 5:28]
    got = sim.copy()
    grouping._add_where(got, 0.3, view)
    assert got.tobytes() == (sim + view.astype(np.float32) * np.float32(0.3)).tobytes()


def test_shares_any_with_every_column_named_is_the_square_answer() -> None:
    sets = [frozenset(s) for s in (["ann", "bo"], ["bo"], [], ["cy"], ["cy", "ann"])]
    square = grouping._shares_any(sets)
    assert (grouping._shares_any(sets, np.arange(len(sets))) == square).all()
    assert (grouping._shares_any(sets, np.array([4, 3, 2, 1, 0])) == square[:, ::-1]).all()


def test_the_collector_is_paused_during_a_comparison_and_resumed_after() -> None:
    import gc

    from desk.compare import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested (two threads comparing at once)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    # a caller that turned the collector off keeps it off
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    # an error inside still resumes it
    try:
        with collector_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def test_passages_published_beyond_the_date_gap_never_pair() -> None:
    import datetime as dt

    texts = [
        ("The ferry carried 412 passengers across the lake before the storm closed the harbour.", "North Post", 0),
        ("Harbour officials said the ferry carried 412 passengers before the storm arrived.", "Lake Daily", 3),
        ("Harbour officials said the ferry carried 412 passengers before the storm arrived.", "Hill Times", 90),
    ]
    refs = []
    for i, (text, outlet, day) in enumerate(texts):
        r = make_ref(text, outlet, article=f"d{i}")
        r.date = dt.date(2021, 5, 1) + dt.timedelta(days=day)
        refs.append(r)
    sim = grouping.similarity_matrix([profile(r) for r in refs])
    # three days apart: one event; 87 and 90 days: never one row
    assert sim[0, 1] > 0.3
    assert sim[1, 0] > 0.3
    assert sim[0, 2] == 0.0
    assert sim[2, 0] == 0.0
    assert sim[1, 2] == 0.0


def test_fact_matrix_equals_the_plain_pairwise_test() -> None:
    import random

    from desk.compare.profile import FactKey, Profile

    rnd = random.Random(5)
    outcomes = ["kill", "wound", ""]
    heads = ["soldier", "sailor", "", "ship"]
    mods = [frozenset(), frozenset({"northern"}), frozenset({"southern"}), frozenset({"northern", "eastern"})]
    keys = [FactKey(o, h, m) for o in outcomes for h in heads for m in mods]
    profiles = []
    for i in range(40):
        facts = tuple(dict.fromkeys(rnd.sample(keys, rnd.randint(0, 3))))
        profiles.append(Profile(make_ref(f"unit {i}", "X", article=f"f{i}"), frozenset(), "", facts, frozenset()))
    rules = [
        (lambda f: bool(f.outcome and f.head), False, lambda f, g: f.matches(g)),
        (lambda f: bool(f.outcome or f.head), False, lambda f, g: f.matches(g)),
        (lambda f: bool(f.outcome and f.head and f.modifiers), True,
         lambda f, g: f.outcome == g.outcome and f.head == g.head and not (f.modifiers & g.modifiers)),
    ]
    for keep, conflicts, test in rules:
        got = grouping._fact_matrix(profiles, keep, conflicts=conflicts)
        for i, p in enumerate(profiles):
            for j, q in enumerate(profiles):
                want = i != j and any(
                    test(f, g) for f in p.facts if keep(f) for g in q.facts if keep(g)
                )
                assert got[i, j] == want, (i, j, conflicts)
        assert got.any()


def test_a_profile_is_remembered_without_its_reference_and_redone_for_a_new_text() -> None:
    from desk.compare import profile as profile_module
    from desk.model import PassageRef

    ref = make_ref("The lighthouse keeper counted 31 gulls on the northern rocks.", "Coast Post", article="lh1")
    first = profile(ref)
    again = profile(make_ref("The lighthouse keeper counted 31 gulls on the northern rocks.", "Coast Post",
                             article="lh1"), hit=False)
    assert again.stems is first.stems  # from the cache
    assert again.hit is False
    assert again.norm == first.norm
    entry = next(v for k, v in profile_module._CACHE.items() if k[0] == "lh1")
    assert not any(isinstance(x, PassageRef) for x in entry)
    # the same passage with another text (the article was edited) is profiled again
    new_text = "The harbour master counted 31 boats near the southern jetty!!"
    assert len(new_text) == len(ref.text)  # the same key: article, passage, start, end
    edited = profile(make_ref(new_text, "Coast Post", article="lh1"))
    assert "boat" in " ".join(edited.stems)
    assert edited.stems != first.stems


def test_a_passage_dated_anew_is_profiled_anew() -> None:
    import dataclasses
    import datetime as dt

    from desk.compare.profile import profile

    from .helpers import make_ref

    ref = make_ref("The ferry sank on Saturday, the harbour master said.", "Coast Post", article="dated-anew")
    first = profile(dataclasses.replace(ref, date=dt.date(2021, 5, 4)))
    again = profile(dataclasses.replace(ref, date=dt.date(2021, 6, 9)))
    assert first.about is not None
    assert again.about is not None
    assert first.about != again.about  # "on Saturday" is read against each date


def test_what_a_comparison_leaves_alive_is_frozen_and_given_back_to_the_collector_every_so_often(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gc
    import weakref

    import desk.compare as compare
    from desk.compare import collector_paused

    class Node:
        me: object = None

    monkeypatch.setattr(compare, "UNFREEZE_EVERY", 3)
    monkeypatch.setitem(compare._FROZEN, "runs", 0)
    gc.unfreeze()
    try:
        with collector_paused():
            kept = Node()
            node = Node()
            node.me = node  # a cycle: garbage once dropped, found only by the collector
            cycle = weakref.ref(node)
        del node
        # the survivors sit in the permanent generation: no collection walks them
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())
        gc.collect()
        assert cycle() is not None  # frozen: not collected yet
        with collector_paused():
            pass
        assert gc.get_freeze_count() > 0  # two comparisons: still frozen
        with collector_paused():
            pass
        # the third gives everything back: the next full collection walks the objects and frees the cycle
        assert gc.get_freeze_count() == 0
        assert any(o is kept for o in gc.get_objects())
        gc.collect()
        assert cycle() is None
    finally:
        gc.unfreeze()


def test_a_caller_that_turned_the_collector_off_gets_nothing_frozen() -> None:
    import gc

    from desk.compare import collector_paused

    gc.unfreeze()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_warming_up_loads_the_compare_modules_the_related_words_and_the_alias_names() -> None:
    import sys

    from desk.compare import warm_up

    asked: list[str] = []

    class Library:
        def related_words(self) -> None:
            asked.append("related")

        def _canon(self) -> None:
            asked.append("aliases")

    warm_up(Library())
    assert asked == ["related", "aliases"]
    assert {"desk.compare.asof", "desk.compare.statements", "desk.compare.disagree"} <= set(sys.modules)
    warm_up(object())
    # ... and what a first comparison would import on its first steps (in a process of its own: these
    # tests' process may have imported them already)
    import subprocess

    code = "import sys; from desk.compare import warm_up; warm_up(object()); " \
           "print('numpy.ma' in sys.modules, 'desk.extract.store' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True"]  # a library without either: the modules only


def test_the_remembered_canon_answers_as_the_book_and_each_name_is_read_once(monkeypatch: Any) -> None:
    import desk.library as library_module

    asked: list[str] = []

    def book(name: str) -> str:
        asked.append(name)
        return {"envoy Teodor Kalm": "Teodor Kalm", "Mira Osk": ""}.get(name, name.upper())

    canon = library_module._remembering(book)
    names = ["envoy Teodor Kalm", "Mira Osk", "harbour office", "Mira Osk", "envoy Teodor Kalm", "harbour office"]
    assert [canon(n) for n in names] == [book(n) for n in names]
    assert asked[:3] == ["envoy Teodor Kalm", "Mira Osk", "harbour office"]
    assert len(asked) == 3 + len(names)  # the remembered function asked the book once per name
    monkeypatch.setattr(library_module, "CANON_REMEMBERED", 2)
    small = library_module._remembering(book)
    assert [small(n) for n in names] == ["Teodor Kalm", "", "HARBOUR OFFICE", "", "Teodor Kalm", "HARBOUR OFFICE"]


def test_the_rare_stems_add_their_weights_as_the_stacked_pairs_did() -> None:
    """_shared_weights adds each rare stem's weight at the flat cell of every pair of its units, bit for
    bit as the stacked (2 x pairs) index arrays of _pairs_within_groups did."""
    rng = np.random.default_rng(3)
    n = 40
    units = rng.integers(0, n, size=400).astype(np.int64)
    stems = rng.integers(0, 90, size=400).astype(np.int64)
    df = np.bincount(stems, minlength=90)
    weight = rng.random(90) * 3.0
    got = grouping._shared_weights(units, stems, df, weight, n)
    # the former way: the dense product of the frequent stems, then the stacked pairs of the rare ones
    frequent = df[stems] > max(3, int(grouping.DENSE_SHARE * n))
    assert frequent.any()
    assert not frequent.all()
    m = grouping._dense_incidence(units[frequent], stems[frequent], np.sqrt(weight), n)
    want = m @ m.T
    pairs, stem = grouping._pairs_within_groups(units[~frequent], stems[~frequent])
    np.add.at(want.reshape(-1), pairs[0] * n + pairs[1], weight[stem].astype(np.float32))
    assert got.dtype == want.dtype
    assert np.array_equal(got, want)


def test_the_frequent_stems_product_is_the_symmetric_product_bit_for_bit() -> None:
    """_shared_weights multiplies the frequent stems' incidence by a copy of its transpose (a general
    product, not numpy's symmetric path for ``m @ m.T``, which copies one triangle over the other): the
    cells are the same bits as the symmetric product's, on a square the size of a real comparison."""
    rng = np.random.default_rng(7)
    n = 1500
    units = rng.integers(0, n, size=30_000).astype(np.int64)
    stems = rng.integers(0, 3_000, size=30_000).astype(np.int64)
    stems[:6_000] = rng.integers(0, 25, size=6_000)  # a few stems in many units: the dense product
    df = np.bincount(stems, minlength=3_000)
    weight = np.where(df <= 10, 3.0, np.where(df <= 60, 2.0, 1.0))
    frequent = df[stems] > max(3, int(grouping.DENSE_SHARE * n))
    assert frequent.any()
    assert not frequent.all()
    m = grouping._dense_incidence(units[frequent], stems[frequent], np.sqrt(weight), n)
    want = m @ m.T  # numpy's symmetric path
    pairs, stem = grouping._pairs_within_groups(units[~frequent], stems[~frequent])
    np.add.at(want.reshape(-1), pairs[0] * n + pairs[1], weight[stem].astype(np.float32))
    got = grouping._shared_weights(units, stems, df, weight, n)
    assert got.tobytes() == want.tobytes()
    assert np.array_equal(got, got.T)


def test_the_row_order_reads_the_stems_a_profile_kept_only_for_the_same_whole_text() -> None:
    from desk.compare.profile import text_stems
    from desk.compare.tokens import stem, stem_set
    from desk.model import Boilerplate

    text = "Ferry crews rescued 31 swimmers near the old lighthouse, the coastguard said."
    ref = make_ref(text, "North Post", article="t1")
    kept = profile(ref).stems
    assert text_stems(ref) is kept  # the profile's own set, not read again
    assert text_stems(ref) == stem_set(text)
    # a passage with boilerplate: its profile blanked the boilerplate out, the row order reads every word
    boxed = make_ref(text, "North Post", article="t2")
    boxed.boilerplate = [Boilerplate(0, 12, "caption")]
    assert stem("ferry") not in profile(boxed).stems
    assert text_stems(boxed) == stem_set(text)
    assert stem("ferry") in text_stems(boxed)
    # the same passage with another text (re-indexed): read from its text
    changed = make_ref(text.replace("swimmers", "anglers"), "North Post", article="t1")
    assert stem("anglers") in text_stems(changed)
    assert stem("swimmers") not in text_stems(changed)
    assert text_stems(changed) == stem_set(changed.text)


def test_stem_counts_are_counted_once_per_grouping_as_each_join_counted_them(monkeypatch: Any) -> None:
    from desk.compare import joining, scope
    from desk.compare.tokens import stem

    profiles = _profiles()
    want: dict[str, int] = {}
    for p in profiles:
        for st in p.stems:
            want[st] = want.get(st, 0) + 1
    assert joining.stem_counts(profiles) == want
    assert want[stem("ferry")] == 3  # three of the sentences name the ferry
    with scope.grouping_scope():
        first = joining.stem_counts(profiles)
        assert joining.stem_counts(profiles) is first  # counted once while the grouping runs
        assert joining.stem_counts(list(profiles)) is not first  # another list: counted for itself
    assert joining.stem_counts(profiles) is not first


def _random_profiles(count: int, seed: int) -> list[grouping.Profile]:
    """Hand-made profiles with every feature the similarity reads: stems, figures' keys, values with what
    they count, claimants and the days they are about (some undated, some months apart)."""
    import random

    from desk.compare.profile import FactKey, Profile

    rnd = random.Random(seed)
    words = [f"stem{k}" for k in range(90)]
    heads = ["barge", "lorry", "", "crate"]
    mods = [frozenset(), frozenset({"upper"}), frozenset({"lower"})]
    keys = [FactKey(o, h, m) for o in ("sink", "lose", "") for h in heads for m in mods]
    out = []
    for i in range(count):
        # a few words most units share, many rare ones: both the dense and the pair-by-pair stems
        stems = frozenset(rnd.sample(words[:6], rnd.randint(0, 4)) + rnd.sample(words[6:], rnd.randint(1, 9)))
        facts = tuple(dict.fromkeys(rnd.sample(keys, rnd.randint(0, 2))))
        values = frozenset(rnd.sample([12.0, 40.0, 75.0, 310.0], rnd.randint(0, 2)))
        counted = tuple((v, "", rnd.choice([*facts, None])) for v in sorted(values))
        day = rnd.choice([None, 738000, 738003, 738010, 738090, 738200])
        about = None if day is None else (day, day + rnd.choice([0, 0, 5]))
        claimants = frozenset(rnd.sample(["Tova Renn", "Ilse Marsh", "the guild"], rnd.randint(0, 1)))
        ref = make_ref(f"unit {i}", rnd.choice(["North Post", "Lake Daily", "Hill Times"]), article=f"r{i}")
        out.append(Profile(ref, stems, "", facts, claimants, values, True, about, None, counted))
    return out


def _similarity_step_by_step(profiles: list[grouping.Profile], cols: np.ndarray) -> np.ndarray:
    """The similarity as the whole-matrix steps computed it before the banded pass (the reference)."""
    from desk.compare.profile import stem_numbers

    n = len(profiles)
    numbers = [stem_numbers(p.stems) for p in profiles]
    square = len(cols) == n and bool((cols == np.arange(n)).all())
    limit = max(3, int(grouping.COMMON_SHARE * n))
    sim = grouping._text_similarity(numbers, n, cols, square, limit)

    def columns_of(mask: np.ndarray) -> np.ndarray:
        return mask if square else mask[:, cols]

    strong = columns_of(grouping._fact_matrix(profiles, lambda f: bool(f.outcome and f.head)))
    weak = columns_of(grouping._fact_matrix(profiles, lambda f: bool(f.outcome or f.head)))
    conflict = columns_of(
        grouping._fact_matrix(profiles, lambda f: bool(f.outcome and f.head and f.modifiers), conflicts=True)
    )
    conflict &= ~columns_of(grouping._fact_matrix(profiles, lambda f: bool(f.head)))
    weak &= ~strong
    conflict &= ~strong
    grouping._add_where(sim, grouping.FACT_BONUS, strong)
    grouping._add_where(sim, grouping.WEAK_FACT_BONUS, weak)
    grouping._add_where(sim, -grouping.CONFLICT_PENALTY, conflict)
    vdf: dict[float, int] = {}
    for p in profiles:
        for v in p.values:
            vdf[v] = vdf.get(v, 0) + 1
    rare = frozenset(v for v, c in vdf.items() if c <= limit)
    grouping._add_where(sim, grouping.VALUE_BONUS, columns_of(_shares_counted_value(profiles, rare)))
    grouping._add_where(sim, grouping.CLAIMANT_BONUS, grouping._shares_any([p.claimants for p in profiles], cols))
    gap = grouping.DATE_GAP_DAYS
    undated = grouping._UNDATED
    starts = np.array([p.about[0] if p.about else -undated for p in profiles], dtype=np.int64)
    ends = np.array([p.about[1] if p.about else undated for p in profiles], dtype=np.int64)
    far = (starts[:, None] - ends[cols][None, :] > gap) | (starts[cols][None, :] - ends[:, None] > gap)
    sim[far] = 0.0
    sim[cols, np.arange(len(cols))] = 0.0
    return sim


def test_similarity_in_one_banded_pass_is_the_step_by_step_matrix_bit_for_bit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # bands of a few rows, so that every step crosses band edges (and a last, shorter band)
    monkeypatch.setattr(grouping, "_BAND_CELLS", 7 * 64)
    for seed, count in ((1, 64), (2, 150), (3, 9)):
        profiles = _random_profiles(count, seed)
        for cols in (np.arange(count), np.arange(0, count, 3)):
            want = _similarity_step_by_step(profiles, cols)
            got = grouping.similarity_matrix(profiles, columns=cols)
            assert got.shape == want.shape
            assert got.tobytes() == want.tobytes(), (seed, len(cols))
    # the hand-made units do meet every step: a fact bonus, a conflict, a shared value, a date gap
    profiles = _random_profiles(150, 2)
    strong, weak, conflict, named = _fact_masks(profiles)
    assert strong is not None
    assert weak is not None
    assert conflict is not None
    assert named is not None
    assert strong.any()
    assert (weak & ~strong).any()
    assert (conflict & ~named & ~strong).any()


def test_fact_masks_are_the_four_fact_matrices() -> None:
    profiles = _random_profiles(120, 4)
    rules = [
        (lambda f: bool(f.outcome and f.head), False),
        (lambda f: bool(f.outcome or f.head), False),
        (lambda f: bool(f.outcome and f.head and f.modifiers), True),
        (lambda f: bool(f.head), False),
    ]
    got = _fact_masks(profiles)
    for mask, (keep, conflicts) in zip(got, rules, strict=True):
        want = grouping._fact_matrix(profiles, keep, conflicts=conflicts)
        assert mask is not None
        off = ~np.eye(len(profiles), dtype=bool)  # a unit with itself: the similarity's diagonal is 0 anyway
        assert (mask[off] == want[off]).all()
    # no figures at all: no masks
    bare = [grouping.Profile(p.ref, p.stems, "", (), frozenset()) for p in profiles[:5]]
    assert _fact_masks(bare) == (None, None, None, None)


def test_the_scan_made_while_the_matrix_fills_answers_as_a_fresh_scan_after_cells_change() -> None:
    from desk.compare import scope

    profiles = _random_profiles(150, 2)
    with grouping.places_remembered():  # a grouping's scope: the matrix is scanned as it is filled
        sim = grouping.similarity_matrix(profiles)
        memo = scope._SCOPE.memo
        assert ("at_least", id(sim)) in memo  # seeded, not scanned afterwards
        for t in (scope.SCAN_FLOOR, 0.34, 0.36, 0.42, 0.9):
            rows, cols = scope.at_least(sim, t)
            want_rows, want_cols = np.nonzero(sim >= np.float32(t))
            assert rows.tolist() == want_rows.tolist()
            assert cols.tolist() == want_cols.tolist()
        # a cell raised over the floor and one lowered under it, named to the scan afterwards
        low = np.flatnonzero((sim < 0.2) & ~np.eye(len(profiles), dtype=bool))[7]
        high = np.flatnonzero(sim >= 0.5)[3]
        flat = sim.reshape(-1)
        flat[low], flat[high] = np.float32(0.7), np.float32(0.0)
        scope.changed(sim, np.array([low, high, low]))
        for t in (0.3, 0.36, 0.6):
            rows, cols = scope.at_least(sim, t)
            want_rows, want_cols = np.nonzero(sim >= np.float32(t))
            assert rows.tolist() == want_rows.tolist()
            assert cols.tolist() == want_cols.tolist()
    # outside a grouping nothing is kept
    grouping.similarity_matrix(profiles)
    assert getattr(scope._SCOPE, "memo", None) is None


def test_a_penalty_threatened_and_one_handed_down_leave_the_grouping_scan_too() -> None:
    from desk.compare import scope

    texts = [
        ("The ferryman Olek Tamsin faces up to 12 years behind bars over the forged harbour ledgers.", "North Post"),
        ("Olek Tamsin, the ferryman, was sentenced to seven years over the forged harbour ledgers.", "Lake Daily"),
        ("The harbour board said the forged ledgers hid the ferry tolls for three winters.", "Hill Times"),
    ]
    profiles = [profile(make_ref(t, o, article=f"led{i}")) for i, (t, o) in enumerate(texts)]
    with grouping.places_remembered():
        sim = grouping.similarity_matrix(profiles)
        before = {(int(i), int(k)) for i, k in zip(*scope.at_least(sim, scope.SCAN_FLOOR), strict=True)}
        assert (0, 1) in before  # the same story in other words, until the stances part them
        grouping.apart_by_stance(sim, profiles, np.arange(3))
        after = {(int(i), int(k)) for i, k in zip(*scope.at_least(sim, scope.SCAN_FLOOR), strict=True)}
        assert (0, 1) not in after
        assert (1, 0) not in after
        assert after == {(int(i), int(k)) for i, k in zip(*np.nonzero(sim >= np.float32(scope.SCAN_FLOOR)), strict=True)}


def test_pair_code_holds_the_masks_bits_of_every_pair() -> None:
    """The one uint8 matrix the banded pass reads holds, for each pair off the diagonal, exactly the bits
    of the boolean masks it replaced: the four fact masks, the shared counted value and the shared
    claimant (through the pairs, and through the dense product when one claimant is nearly everyone's)."""
    off_cases = []
    for seed, count in ((5, 90), (6, 140)):
        profiles = _random_profiles(count, seed)
        off_cases.append(profiles)
        # a claimant most units name: the claimants' pairs come from one dense product
        crowd = [
            grouping.Profile(p.ref, p.stems, p.norm, p.facts, p.claimants | {"Oda Brill"} if i % 5 else p.claimants,
                             p.values, p.hit, p.about, p.stem_ids, p.counted)
            for i, p in enumerate(profiles)
        ]
        off_cases.append(crowd)
    for profiles in off_cases:
        n = len(profiles)
        limit = max(3, int(grouping.COMMON_SHARE * n))
        code = grouping._pair_code(profiles, limit)
        assert code is not None
        assert code.dtype == np.uint8
        assert code.shape == (n, n)
        vdf: dict[float, int] = {}
        for p in profiles:
            for v in p.values:
                vdf[v] = vdf.get(v, 0) + 1
        rare = frozenset(v for v, c in vdf.items() if c <= limit)
        masks = [
            *_fact_masks(profiles),
            _shares_counted_value(profiles, rare),
            grouping._shares_any([p.claimants for p in profiles]),
        ]
        bits = (grouping.STRONG, grouping.WEAK, grouping.CONFLICT, grouping.NAMED, grouping.VALUE, grouping.CLAIMANT)
        off = ~np.eye(n, dtype=bool)
        for mask, bit in zip(masks, bits, strict=True):
            assert mask is not None
            assert ((code & bit) != 0)[off].tolist() == mask[off].tolist(), bit
            assert mask[off].any(), bit  # every bit is met
    # nothing to gain or lose: no matrix at all
    bare = [grouping.Profile(p.ref, p.stems, "", (), frozenset()) for p in _random_profiles(6, 7)]
    assert grouping._pair_code(bare, 3) is None


def test_pairs_worked_out_on_a_second_thread_give_the_same_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    """From PAIRS_THREAD_MIN units the pairs' bits are worked out on a thread of their own while the text
    part is summed: the matrix is the same, bit for bit, and an error there reaches the caller."""
    import threading

    profiles = _random_profiles(150, 8)
    cols = np.arange(150)
    monkeypatch.setattr(grouping, "PAIRS_ON_THREAD", False)
    alone = grouping.similarity_matrix(profiles, columns=cols)
    monkeypatch.setattr(grouping, "PAIRS_ON_THREAD", True)
    monkeypatch.setattr(grouping, "PAIRS_THREAD_MIN", 100)
    threads: list[str] = []
    real = grouping._pair_code

    def seen(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(grouping, "_pair_code", seen)
    both = grouping.similarity_matrix(profiles, columns=cols)
    assert threads == ["desk-similarity"]
    assert both.tobytes() == alone.tobytes()

    def broken(*args: Any) -> Any:
        raise MemoryError("no room for the pairs")

    monkeypatch.setattr(grouping, "_pair_code", broken)
    with pytest.raises(MemoryError, match="no room"):
        grouping.similarity_matrix(profiles, columns=cols)
