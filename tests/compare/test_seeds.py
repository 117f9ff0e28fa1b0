"""Compare and collate on the five real seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.compare import collate_articles, compare_query
from desk.model import Article, Comparison, Extraction, PassageRef, Row

from .helpers import FakeLibrary, extract, load_article


@pytest.fixture(scope="module")
def seed_articles() -> tuple[list[Article], list[Extraction]]:
    folder = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/corpus/seeds is not here")
    articles = [load_article(p) for p in sorted(folder.glob("*.txt"))]
    return articles, [extract(a) for a in articles]


def refs_of(row: Row) -> list[PassageRef]:
    return [p for cell in row.cells.values() for p in cell]


def row_with(comparison: Comparison, file_prefix: str, text: str) -> Row:
    for row in comparison.rows:
        for p in refs_of(row):
            if p.relpath.startswith(file_prefix) and text in p.text:
                return row
    raise AssertionError(f"no row holds {file_prefix} / {text!r}")


def check_soldiers_killed(comparison: Comparison) -> None:
    row = row_with(comparison, "000", "14,000")
    assert row_with(comparison, "001", "more than 14,400") is row
    assert row_with(comparison, "004", "5,710") is row
    assert row.disagreement
    values = {s.figure.value for s in row.statements}
    assert {14000, 14400, 5710} <= values
    # the clash is stated in words and its figures are marked
    assert any("14,000" in d and "14,400" in d for d in row.differences)
    assert row.clashing
    # passages of other facts stay out: the 1,212 bodies returned are another row
    assert all("1,212" not in p.text for p in refs_of(row))


def test_soldiers_killed_without_an_index(seed_articles: tuple[list[Article], list[Extraction]]) -> None:
    lib = FakeLibrary(*seed_articles)
    check_soldiers_killed(compare_query(lib, "soldiers killed"))


def test_soldiers_killed_through_the_library(seeds: Path, data_dir: Path) -> None:
    from desk.library import Library

    with Library(seeds, data_dir=data_dir) as lib:
        lib.update(extract=True)
        comparison = lib.compare("soldiers killed")
    check_soldiers_killed(comparison)


def test_collate_002_003(seed_articles: tuple[list[Article], list[Extraction]]) -> None:
    articles, exts = seed_articles
    a = next(i for i, x in enumerate(articles) if x.relpath.startswith("002"))
    b = next(i for i, x in enumerate(articles) if x.relpath.startswith("003"))
    c = collate_articles([articles[a], articles[b]], [exts[a], exts[b]])
    assert c.mode == "collate"
    assert len(c.outlets) == 2
    # the 1,212 passages sit side by side
    row = row_with(c, "002", "returned the bodies of 1,212")
    assert row_with(c, "003", "returned the bodies of 1,212") is row
    assert row.kind == "match"
    assert len(row.outlets) == 2
    # the 6,000 passages are aligned, and not flagged: one figure from two names of one side
    six = row_with(c, "002", "6,000")
    assert row_with(c, "003", "6,000") is six
    assert six.kind in ("match", "moved")
    assert not six.disagreement
    assert not six.clashing
    assert six.word_diffs  # the wording around the figure differs
    # reading order of the spine article is kept, every passage appears once
    spine = [p.number for r in c.rows for p in r.cells.get(c.outlets[0], [])]
    assert spine == sorted(spine)
    seen = [p.key for r in c.rows for p in refs_of(r)]
    assert len(seen) == len(set(seen))
    total = sum(len(x.passages) for x in (articles[a], articles[b]))
    assert len(seen) == total
    assert any(r.kind == "only" for r in c.rows)


def test_exports_of_real_comparisons_cite_every_passage(
    seed_articles: tuple[list[Article], list[Extraction]], tmp_path: Path
) -> None:
    from markdown_it import MarkdownIt

    from desk.export import render_markdown, write_markdown

    articles, exts = seed_articles
    lib = FakeLibrary(articles, exts)
    compared = compare_query(lib, "soldiers killed")
    a = next(i for i, x in enumerate(articles) if x.relpath.startswith("002"))
    b = next(i for i, x in enumerate(articles) if x.relpath.startswith("003"))
    collated = collate_articles([articles[a], articles[b]], [exts[a], exts[b]])
    for comparison in (compared, collated):
        md = render_markdown(comparison)
        tokens = MarkdownIt("commonmark").enable("table").parse(md)
        types = [t.type for t in tokens]
        refs = [p for r in comparison.rows for p in refs_of(r)]
        assert types.count("blockquote_open") == len(refs)
        assert types.count("heading_open") == 1 + len(comparison.rows)
        assert types.count("table_open") == sum(1 for r in comparison.rows if r.statements)
        assert "html_block" not in types
        assert all(ch.type != "html_inline" for t in tokens for ch in t.children or [])
        plain = md.replace("\\", "")
        for p in refs:
            assert f"{p.relpath}, passage {p.number + 1}, characters {p.start}–{p.end}" in plain
        out = write_markdown(comparison, tmp_path / f"{comparison.mode}.md")
        assert out.read_text(encoding="utf-8") == md
