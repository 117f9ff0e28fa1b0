"""What the extraction tests read of :func:`desk.extract.extract`: the listed sources and the figures' claimants."""

from __future__ import annotations

from desk.extract import extract
from desk.extract.figures import find_figures


def listed(text: str) -> list[tuple[str, str]]:
    """(source as written, cue) of every attribution the every-sentence listing gives."""
    return [(a.source_text, a.cue) for a in extract(text).attributions]


def claimants_by_figure(text: str) -> dict[str, str]:
    """Each figure's text -> its claimant ("" when the outlet says it itself)."""
    return {c.figure.text: c.claimant for c in extract(text).claims}


def check_spans_inside(text: str, *, empty_cue: bool = False) -> None:
    """:func:`extract` of ``text``, with and without the every-sentence listing, keeps every figure, source,
    cue and content span inside the text, and each figure's and source's text is the text at its span
    (``empty_cue``: a cue may be empty, as a speaker label's is)."""
    n = len(text)
    for every in (True, False):
        x = extract(text, every=every)
        assert all(text[f.start : f.end] == f.text for f in x.figures)
        for a in x.attributions:
            assert 0 <= a.source_start < a.source_end <= n
            assert text[a.source_start : a.source_end] == a.source_text
            assert 0 <= a.cue_start <= a.cue_end <= n
            assert empty_cue or a.cue_start < a.cue_end
            assert 0 <= a.content_start <= a.content_end <= n


def counted(sentence: str, figure: str) -> str:
    """What the one figure ``figure`` of ``sentence`` counts (:func:`find_figures`)."""
    found = [f for f in find_figures(sentence) if f.text == figure]
    assert len(found) == 1, [(f.text, f.counted) for f in find_figures(sentence)]
    return found[0].counted
