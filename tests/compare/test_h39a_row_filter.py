"""h39a: the compare's row filter in one look per sentence, and a profile that carries its cache key.

Speed work that must change nothing: :func:`desk.compare._kept_row` answers what the two filters it
replaced answered (a lone row of neighbours goes; a row made only of supporting passages goes), and a
profile made by :func:`desk.compare.profile.profile` carries the key :func:`_cache_key` gives its passage.
"""

from __future__ import annotations

import itertools

from desk.compare import _has_claims, _kept_row
from desk.compare.profile import Profile, _cache_key, _kept_extra, passage_places, profile
from desk.model import Row

from .helpers import make_ref


def _two_passes(row: Row, primary: set[tuple[str, int]], matched: set[tuple[str, int]], lone: bool,
                support: bool) -> bool:
    """The filters as _compare wrote them before: first the lone rows, then the supported ones."""
    keep = True
    if lone:
        keep = (
            len(row.outlets) > 1
            or _has_claims(row, primary)
            or any((p.article_id, p.start) in matched for c in row.cells.values() for p in c)
        )
    if support and keep:
        keep = any((p.article_id, p.start) in primary for c in row.cells.values() for p in c)
    return keep


def _refs() -> list:
    plain = make_ref("The ferry left the harbour of Lindqvist Bay before the storm arrived.", "Quay Times",
                     article="a1")
    counted = make_ref("Harbour staff said 37 passengers were taken off the ferry at dawn.", "Coast Post",
                       article="b1", figures=[("37 passengers", 37, "", "passengers", "")])
    other = make_ref("A second ferry waited outside the breakwater until the wind eased.", "Coast Post",
                     article="b2", offset=500)
    empty_outlet = make_ref("Nothing here is shown.", "Hill Daily", article="c1")
    return [plain, counted, other, empty_outlet]


def test_kept_row_answers_as_the_two_filters_did() -> None:
    plain, counted, other, empty = _refs()
    rows = [
        Row(cells={"Quay Times": [plain]}),
        Row(cells={"Coast Post": [counted]}),
        Row(cells={"Coast Post": [other]}),
        Row(cells={"Quay Times": [plain], "Coast Post": [other]}),
        Row(cells={"Quay Times": [plain], "Hill Daily": []}),  # an empty cell is no outlet
        Row(cells={"Coast Post": [other, counted]}),
    ]
    keys = [(r.article_id, r.start) for r in (plain, counted, other)]
    checked = 0
    for size in range(len(keys) + 1):
        for primary_keys in itertools.combinations(keys, size):
            primary = set(primary_keys)
            for msize in range(len(primary) + 1):
                for matched_keys in itertools.combinations(sorted(primary), msize):
                    matched = set(matched_keys)
                    for lone, support in itertools.product((False, True), repeat=2):
                        for row in rows:
                            want = _two_passes(row, primary, matched, lone, support)
                            assert _kept_row(row, primary, matched, lone=lone, support=support) is want
                            checked += 1
    assert checked == 6 * 4 * 27  # every row under every split of three sentences and both settings


def test_kept_row_cases_by_name() -> None:
    plain, counted, other, _ = _refs()
    lone_neighbour = Row(cells={"Quay Times": [plain]})
    primary = {(plain.article_id, plain.start)}
    # a lone row of the best passages that neither matched nor holds a figure goes
    assert not _kept_row(lone_neighbour, primary, set(), lone=True, support=False)
    # ... and stays when its sentence matched
    assert _kept_row(lone_neighbour, primary, set(primary), lone=True, support=False)
    # a lone row whose sentence of the best passages holds a figure stays
    with_figure = Row(cells={"Coast Post": [counted]})
    assert _kept_row(with_figure, {(counted.article_id, counted.start)}, set(), lone=True, support=False)
    # two outlets made only of supporting passages: kept without support, dropped with it
    support_only = Row(cells={"Quay Times": [plain], "Coast Post": [other]})
    assert _kept_row(support_only, set(), set(), lone=True, support=False)
    assert not _kept_row(support_only, set(), set(), lone=True, support=True)


def test_profile_carries_its_cache_key() -> None:
    plain, counted, _, _ = _refs()
    for ref in (plain, counted):
        made = profile(ref)
        assert made.key == _cache_key(ref)
        again = profile(ref)  # from the cache
        assert again.key == _cache_key(ref)
        assert _kept_extra(again, 9)[2] == _cache_key(ref)


def test_profile_made_by_hand_works_its_key_out() -> None:
    plain = _refs()[0]
    bare = Profile(plain, frozenset({"ferri"}), "", (), frozenset())
    assert bare.key is None
    assert _kept_extra(bare, 9)[2] == _cache_key(plain)
    made = profile(plain)
    assert passage_places(bare) == passage_places(made)
