"""Ingest on the five real seed articles in ../shared/corpus/seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.corpus import UNKNOWN_OUTLET, FolderContext, read_article, scan
from desk.model import Article


@pytest.fixture
def articles(seeds: Path) -> dict[str, Article]:
    ctx = FolderContext.load(seeds)
    out = {}
    for p in scan(seeds):
        assert isinstance(p, Path)
        a = read_article(p, seeds, ctx)
        out[a.relpath[:3]] = a
    assert len(out) == 5
    return out


def reasons(a: Article) -> dict[str, list[str]]:
    got: dict[str, list[str]] = {}
    for b in a.boilerplate:
        got.setdefault(b.reason, []).append(a.text[b.start : b.end])
    return got


def passage_texts(a: Article) -> list[str]:
    return [a.passage_text(p) for p in a.passages]


def in_passages(a: Article, needle: str) -> bool:
    return any(needle in t for t in passage_texts(a))


def test_outlets_where_the_text_names_them(articles: dict[str, Article]) -> None:
    assert articles["001"].outlet == "The Independent"
    assert articles["003"].outlet == "The Moscow Times"
    assert articles["002"].outlet == "Live Mint"
    assert articles["002"].provenance["outlet"] == "wire credit (MENAFN)"
    # "reports BBC" and "The BBC cannot independently verify" cite the BBC; they do not sign the article
    assert articles["004"].outlet == UNKNOWN_OUTLET
    assert articles["000"].outlet == UNKNOWN_OUTLET


def test_mojibake_repaired(articles: dict[str, Article]) -> None:
    a = articles["004"]
    assert "Russia’s invasion" in a.text
    assert "‚Äô" not in a.text
    assert any("mojibake" in n for n in a.notes)
    # the same line's genuine curly quotes survive
    assert "“reasonable basis”" in a.text


def test_titles_and_repeated_title(articles: dict[str, Article]) -> None:
    assert articles["000"].title == "14,000 Russian soldiers killed in Ukraine war: President Zelensky"
    assert articles["001"].title.startswith("Hours after Putin rally in Moscow")  # "Advertisement" is skipped
    assert articles["002"].title.startswith("Russia Returns Bodies Of 1,212 Soldiers")  # the date line is skipped
    assert articles["004"].title == "Over 5,700 Russian troops killed, Ukraine claims"  # not the breadcrumb
    for key in ("000", "003"):
        a = articles[key]
        copies = reasons(a)["repeated title"]
        assert copies == [a.title]
        # the first copy is text (a headline figure counts once), the second is not
        assert passage_texts(a)[0] == a.title
        assert sum(t == a.title for t in passage_texts(a)) == 1


def test_also_read_lines_marked(articles: dict[str, Article]) -> None:
    a = articles["000"]
    also = reasons(a)["also-read link"]
    assert "Also Read:" in also
    assert "PTI workers protest outside house of MNA Ramesh Kumar in Karachi" in also
    assert not in_passages(a, "Qureshi")
    assert in_passages(a, "In a video message, he appealed")  # the prose after the list is not swallowed
    b = articles["002"]
    assert len(reasons(b)["also-read link"]) == 4
    assert not in_passages(b, "Also Read")


def test_legal_disclaimer_wire_id_and_search(articles: dict[str, Article]) -> None:
    a = articles["002"]
    r = reasons(a)
    assert "Legal Disclaimer:" in r["legal disclaimer"]
    assert any(t.startswith("MENAFN provides the information") for t in r["legal disclaimer"])
    assert r["wire id"] == ["MENAFN11062025007365015876ID1109660795"]
    assert "Search" in r["navigation"]
    assert not in_passages(a, "MENAFN")
    assert passage_texts(a)[1].startswith("Ukraine announced on Wednesday")  # the wire credit is cut off


def test_donation_appeal_and_comment_form(articles: dict[str, Article]) -> None:
    a = articles["003"]
    r = reasons(a)
    appeal = " ".join(r["donation appeal"])
    assert "Dear readers," in appeal
    assert "please support us monthly" in appeal
    assert "We, the journalists of The Moscow Times" in appeal
    assert r["comment form"][0] == "Schreibe einen Kommentar"
    assert r["comment form"][1].startswith("Deine E-Mail-Adresse")
    for nav in ("Continue", "Not ready to support today?", "Remind me later.", "Source link"):
        assert nav in r["navigation"]
    # the news ends where the appeal begins
    assert passage_texts(a)[-1].startswith("Russia has not updated its official military death toll")


def test_outlet_promotion_and_click_here(articles: dict[str, Article]) -> None:
    a = articles["001"]
    r = reasons(a)
    assert r["advertisement"] == ["Advertisement"]
    assert any("click here" in t for t in r["click here"])
    assert any(t.startswith("The Independent has a proud history") for t in r["outlet self-promotion"])
    assert passage_texts(a)[-1].startswith("“It’s time to meet, time to speak.")


def test_dates_and_contradiction_note(articles: dict[str, Article]) -> None:
    a = articles["002"]
    # the wire id (11 June 2025) beats the page's date line (2 January 2024), and says so
    assert str(a.date) == "2025-06-11"
    assert a.provenance["date"] == "wire id"
    assert any("2024-01-02" in n and "dateline" in n and "2025-06-11" in n for n in a.notes)
    assert articles["001"].date is None


def test_offsets_and_ids(articles: dict[str, Article], seeds: Path) -> None:
    for a in articles.values():
        assert a.text == (seeds / a.relpath).read_text(encoding="utf-8").strip("\n").replace("Russia‚Äôs", "Russia’s")
        last = 0
        for i, p in enumerate(a.passages):
            assert p.number == i
            assert last <= p.start < p.end <= len(a.text)
            assert a.text[p.start : p.end] == a.text[p.start : p.end].strip()
            last = p.end
            for b in a.boilerplate:
                assert p.end <= b.start or b.end <= p.start, "a passage overlaps boilerplate"
        assert len(a.id) == 16
        assert a.sha1
        assert a.size > 0
        assert a.mtime > 0
    assert len({a.id for a in articles.values()}) == 5
