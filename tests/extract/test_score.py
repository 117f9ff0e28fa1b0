"""The gold scoring of ../shared/gold/seeds.json, with the issue's targets."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.extract.score import main, names_match, score


def test_seed_gold_meets_the_targets(gold_file: Path, seeds: Path) -> None:
    out = io.StringIO()
    r = score(gold_file, seeds, verbose=True, out=out)
    report = out.getvalue()
    assert r["gold_figures"] == 42
    assert r["figure_precision"] >= 0.97, report
    assert r["figure_recall"] >= 0.97, report
    assert r["claimant_accuracy"] >= 0.90, report
    assert r["false_attribution"] <= 0.10, report
    assert "figure precision" in report


def test_scorer_counts_misses_and_false_attribution(tmp_path: Path, seeds: Path) -> None:
    # a hand-made gold for one seed: one wrong value, one wrong claimant, one false attribution
    gold = {
        "articles": {
            "000_c2aef66c3e1c3f21.txt": [
                {"text": "14,000", "value": 14000, "claimant": "Zelensky"},
                {"text": "1,300", "value": 1300, "claimant": "Somebody Else"},
                {"text": "500", "value": 500, "claimant": ""},
                {"text": "777", "value": 777, "claimant": ""},
            ]
        }
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    r = score(path, seeds)
    assert r["found"] == 3
    assert r["figure_recall"] == pytest.approx(3 / 4)
    assert r["claimant_accuracy"] == pytest.approx(1 / 2)
    assert r["false_attribution"] == pytest.approx(1.0)  # "Moscow says 500"


def test_names_match_rule() -> None:
    assert names_match("President Zelensky", "Volodymyr Zelenskyy")
    assert names_match("latest UN count", "UN")
    assert names_match("Turkish Foreign Minister", "Mevlut Cavusoglu", ["Turkish Foreign Minister"])
    assert not names_match("Moscow", "Ukraine")
    assert not names_match("", "Ukraine")


def test_bad_gold_file_is_a_desk_error(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DeskError, match="cannot be read"):
        score(bad)
    assert main([str(bad)]) == 2


def test_cli_prints_report(gold_file: Path, seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(gold_file), "--corpus", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "claimant accuracy" in out
    assert "false attribution" in out
