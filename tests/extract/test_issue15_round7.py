"""Every-sentence sources, seventh round (issue 15): what a speaker says of themself, and more cues.

Every sentence here was written for these tests; none comes from a corpus or gold set.
"""

from __future__ import annotations

import pytest

from desk.extract import extract, load_model


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    load_model()


def _listed(text: str) -> list[tuple[str, str, str]]:
    return [(a.source_text, a.cue, a.name) for a in extract(text).attributions]


def _claimants(text: str) -> dict[str, str]:
    return {c.figure.text: c.claimant for c in extract(text).claims}


# -- "X said he expected 40 ...": the figure is what X said; "he" is not listed beside X ---------------


@pytest.mark.parametrize(
    ("text", "figure", "source", "name", "pronoun"),
    [
        ("Ravi Osei said he expected to sell 40 boats a year.", "40", "Ravi Osei", "Ravi Osei", "he"),
        ("Mayor Lena Brandt said she hoped 3,000 runners would enter.", "3,000", "Mayor Lena Brandt", "Lena Brandt", "she"),
        ("Harbour officials said they feared 12 berths would close.", "12", "Harbour officials", "Harbour officials", "they"),
    ],
)
def test_a_figure_a_speaker_reports_of_themself_has_one_source(
    text: str, figure: str, source: str, name: str, pronoun: str
) -> None:
    listed = _listed(text)
    assert [x for x in listed if x[0] == source][0][2] == name
    assert not [x for x in listed if x[0] == pronoun]
    assert _claimants(text)[figure] == name


def test_a_named_source_inside_a_report_still_gives_the_figure() -> None:
    # "the ministry estimated 300": the innermost named source asserts the figure
    text = "Ravi Osei said the fisheries ministry estimated 300 boats were idle."
    assert _claimants(text)["300"] == "fisheries ministry"
    assert ("the fisheries ministry", "estimated", "fisheries ministry") in _listed(text)
