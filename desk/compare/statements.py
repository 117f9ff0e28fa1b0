"""A row's figures per outlet and claimant, whether they disagree, and in words."""

from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from desk.extract.sentences import sentence_at
from desk.model import Claim, Entity, Figure, FigureStatement, PassageRef, Row

from .asof import AsOf, resolve_as_of
from .diff import row_word_diffs
from .disagree import MAX_RIVAL_VALUES, ClaimFact, Verdict, judge, running_count, sub_counts, won_back
from .lifespans import Told, lifespan_clashes, lifespans_in
from .places import figure_scope, places_near
from .profile import claims_of, has_claims
from .quantity import Quantity, quantity_of
from .recent import Recent
from .setting import setting_of
from .stored import FeatureFile, passage_key

#: relative tolerance of "about"/"nearly" figures
TOLERANCE = 0.05
#: summaries list at most this many statements
SUMMARY_ITEMS = 8
#: a row's tolls (the killed, wounded, missing) told more than this many days apart may differ by
#: growth: tolls are updated day by day; tolls of the same or the next day that differ are rival counts
TOLL_GAP_DAYS = 2

_ORG_TEXT = (
    """ministry staff office council army forces force republic committee agency service command
    headquarters government kremlin police department authorities authority military officials
    administration commission court union organisation organization nations ministry's guard
    media news times post press agency's states kingdom emirates islands house cross crescent bank fund
    parliament assembly party group company corporation institute center centre university foundation
    coalition alliance network watch rights monitor observatory initiative project society league trust
    international"""
)
#: first words of names of places and bodies, never of a person ("United States", "New York", "Red Cross")
_NOT_GIVEN_NAMES = frozenset(
    ["united", "new", "red", "white", "european", "international", "national", "royal", "world", "global", "north", "south", "east", "west"]
)
_ORG_WORDS = frozenset(_ORG_TEXT.split())


def _same_claimant_fn() -> Callable[[str, str], bool]:
    try:
        from desk.extract import same_claimant  # type: ignore[attr-defined]
    except ImportError:
        return lambda a, b: a.casefold() == b.casefold()
    return same_claimant  # type: ignore[no-any-return]


def short_name(name: str) -> str:
    """"General Staff of the Armed Forces of Ukraine" -> "General Staff"; "Volodymyr Zelensky" -> "Zelensky"."""
    name = name.strip()
    if not name:
        return name
    head = name.split(" of ", 1)[0].strip() or name
    words = head.split()
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
        w.lower() in _ORG_WORDS for w in words
    ) and words[0].lower() not in _NOT_GIVEN_NAMES:
        return words[-1]
    return head


def figure_label(f: Figure) -> str:
    text = f.text.strip()
    if f.high is not None and f.high != f.value and "-" not in text and "to" not in text:
        text = f"{text}–{_fmt(f.high)}"
    return f"{f.qualifier} {text}".strip() if f.qualifier else text


def _fmt(v: float) -> str:
    if math.isinf(v):
        return "∞"
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def interval(f: Figure) -> tuple[float, float]:
    return f.interval(TOLERANCE)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


#: the words between a figure naming what it counts and a figure naming only an outcome that shares its thing:
#: "... troops were killed and 3,400", "civilian deaths and 1,400", "firefighters died, and 30" (at most six
#: words, then "and": no sentence end, no clause of its own between them)
_COORDINATED = re.compile(r"(?:\s+[\w'’-]+){0,6}?,?\s+and\s+(?:a\s+further\s+|some\s+)?", re.IGNORECASE)


def _claim_facts(row: Row) -> list[tuple[FigureStatement, ClaimFact | None]]:
    """One statement per outlet, claimant, figure and place (repeats within an outlet dropped), with its claim.

    A repeat that names another place (or none) is kept: "22 million tonnes stuck in its ports" and
    "... signed in Istanbul to export 22 million tonnes" are read apart by the places of their clauses.
    """
    out: list[tuple[FigureStatement, ClaimFact | None]] = []
    seen: set[tuple[str, str, float, str, str, frozenset[str]]] = set()
    for outlet, refs in row.cells.items():
        for ref in refs:
            claims = claims_of(ref)
            # a figure whose sentence names no place happens where its article's story does (its lead's
            # settlements, desk.compare.setting), for the flag only: two counts in reports set in two
            # towns are two events, never a clash ("six were injured in the strike", of a report on one
            # town, and "three were wounded", of a report on another)
            setting = setting_of(ref.article_id) or frozenset()
            read: list[tuple[tuple[str, str, float, str, str, frozenset[str]], FigureStatement, ClaimFact | None]] = []
            named: tuple[int, Quantity] | None = None  # the last figure naming what it counts: its end, its quantity
            for c in claims:
                f = c.figure
                s, e = ref.local(f.start, f.end)
                if not f.qualifier:
                    f = _converted_hedge(ref, f, s, claims)
                quantity, asof, where, running, scope = _claim_parts(ref, f, c.claimant, s, e)
                if quantity is not None and _counts_sources(ref, f):
                    quantity = None
                if quantity is not None:
                    if quantity.thing:
                        named = (e, quantity)
                    elif quantity.kind and named is not None and _COORDINATED.fullmatch(ref.text, named[0], s):
                        # "1,200 soldiers were killed and 3,400 wounded": the wounded are soldiers too
                        quantity = dataclasses.replace(
                            quantity, thing=named[1].thing, subject=quantity.subject or named[1].subject)
                key = (outlet, c.claimant, f.value, f.qualifier, f.counted.lower(), where)
                stmt = FigureStatement(
                    outlet, c.claimant, f, ref.article_id, ref.number, asof.start, asof.end,
                    quantity.label if quantity else "",
                )
                claim = None if quantity is None else ClaimFact.from_figure(
                    f, short_name(c.claimant) if c.claimant else "", quantity, asof, outlet,
                    key=(ref.article_id, f.start), document=ref.article_id, places=where or setting, running=running,
                    scope=scope,
                    to_date=won_back(ref.text, s), told_in=(ref.text, s))
                read.append((key, stmt, claim))
            for i in _sub_counts_of(ref, [claim for _, _, claim in read]):
                key, stmt, claim = read[i]
                read[i] = (key, stmt, dataclasses.replace(claim, sub=True) if claim is not None else None)
            for key, stmt, claim in read:
                if key in seen:
                    continue
                seen.add(key)
                out.append((stmt, claim))
    return out


def _sub_counts_of(ref: PassageRef, claims: list[ClaimFact | None]) -> set[int]:
    """Indexes of ``claims`` (the claims of passage ``ref``, None for a figure without a quantity) that are
    sub-counts of a larger figure of their own sentence (:func:`desk.compare.disagree.sub_counts`)."""
    if sum(c is not None for c in claims) < 2:
        return set()
    placed: list[tuple[int, ClaimFact]] = []
    index: list[int] = []
    for i, c in enumerate(claims):
        if c is None:
            continue
        s, _e = ref.local(c.key[1], c.key[1])
        placed.append((_sentence_around(ref.text, s)[1], c))
        index.append(i)
    return {index[k] for k in sub_counts(placed)}


#: what may stand between a figure and the bracket holding the same amount in other units: its unit and
#: closing quotes ("more than 1,000 square kilometres” (386 square miles)")
_CONVERTED_GAP_RE = re.compile(r"[A-Za-z\s'’\"”.-]{0,40}\(\s*")


#: units of measure whose conversions are rounded ("50 kilometres (31 miles)", "1,000 sq km (386 sq miles)")
_CONVERTED_UNIT_RE = re.compile(
    r"\b(?:square|sq|kilomet(?:re|er)s?|km2?|miles?|met(?:re|er)s?|feet|foot|ft|acres?|hectares?|tonnes?|tons?|"
    r"pounds?|lbs?|kilograms?|kg|gallons?|lit(?:re|er)s?|barrels?)\b",
    re.IGNORECASE,
)


def _converted_hedge(ref: PassageRef, f: Figure, s: int, claims: list[Claim]) -> Figure:
    """A bare figure in brackets right after a hedged one gives the same amount in other units and carries
    its hedge: "over 540 square miles (1,400 square kilometres)" says over 1,400 square kilometres.
    After a bare amount in units of measure it is that amount converted and rounded: "about" ("1,000 square
    kilometres (385 square miles)" does not deny "more than 386 square miles")."""
    text = ref.text
    if s <= 0 or text[:s].rstrip()[-1:] != "(":
        return f
    for c in claims:
        g = c.figure
        if g.start >= f.start:
            continue
        _gs, ge = ref.local(g.start, g.end)
        if 0 <= ge <= s and _CONVERTED_GAP_RE.fullmatch(text, ge, s):
            if g.qualifier:
                return dataclasses.replace(f, qualifier=g.qualifier)
            if _CONVERTED_UNIT_RE.search(text, ge, s) and _CONVERTED_UNIT_RE.match(f.counted or ""):
                return dataclasses.replace(f, qualifier="about")
    return f


def _counts_sources(ref: PassageRef, f: Figure) -> bool:
    """The figure counts the sources of a statement ("two traders said", "said one official"): it
    lies in an attribution's source, and says how many spoke, not what they report."""
    return any(a.source_start <= f.start and f.end <= a.source_end for a in ref.attributions)


_Parts = tuple[Quantity | None, AsOf, frozenset[str], bool, str]
#: what :func:`_claim_parts` found for recent figures, by everything it reads (a passage's figures are
#: met again by the next queries of a session, in rows of other passages)
_PARTS = Recent()
_PARTS_SIZE = 65536


def _claim_parts(ref: PassageRef, f: Figure, claimant: str, s: int, e: int) -> _Parts:
    """A figure's quantity, as-of time, places and scope (these two only when it has a quantity) and whether
    it is a running count, in passage ``ref`` where it spans ``s``..``e`` (local offsets); remembered by the passage's
    text, date and entities, the figure and the claimant."""
    key = _parts_key(ref, f, claimant, s, e)
    found: _Parts | None = _PARTS.get(key)
    if found is not None:
        return found
    quantity = quantity_of(f, (ref.text, s, e) if e > s else None, claimant)
    sentence = _sentence_around(ref.text, s)
    asof = resolve_as_of(sentence[0], ref.date, at=s - sentence[1])
    where: frozenset[str] = frozenset()
    running = False
    scope = ""
    if quantity is not None:
        at = s - sentence[1]
        where = frozenset(places_near(sentence[0], at, at + (e - s),
                                      _entities_in(ref, sentence[1], sentence[1] + len(sentence[0]))))
        running = running_count(ref.text, s, e)
        scope = figure_scope(sentence[0], at, at + (e - s))
    found = (quantity, asof, where, running, scope)
    _PARTS.put(key, found, _PARTS_SIZE)
    return found


def _parts_key(ref: PassageRef, f: Figure, claimant: str, s: int, e: int) -> tuple[Any, ...]:
    """Everything :func:`_claim_parts` reads of a figure in its passage."""
    return (
        ref.text, ref.date, s, e, claimant,
        (f.start, f.end, f.text, f.value, f.qualifier, f.kind, f.high, f.qualifier_start, f.counted),
        tuple((x.start, x.end, x.text, x.label) for x in ref.entities),
    )


def _passage_parts_keys(ref: PassageRef) -> list[tuple[Any, ...]]:
    """The :func:`_claim_parts` keys of the figures of passage ``ref``, as :func:`_claim_facts` asks for them."""
    claims = claims_of(ref)
    out = []
    for c in claims:
        f = c.figure
        s, e = ref.local(f.start, f.end)
        if not f.qualifier:
            f = _converted_hedge(ref, f, s, claims)
        out.append(_parts_key(ref, f, c.claimant, s, e))
    return out


def _parts_digest(ref: PassageRef) -> bytes:
    """The features file's key of the figure parts of a passage: from its features' key, which covers
    everything :func:`_claim_parts` reads (its text, date, entities, figures and claimants)."""
    return hashlib.blake2b(b"parts" + passage_key(ref), digest_size=16).digest()


#: passages whose figure parts this process works out itself, for the features file: digest -> passage
_PARTS_OWED: dict[bytes, PassageRef] = {}


def prefetch_parts(refs: Sequence[PassageRef], features: FeatureFile, *, owe: bool = True) -> None:
    """Read the figure parts (:func:`_claim_parts`) of the passages of ``refs`` with figures from
    ``features`` (an earlier process worked them out) into the memory :func:`_claim_parts` reads; the
    others are owed to the file (:func:`owed_parts`) once worked out, unless ``owe`` is False."""
    wanted: dict[bytes, tuple[PassageRef, list[tuple[Any, ...]]]] = {}
    for ref in refs:
        if not has_claims(ref):
            continue
        keys = _passage_parts_keys(ref)
        if all(_PARTS.get(k) is not None for k in keys):
            continue
        wanted.setdefault(_parts_digest(ref), (ref, keys))
    if not wanted:
        return
    found = features.read(list(wanted))
    if len(_PARTS_OWED) > _PARTS_SIZE:
        _PARTS_OWED.clear()
    for digest, (ref, keys) in wanted.items():
        value = found.get(digest)
        if value is None or len(value) != len(keys):
            if owe:
                _PARTS_OWED[digest] = ref
            continue
        for k, parts in zip(keys, value, strict=True):
            _PARTS.put(k, parts, _PARTS_SIZE)


def owed_parts() -> list[tuple[bytes, Any]]:
    """The figure parts of the passages :func:`prefetch_parts` did not find in the file and this process has
    worked out since (every figure of the passage), as (the file's key, value); forgotten here."""
    owed = dict(_PARTS_OWED)
    _PARTS_OWED.clear()
    items = []
    for digest, ref in owed.items():
        parts = [_PARTS.get(k) for k in _passage_parts_keys(ref)]
        if parts and all(p is not None for p in parts):
            items.append((digest, tuple(parts)))
    return items


def clear_parts() -> None:
    """Forget the remembered figure parts (the benchmark's cold runs)."""
    _PARTS.clear()
    _PARTS_OWED.clear()


def _entities_in(ref: PassageRef, start: int, end: int) -> list[Entity]:
    """The entities of ``ref`` inside its local span ``start``..``end``, with offsets local to that span."""
    out = []
    for e in ref.entities:
        s, t = ref.local(e.start, e.end)
        if start <= s < t <= end:
            out.append(Entity(s - start, t - start, e.text, e.label))
    return out


def _sentence_around(text: str, at: int) -> tuple[str, int]:
    """The sentence of ``text`` holding offset ``at``, and its start."""
    from desk.extract.sentences import sentence_at

    s, e = sentence_at(text, at)
    return text[s:e], s


def _holds(a: ClaimFact, b: ClaimFact) -> bool:
    """One claim's hedged interval holds the other's value: "31 killed" and "the toll rose to 31"."""
    return a.low <= b.value <= a.high or b.low <= a.value <= b.high


def _place_of_match(c: ClaimFact, claims: Sequence[ClaimFact]) -> frozenset[str]:
    """The places that every claim naming a place and giving ``c``'s figure for its quantity (:func:`_holds`)
    names: a toll that names no place ("Zelenskiy said 31 had been killed") is the toll of the place whose
    reports give that figure ("the toll in Dornfeld rose to 31"); empty when none does, or they name no place
    in common."""
    shared: frozenset[str] | None = None
    for o in claims:
        if o.places and o.quantity.matches(c.quantity) and _holds(o, c):
            shared = o.places if shared is None else shared & o.places
    return shared or frozenset()


def _with_row_place(claims: list[ClaimFact]) -> list[ClaimFact]:
    """Claims whose sentences name no place take the place of the claims giving their figure
    (:func:`_place_of_match`), or else the place the row's claims name most (from two documents or
    more): "18 killed in the incident" is about the row's event, not the town a stray sentence beside it
    names."""
    docs: dict[str, set[str]] = {}
    for c in claims:
        for k in c.places:
            docs.setdefault(k, set()).add(c.document)
    if not docs:
        return claims
    key, named = max(docs.items(), key=lambda kv: (len(kv[1]), kv[0]))
    row_place = frozenset({key}) if len(named) >= 2 else frozenset()
    out = []
    for c in claims:
        if not c.places:
            places = _place_of_match(c, claims) or row_place
            if places:
                c = dataclasses.replace(c, places=places)
        out.append(c)
    return out


def passage_claims(refs: list[PassageRef]) -> list[ClaimFact]:
    """The claims of the figures of a row of ``refs`` that say what they count, as the row's description
    reads them (:func:`describe_row`)."""
    cells: dict[str, list[PassageRef]] = {}
    for ref in refs:
        cells.setdefault(ref.outlet, []).append(ref)
    for cell in cells.values():
        cell.sort(key=lambda r: (r.article_id, r.number, r.start))
    return [c for _, c in _claim_facts(Row(cells=cells)) if c is not None]


def judge_claims(claims: list[ClaimFact]) -> list[Verdict]:
    """The verdicts a row holding ``claims`` shows (:func:`desk.compare.disagree.judge`, as rows judge)."""
    return judge(_with_row_place(claims), same_claimant=_same_claimant_fn(), toll_gap_days=TOLL_GAP_DAYS,
                 max_rivals=MAX_RIVAL_VALUES)


def statements_of(row: Row) -> list[FigureStatement]:
    """One statement per outlet, claimant, figure and place (repeats within an outlet dropped)."""
    return [s for s, _ in _claim_facts(row)]


def fill_sentences(row: Row) -> None:
    """Give each of the row's statements the sentence its figure stands in, read from the row's own passage
    (a comparison leaves ``sentence`` empty: the panes show the passage, and most rows are never exported)."""
    refs = {(ref.article_id, ref.number): ref for cell in row.cells.values() for ref in cell}
    for st in row.statements:
        ref = refs.get((st.article_id, st.passage))
        if st.sentence or ref is None:
            continue
        at, _ = ref.local(st.figure.start, st.figure.end)
        s, e = sentence_at(ref.text, at)
        st.sentence = ref.text[s:e]


def describe_row(row: Row, *, word_diffs: bool = True) -> None:
    """Fill ``statements``, ``disagreement``, ``summary``, ``differences`` and ``word_diffs``.

    Without ``word_diffs`` those are left for whoever shows them (:func:`desk.compare.diff.row_word_diffs`).

    The decision is :func:`desk.compare.disagree.judge` over the row's claims:
    a flag only where figures for one quantity, at overlapping times, cannot
    all hold; growth over time is described as growth.
    """
    pairs = _claim_facts(row)
    row.statements = [s for s, _ in pairs]
    verdicts = judge_claims([c for _, c in pairs if c is not None])
    differences: list[str] = []
    clashing: list[tuple[str, int]] = []
    compared: list[ClaimFact] = []
    for v in verdicts:
        if v.kind == "single":
            continue
        if len({c.outlet for c in v.claims}) < 2 and v.kind == "agree":
            continue
        differences.append(v.text)
        compared.extend(v.claims)
        for a, b in v.clashes:
            clashing.extend([a.key, b.key])
    outlets = row.outlets
    with_figures = {s.outlet for s in row.statements}
    if with_figures and len(outlets) > 1:
        lacking = [o for o in outlets if o not in with_figures]
        if lacking:
            names = lacking[0] if len(lacking) == 1 else f"{', '.join(lacking[:-1])} and {lacking[-1]}"
            differences.append(f"{names} give{'s' if len(lacking) == 1 else ''} no figure for this.")
    ages = _lifespan_clashes(row)
    if ages:
        differences.insert(0, ages[0])
        clashing.extend(ages[1])
    row.disagreement = any(v.disagreement for v in verdicts) or bool(ages)
    row.clashing = list(dict.fromkeys(clashing))
    row.differences = differences
    keys = {c.key for c in compared}
    shown = [(s, c) for s, c in pairs if c is not None and c.key in keys] or [(s, c) for s, c in pairs if c is not None]
    facts = [c for _, c in shown if c is not None]
    several = any(not a.quantity.matches(b.quantity) for i, a in enumerate(facts) for b in facts[i + 1 :])
    row.summary = _summary([s for s, _ in shown], several)
    if word_diffs:
        _fill_word_diffs(row)


def _lifespan_clashes(row: Row) -> tuple[str, list[tuple[str, int]]] | None:
    """The ages of one thing that the row's outlets give and that cannot all hold ("its 40-year history"
    and "its 30-year history", :mod:`desk.compare.lifespans`): the difference's text and the clashing
    spans' keys, or None.  Ages are not figures, so the claims' verdicts never see them."""
    told: list[Told] = []
    for outlet, refs in row.cells.items():
        for ref in refs:
            if "year" not in ref.text and "decade" not in ref.text and "centur" not in ref.text:
                continue
            for span in lifespans_in(ref.text):
                told.append(Told(span, outlet, ref.date, (ref.article_id, ref.start + span.start)))
    if len(told) < 2:
        return None
    clashes = lifespan_clashes(told)
    if not clashes:
        return None
    involved = list(dict.fromkeys(t for pair in clashes for t in pair))
    noun = involved[0].lifespan.noun
    items = list(dict.fromkeys(
        f"{t.lifespan.written} ({t.outlet}{', ' + t.date.isoformat() if t.date else ''})" for t in involved
    ))
    text = f"Age ({noun}): " + "; ".join(items) + " — these do not agree."
    return text, [t.key for t in involved]


def _label(s: FigureStatement) -> str:
    return short_name(s.claimant) if s.claimant else s.outlet


def _summary(stmts: list[FigureStatement], several: bool = False) -> str:
    """ "Zelensky: 14,000 · General Staff: more than 14,400"; when the figures count ``several`` things
    (quantities that do not match), each says what it counts ("Navy: two patrol boats · Kyiv: two
    missiles"), so that equal numbers of different things never read as one figure agreed on."""
    items: list[str] = []
    for s in stmts:
        item = f"{_label(s)}: {figure_label(s.figure)}"
        if several and s.quantity:
            item += f" {s.quantity}"
        if item not in items:
            items.append(item)
    more = len(items) - SUMMARY_ITEMS
    text = " · ".join(items[:SUMMARY_ITEMS])
    if more > 0:
        text += f" · (+{more} more)"
    return text


def _fill_word_diffs(row: Row) -> None:
    row.word_diffs = {}
    row_word_diffs(row)
