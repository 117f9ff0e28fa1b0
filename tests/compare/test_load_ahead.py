"""A long-lived process reads a folder's articles ahead while it waits (Library.load_ahead): newest
first, a few a step, kept in the caches a comparison reads, and the comparisons stay the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.compare import retrieve
from desk.export.json import to_plain
from desk.library import Library

# (file, outlet, date, text): three outlets on two facts, written for this test
ARTICLES = [
    ("old.md", "Lake Daily", "2021-03-02",
     "The ferry company said on Monday that 412 passengers crossed the lake in March. "
     "Harbour officials praised the crew.\n\nThe council met later in the week to discuss the harbour."),
    ("mid.md", "North Post", "2021-03-04",
     "Harbour officials said 412 passengers crossed the lake on the ferry in March. "
     "The storm season begins soon.\n\nFarmers sold barley at the market, the guild said."),
    ("new.md", "Valley Wire", "2021-03-09",
     "A ferry carried 412 passengers across the lake in March, the company reported. "
     "The crew was praised by harbour officials.\n\nThe mayor said the library would reopen in May."),
    ("undated.md", "Hill Times", "",
     "Teachers at the village school asked for new books after the library closed for repairs."),
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, outlet, date, body in ARTICLES:
        published = f'published: "{date}"\n' if date else ""
        (folder / name).write_text(f'---\ntitle: "{name}"\nsite: "{outlet}"\n{published}---\n\n{body}\n',
                                   encoding="utf-8")
    return folder


@pytest.fixture
def lib(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Library(_folder(tmp_path), data_dir=tmp_path / "data") as library:
        library.update(extract=True)
        yield library


def _ids_by_file(library: Library) -> dict[str, str]:
    return {Path(a.relpath).name: a.id for a in library.articles()}


def test_it_reads_the_newest_articles_first_a_step_at_a_time(lib: Library) -> None:
    ids = _ids_by_file(lib)
    retrieve.clear_cache()
    lib._article_cache.clear()
    assert lib.load_ahead(count=1) is True  # the first step only lists the articles
    assert not lib._article_cache
    steps = []
    while True:
        more = lib.load_ahead(count=1)
        steps.append(list(lib._article_cache))
        if not more:
            break
    names = {v: k for k, v in ids.items()}
    # one more article a step, the newest first, the undated one last
    assert [names[s[-1]] for s in steps] == ["new.md", "mid.md", "old.md", "undated.md"]
    assert lib.load_ahead() is False  # nothing left till the store changes


def test_what_it_read_is_what_a_comparison_reads(lib: Library) -> None:
    retrieve.clear_cache()
    lib._extractions.cache_clear()
    while lib.load_ahead():
        pass
    assert lib._extractions.cache_info().currsize == len(ARTICLES)
    # every passage of every article split and kept (the sentences a comparison would split)
    for meta in lib.articles():
        article = lib.article(meta.id)
        for p in article.passages:
            key = (article.id, hash((article.text, *((b.start, b.end) for b in article.boilerplate))), p.start, p.end)
            assert key in retrieve._SENTENCES
    # ... and the extractions, names through the alias book, kept for it
    assert set(lib._aliased) <= set(_ids_by_file(lib).values())


def test_a_comparison_is_the_same_after_reading_ahead(tmp_path: Path) -> None:
    from desk.compare import clear_results
    from desk.compare.profile import clear_cache

    folder = _folder(tmp_path)

    def compared(ahead: bool) -> str:
        clear_cache()
        clear_results()
        with Library(folder, data_dir=tmp_path / "data") as library:
            library.update(extract=True)
            if ahead:
                while library.load_ahead(count=1):
                    pass
            plain = to_plain(library.compare("ferry passengers"))
        plain.pop("created", None)
        return json.dumps(plain, sort_keys=True, default=str)

    cold = compared(False)
    assert json.loads(cold)["rows"]  # the comparison found something to compare
    assert compared(True) == cold


def test_a_change_to_the_store_starts_the_list_again(lib: Library, tmp_path: Path) -> None:
    while lib.load_ahead():
        pass
    assert lib.load_ahead() is False
    (tmp_path / "articles" / "newest.md").write_text(
        '---\ntitle: "newest"\nsite: "North Post"\npublished: "2021-04-01"\n---\n\n'
        "The harbour reopened after the storm, officials said on Friday.\n", encoding="utf-8")
    lib.update(extract=True)
    assert lib.load_ahead(count=1) is True  # listed again
    lib.load_ahead(count=1)
    newest = _ids_by_file(lib)["newest.md"]
    assert newest in lib._article_cache


def test_it_reads_no_more_passages_than_the_sentence_memory_spares(lib: Library,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    counts = dict(lib.store.newest_first())
    newest = lib.store.newest_first()[0][0]
    # room for the newest article's passages only
    monkeypatch.setattr(retrieve, "AHEAD_SHARE", counts[newest] / retrieve._SENTENCES_SIZE)
    lib._ahead = None
    lib._article_cache.clear()
    lib.load_ahead(count=10)
    assert lib.load_ahead(count=10) is False
    assert list(lib._article_cache) == [newest]


def test_a_refresh_that_finds_the_store_unchanged_keeps_what_was_read_ahead(lib: Library, tmp_path: Path) -> None:
    assert lib.refresh() is True  # (the fixture's indexing, since the opening)
    while lib.load_ahead():
        pass
    assert lib._extractions.cache_info().currsize == len(ARTICLES)
    # nothing committed since the opening (an indexed folder opened again, re-indexed with no change)
    assert lib.refresh() is False
    assert lib._extractions.cache_info().currsize == len(ARTICLES)
    # another process commits: what was read is dropped
    (tmp_path / "articles" / "later.md").write_text(
        '---\ntitle: "later"\nsite: "Lake Daily"\npublished: "2021-05-11"\n---\n\n'
        "The orchard cooperative hired nine pickers for the plum harvest, its chairman said.\n", encoding="utf-8")
    with Library(tmp_path / "articles", data_dir=tmp_path / "data") as other:
        other.update(extract=True)
    assert lib.refresh() is True
    assert lib._extractions.cache_info().currsize == 0
    assert lib.refresh() is False  # ... and seen once


def test_it_reads_the_features_an_earlier_process_stored_of_the_sentences_it_splits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desk.compare as compare
    from desk.compare import clear_results, profile, statements

    folder = _folder(tmp_path)

    def plain(comparison: object) -> str:
        out = to_plain(comparison)
        out.pop("created", None)
        return json.dumps(out, sort_keys=True, default=str)

    profile.clear_cache()
    clear_results()
    with Library(folder, data_dir=tmp_path / "data") as library:
        library.update(extract=True)
        first = plain(library.compare("ferry passengers"))
    # (closing wrote the features file) a new process: nothing of those sentences in memory
    profile.clear_cache()
    statements.clear_parts()
    retrieve.clear_cache()
    clear_results()
    fresh: list[list[object]] = []
    real = compare.prefetch

    def prefetch(refs, features):  # type: ignore[no-untyped-def]
        found = real(refs, features)
        fresh.append(list(found))
        return found

    monkeypatch.setattr(compare, "prefetch", prefetch)
    with Library(folder, data_dir=tmp_path / "data") as library:
        while library.load_ahead(count=1):
            pass
        again = plain(library.compare("ferry passengers"))
    assert json.loads(first)["rows"]
    assert again == first
    # every sentence the comparison met was read ahead, features included: none new to the process
    assert fresh == [[]]
