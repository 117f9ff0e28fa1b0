"""`desk timeline` on the seeds: the soldier figures as points, undated articles as open intervals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import desk.library  # noqa: F401 - Whoosh compiled at collection, as tests/test_cli.py does
from desk import cli


@pytest.fixture(scope="module")
def seeds_data(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("tl-data"))


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert cli.main(list(args)) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_seeds_soldiers_killed(seeds: Path, seeds_data: str, capsys: pytest.CaptureFixture[str]) -> None:
    js = run_json(capsys, "timeline", str(seeds), "soldiers killed", "--json", "--data-dir", seeds_data)
    points = [p for s in js["series"] for p in s["points"]]
    by_value = {p["value"]: p for p in points}
    for value in (14000, 14400, 5710):
        assert value in by_value, sorted(by_value)
    zel = by_value[14000]
    assert "Zelensky" in zel["claimant"]
    # the seed articles carry no date: no invented day, an open interval
    for value in (14000, 5710):
        p = by_value[value]
        assert "as_of" not in p or p["as_of_basis"], p
        if "as_of" not in p:
            assert p["article_date"] is None
    assert all(p["path"].endswith(".txt") for p in points)


def test_csv_svg_and_errors(seeds: Path, seeds_data: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["timeline", str(seeds), "soldiers killed", "--csv", "--data-dir", seeds_data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("series,value,figure,")
    svg = tmp_path / "t.svg"
    assert cli.main(["timeline", str(seeds), "soldiers killed", "--svg", str(svg), "--data-dir", seeds_data]) == 0
    assert svg.read_bytes().lstrip().startswith(b"<?xml")
    assert cli.main(["timeline", str(seeds), "soldiers killed", "--svg", str(svg), "--data-dir", seeds_data]) == 2
    assert "already exists" in capsys.readouterr().err
    assert cli.main(["timeline", str(seeds), "soldiers", "--json", "--csv", "--data-dir", seeds_data]) == 2
    assert cli.main(["timeline", str(seeds), "zzzqqq", "--data-dir", seeds_data]) == 1


def test_compare_markdown_with_timeline(seeds: Path, seeds_data: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    md = tmp_path / "out.md"
    args = ["compare", str(seeds), "soldiers killed", "--markdown", str(md), "--timeline", "png",
            "--data-dir", seeds_data]
    assert cli.main(args) == 0
    assert (tmp_path / "out-timeline.png").read_bytes().startswith(b"\x89PNG")
    assert "![Figures over time](out-timeline.png)" in md.read_text(encoding="utf-8")
    assert cli.main(["compare", str(seeds), "soldiers", "--timeline", "svg", "--data-dir", seeds_data]) == 2
    assert "--timeline needs --markdown" in capsys.readouterr().err
