"""Claims in passages -> series of points, one series per counted quantity, with growth and disagreement marks.

The counted quantity, the as-of time and the verdict (disagree, growth) come
from desk.compare through :mod:`desk.timeline.sources`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from desk.compare.places import place_spans, place_words, places_near
from desk.compare.statements import figure_label
from desk.compare.tokens import stem, stem_set
from desk.errors import Cancelled
from desk.extract.sentences import sentence_at
from desk.model import CancelCheck, Figure, PassageRef, Progress, Row

from .model import Series, Timeline, TimelinePoint, anchor
from .sources import (
    EVENT_TOLL_MAX,
    GROWTH_GAP_DAYS,
    TOLL_GAP_DAYS,
    TOLL_KINDS,
    ClaimFact,
    Quantity,
    Verdict,
    as_of_of,
    cumulative,
    fold_subject,
    hedged_interval,
    kind_word,
    quantity_key,
    quantity_of,
    running_count,
    same_claimant,
    says_kind,
    verdicts,
)

_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]+\b")
#: a side written as an adjective ("Ukrainian", "British", "Chinese"), which reads before the thing counted
_ADJECTIVE = re.compile(r"(?:an|ish|ese|i)$")

#: passages a query's timeline reads at most (its figures come from every one of them)
QUERY_LIMIT = 3000


def _sentence_span(ref: PassageRef, start: int) -> tuple[int, int]:
    """The sentence of ``ref`` (local offsets) that holds the article offset ``start``."""
    return sentence_at(ref.text, ref.local(start, start)[0])


def points_of(ref: PassageRef) -> list[tuple[Quantity, TimelinePoint, Figure]]:
    """The points of one passage: each claim whose figure lies in it and says what it counts."""
    out: list[tuple[Quantity, TimelinePoint, Figure]] = []
    seen: set[tuple[int, str]] = set()
    for c in ref.claims:
        f = c.figure
        if not ref.start <= f.start < ref.end or (f.start, c.claimant) in seen:
            continue
        seen.add((f.start, c.claimant))
        q = quantity_of(f, ref, c.claimant)
        if q is None:
            continue
        a, b = _sentence_span(ref, f.start)
        sentence = ref.text[a:b]
        local, local_end = ref.local(f.start, f.end)
        low, high = hedged_interval(f, running_count(ref.text, local, local_end))
        out.append(
            (
                q,
                TimelinePoint(
                    value=f.value,
                    figure=figure_label(f),
                    qualifier=f.qualifier,
                    low=low,
                    high=high,
                    counted=f.counted.strip(),
                    claimant=c.claimant,
                    outlet=ref.outlet,
                    as_of=as_of_of(ref, sentence, local - a),
                    article_date=ref.date,
                    article_id=ref.article_id,
                    passage=ref.number,
                    path=ref.relpath or ref.path,
                    title=ref.title,
                    sentence=" ".join(sentence.split()),
                    figure_start=f.start,
                ),
                f,
            )
        )
    return out


def _order_key(p: TimelinePoint) -> tuple[int, dt.date, dt.date, float, str]:
    # known days first, in time order; undated claims after them
    day = anchor(p.as_of)
    return (0 if day else 1, day or dt.date.max, p.as_of.start or dt.date.min, p.value, p.outlet)


def _mark(
    series: Series, verdict: Verdict, points: Sequence[TimelinePoint], one_count: Callable[[ClaimFact, ClaimFact], bool]
) -> None:
    """Disagreement from the verdict's clashes; growth per point of a count that accumulates.

    A point is growth when it is larger than a figure of the same count whose
    time lies wholly before it, further than the comparison's growth gap (its
    toll gap for tolls): a growing count is never flagged for growing.  The same
    count, not only the same quantity: a lane of "civilians killed" holds many
    attacks' tolls, and the seven dead of one shelling are no growth over the
    two of another a week before (``one_count``, see :func:`_one_count`).
    """
    for a, b in verdict.clashes:
        pa, pb = points[a.key], points[b.key]
        pa.disagreement = pb.disagreement = True
        pa.conflicts.append(b.describe())
        pb.conflicts.append(a.describe())
    for p in series.points:
        p.conflicts = list(dict.fromkeys(p.conflicts))
    if not cumulative(verdict.quantity):
        return
    # tolls are counted again within days (as compare rows judge them); other counts a week apart
    gap = TOLL_GAP_DAYS if verdict.quantity.kind in TOLL_KINDS else GROWTH_GAP_DAYS
    slack = (gap + 1) // 2
    for c in verdict.claims:
        p = points[c.key]
        p.growth = any(
            q.as_of.before(p.as_of) and not q.as_of.overlaps(p.as_of, slack_days=slack)
            and (q.value if _running(q) else q.high) < p.low and one_count(d, c)
            for d in verdict.claims
            if (q := points[d.key]) is not p
        )


def _total(c: ClaimFact) -> bool:
    """A total over time by its own words ("since the invasion", "so far") or by its size (from
    :data:`EVENT_TOLL_MAX` up: no attack's toll)."""
    return c.quantity.scope == "total" or (c.quantity.scope != "event" and c.value >= EVENT_TOLL_MAX)


def _one_count(related: Callable[[ClaimFact, ClaimFact], bool]) -> Callable[[ClaimFact, ClaimFact], bool]:
    """Whether two claims of a quantity are figures of one count, which can grow from one to the other:
    they tell of one thing (``related``: a place few others name, or rare words in common), or both are
    totals over time (:func:`_total`)."""

    def one(a: ClaimFact, b: ClaimFact) -> bool:
        return (_total(a) and _total(b)) or related(a, b)

    return one


def _one_running_total(claims: Sequence[ClaimFact], one_count: Callable[[ClaimFact, ClaimFact], bool]) -> bool:
    """Whether a lane reads as one running total, as its label says: a count that accumulates, whose
    figures are mostly totals over time (:func:`_total`) or are all one count with one another (one
    attack's toll as it rose).  A lane of many attacks' tolls is none, though each toll may grow."""
    if not claims or not cumulative(claims[0].quantity):
        return False
    if 2 * sum(1 for c in claims if _total(c)) >= len(claims):
        return True
    return len(claims) > 1 and all(one_count(a, b) for i, a in enumerate(claims) for b in claims[i + 1:])


def build_series(
    refs: Iterable[PassageRef], cancelled: CancelCheck | None = None, context: Iterable[PassageRef] = ()
) -> list[Series]:
    """Series for the claims in ``refs``: one per counted quantity, the largest first.

    ``context`` passages (a hit's neighbours) add their claims only for
    quantities the claims of ``refs`` already count: "about 14,400 people" in
    the paragraph after "14,400 soldiers killed", not every figure near a hit.
    """
    items: list[tuple[Quantity, TimelinePoint, Figure]] = []
    seen: set[tuple[str, int, str]] = set()
    passage_places: dict[tuple[str, int], dict[str, str]] = {}
    for source, is_context in ((refs, False), (context, True)):
        wanted = [q for q, _, _ in items]
        for n, ref in enumerate(source):
            if cancelled is not None and n % 64 == 0 and cancelled():
                raise Cancelled()
            found = points_of(ref)
            if found:
                passage_places.setdefault(ref.key, whole_place_names(ref.text, dict(place_words(ref.text))))
            for q, p, f in found:
                k = (p.article_id, p.figure_start, p.claimant)
                if k in seen:  # the same passage reached twice (a hit and a neighbour)
                    continue
                if is_context and not any(w.matches(q) for w in wanted):
                    continue
                seen.add(k)
                items.append((q, p, f))
    items = _one_per_article(items)
    points = [p for _, p, _ in items]
    where = [_places_of(p, f, passage_places.get(p.key, {})) for _, p, f in items]
    facts = [
        ClaimFact.from_figure(f, p.claimant, q, p.as_of, p.outlet, key=i, places=frozenset(where[i]),
                              running=_running(p), document=p.article_id)
        for i, (q, p, f) in enumerate(items)
    ]
    related = _same_event(points)
    one_count = _one_count(related)
    out: list[Series] = []
    named: list[tuple[Series, Quantity, str, str]] = []  # series, quantity, label, place name
    # the comparison's own grouping of matching quantities, then one series per place of each
    for group in verdicts(facts):
        for place, claims in _by_place(group.claims, where):
            # judged again within the place: another place's toll never marks this series
            for v in verdicts(claims, related):
                pts = sorted((points[c.key] for c in v.claims), key=_order_key)
                s = Series(key=quantity_key(v.quantity) + (f"@{place[0]}" if place else ""), label="",
                           points=pts, cumulative=_one_running_total(v.claims, one_count))
                _mark(s, v, points, one_count)
                out.append(s)
                named.append((s, v.quantity, _label(pts) or v.quantity.label, place[1] if place else ""))
    _name_lanes(named)
    out.sort(key=lambda s: (-len(s.points), s.label.casefold()))
    return out


#: a word names an event for :func:`_same_event` when at most this share of the timeline's points'
#: sentences use it (and at most :data:`EVENT_WORD_MIN_DOCS` of them, whichever is more)
EVENT_WORD_SHARE = 0.02
EVENT_WORD_MIN_DOCS = 3
#: ... and two sentences tell of one thing when they share this many such words (one, "father", is chance)
EVENT_WORDS_SHARED = 2
#: a place both sentences name ties them to one event when at most this share of the points name it
#: (a town, a port; not the country the whole folder is about)
EVENT_PLACE_SHARE = 0.10


def _own_words(p: TimelinePoint) -> frozenset[str]:
    """The content stems of a point's sentence, less the words of its figure and what it counts."""
    return stem_set(p.sentence) - stem_set(f"{p.figure} {p.counted}")


def _same_event(points: Sequence[TimelinePoint]) -> Callable[[ClaimFact, ClaimFact], bool]:
    """Whether two claims of one quantity tell of one thing, so that their figures may clash.

    A lane gathers every claim of a quantity in the folder: "people killed" holds the tolls of many
    attacks, "tonnes" many loads and harvests.  Two of them can disagree only when they count one
    thing: a running total of a side's losses ("Russian soldiers killed", at least
    :data:`EVENT_TOLL_MAX`) is one count for the whole war; any other pair must name one place in
    both sentences that few of the timeline's sentences name (:data:`EVENT_PLACE_SHARE`), or share
    :data:`EVENT_WORDS_SHARED` words that fewer still use (:data:`EVENT_WORD_SHARE`: the ship, the
    prison, the bridge).  Compare rows need no such test: a row is one fact already.
    """
    words = [_own_words(p) for p in points]
    places = [frozenset(k for k, _ in place_words(p.sentence)) for p in points]
    df: Counter[str] = Counter(w for ws in words for w in ws)
    place_df: Counter[str] = Counter(k for ks in places for k in ks)
    rare_word = max(EVENT_WORD_MIN_DOCS, int(EVENT_WORD_SHARE * len(points)))
    rare_place = max(EVENT_WORD_MIN_DOCS, int(EVENT_PLACE_SHARE * len(points)))

    def war_total(c: ClaimFact) -> bool:
        q = c.quantity
        return bool(q.subject) and q.kind in TOLL_KINDS and c.value >= EVENT_TOLL_MAX and q.scope != "event"

    def related(a: ClaimFact, b: ClaimFact) -> bool:
        if war_total(a) and war_total(b):
            return True
        if any(place_df[k] <= rare_place for k in places[a.key] & places[b.key]):
            return True
        return sum(1 for w in words[a.key] & words[b.key] if df[w] <= rare_word) >= EVENT_WORDS_SHARED

    return related


def _name_lanes(named: Sequence[tuple[Series, Quantity, str, str]]) -> None:
    """Each series' label: its most common counted phrase, and its place in brackets.

    Lanes whose phrases read alike ("prisoners") but count different
    quantities say what tells them apart: the side the quantity belongs to as
    the articles write it ("Ukrainian"), and what happened to it ("killed").
    """
    named = [(s, q, _say_kind_and_rate(_with_thing(label, q, s.points), q), place) for s, q, label, place in named]
    seen = Counter((label.casefold(), place) for _, _, label, place in named)
    for s, q, label, place in named:
        if seen[(label.casefold(), place)] > 1:
            low = label.casefold()
            side = _side_word(s.points, q.subject)
            happened = kind_word(q.kind)
            if side and side.casefold() not in low:
                label = f"{side} {label}"
            if happened and not says_kind(label, q.kind):
                label = f"{label} {happened}"
        s.label = f"{label} ({place})" if place else label


_SENTENCE_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)


def _with_thing(label: str, q: Quantity, pts: Sequence[TimelinePoint]) -> str:
    """A lane labelled by its unit alone says what it counts: "tons" of grain and of corn are two lanes, and
    "tons" above both told the reader nothing.  The thing's word as the points' sentences write it most."""
    if not q.thing or not q.unit or q.unit.startswith("count") or q.thing in stem_set(label):
        return label  # (a count's label names its thing already: "casualties", "soldiers killed")
    words = Counter(
        w.casefold() for p in pts for w in _SENTENCE_WORD.findall(p.sentence) if stem(w) == q.thing
    )
    return f"{label} of {words.most_common(1)[0][0]}" if words else label


_RATE_ADVERBS = {"day": "daily", "year": "(?:yearly|annual(?:ly)?)"}
_HURT_WORDS = re.compile(r"\b(?:wound|injur|hurt|casualt)", re.IGNORECASE)


def _say_kind_and_rate(label: str, q: Quantity) -> str:
    """A lane's phrase with what its quantity counts and the phrase leaves out: a count of the killed *or*
    wounded ("75,000 Russian troops killed or wounded" is no death toll), and a rate ("100 soldiers killed a
    day" is no total).  Without it two lanes read "Russian troops killed" and count different things."""
    if q.kind == "casualty" and not _HURT_WORDS.search(label):
        label = re.sub(r"\b(?:killed|dead|died)\b", "killed or wounded", label, count=1)
        if not _HURT_WORDS.search(label):
            label = f"{label} killed or wounded"
    if q.rate:
        period = re.escape(q.rate)
        said = rf"\b(?:(?:per|a|an|each|every)\s+{period}\b|{_RATE_ADVERBS.get(q.rate, period + 'ly')})"
        if not re.search(said, label, re.IGNORECASE):
            label = f"{label} per {q.rate}"
    return label


def _side_word(pts: Sequence[TimelinePoint], subject: str) -> str:
    """The adjective the points' counted phrases (else sentences) use for ``subject`` ("ukrain" -> "Ukrainian").

    Only a word at least half the points use names the lane: one sentence's "British" does not
    make a lane of a city's tolls "British people killed".
    """
    if not subject or subject.startswith("own") or not pts:
        return ""
    for texts in ([p.counted for p in pts], [p.sentence for p in pts]):
        words: Counter[str] = Counter()
        for t in texts:
            words.update({w for w in _CAPITAL_WORD.findall(t) if fold_subject(w) == subject and _ADJECTIVE.search(w)})
        if words:
            word, n = words.most_common(1)[0]
            return word if 2 * n >= len(pts) else ""
    return ""


def _running(p: TimelinePoint) -> bool:
    """A bare figure with an open top: a running count ("rose to 50"), see :func:`running_count`."""
    return not p.qualifier and p.high == math.inf


def _places_of(p: TimelinePoint, f: Figure, passage: dict[str, str]) -> dict[str, str]:
    """The places named near a point's figure in its sentence (key -> name as written).

    A sentence that names no place at all takes its passage's places, else
    its article title's; one that names a place only far from the figure
    ("... hours after a rally in Brentholm") has none.
    """
    named = place_words(p.sentence)
    if named:
        at = p.sentence.find(f.text)
        near = places_near(p.sentence, at, at + len(f.text)) if at >= 0 else dict(named)
        return whole_place_names(p.sentence, near)
    return passage or whole_place_names(p.title, dict(place_words(p.title)))


def whole_place_names(text: str, places: dict[str, str]) -> dict[str, str]:
    """``places`` (key -> word) with each word named as the whole place it is part of in ``text``.

    Place words are keyed one by one, so "the Black Sea" gives "Black" and "Sea": a lane
    labelled by the first would read "people (Sea)".  The words of one name (one capitalised
    phrase, :func:`desk.compare.places.place_spans` gives them one offset) are one place: both
    keys get "Black Sea".
    """
    runs: dict[int, list[tuple[int, str, str]]] = {}
    for at, key, word in place_spans(text):
        runs.setdefault(at, []).append((at, key, word))
    out = dict(places)
    for run in runs.values():
        if len(run) > 1 and all(k in places for _, k, _ in run):
            name = " ".join(w for _, _, w in run)
            for _, k, _ in run:
                out[k] = name
        elif len(run) == 1 and run[0][1] in places and text.startswith("New " + run[0][2], run[0][0]):
            out[run[0][1]] = "New " + run[0][2]  # "New York": "New" is keyed as no place of its own
    return out


def _by_place(
    claims: Sequence[ClaimFact], where: Sequence[dict[str, str]]
) -> list[tuple[tuple[str, str] | None, list[ClaimFact]]]:
    """Claims of one quantity split by the place they name.

    The place most of the claims name is the quantity's own (a country's
    toll); claims that name it, or no place, stay together.  Claims naming
    other places form one group per place (the first place each names), so
    that a town's toll is its own series, not a point in the country's.
    """
    count: Counter[str] = Counter(k for c in claims for k in where[c.key])
    names = {k: n for c in claims for k, n in where[c.key].items()}
    main = count.most_common(1)[0][0] if count else ""
    groups: dict[str, list[ClaimFact]] = {}
    for c in claims:
        keys = where[c.key]
        if not keys or main in keys:
            groups.setdefault("", []).append(c)
        else:
            first = max(keys, key=lambda k: (count[k], -list(keys).index(k)))
            groups.setdefault(first, []).append(c)
    out: list[tuple[tuple[str, str] | None, list[ClaimFact]]] = []
    for k, cs in groups.items():
        out.append(((k, names[k]) if k else None, cs))
    return out


def _one_per_article(
    items: list[tuple[Quantity, TimelinePoint, Figure]],
) -> list[tuple[Quantity, TimelinePoint, Figure]]:
    """An article that repeats a claim (headline, standfirst, body) gives one point for it."""
    kept: list[tuple[Quantity, TimelinePoint, Figure]] = []
    for item in items:
        q, p, _ = item
        if not any(
            k.article_id == p.article_id and k.value == p.value and k.qualifier == p.qualifier
            and k.as_of == p.as_of and kq.matches(q) and same_claimant(k.claimant, p.claimant)
            for kq, k, _ in kept
        ):
            kept.append(item)
    return kept


def _label(pts: Sequence[TimelinePoint]) -> str:
    counts = Counter(p.counted.casefold() for p in pts if p.counted)
    if not counts:
        return ""
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return next(p.counted for p in pts if p.counted.casefold() == best)


def timeline_from_refs(
    query: str, refs: Iterable[PassageRef], cancelled: CancelCheck | None = None, context: Iterable[PassageRef] = ()
) -> Timeline:
    return Timeline(query=query, series=build_series(refs, cancelled, context))


def timeline_from_rows(query: str, rows: Sequence[Row]) -> Timeline:
    """The timeline of a set of compare rows (their passages' claims)."""
    refs = [r for row in rows for cell in row.cells.values() for r in cell]
    return timeline_from_refs(query, refs)


#: a series needs this many points to be ranked by the query's words (one figure makes a poor lane)
RANK_MIN_POINTS = 3


def rank_series(tl: Timeline, query: str) -> None:
    """Series that count what the query names first ("civilians killed" before "miles"), then the largest."""
    from desk.compare.tokens import content_stems

    wanted = set(content_stems(query))

    def key(s: Series) -> tuple[int, int, str]:
        named = len(wanted & set(content_stems(s.label))) if len(s.points) >= RANK_MIN_POINTS else 0
        return (-named, -len(s.points), s.label.casefold())

    tl.series.sort(key=key)


def _neighbours(library: Any, hits: Sequence[PassageRef]) -> list[PassageRef]:
    """The passages beside each hit (as the comparison widens its candidates)."""
    from desk.compare.retrieve import NEIGHBOURS
    from desk.errors import DeskError

    keys = {h.key for h in hits}
    out: list[PassageRef] = []
    for h in hits:
        for d in range(-NEIGHBOURS, NEIGHBOURS + 1):
            key = (h.article_id, h.number + d)
            if key[1] < 0 or key in keys:
                continue
            keys.add(key)
            try:
                out.append(library.passage(*key))
            except (DeskError, LookupError, ValueError):
                continue  # past the article's end, or removed meanwhile
    return out


def timeline_for_query(
    library: Any,
    query: str,
    outlets: Sequence[str] = (),
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    *,
    limit: int = QUERY_LIMIT,
) -> Timeline:
    """Search ``library`` (every matching passage up to ``limit``) and build the timeline of its claims."""
    from desk.compare.tokens import expand_query
    from desk.errors import QueryError

    if progress:
        progress(0, 0, "searching")
    expanded = expand_query(query)
    try:
        result = library.search(expanded, outlets=tuple(outlets), since=since, until=until, limit=limit, per_article=0)
    except QueryError:
        if expanded == query:
            raise
        result = library.search(query, outlets=tuple(outlets), since=since, until=until, limit=limit, per_article=0)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress:
        progress(0, 0, "building the timeline")
    hits = list(result.hits)
    tl = timeline_from_refs(query, hits, cancelled, _neighbours(library, hits))
    rank_series(tl, query)
    tl.pending_extraction = result.pending_extraction
    tl.passages = len(result.hits)
    if outlets:
        tl.filters["outlets"] = ", ".join(outlets)
    if since:
        tl.filters["since"] = since if isinstance(since, str) else since.isoformat()
    if until:
        tl.filters["until"] = until if isinstance(until, str) else until.isoformat()
    return tl
