"""extraction_to_json's dicts are the ones dataclasses.asdict gives, key order included."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from desk.extract import store
from desk.model import Attribution, Claim, DateMention, Entity, Extraction, Figure


def _sample() -> Extraction:
    figs = [
        Figure(10, 15, "1,200", 1200.0, qualifier="about", counted="tonnes of herring", qualifier_start=4),
        Figure(40, 42, "12", 12.0, kind="percent", high=15.0),
        Figure(60, 65, "three", 3.0),
    ]
    atts = [Attribution("Ilse Varnhagen", 0, 14, "Mayor Ilse Varnhagen", "said", 15, 19, 20, 80)]
    loose = Figure(90, 92, "40", 40.0, qualifier="more than")  # a claim's figure outside the list
    claims = [Claim(figs[0], "Ilse Varnhagen", 0), Claim(figs[1]), Claim(loose, "harbour board", None)]
    ents = [Entity(0, 14, "Ilse Varnhagen", "PERSON"), Entity(30, 36, "Dorrow", "GPE")]
    dates = [DateMention(50, 57, "Tuesday", dt.date(2021, 3, 2)), DateMention(70, 80, "last month", None)]
    return Extraction(figures=figs, attributions=atts, claims=claims, entities=ents, dates=dates)


def _reference(x: Extraction) -> dict[str, object]:
    """The function as it was, with ``asdict``."""
    fig_index = {id(f): i for i, f in enumerate(x.figures)}
    claims = []
    for c in x.claims:
        i = fig_index.get(id(c.figure))
        claims.append({"figure": i if i is not None else dataclasses.asdict(c.figure),
                       "claimant": c.claimant, "attribution": c.attribution})
    return {
        "v": store.VERSION,
        "figures": [dataclasses.asdict(f) for f in x.figures],
        "attributions": [dataclasses.asdict(a) for a in x.attributions],
        "claims": claims,
        "entities": [dataclasses.asdict(e) for e in x.entities],
        "dates": [{"start": d.start, "end": d.end, "text": d.text, "date": d.date.isoformat() if d.date else None}
                  for d in x.dates],
    }


def test_the_json_is_byte_for_byte_the_asdict_one() -> None:
    x = _sample()
    ours, theirs = store.extraction_to_json(x), _reference(x)
    assert json.dumps(ours, ensure_ascii=False) == json.dumps(theirs, ensure_ascii=False)
    assert ours == theirs
    for a, b in zip(ours["figures"], theirs["figures"], strict=True):  # type: ignore[call-overload]
        assert list(a) == list(b)  # the same key order


def test_every_record_type_gives_asdict_s_dict() -> None:
    x = _sample()
    for obj in [*x.figures, *x.attributions, *x.entities]:
        got = store._as_dict(obj)
        assert got == dataclasses.asdict(obj)
        assert list(got) == [f.name for f in dataclasses.fields(obj)]


def test_a_value_of_another_type_takes_asdict_itself() -> None:
    """A list where a string belongs (no extractor does this) is copied as asdict copies it."""
    odd = Entity(0, 3, ["a", "list"], "ORG")  # type: ignore[arg-type]
    got = store._as_dict(odd)
    assert got == dataclasses.asdict(odd)
    assert got["text"] is not odd.text  # asdict's copy, not the object itself
    flag = Figure(0, 1, "1", True)  # a bool is a plain value
    assert store._as_dict(flag) == dataclasses.asdict(flag)
