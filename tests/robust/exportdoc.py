"""A large hand-made comparison, for the export kill test (imported by the test and its child)."""

from __future__ import annotations

import datetime as dt

from desk.model import Comparison, PassageRef, Row


def comparison(tag: str, n: int = 800) -> Comparison:
    rows = []
    for i in range(n):
        ref = PassageRef(
            article_id=f"a{i}", number=0, start=0, end=10, text=f"{tag} passage {i} * <b>[x](y)</b> " * 30,
            outlet=f"Outlet {i % 7}", title=f"Title {i}", date=dt.date(2024, 1, 1 + i % 28),
            path=f"/nowhere/a{i}.md", relpath=f"a{i}.md",
        )
        rows.append(Row(cells={ref.outlet: [ref]}))
    return Comparison(
        query=tag, outlets=[f"Outlet {k}" for k in range(7)], rows=rows,
        created=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    )
