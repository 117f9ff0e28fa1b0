"""The Whoosh schema of a desk index: one document per passage.

Article-level data (metadata, full text, extraction results) lives in the
library's SQLite store (:mod:`desk.index.store`); Whoosh holds what is searched
and what a hit needs to be shown without another lookup.
"""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import IDAnalyzer, StandardAnalyzer, StemmingAnalyzer

#: bump when the schema or the store layout changes: older indexes are rebuilt
FORMAT_VERSION = 4

#: the fields a user may name in a query, and the schema field each one maps to
QUERY_FIELDS = {
    "text": "body",
    "body": "body",
    "title": "title",
    "outlet": "outlet_key",
    "claimant": "claimant",
    "date": "date",
    "figure": "figure",
}


def make_schema() -> fields.Schema:
    return fields.Schema(
        # article id: deletes, collapse, grouping hits by article
        aid=fields.ID(stored=True, sortable=True),
        number=fields.STORED(),
        # the passage number again, as a column: (aid, number) -> document number for
        # the claimant: filter without reading stored fields
        pnum=fields.COLUMN(columns.NumericColumn("I")),
        start=fields.STORED(),
        end=fields.STORED(),
        # the passage text; chars=True keeps character offsets for Pinpoint highlighting
        body=fields.TEXT(analyzer=StemmingAnalyzer(), phrase=True, chars=True, stored=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer(), phrase=True),
        # the outlet as written (facets) and lower-cased (the outlet: filter)
        outlet=fields.ID(stored=True, sortable=True),
        outlet_key=fields.ID(analyzer=IDAnalyzer(lowercase=True)),
        date=fields.DATETIME(sortable=True),
        # signed on purpose: NumericRange(None, x) on an unsigned field matches everything in 2.7.4
        figure=fields.NUMERIC(float, signed=True),
        # never filled: claimants live in the store (pass 2 writes no Whoosh documents);
        # the field is here so that the parser reads claimant: clauses, which
        # desk.index.claimants evaluates against the store
        claimant=fields.TEXT(analyzer=StandardAnalyzer(stoplist=None), phrase=True),
    )
