"""Compare on the whole ../shared/corpus/ukraine-media (slow: needs a full index with extraction).

The index is built once per session in a temporary data dir; set
DESK_TEST_UKRAINE_DATA=DIR to reuse (or keep) an index built there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desk.compare import compare_query
from desk.compare.profile import ref_fact_key
from desk.model import Comparison, Row

pytestmark = pytest.mark.slow

UKRAINE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ukraine-media"


def olenivka(lib: Any) -> Comparison:
    return compare_query(
        lib, "prisoners killed prison", since=dt.date(2022, 7, 29), until=dt.date(2022, 7, 31)
    )


def _row_with(c: Comparison, outcome: str, values: set[float]) -> Row:
    """A disagreeing row where RT and another outlet give at least two of ``values`` for ``outcome``."""
    for row in c.rows:
        if not row.disagreement:
            continue
        refs = {p.key: p for cell in row.cells.values() for p in cell}
        found: set[float] = set()
        outlets: set[str] = set()
        for s in row.statements:
            key = ref_fact_key(s.figure, refs[(s.article_id, s.passage)])
            if key is not None and key.outcome == outcome and s.figure.value in values:
                found.add(s.figure.value)
                outlets.add(s.outlet)
        if len(found) >= 2 and "RT" in outlets and len(outlets) >= 2:
            return row
    raise AssertionError(
        f"no disagreeing row with RT and another outlet giving {sorted(values)} {outcome}:\n"
        + "\n".join(f"{r.disagreement} {r.outlets} {r.summary}" for r in c.rows)
    )


def test_olenivka_death_tolls_disagree(ukraine_library: Any) -> None:
    c = olenivka(ukraine_library)
    assert "RT" in c.outlets
    row = _row_with(c, "kill", {40, 50, 53})
    assert any("do not agree" in d for d in row.differences)


def test_olenivka_wounded_disagree(ukraine_library: Any) -> None:
    c = olenivka(ukraine_library)
    _row_with(c, "wound", {73, 75, 130})


def test_olenivka_export_is_valid_and_cites_every_passage(ukraine_library: Any, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    from desk.export import write_markdown

    c = olenivka(ukraine_library)
    md = write_markdown(c, tmp_path / "olenivka.md").read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    types = [t.type for t in tokens]
    refs = [p for r in c.rows for cell in r.cells.values() for p in cell]
    assert types.count("blockquote_open") == len(refs)
    assert types.count("heading_open") == 1 + len(c.rows)
    assert "html_block" not in types
    plain = md.replace("\\", "")
    for p in refs:
        assert f"{p.relpath}, passage {p.number + 1}" in plain
