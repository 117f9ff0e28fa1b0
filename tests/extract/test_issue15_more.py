"""Titles, headline tags and cross-sentence sources (issue 15, second round).

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.extract import extract, extract_article, extract_title, load_model
from desk.extract.score import read_for_scoring, score


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    load_model()


def _claimants(text: str) -> list[tuple[str, str]]:
    return [(c.figure.text, c.claimant) for c in extract(text).claims]


def _article(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


# -- titles ------------------------------------------------------------------


def test_front_matter_title_figures_are_extracted_with_title_offsets(tmp_path: Path) -> None:
    body = (
        '---\ntitle: "Flood leaves 40 villages without power, regional office says"\n---\n\n'
        "Heavy rain cut the lines on Tuesday. Engineers hope to finish the repairs by Friday.\n"
    )
    path = _article(tmp_path / "c", "flood.md", body)
    a = read_for_scoring(path, path.parent)
    x = extract_title(a)
    assert [(c.figure.text, c.claimant) for c in x.claims] == [("40", "regional office")]
    f = x.claims[0].figure
    assert a.title[f.start : f.end] == "40"
    att = x.attributions[x.claims[0].attribution or 0]
    assert a.title[att.source_start : att.source_end] == "regional office"


def test_a_title_the_body_shows_is_not_counted_twice(tmp_path: Path) -> None:
    # a plain-text file's first line is its title and part of its body
    path = _article(tmp_path / "c", "note.txt", "Twelve bridges closed in the north\n\nThe roads office closed them at noon.\n")
    a = read_for_scoring(path, path.parent)
    assert extract_title(a).claims == []
    assert [c.figure.value for c in extract_article(a).claims] == [12]


def test_the_scorer_counts_title_figures_first(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    _article(
        folder, "fire.md",
        '---\ntitle: "Warehouse fire injures 3"\n---\n\nThree workers were hurt, the fire service said.\n',
    )
    gold = {"articles": {"fire.md": [
        {"text": "3", "value": 3, "claimant": "", "context": "Warehouse fire injures 3"},
        {"text": "Three", "value": 3, "claimant": "fire service", "context": "Three workers were hurt, the fire service said"},
    ]}}
    g = tmp_path / "gold.json"
    g.write_text(json.dumps(gold), encoding="utf-8")
    r = score(g, folder)
    assert r["figure_recall"] == 1.0
    assert r["figure_precision"] == 1.0
    assert r["claimant_accuracy"] == 1.0
    assert r["false_attribution"] == 0.0


@pytest.mark.parametrize(
    ("headline", "claimant"),
    [
        ("Storm damages 300 homes in the delta – Western officials", "Western officials"),
        ("Dam breach floods 12 towns – Emergency Service", "Emergency Service"),
    ],
)
def test_dash_tag_with_a_role_word(headline: str, claimant: str) -> None:
    assert {c for _, c in _claimants(headline)} == {claimant}


def test_dash_tag_ignores_a_lower_case_word_that_is_no_role() -> None:
    assert {c for _, c in _claimants("Ferry carries 200 passengers – Odesa tonight")} == {""}
