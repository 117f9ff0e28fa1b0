"""Figure rules of session h36f (issue 15): "net zero", a span of the clock, and a part of a whole.

- "net zero" is an idiom for a balance (emissions cut to what is taken back), not a count of nothing;
  "zero casualties" still states a quantity.
- "from around 4 to 7pm", "7-9 a.m.": the first number of a range whose second is a time of day is a time
  too, not a count of 4 (the GUIDE: times are no figures); "4 to 7 trucks" stays a range.
- "Two of the six reactors": the part counts what the whole counts ("reactors"), never "six reactors";
  what is said of the things after an auxiliary ("... were hit") is said of the part, not of the whole.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

from desk.extract.figures import find_figures


def _figs(text: str) -> list[tuple[str, float, float | None, str]]:
    return [(f.text, f.value, f.high, f.counted) for f in find_figures(text)]


def test_net_zero_is_an_idiom_not_a_count() -> None:
    assert _figs("The brewery vowed to be net zero before the harvest of 2041.") == []
    assert _figs("Its board wants net zero ferry routes on the lake.") == []
    # zero as a stated quantity stays a figure
    assert _figs("The lake patrol logged zero drownings over the holiday.") == [(
        "zero", 0.0, None, "drownings")]
    # a net amount in digits is a figure like any other
    assert [f.value for f in find_figures("The ferry line made a net 12 million crowns.")] == [12_000_000]


def test_a_range_ending_in_a_time_of_day_is_a_time() -> None:
    assert _figs("The depot shuts its gates from around 4 to 7pm each Friday.") == []
    assert _figs("Trams run less often 6-9 a.m. and between 8 and 11 p.m. on weekdays.") == []
    assert _figs("The choir rehearses from 5 until 8:30pm.") == []
    assert _figs("Queues formed between 10 and 11 o'clock.") == []
    # a range of things is no time
    assert _figs("The mill hired 4 to 7 porters for the fair.") == [("4 to 7", 4.0, 7.0, "porters")]
    # a share of 24 or less before "pm" counts only when it is no time: "7 to 9 percent" stays
    assert [f.value for f in find_figures("Fares rose 7 to 9 percent at the depot.")] == [7.0]


def test_a_part_counts_what_its_whole_counts() -> None:
    figs = _figs("Three of the harbour's eight cranes were idle after the gale.")
    assert figs == [("Three", 3.0, None, "cranes"), ("eight", 8.0, None, "cranes")]
    figs = _figs("Only two out of nine ferries sailed on time.")
    assert figs == [("two", 2.0, None, "ferries"), ("nine", 9.0, None, "ferries")]
    figs = _figs("Wardens said 14 of its 60 barges were damaged by the ice.")
    assert figs == [("14", 14.0, None, "barges damaged"), ("60", 60.0, None, "barges")]
    # a participle right after the whole's noun stays the whole's too ("the 30 lambs rescued")
    figs = _figs("Vets treated 5 of the 30 lambs rescued from the flood.")
    assert figs == [("5", 5.0, None, "lambs rescued"), ("30", 30.0, None, "lambs rescued")]
    # refused: "of" between two counts that are no part and whole: the first is larger
    figs = _figs("They sent 40 of the 12 crates back.")
    assert figs[0][3] == ""
    # a share keeps its own reading
    figs = _figs("About 30% of its 200 rangers quit.")
    assert figs[0][3] == ""
    assert figs[1][3] == "rangers quit"
    # two counts joined by "and", no partitive
    figs = _figs("The guild has 40 members and 12 boats.")
    assert figs == [("40", 40.0, None, "members"), ("12", 12.0, None, "boats")]
