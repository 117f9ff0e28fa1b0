"""A speaker's name is no evidence of one fact across weeks (apart_by_speaker).

One official's statements weeks apart share his name and title, which are rare among the candidates and
so weigh most in the text similarity; without this rule they made one row of unrelated statements.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from desk.compare import grouping
from desk.compare.grouping import (
    apart_by_speaker,
    build_rows,
    places_remembered,
    similarity_matrix,
    unit_speakers,
)
from desk.compare.profile import profile
from desk.model import Attribution, Entity, PassageRef

from .helpers import make_ref

NAME = "Ivo Marek"
SOURCE = "Regional governor Ivo Marek"


def _said(text: str, outlet: str, day: dt.date, *, attributed: bool = True) -> PassageRef:
    """A sentence naming the governor (a PERSON entity), with its attribution to him when ``attributed``."""
    ref = make_ref(text, outlet)
    at = text.index(NAME)
    people = [Entity(at, at + len(NAME), NAME, "PERSON")]
    who = []
    if attributed and SOURCE in text:
        s = text.index(SOURCE)
        cue = text.index("said")
        who = [Attribution(NAME, s, s + len(SOURCE), SOURCE, "said", cue, cue + 4, 0, len(text))]
    return dataclasses.replace(ref, date=day, entities=people, attributions=who)


MARCH_1 = dt.date(2031, 3, 1)
#: one statement, told by two outlets a day apart
BRIDGE = _said("Regional governor Ivo Marek said the river crossing at Halden would stay closed to lorries.",
               "Outlet A", MARCH_1)
BRIDGE_RETOLD = _said("Regional governor Ivo Marek said lorries would not be let across the river crossing at Halden.",
                      "Outlet B", MARCH_1 + dt.timedelta(days=1))
#: another statement of his, three weeks later, on something else
SCHOOLS = _said("Regional governor Ivo Marek said pupils in the hill villages would go back to class next term.",
                "Outlet C", MARCH_1 + dt.timedelta(days=21))
#: the same other statement, told the day after the first one: not far apart, so untouched
SCHOOLS_EARLY = dataclasses.replace(SCHOOLS, outlet="Outlet D", article_id="Outlet D-0", date=MARCH_1 + dt.timedelta(days=1))
FILLER = [make_ref(f"A note numbered {i} on rainfall in the upland farms.", f"Filler {i}") for i in range(14)]


def _sim(refs: list[PassageRef], days: int) -> np.ndarray:
    profiles = [profile(r) for r in [*refs, *FILLER]]
    with places_remembered():
        sim = similarity_matrix(profiles)
        old = grouping.SPEAKER_APART_DAYS
        grouping.SPEAKER_APART_DAYS = days
        try:
            return apart_by_speaker(sim, profiles, np.arange(len(profiles)))
        finally:
            grouping.SPEAKER_APART_DAYS = old


def _rows(refs: list[PassageRef]) -> list[list[str]]:
    rows = build_rows([*refs, *FILLER])
    return sorted(sorted(r.outlets) for r in rows if not any(o.startswith("Filler") for o in r.outlets))


def test_speaker_stems_are_the_person_and_the_attributed_source() -> None:
    (stems,) = unit_speakers([profile(BRIDGE)])
    assert stems == frozenset({"regional", "governor", "ivo", "marek"})
    (bare,) = unit_speakers([profile(_said("Crews said Ivo Marek toured the crossing.", "Outlet E", MARCH_1))])
    assert bare == frozenset({"ivo", "marek"})  # the person only: no attribution to him here


def test_a_name_tagged_in_one_sentence_counts_in_every_sentence() -> None:
    untagged = make_ref("Ivo Marek toured the regional depot with the governor of Halden.", "Outlet F")
    assert not untagged.entities
    tagged, plain = unit_speakers([profile(BRIDGE), profile(untagged)])
    assert plain == frozenset({"regional", "governor", "ivo", "marek"})
    assert tagged == frozenset({"regional", "governor", "ivo", "marek"})


def test_a_place_is_no_speaker_word() -> None:
    text = "Halden governor Ivo Marek said the ferry would run again."
    at, place = text.index(NAME), text.index("Halden")
    ref = dataclasses.replace(
        make_ref(text, "Outlet G"),
        date=MARCH_1,
        entities=[Entity(place, place + 6, "Halden", "GPE"), Entity(at, at + len(NAME), NAME, "PERSON")],
        attributions=[Attribution(NAME, 0, at + len(NAME), text[: at + len(NAME)], "said", at + len(NAME) + 1,
                                  at + len(NAME) + 5, 0, len(text))],
    )
    (stems,) = unit_speakers([profile(ref)])
    assert stems == frozenset({"governor", "ivo", "marek"})


def test_statements_weeks_apart_lose_what_the_speaker_gave() -> None:
    before = _sim([BRIDGE, BRIDGE_RETOLD, SCHOOLS], days=0)
    after = _sim([BRIDGE, BRIDGE_RETOLD, SCHOOLS], days=7)
    assert before[0, 2] >= grouping.LINK_THRESHOLD  # the name and title alone make them look alike
    # they share no word but the speaker's: all that is left is the bonus of the claimant they share
    assert after[0, 2] == pytest.approx(grouping.CLAIMANT_BONUS, abs=1e-6)
    assert after[1, 2] == pytest.approx(grouping.CLAIMANT_BONUS, abs=1e-6)
    assert after[2, 0] == after[0, 2]
    assert after[0, 1] == before[0, 1]  # a day apart: untouched


def test_a_day_apart_the_same_speaker_is_untouched() -> None:
    before = _sim([BRIDGE, SCHOOLS_EARLY], days=0)
    after = _sim([BRIDGE, SCHOOLS_EARLY], days=7)
    assert np.array_equal(before, after)


def test_weeks_apart_the_statements_make_two_rows() -> None:
    assert _rows([BRIDGE, BRIDGE_RETOLD, SCHOOLS]) == [["Outlet A", "Outlet B"], ["Outlet C"]]


def test_without_the_rule_one_speaker_makes_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "SPEAKER_APART_DAYS", 0)
    assert _rows([BRIDGE, BRIDGE_RETOLD, SCHOOLS]) == [["Outlet A", "Outlet B", "Outlet C"]]
