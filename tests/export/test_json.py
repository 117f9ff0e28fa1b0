from __future__ import annotations

import json

from compare.helpers import make_ref, soldiers_comparison  # tests/ is on sys.path (rootdir-relative packages)

from desk.export import comparison_to_json, dumps


def test_json_is_strict_and_complete() -> None:
    c = soldiers_comparison()
    refs = [p for row in c.rows for cell in row.cells.values() for p in cell]
    assert len(refs) == 2
    text = dumps(c)  # allow_nan=False: an infinite interval end would raise here
    data = json.loads(text)
    assert data == comparison_to_json(c)
    assert data["query"] == "soldiers killed"
    row = data["rows"][0]
    assert row["disagreement"] is True
    assert sorted(row["outlets"]) == ["Daily Times", "The Independent"]
    more = next(s for s in row["statements"] if s["figure"]["qualifier"] == "more than")
    assert more["figure"]["interval"][1] is None  # (14,400, inf)
    assert more["figure"]["interval"][0] > 14400
    key = f"{refs[1].article_id}:{refs[1].number}"
    assert key in row["word_diffs"] or f"{refs[0].article_id}:{refs[0].number}" in row["word_diffs"]
    assert data["created"].endswith("+00:00")


def test_json_carries_the_word_differences_a_comparison_left_for_whoever_shows_them() -> None:
    from desk.compare.diff import word_diff
    from desk.export.json import to_plain
    from desk.model import Comparison, Row

    a = make_ref("The ferry left the harbour at nine with forty cars aboard.", "Coast Post")
    b = make_ref("The ferry left the harbour at ten with forty cars aboard.", "Bay Wire", article="b")
    data = to_plain(Comparison("ferry", ["Coast Post", "Bay Wire"], [Row(cells={"Coast Post": [a], "Bay Wire": [b]})]))
    assert data["rows"][0]["word_diffs"] == {f"{b.article_id}:{b.number}": to_plain(word_diff(a, b))}
    assert data["rows"][0]["word_diffs"][f"{b.article_id}:{b.number}"]  # "ten" for "nine"


def test_floats_of_every_kind_and_nested_dataclasses_are_written_as_before() -> None:
    # the fast paths of _plain (an exact float; a dataclass type met before) give what the slow tests gave
    import dataclasses as dc
    import math

    from desk.export.json import to_plain

    @dc.dataclass
    class Inner:
        score: float
        when: object = None

    @dc.dataclass
    class Outer:
        inner: list[Inner]
        ratio: float

    value = Outer([Inner(0.5), Inner(math.inf), Inner(math.nan), Inner(-2.0)], float("-inf"))
    want = {"inner": [{"score": 0.5, "when": None}, {"score": None, "when": None}, {"score": None, "when": None},
                      {"score": -2.0, "when": None}], "ratio": None}
    assert to_plain(value) == want
    assert to_plain(value) == want  # again, with the dataclass types known


def test_each_statement_carries_the_sentence_its_figure_stands_in() -> None:
    # a comparison leaves a statement's sentence empty; --json gives the one sentence of the passage holding it
    from desk.compare import build_rows
    from desk.export.json import to_plain
    from desk.model import Comparison

    a = make_ref("Rain closed the pass at dawn. Wardens said 37 hikers were led down by noon. Roads stay shut.",
                 "Valley Courier", figures=[("37", 37, "", "hikers", "wardens")])
    b = make_ref("The pass shut in the storm. Some 40 hikers came down with the wardens.",
                 "Ridge Times", figures=[("40", 40, "some", "hikers", "")])
    c = Comparison("hikers", ["Valley Courier", "Ridge Times"], build_rows([a, b]))
    assert all(not s.sentence for row in c.rows for s in row.statements)
    data = to_plain(c)
    said = {s["figure"]["text"]: s["sentence"] for row in data["rows"] for s in row["statements"]}
    assert said == {"37": "Wardens said 37 hikers were led down by noon.",
                    "40": "Some 40 hikers came down with the wardens."}
