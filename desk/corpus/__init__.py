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

from typing import TYPE_CHECKING

from desk.lazy import lazy_names

# the change check of every read command needs these two (and ``scan`` must be bound here before
# anything imports the submodule of that name, which would hide the function behind the module)
from .context import FolderContext
from .scan import SUFFIXES, scan, scan_stat

#: an article whose outlet desk could not find (defined here, not in :mod:`.reader`, so that a module
#: that only needs the name loads no reader)
UNKNOWN_OUTLET = "Unknown outlet"

if TYPE_CHECKING:
    from .boilerplate import repeated_keys
    from .decode import Unreadable
    from .outlets import OUTLETS, outlet_from_url
    from .passages import cut_passages, sentence_spans
    from .reader import (
        FIELD_PROBLEM_MARKERS,
        apply_repeated,
        article_id,
        field_problems,
        line_keys,
        read_article,
        read_named_file,
    )

#: the other public names -> their module, imported when a name is first asked for: reading and
#: cutting articles is the indexer's work, and a read command of an unchanged folder never does it
_HOME = {
    "repeated_keys": "boilerplate",
    "Unreadable": "decode",
    "OUTLETS": "outlets",
    "outlet_from_url": "outlets",
    "cut_passages": "passages",
    "sentence_spans": "passages",
    "FIELD_PROBLEM_MARKERS": "reader",
    "apply_repeated": "reader",
    "article_id": "reader",
    "field_problems": "reader",
    "line_keys": "reader",
    "read_article": "reader",
    "read_named_file": "reader",
}


__getattr__, __dir__ = lazy_names(__name__, _HOME, globals())


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
    "read_named_file",
    "repeated_keys",
    "scan",
    "scan_stat",
    "sentence_spans",
]
