"""desk's own small query tree: what a parsed query says, with no index library in it.

A backend's parser builds it (:func:`desk.index.whoosh.query.to_tree` from
Whoosh's parse); backend-neutral code evaluates it (the ``claimant:`` clauses,
:mod:`desk.index.claimants`), and a server backend would translate it into its
own query language.  Plain frozen dataclasses: comparable, hashable, printable.
"""

from __future__ import annotations

from dataclasses import dataclass


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
class Every:
    """Every document (``*``)."""


@dataclass(frozen=True, slots=True)
class Nothing:
    """No document."""


Node = Term | Phrase | Prefix | Wildcard | Fuzzy | Range | And | Or | Not | AndNot | Every | Nothing


def leaves(node: Node) -> list[Node]:
    """The leaf clauses of ``node``, left to right."""
    if isinstance(node, And | Or):
        return [leaf for item in node.items for leaf in leaves(item)]
    if isinstance(node, Not):
        return leaves(node.item)
    if isinstance(node, AndNot):
        return leaves(node.positive) + leaves(node.negative)
    return [node]


def fields(node: Node) -> set[str]:
    """The fields ``node`` names (``Every`` and ``Nothing`` name none)."""
    return {leaf.field for leaf in leaves(node) if hasattr(leaf, "field")}
