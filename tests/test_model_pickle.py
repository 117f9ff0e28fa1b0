"""Model values cross processes (the comparing child, the features file) as compact pickles: ``cls(*fields)``."""

from __future__ import annotations

import copyreg
import datetime as dt
import io
import pickle
from typing import Any

import pytest

from desk.compare.asof import AsOf
from desk.compare.profile import FactKey, LocalSpan
from desk.model import (
    Attribution,
    Claim,
    Comparison,
    Entity,
    Figure,
    FigureStatement,
    PassageRef,
    Row,
    WordDiff,
    pickled_by_fields,
)


def _comparison() -> Comparison:
    text = "The harbour master said 41 boats left the bay before the storm."
    fig = Figure(24, 26, "41", 41.0, "", "count", None, None, "boats")
    att = Attribution("The harbour master", 0, 18, "harbour master", "said", 19, 23, 0, len(text))
    ref = PassageRef("a1", 0, 0, len(text), text, "Bay Post", "Boats leave", dt.date(2031, 5, 2), "/x/a1.md",
                     "a1.md", 1.5, [(24, 26)], [Claim(fig, "harbour master", 0)], [att],
                     [Entity(4, 18, "harbour master", "PERSON")], [])
    other = PassageRef("b1", 2, 10, 60, "Forty-one boats sailed out ahead of the storm, the port said.", "Coast Wire",
                       "Storm", None, "/x/b1.md", "b1.md", 0.5, [], [], [], [], [])
    row = Row(cells={"Bay Post": [ref], "Coast Wire": [other]},
              statements=[FigureStatement("Bay Post", "harbour master", fig, "a1", 0, dt.date(2031, 5, 1), None, "boats")],
              summary="harbour master: 41", word_diffs={other.key: [WordDiff(10, 16, "replace", "41")]},
              duplicates={ref.key: ["Hill Times"]}, clashing=[("a1", 24)], note="checked")
    return Comparison("boats", ["Bay Post", "Coast Wire"], [row], filters={"since": "2031-05-01"})


def test_a_comparison_round_trips_and_its_pickle_names_no_field() -> None:
    comp = _comparison()
    data = pickle.dumps(comp, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == comp
    # each value is its class and its field values, in order: no dictionary of slot names per object
    for name in (b"article_id", b"qualifier_start", b"word_diffs", b"as_of_start", b"source_start"):
        assert name not in data


def test_the_features_of_a_passage_load_through_their_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    values = [FactKey("kill", "soldier", frozenset({"Russian"})), LocalSpan("Kherson", "GPE"),
              AsOf(dt.date(2031, 5, 1), None, "since", dt.date(2031, 4, 1))]
    data = pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"modifiers" not in data
    assert b"basis" not in data

    def field_by_field(self: Any, state: Any) -> None:
        raise AssertionError("set field by field (a Python call per value and field)")

    for cls in (FactKey, LocalSpan, AsOf):
        monkeypatch.setattr(cls, "__setstate__", field_by_field, raising=False)
    assert pickle.loads(data) == values


class _OldWay(pickle.Pickler):
    """Pickles model values as desk did before: the slots' dictionary (frozen ones: their __getstate__)."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls in (Figure, PassageRef, Claim, FactKey):
            if cls is FactKey:  # frozen: dataclasses' own __getstate__, the field values in order
                return (copyreg.__newobj__, (cls,), [getattr(obj, k) for k in cls.__slots__])
            return (copyreg.__newobj__, (cls,), (None, {k: getattr(obj, k) for k in cls.__slots__}))
        return NotImplemented


def test_pickles_written_the_old_way_still_load() -> None:
    ref = _comparison().rows[0].cells["Bay Post"][0]
    values = [ref, FactKey("wound", "civilian", frozenset())]
    out = io.BytesIO()
    _OldWay(out, protocol=pickle.HIGHEST_PROTOCOL).dump(values)
    assert b"article_id" in out.getvalue()  # the old form indeed
    assert pickle.loads(out.getvalue()) == values


def test_a_class_that_does_more_in_init_is_refused() -> None:
    from dataclasses import dataclass, field

    @dataclass
    class Later:
        a: int
        b: int = field(init=False, default=0)

    with pytest.raises(TypeError):
        pickled_by_fields(Later)
