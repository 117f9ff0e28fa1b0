"""Checks that a library's index and store agree: searches can only return whole articles."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from desk.library import Library

#: article relpath -> its passages as (number, start, end), and the sha1 of the file read
Snapshot = dict[str, tuple[tuple[tuple[int, int, int], ...], str]]


def whoosh_docs(lib: Library) -> dict[str, set[tuple[int, int, int, str]]]:
    out: dict[str, set[tuple[int, int, int, str]]] = defaultdict(set)
    with lib.backend.ix.searcher() as s:
        for doc in s.all_stored_fields():
            out[doc["aid"]].add((doc["number"], doc["start"], doc["end"], doc["body"]))
    return out


def check_whole(lib: Library, query: str = "Ukraine", *, full: bool = True) -> int:
    """Searches return only whole, current articles; returns the number of hits seen.

    * every article the store calls indexed and the index holds is there whole:
      all its passages, each with the stored text;
    * every search hit is a passage of the stored text, and its article's
      passages are all in the index.

    ``full=False`` checks the search hits only (quicker on a large library).

    An article whose update was under way (store row written, ``indexed=0``) may
    still have its old passages in the index; searches must not show them.
    """
    docs = whoosh_docs(lib)
    indexed = set(lib.store.aids("indexed=1")) if full else set()
    for aid, passages in docs.items():
        article = lib.store.article(aid)
        if article is None or aid not in indexed:
            continue
        want = {(p.number, p.start, p.end, article.text[p.start : p.end]) for p in article.passages}
        assert passages == want, (
            f"{article.relpath}: the index holds {len(passages)} passages, the store {len(want)}; "
            "a search could return part of an article"
        )
    result = lib.search(query, limit=500, per_article=0)
    for hit in result.hits:
        article = lib.article(hit.article_id)
        assert article.text[hit.start : hit.end] == hit.text, f"{article.relpath}: a hit from another version"
        want = {(p.number, p.start, p.end, article.text[p.start : p.end]) for p in article.passages}
        assert docs[hit.article_id] == want, f"{article.relpath}: a hit from an article that is not whole"
    return len(result.hits)


def snapshot(folder: Path, data_dir: Path) -> Snapshot:
    with Library(folder, data_dir=data_dir) as lib:
        check_whole(lib)
        out: Snapshot = {}
        for a in lib.articles():
            full = lib.article(a.id)
            out[a.relpath] = (tuple((p.number, p.start, p.end) for p in full.passages), full.sha1)
        return out


def clean_snapshot(folder: Path, data_dir: Path) -> Snapshot:
    """A fresh build of ``folder`` in ``data_dir``, and its snapshot."""
    with Library(folder, data_dir=data_dir) as lib:
        lib.update(extract=False)
    return snapshot(folder, data_dir)
