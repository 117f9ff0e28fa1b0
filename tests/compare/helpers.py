"""Reading real articles for compare tests, through the ingest and extraction code when present."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from desk.model import Article, Claim, Extraction, Passage


def load_article(path: Path) -> Article:
    """The article as desk reads it (desk.corpus), or a plain paragraph split without it."""
    try:
        from desk.corpus import FolderContext, read_article  # type: ignore[attr-defined]
    except ImportError:
        return _plain_article(path)
    folder = path.parent
    return read_article(path, folder, FolderContext.load(folder))  # type: ignore[no-any-return]


def _plain_article(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    passages = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        passages.append(Passage(len(passages), m.start(), m.end()))
    outlet = path.stem.split("_")[0]
    return Article(
        id=hashlib.sha1(path.name.encode()).hexdigest()[:16],
        path=str(path),
        relpath=path.name,
        title=text.strip().splitlines()[0] if text.strip() else path.name,
        outlet=f"outlet-{outlet}",
        date=None,
        text=text,
        passages=passages,
    )


def extract(article: Article) -> Extraction:
    try:
        from desk.extract import extract_article  # type: ignore[attr-defined]
    except ImportError:
        from desk.extract.figures import find_figures

        return Extraction(claims=[Claim(f) for f in find_figures(article.text)])
    return extract_article(article)  # type: ignore[no-any-return]
