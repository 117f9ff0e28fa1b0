"""Finding the ``claimant:`` clauses of a parsed Whoosh query (they are answered from the store,
by :class:`desk.index.claimants.ClaimantIndex`, as sets of passage keys).

``split_query`` separates them from the words Whoosh scores; a claimant clause
nested in an OR with other words cannot be a filter and gets a sentence.
"""

from __future__ import annotations

from whoosh import query as wq

from desk.errors import QueryError

FIELD = "claimant"


def is_claimant_only(q: wq.Query) -> bool:
    """True when every leaf of ``q`` is a ``claimant:`` clause."""
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return bool(leaves) and all(leaf.field() == FIELD for leaf in leaves)


def mentions_claimant(q: wq.Query) -> bool:
    leaves = [q] if q.is_leaf() else list(q.leaves())
    return any(leaf.field() == FIELD for leaf in leaves)


def split_query(q: wq.Query) -> tuple[wq.Query | None, list[wq.Query], list[wq.Query]]:
    """``(rest, required, excluded)``: the claimant-only parts of a query's top level.

    ``required`` clauses must match (filters), ``excluded`` ones must not
    (masks); ``rest`` is what Whoosh searches (None when nothing is left).  A
    claimant clause nested inside an OR or NOT that mixes it with other words
    cannot be a filter and gets a sentence.
    """
    if not mentions_claimant(q):
        return q, [], []
    if isinstance(q, wq.Not) and is_claimant_only(q.query):
        return None, [], [q.query]  # every passage but those, as in "killed NOT claimant:x"
    if is_claimant_only(q):
        return None, [q], []
    if isinstance(q, wq.And):
        rest: list[wq.Query] = []
        required: list[wq.Query] = []
        excluded: list[wq.Query] = []
        for c in q.subqueries:
            if isinstance(c, wq.Not) and is_claimant_only(c.query):
                excluded.append(c.query)
            elif is_claimant_only(c):
                required.append(c)
            elif mentions_claimant(c):
                break
            else:
                rest.append(c)
        else:
            if not rest:
                return None, required, excluded
            return (rest[0] if len(rest) == 1 else wq.And(rest)), required, excluded
    if isinstance(q, wq.AndNot) and is_claimant_only(q.b) and not mentions_claimant(q.a):
        return q.a, [], [q.b]
    raise QueryError(
        "desk can combine claimant: with other words only at the top level of a query "
        "(killed claimant:zelensky, killed NOT claimant:putin), not inside an OR group."
    )
