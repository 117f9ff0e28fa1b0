"""desk's query language: Whoosh's syntax plus ``date:``/``figure:`` filters.

Whoosh 2.7.4 silently turns a malformed query into *some* query (an unknown
field becomes a word, an unbalanced quote swallows the rest), and its date
parsing does not read ISO dates.  So the query string is checked first and
every problem becomes a :class:`~desk.errors.QueryError` with a sentence; the
``date:`` and ``figure:`` clauses are parsed here (dates with python-dateutil)
into ``DateRange``/``NumericRange`` queries.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import FieldAliasPlugin, FuzzyTermPlugin, QueryParser, syntax
from whoosh.qparser.taggers import RegexTagger

from desk.errors import QueryError
from desk.index import querytree as qt
from desk.index.bounds import parse_date, parse_number
from desk.textsafe import quoted as quote_typed
from desk.textsafe import visible

from .schema import QUERY_FIELDS

_FIELD_RE = re.compile(r"(?<![\w\\*?~])([A-Za-z_][\w]*):(?!//)")
_FILTER_EXPR = (
    r"(?P<field>date|figure):(?P<spec>[\[{][^\]}]*[\]}]|[<>]=?[^\s()\[\]{}]+|[^\s()\[\]{}<>]+)"
)


def _split_range(field: str, spec: str) -> tuple[str | None, str | None, bool, bool]:
    inner = spec[1:-1].strip()
    parts = re.split(r"\s+TO\s+|^TO\s+|\s+TO$|^TO$", inner, flags=re.IGNORECASE)
    if len(parts) != 2:
        raise QueryError(
            f"The range {field}:{spec} needs the form {field}:[LOW TO HIGH] (either end may be left out)."
        )
    low = parts[0].strip() or None
    high = parts[1].strip() or None
    low = None if low == "*" else low
    high = None if high == "*" else high
    if low is None and high is None:
        raise QueryError(f"The range {field}:{spec} has neither a low nor a high end.")
    return low, high, spec[0] == "{", spec[-1] == "}"


def filter_query(field: str, spec: str) -> wq.Query:
    """The query for one ``date:`` or ``figure:`` clause."""
    if spec[0] in "[{":
        if spec[-1] not in "]}":
            raise QueryError(f"The range {field}:{spec} is not closed with ] or }}.")
        low, high, lexcl, hexcl = _split_range(field, spec)
    elif spec[0] in "<>":
        op = spec[:2] if spec[1:2] == "=" else spec[:1]
        value = spec[len(op) :]
        if not value:
            raise QueryError(f"{field}:{visible(spec)} needs a value after {op}.")
        if op.startswith(">"):
            low, high, lexcl, hexcl = value, None, op == ">", False
        else:
            low, high, lexcl, hexcl = None, value, False, op == "<"
    else:
        low, high, lexcl, hexcl = spec, spec, False, False

    if field == "figure":
        lo = parse_number(low) if low is not None else None
        hi = parse_number(high) if high is not None else None
        if lo is not None and hi is not None and lo > hi:
            raise QueryError(f"The range {field}:{spec} runs backwards: {low} is more than {high}.")
        return wq.NumericRange("figure", lo, hi, startexcl=lexcl, endexcl=hexcl)

    dlo = parse_date(low) if low is not None else None
    dhi = parse_date(high, end=True) if high is not None else None
    if lexcl and dlo is not None and low is not None:
        dlo = parse_date(low, end=True)
    if hexcl and dhi is not None and high is not None:
        dhi = parse_date(high)
    if dlo is not None and dhi is not None and dlo > dhi:
        raise QueryError(f"The range {field}:{spec} runs backwards: {low} is after {high}.")
    return wq.DateRange("date", dlo, dhi, startexcl=lexcl, endexcl=hexcl)


class _QueryNode(syntax.SyntaxNode):
    """A syntax node that is already a finished Whoosh query."""

    def __init__(self, q: wq.Query) -> None:
        self.q = q

    def r(self) -> str:
        return repr(self.q)

    def query(self, parser: Any) -> wq.Query:
        return self.q


class _FilterTagger(RegexTagger):
    def create(self, parser: Any, match: re.Match[str]) -> syntax.SyntaxNode:
        return _QueryNode(filter_query(match["field"], match["spec"]))


class _FilterPlugin:
    """Tags ``date:...`` and ``figure:...`` before Whoosh's field and range taggers."""

    def taggers(self, parser: Any) -> list[tuple[Any, int]]:
        return [(_FilterTagger(_FILTER_EXPR), -10)]

    def filters(self, parser: Any) -> list[Any]:
        return []


#: brackets nested deeper than this are refused (Whoosh's parser recurses once per level)
MAX_NESTING = 32
#: characters of the query quoted back in an error message
QUOTE_CHARS = 60
#: a run of characters without a space longer than this is refused: Whoosh's tagger tries its patterns
#: at every character of a word, each scanning to the word's end (a 100,000-letter word: 3 minutes)
MAX_WORD = 1000
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
#: two NOTs in a row: Whoosh's parser fails on them with an IndexError
_NOT_NOT = re.compile(r"(?<!\S)NOT\s+NOT(?!\S)")
#: a minus before a word, as a web search leaves a word out ("grain -russia"): Whoosh drops the minus,
#: so the query asked for the very word (and, words being ANDed, only for passages holding it); after a
#: field's colon too (``title:-x`` searched titles for "x")
_MINUS_WORD = re.compile(r"(?:(?<=[\s(])|(?<=\w:)|^)-+(?=[^\s\d\-.,)])")
#: the field name a minus follows (``title:`` of ``title:-x``), read back from the text before it
_FIELD_BEFORE = re.compile(r"(?<![\w\\*?~])([A-Za-z_]\w*):$")


def quoted(text: str) -> str:
    """The query as an error message quotes it: short, on one line, control characters escaped
    (:func:`desk.textsafe.quoted`)."""
    return quote_typed(text.strip(), QUOTE_CHARS)


def _refuse_long_word(word: str) -> None:
    raise QueryError(
        f"The query has a word of {len(word):,} characters without a space; desk reads words of at most {MAX_WORD:,}."
    )


def check_syntax(text: str) -> None:
    """Raise QueryError for unbalanced quotes or brackets and unknown fields."""
    if not text.strip():
        raise QueryError("The query is empty; type some words to search for.")
    long_word = _LONG_WORD.search(text)
    if long_word and long_word[0].count("(") <= MAX_NESTING:
        _refuse_long_word(long_word[0])
    if text.count('"') % 2:
        raise QueryError('The query has an unbalanced quote ("): close the phrase with a second quote.')
    parens: list[int] = []
    deepest = 0
    in_range = None
    in_quote = False
    outside = []
    words = []  # outside quotes and ranges
    for i, ch in enumerate(text):
        if ch == '"':
            in_quote = not in_quote
            outside.append(" ")
            words.append(" ")
            continue
        if in_quote:
            outside.append(" ")
            words.append(" ")
            continue
        outside.append(ch)
        words.append(ch if in_range is None and ch not in "[{" else " ")
        if ch == "(":
            parens.append(i)
            deepest = max(deepest, len(parens))
        elif ch == ")":
            if not parens:
                raise QueryError(f"The query has a ')' at position {i + 1} with no '(' before it.")
            parens.pop()
        elif ch in "[{":
            if in_range is not None:
                raise QueryError(f"The query opens a range at position {i + 1} inside another range.")
            in_range = i
        elif ch in "]}":
            if in_range is None:
                raise QueryError(f"The query has a '{ch}' at position {i + 1} with no '[' or '{{' before it.")
            in_range = None
    if parens:
        raise QueryError(f"The query has a '(' at position {parens[-1] + 1} that is never closed.")
    if deepest > MAX_NESTING:
        raise QueryError(f"The query nests brackets {deepest} deep; desk reads at most {MAX_NESTING}.")
    if in_range is not None:
        raise QueryError(f"The range starting at position {in_range + 1} is never closed with ']' or '}}'.")
    if long_word:
        # a run of brackets with a word inside ("((((...storm))))"): its nesting was named above, if too deep
        _refuse_long_word(long_word[0])
    bare = "".join(outside)
    if _NOT_NOT.search(bare):
        raise QueryError("The query has NOT twice in a row; write NOT once, before the words to leave out.")
    minus = _MINUS_WORD.search("".join(words))
    if minus:
        word = re.match(r'-+[^\s()"]*', text[minus.start() :])[0]  # type: ignore[index]
        field = _FIELD_BEFORE.search(text[: minus.start()])
        prefix = field[0] if field else ""
        raise QueryError(
            f"desk reads no minus before a word ({quoted(prefix + word)} would search for "
            f"{quoted(prefix + word.lstrip('-'))}): to leave passages with it out, write NOT "
            f"{visible(prefix + word.lstrip('-'))}."
        )
    for m in _FIELD_RE.finditer(bare):
        name = m[1]
        if name not in QUERY_FIELDS:
            known = ", ".join(f"{f}:" for f in sorted(set(QUERY_FIELDS) - {"body"}))
            raise QueryError(f"The query names an unknown field '{name}:'; desk knows {known}.")
        after = text[m.end() :]
        if re.match(r"[<>]?=?(\s|$)", after) and not after.startswith('"'):
            op = re.match(r"[<>]?=?", after)[0]  # type: ignore[index]
            typed = re.match(r"[^ \t\n()\[\]{}\"]+", after[len(op) :])
            if typed and visible(typed[0][0]) != typed[0][0]:
                # a control character Python counts as white space (\x1f, \x85, \u2028) was typed as
                # the value: "needs a value" hid it; the value's own check names it, escaped, as for \x00
                filter_query(name, op + typed[0])
                raise QueryError(
                    f"{quoted(name + ':' + op + typed[0])} holds the control character "
                    f"{visible(typed[0][0])}; type the value without it."
                )
            raise QueryError(f"'{text[m.start():m.end()].strip()}' in the query needs a value after it.")


class _Parser(QueryParser):
    """Wildcards are matched against the index's words without stemming them first.

    Whoosh analyses a wildcard's text like a word: ``gas*`` became the prefix
    ``ga*`` (Porter stems "gas" to "ga"): 244 words from "gabbana" on, and 2 s on
    ukraine-media.  A prefix is now the typed letters, OR the typed word's own
    stem (so ``prisoner*`` still finds "prisoners", indexed as "prison").
    """

    def term_query(  # type: ignore[override]
        self, fieldname: str, text: str, termclass: Any, boost: float = 1.0,
        tokenize: bool = True, removestops: bool = True,
    ) -> wq.Query:
        if termclass in (wq.Prefix, wq.Wildcard) and fieldname in ("body", "title", "claimant"):
            raw = text.lower()
            if termclass is wq.Wildcard and "*" in raw and not raw.strip("*?"):
                # ``**`` or ``?*`` matches every word, as ``*`` does: Whoosh would open one posting list per
                # word of the index (over a minute on a folder with 100,000 different numbers); ``*`` is
                # answered from the list of documents (see _every_passage)
                return wq.Every(fieldname, boost=boost)
            q: wq.Query = termclass(fieldname, raw, boost=boost)
            if termclass is wq.Prefix:
                field = self.schema[fieldname]
                stems = [t for t in field.process_text(raw, mode="query")]
                if len(stems) == 1 and stems[0] != raw:
                    q = wq.Or([q, wq.Term(fieldname, stems[0], boost=boost)])
            return q
        q = super().term_query(fieldname, text, termclass, boost=boost, tokenize=tokenize,
                               removestops=removestops)
        if termclass is wq.FuzzyTerm:
            # the sentences that refuse a fuzzy term name the word typed ("killed~9"), not its stem ("kill~9")
            for leaf in [q] if q.is_leaf() else list(q.leaves()):
                if isinstance(leaf, wq.FuzzyTerm):
                    leaf.typed = text
        return q


def _every_passage(q: wq.Query) -> wq.Query:
    """``*`` (Whoosh's ``Every("body")``) as "every passage": every live document.

    Every passage has a body, so the two match the same documents, but Whoosh
    answers ``Every("body")`` by reading every word of the field and its
    postings (6 s on 1,700 articles), while ``Every()`` lists the live
    documents.  Other fields keep their meaning (``title:*`` is one passage per
    article).
    """
    if isinstance(q, wq.Every) and q.fieldname == "body":
        return wq.Every(boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(_every_passage)


class QueryBuilder:
    """Parses user queries against one schema (build once, reuse)."""

    def __init__(self, schema: Schema) -> None:
        self.parser = _Parser("body", schema)
        self.parser.add_plugin(_FilterPlugin())  # type: ignore[arg-type]
        self.parser.add_plugin(FuzzyTermPlugin())
        self.parser.add_plugin(FieldAliasPlugin({"body": ["text"], "outlet_key": ["outlet"]}))

    def parse(self, text: str) -> wq.Query:
        check_syntax(text)
        try:
            q = self.parser.parse(text)
        except QueryError:
            raise
        except RecursionError as exc:
            raise QueryError(f"The query {quoted(text)} is nested too deeply for desk to read.") from exc
        except Exception as exc:  # noqa: BLE001 - Whoosh's parser raises anything on odd input
            why = " ".join(str(exc).split())[:120]
            raise QueryError(f"desk cannot read the query {quoted(text)}: {why}.") from exc
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            raise QueryError(
                f"The query {quoted(text)} has no words desk can search for (only very common words or punctuation)."
            )
        q = _every_passage(q)
        for leaf in q.leaves() if not q.is_leaf() else [q]:
            # "zelensky~" compared every word of the index (1 s on ukraine-media); the first
            # letter is rarely the misspelt one
            if isinstance(leaf, wq.FuzzyTerm) and leaf.prefixlength == 0:
                leaf.prefixlength = 1
        _check_boosts(q, text)
        return q


#: the largest weight (``grain^2``) desk reads either way: a weight that is no finite number (``grain^1e400``,
#: ``grain^nan``) or that overflows a score (``grain^1e308``) made every passage of the word score NaN or
#: infinity, and those passages silently left the results (``grain^1e400 OR ships`` found only ships)
MAX_BOOST = 1000.0


def _check_boosts(q: wq.Query, text: str) -> None:
    """QueryError with a sentence when a word or group of ``q`` is weighed by more than :data:`MAX_BOOST`
    (or by no number at all)."""
    stack = [q]
    while stack:
        node = stack.pop()
        boost = float(getattr(node, "boost", 1.0))
        if not math.isfinite(boost) or abs(boost) > MAX_BOOST:
            raise QueryError(
                f"The query {quoted(text)} weighs a word by {boost:g} (^); desk reads weights from "
                f"-{MAX_BOOST:,.0f} to {MAX_BOOST:,.0f} (grain^2 counts grain twice)."
            )
        if not node.is_leaf():
            stack.extend(node.children())


def to_tree(q: wq.Query) -> qt.Node:
    """A parsed Whoosh query as desk's own tree (:mod:`desk.index.querytree`); :func:`from_tree`
    gives the same Whoosh query back (a boost other than 1 becomes a ``Boost`` node).

    A query kind desk's parser never builds raises QueryError.
    """
    node = _bare_tree(q)
    boost = float(getattr(q, "boost", 1.0))
    return qt.Boost(node, boost) if boost != 1.0 else node


def _bare_tree(q: wq.Query) -> qt.Node:
    if isinstance(q, wq.Every):
        return qt.Every(q.fieldname or "")
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return qt.Nothing()
    if isinstance(q, wq.And):
        return qt.And(tuple(to_tree(c) for c in q.subqueries))
    if isinstance(q, wq.Or) and type(q) is wq.Or:
        return qt.Or(tuple(to_tree(c) for c in q.subqueries))
    if isinstance(q, wq.Not):
        return qt.Not(to_tree(q.query))
    if isinstance(q, wq.AndNot):
        return qt.AndNot(to_tree(q.a), to_tree(q.b))
    if isinstance(q, wq.AndMaybe):
        return qt.AndMaybe(to_tree(q.a), to_tree(q.b))
    if isinstance(q, wq.FuzzyTerm):
        return qt.Fuzzy(q.fieldname, _text(q.text), int(q.maxdist), int(q.prefixlength), getattr(q, "typed", ""))
    if isinstance(q, wq.Prefix):
        return qt.Prefix(q.fieldname, _text(q.text))
    if isinstance(q, wq.Wildcard):
        return qt.Wildcard(q.fieldname, _text(q.text))
    if isinstance(q, wq.Phrase):
        return qt.Phrase(q.fieldname, tuple(_text(w) for w in q.words), int(q.slop))
    if isinstance(q, wq.DateRange):
        return qt.Range(q.fieldname, q.startdate, q.enddate, not q.startexcl, not q.endexcl)
    if isinstance(q, wq.NumericRange | wq.TermRange):
        return qt.Range(q.fieldname, q.start, q.end, not q.startexcl, not q.endexcl)
    if type(q) is wq.Term:
        return qt.Term(q.fieldname, _text(q.text))
    raise QueryError(f"desk cannot use this part of the query ({type(q).__name__}).")


def from_tree(node: qt.Node) -> wq.Query:
    """desk's query tree as the Whoosh query that searches it (the inverse of :func:`to_tree`)."""
    if isinstance(node, qt.Boost):
        q = from_tree(node.item)
        q.boost = node.factor
        return q
    if isinstance(node, qt.And | qt.Or):
        return (wq.And if isinstance(node, qt.And) else wq.Or)([from_tree(c) for c in node.items])
    if isinstance(node, qt.Not):
        return wq.Not(from_tree(node.item))
    if isinstance(node, qt.AndNot):
        return wq.AndNot(from_tree(node.positive), from_tree(node.negative))
    if isinstance(node, qt.AndMaybe):
        return wq.AndMaybe(from_tree(node.required), from_tree(node.optional))
    if isinstance(node, qt.Every):
        return wq.Every(node.field or None)
    if isinstance(node, qt.Nothing):
        return wq.NullQuery
    return _leaf_query(node)


def _leaf_query(node: qt.Node) -> wq.Query:
    if isinstance(node, qt.Term):
        return wq.Term(node.field, node.text)
    if isinstance(node, qt.Phrase):
        return wq.Phrase(node.field, list(node.words), slop=node.slop)
    if isinstance(node, qt.Prefix):
        return wq.Prefix(node.field, node.text)
    if isinstance(node, qt.Wildcard):
        return wq.Wildcard(node.field, node.pattern)
    if isinstance(node, qt.Fuzzy):
        fuzzy = wq.FuzzyTerm(node.field, node.text, maxdist=node.maxdist, prefixlength=node.prefix)
        fuzzy.typed = node.typed
        return fuzzy
    if isinstance(node, qt.Range):
        low, high, lexcl, hexcl = node.low, node.high, not node.include_low, not node.include_high
        if isinstance(low, dt.datetime) or isinstance(high, dt.datetime):
            return wq.DateRange(node.field, low, high, startexcl=lexcl, endexcl=hexcl)
        if isinstance(low, int | float) or isinstance(high, int | float):
            return wq.NumericRange(node.field, low, high, startexcl=lexcl, endexcl=hexcl)
        return wq.TermRange(node.field, low, high, startexcl=lexcl, endexcl=hexcl)
    raise QueryError(f"desk cannot search for this part of the query ({type(node).__name__}).")


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
