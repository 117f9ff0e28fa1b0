"""The shared claimant and figure looks (desk/palette.py)."""

from __future__ import annotations

import re

from desk.palette import (
    DISTINCT_LOOKS,
    LIGHT_FIGURES,
    LIGHT_HIT,
    ClaimantPalette,
    FigurePalette,
    look_for_slot,
    looks_like_claimant,
    rank_claimants,
)

HEX = re.compile(r"^#[0-9a-f]{6}$")


def test_the_first_sixty_claimants_all_look_different() -> None:
    for dark in (False, True):
        looks = [look_for_slot(i, dark=dark) for i in range(DISTINCT_LOOKS)]
        assert DISTINCT_LOOKS >= 50
        assert len(set(looks)) == DISTINCT_LOOKS
        assert all(HEX.match(lk.colour) for lk in looks)


def test_neighbours_differ_in_colour_and_marker() -> None:
    for i in range(DISTINCT_LOOKS - 1):
        a, b = look_for_slot(i), look_for_slot(i + 1)
        assert a.colour != b.colour
        assert a.marker != b.marker


def test_a_claimant_keeps_its_look_until_reset() -> None:
    pal = ClaimantPalette()
    pal.assign(["Mayor Quill", "Harbour Police"])
    first = pal.look("Harbour Police")
    pal.look("Someone New")
    assert pal.look("Harbour Police") == first
    assert pal.names() == ["Mayor Quill", "Harbour Police", "Someone New"]
    pal.reset()
    assert pal.names() == []


def test_rank_puts_the_most_frequent_first_and_keeps_first_seen_order_on_ties() -> None:
    names = ["Ada Bell", "Corin Dale", "Corin Dale", "", "Ed Fay", "Ada Bell", "Corin Dale", "Gil Hart"]
    assert rank_claimants(names) == ["Corin Dale", "Ada Bell", "Ed Fay", "Gil Hart"]


def test_stray_words_get_no_legend_entry() -> None:
    assert not looks_like_claimant("s")
    assert not looks_like_claimant("report")
    assert not looks_like_claimant("the harbour statement")
    assert not looks_like_claimant("They")
    assert looks_like_claimant("Port Authority")
    assert looks_like_claimant("the Harbour Master")


def test_figure_colours_repeat_by_value_and_never_equal_the_hit_colour() -> None:
    figs = FigurePalette()
    assert figs.colour("120") == figs.colour("120")
    assert figs.colour("120") != figs.colour("95")
    assert LIGHT_HIT not in LIGHT_FIGURES
    assert FigurePalette(dark=True).hit not in [FigurePalette(dark=True).colour(str(i)) for i in range(20)]
