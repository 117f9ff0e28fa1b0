"""All of ../shared/corpus/ukraine-media: every article reads, with the metadata of its front matter."""

from __future__ import annotations

import datetime as dt
import re
import statistics
from pathlib import Path

from desk.corpus import FolderContext, read_article, scan

_FIELD = re.compile(r'^(title|site|published|source): "(.*)"$', re.MULTILINE)


def test_every_article_reads_with_its_front_matter(ukraine: Path) -> None:
    ctx = FolderContext.load(ukraine)
    found = list(scan(ukraine))
    assert len(found) == 6799
    words: list[int] = []
    sentences_cut = 0
    for p in found:
        assert isinstance(p, Path), p
        a = read_article(p, ukraine, ctx)
        raw = p.read_text(encoding="utf-8")
        fm = {k: v.replace('\\"', '"') for k, v in _FIELD.findall(raw[:3000])}
        assert a.outlet == fm["site"], a.relpath
        assert a.provenance["outlet"] == "front matter"
        assert a.date == dt.date.fromisoformat(fm["published"])
        assert a.url == fm["source"]
        assert a.title
        assert not a.text.startswith("---")
        assert "\nsite:" not in a.text[:300]
        assert a.passages, a.relpath
        for q in a.passages:
            chunk = a.passage_text(q)
            words.append(len(chunk.split()))
            # windows end at the end of a sentence (bodies here have no paragraph breaks)
            sentences_cut += not chunk.endswith((".", "?", "!", "”", '"', "’", "'", ")", "…", ":"))
    assert 50 <= statistics.median(words) <= 110
    assert sentences_cut < 0.05 * len(words)
