"""What the extraction tests read of :func:`desk.extract.extract`: the listed sources and the figures' claimants."""

from __future__ import annotations

from desk.extract import extract


def listed(text: str) -> list[tuple[str, str]]:
    """(source as written, cue) of every attribution the every-sentence listing gives."""
    return [(a.source_text, a.cue) for a in extract(text).attributions]


def claimants_by_figure(text: str) -> dict[str, str]:
    """Each figure's text -> its claimant ("" when the outlet says it itself)."""
    return {c.figure.text: c.claimant for c in extract(text).claims}
