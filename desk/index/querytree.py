"""desk's own small query tree: what a parsed query says, with no index library in it.

A backend's parser builds it (:func:`desk.index.whoosh.query.to_tree` from
Whoosh's parse); backend-neutral code evaluates it (the ``claimant:`` clauses,
:mod:`desk.index.claimants`), and a server backend would translate it into its
own query language.  Plain frozen dataclasses: comparable, hashable, printable.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field

from desk.errors import QueryError


@dataclass(frozen=True, slots=True)
class Term:
    field: str
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    field: str
    words: tuple[str, ...]
    #: how far apart (in words) consecutive words may be; 1: adjacent
    slop: int = 1


@dataclass(frozen=True, slots=True)
class Prefix:
    field: str
    text: str


@dataclass(frozen=True, slots=True)
class Wildcard:
    """``zel*sky``: ``*`` any run of characters, ``?`` one character."""

    field: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Fuzzy:
    field: str
    text: str
    #: at most this many edits
    maxdist: int = 1
    #: the first this many characters must match exactly
    prefix: int = 1
    #: the word as the user typed it ("killed"; ``text`` is its stem, "kill"), for the sentences that name
    #: the term; not part of what the term means
    typed: str = _field(default="", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Range:
    """``date:[A TO B]``, ``figure:>N``: ``None`` is an open end."""

    field: str
    low: object
    high: object
    include_low: bool = True
    include_high: bool = True


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class AndNot:
    """``a ANDNOT b``: what matches ``a`` but not ``b``."""

    positive: Node
    negative: Node


@dataclass(frozen=True, slots=True)
class AndMaybe:
    """``a ANDMAYBE b``: what matches ``a``; ``b`` only adds to the scores of those that match it too."""

    required: Node
    optional: Node


@dataclass(frozen=True, slots=True)
class Boost:
    """``word^2``: ``item`` with its score multiplied by ``factor``."""

    item: Node
    factor: float


@dataclass(frozen=True, slots=True)
class Every:
    """Every document (``*``); with a ``field`` (``title:*``), every document that has one."""

    field: str = ""


@dataclass(frozen=True, slots=True)
class Nothing:
    """No document."""


Node = Term | Phrase | Prefix | Wildcard | Fuzzy | Range | And | Or | Not | AndNot | AndMaybe | Boost | Every | Nothing


def leaves(node: Node) -> list[Node]:
    """The leaf clauses of ``node``, left to right."""
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in leaves(item)]
    if isinstance(node, Not | Boost):
        return leaves(node.item)
    if isinstance(node, AndNot):
        return leaves(node.positive) + leaves(node.negative)
    if isinstance(node, AndMaybe):
        return leaves(node.required) + leaves(node.optional)
    return [node]


def fields(node: Node) -> set[str]:
    """The fields ``node`` names (``Nothing`` and a field-less ``Every`` name none)."""
    return {f for leaf in leaves(node) if (f := getattr(leaf, "field", ""))}


#: the field whose clauses are answered from the library store, not by the backend's documents
CLAIMANT = "claimant"


def wanted_ranges(node: Node, field: str) -> list[Range]:
    """The ``field`` ranges (``figure:>1000``) ``node`` asks for: those not under a NOT (nor the negative
    side of an ANDNOT)."""
    if isinstance(node, Range):
        return [node] if node.field == field else []
    if isinstance(node, And | Or):
        return [r for item in node.items for r in wanted_ranges(item, field)]
    if isinstance(node, Boost):
        return wanted_ranges(node.item, field)
    if isinstance(node, AndNot):
        return wanted_ranges(node.positive, field)
    if isinstance(node, AndMaybe):
        return wanted_ranges(node.required, field) + wanted_ranges(node.optional, field)
    return []


def in_range(r: Range, value: float) -> bool:
    """Whether ``value`` lies in range ``r`` (its open ends unbounded)."""
    low, high = r.low, r.high
    if isinstance(low, int | float) and (value < low or (value == low and not r.include_low)):
        return False
    return not (isinstance(high, int | float) and (value > high or (value == high and not r.include_high)))


def is_claimant_only(node: Node) -> bool:
    """True when every leaf of ``node`` is a ``claimant:`` clause."""
    found = leaves(node)
    return bool(found) and all(getattr(leaf, "field", "") == CLAIMANT for leaf in found)


def mentions_claimant(node: Node) -> bool:
    return any(getattr(leaf, "field", "") == CLAIMANT for leaf in leaves(node))


def split_claimants(node: Node) -> tuple[Node | None, list[Node], list[Node]]:
    """``(rest, required, excluded)``: the claimant-only parts of a query's top level.

    ``required`` clauses must match (filters), ``excluded`` ones must not
    (masks); ``rest`` is what the backend searches in its documents (None when
    nothing is left).  A claimant clause nested inside an OR or NOT that mixes
    it with other words cannot be a filter and gets a sentence.
    """
    if not mentions_claimant(node):
        return node, [], []
    if isinstance(node, Not) and is_claimant_only(node.item):
        return None, [], [node.item]  # every passage but those, as in "killed NOT claimant:x"
    if is_claimant_only(node):
        return None, [node], []
    if isinstance(node, And):
        rest: list[Node] = []
        required: list[Node] = []
        excluded: list[Node] = []
        for c in node.items:
            if isinstance(c, Not) and is_claimant_only(c.item):
                excluded.append(c.item)
            elif is_claimant_only(c):
                required.append(c)
            elif mentions_claimant(c):
                break
            else:
                rest.append(c)
        else:
            if not rest:
                return None, required, excluded
            return (rest[0] if len(rest) == 1 else And(tuple(rest))), required, excluded
    if isinstance(node, AndNot) and is_claimant_only(node.negative) and not mentions_claimant(node.positive):
        return node.positive, [], [node.negative]
    raise QueryError(
        "desk can combine claimant: with other words only at the top level of a query "
        "(killed claimant:zelensky, killed NOT claimant:putin), not inside an OR group."
    )


def positive_leaves(node: Node) -> list[Node]:
    """The leaf clauses a match must or may satisfy, left to right: :func:`leaves` without those under a
    ``NOT`` or on the negative side of ``ANDNOT`` (a hit never matches those, so nothing of them is shown)."""
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in positive_leaves(item)]
    if isinstance(node, Not):
        return []
    if isinstance(node, Boost):
        return positive_leaves(node.item)
    if isinstance(node, AndNot):
        return positive_leaves(node.positive)
    if isinstance(node, AndMaybe):
        return positive_leaves(node.required) + positive_leaves(node.optional)
    return [node]
