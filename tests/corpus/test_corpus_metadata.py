"""Metadata sources, their order, and the notes when they disagree."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desk.corpus import (
    UNKNOWN_OUTLET,
    FolderContext,
    apply_repeated,
    line_keys,
    outlet_from_url,
    read_article,
    repeated_keys,
)
from desk.corpus.dates import date_line, parse_date, url_date, wire_id_date
from desk.corpus.outlets import signature_outlet
from desk.model import Article

BODY = "Rescue teams searched the valley on Sunday. About 140 people died, the ministry said.\n"


def read(folder: Path, rel: str) -> Article:
    return read_article(folder / rel, folder, FolderContext.load(folder))


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.rt.com/russia/123-story/", "RT"),
        ("https://abcnews.go.com/International/x", "ABC News"),
        ("https://edition.cnn.com/2022/02/24/europe/x", "CNN"),
        ("https://www.bbc.co.uk/news/world-1", "BBC"),
        ("https://www.dailymail.co.uk/wires/ap/article-1/x.html", "Associated Press (via dailymail.co.uk wires)"),
        ("https://www.dailymail.co.uk/news/article-1/x.html", "Daily Mail"),
        ("https://www.independent.co.uk/news/world/x", "The Independent"),
        ("https://unknown.example/x", ""),
        ("not a url", ""),
    ],
)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


def test_citations_are_not_signatures() -> None:
    text = (
        "Officials claimed 5,710 troops died, reports BBC.\n\n"
        "The BBC cannot independently verify these claims, according to Reuters.\n\n"
        "“We will tell CNN everything,” our source said."
    )
    assert signature_outlet(text) is None


def test_signatures() -> None:
    assert signature_outlet("LONDON (Reuters) - Talks resumed on Monday.") == ("Reuters", "wire dateline")
    assert signature_outlet("(MENAFN- Live Mint) Ukraine said.") == ("Live Mint", "wire credit (MENAFN)")
    assert signature_outlet("News.\n\nCopyright 2025 The Daily Planet. All rights reserved.") == ("The Daily Planet", "signature")
    assert signature_outlet("News.\n\nAt The Guardian we rely on readers like you.") == ("The Guardian", "signature")


def test_front_matter_fields_and_types(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Dam bursts\nurl: https://www.theguardian.com/world/x\ndate: 2026-03-14\n"
        "author: [A. Writer, B. Writer]\n---\n\n" + BODY,
        encoding="utf-8",
    )
    a = read(tmp_path, "a.md")
    assert (a.title, a.outlet, a.date, a.author) == ("Dam bursts", "The Guardian", dt.date(2026, 3, 14), "A. Writer, B. Writer")
    assert a.provenance == {"title": "front matter", "url": "front matter", "author": "front matter",
                            "outlet": "URL domain", "date": "front matter"}
    assert a.text == BODY.strip("\n")


def test_header_block_needs_two_lines(tmp_path: Path) -> None:
    (tmp_path / "h.txt").write_text("Title: Dam bursts\nOutlet: Valley News\nDate: 14 March 2026\n\n" + BODY, encoding="utf-8")
    a = read(tmp_path, "h.txt")
    assert (a.title, a.outlet, a.date) == ("Dam bursts", "Valley News", dt.date(2026, 3, 14))
    assert a.text == BODY.strip("\n")
    (tmp_path / "one.txt").write_text("Date: the day of the flood was a Sunday\n\n" + BODY, encoding="utf-8")
    b = read(tmp_path, "one.txt")
    assert b.text.startswith("Date: the day")  # one "Key:" line is text, not a header


def test_disagreements_are_noted_not_silent(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '---\nsite: "Valley News"\npublished: "2026-03-14"\nsource: "https://x.example/2026/03/20/dam"\n---\n' + BODY,
        encoding="utf-8",
    )
    (tmp_path / "desk.json").write_text(json.dumps({"a.md": {"outlet": "Other Paper", "date": "2026-03-15"}}), encoding="utf-8")
    a = read(tmp_path, "a.md")
    assert (a.outlet, a.date) == ("Valley News", dt.date(2026, 3, 14))
    assert any('"Other Paper" from the manifest contradicts "Valley News"' in n for n in a.notes)
    assert any("2026-03-15 from the manifest" in n for n in a.notes)
    assert any("2026-03-20 from the URL" in n for n in a.notes)


def test_outlet_fallbacks(tmp_path: Path) -> None:
    (tmp_path / "Valley Herald").mkdir()
    (tmp_path / "Valley Herald" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "y.txt").write_text(BODY, encoding="utf-8")
    a = read(tmp_path, "Valley Herald/x.txt")
    assert (a.outlet, a.provenance["outlet"]) == ("Valley Herald", "folder name")
    b = read(tmp_path, "y.txt")
    assert (b.outlet, b.provenance["outlet"]) == (UNKNOWN_OUTLET, "default")


def test_date_helpers() -> None:
    assert date_line("Tuesday, 02 January 2024 12:17 GMT") == dt.date(2024, 1, 2)
    assert date_line("Updated 2025-06-11T10:00:00Z") == dt.date(2025, 6, 11)
    assert date_line("Russia says 2024 was a hard year") is None
    assert date_line("May 12 talks") is None  # no year: not a date line
    assert wire_id_date("MENAFN11062025007365015876ID1109660795") == dt.date(2025, 6, 11)
    assert url_date("https://x.example/news/2025/06/11/story") == dt.date(2025, 6, 11)
    assert parse_date("11 June") is None  # dateutil would invent the year
    assert parse_date("2019-11-21") == dt.date(2019, 11, 21)
    assert parse_date("next week") is None
    assert parse_date(dt.datetime(2020, 5, 1, 12, 0)) == dt.date(2020, 5, 1)


def test_repeated_lines_across_a_folder(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(
            f"Story number {i} about the flood\n\nShare on WhatsApp now\n\n{BODY}\nGet our flood tracker app today\n",
            encoding="utf-8",
        )
    ctx = FolderContext.load(tmp_path)
    arts = [read_article(tmp_path / f"{i}.txt", tmp_path, ctx) for i in range(5)]
    common = repeated_keys(line_keys(a) for a in arts)
    assert common == {"share on whatsapp now", "get our flood tracker app today"}
    b = apply_repeated(arts[0], common)
    marked = [b.text[x.start : x.end] for x in b.boilerplate if x.reason == "repeated across folder"]
    assert marked == ["Share on WhatsApp now", "Get our flood tracker app today"]
    assert [b.passage_text(p) for p in b.passages] == [
        "Story number 0 about the flood",
        "Rescue teams searched the valley on Sunday. About 140 people died, the ministry said.",
    ]
    assert len(arts[0].passages) == 4  # the original is not changed


def test_html_text_starts_with_the_title(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Boats lost | Harbour News</title>"
        '<meta property="og:site_name" content="Harbour News"></head><body><article>'
        + "<p>Twelve boats sank in the storm on Friday night, the harbour master said in a statement.</p>" * 3
        + "</article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    a = read(tmp_path, "p.html")
    assert (a.title, a.outlet) == ("Boats lost", "Harbour News")
    assert a.text.startswith("Boats lost\n\nTwelve boats sank")


def test_heavy_libraries_load_only_when_needed() -> None:
    import subprocess
    import sys

    code = "import sys, desk.corpus; print(sorted(m for m in ('trafilatura', 'pypdf', 'ftfy', 'PySide6') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9 owners</title></head><body><article>'
        + "<p>\u201cWe lost everything,\u201d said the caf\u00e9 owner, one of 40 on the street that flooded.</p>" * 3
        + "</article></body></html>"
    )
    (tmp_path / "w.html").write_bytes(page.encode("cp1252"))
    a = read(tmp_path, "w.html")
    assert a.title == "Caf\u00e9 owners"
    assert "\u201cWe lost everything,\u201d said the caf\u00e9 owner" in a.text


def test_byline_is_furniture(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Dam bursts in the valley\n\nBy Jane Doe and John Roe\n\n" + BODY, encoding="utf-8")
    a = read(tmp_path, "b.txt")
    assert [(b.reason, a.text[b.start : b.end]) for b in a.boilerplate] == [("byline", "By Jane Doe and John Roe")]
    (tmp_path / "c.txt").write_text("Dam bursts in the valley\n\nBy Monday\n\n" + BODY, encoding="utf-8")
    assert read(tmp_path, "c.txt").boilerplate == []


def test_news_about_contributions_is_not_an_appeal(tmp_path: Path) -> None:
    text = (
        "Allies pledge aid\n\n"
        "Germany will contribute 500 million euros to the fund, and we expect others to follow, the minister said.\n\n"
        "Subscribers to the scheme pay a monthly contribution, officials told reporters.\n"
    )
    (tmp_path / "n.txt").write_text(text, encoding="utf-8")
    a = read(tmp_path, "n.txt")
    assert a.boilerplate == []
    assert len(a.passages) == 3


def test_html_json_ld_metadata(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "ignored"},
            {"@type": "NewsArticle", "headline": "Ferry sinks off Kessport", "datePublished": "2026-02-03T10:00:00Z",
             "publisher": {"@type": "Organization", "name": "Harbour News"}, "author": [{"name": "A. Writer"}]},
        ],
    }
    page = (
        '<html><head><script type="application/ld+json">{broken</script>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
        + "<p>Forty passengers were rescued from the ferry on Tuesday, the coast guard said in a statement.</p>" * 3
        + "</article></body></html>"
    )
    (tmp_path / "ld.html").write_text(page, encoding="utf-8")
    a = read(tmp_path, "ld.html")
    assert (a.title, a.outlet, a.date, a.author) == ("Ferry sinks off Kessport", "Harbour News", dt.date(2026, 2, 3), "A. Writer")
    assert "@graph" not in a.text
