"""Ingest: finding article files, decoding them, metadata, boilerplate and passages.

The index calls, per run::

    ctx = FolderContext.load(folder)            # the sidecar manifest, once
    for item in scan(folder, exclude=[data_dir]):
        if isinstance(item, Skipped): ...        # listed with its reason
        try:
            article = read_article(item, folder, ctx)   # picklable: fine in worker processes
        except Unreadable as exc:
            ...                                  # Skipped(str(item), exc.reason)
    common = repeated_keys(line_keys(a) for a in articles)
    articles = [apply_repeated(a, common) for a in articles]

Nothing here imports Qt; trafilatura and pypdf are imported only when an HTML
page or a PDF is met.
"""

from __future__ import annotations

from .boilerplate import repeated_keys
from .context import FolderContext
from .decode import Unreadable
from .outlets import OUTLETS, outlet_from_url
from .passages import cut_passages, sentence_spans
from .reader import (
    FIELD_PROBLEM_MARKERS,
    UNKNOWN_OUTLET,
    apply_repeated,
    article_id,
    field_problems,
    line_keys,
    read_article,
)
from .scan import SUFFIXES, scan, scan_stat

__all__ = [
    "FIELD_PROBLEM_MARKERS",
    "OUTLETS",
    "SUFFIXES",
    "UNKNOWN_OUTLET",
    "FolderContext",
    "Unreadable",
    "apply_repeated",
    "article_id",
    "cut_passages",
    "field_problems",
    "line_keys",
    "outlet_from_url",
    "read_article",
    "repeated_keys",
    "scan",
    "scan_stat",
    "sentence_spans",
]
