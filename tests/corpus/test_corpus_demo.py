"""The bundled demo folder: every file reads, every input format is covered, outlets are right."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.corpus import FolderContext, read_article, scan
from desk.model import Article

from .make_demo_pdf import build

EXPECTED_OUTLETS = {
    "bulletin-0316.txt": ("Radio Oster", "manifest"),
    "carvenia-today-aid-package.txt": ("Carvenia Today", "header block"),
    "carvenia-today-evacuation.txt": ("Carvenia Today", "header block"),
    "courier-brannock-mayor.md": ("The Brannock Courier", "front matter"),
    "kessler-daily-reservoir.txt": ("Kessler Daily", "header block"),
    "lowland-gazette-inquiry.pdf": ("Lowland Gazette", "signature"),
    "meridian-post-dam-warnings.html": ("Meridian Post", "HTML meta"),
    "nws-halvek-dam-toll.md": ("Northern Wire Service", "front matter"),
    "valley-observer-council.txt": ("The Valley Observer", "signature"),
}


DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    demo = DEMO
    ctx = FolderContext.load(demo)
    assert ctx.problems == []
    out = {}
    for p in scan(demo):
        assert isinstance(p, Path), p
        a = read_article(p, demo, ctx)
        out[a.relpath] = a
    return out


def test_every_file_reads_with_its_outlet(articles: dict[str, Article]) -> None:
    got = {rel: (a.outlet, a.provenance["outlet"]) for rel, a in articles.items()}
    assert got == EXPECTED_OUTLETS
    assert len({o for o, _ in EXPECTED_OUTLETS.values()}) >= 4


def test_only_articles_and_the_manifest(demo: Path) -> None:
    names = sorted(p.name for p in demo.iterdir())
    assert names == sorted([*EXPECTED_OUTLETS, "desk.json"])


def test_lengths(articles: dict[str, Article]) -> None:
    for rel, a in articles.items():
        words = sum(len(a.passage_text(p).split()) for p in a.passages)
        assert 150 <= words <= 400, (rel, words)
        assert a.title
        assert a.date is not None


def test_formats(demo: Path, articles: dict[str, Article]) -> None:
    suffixes = {Path(r).suffix for r in articles}
    assert suffixes == {".md", ".txt", ".html", ".pdf"}
    raw = (demo / "kessler-daily-reservoir.txt").read_bytes()
    assert b"\x93" in raw
    assert b"\x94" in raw
    k = articles["kessler-daily-reservoir.txt"]
    assert "“The company’s number assumes the lake was half empty." in k.text
    assert "\r" not in k.text
    aid = articles["carvenia-today-aid-package.txt"]
    assert "‚Äô" in (demo / "carvenia-today-aid-package.txt").read_text(encoding="utf-8")
    assert "parliament’s approval" in aid.text
    assert "‚Äô" not in aid.text


def test_html_is_neutralised(articles: dict[str, Article]) -> None:
    a = articles["meridian-post-dam-warnings.html"]
    assert a.title == "Engineers warned of Halvek spillway cracks in 2024"
    assert str(a.date) == "2026-03-16"
    assert a.url == "https://meridianpost.example/world/2026/03/16/halvek-spillway-warnings"
    for bad in ("<", "javascript", "tracker.example", "tracking you", "font-family", "gotcha"):
        assert bad not in a.text
    assert "An inspection report seen by the Meridian Post" in a.text


def test_pdf_text_layer_is_the_generated_one(demo: Path, articles: dict[str, Article]) -> None:
    assert (demo / "lowland-gazette-inquiry.pdf").read_bytes() == build()
    a = articles["lowland-gazette-inquiry.pdf"]
    assert a.title == "Parliament orders inquiry into Halvek Dam collapse"
    assert str(a.date) == "2026-03-19"
    assert "by 118 votes to 31" in " ".join(a.text.split())
    assert [b.reason for b in a.boilerplate] == ["legal disclaimer"]  # the copyright line
    # the headline and the wrapped paragraphs of the text layer come out as passages
    texts = [a.passage_text(p) for p in a.passages]
    assert texts[0] == a.title
    assert texts[1].endswith("says killed 163 people.")
    assert texts[2].startswith("Lawmakers approved the inquiry")


def test_manifest_fields(articles: dict[str, Article]) -> None:
    a = articles["bulletin-0316.txt"]
    assert a.provenance == {k: "manifest" for k in ("title", "outlet", "date", "url", "author")}
    assert str(a.date) == "2026-03-16"


def test_wire_copy_is_syndicated(articles: dict[str, Article]) -> None:
    """The same wire paragraph appears word for word in three outlets, so compare has rows."""
    needle = "About 14,000 people have been moved to schools and sports halls in higher towns"
    carrying = {a.outlet for a in articles.values() if any(needle in a.passage_text(p) for p in a.passages)}
    assert carrying == {"Northern Wire Service", "Carvenia Today", "Meridian Post"}


def test_boilerplate_in_demo(articles: dict[str, Article]) -> None:
    v = articles["valley-observer-council.txt"]
    reasons = {b.reason for b in v.boilerplate}
    assert {"repeated title", "also-read link", "donation appeal", "navigation"} <= reasons
    assert not any("support us" in v.passage_text(p) for p in v.passages)
    c = articles["courier-brannock-mayor.md"]
    assert c.passage_text(c.passages[0]) == "Mayor Varga: at least 212 dead in Brannock alone"
    assert {"advertisement", "also-read link", "newsletter", "navigation", "markup"} <= {b.reason for b in c.boilerplate}
