"""Article text to rich text, safely.

Article text is untrusted: it may hold ``<img src=http://...>``, ``<script>``
or ``javascript:`` links.  Every piece of it that reaches a rich-text widget or
delegate goes through :func:`escape_text` (and only through it); the spans we
add on top (figures, claimants, search terms, boilerplate, differences) are our
own markup wrapped around already-escaped segments.

The rendered HTML keeps one character of plain text per character of the
source text (``white-space: pre-wrap``, control characters replaced one for
one), so a document position equals an article offset.  The reader relies on
that to land on a match.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from desk import palette
from desk.extract.sentences import sentence_at
from desk.model import Article, Extraction, PassageRef, Row
from desk.textsafe import body_text


def escape_text(text: str) -> str:
    """THE escaping function: untrusted text in, inert HTML text out.

    C0/C1 controls other than newline and tab would confuse the layout, and a bidi
    embedding, override or isolate would reorder what follows it (a right-to-left
    override turns "1200" into "0021"); each becomes one replacement character so
    offsets survive (:func:`desk.textsafe.body_text`, which a cell's display role gives too)."""
    return html.escape(body_text(text), quote=True)


# --------------------------------------------------------------------------
# Colours

@dataclass
class Theme:
    """The colours rich text uses; one for light palettes, one for dark."""

    dark: bool = False
    text: str = "#1b1b1b"
    dim: str = "#8a8a8a"
    hit_bg: str = palette.LIGHT_HIT
    hit_fg: str = "#000000"
    mark: str = "#d50000"
    diff_bg: str = "#e8eaf6"
    deleted: str = "#9e9e9e"
    hover_bg: str = "#ff6d00"
    figures: list[str] = field(default_factory=lambda: list(palette.LIGHT_FIGURES))

    @classmethod
    def for_dark(cls, dark: bool) -> Theme:
        if not dark:
            return cls()
        return cls(
            dark=True,
            text="#e8e8e8",
            dim="#8c8c8c",
            hit_bg=palette.DARK_HIT,
            hit_fg="#ffffff",
            mark="#ff5252",
            diff_bg="#2c3350",
            deleted="#9e9e9e",
            hover_bg="#ff9100",
            figures=list(palette.DARK_FIGURES),
        )


def value_key(value: float) -> str:
    """A figure value as a key: 14400.0 -> "14400"."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:g}"


class ColorBook:
    """Stable colours: the same figure value, or claimant, gets one look everywhere.

    Claimant looks come from a :class:`desk.palette.ClaimantPalette`, which
    the window shares between its views (``claimants`` may be replaced by a
    shared one).  ``hidden`` names are drawn plain (the legend hides them).
    """

    def __init__(self, theme: Theme | None = None, claimants: palette.ClaimantPalette | None = None) -> None:
        self._theme = theme or Theme()
        self.claimants = claimants or palette.ClaimantPalette(dark=self._theme.dark)
        self._values: dict[str, int] = {}
        self.hidden: set[str] = set()

    @property
    def theme(self) -> Theme:
        return self._theme

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._theme = theme

    def reset(self) -> None:
        self._values.clear()
        self.claimants.reset()

    def figure(self, value: float) -> str:
        k = value_key(value)
        i = self._values.setdefault(k, len(self._values))
        return self.theme.figures[i % len(self.theme.figures)]

    def look(self, name: str) -> palette.Look:
        return palette.look_for_slot(self.claimants.slot(name), dark=self.theme.dark)

    def claimant(self, name: str) -> str:
        return self.look(name).colour

    def claimant_names(self) -> list[str]:
        return self.claimants.names()


# --------------------------------------------------------------------------
# Spans to HTML


@dataclass
class Mark:
    """One styled span over the source text (offsets into that text)."""

    start: int
    end: int
    css: str = ""
    href: str = ""  # our own anchor ("fig:14400", "who:Name"), never article text
    priority: int = 0  # higher wins when two marks set the same property
    prefix: str = ""  # trusted markup inserted before ``start``
    suffix: str = ""  # trusted markup inserted after ``end``


def _merge_css(marks: list[Mark]) -> str:
    props: dict[str, str] = {}
    for m in sorted(marks, key=lambda m: m.priority):
        for decl in m.css.split(";"):
            if ":" in decl:
                k, v = decl.split(":", 1)
                props[k.strip()] = v.strip()
    return "; ".join(f"{k}: {v}" for k, v in props.items())


def render(text: str, marks: Iterable[Mark], *, base_css: str = "") -> str:
    """``text`` with ``marks`` applied, as an HTML fragment (a pre-wrap div)."""
    n = len(text)
    # a mark wholly outside the text (an excerpt of a passage) is dropped with its prefix and suffix
    inside = [m for m in marks if (m.start < n and m.end > 0) or (m.start == m.end and 0 <= m.start <= n)]
    ms = [Mark(max(0, m.start), min(n, m.end), m.css, m.href, m.priority, m.prefix, m.suffix) for m in inside]
    ms = [m for m in ms if m.start < m.end or m.prefix or m.suffix]
    # one sweep over the cut points: the marks that open and close at each point are looked up, and the
    # marks over a segment are those opened and not yet closed (scanning every mark at every point made
    # a long report with thousands of marks take minutes)
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, m in enumerate(ms):
        opens.setdefault(m.start, []).append(i)
        closes.setdefault(m.end, []).append(i)
    points = sorted({0, n, *opens, *closes})
    out: list[str] = [f'<div style="white-space: pre-wrap; {base_css}">']
    active: set[int] = set()
    for k, a in enumerate(points):
        ending = closes.get(a, [])
        starting = opens.get(a, [])
        out.extend(ms[i].suffix for i in ending if ms[i].suffix)
        out.extend(ms[i].prefix for i in starting if ms[i].prefix)
        active.difference_update(ending)
        active.update(i for i in starting if ms[i].end > a)
        if k + 1 >= len(points):
            break
        b = points[k + 1]
        seg = escape_text(text[a:b])
        if not active:
            out.append(seg)
            continue
        over = [ms[i] for i in sorted(active)]
        css = _merge_css(over)
        hrefs = [m for m in over if m.href]
        inner = f'<span style="{css}">{seg}</span>' if css else seg
        if hrefs:
            top = max(hrefs, key=lambda m: m.priority)
            out.append(
                f'<a href="{html.escape(top.href, quote=True)}" style="text-decoration: none; {css}">{inner}</a>'
            )
        else:
            out.append(inner)
    out.append("</div>")
    return "".join(out)


def anchor_key(kind: str, name: str) -> str:
    """Our own anchor target: only [A-Za-z0-9_] survives after the scheme."""
    return kind + ":" + re.sub(r"[^0-9A-Za-z_.-]+", "_", name)


# --------------------------------------------------------------------------
# What desk highlights


@dataclass
class Highlight:
    """What to draw on top of a text, shared by the reader and the compare cells."""

    colors: ColorBook
    hover: str = ""  # anchor key under the mouse: its counterparts light up
    marked_figures: set[tuple[str, int]] = field(default_factory=set)  # (article_id, figure start)
    markers: bool = False  # a claimant's marker glyph after its name (compare panes; not the reader's offsets)
    show_diffs: bool = False  # wording differences against the row's reference passage (off: the text untouched)


def _figure_marks(
    base: int, figures: Iterable[tuple[int, int, int | None, float, str]], hl: Highlight, marked: set[int]
) -> list[Mark]:
    out = []
    th = hl.colors.theme
    for start, end, qstart, value, qualifier in figures:
        key = anchor_key("fig", value_key(value))
        bg = th.hover_bg if hl.hover == key else hl.colors.figure(value)
        suffix = ""
        if start in marked:
            suffix = f'<span style="color: {th.mark}; font-weight: bold">\u2260</span>'
        css = f"background-color: {bg}; color: {th.text if not th.dark else '#ffffff'}; font-weight: bold"
        if qstart is not None and qstart < start:
            qcss = f"background-color: {bg}; color: {th.text if not th.dark else '#ffffff'}; font-style: italic"
            out.append(Mark(qstart - base, start - base, qcss, key, priority=3))
        elif qualifier:
            suffix = f'<sub style="color: {th.dim}">({escape_text(qualifier)})</sub>' + suffix
        out.append(Mark(start - base, end - base, css, key, priority=4, suffix=suffix))
    return out


def _claimant_marks(base: int, spans: Iterable[tuple[int, int, str]], hl: Highlight) -> list[Mark]:
    out = []
    for start, end, name in spans:
        name = hl.colors.claimants.shown(name)
        if not name or name in hl.colors.hidden:
            continue
        key = anchor_key("who", name)
        look = hl.colors.look(name)
        css = f"color: {look.colour}; text-decoration: underline; font-weight: bold"
        if hl.hover == key:
            css += f"; background-color: {hl.colors.theme.hover_bg}"
        suffix = f'<sup style="color: {look.colour}">{look.glyph}</sup>' if hl.markers else ""
        out.append(Mark(start - base, end - base, css, key, priority=2, suffix=suffix))
    return out


def _hit_marks(base: int, spans: Iterable[tuple[int, int]], th: Theme) -> list[Mark]:
    return [
        Mark(s - base, e - base, f"background-color: {th.hit_bg}; color: {th.hit_fg}", priority=1)
        for s, e in spans
    ]


def passage_html(ref: PassageRef, hl: Highlight, row: Row | None = None, *, cut_before: bool = False,
                 cut_after: bool = False) -> str:
    """One compare cell: a passage with figures, claimants, hits and word differences.

    ``cut_before`` / ``cut_after`` say that ``ref`` is an excerpt of a longer
    passage: a dim ellipsis shows where text was left out.
    """
    th = hl.colors.theme
    base = ref.start
    marks: list[Mark] = []
    ellipsis = f'<span style="color: {th.dim}">\u2026</span>'
    if cut_before:
        marks.append(Mark(0, 0, prefix=ellipsis + " "))
    if cut_after:
        marks.append(Mark(len(ref.text), len(ref.text), suffix=" " + ellipsis))
    marked = {s for (aid, s) in hl.marked_figures if aid == ref.article_id}
    figs = [
        (c.figure.start, c.figure.end, c.figure.qualifier_start, c.figure.value, c.figure.qualifier)
        for c in ref.claims
    ]
    marks += _figure_marks(base, figs, hl, marked)
    names = {i: a.name for i, a in enumerate(ref.attributions)}
    marks += _claimant_marks(base, [(a.source_start, a.source_end, a.name) for a in ref.attributions], hl)
    for c in ref.claims:
        if c.claimant and c.attribution is None and c.claimant not in names.values():
            hl.colors.claimant(c.claimant)
    marks += _hit_marks(base, ref.highlights, th)
    for b in ref.boilerplate:
        marks.append(Mark(b.start - base, b.end - base, f"color: {th.dim}", priority=0))
    if row is not None and hl.show_diffs:
        for d in row.word_diffs.get(ref.key, []):
            if d.op == "delete":
                pos = d.start - base
                if d.other:
                    marks.append(
                        Mark(
                            pos,
                            pos,
                            suffix=f'<span style="color: {th.deleted}; text-decoration: line-through">'
                            f"{escape_text(d.other)}</span>",
                        )
                    )
            else:
                marks.append(Mark(d.start - base, d.end - base, f"background-color: {th.diff_bg}", priority=0))
    return render(ref.text, marks, base_css=f"color: {th.text}")


def article_html(
    article: Article,
    extraction: Extraction | None,
    hits: Iterable[tuple[int, int]],
    hl: Highlight,
    window: tuple[int, int] | None = None,
) -> str:
    """The reader: the article (or the part ``window`` = (start, end) of it), boilerplate dimmed, figures,
    claimants and matches marked.  Positions in the rendered text are offsets from the window's start."""
    th = hl.colors.theme
    lo, hi = window if window is not None else (0, len(article.text))
    text = article.text[lo:hi]

    def near(start: int, end: int) -> bool:
        return start < hi and end > lo

    marks: list[Mark] = [Mark(b.start, b.end, f"color: {th.dim}", priority=0) for b in article.boilerplate
                         if near(b.start, b.end)]
    # Markdown heading markers stay in the text (offsets), dimmed; the heading itself in bold
    for m in _HEADING.finditer(text):
        marks.append(Mark(lo + m.start(1), lo + m.end(1), f"color: {th.dim}", priority=0))
        marks.append(Mark(lo + m.end(1), lo + m.end(), "font-weight: bold", priority=0))

    def furniture(start: int, end: int) -> bool:  # page furniture stays dimmed, unhighlighted
        return any(b.start <= start and end <= b.end for b in article.boilerplate)

    if extraction is not None:
        figs = [
            (f.start, f.end, f.qualifier_start, f.value, f.qualifier)
            for f in extraction.figures
            if near(f.start, f.end) and not furniture(f.start, f.end)
        ]
        marks += _figure_marks(0, figs, hl, set())
        spans = [
            (a.source_start, a.source_end, a.name)
            for a in extraction.attributions
            if near(a.source_start, a.source_end) and not furniture(a.source_start, a.source_end)
        ]
        marks += _claimant_marks(0, spans, hl)
    marks += _hit_marks(0, [(s, e) for s, e in hits if near(s, e)], th)
    if lo:
        marks = [dataclasses.replace(m, start=m.start - lo, end=m.end - lo) for m in marks]
    return render(text, marks, base_css=f"color: {th.text}")


def legend_html(colors: ColorBook) -> str:
    """Claimant colours, for the legend above the compare view."""
    names = colors.claimant_names()
    if not names:
        return ""
    parts = [
        f'<span style="color: {colors.claimant(n)}; font-weight: bold">\u25a0 {escape_text(n)}</span>'
        for n in names
    ]
    return "Claimants: " + " &nbsp; ".join(parts)


_HEADING = re.compile(r"^(#{1,6}[ \t]+)(\S.*)$", re.MULTILINE)
_WORD = re.compile(r"[\w\u2019']+", re.UNICODE)
_OPERATORS = {"and", "or", "not", "near", "to"}


def query_terms(query: str) -> list[str]:
    """The plain words of a query, for marking them in the reader (fields and operators dropped)."""
    terms: list[str] = []
    for tok in re.findall(r'"[^"]*"|\S+', query):
        if ":" in tok and not tok.startswith('"'):
            field_name, _, rest = tok.partition(":")
            if field_name.lower() in {"outlet", "date", "since", "until", "claimant", "title", "author"}:
                continue
            tok = rest
        for w in _WORD.findall(tok):
            if w.lower() not in _OPERATORS and len(w) > 1:
                terms.append(w.rstrip("*"))
    return terms


def find_terms(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the words starting with any term (case-insensitive), in text order."""
    words = sorted({t.lower() for t in terms if t}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def excerpt_bounds(ref: PassageRef, limit: int = 420) -> tuple[int, int]:
    """The part of a long passage worth showing collapsed: the sentences with its hits and figures.

    Offsets into ``ref.text``.  From the first sentence with a search hit or
    a figure to the last one, or only the first of them when that would be
    longer than ``limit``; a passage without either opens with its first
    sentences.  A short passage is shown whole.  Sentences are the core's
    (:func:`desk.extract.sentences.sentence_at`: "Rep. Ana Roe" and "the U.S. envoy" end none).
    """
    text = ref.text
    if len(text) <= limit:
        return 0, len(text)
    points = sorted(s for s, e in (ref.local(a, b) for a, b in ref.highlights) if e > s)
    points += sorted(s for s, e in (ref.local(c.figure.start, c.figure.end) for c in ref.claims) if e > s)
    points.sort()
    if not points:
        a, b = 0, sentence_at(text, 0)[1]
    else:
        a, b = sentence_at(text, points[0])
        last = sentence_at(text, points[-1])[1]
        if last - a <= limit:
            b = last
    if b - a > limit:  # one run-on sentence: cut at a word
        cut = text.rfind(" ", a, a + limit)
        b = cut if cut > a else a + limit
    return a, max(b, a + 1)
