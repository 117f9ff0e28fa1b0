"""A row's figures per outlet and claimant, whether they disagree, and in words."""

from __future__ import annotations

import math
from collections.abc import Callable

from desk.model import Figure, FigureStatement, PassageRef, Row

from .diff import word_diff
from .profile import FactKey, claims_of, ref_fact_key

#: relative tolerance of "about"/"nearly" figures
TOLERANCE = 0.05
#: summaries list at most this many statements
SUMMARY_ITEMS = 8

_ORG_TEXT = (
    """ministry staff office council army forces force republic committee agency service command
    headquarters government kremlin police department authorities authority military officials
    administration commission court union organisation organization nations ministry's guard
    media news times post press agency's"""
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
    ):
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


def statements_of(row: Row) -> list[FigureStatement]:
    """One statement per outlet, claimant and figure (repeats within an outlet dropped)."""
    out: list[FigureStatement] = []
    seen: set[tuple[str, str, float, str, str]] = set()
    for outlet, refs in row.cells.items():
        for ref in refs:
            for c in claims_of(ref):
                f = c.figure
                key = (outlet, c.claimant, f.value, f.qualifier, f.counted.lower())
                if key in seen:
                    continue
                seen.add(key)
                out.append(FigureStatement(outlet, c.claimant, f, ref.article_id, ref.number))
    return out


def _label(s: FigureStatement) -> str:
    return short_name(s.claimant) if s.claimant else s.outlet


def describe_row(row: Row) -> None:
    """Fill ``statements``, ``disagreement``, ``summary``, ``differences`` and ``word_diffs``."""
    row.statements = statements_of(row)
    same = _same_claimant_fn()
    groups: dict[FactKey, list[FigureStatement]] = {}
    order: list[FactKey] = []
    refs = {r.key: r for cell in row.cells.values() for r in cell}
    for s in row.statements:
        k = ref_fact_key(s.figure, refs[(s.article_id, s.passage)])
        if k is None:
            continue
        target = next((g for g in order if g.matches(k) and (g.head or not k.head)), None)
        if target is None:
            # a headless figure ("40 killed") joins a group with a head of the same outcome
            target = next((g for g in order if g.matches(k)), None)
        if target is None:
            order.append(k)
            groups[k] = []
            target = k
        groups[target].append(s)

    differences: list[str] = []
    clashing: list[tuple[str, int]] = []
    disagree = False
    for k in order:
        stmts = groups[k]
        if len({(s.outlet, s.claimant) for s in stmts}) < 2:
            continue
        thing = _thing(stmts)
        clash = _figure_clash(stmts)
        names = [s.claimant for s in stmts if s.claimant]
        distinct: list[str] = []
        for n in names:
            if not any(same(n, d) for d in distinct):
                distinct.append(n)
        if clash or len(distinct) > 1:
            for s in stmts:
                clashing.append((s.article_id, s.figure.start))
        if clash:
            disagree = True
            parts = "; ".join(
                f"{_label(s)} ({s.outlet}) says {figure_label(s.figure)}"
                if s.claimant
                else f"{s.outlet} says {figure_label(s.figure)}"
                for s in _dedupe(stmts)
            )
            differences.append(f"{thing}: {parts} — these figures do not agree.")
        elif len(distinct) > 1:
            disagree = True
            parts = "; ".join(f"{_label(s)} ({s.outlet}) says {figure_label(s.figure)}" for s in _dedupe(stmts))
            differences.append(f"{thing}: {parts} — the figures agree but the claimants differ.")
        elif len({s.outlet for s in stmts}) > 1:
            figures = " / ".join(dict.fromkeys(figure_label(s.figure) for s in stmts))
            who = ", ".join(dict.fromkeys(s.outlet for s in stmts))
            differences.append(f"{thing}: {who} agree ({figures}).")
    outlets = row.outlets
    with_figures = {s.outlet for s in row.statements}
    if with_figures and len(outlets) > 1:
        lacking = [o for o in outlets if o not in with_figures]
        if lacking:
            differences.append(f"{', '.join(lacking)} gives no figure for this.")

    row.disagreement = disagree
    row.clashing = list(dict.fromkeys(clashing))
    row.differences = differences
    compared = [s for k in order if len({(x.outlet, x.claimant) for x in groups[k]}) > 1 for s in groups[k]]
    counted = [s for k in order for s in groups[k]]
    row.summary = _summary(compared or counted)
    _fill_word_diffs(row)


def _thing(stmts: list[FigureStatement]) -> str:
    best = max((s.figure.counted.strip() for s in stmts), key=len, default="")
    return best or "figures"


def _dedupe(stmts: list[FigureStatement]) -> list[FigureStatement]:
    out: list[FigureStatement] = []
    seen: set[tuple[str, str, str]] = set()
    for s in stmts:
        key = (s.outlet, _label(s), figure_label(s.figure))
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _figure_clash(stmts: list[FigureStatement]) -> bool:
    for i, a in enumerate(stmts):
        for b in stmts[i + 1 :]:
            if (a.outlet, a.claimant) == (b.outlet, b.claimant):
                continue
            if not overlaps(interval(a.figure), interval(b.figure)):
                return True
    return False


def _summary(stmts: list[FigureStatement]) -> str:
    items: list[str] = []
    for s in stmts:
        item = f"{_label(s)}: {figure_label(s.figure)}"
        if item not in items:
            items.append(item)
    more = len(items) - SUMMARY_ITEMS
    text = " · ".join(items[:SUMMARY_ITEMS])
    if more > 0:
        text += f" · (+{more} more)"
    return text


def _fill_word_diffs(row: Row) -> None:
    refs: list[PassageRef] = [r for cell in row.cells.values() for r in cell]
    row.word_diffs = {}
    if len(refs) < 2:
        return
    reference = refs[0]
    for r in refs[1:]:
        row.word_diffs[r.key] = word_diff(reference, r)
