"""Statement frames: one actor taking one stance, a key for retellings of one statement without figures."""

from __future__ import annotations

import numpy as np
import pytest

from desk.compare import grouping, joining
from desk.compare.frames import statement_content, statement_frames
from desk.compare.grouping import build_rows, link_by_frames
from desk.compare.places import place_key
from desk.compare.profile import profile
from desk.compare.tokens import content_stems
from desk.model import Entity, PassageRef

from .helpers import make_ref


def _frame(stance: str, actor: str) -> str:
    return f"{stance}:{place_key(actor)}"


@pytest.mark.parametrize(
    ("text", "frames"),
    [
        ("The Varnian navy denied sinking the ferry near the lighthouse.", {("deny", "Varnian")}),
        ("Varnia's navy rejected any role in the sinking of the ferry.", {("deny", "Varnia")}),
        ("Officials in Ostria have not claimed responsibility for the raid on the depot.",
         {("no-responsibility", "Ostria")}),
        ("Ostria has not claimed responsibility for the raid on the depot.", {("no-responsibility", "Ostria")}),
        ("On Monday, the harbour police in Varnia blamed smugglers for the fire.", {("blame", "Varnia")}),
        ("President Aldo Mirren confirmed the closure of the northern border crossing.", {("confirm", "Aldo")}),
        ("The Ostrian ministry invited inspectors from the Coastal League to the depot.", {("invite", "Ostrian")}),
        # a passive verb's actor is its agent
        ("The offer of a truce was rejected by the harbour council of Ostria.", {("deny", "Ostria")}),
        # no actor named before the verb, a noun that is no verb, and no stance at all
        ("It was denied by nobody at the harbour.", set()),
        ("Both navies continued to trade blame for the sinking of the ferry.", set()),
        ("Both sides accused each other of sinking the ferry.", set()),
        ("The ferry sank near the lighthouse after a storm.", set()),
    ],
)
def test_statement_frames(text: str, frames: set[tuple[str, str]]) -> None:
    assert statement_frames(text, ["Varnia", "Ostria", "Varnian", "Ostrian", "Aldo Mirren"]) == {
        _frame(s, a) for s, a in frames
    }


def test_a_word_that_opens_the_sentence_is_an_actor_only_when_an_entity_names_it() -> None:
    text = "Officials in Ostria denied any part in the raid."
    assert statement_frames(text, ["Ostria"]) == {_frame("deny", "Ostria")}
    assert statement_frames("Ostria denied any part in the raid.") == frozenset()
    assert statement_frames("Ostria denied any part in the raid.", ["Ostria"]) == {_frame("deny", "Ostria")}


def test_the_content_is_the_sentence_without_the_frame_words() -> None:
    assert statement_content("The Varnian navy denied shelling the fuel depot.", ["Varnian"]) == frozenset(
        content_stems("The shelling the fuel depot.")
    )
    assert statement_content("The fuel depot was blamed by Ostria on arson.", ["Ostria"]) == frozenset(
        content_stems("The fuel depot was on arson.")
    )
    assert statement_content("The fuel depot burned on Tuesday.") == frozenset()  # no frame, no content


def test_a_denial_and_a_rival_denial_differ() -> None:
    names = ["Varnia", "Ostria"]
    assert statement_frames("Varnia denied shelling the depot.", names) != statement_frames(
        "Ostria denied shelling the depot.", names
    )


def _named(ref: PassageRef, *names: str) -> PassageRef:
    """``ref`` with its entities: each of ``names`` where its text gives it."""
    ref.entities = [Entity(ref.start + ref.text.index(n), ref.start + ref.text.index(n) + len(n), n, "GPE")
                    for n in names]
    return ref


DENIALS = [
    make_ref("The Varnian navy denied any part in the sinking of the ferry near the old lighthouse on Tuesday.",
             "Outlet A"),
    _named(make_ref("Varnia refused any part in the ferry sinking, saying its ships stayed in port.", "Outlet B"),
           "Varnia"),
]
RIVAL = _named(make_ref("Ostria denied that its coast guard fired on a trawler off the cape.", "Outlet C"), "Ostria")
FILLER = [make_ref(f"Notice {i}: the bus timetable changes for the winter season.", f"Filler {i}") for i in range(8)]


def _rows() -> list[set[str]]:
    return [set(r.outlets) for r in build_rows([*DENIALS, RIVAL, *FILLER])]


def test_two_retellings_of_one_denial_share_a_row() -> None:
    rows = _rows()
    assert any({"Outlet A", "Outlet B"} <= r for r in rows)
    assert not any("Outlet C" in r and len(r) > 1 for r in rows)


def test_without_the_bonus_the_retellings_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouping, "FRAME_BONUS", 0.0)
    # ... and without the later join of lone sentences (desk.compare.joining.join_lone_statements), which
    # also takes these two (each alone, closest to the other): the bonus alone is measured here
    monkeypatch.setattr(joining, "LONE_EDGE", 0.0)
    assert not any({"Outlet A", "Outlet B"} <= r for r in _rows())


#: a similarity at which a shared frame earns the bonus
SOME_WORDS = grouping.FRAME_MIN_SIMILARITY + 0.02


def test_the_bonus_goes_to_pairs_sharing_a_rare_frame_and_some_words() -> None:
    twin = make_ref("The Varnian coast guard denied any part in the sinking of the ferry.", "Outlet D")
    profiles = [profile(r) for r in [*DENIALS, RIVAL, twin]]
    sim = np.full((4, 4), SOME_WORDS, dtype=np.float32)
    sim[0, 3] = sim[3, 0] = grouping.FRAME_MIN_SIMILARITY - 0.05  # too few words: no bonus for a shared frame
    out = link_by_frames(sim, profiles, np.arange(4))
    assert out[0, 1] == pytest.approx(SOME_WORDS + grouping.FRAME_BONUS)
    assert out[1, 0] == pytest.approx(SOME_WORDS + grouping.FRAME_BONUS)
    assert out[0, 2] == pytest.approx(SOME_WORDS)  # Varnia's denial and Ostria's: two frames
    assert out[0, 3] == pytest.approx(grouping.FRAME_MIN_SIMILARITY - 0.05)


def test_a_frame_many_candidates_take_is_no_key() -> None:
    many = [_named(make_ref(f"Varnia denied shelling the depot again, report {i} said.", f"Outlet {i}"), "Varnia")
            for i in range(6)]
    profiles = [profile(r) for r in many]
    sim = np.full((6, 6), SOME_WORDS, dtype=np.float32)
    out = link_by_frames(sim, profiles, np.arange(6))
    assert np.allclose(out, SOME_WORDS)  # six of six take "deny:Varnia": the topic's standing dispute


def test_passages_with_figures_get_no_frame_bonus() -> None:
    refs = [
        _named(make_ref("Varnia denied that 40 sailors died on the ferry.", "Outlet A",
                        figures=[("40", 40, "", "sailors", "")]), "Varnia"),
        _named(make_ref("Varnia denied that the ferry lost 40 sailors.", "Outlet B",
                        figures=[("40", 40, "", "sailors", "")]), "Varnia"),
    ]
    profiles = [profile(r) for r in refs]
    assert statement_frames(refs[0].text, ["Varnia"])  # a frame, but a figure: counted things join these
    sim = np.full((2, 2), SOME_WORDS, dtype=np.float32)
    assert np.allclose(link_by_frames(sim, profiles, np.arange(2)), SOME_WORDS)
