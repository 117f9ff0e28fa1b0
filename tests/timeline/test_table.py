"""The JSON and CSV shapes of a timeline, and a hostile cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from desk.timeline import build_series
from desk.timeline.model import Timeline
from desk.timeline.table import COLUMNS, timeline_csv, timeline_json
from timeline.test_build import growing_toll, ref


def test_json_shape() -> None:
    refs = [*growing_toll(), ref("A spokesman said 75 villagers were killed so far.", "Daily C", None,
                                 [("75", 75, "", "villagers killed", "a spokesman")])]
    tl = Timeline("villagers killed", build_series(refs))
    js = json.loads(json.dumps(timeline_json(tl)))
    (series,) = js["series"]
    assert series["label"] == "villagers killed"
    assert series["cumulative"] is True
    pts = series["points"]
    for key in ("value", "claimant", "counted", "outlet", "path", "disagreement", "growth", "article_date", "passage"):
        assert all(key in p for p in pts), key
    dated = [p for p in pts if "as_of" in p]
    assert [p["as_of"] for p in dated] == ["2031-04-02", "2031-05-03", "2031-06-01"]
    assert [p["value"] for p in dated] == [700, 1910, 2950]
    (undated,) = [p for p in pts if "as_of" not in p]
    assert undated["as_of_start"] is None
    assert undated["as_of_end"] is None
    assert undated["article_date"] is None


def test_csv_shape_and_formula_cells_are_inert() -> None:
    refs = [ref("=HYPERLINK(\"x\") said 700 villagers were killed.", "@Daily", dt.date(2031, 4, 2),
                [("700", 700, "", "villagers killed", "=HYPERLINK(\"x\")")])]
    tl = Timeline("q", build_series(refs))
    rows = list(csv.DictReader(io.StringIO(timeline_csv(tl))))
    assert tuple(rows[0]) == COLUMNS
    (row,) = rows
    assert row["value"] == "700"
    assert row["as_of"] == "2031-04-02"
    assert row["as_of_start"] == ""
    assert row["claimant"].startswith("'=")
    assert row["outlet"] == "'@Daily"
    assert row["sentence"].startswith("'=")
