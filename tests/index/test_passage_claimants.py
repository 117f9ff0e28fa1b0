"""Which passages each attributed source falls in (what pass 2 stores for claimant:)."""

from __future__ import annotations

from desk.index.pools import passage_claimants
from desk.model import Article, Attribution, Claim, Extraction, Figure, Passage


def _article(n: int, width: int = 100) -> Article:
    return Article(
        id="a", path="/x/a.txt", relpath="a.txt", title="t", outlet="o", date=None, text="x" * (n * width),
        passages=[Passage(i, i * width, (i + 1) * width) for i in range(n)],
    )


def _attr(name: str, src: tuple[int, int], content: tuple[int, int]) -> Attribution:
    return Attribution(name, src[0], src[1], name, "said", src[1], src[1] + 4, content[0], content[1])


def test_spans_land_in_every_passage_they_touch_in_order():
    art = _article(5)
    ext = Extraction(
        attributions=[
            _attr("Zelensky", (10, 18), (20, 90)),  # passage 0 only
            _attr("General Staff", (190, 210), (210, 320)),  # source across 1|2, content across 2|3
            _attr("Zelensky", (410, 418), (418, 450)),  # passage 4, again
        ],
        claims=[Claim(Figure(330, 336, "14,000", 14000.0), "Kremlin", None)],  # passage 3
    )
    assert passage_claimants(art, ext) == [
        (0, "Zelensky"),
        (1, "General Staff"),
        (2, "General Staff"),
        (3, "General Staff"),
        (3, "Kremlin"),
        (4, "Zelensky"),
    ]


def test_a_span_before_the_first_passage_and_empty_names_are_left_out():
    art = _article(3)
    art.passages = art.passages[1:]  # the first 100 characters are boilerplate
    ext = Extraction(attributions=[_attr("Early", (5, 9), (10, 40)), _attr("", (120, 130), (130, 140))])
    assert passage_claimants(art, ext) == []


def test_a_long_article_of_many_passages():
    """20,000 passages with a source each (a per-passage scan of every span made this 4e8 steps)."""
    n = 20_000
    art = _article(n)
    ext = Extraction(attributions=[_attr(f"S{i % 50}", (i * 100 + 1, i * 100 + 5), (i * 100 + 5, i * 100 + 60))
                                   for i in range(n)])
    rows = passage_claimants(art, ext)
    assert len(rows) == n
    assert rows[12_345] == (12_345, "S45")
