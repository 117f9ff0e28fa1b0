"""A lone statement joins another outlet's sentence only on words of the fact, not on the folder's commonest
words (desk.compare.joining._folder_evidence), unless the two were told the same day or the next."""

import dataclasses
import datetime as dt

import numpy as np

from desk.compare import joining
from desk.compare.joining import join_lone_statements
from desk.compare.profile import profile
from desk.compare.related import learn

from .helpers import make_ref

MARCH_2 = dt.date(2031, 3, 2)
MARCH_23 = dt.date(2031, 3, 23)

_SYLLABLES = ["ba", "ke", "li", "mo", "nu", "ra", "so", "ti", "vu", "ze"]
# made-up place names, each in a few passages, so that every passage holds words the folder keeps
_NAMES = [f"{a}{b}dor" for a in _SYLLABLES for b in _SYLLABLES][:60]


def _named(k: int) -> str:
    return f"{_NAMES[k % 60]} and {_NAMES[(7 * k + 3) % 60]}"


# the folder: the governor, the province, the war and the winter are in a fifth of its passages each;
# the lighthouse keeper and the ferry in a few
FOLDER = (
    [f"The governor of the province spoke of the war and the coming winter in {_named(k)}." for k in range(40)]
    + [f"The lighthouse keeper rowed the ferry passengers from {_named(k)}." for k in range(40, 46)]
    + [f"A notice for the market days in {_named(k)}." for k in range(46, 200)]
)

# two statements three weeks apart that share only the folder's common words
GOVERNOR_A = make_ref("The governor of the province vowed that the war would go on through the winter.", "Outlet A")
GOVERNOR_B = make_ref("Farmers heard the province's governor promise the war would be over before the winter.",
                      "Outlet B")
# two retellings of one rescue three weeks apart: they share the words of the rescue itself
KEEPER_A = make_ref("The old lighthouse keeper rowed the stranded ferry passengers to the shore.", "Outlet A",
                    article="A-2")
KEEPER_B = make_ref("Passengers of the ferry were rowed to the shore by the lighthouse keeper at night.", "Outlet B",
                    article="B-2")
# the candidates of a comparison: common words of the folder are common among them too
FILLER = (
    [make_ref(f"Item {i}: the governor of the province toured the war damage before winter.", f"Filler {i}")
     for i in range(6)]
    + [make_ref(f"Item {i}: the bus timetable changes for the market days.", f"Other {i}") for i in range(24)]
)


def _dated(ref, day: dt.date):  # type: ignore[no-untyped-def]
    return dataclasses.replace(ref, date=day)


def _run(refs: list, related: object) -> list[list[int]]:  # type: ignore[type-arg]
    """The rows of the two ``refs`` (each alone, similar at the edge of a pair weeks apart,
    :data:`desk.compare.joining.LONE_FAR_EDGE`) after the join; the fillers left out."""
    profiles = [profile(r) for r in [*refs, *FILLER]]
    n = len(profiles)
    sim = np.zeros((n, n), dtype=np.float32)
    sim[0, 1] = sim[1, 0] = joining.LONE_FAR_EDGE
    groups = [[0], [1], *([k] for k in range(2, n))]
    out = join_lone_statements(groups, sim, profiles, np.arange(n), related=related)
    return sorted(g for g in out if g[0] < len(refs))


def _folder():  # type: ignore[no-untyped-def]
    related = learn(FOLDER)
    assert related is not None
    assert related.share("governor") is None  # in a fifth of the passages: too common to keep
    assert related.share("lighthous") == 0.03
    return related


def test_two_statements_weeks_apart_sharing_only_common_words_stay_apart() -> None:
    refs = [_dated(GOVERNOR_A, MARCH_2), _dated(GOVERNOR_B, MARCH_23)]
    assert _run(refs, _folder()) == [[0], [1]]


def test_without_the_folder_s_words_the_same_pair_joins() -> None:
    refs = [_dated(GOVERNOR_A, MARCH_2), _dated(GOVERNOR_B, MARCH_23)]
    assert _run(refs, None) == [[0, 1]]


def test_two_retellings_weeks_apart_sharing_the_fact_s_own_words_join() -> None:
    refs = [_dated(KEEPER_A, MARCH_2), _dated(KEEPER_B, MARCH_23)]
    assert _run(refs, _folder()) == [[0, 1]]


def test_two_statements_of_the_same_news_day_join_on_common_words() -> None:
    refs = [_dated(GOVERNOR_A, MARCH_2), _dated(GOVERNOR_B, MARCH_2 + dt.timedelta(days=1))]
    assert _run(refs, _folder()) == [[0, 1]]


def test_the_folder_rule_switched_off_joins_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(joining, "LONE_FOLDER_WORDS", 0)
    refs = [_dated(GOVERNOR_A, MARCH_2), _dated(GOVERNOR_B, MARCH_23)]
    assert _run(refs, _folder()) == [[0, 1]]
